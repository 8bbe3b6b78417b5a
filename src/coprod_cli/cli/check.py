"""`coprod check`: time every workshop and report what needs attention."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from coprod_cli.cli.common import DEFAULT_PLAN, PlanOption, ReportFormat, exit_on_error
from coprod_cli.errors import CoprodError

app = typer.Typer()


def _complete_families(incomplete: str) -> list[str]:
    from coprod_cli.checks import FAMILIES

    return [f for f in FAMILIES if f.startswith(incomplete)]


@app.command()
def check(
    checks: Annotated[
        list[str] | None,
        typer.Argument(
            help="Which checks to run: agenda, timings, series, language, principles, ready. None named: all.",
            autocompletion=_complete_families,
            show_default=False,
            metavar="[CHECK]",
        ),
    ] = None,
    plan: PlanOption = DEFAULT_PLAN,
    format: Annotated[
        ReportFormat,
        typer.Option(
            "--format",
            "-f",
            metavar="text|json|github",
            help="text for people, json for programs, github for Actions annotations.",
        ),
    ] = ReportFormat.text,
    strict: Annotated[bool, typer.Option("--strict", help="Warnings fail the check too (exit 1).")] = False,
    history: Annotated[
        list[Path] | None,
        typer.Option(
            "--history",
            help="Run records (or folders of them, like runs/) to warn where a length has always run over.",
            metavar="RUNS",
        ),
    ] = None,
) -> None:
    """Time every workshop and report what needs attention.

    Prints a run sheet per workshop (clock time, minutes, kind, title) and its findings.
    Exit 0: no errors; 1: errors (or warnings with --strict); 2: the plan could not be used.
    """
    from coprod_cli.checks import parse_families, run_checks
    from coprod_cli.plan.loader import load_plan

    def failed_report(error: CoprodError) -> None:
        from coprod_cli.cli.console import print_plain

        data = {"plan": str(plan), "ok": False, "workshops": [], "findings": [], "errors": error.to_dicts()}
        print_plain(json.dumps(data, ensure_ascii=False))

    json_report = failed_report if format is ReportFormat.json else None
    with exit_on_error(annotate=format is ReportFormat.github, report=json_report):
        families = parse_families(checks or [])
        loaded = load_plan(plan)
        past = _history(history, plan) if history else None
        report = run_checks(loaded, families, past)
    if format is ReportFormat.json:
        from coprod_cli.cli.output import print_plain

        # Indented for a person at a terminal; compact (and much faster) for programs.
        indent = 2 if sys.stdout.isatty() else None
        print_plain(json.dumps(report.to_dict(strict), indent=indent, ensure_ascii=False))
    elif format is ReportFormat.github:
        from coprod_cli.cli.output import github_annotations, print_plain

        for line in github_annotations(report):
            print_plain(line)
    else:
        from coprod_cli.cli.output import print_report

        print_report(report, strict)
    if report.failed(strict):
        raise typer.Exit(1)


def _history(paths: list[Path], plan: Path) -> dict[str, list[tuple[int, float]]]:
    from coprod_cli.cli.report import find_records
    from coprod_cli.live.record import read_run
    from coprod_cli.live.report import history, summarize

    return history([summarize(read_run(p)) for p in find_records(paths, plan)])
