"""Documents: the Jinja environment, the output layout and rendering in units.

A run renders in units (the series documents, then one per workshop) that batch.py streams, so
files reach the disk as each is rendered (documents/files.py puts them there). Every template
runs on real data before anything is written, so a template error leaves the previous output
as it was.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
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
from coprod_cli.views import Views

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


def make_environment(user_templates: Path | None, markdown: bool, language: str = "en-GB") -> jinja2.Environment:
    """An environment searching the user's folder first, then the built-ins.

    Templates write their fixed words as `{{ _("What will happen") }}`, in the plan's `language`
    (language.messages); `{{ lang }}` is its tag for `<html lang>`.

    The built-ins are also reachable as `builtin/NAME`, so a user's handout.html can
    `{% extends "builtin/handout.html" %}` and replace just one block. With a user's folder
    the environment is Jinja's sandbox, as their templates are not ours to trust; the built-ins
    alone run unsandboxed (the sandbox checks every attribute a template reads, and ours are
    part of coprod).
    """
    loaders: list[jinja2.BaseLoader] = []
    if user_templates is not None:
        if not user_templates.is_dir():
            raise UsageError(f"{user_templates}: there is no such templates folder")
        loaders.append(jinja2.FileSystemLoader(str(user_templates)))
    builtin = jinja2.FileSystemLoader(str(builtin_templates()))
    loaders += [builtin, jinja2.PrefixLoader({"builtin": builtin})]
    kind = SandboxedEnvironment if user_templates is not None else jinja2.Environment
    env = kind(
        loader=jinja2.ChoiceLoader(loaders),
        undefined=jinja2.StrictUndefined,
        autoescape=not markdown,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,  # templates do not change during a run: no stat per render
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
    views: Views | None = None,
    large_print: bool = False,
) -> list[Document]:
    """Render every requested document in memory. Raises RenderError on a template problem."""
    renderer = Renderer.start(loaded, schedules, documents, formats, workshop, user_templates, views, large_print)
    return [doc for unit in renderer.units() for doc in renderer.render(unit)]


SERIES = -1  # the unit of the series-wide documents (overview, calendar); workshops are 0, 1, ...


@dataclass
class Renderer:
    """One run's rendering, in units that can be rendered in any order (or process): the series
    documents, then one unit per workshop. `views`: the audiences' views already built this run
    (by the checks), else built here."""

    loaded: LoadedPlan
    schedules: list[Schedule]
    documents: tuple[str, ...]
    formats: tuple[str, ...]
    workshop: str | None
    views: Views
    envs: dict[str, jinja2.Environment]
    large_print: bool = False

    @classmethod
    def start(
        cls,
        loaded: LoadedPlan,
        schedules: list[Schedule],
        documents: tuple[str, ...] = DOCUMENTS,
        formats: tuple[str, ...] = ("md", "html"),
        workshop: str | None = None,
        user_templates: Path | None = None,
        views: Views | None = None,
        large_print: bool = False,
    ) -> Renderer:
        ids = [s.workshop.id for s in schedules]
        if workshop is not None and workshop not in ids:
            raise UsageError(
                f"there is no workshop '{workshop}'{did_you_mean(workshop, [i or '' for i in ids])} "
                f"(the plan has {', '.join(i or '' for i in ids)})"
            )
        # PDF is printed from the HTML, and DOCX is built from the same views.
        lang = loaded.plan.language
        envs = {"md": make_environment(user_templates, True, lang)} if "md" in formats else {}
        if "html" in formats or "pdf" in formats:
            envs["html"] = make_environment(user_templates, False, lang)
        views = views or Views(loaded.plan, schedules)
        return cls(loaded, schedules, documents, formats, workshop, views, envs, large_print)

    def units(self) -> list[int]:
        """SERIES, then the index of each workshop to render."""
        series = self.workshop is None and "overview" in self.documents or "calendar" in self.documents
        chosen = [i for i, s in enumerate(self.schedules) if self.workshop in (None, s.workshop.id)]
        return [SERIES] * series + (chosen if any(d in PER_WORKSHOP for d in self.documents) else [])

    def count(self) -> int:
        """How many files the units make: one per format of each document, the calendar and its invitations."""
        workshops = len([u for u in self.units() if u != SERIES])
        html_only = ("html" in self.formats) + ("pdf" in self.formats)
        per_workshop = sum(
            html_only if d in HTML_ONLY else len(self.formats) for d in self.documents if d in PER_WORKSHOP
        )
        files = workshops * per_workshop + (self.workshop is None and "overview" in self.documents) * len(self.formats)
        if "calendar" in self.documents:
            dated = [s for s in self.schedules if self.workshop in (None, s.workshop.id) and s.workshop.date]
            files += 1 + len(dated)
        return files

    def render(self, unit: int) -> list[Document]:
        """The documents of one unit: a workshop's, or the series' (overview and calendar)."""
        participants, out = self.views.participant, []
        if unit == SERIES:
            if self.workshop is None and "overview" in self.documents:
                out += self._each_format("overview", "overview", {"series": participants})
            if "calendar" in self.documents:
                from coprod_cli.documents.writers.ics import build_calendar

                chosen = [s for s in self.schedules if self.workshop in (None, s.workshop.id)]
                plan_file = Path(self.loaded.file)
                revised = plan_file.stat().st_mtime if plan_file.is_file() else None
                out.append(Document("calendar.ics", build_calendar(self.loaded.plan, chosen, revised)))
                # One invitation per dated workshop, to attach to an email or post in a group chat.
                folders = {pw.id or "": _safe_folder(pw.folder) for pw in participants.workshops}
                for sched in chosen:
                    if sched.workshop.date is not None:
                        invite = build_calendar(self.loaded.plan, [sched], revised)
                        out.append(Document(f"{folders[sched.workshop.id or '']}/invite.ics", invite))
            return out
        pw, fw = participants.workshops[unit], self.views.facilitator[unit]
        folder = _safe_folder(pw.folder)
        plan = self.loaded.plan
        for doc in self.documents:
            if doc not in PER_WORKSHOP:
                continue
            stem, audience = PER_WORKSHOP[doc]
            views: dict[str, Any] = {"series": participants, "workshop": pw if audience == "participant" else fw}
            large = doc in LARGE_PRINT and (self.large_print or plan.settings.print == "large")
            context = {**views, "large_print": large}
            if doc == "easy-read":
                context["easy"] = easy_read(plan, self.schedules, pw.number, pw.glossary)
            out += self._each_format(f"{folder}/{stem}", stem, context, html_only=doc in HTML_ONLY, views=views)
        return out

    def _each_format(
        self,
        rel: str,
        template: str,
        context: dict[str, Any],
        html_only: bool = False,
        views: dict[str, Any] | None = None,
    ) -> list[Document]:
        out = []
        for fmt, env in self.envs.items():
            if html_only and fmt != "html":
                continue
            text = _render(env, f"{template}.{fmt}", context)
            if fmt in self.formats:
                out.append(Document(f"{rel}.{fmt}", text.encode("utf-8")))
            if fmt == "html" and "pdf" in self.formats:
                from coprod_cli.documents.writers.pdf import html_to_pdf

                out.append(Document(f"{rel}.pdf", html_to_pdf(text)))
        if "docx" in self.formats and not html_only:
            from coprod_cli.documents.writers.docx import build_docx

            lang = self.loaded.plan.language
            out.append(Document(f"{rel}.docx", build_docx(template, views or context, translator(lang))))
        return out


def _render(env: jinja2.Environment, name: str, context: dict[str, Any]) -> str:
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
