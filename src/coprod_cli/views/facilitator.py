"""The facilitator's view: everything in the plan, plus timing cues and a preparation checklist."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from coprod_cli.language.messages import format_duration, format_time, translator
from coprod_cli.plan.models import Item, OnlineVariant, Plan, Workshop
from coprod_cli.preparation import checklist
from coprod_cli.schedule import Schedule, TimedItem
from coprod_cli.views.participant import ItemTimes, _day, _time_span, _when, folder_name, heard_pairs

CUE_BEFORE_BREAK = 10
CUE_BEFORE_END = 5
CUE_MIN_ITEM = 15


@dataclass(frozen=True)
class Cue:
    """A timing cue for the script: the clock time, minutes into the workshop, and what to tell the room."""

    when: str
    offset: int
    text: str


@dataclass(frozen=True)
class FacilitatorStep:
    """One timed step of an item as the facilitator runs it: when, how long (if said), what to do."""

    when: str
    minutes: str | None
    do: str


@dataclass(frozen=True)
class FacilitatorItem(ItemTimes):
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
    previous_heard: tuple[tuple[str, str], ...]  # what the last workshop heard, and what was done: to report back
    total: str
    end_note: str
    has_leads: bool


def _cues(lang: str, sched: Schedule) -> list[Cue]:
    """When to tell the room what is coming: breaks, the last minutes of long items, pins."""
    _ = translator(lang)
    cues: list[Cue] = []
    items = sched.items
    for i, t in enumerate(items):
        if t.item.is_pause and i > 0:
            at = t.offset - CUE_BEFORE_BREAK
            if at > items[i - 1].offset:
                n, meal = CUE_BEFORE_BREAK, t.item.kind == "meal"
                text = (
                    _("tell everyone: lunch in {n} minutes", n=n)
                    if meal
                    else _("tell everyone: a break in {n} minutes", n=n)
                )
                cues.append(Cue(_when(lang, sched, at), at, text))
        else:
            cues += _endings(lang, sched, [t])
        if t.item.at is not None and i > 0:
            at = max(t.offset - 20, items[i - 1].offset)
            cues.append(
                Cue(
                    _when(lang, sched, at),
                    at,
                    _(
                        "'{title}' is fixed at {time}: check you are on time",
                        title=t.item.title,
                        time=format_time(lang, t.item.at),
                    ),
                )
            )
    return sorted(cues, key=lambda c: c.offset)


def _endings(lang: str, sched: Schedule, items: list[TimedItem]) -> list[Cue]:
    """'Five minutes left' for long activities (a track's are told to that group only)."""
    _ = translator(lang)
    ats = [(t, t.end_offset - CUE_BEFORE_END) for t in items if not t.item.is_pause and t.minutes >= CUE_MIN_ITEM]
    return [Cue(_when(lang, sched, at), at, _("five minutes left for '{title}'", title=t.item.title)) for t, at in ats]


def online_variant(item: Item, mode: str) -> OnlineVariant | None:
    """How an item runs online, when the workshop has people online (online or hybrid): the script's and the
    live view's "Online:" line."""
    return item.online if mode != "in-person" and isinstance(item.online, OnlineVariant) else None


def _facilitator_item(
    lang: str, sched: Schedule, t: TimedItem, mode: str, cues: list[Cue], at: list[int]
) -> FacilitatorItem:
    """One item of the script; its cues are found by bisecting `at`, the cues' offsets in order."""
    item = t.item
    variant = online_variant(item, mode)
    return FacilitatorItem.timed(
        lang,
        sched,
        t,
        lead=item.lead,
        groups=item.groups,
        flex=format_duration(lang, item.flex) if item.flex else None,
        pinned=format_time(lang, item.at) if item.at is not None else None,
        say=item.say,
        steps=[
            FacilitatorStep(_when(lang, sched, s.offset), format_duration(lang, s.minutes) if s.minutes else None, s.do)
            for s in t.steps
        ],
        materials=list(item.materials),
        online=variant.how if variant else None,
        online_materials=list(variant.materials) if variant and mode == "hybrid" else [],
        notes=item.notes,
        handout=item.handout,
        gap_before=format_duration(lang, t.gap_before) if t.gap_before else None,
        cues=cues[bisect_left(at, t.offset) : bisect_left(at, t.end_offset)],
        tracks=[
            FacilitatorTrack(
                track.group,
                track.where,
                track.lead,
                [_facilitator_item(lang, sched, s, mode, ends, [c.offset for c in ends]) for s in track.items],
            )
            for track in t.tracks
            for ends in [_endings(lang, sched, list(track.items))]
        ],
    )


def _joining(lang: str, w: Workshop) -> list[tuple[str, str]]:
    """The joining details for the script's header: link, dial-in, what to do if it fails."""
    if w.join is None:
        return []
    _ = translator(lang)
    parts = ((_("Joining link"), w.join.link), (_("Dial-in"), w.join.dial_in), (_("If joining fails"), w.join.help))
    return [(label, value) for label, value in parts if value]


def facilitator_view(plan: Plan, schedules: list[Schedule]) -> list[FacilitatorWorkshop]:
    """Everything the facilitator needs to run each workshop from the script alone."""
    views = []
    for number, sched in enumerate(schedules, start=1):
        w = sched.workshop
        lang, _ = plan.language, translator(plan.language)
        cues = _cues(lang, sched)
        at = [c.offset for c in cues]
        prep = checklist(plan, w, sched)
        before = schedules[number - 2].workshop if number > 1 else None
        slack = sched.booked_minutes - sched.total_minutes if sched.booked_minutes is not None else None
        if slack is None:
            end_note = _("{time} in all", time=format_duration(lang, sched.total_minutes))
        elif slack < 0:
            end_note = _("{time} over the booking: cut something before the day", time=format_duration(lang, -slack))
        else:
            end_note = _("{time} to spare", time=format_duration(lang, slack)) if slack else _("no spare time")
        views.append(
            FacilitatorWorkshop(
                number=number,
                of=len(schedules),
                folder=folder_name(number, w),
                id=w.id or "",
                title=w.title,
                day=_day(lang, w.date),
                time=_time_span(lang, sched),
                venue=w.venue,
                mode=w.mode,
                links=_joining(lang, w) + list(w.links.items()),
                goals=list(w.goals),
                facilitators=[f"{f.name} ({f.role})" if f.role else f.name for f in plan.facilitators],
                groups=[f"{g.group}: {g.count}" if g.count is not None else g.group for g in plan.participants],
                todo=prep.todo,
                setup=prep.setup,
                bring=prep.bring,
                ready=prep.ready,
                items=[_facilitator_item(lang, sched, t, w.mode, cues, at) for t in sched.items],
                cues=cues,
                homework=w.homework,
                previous_homework=before.homework if before else None,
                previous_heard=heard_pairs(before) if before else (),
                total=format_duration(lang, sched.total_minutes),
                end_note=end_note,
                has_leads=any(t.item.lead for t in sched.items),
            )
        )
    return views
