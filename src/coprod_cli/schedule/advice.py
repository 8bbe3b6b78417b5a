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


def pin_message(item: Item, wanted: int, cursor: int, start: int, flexible: Flexible) -> str:
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
class Flexible:
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


def booking_findings(sched: Schedule, flexible: Flexible, path: Loc) -> list[Finding]:
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
