"""`coprod schema`: the plan's JSON Schema, for editor completion."""

from __future__ import annotations

from typing import Annotated

import typer

from coprod_cli.plan.schema import schema_text

app = typer.Typer()


@app.command()
def schema(
    report: Annotated[
        bool, typer.Option("--report", help="Print the schema of `coprod check --format json` instead.")
    ] = False,
) -> None:
    """Print the JSON Schema of a plan, for completion and checking in your editor.

    Save it (`coprod schema > coprod.schema.json`) and point your editor's YAML support at it,
    for example with a first line `# yaml-language-server: $schema=coprod.schema.json`.
    """
    from coprod_cli.cli.output import print_plain

    if report:
        import json

        from coprod_cli.checks.report_schema import report_schema

        print_plain(json.dumps(report_schema(), indent=2))
        return
    print_plain(schema_text().rstrip("\n"))
