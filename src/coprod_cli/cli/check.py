"""`coprod check`: time every workshop and report what needs attention."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from coprod_cli.cli.common import DEFAULT_PLAN, PlanOption, ReportFormat, exit_on_error
from coprod_cli.errors import CoprodError

if TYPE_CHECKING:
    from coprod_cli.checks import Report

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
    watch: Annotated[
        bool,
        typer.Option("--watch", help="Keep going: check the plan again each time it is saved (Ctrl+C stops)."),
    ] = False,
) -> None:
    """Time every workshop and report what needs attention.

    Prints a run sheet per workshop (clock time, minutes, kind, title) and its findings.
    Exit 0: no errors; 1: errors (or warnings with --strict); 2: the plan could not be used.
    """
    with exit_on_error(annotate=format is ReportFormat.github, report=_failed_report(plan, format)):
        from coprod_cli.checks import parse_families

        families = parse_families(checks or [])
        past = _history(history, plan) if history else None  # past runs do not change while watching
    if watch:
        from coprod_cli.cli.watch import watch_plan

        recheck(plan, families, format, strict, past=past)
        watch_plan(plan, lambda: recheck(plan, families, format, strict, timed=True, past=past))
        return
    code = recheck(plan, families, format, strict, past=past)
    if code:
        raise typer.Exit(code)


def recheck(
    plan: Path,
    families: tuple[str, ...],
    format: ReportFormat,
    strict: bool,
    timed: bool = False,
    past: dict[str, list[tuple[int, float]]] | None = None,
) -> int:
    """Read the plan, check it and print the report; returns the exit code a one-off check gives.

    The core of `--watch`: called once per save, it keeps nothing from the last run but the
    caches (the library, jargon scans, compiled patterns), so each save is a full, fresh check.
    """
    from time import perf_counter

    from coprod_cli.checks import run_checks
    from coprod_cli.plan.loader import load_plan

    if timed and sys.stdout.isatty():
        sys.stdout.write("\033[2J\033[H")  # a person watching sees the new report in place of the old
    started = perf_counter()
    try:
        with exit_on_error(annotate=format is ReportFormat.github, report=_failed_report(plan, format)):
            report = run_checks(load_plan(plan), families, past)
    except typer.Exit as stop:
        code = int(stop.exit_code)
    else:
        checked = perf_counter()
        _print(report, format, strict)
        code = 1 if report.failed(strict) else 0
        if timed:
            from coprod_cli.cli.output import print_note

            print_note(
                f"read and checked {plan} again in {(checked - started) * 1000:.1f} ms "
                f"(and {(perf_counter() - checked) * 1000:.0f} ms to print); watching for the next save"
            )
    return code


def _failed_report(plan: Path, format: ReportFormat) -> Callable[[CoprodError], None] | None:
    """With --format json, a plan that cannot be used still gets a report: its problems under "errors"."""
    if format is not ReportFormat.json:
        return None

    def failed_report(error: CoprodError) -> None:
        from coprod_cli.cli.output import print_plain

        data = {"plan": str(plan), "ok": False, "workshops": [], "findings": [], "errors": error.to_dicts()}
        print_plain(json.dumps(data, ensure_ascii=False))

    return failed_report


def _print(report: Report, format: ReportFormat, strict: bool) -> None:
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


def _history(paths: list[Path], plan: Path) -> dict[str, list[tuple[int, float]]]:
    from coprod_cli.cli.report import find_records
    from coprod_cli.live.record import read_run
    from coprod_cli.live.report import history, summarize

    return history([summarize(read_run(p)) for p in find_records(paths, plan)])
