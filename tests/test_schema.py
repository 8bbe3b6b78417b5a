"""The JSON Schema for editors: documented, with enums, and agreeing with the loader on generated values."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from helpers import run, write_tree
from hypothesis import given, settings
from hypothesis import strategies as st

from coprod_cli.errors import PlanError
from coprod_cli.plan.base import KINDS, MODES
from coprod_cli.plan.frameworks import FRAMEWORKS, all_principle_ids
from coprod_cli.plan.library import load_library
from coprod_cli.plan.loader import load_plan_text
from coprod_cli.plan.schema import plan_schema

jsonschema = pytest.importorskip("jsonschema")
SCHEMA = plan_schema()
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)


def _properties(schema: dict) -> list[tuple[str, dict]]:
    """Every property of the plan and of each model in it, named MODEL.FIELD."""
    found = [(f"Plan.{k}", v) for k, v in schema["properties"].items()]
    for name, model in schema["$defs"].items():
        found += [(f"{name}.{k}", v) for k, v in model.get("properties", {}).items()]
    return found


def test_every_field_has_a_description_and_an_example():
    missing = [name for name, prop in _properties(SCHEMA) if not prop.get("description") or not prop.get("examples")]
    assert missing == []


def test_every_example_in_the_schema_is_valid_for_its_field():
    for name, prop in _properties(SCHEMA):
        sub = {**prop, "$defs": SCHEMA["$defs"]}
        for example in prop["examples"]:
            assert jsonschema.Draft202012Validator(sub).is_valid(example), (name, example)


def _enums(prop: dict) -> set[str]:
    text = json.dumps(prop)
    return {v for e in SCHEMA_ENUMS(prop) for v in e} if text else set()


def SCHEMA_ENUMS(node: Any) -> list[list]:  # noqa: N802 - reads as a phrase in the asserts
    """Every `enum` list anywhere under `node`, $refs left as they are."""
    if isinstance(node, dict):
        return ([node["enum"]] if "enum" in node else []) + [e for v in node.values() for e in SCHEMA_ENUMS(v)]
    if isinstance(node, list):
        return [e for v in node for e in SCHEMA_ENUMS(v)]
    return []


def test_enums_for_kinds_modes_library_ids_frameworks_and_principles():
    defs = SCHEMA["$defs"]
    assert list(KINDS) in SCHEMA_ENUMS(defs["Item"]["properties"]["kind"])
    assert list(MODES) in SCHEMA_ENUMS(defs["Workshop"]["properties"]["mode"])
    assert sorted(load_library()) in SCHEMA_ENUMS(defs["Item"]["properties"]["use"])
    assert list(FRAMEWORKS) in SCHEMA_ENUMS(SCHEMA["properties"]["framework"])
    assert sorted(set(all_principle_ids())) in SCHEMA_ENUMS(defs["Activity"]["properties"]["principles"])


# ---------------------------------------------------------------- the schema and the loader agree


def _loader_accepts(data: dict) -> tuple[bool, str]:
    try:
        # JSON is YAML: every string is quoted, as an editor sees it (YAML has no \\u escape for emoji)
        load_plan_text(json.dumps(data, ensure_ascii=False))
    except PlanError as error:
        return False, str(error)
    return True, ""


def _plan(item: dict | None = None, **workshop: Any) -> dict:
    return {
        "title": "T",
        "workshops": [{"title": "W", "start": "10:00", **workshop, "agenda": [item or {"title": "A", "duration": 5}]}],
    }


def _agree(data: dict, allowed: str | None = None) -> None:
    schema_ok = VALIDATOR.is_valid(data)
    loader_ok, message = _loader_accepts(data)
    if allowed and schema_ok and not loader_ok and allowed in message:
        return  # the one thing JSON Schema cannot say here
    assert schema_ok == loader_ok, (data, message or "loader accepts", list(VALIDATOR.iter_errors(data))[:1])


_UNITS = st.sampled_from(["h", "H", "hr", "hrs", "Hours", "m", "M", "min", "mins", "Minute", "minutes", "x", ""])
_NUMBERS = st.one_of(st.integers(0, 1600).map(str), st.sampled_from(["1.5", "0.25", "1.05", "0.1", "1.125", "2.50"]))
_PARTS = st.lists(st.tuples(_NUMBERS, st.sampled_from(["", " ", "\t"]), _UNITS), min_size=1, max_size=3)
_DURATION_TEXT = st.one_of(
    _PARTS.map(lambda parts: " ".join(n + s + u for n, s, u in parts)),
    st.builds(lambda h, m: f"PT{h}{m}", st.sampled_from(["", "1H", "0H", "25H"]), st.sampled_from(["", "30M", "0M"])),
    st.builds(lambda pad, v: f"{pad}{v}{pad}", st.sampled_from(["", " ", "\t"]), st.sampled_from(["20m", "1h30m"])),
    st.text(alphabet="0123456789.hmHMinPTptu :x\t", max_size=12),
)
_PER_TEXT = st.builds(
    lambda length, space, per: f"{length}{space}per {per}",
    _DURATION_TEXT,
    st.sampled_from([" ", "\t", ""]),
    st.sampled_from(["person", "Group", "people", ""]),
)
_DURATIONS = st.one_of(
    st.integers(-5, 2000),
    st.floats(-10, 2000, allow_nan=False),
    st.booleans(),
    _DURATION_TEXT,
    _PER_TEXT,
)


@settings(max_examples=150, deadline=None)
@given(_DURATIONS)
def test_durations_schema_and_loader_agree(value):
    # A regular expression cannot add the parts up: "25h" passes the schema, and the loader says
    # it is longer than a day. Every other duration gets the same answer from both.
    # `per person` is multiplied by the counts under `participants:` (another part of the plan): one here.
    plan = {**_plan({"title": "A", "duration": value}), "participants": [{"group": "G", "count": 1}]}
    _agree(plan, allowed="longer than a day")


_CLOCKS = st.one_of(
    st.integers(0, 2400),
    st.booleans(),
    st.builds(
        lambda pad, h, sep, m, half: f"{pad}{h}{sep}{m}{half}{pad}",
        st.sampled_from(["", " ", "\t"]),
        st.sampled_from(["0", "9", "09", "10", "12", "13", "23", "24", "7x"]),
        st.sampled_from([":", ".", "-", ""]),
        st.sampled_from(["00", "30", "59", "60", "5", ""]),
        st.sampled_from(["", "am", "PM", " p.m.", "\tA.m", "pM.", "m"]),
    ),
    st.sampled_from(["noon", "NOON", "Midday", " noon ", "mid day"]),
    st.text(alphabet="0123456789:. \tapmAPM", max_size=8),
)


@settings(max_examples=100, deadline=None)
@given(_CLOCKS)
def test_clock_times_schema_and_loader_agree(value):
    _agree(_plan(start=value))


@settings(max_examples=100, deadline=None)
@given(st.one_of(st.floats(-1, 25, allow_nan=False), st.integers(0, 2399).map(lambda n: n / 100)))
def test_a_clock_time_written_as_a_number_that_coprod_reads_an_editor_takes(value: float):
    # An editor sees unquoted `10.30` as the number 10.3, as JSON does: the schema cannot see the
    # digits written, so it takes any number that could be one (0 to 23.59, not whole); the loader
    # reads the digits and says what is wrong with 10.3 or 10.75. What the loader reads, the schema takes.
    plan = _plan(start=value)
    loader_ok, _ = _loader_accepts(plan)
    if loader_ok:
        assert VALIDATOR.is_valid(plan), value
    if value != int(value) and 0 <= value <= 23.59:
        assert VALIDATOR.is_valid(plan), value


# Spaces and tabs only: the loader strips any white space, and Python's `$` (the validator in
# this test) also matches before a final newline where an editor's JavaScript does not.
_IDS = st.text(alphabet="aZ09-_ .\t/é", max_size=70)


@settings(max_examples=100, deadline=None)
@given(_IDS)
def test_ids_schema_and_loader_agree(value):
    _agree(_plan(id=value))
    _agree({**_plan(), "activities": {value: {"title": "Mine", "duration": 10}}})


_MAYBE = st.sampled_from(["absent", "null", "given"])


@settings(max_examples=100, deadline=None)
@given(end=_MAYBE, length=_MAYBE, start=_MAYBE)
def test_end_and_length_schema_and_loader_agree(end, length, start):
    workshop: dict = {"title": "W", "agenda": [{"title": "A", "duration": 5}]}
    for key, how, value in (("end", end, "12:00"), ("length", length, "2h"), ("start", start, "10:00")):
        if how != "absent":
            workshop[key] = None if how == "null" else value
    _agree({"title": "T", "workshops": [workshop]})


_ITEM_KEYS = {
    "use": "dot-voting",
    "title": "A",
    "duration": "10m",
    "break": "10m",
    "lunch": "30m",
    "meal": "45m",
    "tracks": [{"group": "G", "agenda": [{"title": "B", "duration": "5m"}]}],
}


@settings(max_examples=150, deadline=None)
@given(st.fixed_dictionaries({k: _MAYBE for k in _ITEM_KEYS}), st.booleans())
def test_item_shapes_schema_and_loader_agree(how, empty_tracks):
    item = {k: (None if h == "null" else _ITEM_KEYS[k]) for k, h in how.items() if h != "absent"}
    if empty_tracks and item.get("tracks"):
        item["tracks"] = []
    _agree(_plan(item))


@settings(max_examples=100, deadline=None)
@given(
    st.one_of(
        st.integers(),
        st.floats(allow_nan=False, allow_infinity=False),
        st.booleans(),
        st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=5),  # YAML refuses control characters
    )
)
def test_text_fields_take_numbers_in_both(value):
    _agree(_plan(homework=value))
    _agree({**_plan(), "title": value})


# ---------------------------------------------------------------- coprod schema --write


def test_schema_write_puts_the_schema_beside_the_plan(tmp_path: Path, monkeypatch):
    write_tree(tmp_path, {"plans/coprod.yaml": "title: T\nworkshops:\n  - title: W\n"})
    result = run("schema", "--write", "-p", str(tmp_path / "plans" / "coprod.yaml"))
    assert result.exit_code == 0, result.stderr
    written = json.loads((tmp_path / "plans" / "coprod.schema.json").read_text())
    assert written == json.loads(run("schema").stdout)
    assert "coprod.schema.json" in result.stdout


def test_schema_write_keeps_a_file_it_did_not_write(tmp_path: Path):
    write_tree(tmp_path, {"coprod.yaml": "title: T\nworkshops:\n  - title: W\n", "coprod.schema.json": "{}\n"})
    result = run("schema", "--write", "-p", str(tmp_path / "coprod.yaml"))
    assert result.exit_code == 2 and "--force" in result.stderr
    assert (tmp_path / "coprod.schema.json").read_text() == "{}\n"
    assert run("schema", "--write", "--force", "-p", str(tmp_path / "coprod.yaml")).exit_code == 0
    assert (tmp_path / "coprod.schema.json").read_text() != "{}\n"


def test_new_series_writes_a_uid_once(tmp_path: Path):
    for folder in ("a", "b"):
        run("new", "series", str(tmp_path / folder), "--title", "S", "--start", "2026-12-07")
    uids = [load_plan_text((tmp_path / f / "coprod.yaml").read_text()).plan.uid for f in ("a", "b")]
    assert all(uids) and uids[0] != uids[1]
