"""Documents: build each document's model once, then lay it out in every requested format.

A run renders in units (the series documents, then one per workshop) that batch.py streams, so
files reach the disk as each is rendered (documents/files.py puts them there). Every template
runs on real data before anything is written, so a template error leaves the previous output
as it was. The builders (documents/build/) are the one home of each document's content; the
writers (documents/writers/) only lay a model out. Easy Read is a template document of its own
(documents/easy.py builds what it says).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from coprod_cli.documents.build.agenda import build_agenda
from coprod_cli.documents.build.handout import build_handout
from coprod_cli.documents.build.overview import build_overview
from coprod_cli.documents.build.paperwork import PAPERWORK, build_paperwork, paperwork_kinds
from coprod_cli.documents.build.said_did import KIND as SAID_DID
from coprod_cli.documents.build.said_did import build_said_did, build_series_said_did
from coprod_cli.documents.build.script import build_script
from coprod_cli.documents.drafts import Drafts, draft_reasons
from coprod_cli.documents.easy import easy_read
from coprod_cli.documents.files import Document
from coprod_cli.documents.model import Document as Model
from coprod_cli.documents.record import beside
from coprod_cli.documents.writers.page import Writer, needs_latin_ext, page_writers
from coprod_cli.errors import RenderError, UsageError
from coprod_cli.language.messages import translator
from coprod_cli.plan.loader import LoadedPlan
from coprod_cli.plan.suggest import did_you_mean
from coprod_cli.schedule import Schedule
from coprod_cli.views import Views
from coprod_cli.views.paperwork import SaidDid

__all__ = ["DOCUMENTS", "FORMATS", "Document", "Drafts", "Renderer", "draft_reasons"]

DOCUMENTS = ("handouts", "easy-read", "scripts", "agendas", "paperwork", "overview", "said-did", "calendar")
FORMATS = ("md", "html", "pdf", "docx")
# Per-workshop documents: the name on the command line -> the file stem.
PER_WORKSHOP = {
    "scripts": "facilitator-script",
    "handouts": "handout",
    "agendas": "agenda",
    "easy-read": "easy-read",
    "said-did": SAID_DID,  # only for a workshop that heard something; the series one in OUT/
    "paperwork": "paperwork",  # a folder of its own: sign-in sheet, badges, forms, receipts
}
# Documents not written as Markdown: an Easy Read point is its picture and its words (HTML, PDF, Word).
NO_MARKDOWN = frozenset({"easy-read"})
# Participant documents that large print (--large-print, settings: {print: large}) enlarges.
LARGE_PRINT = frozenset({"handouts", "agendas", "easy-read", "said-did"})


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


def build_models(
    loaded: LoadedPlan,
    schedules: list[Schedule],
    documents: tuple[str, ...] = DOCUMENTS,
    workshop: str | None = None,
    views: Views | None = None,
) -> Iterator[tuple[str, Model, dict[str, Any]]]:
    """(path stem, model, template context) of every requested document, without laying them out."""
    renderer = Renderer.start(loaded, schedules, documents, (), workshop, None, views)
    for unit in renderer.units():
        yield from renderer.models(unit)


SERIES = -1  # the unit of the series-wide documents (overview, calendar); workshops are 0, 1, ...


@dataclass
class Renderer:
    """One run's rendering, in units that can be rendered in any order (or process): the series
    documents, then one unit per workshop. `views`: the audiences' views already built this run
    (by the checks), else built here. `draft`: why documents are not ready (documents/drafts.py says
    which carry the banner)."""

    loaded: LoadedPlan
    schedules: list[Schedule]
    documents: tuple[str, ...]
    formats: tuple[str, ...]
    workshop: str | None
    views: Views
    writers: dict[str, Writer]  # md and html: how each lays out a document
    large_print: bool = False
    draft: Drafts = field(default_factory=Drafts)

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
        draft: Drafts | None = None,
    ) -> Renderer:
        ids = [s.workshop.id for s in schedules]
        if workshop is not None and workshop not in ids:
            raise UsageError(
                f"there is no workshop '{workshop}'{did_you_mean(workshop, [i or '' for i in ids])} "
                f"(the plan has {', '.join(i or '' for i in ids)})"
            )
        # PDF is printed from the HTML; DOCX is laid out from the model. Without a templates folder,
        # Markdown and HTML are laid out in Python (writers/page.py), the same as the built-in templates.
        lang, latin_ext = loaded.plan.language, needs_latin_ext(loaded.plan.model_dump_json())
        if user_templates is None:
            writers = page_writers(formats, lang, latin_ext)
        else:
            from coprod_cli.documents.writers.text import template_writers

            writers = template_writers(user_templates, formats, lang, latin_ext)
        views = views or Views(loaded.plan, schedules)
        return cls(loaded, schedules, documents, formats, workshop, views, writers, large_print, draft or Drafts())

    def render_all(self) -> list[Document]:
        """Every requested document, rendered in memory. Raises RenderError on a template problem.

        A document `draft` gives reasons for carries a "Draft: not ready to hand out" banner listing them."""
        return [doc for unit in self.units() for doc in self.render(unit)]

    def units(self) -> list[int]:
        """SERIES, then the index of each workshop to render."""
        series_wide = "overview" in self.documents or "said-did" in self.documents
        series = self.workshop is None and series_wide or "calendar" in self.documents
        chosen = [i for i, s in enumerate(self.schedules) if self.workshop in (None, s.workshop.id)]
        return [SERIES] * series + (chosen if any(d in PER_WORKSHOP for d in self.documents) else [])

    def count(self) -> int:
        """How many files the units make: one per format of each document, the calendar and its invitations."""
        workshops = len([u for u in self.units() if u != SERIES])
        pictured = len(self.formats) - ("md" in self.formats)
        per_workshop = sum(
            pictured if d in NO_MARKDOWN else len(self.formats)
            for d in self.documents
            if d in PER_WORKSHOP and d != "paperwork"
        )
        files = workshops * per_workshop + (self.workshop is None and "overview" in self.documents) * len(self.formats)
        if "said-did" in self.documents:  # only workshops that heard something, and the series if any did
            heard = [h for h in self._heard() if h.pairs]
            files -= (workshops - len(heard)) * len(self.formats)
            files += self.said_did * len(self.formats)
        if "calendar" in self.documents:
            dated = [s for s in self.schedules if self.workshop in (None, s.workshop.id) and s.workshop.date]
            files += 1 + len(dated)
        if "paperwork" in self.documents:
            chosen = [u for u in self.units() if u != SERIES]
            files += len(self.formats) * sum(len(paperwork_kinds(self.views.paperwork[u])) for u in chosen)
        return files

    def _heard(self) -> list[SaidDid]:
        """'You said, we did' of each workshop this run renders, heard or not."""
        chosen = zip(self.schedules, self.views.said_did, strict=True)
        return [h for s, h in chosen if self.workshop in (None, s.workshop.id)]

    def retired(self) -> list[str]:
        """Files the plan no longer makes, whatever was asked for: the 'You said, we did' of a workshop
        in this run that heard nothing, and the series' when no workshop did; paperwork a workshop no
        longer needs (it went online, nobody is paid) (documents/files.py removes them)."""
        stems = [f"{_safe_folder(h.folder)}/{SAID_DID}" for h in self._heard() if not h.pairs]
        if self.workshop is None and not any(h.pairs for h in self.views.said_did):
            stems.append(SAID_DID)
        for sched, p in zip(self.schedules, self.views.paperwork, strict=True):
            if self.workshop in (None, sched.workshop.id):
                stems += [f"{_safe_folder(p.folder)}/paperwork/{k}" for k in PAPERWORK if k not in paperwork_kinds(p)]
        paths = [f"{stem}.{fmt}" for stem in stems for fmt in FORMATS]
        return paths + [beside(p) for p in paths]

    def notes(self) -> list[str]:
        """What a person should know that no file says: a 'You said, we did' asked for with nothing heard."""
        if "said-did" not in self.documents or any(h.pairs for h in self._heard()):
            return []
        if self.workshop is not None:
            return [f"No 'You said, we did' was written for '{self.workshop}': it has nothing under `heard:` yet."]
        return [
            "No 'You said, we did' was written: no workshop has anything under `heard:` yet. "
            "After a workshop, write there what people said and what you did about it."
        ]

    @property
    def said_did(self) -> bool:
        """Does this run write the series' 'You said, we did' (asked for, the whole series, something heard)?"""
        return self.workshop is None and "said-did" in self.documents and any(h.pairs for h in self.views.said_did)

    def models(self, unit: int) -> Iterator[tuple[str, Model, dict[str, Any]]]:
        """(path stem, model, template context) of each document of one unit, the draft banner on each."""
        plan, series = self.loaded.plan, self.views.participant
        _, lang, paper = translator(plan.language), plan.language, plan.settings.paper
        if unit == SERIES:
            if self.workshop is None and "overview" in self.documents:
                yield "overview", self._banner(build_overview(series, _, lang, paper), unit), {"series": series}
            said = build_series_said_did(series, self.views.said_did, _, lang, paper) if self.said_did else None
            if said is not None:
                large = self.large_print or plan.settings.print == "large"
                yield said.kind, self._banner(said, unit), {"series": series, "large_print": large}
            return
        pw, fw = series.workshops[unit], self.views.facilitator[unit]
        folder = _safe_folder(pw.folder)
        for doc in self.documents:
            if doc not in PER_WORKSHOP or doc == "said-did" and not self.views.said_did[unit].pairs:
                continue
            if doc == "paperwork":
                for model in build_paperwork(series, self.views.paperwork[unit], _, lang, paper):
                    yield f"{folder}/paperwork/{model.kind}", self._banner(model, unit), {"series": series}
                continue
            context: dict[str, Any] = {"series": series, "workshop": fw if doc == "scripts" else pw}
            context["large_print"] = doc in LARGE_PRINT and (self.large_print or plan.settings.print == "large")
            if doc == "scripts":
                model = build_script(series, fw, _, lang, paper)
            elif doc == "handouts":
                model = build_handout(series, pw, _, lang, paper)
            elif doc == "agendas":
                model = build_agenda(series, pw, _, lang, paper)
            elif doc == "said-did":
                model = build_said_did(series, self.views.said_did[unit], _, lang, paper)
            else:
                model = easy_read(plan, self.schedules, series, pw.number, paper)
            yield f"{folder}/{PER_WORKSHOP[doc]}", self._banner(model, unit), context

    def render(self, unit: int) -> list[Document]:
        """The documents of one unit: a workshop's, or the series' (overview and calendar)."""
        out = []
        for stem, model, context in self.models(unit):
            out += self._each_format(stem, model, context)
        if unit == SERIES and "calendar" in self.documents:
            from coprod_cli.documents.writers.ics import build_calendars

            numbered = enumerate(self.schedules, start=1)
            chosen = [(n, s) for n, s in numbered if self.workshop in (None, s.workshop.id)]
            plan_file = Path(self.loaded.file)
            revised = plan_file.stat().st_mtime if plan_file.is_file() else None
            series, invites = build_calendars(self.loaded.plan, chosen, revised)
            out.append(Document("calendar.ics", series))
            # One invitation per dated workshop, to attach to an email or post in a group chat.
            folders = {pw.id or "": _safe_folder(pw.folder) for pw in self.views.participant.workshops}
            for number, sched in chosen:
                if number in invites:
                    out.append(Document(f"{folders[sched.workshop.id or '']}/invite.ics", invites[number]))
        return out

    def _banner(self, model: Model, unit: int) -> Model:
        """The model with the draft banner its unit calls for, if any."""
        wid = None if unit == SERIES else self.schedules[unit].workshop.id
        reasons = self.draft.of_series() if unit == SERIES else self.draft.of_workshop(wid)
        return replace(model, banner=reasons) if reasons else model

    def draft_summary(self) -> list[str]:
        """What to say on stderr about the drafts among this run's documents (documents/drafts.py)."""
        series = self.workshop is None and ("overview" in self.documents or self.said_did)
        return self.draft.summary(self.workshop, series)

    def _each_format(self, stem: str, model: Model, context: dict[str, Any]) -> list[Document]:
        no_markdown = model.kind in {PER_WORKSHOP[d] for d in NO_MARKDOWN}
        out = []
        for fmt, write in self.writers.items():
            if no_markdown and fmt == "md":
                continue
            data = write(model, context)
            if fmt in self.formats:
                out.append(Document(f"{stem}.{fmt}", data))
            if fmt == "html" and "pdf" in self.formats:
                from coprod_cli.documents.writers.pdf import html_to_pdf

                out.append(Document(f"{stem}.pdf", html_to_pdf(data.decode("utf-8"), model)))
        if "docx" in self.formats:
            from coprod_cli.documents.writers.docx import build_docx

            out.append(Document(f"{stem}.docx", build_docx(model)))
        return out


def _safe_folder(folder: str) -> str:
    """A workshop folder name that cannot leave the output folder."""
    if not re.fullmatch(r"[0-9]{2,}-[A-Za-z0-9][A-Za-z0-9_-]*", folder):
        raise RenderError(f"'{folder}' is not a safe folder name")
    return folder
