"""`coprod check`: time every workshop and report what needs attention."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from coprod_cli.cli.common import PLAN_HELP, QuietOption, ReportFormat, exit_on_error, plan_path
from coprod_cli.cli.startup import collector_paused
from coprod_cli.errors import CoprodError, UsageError

if TYPE_CHECKING:
    from coprod_cli.checks import Report

app = typer.Typer()


def _complete_families(incomplete: str) -> list[str]:
    from coprod_cli.checks import FAMILIES

    return [f for f in FAMILIES if f.startswith(incomplete)]


def split_arguments(arguments: list[str]) -> tuple[list[str], list[Path]]:
    """Check families and plan files, as pre-commit passes them: `coprod check timings a.yaml b.yaml`.

    A word that names a family is a family; one ending in .yaml or .yml, holding a folder
    separator, or naming a file that exists is a plan; anything else is a family name that
    `parse_families` refuses with a "did you mean".
    """
    from coprod_cli.checks import FAMILIES

    families: list[str] = []
    files: list[Path] = []
    for arg in arguments:
        looks_like_a_file = arg.endswith((".yaml", ".yml")) or "/" in arg or "\\" in arg or Path(arg).is_file()
        if arg not in FAMILIES and looks_like_a_file:
            files.append(Path(arg))
        else:
            families.append(arg)
    return families, files


@app.command()
def check(
    checks: Annotated[
        list[str] | None,
        typer.Argument(
            help="Which checks to run: agenda, timings, series, language, principles, ready, people (none named: all); "
            "plan files may follow, as pre-commit passes them.",
            autocompletion=_complete_families,
            show_default=False,
            metavar="CHECK|FILE",
        ),
    ] = None,
    plan: Annotated[
        list[Path] | None,
        typer.Option("-p", "--plan", help=PLAN_HELP + " Repeat it to check several.", metavar="FILE"),
    ] = None,
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
    quiet: QuietOption = False,
    watch: Annotated[
        bool,
        typer.Option("--watch", help="Keep going: check the plan again each time it is saved (Ctrl+C stops)."),
    ] = False,
) -> None:
    """Time every workshop and report what needs attention.

    Prints a run sheet per workshop (clock time, minutes, kind, title) and its findings.
    With several plans (-p A -p B, or file names after the checks) there is one report and
    the exit code is the worst of them.
    Exit 0: no errors; 1: errors (or warnings with --strict); 2: a plan could not be used.
    """
    from coprod_cli.checks import parse_families

    json_out = format is ReportFormat.json
    with exit_on_error(report=_print_failed(plan) if json_out else None):
        words, files = split_arguments(checks or [])
        families = parse_families(words)
        plans = [*(plan or []), *files] or [plan_path(None)]
        if watch and len(plans) > 1:
            raise UsageError("--watch follows one plan; name just one")
    if watch:
        from coprod_cli.cli.watch import watch_plan

        only = plans[0]
        with exit_on_error():
            past = _history(history, only) if history else None  # past runs do not change while watching
        recheck(only, families, format, strict, past=past)
        watch_plan(only, lambda: recheck(only, families, format, strict, timed=True, past=past))
        return
    with collector_paused():  # the plans and reports are gone when check_plans returns
        worst = check_plans(plans, families, format, strict, history)
    if worst:
        raise typer.Exit(worst)


def check_plans(
    plans: list[Path], families: tuple[str, ...], format: ReportFormat, strict: bool, history: list[Path] | None
) -> int:
    """Check each plan and print one report; returns the worst exit code (2 > 1 > 0)."""
    from coprod_cli.checks import run_checks
    from coprod_cli.plan.loader import load_plan

    # Each plan's report in the order given; a plan that could not be used (exit 2) is, for
    # --format json, a report holding its problems.
    entries: list[Report | dict] = []
    json_out = format is ReportFormat.json

    def failed_report(where: Path) -> Callable[[CoprodError], None] | None:
        return (lambda error: entries.append(_error_report(where, error))) if json_out else None

    worst = 0
    for path in plans:
        try:
            with exit_on_error(annotate=format is ReportFormat.github, report=failed_report(path)):
                past = _history(history, path) if history else None
                entries.append(run_checks(load_plan(path), families, past))
        except typer.Exit:
            worst = 2
    reports = [e for e in entries if not isinstance(e, dict)]
    _print_reports(reports, entries, format, strict)
    if worst == 0 and any(r.failed(strict) for r in reports):
        worst = 1
    return worst


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
    entries: list[Report | dict] = []
    json_out = format is ReportFormat.json
    failed = (lambda error: entries.append(_error_report(plan, error))) if json_out else None
    try:
        with exit_on_error(annotate=format is ReportFormat.github, report=failed):
            entries.append(run_checks(load_plan(plan), families, past))
    except typer.Exit as stop:
        _print_reports([], entries, format, strict)
        return int(stop.exit_code)
    checked = perf_counter()
    report = entries[0]
    assert not isinstance(report, dict)
    _print_reports([report], entries, format, strict)
    if timed:
        from coprod_cli.cli.output import print_note

        print_note(f"checked {plan} again in {(checked - started) * 1000:.1f} ms; watching for the next save")
    return 1 if report.failed(strict) else 0


def _print_failed(plan: list[Path] | None) -> Callable[[CoprodError], None]:
    """--format json when the command line or the search for a plan fails: a report holding the error."""

    def show(error: CoprodError) -> None:
        from coprod_cli.cli.output import print_plain

        print_plain(json.dumps(_error_report(plan[0] if plan else Path("coprod.yaml"), error), ensure_ascii=False))

    return show


def _error_report(plan: Path, error: CoprodError) -> dict:
    """The JSON report of a plan that could not be used: no workshops or findings, the problems in `errors`."""
    return {"plan": str(plan), "ok": False, "workshops": [], "findings": [], "errors": error.to_dicts()}


def _print_reports(reports: list[Report], entries: list[Report | dict], format: ReportFormat, strict: bool) -> None:
    from coprod_cli.cli import ci_lines, output

    if format is ReportFormat.json:
        # One plan: its report (DESIGN section 3). Several: {"ok", "plans": [report, ...]}.
        data = [e if isinstance(e, dict) else e.to_dict(strict) for e in entries]
        payload = data[0] if len(data) == 1 else {"ok": all(d["ok"] for d in data), "plans": data}
        # Indented for a person at a terminal; compact (and much faster) for programs.
        indent = 2 if sys.stdout.isatty() else None
        if data:
            output.print_plain(json.dumps(payload, indent=indent, ensure_ascii=False))
    elif format is ReportFormat.github:
        for report in reports:
            for line in ci_lines.github_annotations(report):
                output.print_plain(line)
    elif output.is_quiet():
        for report in reports:
            for line in ci_lines.finding_lines(report):
                output.print_plain(line)
    else:
        for report in reports:
            if len(reports) > 1:
                output.print_plan_heading(report.loaded.file)
            output.print_report(report, strict)


def _history(paths: list[Path], plan: Path) -> dict[str, list[tuple[int, float]]]:
    from coprod_cli.cli.report import find_records
    from coprod_cli.live.record import read_run
    from coprod_cli.live.report import history, summarize

    return history([summarize(read_run(p)) for p in find_records(paths, plan)])
