"""The plan's JSON Schema, built from the models: for editors, and for `coprod new series` to write beside a plan.

The schema says what the loader says wherever JSON Schema can: the same duration, clock and id
grammar, numbers taken as text, one of `end`/`length`, what an agenda item must hold. What it
cannot say (a `use:` id defined under the plan's own `activities:`, `end` after `start`, a
principle of the chosen framework) the loader reports, with a line and a "did you mean".
"""

from __future__ import annotations

import json
from typing import Any

from pydantic.json_schema import GenerateJsonSchema

from coprod_cli.files import SCHEMA_FILE
from coprod_cli.plan.base import ID_HELP, PLAN_ID_PATTERN, TEXT_SCHEMA

MODELINE = f"# yaml-language-server: $schema={SCHEMA_FILE}"


class _PlanSchema(GenerateJsonSchema):
    """Plain text fields take numbers too (the models coerce `title: 2026` to text), and a list
    or mapping left blank (`goals:` with nothing after it) means an empty one, as in the loader."""

    def nullable_schema(self, schema: Any) -> dict[str, Any]:
        """`anyOf: [{anyOf: [a, b]}, null]` as `anyOf: [a, b, null]`, so editors name the branch that failed."""
        out = super().nullable_schema(schema)
        branches = out.get("anyOf", [])
        if len(branches) == 2 and "anyOf" in branches[0] and "$ref" not in branches[0]:
            inner = dict(branches[0])
            out = {**inner, **{k: v for k, v in out.items() if k != "anyOf"}}
            out["anyOf"] = [*inner["anyOf"], branches[1]]
        return out

    def default_schema(self, schema: Any) -> dict[str, Any]:
        out = super().default_schema(schema)
        if "default_factory" not in schema:
            return out
        default = out.pop("default", None)
        wrapped: dict[str, Any] = {"anyOf": [out, {"type": "null"}]}
        if default is not None:
            wrapped["default"] = default
        return wrapped

    def str_schema(self, schema: Any) -> dict[str, Any]:
        out = super().str_schema(schema)
        if set(out) == {"type"}:
            return dict(TEXT_SCHEMA)
        return out


_NOT_NULL = ["string", "number", "boolean", "object", "array"]
_ITEM_HELP = "An item needs a 'title' and a 'duration', 'use: ACTIVITY-ID', or a shorthand like 'break: 10m'"


def _given(key: str, why: str = _ITEM_HELP) -> dict[str, Any]:
    """`key` is written with a value (YAML `key:` with nothing after it means absent to the loader)."""
    return {"required": [key], "properties": {key: {"type": _NOT_NULL, "errorMessage": why}}}


def _absent(key: str, why: str) -> dict[str, Any]:
    """`key` is not written, or written with nothing after it; `why` is what an editor says otherwise."""
    return {"properties": {key: {"type": "null", "errorMessage": why}}}


# Exclusions are written as if/then with a message on the field that must go (JSON Schema's `not`
# gives editors only "Matches a schema that is not allowed").
def _item_rules() -> list[dict[str, Any]]:
    """An item is an inline activity (title + duration or tracks), a `use:` reference, or one shorthand."""
    shorthands = ("break", "lunch", "meal")
    rules: list[dict[str, Any]] = []
    for i, key in enumerate(shorthands):
        for other in shorthands[i + 1 :]:
            why = f"An item is one thing: '{key}' and '{other}' cannot both be used; split them"
            rules.append({"if": _given(key), "then": _absent(other, why)})
        once = f"Give the length once, as '{key}: 10m' (no 'duration' or 'use' beside it)"
        rules.append({"if": _given(key), "then": {"allOf": [_absent("duration", once), _absent("use", once)]}})
    tracks = {"required": ["tracks"], "properties": {"tracks": {"type": "array", "minItems": 1}}}
    rules.append(
        {
            "anyOf": [
                _given("use"),
                *(_given(k) for k in shorthands),
                {"allOf": [_given("title"), {"anyOf": [_given("duration"), tracks]}]},
            ]
        }
    )
    return rules


def plan_schema() -> dict:
    """The JSON Schema of a plan (draft 2020-12)."""
    from coprod_cli.plan.library import load_library
    from coprod_cli.plan.models import Plan

    schema = Plan.model_json_schema(by_alias=True, schema_generator=_PlanSchema)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "coprod plan"
    defs = schema["$defs"]
    # Library ids as an enum (editors complete them); the pattern lets the plan's own ids through,
    # because JSON Schema cannot read the keys of `activities:` to list them.
    use = defs["Item"]["properties"]["use"]
    use["anyOf"] = [
        {"enum": sorted(load_library())},
        {"type": "string", "pattern": PLAN_ID_PATTERN, "patternErrorMessage": ID_HELP},
        {"type": "null"},
    ]
    defs["Item"]["allOf"] = _item_rules()
    defs["Workshop"]["allOf"] = [
        {"if": _given("end"), "then": _absent("length", "Give either 'end' or 'length', not both")},
        {"if": _given("end"), "then": _given("start", "'end' needs a 'start' time too")},
    ]
    schema["properties"]["activities"]["propertyNames"] = {"pattern": PLAN_ID_PATTERN, "patternErrorMessage": ID_HELP}
    return schema


def schema_text() -> str:
    """The schema as indented JSON text."""
    return json.dumps(plan_schema(), indent=2, ensure_ascii=False) + "\n"
