"""The schedule: pure functions from a workshop to timed items and timing findings.

Offsets are minutes from the workshop's start; clock times exist only when the workshop
has a `start`. A pinned item (`at:`) starts at its time if it can; otherwise it starts as
soon as the items before it end, and that is reported.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from coprod_cli.findings import Finding, Severity
from coprod_cli.plan.durations import format_clock, format_duration
from coprod_cli.plan.models import Item, Plan, Settings, Workshop
from coprod_cli.plan.resolve import ResolvedItem, resolved

Loc = tuple[str | int, ...]

SLACK_INFO_MINUTES = 15
# An idle gap this long (waiting for a pinned item) lets people rest like a break does.
RESTFUL_GAP_MINUTES = 10


@dataclass(frozen=True)
class TimedStep:
    do: str
    offset: int
    minutes: int | None


@dataclass
class TimedItem:
    """One agenda item placed on the workshop's clock (offsets in minutes from its start)."""

    index: int
    item: ResolvedItem
    offset: int
    minutes: int
    gap_before: int = 0
    steps: list[TimedStep] = field(default_factory=list)
    tracks: list[TimedTrack] = field(default_factory=list)
    path: Loc = ()

    @property
    def end_offset(self) -> int:
        return self.offset + self.minutes


@dataclass
class TimedTrack:
    group: str
    where: str | None
    lead: str | None
    items: list[TimedItem]

    @property
    def minutes(self) -> int:
        return self.items[-1].end_offset - self.items[0].offset if self.items else 0


@dataclass
class Schedule:
    """A workshop's timed agenda: the numbers behind the run sheet and the JSON report."""

    workshop: Workshop
    items: list[TimedItem]
    start: int | None
    booked_minutes: int | None
    findings: list[Finding]

    @property
    def total_minutes(self) -> int:
        return self.items[-1].end_offset if self.items else 0

    @property
    def planned_end(self) -> int | None:
        return None if self.start is None else self.start + self.total_minutes

    @property
    def booked_end(self) -> int | None:
        if self.start is None or self.booked_minutes is None:
            return None
        return self.start + self.booked_minutes

    @property
    def slack_minutes(self) -> int | None:
        if self.start is None or self.booked_minutes is None:
            return None
        return self.booked_minutes - self.total_minutes

    def clock(self, offset: int) -> str | None:
        return None if self.start is None else format_clock(self.start + offset)


def booked_minutes(workshop: Workshop) -> int | None:
    """How long the room is booked: from `end`, or `length`; None when neither is given."""
    if workshop.length is not None:
        return workshop.length
    if workshop.end is not None and workshop.start is not None:
        return workshop.end - workshop.start
    return None


def schedule(workshop: Workshop, settings: Settings, path: Loc = ()) -> Schedule:
    """Place every item of `workshop` on its clock and collect the timing findings."""
    wid = workshop.id
    findings: list[Finding] = []
    timed: list[TimedItem] = []
    cursor = 0
    start = workshop.start
    flexible = _Flexible()
    for index, item in enumerate(workshop.agenda):
        item_path = (*path, "agenda", index)
        gap = 0
        if item.at is not None:
            if start is None:
                findings.append(
                    Finding(
                        Severity.warning,
                        "timing.no-start",
                        wid,
                        index,
                        item_path,
                        f"'{item.title}' is pinned at {format_clock(item.at)}, but the workshop has no "
                        "start time, so the pin cannot be checked; add 'start:' to the workshop",
                    )
                )
            else:
                wanted = item.at - start
                if wanted < cursor:
                    findings.append(
                        Finding(
                            Severity.error,
                            "timing.pinned",
                            wid,
                            index,
                            item_path,
                            _pin_message(item, wanted, cursor, start, flexible),
                        )
                    )
                elif wanted > cursor:
                    gap = wanted - cursor
                    findings.append(
                        Finding(
                            Severity.info,
                            "timing.gap",
                            wid,
                            index,
                            item_path,
                            f"'{item.title}' is pinned at {format_clock(item.at)}, so the room waits "
                            f"{format_duration(gap)} from {format_clock(start + cursor)}; "
                            "lengthen an item before it or add a break",
                        )
                    )
        offset = cursor + gap
        timed_item = _time_item(item, index, offset, item_path, wid, findings)
        timed_item.gap_before = gap
        timed.append(timed_item)
        flexible.add(timed_item)
        cursor = timed_item.end_offset

    sched = Schedule(
        workshop=workshop,
        items=timed,
        start=start,
        booked_minutes=booked_minutes(workshop),
        findings=findings,
    )
    findings.extend(_booking_findings(sched, flexible, path))
    findings.extend(_break_findings(sched, settings, path))
    return sched


