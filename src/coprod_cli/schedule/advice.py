"""Timing findings in the facilitator's words: late pins, overruns, slack and missing breaks."""

from __future__ import annotations

from collections.abc import Set

from coprod_cli.findings import Finding, Severity
from coprod_cli.plan.durations import format_clock, format_duration
from coprod_cli.plan.models import Item, Settings
from coprod_cli.schedule.fixes import Boundary, Segment, can_give, cuts, join, knock_on, shorten
from coprod_cli.schedule.model import Loc, Schedule, TimedItem

SLACK_INFO_MINUTES = 15
# An idle gap this long (waiting for a pinned item) lets people rest like a break does.
RESTFUL_GAP_MINUTES = 10
# A wait this long before a pinned item is a room of people with nothing to do: a warning.
WAIT_WARNING_MINUTES = 30
# A day in the room this long, running from lunchtime's start to its end, needs a meal.
LUNCHTIME = (12 * 60, 14 * 60)
MEAL_DAY_MINUTES = 5 * 60


def pin_findings(
    item: Item, index: int, path: Loc, wid: str | None, start: int | None, cursor: int, booked: int | None
) -> tuple[int, list[Finding]]:
    """The wait before a pinned item (minutes), and what to say about its pin; a pin the items before
    it run past is said once the whole agenda is known (`late_pin`), as its advice looks ahead."""
    if item.at is None:
        return 0, []
    at = format_clock(item.at)
    if start is None:
        why = f"'{item.title}' is pinned at {at}, but the workshop has no start time, so the pin cannot be checked"
        unchecked = f"{why}; add 'start:' to the workshop"
        return 0, [Finding(Severity.warning, "timing.no-start", wid, index, path, unchecked)]
    wanted = item.at - start
    if wanted < 0:
        early = f"'{item.title}' is pinned at {at}, before the workshop starts at {format_clock(start)}"
        return 0, [Finding(Severity.error, "timing.pinned", wid, index, path, f"{early}; move the pin or the start")]
    if wanted < cursor:
        return 0, []
    gap = wanted - cursor
    if not gap or (booked is not None and wanted >= booked):
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


def late_pin(bounds: list[Boundary], k: int, start: int, cursor: int, wid: str | None, twice: Set[str]) -> Finding:
    """A pinned item the items before it run past: by how much, and what to change so it starts on
    time without making anything after it late (bounds[k] is its boundary; `cursor`, where it starts;
    `twice`, titles more than one item has, said with their start time)."""
    b = bounds[k]
    assert b.item is not None
    title, segment, anchor = f"'{b.item.item.title}'", b.segment, b.segment.anchor
    head = f"{title} is pinned at {format_clock(start + b.wanted)}"
    if anchor is not None and segment.at + anchor.minutes > b.wanted:
        other = f"'{anchor.item.title}' is pinned at {format_clock(start + segment.at)}"
        until = format_clock(start + segment.at + anchor.minutes)
        overlap = f"{head}, but {other} and runs until {until}: the two pinned times overlap"
        message = f"{overlap}; {_move(bounds, k, start, title)}"
        return Finding(Severity.error, "timing.pinned", wid, b.item.index, b.item.path, message)
    late = cursor - b.wanted
    before = "the items before it" if anchor is None else f"the items after '{anchor.item.title}'"
    what = f"{head}, but {before} run until {format_clock(start + cursor)} ({format_duration(late)} late)"
    if anchor is not None and b.need < late:  # part of the delay comes from the pin before running late
        pinned = f"'{anchor.item.title}' starts at {format_clock(start + segment.at)}, as pinned"
        if b.need <= 0:
            on_time = f"once it starts at {format_clock(start + segment.at)}, as pinned, {title} can too"
            advice = f"that is only because '{anchor.item.title}' starts late: {on_time}"
            return Finding(Severity.error, "timing.pinned", wid, b.item.index, b.item.path, f"{what}; {advice}")
        what += f"; once {pinned}, they run until {format_clock(start + b.wanted + b.need)}"
    if segment.total >= b.need:
        advice = _flex_advice(segment.flexible, segment.total, b.need, "before it", start, twice)
    elif segment.flexible:
        cut = _flex_advice(segment.flexible, segment.total, b.need, "before it", start, twice)
        advice = f"{cut}, or {_move(bounds, k, start, 'the pin')}"
    else:
        advice = f"shorten {before} by {format_duration(b.need)}, or {_move(bounds, k, start, 'the pin')}"
    return Finding(Severity.error, "timing.pinned", wid, b.item.index, b.item.path, f"{what}; {advice}")


def _move(bounds: list[Boundary], k: int, start: int, what: str) -> str:
    """'move the pin to 12:40, 'News' to 14:10 and book the room until 15:05': bounds[k]'s pin moved to
    where its items end, and whatever that pushes past its own time moved too (nothing shortened)."""
    b = bounds[k]
    moves = [f"{what} to {format_clock(start + b.wanted + b.need)}"]
    book = ""
    pushed, more = knock_on(bounds, k, b.need)
    for bound, wanted in pushed:
        if bound.item is None:
            book = f"book the room until {format_clock(start + wanted)}"
        else:
            moves.append(f"'{bound.item.item.title}' to {format_clock(start + wanted)}")
    if more:
        moves[-1] += " (and the pins after it, as far as that pushes them)"
    said = "move " + join(moves)
    return f"{said}{',' if len(moves) > 1 else ''} and {book}" if book else said


