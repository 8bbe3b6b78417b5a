"""The schedule: pure functions from a workshop to timed items and timing findings.

Offsets are minutes from the workshop's start; clock times exist only when the workshop
has a `start`. A pinned item (`at:`) starts at its time if it can; otherwise it starts as
soon as the items before it end, and that is reported.
"""

from __future__ import annotations

from collections import Counter

from coprod_cli.findings import Finding, Severity
from coprod_cli.plan.durations import format_duration
from coprod_cli.plan.models import Item, Plan, Settings, Workshop
from coprod_cli.plan.resolve import resolved
from coprod_cli.schedule.advice import booking_findings, break_findings, late_pin, meal_findings, pin_findings
from coprod_cli.schedule.fixes import Boundary, Segment
from coprod_cli.schedule.model import Loc, Schedule, TimedItem, TimedStep, TimedTrack, booked_minutes

__all__ = [
    "Schedule",
    "TimedItem",
    "TimedStep",
    "TimedTrack",
    "booked_minutes",
    "kind_minutes",
    "schedule",
    "schedule_plan",
]


def schedule(workshop: Workshop, settings: Settings, path: Loc = ()) -> Schedule:
    """Place every item of `workshop` on its clock and collect the timing findings."""
    wid = workshop.id
    findings: list[Finding] = []
    timed: list[TimedItem] = []
    cursor = 0
    start = workshop.start
    booked = booked_minutes(workshop)
    segment = Segment()  # the items since the last pin, timed as if that pin keeps its time
    bounds: list[Boundary] = []  # each pin, then the booked end: what each segment must fit before
    late: list[tuple[int, int, int]] = []  # a late pin: (where its finding goes, its boundary, its start)
    for index, item in enumerate(workshop.agenda):
        item_path = (*path, "agenda", index)
        gap, found = pin_findings(item, index, item_path, wid, start, cursor, booked)
        findings.extend(found)
        offset = cursor + gap
        timed_item = _time_item(item, index, offset, item_path, wid, findings)
        timed_item.gap_before = gap
        timed.append(timed_item)
        if item.at is not None and start is not None and item.at >= start:
            wanted = item.at - start
            if cursor > wanted:
                late.append((len(findings), len(bounds), cursor))
            bounds.append(Boundary(timed_item, wanted, segment.arrival(cursor) - wanted, segment))
            segment = Segment(timed_item, wanted)
        segment.add(timed_item)
        cursor = timed_item.end_offset
    if booked is not None:
        bounds.append(Boundary(None, booked, segment.arrival(cursor) - booked, segment))
    titles = Counter(t.item.title for t in timed)
    twice = {title for title, n in titles.items() if n > 1}
    if late:  # each said where the engine met it, before the findings of the item itself
        assert start is not None
        merged, done = [], 0
        for position, k, at in late:
            merged += findings[done:position]
            merged.append(late_pin(bounds, k, start, at, wid, twice))
            done = position
        findings[:] = merged + findings[done:]

    sched = Schedule(
        workshop=workshop,
        items=timed,
        start=start,
        booked_minutes=booked,
        findings=findings,
    )
    findings.extend(booking_findings(sched, bounds, path, twice))
    findings.extend(break_findings(sched, settings, path))
    findings.extend(meal_findings(sched, path))
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
    longest = max(t.minutes for t in tracks) if tracks else 0
    minutes = max(item.duration or 0, longest)
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
    if steps and step_total > minutes:
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
