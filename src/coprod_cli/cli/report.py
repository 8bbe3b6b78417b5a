"""`coprod report`: planned against actual from the run records, and what each activity really takes."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from coprod_cli.cli.common import DEFAULT_PLAN, PlanOption, exit_on_error, plan_path
from coprod_cli.errors import UsageError

app = typer.Typer()


class Format(StrEnum):
    text = "text"
    json = "json"


def find_records(paths: list[Path], plan: Path) -> list[Path]:
    """The records named (files, or folders of them); none named: runs/ beside the plan."""
    wanted = paths or [plan.parent / "runs"]
    found: list[Path] = []
    for path in wanted:
        if path.is_dir():
            found.extend(sorted(path.glob("*.jsonl")))
        elif path.exists() or paths:
            found.append(path)
    if not found:
        raise UsageError(f"{wanted[0]}: there are no run records here yet; `coprod run` writes them as the day goes")
    return found


@app.command()
def report(
    runs: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Run records (runs/DATE-ID.jsonl) or folders of them. None named: runs/ beside the plan.",
            show_default=False,
            metavar="[RUN]",
        ),
    ] = None,
    plan: PlanOption = DEFAULT_PLAN,
    format: Annotated[
        Format, typer.Option("--format", "-f", metavar="text|json", help="text for people, json for programs.")
    ] = Format.text,
) -> None:
    """Planned against actual for each item, what ran long or short, and each activity's real length."""
    from coprod_cli.live.record import read_run
    from coprod_cli.live.report import activities, summarize

    with exit_on_error():
        beside = plan_path(plan) if not runs else (plan or Path("coprod.yaml"))
        results = [summarize(read_run(p)) for p in find_records(runs or [], beside)]
    acts = activities(results)
    if format is Format.json:
        from coprod_cli.cli.output import print_plain

        data = {"runs": [r.to_dict() for r in results], "activities": [a.to_dict() for a in acts]}
        print_plain(json.dumps(data, indent=2, ensure_ascii=False))
        return
    from coprod_cli.cli.live_view import print_run_report

    print_run_report(results, acts)