def _flex_advice(
    flexible: list[TimedItem], total: int, needed: int, where: str, start: int | None, twice: Set[str]
) -> str:
    """Which flexible items to shorten, and to what, when they can give back `needed` minutes; else
    which could give back what, and how much more to cut (`where`: 'before it', 'after ...')."""
    if total >= needed:
        return shorten(cuts(flexible, needed), start, twice)
    more = f"cut {format_duration(needed - total)} more {where}".rstrip()
    if len(flexible) <= 3:
        return f"{shorten(cuts(flexible, total), start, twice)}, then {more}"
    names = ", ".join(f"'{t.item.title}' ({format_duration(can_give(t))})" for t in flexible[:3])
    names += f" and {len(flexible) - 3} more"
    return f"{names} could give back {format_duration(total)}; {more}"


def booking_findings(sched: Schedule, bounds: list[Boundary], path: Loc, twice: Set[str]) -> list[Finding]:
    booked = sched.booked_minutes
    wid = sched.workshop.id
    if booked is None or not sched.items:
        return []
    total = sched.total_minutes
    where = (*path, "end") if sched.workshop.end is not None else (*path, "length")
    if total > booked:
        return [_overrun(sched, bounds, booked, where, twice)]
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


def _overrun(sched: Schedule, bounds: list[Boundary], booked: int, where: Loc, twice: Set[str]) -> Finding:
    """The workshop runs past its booking: by how much, and what would bring it back (bounds[-1] is
    the booked end; the one before it, if any, the last pin)."""
    total, wid, start = sched.total_minutes, sched.workshop.id, sched.start
    end, segment = bounds[-1], bounds[-1].segment
    over, need, anchor = total - booked, end.need, segment.anchor
    if start is not None and anchor is not None and segment.at >= booked:  # the pin is outside the booking
        until = format_clock(start + booked)
        pinned = f"'{anchor.item.title}' is pinned at {format_clock(start + segment.at)}"
        ends = f"so the workshop ends {format_clock(start + total)}"
        what = f"{pinned}, after the room is booked to end at {until}, {ends}"
        fix = f"move the pin to before {until}, or book the room for longer"
        return Finding(Severity.error, "timing.overrun", wid, anchor.index, anchor.path, f"{what}; {fix}")
    if start is None:
        head = (
            f"runs {format_duration(total)}, {format_duration(over)} longer than the {format_duration(booked)} booked"
        )
        book = f"book the room for {format_duration(need)} longer"
    else:
        until = format_clock(start + booked)
        head = f"ends {format_clock(start + total)}, {format_duration(over)} after the room is booked until {until}"
        book = f"book the room until {format_clock(start + booked + need)}"
    if start is None or anchor is None:
        advice = _fit(segment, need, book, start, twice, False)
        return Finding(Severity.error, "timing.overrun", wid, None, where, f"{head}; {advice}")
    pinned = f"'{anchor.item.title}' starts at {format_clock(start + segment.at)}, as pinned"
    if need <= 0:
        ends = f"once it starts at {format_clock(start + segment.at)}, as pinned, the workshop ends"
        advice = f"that is only because '{anchor.item.title}' starts late: {ends} {format_clock(start + booked + need)}"
        return Finding(Severity.error, "timing.overrun", wid, None, where, f"{head}; {advice}")
    if need < over:  # part of it comes from the last pin running late
        head += f"; once {pinned}, it still ends {format_clock(start + booked + need)}"
    last = bounds[-2]  # the last pin's boundary: the wait before it lets the pin move earlier
    earlier = f"move '{anchor.item.title}' to {format_clock(start + segment.at - need)}" if -last.need >= need else ""
    otherwise = ", or ".join(filter(None, [earlier, book]))
    advice = _fit(segment, need, otherwise, start, twice, anchor is sched.items[-1])
    return Finding(Severity.error, "timing.overrun", wid, None, where, f"{head}; {advice}")


def _fit(segment: Segment, need: int, otherwise: str, start: int | None, twice: Set[str], last: bool) -> str:
    """What brings the last segment back inside the booking: its flexible items if they can; else
    cutting the rest, or `otherwise` (moving the last pin earlier, booking the room for longer).
    `last`: the pinned item it starts with is the last of the day."""
    anchor = f"'{segment.anchor.item.title}'" if segment.anchor is not None else ""
    where = f"from {anchor}" if last else f"after {anchor}" if anchor else ""
    if segment.total >= need:
        return _flex_advice(segment.flexible, segment.total, need, where, start, twice)
    if segment.flexible:
        cut = _flex_advice(segment.flexible, segment.total, need, where, start, twice)
    else:
        items = anchor if last else f"the items {where}" if where else "the agenda"
        cut = f"shorten {items} by {format_duration(need)}"
    return f"{cut}, or {otherwise}"


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


def meal_findings(sched: Schedule, path: Loc) -> list[Finding]:
    """A long day in a room over lunchtime with nothing to eat: people need lunch, and time to rest."""
    begin, finish = sched.start, sched.planned_end
    if sched.workshop.mode == "online" or begin is None or finish is None:
        return []
    runs_over_lunch = begin <= LUNCHTIME[0] and finish >= LUNCHTIME[1]
    if not runs_over_lunch or finish - begin < MEAL_DAY_MINUTES or any(t.item.kind == "meal" for t in sched.items):
        return []
    message = (
        f"runs {format_duration(finish - begin)} over lunchtime with no meal: "
        "add `- lunch: 45m` (or an item of `kind: meal`)"
    )
    return [Finding(Severity.warning, "timing.no-meal", sched.workshop.id, None, (*path, "start"), message)]


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