def schedule_plan(plan: Plan) -> list[Schedule]:
    """The plan-wide schedule: every workshop timed once, for checks, console, render and run to read."""
    return [schedule(w, plan.settings, ("workshops", i)) for i, w in enumerate(plan.workshops)]


def kind_minutes(sched: Schedule) -> dict[str, int]:
    """Minutes of the workshop spent in each kind of activity (split items count their longest track)."""
    minutes: dict[str, int] = {}
    for t in sched.items:
        if t.tracks:
            longest = max(t.tracks, key=lambda tr: tr.minutes)
            for sub in longest.items:
                minutes[sub.item.kind] = minutes.get(sub.item.kind, 0) + sub.minutes
            rest = t.minutes - longest.minutes
            if rest:
                minutes[t.item.kind] = minutes.get(t.item.kind, 0) + rest
        else:
            minutes[t.item.kind] = minutes.get(t.item.kind, 0) + t.minutes
    return minutes


def _time_item(
    written: Item, index: int, offset: int, path: Loc, wid: str | None, findings: list[Finding]
) -> TimedItem:
    item = resolved(written)
    tracks: list[TimedTrack] = []
    for t_index, track in enumerate(item.tracks):
        sub_items: list[TimedItem] = []
        sub_cursor = offset
        for s_index, sub in enumerate(track.agenda):
            sub_timed = _time_item(
                sub, s_index, sub_cursor, (*path, "tracks", t_index, "agenda", s_index), wid, findings
            )
            sub_items.append(sub_timed)
            sub_cursor = sub_timed.end_offset
        tracks.append(TimedTrack(track.group, track.where, track.lead, sub_items))
    longest = max((t.minutes for t in tracks), default=0)
    minutes = max(item.minutes, longest)
    if item.duration is not None and longest > item.duration:
        slow = max(tracks, key=lambda t: t.minutes)
        findings.append(
            Finding(
                Severity.warning,
                "timing.tracks",
                wid,
                index,
                path,
                f"in '{item.title}' the {slow.group} group needs {format_duration(slow.minutes)}, longer "
                f"than the {format_duration(item.duration)} set for the item; the item now lasts "
                f"{format_duration(longest)}, so shorten that group's agenda or lengthen the item",
            )
        )
    steps: list[TimedStep] = []
    step_cursor = offset
    for step in item.steps:
        steps.append(TimedStep(step.do, step_cursor, step.duration))
        step_cursor += step.duration or 0
    step_total = step_cursor - offset
    if item.steps and step_total > minutes:
        findings.append(
            Finding(
                Severity.warning,
                "timing.steps",
                wid,
                index,
                (*path, "steps"),
                f"the steps of '{item.title}' add up to {format_duration(step_total)}, "
                f"{format_duration(step_total - minutes)} more than its {format_duration(minutes)}; "
                "shorten the steps or lengthen the item",
            )
        )
    return TimedItem(index, item, offset, minutes, steps=steps, tracks=tracks, path=path)


def _pin_message(item: Item, wanted: int, cursor: int, start: int, flexible: _Flexible) -> str:
    assert item.at is not None
    if wanted < 0:
        return (
            f"'{item.title}' is pinned at {format_clock(item.at)}, before the workshop starts "
            f"at {format_clock(start)}; move the pin or the start"
        )
    late = cursor - wanted
    advice = _flex_advice(flexible.first, flexible.count, flexible.total, late) or "shorten the items before it"
    return (
        f"'{item.title}' is pinned at {format_clock(item.at)}, but the items before it run "
        f"until {format_clock(start + cursor)} ({format_duration(late)} late); {advice}"
    )


@dataclass
class _Flexible:
    """The flexible items so far, kept as the engine goes so no pin rescans the items before it."""

    first: list[TimedItem] = field(default_factory=list)  # the first three, to name them
    count: int = 0
    total: int = 0

    def add(self, t: TimedItem) -> None:
        if t.item.flex:
            if self.count < 3:
                self.first.append(t)
            self.count += 1
            self.total += t.item.flex


