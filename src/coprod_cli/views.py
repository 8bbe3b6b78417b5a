"""What each audience may see.

The participant view is built from scratch out of participant-safe fields only (titles,
`handout`, goals, homework, ground rules, glossary, venue, links, contact): it has no place
for `notes`, `say`, `prepare`, `steps`, `online` or `lead`, so no template can leak them.
The facilitator view carries everything, plus timing cues and a preparation checklist.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from coprod_cli.language.terms import terms_in
from coprod_cli.plan.durations import format_clock, format_duration
from coprod_cli.plan.models import OnlineVariant, Plan, Workshop
from coprod_cli.preparation import checklist
from coprod_cli.schedule import Schedule, TimedItem

# ---------------------------------------------------------------- participant view


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
class ParticipantItem:
    when: str
    end: str
    minutes: str
    title: str
    kind: str
    is_pause: bool
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
    mode: str
    join_link: str | None
    join_dial_in: str | None
    join_help: str | None
    links: tuple[tuple[str, str], ...]
    goals: tuple[str, ...]
    items: tuple[ParticipantItem, ...]
    homework: str | None
    glossary: tuple[tuple[str, str], ...]


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


def folder_name(number: int, workshop: Workshop) -> str:
    """'01-intro': the workshop's output folder."""
    return f"{number:02d}-{workshop.id}"


def _day(d: date | None) -> str | None:
    return None if d is None else f"{d:%A} {d.day} {d:%B %Y}"


def _time_span(sched: Schedule) -> str | None:
    if sched.start is None:
        return None
    end = sched.booked_end if sched.booked_end is not None else sched.planned_end
    return f"{format_clock(sched.start)} to {format_clock(end)}" if end is not None else format_clock(sched.start)


def _when(sched: Schedule, offset: int) -> str:
    clock = sched.clock(offset)
    return clock if clock is not None else f"+{format_duration(offset)}" if offset else "start"


def handout_texts(plan: Plan, workshop: Workshop) -> list[str]:
    """Every text one workshop's handout prints: the series title and the series-wide texts too."""
    from coprod_cli.language.jargon import participant_texts

    return [plan.title] + [text for wid, _, _, text in participant_texts(plan) if wid in (None, workshop.id)]


def _unexplained_jargon(texts: list[str], glossary: list[str]) -> list[tuple[str, str]]:
    """Jargon the handout uses that the plan's glossary does not explain, with a plain meaning."""
    from coprod_cli.language.jargon import explained_by, jargon_in

    found = jargon_in("\n".join(texts))
    return [(entry.term, entry.meaning) for entry, _ in found if not explained_by(entry, glossary)]


def _access_text(plan: Plan, w: Workshop) -> str | None:
    """The series' access details and the workshop's own, as one paragraph."""
    sentences = [s for a in (plan.access, w.access) if a is not None for s in a.sentences()]
    return " ".join(sentences) or None


def _online_handout(mode: str, online: object, handout: str | None) -> str | None:
    """In a hybrid workshop, what people online do, when it differs from the room's version."""
    text = online.handout if mode == "hybrid" and isinstance(online, OnlineVariant) else None
    return text if text != handout else None


def _participant_item(sched: Schedule, t: TimedItem) -> ParticipantItem:
    tracks = tuple(
        ParticipantTrack(
            track.group,
            track.where,
            tuple(ParticipantTrackItem(s.item.title, _when(sched, s.offset), s.item.handout) for s in track.items),
        )
        for track in t.tracks
    )
    return ParticipantItem(
        when=_when(sched, t.offset),
        end=_when(sched, t.end_offset),
        minutes=format_duration(t.minutes),
        title=t.item.title,
        kind=t.item.kind,
        is_pause=t.item.is_pause,
        description=t.item.handout,
        online_description=_online_handout(sched.workshop.mode, t.item.online, t.item.handout),
        tracks=tracks,
    )


