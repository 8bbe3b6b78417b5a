"""The agenda: one printable page with times, for participants."""

from __future__ import annotations

from coprod_cli.documents.build import Translate
from coprod_cli.documents.build.handout import join_line, link_lines, timetable, workshop_document
from coprod_cli.documents.model import Block, Bullets, Document, Paragraph, Section
from coprod_cli.views import ParticipantSeries, ParticipantWorkshop


def build_agenda(series: ParticipantSeries, w: ParticipantWorkshop, _: Translate, lang: str, paper: str) -> Document:
    """One printable page: the times, the links and who to ask."""
    when = ", ".join(p for p in (w.day, w.time) if p)
    place = _("Online") if w.mode == "online" else (w.venue or "")
    facts = [(k, v) for k, v in ((_("When"), when), (_("Where"), place)) if v]
    blocks: list[Block] = [timetable(w, _, _("What"), _("Finish"), False)]
    joining = ((_("Join:") + f" {join_line(w, _)}",) if w.join_link else ()) + link_lines(w)
    if joining:
        blocks.append(Bullets(joining))
    if series.contact:
        blocks.append(Paragraph(series.contact, label=_("Questions?")))
    agenda = [Section(_("Agenda"), "agenda", tuple(blocks))]
    title = _("Agenda") + f": {w.title}"
    return workshop_document("agenda", series, w, _, lang, paper, facts, agenda, title, "agenda-page")
