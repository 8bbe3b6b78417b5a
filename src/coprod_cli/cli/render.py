"""`coprod render`: write the documents for the day."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from coprod_cli.cli.common import DEFAULT_PLAN, PlanOption, exit_on_error

app = typer.Typer()


def _complete_documents(incomplete: str) -> list[str]:
    return [d for d in ("handouts", "scripts", "agendas", "overview", "calendar", "all") if d.startswith(incomplete)]


@app.command()
def render(
    documents: Annotated[
        list[str] | None,
        typer.Argument(
            help="Which documents: handouts, scripts, agendas, overview, calendar, all. None named: all.",
            autocompletion=_complete_documents,
            show_default=False,
            metavar="[DOCUMENT]",
        ),
    ] = None,
    plan: PlanOption = DEFAULT_PLAN,
    out: Annotated[Path, typer.Option("-o", "--out", help="The folder to write to.", metavar="DIR")] = Path("out"),
    format: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMATS",
            help="Comma-separated: md, html, pdf (coprod[pdf]), docx (coprod[docx]).",
        ),
    ] = "md,html",
    workshop: Annotated[
        str | None, typer.Option("--workshop", "-w", help="Render only the workshop with this id.", metavar="ID")
    ] = None,
    templates: Annotated[
        Path | None,
        typer.Option(
            "--templates", help="A folder of your own templates, used before the built-in ones.", metavar="DIR"
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite files that were edited since coprod wrote them.")
    ] = False,
    clean: Annotated[
        bool,
        typer.Option("--clean", help="Remove workshop folders left from an older numbering (only files coprod wrote)."),
    ] = False,
) -> None:
    """Render facilitator scripts, handouts, agendas, the series overview and a calendar.

    Files land in OUT/NN-ID/ per workshop, with overview and calendar.ics in OUT/. A file you
    edited after coprod wrote it is kept (and named) unless you pass --force; when coprod's own
    version has changed since, the new one is written beside it (handout.new.html) and render
    exits 1. Renders into one folder wait for each other; an interrupted render is picked up.
    When the plan has errors, every document is marked "Draft: not ready to hand out" and the
    exit code is 1.
    """
    from coprod_cli.checks import run_checks
    from coprod_cli.cli.console import print_render_summary, progress_reporter
    from coprod_cli.documents.files import write_documents
    from coprod_cli.documents.render import draft_reasons, parse_documents, parse_formats, render_documents
    from coprod_cli.plan.loader import load_plan
    from coprod_cli.views import folder_name

    with exit_on_error():
        chosen = parse_documents(documents or [])
        formats = parse_formats(format)
        loaded = load_plan(plan)
        report = run_checks(loaded)
        draft = draft_reasons(loaded, report.findings)
        with progress_reporter() as step:
            rendered = render_documents(loaded, report.schedules, chosen, formats, workshop, templates, step, draft)
        folders = None if workshop else [folder_name(n, s.workshop) for n, s in enumerate(report.schedules, 1)]
        outcomes = write_documents(
            out, rendered, force, folders=folders, clean=clean, plan_lines=loaded.text.splitlines()
        )
    print_render_summary(out, outcomes, report.count("error"))
    if draft or any(o.status == "new-beside" for o in outcomes):
        raise typer.Exit(1)
