"""`coprod check`: time every workshop and report what needs attention."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from coprod_cli.cli.common import PLAN_HELP, QuietOption, ReportFormat, exit_on_error, plan_path
from coprod_cli.errors import CoprodError

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
            help="Which checks to run: agenda, timings, series, language, principles, ready (none named: all); "
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
) -> None:
    """Time every workshop and report what needs attention.

    Prints a run sheet per workshop (clock time, minutes, kind, title) and its findings.
    With several plans (-p A -p B, or file names after the checks) there is one report and
    the exit code is the worst of them.
    Exit 0: no errors; 1: errors (or warnings with --strict); 2: a plan could not be used.
    """
    from coprod_cli.checks import parse_families, run_checks
    from coprod_cli.plan.loader import load_plan

    # Each plan's report in the order given; a plan that could not be used (exit 2) is, for
    # --format json, a report holding its problems.
    entries: list[Report | dict] = []
    json_out = format is ReportFormat.json

    def failed_report(where: Path) -> Callable[[CoprodError], None] | None:
        return (lambda error: entries.append(_error_report(where, error))) if json_out else None

    with exit_on_error(report=_print_failed(plan) if json_out else None):
        words, files = split_arguments(checks or [])
        families = parse_families(words)
        plans = [*(plan or []), *files] or [plan_path(None)]
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
    if worst:
        raise typer.Exit(worst)


def _print_failed(plan: list[Path] | None) -> Callable[[CoprodError], None]:
    """--format json when the command line or the search for a plan fails: a report holding the error."""

    def show(error: CoprodError) -> None:
        from coprod_cli.cli.console import print_plain

        print_plain(json.dumps(_error_report(plan[0] if plan else Path("coprod.yaml"), error), ensure_ascii=False))

    return show


def _error_report(plan: Path, error: CoprodError) -> dict:
    """The JSON report of a plan that could not be used: no workshops or findings, the problems in `errors`."""
    return {"plan": str(plan), "ok": False, "workshops": [], "findings": [], "errors": error.to_dicts()}


def _print_reports(reports: list[Report], entries: list[Report | dict], format: ReportFormat, strict: bool) -> None:
    from coprod_cli.cli import ci_lines, console

    if format is ReportFormat.json:
        # One plan: its report (DESIGN section 3). Several: {"ok", "plans": [report, ...]}.
        data = [e if isinstance(e, dict) else e.to_dict(strict) for e in entries]
        payload = data[0] if len(data) == 1 else {"ok": all(d["ok"] for d in data), "plans": data}
        # Indented for a person at a terminal; compact (and much faster) for programs.
        indent = 2 if sys.stdout.isatty() else None
        if data:
            console.print_plain(json.dumps(payload, indent=indent, ensure_ascii=False))
    elif format is ReportFormat.github:
        for report in reports:
            for line in ci_lines.github_annotations(report):
                console.print_plain(line)
    elif console.is_quiet():
        for report in reports:
            for line in ci_lines.finding_lines(report):
                console.print_plain(line)
    else:
        for report in reports:
            if len(reports) > 1:
                console.print_plan_heading(report.loaded.file)
            console.print_report(report, strict)


def _history(paths: list[Path], plan: Path) -> dict[str, list[tuple[int, float]]]:
    from coprod_cli.cli.report import find_records
    from coprod_cli.live.record import read_run
    from coprod_cli.live.report import history, summarize

    return history([summarize(read_run(p)) for p in find_records(paths, plan)])
