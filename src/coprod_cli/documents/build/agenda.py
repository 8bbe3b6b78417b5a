"""The agenda: one printable page with times, for participants."""

from __future__ import annotations

from coprod_cli.documents.build.handout import join_line, link_lines, timetable, workshop_document
from coprod_cli.documents.model import Block, Bullets, Document, Paragraph, Section
from coprod_cli.views import ParticipantSeries, ParticipantWorkshop


def build_agenda(series: ParticipantSeries, w: ParticipantWorkshop, lang: str, paper: str) -> Document:
    """One printable page: the times, the links and who to ask."""
    when = ", ".join(p for p in (w.day, w.time) if p)
    place = "Online" if w.mode == "online" else (w.venue or "")
    facts = [(k, v) for k, v in (("When", when), ("Where", place)) if v]
    blocks: list[Block] = [timetable(w, "What", "Finish", False)]
    joining = ((f"Join: {join_line(w)}",) if w.join_link else ()) + link_lines(w)
    if joining:
        blocks.append(Bullets(joining))
    if series.contact:
        blocks.append(Paragraph(series.contact, label="Questions?"))
    agenda = [Section("Agenda", "agenda", tuple(blocks))]
    return workshop_document("agenda", series, w, lang, paper, facts, agenda, f"Agenda: {w.title}", "agenda-page")
