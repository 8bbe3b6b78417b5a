"""The facilitator script: run sheet, words to say, steps, cues, notes and a checklist."""

from __future__ import annotations

import re

from coprod_cli.documents.build import Translate
from coprod_cli.documents.build.handout import said_did_pairs
from coprod_cli.documents.model import (
    Block,
    Bullets,
    Cue,
    Document,
    Line,
    Note,
    Paragraph,
    Row,
    Say,
    Section,
    Steps,
    Terms,
    Timetable,
)
from coprod_cli.views import FacilitatorItem, FacilitatorWorkshop, ParticipantSeries


def _paragraphs(text: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in re.split(r"\n\s*\n", text) if p.strip())


def _meta(item: FacilitatorItem, _: Translate) -> str:
    parts = [_(item.kind), item.groups or ""]
    if item.lead:
        parts.append(_("led by {name}", name=item.lead))
    if item.flex:
        parts.append(_("can give back {time}", time=item.flex))
    if item.pinned:
        parts.append(_("fixed at {time}", time=item.pinned))
    return " · ".join(p for p in parts if p)


def _item_blocks(item: FacilitatorItem, _: Translate, sub: bool = False) -> list[Block]:
    """Everything the facilitator reads for one item or one activity of a track."""
    blocks: list[Block] = []
    meta = (
        _meta(item, _)
        if not sub
        else " · ".join(p for p in (item.groups, item.flex and _("can give back {time}", time=item.flex)) if p)
    )
    if meta:
        blocks.append(Paragraph(meta, style="meta"))
    if item.say:
        blocks.append(Say(_paragraphs(item.say), label=_("Say:")))
    if item.steps:
        blocks.append(Steps(tuple(Line(s.when, s.do, minutes=s.minutes or "") for s in item.steps)))
    if item.materials:
        blocks.append(Paragraph(", ".join(item.materials), label=_("Materials:")))
    if item.online:
        blocks.append(Note(item.online, label=_("Online:")))
    if item.online_materials:
        blocks.append(Paragraph(", ".join(item.online_materials), label=_("Online materials:")))
    if item.notes:
        blocks.append(Note(item.notes, label=_("Note:")))
    # Cues of a split item are for the whole room: printed before the tracks, never under one.
    blocks += [Cue(c.when, c.text) for c in item.cues]
    for track in item.tracks:
        head = " · ".join(
            p for p in (track.group, track.where, track.lead and _("led by {name}", name=track.lead)) if p
        )
        subs = tuple(
            Section(f"{s.when}–{s.end} · {s.title} ({s.minutes})", "track_item", tuple(_item_blocks(s, _, True)))
            for s in track.items
        )
        blocks.append(Section(head, "track", subs))
    return blocks


def build_script(series: ParticipantSeries, w: FacilitatorWorkshop, _: Translate, lang: str, paper: str) -> Document:
    """The run sheet and everything the facilitator needs to run the workshop from it alone."""
    facts: list[tuple[str, str]] = []
    if w.day:
        facts.append((_("Date"), w.day))
    if w.time:
        planned = _("{total} planned; {note}", total=w.total, note=w.end_note)
        facts.append((_("Time"), f"{w.time} ({planned})"))
    else:
        facts.append((_("Length"), w.total))
    if w.venue:
        facts.append((_("Venue"), w.venue))
    facts.append((_("Mode"), _(w.mode)))
    if w.facilitators:
        facts.append((_("Facilitators"), ", ".join(w.facilitators)))
    if w.groups:
        facts.append((_("Who is coming"), "; ".join(w.groups)))
    facts += list(w.links)

    sections: list[Section] = []
    if w.goals:
        sections.append(Section(_("Goals"), "goals", (Bullets(tuple(w.goals)),)))
    checklist: list[Block] = []
    if w.todo:
        checklist.append(Section(_("To do"), "todo", (Bullets(tuple(w.todo), check=True),)))
    if w.setup:
        checklist.append(Section(_("Online set-up"), "setup", (Bullets(tuple(w.setup), check=True),)))
    if w.ready:
        checklist.append(Section(_("To have ready online"), "ready", (Bullets(tuple(w.ready), check=True),)))
    if w.bring:
        checklist.append(Section(_("To bring"), "bring", (Bullets(tuple(w.bring), check=True),)))
    if w.previous_homework:
        checklist.append(Note(w.previous_homework, label=_("Homework to pick up from last time:")))
    sections.append(Section(_("Before the day"), "checklist", tuple(checklist)))
    if w.previous_heard:  # the handout opens with it too: the facilitator reports it back
        sections.append(Section(_("You said, we did"), "said_did", said_did_pairs(w.previous_heard, _)))

    rows: list[Row] = []
    for item in w.items:
        if item.gap_before:
            rows.append(
                Row("", _("Waiting time before {title}", title=item.title), minutes=item.gap_before, pause=True)
            )
        pinned = _("fixed at {time}", time=item.pinned) if item.pinned else ""
        title = item.title + (f" ({pinned})" if pinned else "")
        rows.append(Row(item.when, title, minutes=item.minutes, who=item.lead or "", pause=item.is_pause))
    rows.append(Row(w.items[-1].end if w.items else "", _("Finish"), end=True))
    sheet = Timetable(
        tuple(rows), time=_("Time"), what=_("What"), minutes=_("Min"), who=_("Who") if w.has_leads else ""
    )
    sections.append(Section(_("Run sheet"), "run_sheet", (sheet,)))

    items = tuple(
        Section(
            f"{i.when}–{i.end} · {i.title} ({i.minutes})",
            "item",
            tuple(_item_blocks(i, _)),
            card=True,
            pause=i.is_pause,
        )
        for i in w.items
    )
    sections.append(Section(_("Step by step"), "items", items))
    if w.homework:
        sections.append(Section(_("Homework to set"), "homework", (Paragraph(w.homework),)))
    if series.ground_rules:
        sections.append(
            Section(
                _("Ground rules to keep where everyone can see them"), "ground_rules", (Bullets(series.ground_rules),)
            )
        )
    return Document(
        kind="facilitator-script",
        title=w.title,
        kicker=_(
            "Facilitator script · not for participants · Workshop {number} of {total}", number=w.number, total=w.of
        ),
        lang=lang,
        audience="facilitator",
        author=series.organiser or "",
        footer=_(
            "Facilitator script · {series} · Workshop {number}: {title}",
            series=series.title,
            number=w.number,
            title=w.title,
        ),
        facts=Terms(tuple(facts), facts=True),
        sections=tuple(sections),
        paper=paper,
        full_title=_("Script") + f": {w.title} · {series.title}",
    )
