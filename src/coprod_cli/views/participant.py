"""What each audience may see.

The participant view is built from scratch out of participant-safe fields only (titles,
`handout`, goals, homework, ground rules, glossary, venue, links, contact): it has no place
for `notes`, `say`, `prepare`, `steps`, `online` or `lead`, so no template can leak them.
The facilitator view carries everything, plus timing cues and a preparation checklist.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Self

from coprod_cli.language.messages import format_date, format_duration, format_time, translator
from coprod_cli.language.texts import handout_glossaries
from coprod_cli.plan.models import OnlineVariant, Plan, Workshop
from coprod_cli.schedule import Schedule, TimedItem

# ---------------------------------------------------------------- participant view


@dataclass(frozen=True)
class ItemTimes:
    """What every audience's view of an item starts with: when it runs, for how long, what it is."""

    when: str
    end: str
    minutes: str
    title: str
    kind: str
    is_pause: bool

    @classmethod
    def timed(cls, lang: str, sched: Schedule, t: TimedItem, **rest: Any) -> Self:
        """The view of `t`, its times in the plan's language; `rest` are the audience's own fields."""
        return cls(
            when=_when(lang, sched, t.offset),
            end=_when(lang, sched, t.end_offset),
            minutes=format_duration(lang, t.minutes),
            title=t.item.title,
            kind=t.item.kind,
            is_pause=t.item.is_pause,
            **rest,
        )


@dataclass(frozen=True)
class ParticipantTrackItem:
    title: str
    when: str
    description: str | None


@dataclass(frozen=True)
class ParticipantTrack:
    group: str
    where: str | None
    items: tuple[ParticipantTrackItem, ...]


@dataclass(frozen=True)
class ParticipantItem(ItemTimes):
    description: str | None  # in an online workshop, already the online wording
    online_description: str | None  # hybrid only: what people taking part online do
    tracks: tuple[ParticipantTrack, ...]


@dataclass(frozen=True)
class ParticipantWorkshop:
    number: int
    folder: str
    id: str
    title: str
    date: date | None
    day: str | None
    time: str | None
    venue: str | None
    access: str | None
    adjustments: str | None
    mode: str
    join_link: str | None
    join_dial_in: str | None
    join_help: str | None
    links: tuple[tuple[str, str], ...]
    goals: tuple[str, ...]
    items: tuple[ParticipantItem, ...]
    homework: str | None
    glossary: tuple[tuple[str, str], ...]
    sensitive: bool = False
    content_note: str | None = None
    support: tuple[str, ...] = ()
    previous: str | None = None
    previous_heard: tuple[tuple[str, str], ...] = ()
    consent: tuple[str, ...] = ()  # what people are asked to agree to, and how to say no


@dataclass(frozen=True)
class ParticipantSeries:
    title: str
    organiser: str | None
    purpose: str | None
    challenge: str | None
    contact: str | None
    ground_rules: tuple[str, ...]
    groups: tuple[tuple[str, int | None], ...]
    facilitators: tuple[str, ...]
    workshops: tuple[ParticipantWorkshop, ...]
    glossary: tuple[tuple[str, str], ...]
    thanks: tuple[tuple[str, tuple[str, ...]], ...] = ()
    support: tuple[str, ...] = ()


def folder_name(number: int, workshop: Workshop) -> str:
    """'01-intro': the workshop's output folder."""
    return f"{number:02d}-{workshop.id}"


def _day(lang: str, d: date | None) -> str | None:
    return None if d is None else format_date(lang, d)


def _time_span(lang: str, sched: Schedule) -> str | None:
    if sched.start is None:
        return None
    _, start = translator(lang), format_time(lang, sched.start)
    end = sched.booked_end if sched.booked_end is not None else sched.planned_end
    return _("{start} to {end}", start=start, end=format_time(lang, end)) if end is not None else start


def _when(lang: str, sched: Schedule, offset: int) -> str:
    _ = translator(lang)
    if sched.start is not None:
        return format_time(lang, sched.start + offset)
    return f"+{format_duration(lang, offset)}" if offset else _("start")


