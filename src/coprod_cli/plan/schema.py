"""The plan's JSON Schema, built from the models: for editors, and for `coprod new series` to write beside a plan."""

from __future__ import annotations

import json


def plan_schema() -> dict:
    """The JSON Schema of a plan (draft 2020-12)."""
    from coprod_cli.plan.models import Plan

    schema = Plan.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "coprod plan"
    return schema


def schema_text() -> str:
    """The schema as indented JSON text."""
    return json.dumps(plan_schema(), indent=2) + "\n"
