"""The participant handout: what the workshop is for, what happens when, and how to get there."""

from __future__ import annotations

from coprod_cli.documents.model import Block, Bullets, Document, Group, Line, Paragraph, Row, Section, Terms, Timetable
from coprod_cli.views import ParticipantItem, ParticipantSeries, ParticipantWorkshop

ASK_FOR_ADJUSTMENTS = (
    "If you need anything to take part (a ramp, large print, an interpreter, a quiet space), tell us before the day"
)


def _groups(item: ParticipantItem, details: bool) -> tuple[Group, ...]:
    return tuple(
        Group(
            t.group,
            t.where or "",
            tuple(Line(s.when, s.title, (s.description or "") if details else "") for s in t.items),
        )
        for t in item.tracks
    )


def _descriptions(item: ParticipantItem) -> tuple[str, ...]:
    """What people do: in a hybrid workshop, in the room and online, when those differ."""
    if item.online_description:
        room = (f"In the room: {item.description}",) if item.description else ()
        return (*room, f"Online: {item.online_description}")
    return (item.description,) if item.description else ()


def timetable(w: ParticipantWorkshop, what: str, finish: str, details: bool) -> Timetable:
    rows = [
        Row(
            i.when,
            i.title,
            details=_descriptions(i) if details else (),
            groups=_groups(i, details),
            pause=i.is_pause,
        )
        for i in w.items
    ]
    rows.append(Row(w.items[-1].end if w.items else "", finish, end=True))
    return Timetable(
        tuple(rows),
        what=what,
        strong=details,
        split_intro="We split into groups:" if details and any(r.groups for r in rows) else "",
    )


def _kicker(series: ParticipantSeries, w: ParticipantWorkshop) -> str:
    return f"{series.title} · Workshop {w.number} of {len(series.workshops)}"


def _where(w: ParticipantWorkshop) -> str:
    if w.mode == "online":
        return "Online" + ("" if w.join_link else ": see “How to join” below")
    return (w.venue or "") + (" or online" if w.venue and w.mode == "hybrid" else "")


def join_line(w: ParticipantWorkshop) -> str:
    """The joining link, and the phone number to dial in, on one line."""
    if not w.join_link:
        return ""
    return w.join_link + (f" (or by phone: {w.join_dial_in})" if w.join_dial_in else "")


def _joining(series: ParticipantSeries, w: ParticipantWorkshop) -> Section | None:
    """How to join online: the link (or when it comes), by phone, and what to do if it fails."""
    lines: list[str] = []
    if w.mode != "in-person":
        lines.append(
            "Join on a computer, tablet or phone: " + (w.join_link or "we will send you the link before the day")
        )
        if w.join_dial_in:
            lines.append(f"Or join by phone: {w.join_dial_in}")
        fallback = w.join_help or (f"contact {series.contact}" if series.contact else "try again in a few minutes")
        lines.append(f"If it does not work: {fallback}")
    lines += link_lines(w)
    if not lines:
        return None
    return Section("How to join" + (" online" if w.mode == "hybrid" else ""), "joining", (Bullets(tuple(lines)),))


def series_footer(series: ParticipantSeries) -> str:
    return series.title + (f" · {series.organiser}" if series.organiser else "")


def link_lines(w: ParticipantWorkshop) -> tuple[str, ...]:
    return tuple(f"{name}: {url}" for name, url in w.links)


def build_handout(series: ParticipantSeries, w: ParticipantWorkshop, lang: str, paper: str) -> Document:
    """What the workshop is for, what will happen when, how we work together, and how to get there."""
    facts: list[tuple[str, str]] = []
    if w.day:
        facts.append(("When", w.day + (f", {w.time}" if w.time else "")))
    elif w.time:
        facts.append(("Time", w.time))
    if _where(w):
        facts.append(("Where", _where(w)))
    if w.join_link:
        facts.append(("Join", join_line(w)))
    if series.contact:
        facts.append(("Questions?", series.contact))
    purpose: list[Block] = [Paragraph(series.purpose)] if series.purpose else []
    if w.goals:
        purpose += [Paragraph("Today we will:"), Bullets(w.goals)]
    sections = [
        Section("What this workshop is for", "purpose", tuple(purpose)),
        Section("What will happen", "agenda", (timetable(w, "What we will do", "We finish", True),)),
    ]
    if series.ground_rules:
        sections.append(Section("How we work together", "ground_rules", (Bullets(series.ground_rules),)))
    if w.glossary:
        sections.append(Section("Words we use", "glossary", (Terms(w.glossary),)))
    if w.homework:
        optional = "This is optional. We will talk about it at the start of the next workshop."
        sections.append(Section("Before next time", "homework", (Paragraph(w.homework), Paragraph(optional))))
    joining = _joining(series, w)
    if joining is not None:
        sections.append(joining)
    if w.venue or w.access:
        there: list[Block] = [Paragraph(t) for t in (w.venue, w.access) if t]
        there.append(Paragraph(ASK_FOR_ADJUSTMENTS + (f": {series.contact}." if series.contact else ".")))
        sections.append(Section("Getting there", "venue", tuple(there)))
    return workshop_document("handout", series, w, lang, paper, facts, sections, f"{w.title} · {series.title}")


def workshop_document(
    kind: str,
    series: ParticipantSeries,
    w: ParticipantWorkshop,
    lang: str,
    paper: str,
    facts: list[tuple[str, str]],
    sections: list[Section],
    full_title: str,
    page: str = "document",
) -> Document:
    """A participant document about one workshop: its title, the series above it, the facts below."""
    return Document(
        kind=kind,
        title=w.title,
        kicker=_kicker(series, w),
        lang=lang,
        audience="participant",
        author=series.organiser or "",
        footer=series_footer(series),
        facts=Terms(tuple(facts), facts=True),
        sections=tuple(sections),
        paper=paper,
        page=page,
        full_title=full_title,
    )
