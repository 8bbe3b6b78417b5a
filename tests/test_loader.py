"""The loader: every malformed plan is exit 2 with FILE:LINE:COL and no traceback."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers import ROOT, plan_text, run, write_tree
from hypothesis import given, settings
from hypothesis import strategies as st

from coprod_cli.errors import PlanError
from coprod_cli.plan.loader import load_plan, load_plan_text

BAD = sorted((ROOT / "tests" / "cases" / "bad").glob("*.yaml"))
EXPECT = re.compile(r"^# expect: (\d+):(\d+): (.+)$")


def test_corpus_is_big_enough():
    assert len(BAD) >= 25


@pytest.mark.parametrize("case", BAD, ids=lambda p: p.stem)
def test_bad_plan_is_exit_2_with_position(case: Path):
    line, col, fragment = EXPECT.match(case.read_text().splitlines()[0]).groups()
    result = run("check", "-p", str(case))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    first = result.stderr.splitlines()[0]
    assert first.startswith(f"{case}:{line}:{col}: "), first
    assert fragment in first


def _first_error(text: str) -> str:
    with pytest.raises(PlanError) as caught:
        load_plan_text(text, "p.yaml")
    return caught.value.lines()[0]


def test_all_problems_reported_at_once():
    text = "title: T\nworkshops:\n  - title: W\n    mode: onlin\n    agenda:\n      - {title: A, duration: 0}\n"
    with pytest.raises(PlanError) as caught:
        load_plan_text(text, "p.yaml")
    lines = caught.value.lines()
    assert len(lines) == 2
    assert lines[0].startswith("p.yaml:4:11: workshops[0].mode:")
    assert lines[1].startswith("p.yaml:6:30: workshops[0].agenda[0].duration:")


@pytest.mark.parametrize(
    "raw, minutes",
    [("10:30", 630), ("9:30", 570), ('"09:30"', 570), ("'10:00'", 600), ("13:05", 785)],
)
def test_clock_times_unquoted_or_quoted(raw: str, minutes: int):
    loaded = load_plan_text(plan_text(start=raw))
    assert loaded.plan.workshops[0].start == minutes


@pytest.mark.parametrize(
    "raw, meant",
    [
        ("1230", "12:30"),
        ("930", "09:30"),
        ("0930", "09:30"),
        ("10", "10:00"),
        ("12,30", "12:30"),
        ("12:30:00", "12:30"),
        ("12.3", "12:30"),  # unquoted, YAML reads 12.3: 12:30 or 12:03?
        ("2400", None),
        ("13pm", None),
        ("0am", None),
        ("lunchtime", None),
    ],
)
def test_a_mistyped_clock_time_is_answered_with_the_time_it_means(raw: str, meant: str | None):
    line = _first_error(plan_text(start=raw))
    assert line.startswith("p.yaml:4:12: workshops[0].start: "), line
    if meant is None:
        assert line.endswith("is not a clock time; write it like 10:00, 9:30 or 2pm"), line
    else:
        assert line.endswith(f", like {meant}"), line


@pytest.mark.parametrize(
    "raw, minutes",
    [
        ("10.30", 630),  # unquoted, YAML reads the number 10.3; the plan reads what was written
        ("'10.30'", 630),
        ("10.00", 600),
        ("9.05", 545),
        ("2pm", 840),
        ("2:30pm", 870),
        ("12:30pm", 750),
        ("1:30 PM", 810),
        ("2 p.m.", 840),
        ("12am", 0),
        ("9.15am", 555),
        ("14:00", 840),
        ("noon", 720),
    ],
)
def test_a_clock_time_is_read_as_the_wizard_reads_it(raw: str, minutes: int):
    assert load_plan_text(plan_text(start=raw)).plan.workshops[0].start == minutes


@pytest.mark.parametrize(
    "raw, minutes",
    [
        ("15", 15),
        ("15m", 15),
        ("15 min", 15),
        ("1h", 60),
        ("1h30m", 90),
        ("1h 30m", 90),
        ("PT1H30M", 90),
        ("010", 10),
        ("90", 90),
    ],
)
def test_duration_forms(raw: str, minutes: int):
    loaded = load_plan_text(plan_text(f"- title: A\n  duration: {raw}"))
    assert loaded.plan.workshops[0].agenda[0].duration == minutes


@pytest.mark.parametrize(
    "raw, says",
    [
        ("half an hour", "'half an hour' is not a length of time coprod reads; write 30m"),
        ("an  hour", "write 1h"),
        ("a while", "'a while' is not a length of time; write it like 20m, 1h or 1h30m"),
        ("0m", "should be more than 0 minutes"),
    ],
)
def test_a_length_that_is_not_one_says_how_to_write_it(raw: str, says: str):
    with pytest.raises(PlanError) as caught:
        load_plan_text(plan_text(f"- title: A\n  duration: {raw}"))
    assert says in str(caught.value)


def test_yaml_12_scalars_stay_text():
    text = "title: no\norganiser: on\nworkshops:\n  - title: off\n    venue: 010\n"
    plan = load_plan_text(text).plan
    assert (plan.title, plan.organiser, plan.workshops[0].title) == ("no", "on", "off")
    assert plan.workshops[0].venue == "010"  # text stays as typed, not the number ten


def test_use_copies_library_fields_and_overrides_win():
    loaded = load_plan_text(plan_text("- use: dot-voting\n  duration: 30m\n  title: Vote"))
    item = loaded.plan.workshops[0].agenda[0]
    assert (item.title, item.kind, item.duration) == ("Vote", "decision", 30)
    assert item.materials  # from the library
    assert sum(s.duration or 0 for s in item.steps) == 30  # inherited steps follow the new length


def test_plan_activity_overrides_library_id():
    text = (
        "title: T\nactivities:\n  dot-voting: {title: Our vote, kind: decision, duration: 12m}\n"
        "workshops:\n  - title: W\n    agenda:\n      - use: dot-voting\n"
    )
    item = load_plan_text(text).plan.workshops[0].agenda[0]
    assert (item.title, item.duration) == ("Our vote", 12)


def test_shorthands_make_breaks_and_meals():
    loaded = load_plan_text(plan_text("- break: 10m\n- lunch: 30\n- meal: 45m"))
    kinds = [(i.kind, i.title, i.duration) for i in loaded.plan.workshops[0].agenda]
    assert kinds == [("break", "Break", 10), ("meal", "Lunch", 30), ("meal", "Meal", 45)]


def test_workshop_id_from_title_slug():
    plan = load_plan_text(plan_text(title="An Introduction to Service Design!")).plan
    assert plan.workshops[0].id == "an-introduction-to-service-design"


def test_merge_keys_and_anchors_work():
    text = "title: T\nworkshops:\n  - &base\n    title: A\n    venue: Hall\n  - <<: *base\n    title: B\n"
    plan = load_plan_text(text).plan
    assert [(w.title, w.venue) for w in plan.workshops] == [("A", "Hall"), ("B", "Hall")]


def test_empty_and_comment_only_files(tmp_path: Path):
    for name, text in {"empty.yaml": "", "comments.yaml": "# nothing yet\n"}.items():
        write_tree(tmp_path, {name: text})
        result = run("check", "-p", str(tmp_path / name))
        assert result.exit_code == 2
        assert result.stderr.startswith(f"{tmp_path / name}:1:1: the plan is empty")


def test_binary_file(tmp_path: Path):
    write_tree(tmp_path, {"plan.yaml": b"\x89PNG\r\n\x1a\n\x00\x00\x00"})
    result = run("check", "-p", str(tmp_path / "plan.yaml"))
    assert result.exit_code == 2
    assert "not a text file" in result.stderr
    assert "Traceback" not in result.stderr


def test_not_utf8(tmp_path: Path):
    write_tree(tmp_path, {"plan.yaml": "title: Caf\xe9\n".encode("latin-1")})
    result = run("check", "-p", str(tmp_path / "plan.yaml"))
    assert result.exit_code == 2
    assert ":1:1: the file is not UTF-8 text" in result.stderr


def test_missing_file_and_folder(tmp_path: Path):
    result = run("check", "-p", str(tmp_path / "nope.yaml"))
    assert result.exit_code == 2
    assert "there is no plan here" in result.stderr
    result = run("check", "-p", str(tmp_path))
    assert result.exit_code == 2
    assert "this is a folder" in result.stderr


def test_oversized_file(tmp_path: Path):
    big = tmp_path / "big.yaml"
    with big.open("w") as handle:
        handle.write("title: T\nworkshops:\n  - title: W\n")
        handle.write("# padding\n" * 1_700_000)
    result = run("check", "-p", str(big))
    assert result.exit_code == 2
    assert "a plan can be at most 16 MB" in result.stderr


def test_alias_bomb_is_refused_fast(tmp_path: Path):
    import time

    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 9):
        prev, cur = chr(96 + i), chr(97 + i)
        lines.append(f"{cur}: &{cur} [" + ",".join([f"*{prev}"] * 9) + "]")
    text = "\n".join(lines) + "\n"
    assert len(text) < 500
    write_tree(tmp_path, {"bomb.yaml": text})
    started = time.perf_counter()
    result = run("check", "-p", str(tmp_path / "bomb.yaml"))
    elapsed = time.perf_counter() - started
    assert result.exit_code == 2
    assert "once its aliases (*name) and merges (<<) are expanded" in result.stderr
    assert elapsed < 1.0  # generous for slow CI; it takes well under 10 ms


@pytest.mark.parametrize("opener", ["[", "{a: "])
def test_deep_nesting_is_refused(tmp_path: Path, opener: str):
    write_tree(tmp_path, {"deep.yaml": "x: " + opener * 100_000})
    result = run("check", "-p", str(tmp_path / "deep.yaml"))
    # Pin the outcome, not whose limit answered first (PyYAML 6.0.3+ has its own).
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1
    assert re.match(r".*deep\.yaml:1:\d+: .*nested", lines[0])
    assert "Traceback" not in result.stderr


def test_self_referencing_alias():
    assert "not defined before it" in _first_error("a: &a [*a]\n")


def test_load_plan_reads_examples():
    for path in sorted((ROOT / "examples").glob("*.yaml")):
        assert load_plan(path).plan.workshops


def test_inherited_flex_follows_a_shorter_duration():
    item = load_plan_text(plan_text("- use: journey-map\n  duration: 5m")).plan.workshops[0].agenda[0]
    assert item.duration == 5 and (item.flex or 0) <= 5
    assert sum(s.duration or 0 for s in item.steps) <= 5 or len(item.steps) > 5


def test_empty_lists_may_be_left_blank():
    text = "title: T\nground_rules:\nglossary:\nworkshops:\n  - title: W\n    goals:\n    agenda:\n"
    plan = load_plan_text(text).plan
    assert plan.workshops[0].agenda == [] and plan.workshops[0].goals == [] and plan.glossary == {}
    result_codes = [
        f.code
        for f in __import__("coprod_cli.checks", fromlist=["run_checks"]).run_checks(load_plan_text(text)).findings
    ]
    assert [c for c in result_codes if not c.startswith("ready.")] == ["agenda.empty", "people.access"]


@st.composite
def mangled_plans(draw):
    """An example plan with a few random characters deleted, replaced or inserted."""
    text = draw(st.sampled_from([p.read_text() for p in sorted((ROOT / "examples").glob("*.yaml"))]))
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(text) - 1))
        what = draw(st.sampled_from(["delete", "replace", "insert"]))
        char = draw(st.sampled_from(list(":-[]{}#&*!|>'\"\t\n 0123456789abc,")))
        if what == "delete":
            text = text[:at] + text[at + 1 :]
        elif what == "replace":
            text = text[:at] + char + text[at + 1 :]
        else:
            text = text[:at] + char + text[at:]
    return text


@settings(max_examples=150, deadline=None)
@given(mangled_plans())
def test_any_mangled_plan_is_a_plan_error_or_checks(text: str):
    from coprod_cli.checks import run_checks

    try:
        loaded = load_plan_text(text, "p.yaml")
    except PlanError as error:
        assert error.lines() and all(re.match(r"^p\.yaml:\d+:\d+: ", line) for line in error.lines())
        return
    run_checks(loaded)


@pytest.mark.parametrize(
    "word, choices, hint",
    [
        ("lunch", ["shared-lunch", "tea-break"], "; did you mean 'shared-lunch'?"),
        ("walk", ["gallery-walk", "walk-in-pairs"], "; did you mean 'gallery-walk' or 'walk-in-pairs'?"),
        ("shaping", ["shaping-participation", "holding-the-process"], "; did you mean 'shaping-participation'?"),
        ("dot-votng", ["dot-voting"], "; did you mean 'dot-voting'?"),
        ("zzz", ["tea-break"], ""),
    ],
)
def test_did_you_mean_finds_a_word_inside_a_longer_name(word: str, choices: list[str], hint: str):
    from coprod_cli.plan.suggest import did_you_mean

    assert did_you_mean(word, choices) == hint


def test_a_bare_word_in_an_agenda_says_how_to_write_an_item(tmp_path):
    plan = tmp_path / "coprod.yaml"
    plan.write_text('title: S\nworkshops:\n  - title: W\n    start: "10:00"\n    agenda:\n      - break\n')
    result = run("check", "-p", str(plan))
    assert result.exit_code == 2
    assert result.stderr == (
        f"{plan}:6:9: workshops[0].agenda[0]: 'break' on its own is not an agenda item; write `- use: tea-break` "
        "(from `coprod library list`), or `- title: break` with its `duration:` on the next line\n"
    )


@pytest.mark.parametrize(
    "text, where, what",
    [
        # a line indented more than the key above it, which holds a value: that line moves
        (
            "a:\n  - title: Lunch\n        at: 12:30\n    duration: 30m\n",
            "3:9",
            "indented more than the one above it; line it up with `title:`",
        ),
        (
            "a:\n  - title: 'Lunch'\n      at: 12:30\n",
            "3:7",
            "indented more than the one above it; line it up with `title:`",
        ),
        ("a:\n  b: 1\n  # a note\n    c: 2\n", "4:5", "indented more than the one above it; line it up with `b:`"),
        # indented too little it joins the mapping outside; the parser stops on the next line
        (
            "w:\n  agenda:\n    - use: x\n  at: 12:30\n      title: Lunch\n",
            "4:3",
            "indented less than the one above it; line it up with `use:`",
        ),
        # text with a colon in it is not a key: the hint about quotes stays
        ("say: We talk about\n  The time: 12:30\n", "2:11", "put that text in quotes"),
        ("a:\n\tb: 1\n", "2:1", "use spaces, not tabs"),
    ],
)
def test_a_wrongly_indented_line_is_named_and_said(text: str, where: str, what: str):
    line = _first_error("title: T\n" + text)
    row, col = where.split(":")
    assert line.startswith(f"p.yaml:{int(row) + 1}:{col}: "), line
    assert what in line and ("YAML syntax" in line) == ("indented" not in what), line


def test_a_key_at_the_wrong_level_says_where_it_belongs(tmp_path):
    plan = tmp_path / "coprod.yaml"
    plan.write_text(
        "title: S\nheard:\n  - said: x\nworkshops:\n  - title: W\n    duration: 20m\n"
        "    agenda:\n      - use: tea-break\n        venue: Hall\n"
    )
    lines = run("check", "-p", str(plan)).stderr.splitlines()
    assert lines == [
        f"{plan}:2:1: heard: unknown key 'heard'; it belongs under a workshop, in line with its `title:`",
        f"{plan}:6:5: workshops[0].duration: unknown key 'duration'; it belongs under an agenda item, "
        "in line with its `title:` or `use:`",
        f"{plan}:9:9: workshops[0].agenda[0].venue: unknown key 'venue'; it belongs under a workshop, "
        "in line with its `title:`",
    ]
