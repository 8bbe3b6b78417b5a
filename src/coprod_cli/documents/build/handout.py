"""The participant handout: what the workshop is for, what happens when, and how to get there."""

from __future__ import annotations

from coprod_cli.documents.build import Translate
from coprod_cli.documents.model import Block, Bullets, Document, Group, Line, Paragraph, Row, Section, Terms, Timetable
from coprod_cli.plan.practice import CONSENT_HEADINGS
from coprod_cli.views import ParticipantItem, ParticipantSeries, ParticipantWorkshop


def _groups(item: ParticipantItem, details: bool) -> tuple[Group, ...]:
    return tuple(
        Group(
            t.group,
            t.where or "",
            tuple(Line(s.when, s.title, (s.description or "") if details else "") for s in t.items),
        )
        for t in item.tracks
    )


def _descriptions(item: ParticipantItem, _: Translate) -> tuple[str, ...]:
    """What people do: in a hybrid workshop, in the room and online, when those differ."""
    if item.online_description:
        room = (_("In the room:") + f" {item.description}",) if item.description else ()
        return (*room, _("Online:") + f" {item.online_description}")
    return (item.description,) if item.description else ()


def timetable(w: ParticipantWorkshop, _: Translate, what: str, finish: str, details: bool) -> Timetable:
    rows = [
        Row(
            i.when,
            i.title,
            details=_descriptions(i, _) if details else (),
            groups=_groups(i, details),
            pause=i.is_pause,
        )
        for i in w.items
    ]
    rows.append(Row(w.items[-1].end if w.items else "", finish, end=True))
    return Timetable(
        tuple(rows),
        time=_("Time"),
        what=what,
        strong=details,
        split_intro=_("We split into groups:") if details and any(r.groups for r in rows) else "",
    )


def _kicker(series: ParticipantSeries, w: ParticipantWorkshop, _: Translate) -> str:
    return f"{series.title} · " + _("Workshop {number} of {total}", number=w.number, total=len(series.workshops))


def _where(w: ParticipantWorkshop, _: Translate) -> str:
    if w.mode == "online":
        return _("Online") if w.join_link else _("Online: see “How to join” below")
    if w.venue and w.mode == "hybrid":
        return _("{venue} or online", venue=w.venue)
    return w.venue or ""


def join_line(w: ParticipantWorkshop, _: Translate) -> str:
    """The joining link, and the phone number to dial in, on one line."""
    if not w.join_link:
        return ""
    phone = _("or by phone: {number}", number=w.join_dial_in) if w.join_dial_in else ""
    return w.join_link + (f" ({phone})" if phone else "")


def joining_lines(series: ParticipantSeries, w: ParticipantWorkshop, _: Translate) -> list[tuple[str, str]]:
    """How to join online, each line with its topic (online, phone, help): the link (or when it
    comes), by phone, what to do if it fails, then the other links. The handout and the Easy Read
    both say these."""
    lines: list[tuple[str, str]] = []
    if w.mode != "in-person":
        link = w.join_link or _("we will send you the link before the day")
        lines.append(("online", _("Join on a computer, tablet or phone:") + f" {link}"))
        if w.join_dial_in:
            lines.append(("phone", _("Or join by phone: {number}", number=w.join_dial_in)))
        if w.join_help:
            fallback = w.join_help
        else:
            fallback = (
                _("contact {contact}", contact=series.contact) if series.contact else _("try again in a few minutes")
            )
        lines.append(("help", _("If it does not work:") + f" {fallback}"))
    return lines + [("online", line) for line in link_lines(w)]


def _joining(series: ParticipantSeries, w: ParticipantWorkshop, _: Translate) -> Section | None:
    lines = joining_lines(series, w, _)
    if not lines:
        return None
    title = _("How to join online") if w.mode == "hybrid" else _("How to join")
    return Section(title, "joining", (Bullets(tuple(text for _topic, text in lines)),))


def series_footer(series: ParticipantSeries) -> str:
    return series.title + (f" · {series.organiser}" if series.organiser else "")


def link_lines(w: ParticipantWorkshop) -> tuple[str, ...]:
    return tuple(f"{name}: {url}" for name, url in w.links)


def said_did_pairs(pairs: tuple[tuple[str, str], ...], _: Translate) -> tuple[Section, ...]:
    """Each thing people said, then what was done: two labelled paragraphs, read aloud in order
    (no table to cross); nothing done yet is said plainly."""
    return tuple(
        Section(
            "",
            "pair",
            (
                Paragraph(said, label=_("You said:")),
                Paragraph(did, label=_("We did:"))
                if did
                else Paragraph(_("We will tell you what happens."), label=_("We are still working on this.")),
            ),
        )
        for said, did in pairs
    )


def _said_did(w: ParticipantWorkshop, _: Translate) -> list[Section]:
    """The handout opens with what the last workshop heard and what was done about it."""
    if not w.previous_heard:
        return []
    intro = Paragraph(_("At “{title}” you told us some things. This is what happened.", title=w.previous or ""))
    return [Section(_("You said, we did"), "said_did", (intro, *said_did_pairs(w.previous_heard, _)))]


