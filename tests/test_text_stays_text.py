"""Every field the plan model types as text keeps the characters the user typed, numbers included."""

from __future__ import annotations

import itertools
import types
import typing
from typing import Any

import yaml
from pydantic import BaseModel

from coprod_cli.plan.loader import load_plan_text
from coprod_cli.plan.models import Plan

# Plain YAML scalars that a YAML reader would turn into numbers.
SHAPES = ("07700{:06d}", "{}e3", "00{}", "1.{}0", "0o1{:o}", "0x{:X}", "{}.50", "+{}", "-0{}", "{}E-2")
# Text fields that must name something (an activity, a principle): not free text.
NAMES = {"use", "principles"}


def _unwrap(annotation: Any) -> Any:
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            annotation = next(a for a in typing.get_args(annotation) if a is not type(None))
        else:
            return annotation


def _is_free_text(field: Any) -> bool:
    """A plain str (or list or dict of str) with no choice, pattern or check of its own."""
    checks = [m for m in field.metadata if type(m).__name__ not in ("BeforeValidator", "WithJsonSchema")]
    inner = field.annotation
    while typing.get_origin(inner) in (typing.Union, types.UnionType):
        inner = next(a for a in typing.get_args(inner) if a is not type(None))
    if typing.get_origin(inner) is typing.Annotated:
        args = typing.get_args(inner)
        checks += [m for m in args[1:] if type(m).__name__ not in ("BeforeValidator", "WithJsonSchema")]
    core = _unwrap(field.annotation)
    origin, args = typing.get_origin(core), typing.get_args(core)
    plain = core is str or (origin is list and args == (str,)) or (origin is dict and args == (str, str))
    return plain and not checks


def fill(model: type[BaseModel], data: dict, tokens: itertools.count, used: list[str], seen: tuple = ()) -> dict:
    """Give every free-text field of `model` (and of the models inside it) a number-looking value."""

    def token() -> str:
        n = next(tokens)
        value = SHAPES[n % len(SHAPES)].format(n + 1)
        used.append(value)
        return value

    for name, field in model.model_fields.items():
        key = field.alias or name
        if key in NAMES:
            continue
        core = _unwrap(field.annotation)
        origin, args = typing.get_origin(core), typing.get_args(core)
        if _is_free_text(field):
            if key not in data:
                data[key] = [token()] if origin is list else {token(): token()} if origin is dict else token()
            continue
        inner = args[0] if origin is list else args[1] if origin is dict else core
        if not (isinstance(inner, type) and issubclass(inner, BaseModel)):
            continue
        if key not in data and inner in seen:
            continue  # tracks hold agendas that hold tracks: the skeleton says how deep to go
        path = (*seen, model)
        if origin is list:
            data.setdefault(key, [{}])
            data[key] = [fill(inner, entry, tokens, used, path) for entry in data[key]]
        elif origin is dict:
            data.setdefault(key, {"x": {}})
            data[key] = {k: fill(inner, v, tokens, used, path) for k, v in data[key].items()}
        else:
            data[key] = fill(inner, data.get(key) or {}, tokens, used, path)
    return data


def _strings(value: Any) -> set[str]:
    if isinstance(value, dict):
        return set().union(*(_strings(k) | _strings(v) for k, v in value.items())) if value else set()
    if isinstance(value, list):
        return set().union(*(_strings(v) for v in value)) if value else set()
    return {value} if isinstance(value, str) else set()


def test_every_text_field_keeps_number_looking_values_as_typed():
    skeleton = {
        "workshops": [{"agenda": [{"duration": "20m", "tracks": [{"agenda": [{"duration": "10m"}]}]}]}],
        "activities": {"mine": {"duration": "20m"}},
    }
    used: list[str] = []
    data = fill(Plan, skeleton, itertools.count(), used)
    text = yaml.safe_dump(data, sort_keys=False)
    for value in used:  # write each value as a plain scalar, the way a person types it
        text = text.replace(f"'{value}'", value)
    assert len(used) > 60  # the walk reached the nested models
    plan = load_plan_text(text).plan
    kept = _strings(plan.model_dump(by_alias=True))
    assert [v for v in used if v not in kept] == []


def test_a_phone_number_reaches_the_handout_and_calendar_as_typed(tmp_path):
    from helpers import plan_text, run, write_tree

    text = plan_text("- {use: welcome-and-ground-rules}", date="2026-10-05").replace(
        "title: Test series\n", "title: Test series\ncontact: 07700900123\n"
    )
    plan = write_tree(tmp_path, {"coprod.yaml": text}) / "coprod.yaml"
    assert run("render", "-p", str(plan), "-o", str(tmp_path / "out")).exit_code == 0
    handout = next((tmp_path / "out").glob("*/handout.md")).read_text()
    assert "07700900123" in handout
    assert "07700900123" in (tmp_path / "out" / "calendar.ics").read_text()