def participant_view(plan: Plan, schedules: list[Schedule]) -> ParticipantSeries:
    """The series as participants may see it: nothing facilitator-only is copied in."""
    workshops = []
    for number, sched in enumerate(schedules, start=1):
        w = sched.workshop
        texts = handout_texts(plan, w)
        used = [(term, plan.glossary[term]) for term in terms_in(texts, plan.glossary)]
        used += _unexplained_jargon(texts, list(plan.glossary))
        workshops.append(
            ParticipantWorkshop(
                number=number,
                folder=folder_name(number, w),
                id=w.id or "",
                title=w.title,
                date=w.date,
                day=_day(w.date),
                time=_time_span(sched),
                venue=w.venue,
                access=_access_text(plan, w),
                mode=w.mode,
                join_link=w.join.link if w.join else None,
                join_dial_in=w.join.dial_in if w.join else None,
                join_help=w.join.help if w.join else None,
                links=tuple(w.links.items()),
                goals=tuple(w.goals),
                items=tuple(_participant_item(sched, t) for t in sched.items),
                homework=w.homework,
                glossary=tuple(used),
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
    )


# ---------------------------------------------------------------- facilitator view

CUE_BEFORE_BREAK = 10
CUE_BEFORE_END = 5
CUE_MIN_ITEM = 15


@dataclass(frozen=True)
class Cue:
    when: str
    offset: int
    text: str


@dataclass(frozen=True)
class FacilitatorStep:
    when: str
    minutes: str | None
    do: str


@dataclass
class FacilitatorItem:
    when: str
    end: str
    minutes: str
    title: str
    kind: str
    is_pause: bool
    lead: str | None
    groups: str | None
    flex: str | None
    pinned: str | None
    say: str | None
    steps: list[FacilitatorStep]
    materials: list[str]  # in an online workshop, already what online needs
    online: str | None  # online and hybrid: how to run it online
    online_materials: list[str]  # hybrid only: what the online side needs
    notes: str | None
    handout: str | None
    gap_before: str | None
    cues: list[Cue] = field(default_factory=list)
    tracks: list[FacilitatorTrack] = field(default_factory=list)


@dataclass
class FacilitatorTrack:
    group: str
    where: str | None
    lead: str | None
    items: list[FacilitatorItem]


@dataclass
class FacilitatorWorkshop:
    number: int
    of: int
    folder: str
    id: str
    title: str
    day: str | None
    time: str | None
    venue: str | None
    mode: str
    links: list[tuple[str, str]]
    goals: list[str]
    facilitators: list[str]
    groups: list[str]
    todo: list[str]
    setup: list[str]  # online and hybrid: the online set-up list
    bring: list[str]
    ready: list[str]  # online and hybrid: what to have ready on screen
    items: list[FacilitatorItem]
    cues: list[Cue]
    homework: str | None
    previous_homework: str | None
    total: str
    end_note: str
    has_leads: bool


def _cues(sched: Schedule) -> list[Cue]:
    """When to tell the room what is coming: breaks, the last minutes of long items, pins."""
    cues: list[Cue] = []
    items = sched.items
    for i, t in enumerate(items):
        if t.item.is_pause and i > 0:
            at = t.offset - CUE_BEFORE_BREAK
            if at > items[i - 1].offset:
                name = "lunch" if t.item.kind == "meal" else "a break"
                cues.append(Cue(_when(sched, at), at, f"tell everyone: {name} in {CUE_BEFORE_BREAK} minutes"))
        elif not t.item.is_pause and t.minutes >= CUE_MIN_ITEM:
            cues += _endings(sched, [t])
        if t.item.at is not None and i > 0:
            at = max(t.offset - 20, items[i - 1].offset)
            cues.append(
                Cue(
                    _when(sched, at),
                    at,
                    f"'{t.item.title}' is fixed at {format_clock(t.item.at)}: check you are on time",
                )
            )
    return sorted(cues, key=lambda c: c.offset)


def _endings(sched: Schedule, items: list[TimedItem]) -> list[Cue]:
    """'Five minutes left' for long activities (a track's are told to that group only)."""
    ats = [(t, t.end_offset - CUE_BEFORE_END) for t in items if not t.item.is_pause and t.minutes >= CUE_MIN_ITEM]
    return [Cue(_when(sched, at), at, f"five minutes left for '{t.item.title}'") for t, at in ats]


def _facilitator_item(sched: Schedule, t: TimedItem, mode: str, cues: list[Cue]) -> FacilitatorItem:
    item = t.item
    variant = item.online if mode != "in-person" and isinstance(item.online, OnlineVariant) else None
    return FacilitatorItem(
        when=_when(sched, t.offset),
        end=_when(sched, t.end_offset),
        minutes=format_duration(t.minutes),
        title=item.title,
        kind=item.kind,
        is_pause=item.is_pause,
        lead=item.lead,
        groups=item.groups,
        flex=format_duration(item.flex) if item.flex else None,
        pinned=format_clock(item.at) if item.at is not None else None,
        say=item.say,
        steps=[
            FacilitatorStep(_when(sched, s.offset), format_duration(s.minutes) if s.minutes else None, s.do)
            for s in t.steps
        ],
        materials=list(item.materials),
        online=variant.how if variant else None,
        online_materials=list(variant.materials) if variant and mode == "hybrid" else [],
        notes=item.notes,
        handout=item.handout,
        gap_before=format_duration(t.gap_before) if t.gap_before else None,
        cues=[c for c in cues if t.offset <= c.offset < t.end_offset],
        tracks=[
            FacilitatorTrack(
                track.group, track.where, track.lead, [_facilitator_item(sched, s, mode, ends) for s in track.items]
            )
            for track in t.tracks
            for ends in [_endings(sched, track.items)]
        ],
    )


def _joining(w: Workshop) -> list[tuple[str, str]]:
    """The joining details for the script's header: link, dial-in, what to do if it fails."""
    if w.join is None:
        return []
    parts = (("Joining link", w.join.link), ("Dial-in", w.join.dial_in), ("If joining fails", w.join.help))
    return [(label, value) for label, value in parts if value]


def facilitator_view(plan: Plan, schedules: list[Schedule]) -> list[FacilitatorWorkshop]:
    """Everything the facilitator needs to run each workshop from the script alone."""
    views = []
    for number, sched in enumerate(schedules, start=1):
        w = sched.workshop
        cues = _cues(sched)
        prep = checklist(plan, w, sched)
        previous = schedules[number - 2].workshop.homework if number > 1 else None
        slack = sched.booked_minutes - sched.total_minutes if sched.booked_minutes is not None else None
        if slack is None:
            end_note = f"{format_duration(sched.total_minutes)} in all"
        elif slack < 0:
            end_note = f"{format_duration(-slack)} over the booking: cut something before the day"
        else:
            end_note = f"{format_duration(slack)} to spare" if slack else "no spare time"
        views.append(
            FacilitatorWorkshop(
                number=number,
                of=len(schedules),
                folder=folder_name(number, w),
                id=w.id or "",
                title=w.title,
                day=_day(w.date),
                time=_time_span(sched),
                venue=w.venue,
                mode=w.mode,
                links=_joining(w) + list(w.links.items()),
                goals=list(w.goals),
                facilitators=[f"{f.name} ({f.role})" if f.role else f.name for f in plan.facilitators],
                groups=[f"{g.group}: {g.count}" if g.count is not None else g.group for g in plan.participants],
                todo=prep.todo,
                setup=prep.setup,
                bring=prep.bring,
                ready=prep.ready,
                items=[_facilitator_item(sched, t, w.mode, cues) for t in sched.items],
                cues=cues,
                homework=w.homework,
                previous_homework=previous,
                total=format_duration(sched.total_minutes),
                end_note=end_note,
                has_leads=any(t.item.lead for t in sched.items),
            )
        )
    return views