def _support(w: ParticipantWorkshop, _: Translate) -> list[Section]:
    """The content note and who to talk to, before the agenda, so people know before they read on."""
    if not (w.content_note or w.support):
        return []
    talk: list[Block] = [Paragraph(w.content_note)] if w.content_note else []
    if w.support:
        talk += [Paragraph(_("You can talk to:")), Bullets(w.support)]
    title = _("If something is hard") if w.sensitive else _("Who to talk to")
    return [Section(title, "support", tuple(talk))]


def _taking_part(series: ParticipantSeries, w: ParticipantWorkshop, _: Translate) -> Section:
    """Getting there (or taking part online), access, and how to ask for an adjustment."""
    venue = w.venue if w.mode != "online" else None
    there: list[Block] = [Paragraph(t) for t in (venue, w.access) if t]
    if w.adjustments:
        ask = _("To ask for anything you need: {how}", how=w.adjustments)
    elif w.mode == "online" and series.contact:
        ask = _(
            "If you need anything to take part online (captions, joining by phone, the board sent to you before), "
            "tell us before the day: {contact}.",
            contact=series.contact,
        )
    elif w.mode == "online":
        ask = _(
            "If you need anything to take part online (captions, joining by phone, the board sent to you before), "
            "tell us before the day."
        )
    elif series.contact:
        ask = _(
            "If you need anything to take part (a ramp, large print, an interpreter, a quiet space), "
            "tell us before the day: {contact}.",
            contact=series.contact,
        )
    else:
        ask = _(
            "If you need anything to take part (a ramp, large print, an interpreter, a quiet space), "
            "tell us before the day."
        )
    there.append(Paragraph(ask))
    title = _("Taking part online") if w.mode == "online" else _("Getting there and taking part")
    return Section(title, "venue", tuple(there))


def build_handout(series: ParticipantSeries, w: ParticipantWorkshop, _: Translate, lang: str, paper: str) -> Document:
    """What the workshop is for, what will happen when, how we work together, and how to get there."""
    facts: list[tuple[str, str]] = []
    if w.day:
        facts.append((_("When"), w.day + (f", {w.time}" if w.time else "")))
    elif w.time:
        facts.append((_("Time"), w.time))
    if _where(w, _):
        facts.append((_("Where"), _where(w, _)))
    if w.join_link:
        facts.append((_("Join"), join_line(w, _)))
    if series.contact:
        facts.append((_("Questions?"), series.contact))
    purpose: list[Block] = [Paragraph(series.purpose)] if series.purpose else []
    if w.goals:
        purpose += [Paragraph(_("Today we will:")), Bullets(w.goals)]
    sections = _said_did(w, _)
    sections.append(Section(_("What this workshop is for"), "purpose", tuple(purpose)))
    sections += _support(w, _)
    sections.append(
        Section(_("What will happen"), "agenda", (timetable(w, _, _("What we will do"), _("We finish"), True),))
    )
    if series.ground_rules:
        agree = _("We will agree these together at the start. You can suggest changes.")
        agreed = _("We agreed these together. You can suggest changes at any time.")
        rules = (Paragraph(agree if w.number == 1 else agreed), Bullets(series.ground_rules))
        sections.append(Section(_("How we work together"), "ground_rules", rules))
    if series.thanks:
        lines = tuple(f"{group}: {' '.join(sentences)}" for group, sentences in series.thanks)
        sections.append(Section(_("Thank you for your time"), "thanks", (Bullets(lines),)))
    if w.glossary:
        sections.append(Section(_("Words we use"), "glossary", (Terms(w.glossary),)))
    if w.homework:
        optional = _("This is optional. We will talk about it at the start of the next workshop.")
        sections.append(Section(_("Before next time"), "homework", (Paragraph(w.homework), Paragraph(optional))))
    joining = _joining(series, w, _)
    if joining is not None:
        sections.append(joining)
    sections.append(_taking_part(series, w, _))
    if w.consent:
        sections.append(Section(_(CONSENT_HEADINGS[w.mode]), "consent", (Bullets(w.consent),)))
    title = f"{w.title} · {series.title}"
    return workshop_document("handout", series, w, _, lang, paper, facts, sections, title)


def workshop_document(
    kind: str,
    series: ParticipantSeries,
    w: ParticipantWorkshop,
    _: Translate,
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
        kicker=_kicker(series, w, _),
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


def participant_document(
    kind: str,
    series: ParticipantSeries,
    title: str,
    lang: str,
    paper: str,
    sections: list[Section],
    full_title: str,
    facts: list[tuple[str, str]] | None = None,
    page: str = "document",
    kicker: str | None = None,
) -> Document:
    """A participant document under the series' title (the kicker unless given), its organiser the author."""
    return Document(
        kind=kind,
        title=title,
        kicker=series.title if kicker is None else kicker,
        lang=lang,
        audience="participant",
        author=series.organiser or "",
        footer=series_footer(series),
        facts=Terms(tuple(facts), facts=True) if facts else None,
        sections=tuple(sections),
        paper=paper,
        page=page,
        full_title=full_title,
    )
