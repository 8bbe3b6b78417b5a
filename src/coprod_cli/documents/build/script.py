"""The facilitator script: run sheet, words to say, steps, cues, notes and a checklist."""

from __future__ import annotations

from coprod_cli.documents.model import (
    Block,
    Bullets,
    Cue,
    Document,
    Note,
    Paragraph,
    Row,
    Say,
    Section,
    Step,
    Steps,
    Terms,
    Timetable,
)
from coprod_cli.views import FacilitatorItem, FacilitatorWorkshop, ParticipantSeries


def _paragraphs(text: str) -> tuple[str, ...]:
    import re

    return tuple(p.strip() for p in re.split(r"\n\s*\n", text) if p.strip())


def _meta(item: FacilitatorItem) -> str:
    parts = [item.kind, item.groups or ""]
    if item.lead:
        parts.append(f"led by {item.lead}")
    if item.flex:
        parts.append(f"can give back {item.flex}")
    if item.pinned:
        parts.append(f"fixed at {item.pinned}")
    return " · ".join(p for p in parts if p)


def _item_blocks(item: FacilitatorItem, sub: bool = False) -> list[Block]:
    """Everything the facilitator reads for one item or one activity of a track."""
    blocks: list[Block] = []
    meta = (
        _meta(item)
        if not sub
        else " · ".join(p for p in (item.groups, item.flex and f"can give back {item.flex}") if p)
    )
    if meta:
        blocks.append(Paragraph(meta, style="meta"))
    if item.say:
        blocks.append(Say(_paragraphs(item.say)))
    if item.steps:
        blocks.append(Steps(tuple(Step(s.when, s.do, s.minutes or "") for s in item.steps)))
    if item.materials:
        blocks.append(Paragraph(", ".join(item.materials), label="Materials:"))
    if item.online:
        blocks.append(Note(item.online, label="Online:"))
    if item.online_materials:
        blocks.append(Paragraph(", ".join(item.online_materials), label="Online materials:"))
    if item.notes:
        blocks.append(Note(item.notes))
    # Cues of a split item are for the whole room: printed before the tracks, never under one.
    blocks += [Cue(c.when, c.text) for c in item.cues]
    for track in item.tracks:
        head = " · ".join(p for p in (track.group, track.where, track.lead and f"led by {track.lead}") if p)
        subs = tuple(
            Section(f"{s.when}–{s.end} · {s.title} ({s.minutes})", "track_item", tuple(_item_blocks(s, True)))
            for s in track.items
        )
        blocks.append(Section(head, "track", subs))
    return blocks


def build_script(series: ParticipantSeries, w: FacilitatorWorkshop, lang: str, paper: str) -> Document:
    """The run sheet and everything the facilitator needs to run the workshop from it alone."""
    facts: list[tuple[str, str]] = []
    if w.day:
        facts.append(("Date", w.day))
    if w.time:
        facts.append(("Time", f"{w.time} ({w.total} planned; {w.end_note})"))
    else:
        facts.append(("Length", w.total))
    if w.venue:
        facts.append(("Venue", w.venue))
    facts.append(("Mode", w.mode.replace("-", " ")))
    if w.facilitators:
        facts.append(("Facilitators", ", ".join(w.facilitators)))
    if w.groups:
        facts.append(("Who is coming", "; ".join(w.groups)))
    facts += list(w.links)

    sections: list[Section] = []
    if w.goals:
        sections.append(Section("Goals", "goals", (Bullets(tuple(w.goals)),)))
    checklist: list[Block] = []
    if w.todo:
        checklist.append(Section("To do", "todo", (Bullets(tuple(w.todo), check=True),)))
    if w.setup:
        checklist.append(Section("Online set-up", "setup", (Bullets(tuple(w.setup), check=True),)))
    if w.ready:
        checklist.append(Section("To have ready online", "ready", (Bullets(tuple(w.ready), check=True),)))
    if w.bring:
        checklist.append(Section("To bring", "bring", (Bullets(tuple(w.bring), check=True),)))
    if w.previous_homework:
        checklist.append(Note(w.previous_homework, label="Homework to pick up from last time:"))
    sections.append(Section("Before the day", "checklist", tuple(checklist)))

    rows: list[Row] = []
    for item in w.items:
        if item.gap_before:
            rows.append(Row("", f"Waiting time before {item.title}", minutes=item.gap_before, pause=True))
        title = item.title + (f" (fixed at {item.pinned})" if item.pinned else "")
        rows.append(Row(item.when, title, minutes=item.minutes, who=item.lead or "", pause=item.is_pause))
    rows.append(Row(w.items[-1].end if w.items else "", "Finish", end=True))
    sheet = Timetable(tuple(rows), minutes="Min", who="Who" if w.has_leads else "")
    sections.append(Section("Run sheet", "run_sheet", (sheet,)))

    items = tuple(
        Section(
            f"{i.when}–{i.end} · {i.title} ({i.minutes})", "item", tuple(_item_blocks(i)), card=True, pause=i.is_pause
        )
        for i in w.items
    )
    sections.append(Section("Step by step", "items", items))
    if w.homework:
        sections.append(Section("Homework to set", "homework", (Paragraph(w.homework),)))
    if series.ground_rules:
        sections.append(
            Section("Ground rules to keep where everyone can see them", "ground_rules", (Bullets(series.ground_rules),))
        )
    return Document(
        kind="facilitator-script",
        title=w.title,
        kicker=f"Facilitator script · not for participants · Workshop {w.number} of {w.of}",
        lang=lang,
        audience="facilitator",
        author=series.organiser or "",
        footer=f"Facilitator script · {series.title} · Workshop {w.number}: {w.title}",
        facts=Terms(tuple(facts), facts=True),
        sections=tuple(sections),
        paper=paper,
        full_title=f"Script: {w.title} · {series.title}",
    )
