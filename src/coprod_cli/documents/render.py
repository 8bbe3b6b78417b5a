"""Documents: build each document's model once, then lay it out in every requested format.

Everything is rendered in memory first, so a template error leaves the previous output as it
was; documents/files.py puts the results on disk.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from coprod_cli.documents.build.agenda import build_agenda
from coprod_cli.documents.build.handout import build_handout
from coprod_cli.documents.build.overview import build_overview
from coprod_cli.documents.build.script import build_script
from coprod_cli.documents.files import Document
from coprod_cli.documents.model import Document as Model
from coprod_cli.errors import RenderError, UsageError
from coprod_cli.findings import Finding
from coprod_cli.plan.loader import LoadedPlan
from coprod_cli.plan.suggest import did_you_mean
from coprod_cli.schedule import Schedule
from coprod_cli.views import ParticipantSeries, facilitator_view, participant_view

DOCUMENTS = ("handouts", "scripts", "agendas", "overview", "calendar")
FORMATS = ("md", "html", "pdf", "docx")
MANIFEST = ".coprod-manifest.json"
# Per-workshop documents: the name on the command line -> the file stem.
PER_WORKSHOP = {"scripts": "facilitator-script", "handouts": "handout", "agendas": "agenda"}


def parse_formats(text: str) -> tuple[str, ...]:
    formats = tuple(dict.fromkeys(f.strip().lower() for f in text.split(",") if f.strip()))
    for f in formats:
        if f not in FORMATS:
            raise UsageError(f"there is no '{f}' format{did_you_mean(f, FORMATS)} (choose from {', '.join(FORMATS)})")
    return formats or ("md", "html")


def parse_documents(names: Iterable[str]) -> tuple[str, ...]:
    chosen: list[str] = []
    for name in names:
        if name == "all":
            return DOCUMENTS
        if name not in DOCUMENTS:
            raise UsageError(
                f"there is no '{name}' document{did_you_mean(name, (*DOCUMENTS, 'all'))} "
                f"(choose from {', '.join(DOCUMENTS)}, all)"
            )
        chosen.append(name)
    return tuple(dict.fromkeys(chosen)) or DOCUMENTS


def draft_reasons(loaded: LoadedPlan, findings: Iterable[Finding]) -> tuple[str, ...]:
    """Why the documents are not ready to hand out: each error finding, in the words the check used,
    naming the workshop it is about."""
    titles = {w.id: w.title for w in loaded.plan.workshops}
    reasons = []
    for f in findings:
        if f.severity == "error":
            where = f"{titles[f.workshop]}: " if f.workshop in titles else ""
            reasons.append(f"{where}{f.message[:1].upper()}{f.message[1:]}")
    return tuple(dict.fromkeys(reasons))


def build_models(
    loaded: LoadedPlan,
    schedules: list[Schedule],
    documents: tuple[str, ...] = DOCUMENTS,
    workshop: str | None = None,
    participants: ParticipantSeries | None = None,
) -> Iterator[tuple[str, Model, dict[str, Any]]]:
    """(path stem, model, template context) of every requested document."""
    plan = loaded.plan
    ids = [s.workshop.id for s in schedules]
    if workshop is not None and workshop not in ids:
        raise UsageError(
            f"there is no workshop '{workshop}'{did_you_mean(workshop, [i or '' for i in ids])} "
            f"(the plan has {', '.join(i or '' for i in ids)})"
        )
    participants = participants or participant_view(plan, schedules)
    facilitators = facilitator_view(plan, schedules)
    lang, paper = plan.language, plan.settings.paper
    for pw, fw in zip(participants.workshops, facilitators, strict=True):
        if workshop is not None and pw.id != workshop:
            continue
        folder = _safe_folder(pw.folder)
        for doc in documents:
            if doc == "scripts":
                yield f"{folder}/facilitator-script", build_script(participants, fw, lang, paper), {"workshop": fw}
            elif doc == "handouts":
                yield f"{folder}/handout", build_handout(participants, pw, lang, paper), {"workshop": pw}
            elif doc == "agendas":
                yield f"{folder}/agenda", build_agenda(participants, pw, lang, paper), {"workshop": pw}
    if workshop is None and "overview" in documents:
        yield "overview", build_overview(participants, lang, paper), {}


def render_documents(
    loaded: LoadedPlan,
    schedules: list[Schedule],
    documents: tuple[str, ...] = DOCUMENTS,
    formats: tuple[str, ...] = ("md", "html"),
    workshop: str | None = None,
    user_templates: Path | None = None,
    progress: Callable[[str], None] | None = None,
    draft: tuple[str, ...] = (),
) -> list[Document]:
    """Render every requested document in memory. Raises RenderError on a template problem.

    With `draft` reasons (see draft_reasons), every document carries a "Draft: not ready to hand
    out" banner that lists them.
    """
    from coprod_cli.documents.writers.text import font_faces, make_environment, needs_latin_ext, render_template

    envs = {}
    if "md" in formats:
        envs["md"] = make_environment(user_templates, True)
    if "html" in formats or "pdf" in formats:  # PDF is printed from the HTML
        envs["html"] = make_environment(user_templates, False)
    series = participant_view(loaded.plan, schedules)
    fonts = font_faces(needs_latin_ext(loaded.plan.model_dump_json()))
    out: list[Document] = []
    for stem, model, context in build_models(loaded, schedules, documents, workshop, series):
        if draft:
            model = replace(model, banner=draft)
        context = {"doc": model, "series": series, "fonts": fonts, **context}
        name = stem.rsplit("/", 1)[-1]
        for fmt in ("md", "html"):
            if fmt not in envs:
                continue
            if progress:
                progress(f"{stem}.{fmt}")
            text = render_template(envs[fmt], f"{name}.{fmt}", context)
            if fmt in formats:
                out.append(Document(f"{stem}.{fmt}", text.encode("utf-8")))
            if fmt == "html" and "pdf" in formats:
                from coprod_cli.documents.writers.pdf import html_to_pdf

                out.append(Document(f"{stem}.pdf", html_to_pdf(text, model)))
        if "docx" in formats:
            from coprod_cli.documents.writers.docx import build_docx

            out.append(Document(f"{stem}.docx", build_docx(model)))
    if "calendar" in documents:
        from coprod_cli.documents.writers.ics import build_calendar

        chosen = [s for s in schedules if workshop is None or s.workshop.id == workshop]
        plan_file = Path(loaded.file)
        revised = plan_file.stat().st_mtime if plan_file.is_file() else None
        out.append(Document("calendar.ics", build_calendar(loaded.plan, chosen, revised)))
    return out


def _safe_folder(folder: str) -> str:
    """A workshop folder name that cannot leave the output folder."""
    if not re.fullmatch(r"[0-9]{2,}-[A-Za-z0-9][A-Za-z0-9_-]*", folder):
        raise RenderError(f"'{folder}' is not a safe folder name")
    return folder
