"""`coprod schema`: the plan's JSON Schema, for editor completion (and the check report's)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from coprod_cli.cli.common import DEFAULT_PLAN, PlanOption, exit_on_error, plan_path
from coprod_cli.files import SCHEMA_FILE

app = typer.Typer()


@app.command()
def schema(
    write: Annotated[
        bool, typer.Option("--write", "-w", help=f"Write {SCHEMA_FILE} beside the plan instead of printing it.")
    ] = False,
    plan: PlanOption = DEFAULT_PLAN,
    force: Annotated[bool, typer.Option("--force", help=f"Replace a {SCHEMA_FILE} that coprod did not write.")] = False,
    report: Annotated[
        bool, typer.Option("--report", help="Print the schema of `coprod check --format json` instead.")
    ] = False,
) -> None:
    """Print the JSON Schema of a plan, for completion and checking in your editor.

    `coprod schema --write` puts coprod.schema.json beside the plan; a plan's first line
    `# yaml-language-server: $schema=coprod.schema.json` points editors at it (plans from
    `coprod new series` have that line already).
    """
    from coprod_cli.cli.console import print_written
    from coprod_cli.cli.output import print_plain
    from coprod_cli.plan.schema import schema_text

    if report:
        from coprod_cli.checks.report_schema import report_schema

        print_plain(json.dumps(report_schema(), indent=2))
        return
    text = schema_text()
    if not write:
        print_plain(text.rstrip("\n"))
        return
    with exit_on_error():
        target = plan_path(plan).parent / SCHEMA_FILE
        status = "written"
        if target.exists():
            status = "unchanged" if target.read_text(encoding="utf-8") == text else "updated"
            if status == "updated" and not force and not _written_by_coprod(target):
                from coprod_cli.errors import UsageError

                raise UsageError(f"{target}: this file was not written by coprod; use --force to replace it")
        if status != "unchanged":
            from coprod_cli.files import write_atomic

            write_atomic(target, text)
    print_written(target, status)


def _written_by_coprod(path: Path) -> bool:
    try:
        return json.loads(path.read_text(encoding="utf-8")).get("title") == "coprod plan"
    except (OSError, ValueError, AttributeError):
        return False