def _flex_advice(first: list[TimedItem], count: int, total: int, needed: int) -> str:
    """Which flexible items could give time back, in the facilitator's words."""
    if not count:
        return ""
    names = ", ".join(f"'{t.item.title}' ({format_duration(t.item.flex or 0)})" for t in first)
    if count > 3:
        names += f" and {count - 3} more"
    verb = "can give back" if count == 1 else "could give back"
    if total >= needed:
        return f"{names} {verb} {format_duration(total)}, which is enough"
    return f"{names} {verb} {format_duration(total)}; cut {format_duration(needed - total)} more"


def _booking_findings(sched: Schedule, flexible: _Flexible, path: Loc) -> list[Finding]:
    booked = sched.booked_minutes
    wid = sched.workshop.id
    if booked is None or not sched.items:
        return []
    total = sched.total_minutes
    where = (*path, "end") if sched.workshop.end is not None else (*path, "length")
    if total > booked:
        over = total - booked
        advice = (
            _flex_advice(flexible.first, flexible.count, flexible.total, over)
            or "shorten or drop an item, or book the room for longer"
        )
        if sched.start is not None:
            head = (
                f"ends {format_clock(sched.start + total)}, {format_duration(over)} after the "
                f"room is booked until {format_clock(sched.start + booked)}"
            )
        else:
            head = (
                f"runs {format_duration(total)}, {format_duration(over)} longer than the "
                f"{format_duration(booked)} booked"
            )
        return [Finding(Severity.error, "timing.overrun", wid, None, where, f"{head}; {advice}")]
    spare = booked - total
    if spare >= SLACK_INFO_MINUTES:
        if sched.start is not None:
            head = (
                f"ends {format_clock(sched.start + total)}, {format_duration(spare)} before the "
                f"room is booked until {format_clock(sched.start + booked)}"
            )
        else:
            head = (
                f"runs {format_duration(total)}, {format_duration(spare)} less than "
                f"the {format_duration(booked)} booked"
            )
        return [
            Finding(
                Severity.info,
                "timing.slack",
                wid,
                None,
                where,
                f"{head}: room for a longer break, more discussion or an early finish",
            )
        ]
    return []


def _break_findings(sched: Schedule, settings: Settings, path: Loc) -> list[Finding]:
    workshop = sched.workshop
    limit = settings.online_max_without_break if workshop.online else settings.max_without_break
    mode_words = (
        "online sessions"
        if workshop.mode == "online"
        else ("hybrid sessions" if workshop.mode == "hybrid" else "sessions in person")
    )
    findings: list[Finding] = []
    run_start: TimedItem | None = None
    run_minutes = 0
    reported = False
    for t in sched.items:
        if t.gap_before >= RESTFUL_GAP_MINUTES or t.item.is_pause:
            run_start, run_minutes, reported = None, 0, False
            if t.item.is_pause:
                continue
        if run_start is None:
            run_start = t
        if t.tracks:
            run_minutes, peak = _through_tracks(t, run_minutes + t.gap_before)
        else:
            run_minutes += t.gap_before + t.minutes
            peak = run_minutes
        if peak > limit and not reported:
            reported = True
            span_from = sched.clock(run_start.offset)
            span = f" from {span_from}" if span_from else ""
            findings.append(
                Finding(
                    Severity.warning,
                    "timing.no-break",
                    workshop.id,
                    t.index,
                    t.path,
                    f"{format_duration(peak)} without a break{span} (the limit for {mode_words} "
                    f"is {format_duration(limit)}); add a break before '{t.item.title}'",
                )
            )
    return findings


def _through_tracks(t: TimedItem, before: int) -> tuple[int, int]:
    """The stretch without a break after a split item, and the longest one inside it.

    Each group rests on its own breaks; waiting for a slower group counts as work time.
    """
    end_stretch, peak = 0, before
    for track in t.tracks:
        stretch = before
        for sub in track.items:
            stretch = 0 if sub.item.is_pause else stretch + sub.minutes
            peak = max(peak, stretch)
        stretch += t.minutes - track.minutes
        peak = max(peak, stretch)
        end_stretch = max(end_stretch, stretch)
    return end_stretch, peak
