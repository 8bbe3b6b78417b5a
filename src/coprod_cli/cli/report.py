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

OPENED_ONLY = "opened, then quit before the first item"


class Format(StrEnum):
    text = "text"
    json = "json"


def find_records(paths: list[Path], plan: Path) -> list[Path]:
    """The records named (files, or folders of them, with their rehearsals/); none named: runs/ beside the plan."""
    from coprod_cli.live.record import REHEARSALS

    wanted = paths or [plan.parent / "runs"]
    found: list[Path] = []
    for path in wanted:
        if path.is_dir():
            found.extend(sorted(path.glob("*.jsonl")))
            found.extend(sorted((path / REHEARSALS).glob("*.jsonl")))
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
    rehearsals: Annotated[
        bool,
        typer.Option(
            "--rehearsals",
            help="Show rehearsals too (runs with --now or --speed), marked as such. "
            "They never count towards an activity's real length.",
        ),
    ] = False,
    format: Annotated[
        Format, typer.Option("--format", "-f", metavar="text|json", help="text for people, json for programs.")
    ] = Format.text,
) -> None:
    """Planned against actual for each item, what ran long or short, and each activity's real length.

    Rehearsals are left out unless you add --rehearsals (or name a rehearsal's record).
    """
    from coprod_cli.live.events import begun
    from coprod_cli.live.record import read_run
    from coprod_cli.live.report import activities, summarize

    with exit_on_error():
        beside = plan_path(plan) if not runs else (plan or Path("coprod.yaml"))
        found = find_records(runs or [], beside)
        named = {p for p in runs or [] if not p.is_dir()}
        read = [read_run(p) for p in found]
        unbegun = [r.path for r in read if not begun(r.events)]  # opened and quit: no run to report
        read = [r for r in read if begun(r.events)]
        kept = [r for r in read if rehearsals or not r.rehearsal or r.path in named]
        left_out = len(read) - len(kept)
        where = runs[0] if runs else beside.parent / "runs"
        if not read:
            many = len(unbegun) > 1
            raise UsageError(
                f"{where if many else unbegun[0]}: nothing was started in "
                f"{f'any of the {len(unbegun)} runs recorded here' if many else 'this run'} "
                f"({OPENED_ONLY}), so there is no run to report yet"
            )
        results = [summarize(r) for r in kept]
    acts = activities(results)
    if format is Format.json:
        from coprod_cli.cli.output import print_plain

        data = {
            "runs": [r.to_dict() for r in results],
            "activities": [a.to_dict() for a in acts],
            "rehearsals_left_out": left_out,
            "not_begun_left_out": [str(p) for p in unbegun],
        }
        print_plain(json.dumps(data, indent=2, ensure_ascii=False))
        return
    from coprod_cli.cli.console import out
    from coprod_cli.cli.live_view import print_run_report

    if not results:  # nothing wrong with the command: there is only no real day to report yet (exit 0)
        out.print(f"No real run is recorded yet, only {_rehearsals(left_out)}: {_shown(left_out)}.")
    print_run_report(results, acts)
    if left_out and results:
        out.print(f"{_rehearsals(left_out).capitalize()} left out; {_shown(left_out)}.", style="dim")
    if unbegun:
        which = (
            f"{unbegun[0]}, as nothing was started in it"
            if len(unbegun) == 1
            else (f"{len(unbegun)} records in which nothing was started")
        )
        out.print(f"Left out {which} ({OPENED_ONLY}).", style="dim")


def _rehearsals(count: int) -> str:
    return "1 rehearsal" if count == 1 else f"{count} rehearsals"


def _shown(count: int) -> str:
    return f"`coprod report --rehearsals` shows {'it' if count == 1 else 'them'}"
