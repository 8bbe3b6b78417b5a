"""`coprod schema`: the plan's JSON Schema, for editor completion."""

from __future__ import annotations

import json

from coprod_cli.cli import app


def plan_schema() -> dict:
    from coprod_cli.plan.models import Plan

    schema = Plan.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "coprod plan"
    return schema


def schema_text() -> str:
    return json.dumps(plan_schema(), indent=2) + "\n"


@app.command()
def schema() -> None:
    """Print the JSON Schema of a plan, for completion and checking in your editor.

    Save it (`coprod schema > coprod.schema.json`) and point your editor's YAML support at it,
    for example with a first line `# yaml-language-server: $schema=coprod.schema.json`.
    """
    from coprod_cli.cli.console import print_plain

    print_plain(schema_text().rstrip("\n"))
