"""`coprod render`: write the documents for the day."""

from __future__ import annotations

from collections.abc import Generator, Iterator
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from coprod_cli.cli import complete
from coprod_cli.cli.common import (
    DEFAULT_PLAN,
    PlanOption,
    QuietOption,
    exit_on_error,
    plan_path,
    templates_option,
    workshop_option,
)

if TYPE_CHECKING:
    from coprod_cli.documents.files import Document

app = typer.Typer()


@app.command()
def render(
    documents: Annotated[
        list[str] | None,
        typer.Argument(
            help="Which documents: handouts, easy-read, scripts, agendas, paperwork, overview, said-did, calendar, "
            "all. None named: all.",
            autocompletion=complete.documents,
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
    workshop: Annotated[str | None, workshop_option("Render only the workshop with this id.")] = None,
    templates: Annotated[
        Path | None, templates_option("A folder of your own templates, used before the built-in ones.")
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite files that were edited since coprod wrote them.")
    ] = False,
    clean: Annotated[
        bool,
        typer.Option(
            "--clean",
            help="Remove what older renders left: workshop folders from an older numbering, and files made "
            "from an older plan that this render did not update (only files coprod wrote and nobody edited).",
        ),
    ] = False,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            min=1,
            help="Worker processes for a long series (default: the number of cores).",
            metavar="N",
        ),
    ] = None,
    large_print: Annotated[
        bool,
        typer.Option(
            "--large-print",
            help="Handouts, agendas, Easy Read and 'You said, we did' in 18 pt with 1.5 line spacing "
            "(or settings: print).",
        ),
    ] = False,
    quiet: QuietOption = False,
) -> None:
    """Render facilitator scripts, handouts, Easy Read handouts, agendas, paperwork, the series overview,
    "You said, we did" and a calendar.

    Files land in OUT/NN-ID/ per workshop, with overview and calendar.ics in OUT/. Paperwork
    lands in OUT/NN-ID/paperwork/: a sign-in sheet and name badges (8 to an A4 page), Easy Read
    consent and feedback forms, and receipts when a group is paid or given a voucher. "You said,
    we did" (said-did) is written for each workshop with something under `heard:`, and for the
    series in OUT/; one the plan no longer makes is removed (kept and named if you edited it). A file you
    edited after coprod wrote it is kept (and named) unless you pass --force; when coprod's own
    version has changed since, the new one is written beside it (handout.new.html) and render
    exits 1. A file an earlier render made in another format (handout.pdf) from an older plan is
    removed, as it could pass as current (kept and named if you edited it; then render exits 1);
    one of another document or workshop is named, and --clean removes it. Renders into one folder
    wait for each other; an interrupted render is picked up.
    When the plan has errors, the documents of each workshop they are in, and the series'
    overview, are marked "Draft: not ready to hand out" (an error of the whole series marks every
    document); the other workshops' documents are ready to hand out. The exit code is then 1, and
    such a draft render removes no file an earlier render made (it names those that no longer
    match the plan; --clean still removes them).
    """
    from coprod_cli.checks import run_checks
    from coprod_cli.cli.console import print_render_summary, progress_reporter
    from coprod_cli.documents.batch import default_jobs, stream
    from coprod_cli.documents.files import write_documents
    from coprod_cli.documents.origin import origin_of
    from coprod_cli.documents.render import DOCUMENTS, Renderer, draft_reasons, parse_documents, parse_formats
    from coprod_cli.plan.loader import load_plan
    from coprod_cli.views import folder_name

    with exit_on_error():
        chosen = parse_documents(documents or [])
        formats = parse_formats(format)
        loaded = load_plan(plan_path(plan))
        report = run_checks(loaded)
        draft = draft_reasons(loaded, report.findings)
        renderer = Renderer.start(
            loaded, report.schedules, chosen, formats, workshop, templates, report.views, large_print, draft
        )
        with_index = workshop is None and chosen == DOCUMENTS  # the whole series: its index too
        folders = None if workshop else [folder_name(n, s.workshop) for n, s in enumerate(report.schedules, 1)]
        with progress_reporter(renderer.count() + with_index) as step:
            rendering = stream(renderer, jobs or default_jobs())
            if with_index:
                rendering = _and_index(rendering, loaded.plan.title, report.to_dict())
            # The first workshop and the series documents are rendered before anything is
            # written: a template that fails on real data leaves the folder as it was.
            try:
                first = next(rendering, None)
                outcomes = write_documents(
                    out,
                    step(chain([first] if first else [], rendering)),
                    force,
                    folders=folders,
                    clean=clean,
                    plan_lines=loaded.text.splitlines(),
                    retired=renderer.retired(),
                    origin=origin_of(loaded.text, templates, large_print),
                    draft=bool(draft),
                )
            finally:
                rendering.close()  # stops the workers at once when writing stopped part-way
    print_render_summary(out, outcomes, renderer.draft_summary(), renderer.notes())
    if draft or any(o.status in ("new-beside", "outdated", "older-sibling") for o in outcomes):
        raise typer.Exit(1)


def _and_index(documents: Iterator[Document], title: str, report: dict) -> Generator[Document, None, None]:
    """The documents as they come, then out/index.html listing them with the check findings."""
    from coprod_cli.documents.files import Document
    from coprod_cli.documents.index import INDEX, build_index

    paths = []
    try:
        for doc in documents:
            paths.append(doc.path)
            yield doc
    finally:
        close = getattr(documents, "close", None)
        if close is not None:
            close()
    yield Document(INDEX, build_index(title, paths, report))