def _access_text(plan: Plan, w: Workshop) -> str | None:
    """The series' access details and the workshop's own, as one paragraph (how to ask comes apart)."""
    _ = translator(plan.language)
    sentences = [s for a in (plan.access, w.access) if a is not None for s in a.sentences(_, ask=False)]
    return " ".join(sentences) or None


def _adjustments(plan: Plan, w: Workshop) -> str | None:
    """How to ask for an adjustment: the workshop's way, else the series' way."""
    return next((a.adjustments for a in (w.access, plan.access) if a is not None and a.adjustments), None)


def heard_pairs(w: Workshop) -> tuple[tuple[str, str], ...]:
    """'You said, we did' pairs of one workshop; an empty 'did': nothing done yet (the documents say so)."""
    return tuple((h.said, (h.did or "").strip()) for h in w.heard)


def day_text(lang: str, d: date | None) -> str | None:
    """A workshop's day in the plan's language, for documents outside this view (paperwork)."""
    return _day(lang, d)


def time_span(lang: str, sched: Schedule) -> str | None:
    """'10:00 to 13:30' in the plan's language."""
    return _time_span(lang, sched)


def _online_handout(mode: str, online: object, handout: str | None) -> str | None:
    """In a hybrid workshop, what people online do, when it differs from the room's version."""
    text = online.handout if mode == "hybrid" and isinstance(online, OnlineVariant) else None
    return text if text != handout else None


def _participant_item(lang: str, sched: Schedule, t: TimedItem) -> ParticipantItem:
    tracks = tuple(
        ParticipantTrack(
            track.group,
            track.where,
            tuple(
                ParticipantTrackItem(s.item.title, _when(lang, sched, s.offset), s.item.handout) for s in track.items
            ),
        )
        for track in t.tracks
    )
    return ParticipantItem.timed(
        lang,
        sched,
        t,
        description=t.item.handout,
        online_description=_online_handout(sched.workshop.mode, t.item.online, t.item.handout),
        tracks=tracks,
    )


def participant_view(plan: Plan, schedules: list[Schedule]) -> ParticipantSeries:
    """The series as participants may see it: nothing facilitator-only is copied in."""
    glossaries = handout_glossaries(plan)
    _ = translator(plan.language)
    workshops = []
    for number, sched in enumerate(schedules, start=1):
        w = sched.workshop
        previous = schedules[number - 2].workshop if number > 1 else None
        workshops.append(
            ParticipantWorkshop(
                number=number,
                folder=folder_name(number, w),
                id=w.id or "",
                title=w.title,
                date=w.date,
                day=_day(plan.language, w.date),
                time=_time_span(plan.language, sched),
                venue=w.venue,
                access=_access_text(plan, w),
                adjustments=_adjustments(plan, w),
                mode=w.mode,
                join_link=w.join.link if w.join else None,
                join_dial_in=w.join.dial_in if w.join else None,
                join_help=w.join.help if w.join else None,
                links=tuple(w.links.items()),
                goals=tuple(w.goals),
                items=tuple(_participant_item(plan.language, sched, t) for t in sched.items),
                homework=w.homework,
                glossary=tuple(glossaries[w.id]),
                sensitive=w.sensitive or any(t.item.sensitive for t in sched.items),
                content_note=w.content_note,
                support=tuple(c.line() for c in (*w.support, *plan.support)),
                previous=previous.title if previous else None,
                previous_heard=heard_pairs(previous) if previous else (),
                # online, photos are screenshots; hybrid, photos or screenshots
                consent=tuple(plan.consent.sentences(_, mode=w.mode)) if plan.consent else (),
            )
        )
    return ParticipantSeries(
        title=plan.title,
        organiser=plan.organiser,
        purpose=plan.purpose,
        challenge=plan.challenge,
        contact=plan.contact,
        ground_rules=tuple(plan.ground_rules),
        groups=tuple((g.group, g.count) for g in plan.participants),
        facilitators=tuple(f.name for f in plan.facilitators),
        workshops=tuple(workshops),
        glossary=tuple(plan.glossary.items()),
        thanks=tuple((g.group, tuple(g.thanks.sentences(_))) for g in plan.participants if g.thanks is not None),
        support=tuple(c.line() for c in plan.support),
    )


# ---------------------------------------------------------------- facilitator view
