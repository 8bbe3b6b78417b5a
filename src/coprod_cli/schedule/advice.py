"""Timing findings in the facilitator's words: late pins, overruns, slack and missing breaks."""

from __future__ import annotations

from dataclasses import dataclass, field

from coprod_cli.findings import Finding, Severity
from coprod_cli.plan.durations import format_clock, format_duration
from coprod_cli.plan.models import Item, Settings
from coprod_cli.schedule.model import Loc, Schedule, TimedItem

SLACK_INFO_MINUTES = 15
# An idle gap this long (waiting for a pinned item) lets people rest like a break does.
RESTFUL_GAP_MINUTES = 10
# A wait this long before a pinned item is a room of people with nothing to do: a warning.
WAIT_WARNING_MINUTES = 30
_SHORTEN = "shorten or drop an item, or book the room for longer"


@dataclass
class Flexible:
    """The flexible items since the last pin that holds, kept as the engine goes so no pin rescans
    the items before it. Flex before a pin that holds gives nothing back: the pin keeps its time."""

    booked: int | None = None  # minutes the room is booked, if known
    anchor: TimedItem | None = None  # the last pinned item that starts at its time
    first: list[TimedItem] = field(default_factory=list)  # the first three, to name them
    count: int = 0
    total: int = 0

    def add(self, t: TimedItem) -> None:
        if t.item.flex:
            if self.count < 3:
                self.first.append(t)
            self.count += 1
            self.total += t.item.flex


def pin_findings(
    item: Item, index: int, path: Loc, wid: str | None, start: int | None, cursor: int, flexible: Flexible
) -> tuple[int, list[Finding]]:
    """The wait before a pinned item (minutes), and what to say about its pin."""
    if item.at is None:
        return 0, []
    at = format_clock(item.at)
    if start is None:
        why = f"'{item.title}' is pinned at {at}, but the workshop has no start time, so the pin cannot be checked"
        unchecked = f"{why}; add 'start:' to the workshop"
        return 0, [Finding(Severity.warning, "timing.no-start", wid, index, path, unchecked)]
    wanted = item.at - start
    if wanted < cursor:
        late = _late_pin(item, wanted, cursor, start, flexible)
        return 0, [Finding(Severity.error, "timing.pinned", wid, index, path, late)]
    gap = wanted - cursor
    if not gap or (flexible.booked is not None and wanted >= flexible.booked):
        return gap, []  # a pin after the booked end is said with the overrun it makes
    since = format_clock(start + cursor)
    waits = f"'{item.title}' is pinned at {at}, so the room waits {format_duration(gap)} from {since}"
    if gap < WAIT_WARNING_MINUTES:
        advice = "lengthen an item before it or add a break"
        return gap, [Finding(Severity.info, "timing.gap", wid, index, path, f"{waits}; {advice}")]
    if cursor == 0:
        advice = f"start the workshop at {at}, or plan what people do before it"
    else:
        advice = f"plan what people do in that time, or move the pin to {since}"
    return gap, [Finding(Severity.warning, "timing.gap", wid, index, path, f"{waits} with nothing planned; {advice}")]


def _late_pin(item: Item, wanted: int, cursor: int, start: int, flexible: Flexible) -> str:
    """Why a pinned item cannot start at its time, and what would let it."""
    assert item.at is not None
    title = f"'{item.title}'"
    head = f"{title} is pinned at {format_clock(item.at)}"
    ready = format_clock(start + cursor)
    if wanted < 0:
        return f"{head}, before the workshop starts at {format_clock(start)}; move the pin or the start"
    anchor = flexible.anchor
    if anchor is not None and anchor.end_offset > wanted:
        other = f"'{anchor.item.title}' is pinned at {format_clock(start + anchor.offset)}"
        until = format_clock(start + anchor.end_offset)
        overlap = f"{head}, but {other} and runs until {until}: the two pinned times overlap"
        return f"{overlap}; move {title} to {ready} or later"
    late = cursor - wanted
    before = "the items before it" if anchor is None else f"the items after '{anchor.item.title}'"
    advice = _flex_advice(flexible.first, flexible.count, flexible.total, late)
    if flexible.total < late:
        advice = f"{advice}, or move the pin to {ready}" if advice else f"shorten {before}, or move the pin to {ready}"
    return f"{head}, but {before} run until {ready} ({format_duration(late)} late); {advice}"


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


def booking_findings(sched: Schedule, flexible: Flexible, path: Loc) -> list[Finding]:
    booked = sched.booked_minutes
    wid = sched.workshop.id
    if booked is None or not sched.items:
        return []
    total = sched.total_minutes
    where = (*path, "end") if sched.workshop.end is not None else (*path, "length")
    if total > booked:
        return [_overrun(sched, flexible, booked, where)]
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


def _overrun(sched: Schedule, flexible: Flexible, booked: int, where: Loc) -> Finding:
    """The workshop runs past its booking: by how much, and what would bring it back."""
    total, wid, start, anchor = sched.total_minutes, sched.workshop.id, sched.start, flexible.anchor
    over = total - booked
    if start is None:
        head = (
            f"runs {format_duration(total)}, {format_duration(over)} longer than the {format_duration(booked)} booked"
        )
        advice = _flex_advice(flexible.first, flexible.count, flexible.total, over)
        return Finding(Severity.error, "timing.overrun", wid, None, where, f"{head}; {advice or _SHORTEN}")
    end, until = format_clock(start + total), format_clock(start + booked)
    if anchor is not None and anchor.offset >= booked:  # the pin itself is outside the booking: said where it is
        pinned = f"'{anchor.item.title}' is pinned at {format_clock(start + anchor.offset)}"
        what = f"{pinned}, after the room is booked to end at {until}, so the workshop ends {end}"
        fix = f"move the pin to before {until}, or book the room for longer"
        return Finding(Severity.error, "timing.overrun", wid, anchor.index, anchor.path, f"{what}; {fix}")
    head = f"ends {end}, {format_duration(over)} after the room is booked until {until}"
    advice = _flex_advice(flexible.first, flexible.count, flexible.total, over)
    if anchor is not None and flexible.total < over:  # only what comes after the last pin can move the end
        pinned = f"'{anchor.item.title}' (pinned at {format_clock(start + anchor.offset)})"
        advice = (
            f"{advice}, or move {pinned} earlier"
            if advice
            else f"shorten the items after {pinned}, move that pin earlier, or book the room for longer"
        )
    return Finding(Severity.error, "timing.overrun", wid, None, where, f"{head}; {advice or _SHORTEN}")


def break_findings(sched: Schedule, settings: Settings, path: Loc) -> list[Finding]:
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
        waited = t.gap_before  # a short wait is time in the room; a long one rests people like a break
        if waited >= RESTFUL_GAP_MINUTES or t.item.is_pause:
            run_start, run_minutes, reported, waited = None, 0, False, 0
            if t.item.is_pause:
                continue
        if run_start is None:
            run_start = t
        if t.tracks:
            run_minutes, peak = _through_tracks(t, run_minutes + waited)
        else:
            run_minutes += waited + t.minutes
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
