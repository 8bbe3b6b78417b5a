"""The series overview: who takes part, the workshops at a glance, the journey between them."""

from __future__ import annotations

from coprod_cli.documents.build import Translate
from coprod_cli.documents.build.handout import series_footer
from coprod_cli.documents.model import Block, Bullets, Document, Paragraph, Row, Section, Terms, Timetable
from coprod_cli.views import ParticipantSeries


def build_overview(series: ParticipantSeries, _: Translate, lang: str, paper: str) -> Document:
    """The whole series: who takes part, the workshops at a glance, and the journey between them."""
    sections: list[Section] = []
    if series.challenge:
        paras = tuple(Paragraph(p.strip()) for p in series.challenge.split("\n\n") if p.strip())
        sections.append(Section(_("The challenge"), "challenge", paras))
    people = [f"{g} ({c})" if c is not None else g for g, c in series.groups]
    if series.facilitators:
        people.append(_("Facilitated by {names}", names=_(" and ").join(series.facilitators)))
    if people:
        sections.append(Section(_("Who is taking part"), "people", (Bullets(tuple(people)),)))
    glance = tuple(
        Row(
            f"{w.number}.",
            w.title,
            details=(", ".join(p for p in (w.day or _("date to be set"), w.time) if p),),
            who=_("Online") if w.mode == "online" else (w.venue or ""),
        )
        for w in series.workshops
    )
    sections.append(
        Section(
            _("The workshops at a glance"),
            "glance",
            (Timetable(glance, time="#", what=_("Workshop"), who=_("Where")),),
        )
    )
    journey: list[Section] = []
    for n, w in enumerate(series.workshops):
        blocks: list[Block] = [Bullets(w.goals)] if w.goals else []
        if w.homework:
            blocks.append(Paragraph(w.homework, label=_("Then, before the next workshop:")))
        if n + 1 < len(series.workshops):
            blocks.append(Paragraph(series.workshops[n + 1].title, label=_("Leads on to:"), style="meta"))
        journey.append(Section(f"{w.number}. {w.title}", "workshop", tuple(blocks), card=True))
    sections.append(Section(_("The journey"), "journey", tuple(journey)))
    if series.ground_rules:
        sections.append(Section(_("How we work together"), "ground_rules", (Bullets(series.ground_rules),)))
    if series.glossary:
        sections.append(Section(_("Words we use"), "glossary", (Terms(series.glossary),)))
    if series.contact:
        sections.append(Section(_("Who to contact"), "contact", (Paragraph(series.contact),)))
    intro = (Paragraph(series.purpose),) if series.purpose else ()
    return Document(
        kind="overview",
        title=series.title,
        kicker=_("Series overview") + (f" · {series.organiser}" if series.organiser else ""),
        lang=lang,
        audience="participant",
        author=series.organiser or "",
        footer=series_footer(series),
        sections=(Section("", "intro", intro), *sections) if intro else tuple(sections),
        paper=paper,
        full_title=_("{title}: the series", title=series.title),
    )
