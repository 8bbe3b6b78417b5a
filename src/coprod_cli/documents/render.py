"""Documents: the Jinja environment and the output layout.

Everything is rendered in memory first, so a template error leaves the previous output as it
was; documents/files.py puts the results on disk.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from coprod_cli.documents.easy import easy_read, icon_uri
from coprod_cli.documents.files import Document
from coprod_cli.documents.safe import is_linkable, md_escape, md_link
from coprod_cli.errors import RenderError, UsageError
from coprod_cli.language.messages import translator
from coprod_cli.plan.loader import LoadedPlan
from coprod_cli.plan.suggest import did_you_mean
from coprod_cli.schedule import Schedule
from coprod_cli.views import facilitator_view, participant_view

DOCUMENTS = ("handouts", "easy-read", "scripts", "agendas", "overview", "calendar")
FORMATS = ("md", "html", "pdf", "docx")
# Per-workshop documents: the name on the command line -> (template/file stem, audience).
PER_WORKSHOP = {
    "scripts": ("facilitator-script", "facilitator"),
    "handouts": ("handout", "participant"),
    "agendas": ("agenda", "participant"),
    "easy-read": ("easy-read", "participant"),
}
# Documents only written as HTML (and PDF printed from it).
HTML_ONLY = frozenset({"easy-read"})
# Participant documents that large print (--large-print, settings: {print: large}) enlarges.
LARGE_PRINT = frozenset({"handouts", "agendas", "easy-read"})


def builtin_templates() -> Path:
    """The built-in templates, shipped as package data beside this module."""
    return Path(__file__).resolve().parent / "templates"


def make_environment(user_templates: Path | None, markdown: bool, language: str = "en-GB") -> SandboxedEnvironment:
    """A sandboxed environment searching the user's folder first, then the built-ins.

    Templates write their fixed words as `{{ _("What will happen") }}`, in the plan's `language`
    (language.messages); `{{ lang }}` is its tag for `<html lang>`.

    The built-ins are also reachable as `builtin/NAME`, so a user's handout.html can
    `{% extends "builtin/handout.html" %}` and replace just one block.
    """
    loaders: list[jinja2.BaseLoader] = []
    if user_templates is not None:
        if not user_templates.is_dir():
            raise UsageError(f"{user_templates}: there is no such templates folder")
        loaders.append(jinja2.FileSystemLoader(str(user_templates)))
    builtin = jinja2.FileSystemLoader(str(builtin_templates()))
    loaders += [builtin, jinja2.PrefixLoader({"builtin": builtin})]
    env = SandboxedEnvironment(
        loader=jinja2.ChoiceLoader(loaders),
        undefined=jinja2.StrictUndefined,
        autoescape=not markdown,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=md_escape if markdown else None,
    )
    env.filters["paragraphs"] = lambda text: [p.strip() for p in re.split(r"\n\s*\n", str(text)) if p.strip()]
    env.tests["linkable"] = is_linkable
    env.filters["md_link"] = md_link
    env.globals["_"] = translator(language)
    env.globals["lang"] = language
    env.globals["large_print"] = False
    env.globals["icon"] = icon_uri
    return env


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


def render_documents(
    loaded: LoadedPlan,
    schedules: list[Schedule],
    documents: tuple[str, ...] = DOCUMENTS,
    formats: tuple[str, ...] = ("md", "html"),
    workshop: str | None = None,
    user_templates: Path | None = None,
    progress: Callable[[str], None] | None = None,
    large_print: bool = False,
) -> list[Document]:
    """Render every requested document in memory. Raises RenderError on a template problem.

    Large print (here or `settings: {print: large}`) enlarges handouts, agendas and Easy Read."""
    plan = loaded.plan
    ids = [s.workshop.id for s in schedules]
    if workshop is not None and workshop not in ids:
        raise UsageError(
            f"there is no workshop '{workshop}'{did_you_mean(workshop, [i or '' for i in ids])} "
            f"(the plan has {', '.join(i or '' for i in ids)})"
        )
    participants = participant_view(plan, schedules)
    facilitators = facilitator_view(plan, schedules)
    text_formats = [f for f in formats if f in ("md", "html")]
    # PDF is printed from the HTML, and DOCX is built from the same views.
    need_html = "html" in formats or "pdf" in formats
    lang = plan.language
    envs = {"md": make_environment(user_templates, True, lang)} if "md" in text_formats else {}
    if need_html:
        envs["html"] = make_environment(user_templates, False, lang)
    out: list[Document] = []

    def emit(rel: str, template: str, fmt: str, context: dict[str, Any]) -> None:
        if progress:
            progress(rel)
        text = _render(envs[fmt], f"{template}.{fmt}", context)
        if fmt in formats:
            out.append(Document(rel, text.encode("utf-8")))
        if fmt == "html" and "pdf" in formats:
            from coprod_cli.documents.writers.pdf import html_to_pdf

            out.append(Document(rel[: -len(".html")] + ".pdf", html_to_pdf(text)))

    html_or_md = [f for f in ("md", "html") if f in envs]
    for pw, fw in zip(participants.workshops, facilitators, strict=True):
        if workshop is not None and pw.id != workshop:
            continue
        folder = _safe_folder(pw.folder)
        for doc in documents:
            if doc not in PER_WORKSHOP:
                continue
            stem, audience = PER_WORKSHOP[doc]
            views: dict[str, Any] = {"series": participants, "workshop": pw if audience == "participant" else fw}
            context = {**views, "large_print": doc in LARGE_PRINT and (large_print or plan.settings.print == "large")}
            if doc == "easy-read":
                context["easy"] = easy_read(plan, schedules, pw.number, pw.glossary)
            for fmt in html_or_md:
                if fmt == "html" or doc not in HTML_ONLY:
                    emit(f"{folder}/{stem}.{fmt}", stem, fmt, context)
            if "docx" in formats and doc not in HTML_ONLY:
                from coprod_cli.documents.writers.docx import build_docx

                out.append(Document(f"{folder}/{stem}.docx", build_docx(stem, views, translator(lang))))
    if workshop is None and "overview" in documents:
        for fmt in html_or_md:
            emit(f"overview.{fmt}", "overview", fmt, {"series": participants})
        if "docx" in formats:
            from coprod_cli.documents.writers.docx import build_docx

            out.append(Document("overview.docx", build_docx("overview", {"series": participants}, translator(lang))))
    if "calendar" in documents:
        from coprod_cli.documents.writers.ics import build_calendar

        chosen = [s for s in schedules if workshop is None or s.workshop.id == workshop]
        plan_file = Path(loaded.file)
        revised = plan_file.stat().st_mtime if plan_file.is_file() else None
        out.append(Document("calendar.ics", build_calendar(plan, chosen, revised)))
    return out


def _render(env: SandboxedEnvironment, name: str, context: dict[str, Any]) -> str:
    try:
        return env.get_template(name).render(**context)
    except jinja2.TemplateSyntaxError as err:
        raise RenderError(f"{err.filename or name}:{err.lineno}: template error: {err.message}") from None
    except jinja2.TemplateNotFound as err:
        raise RenderError(f"template '{err.name}' was not found in your templates folder or the built-ins") from None
    except jinja2.exceptions.SecurityError as err:
        raise RenderError(f"{name}: the template tried something unsafe and was stopped ({err})") from None
    except jinja2.UndefinedError as err:
        raise RenderError(f"{name}: template error: {err.message}") from None


def _safe_folder(folder: str) -> str:
    """A workshop folder name that cannot leave the output folder."""
    if not re.fullmatch(r"[0-9]{2,}-[A-Za-z0-9][A-Za-z0-9_-]*", folder):
        raise RenderError(f"'{folder}' is not a safe folder name")
    return folder
