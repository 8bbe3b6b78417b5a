"""What to change so a workshop fits its pins and its booking, worked out so that doing it once is
enough: which flexible items to shorten and to what length, which pins to move and to when, and
until when to book the room.

The agenda is cut into segments at its pins. A segment is timed as if the pin it starts at keeps
its time, so what one segment needs changes nothing in another: advice for each late pin and for
the overrun can be followed together. Moving a pin later pushes the segments after it, so that
advice says what else has to move with it (`knock_on`).
"""

from __future__ import annotations

from collections.abc import Set
from dataclasses import dataclass, field

from coprod_cli.plan.durations import format_clock, format_duration
from coprod_cli.schedule.model import TimedItem

# How many pins (and the booked end) that moving a pin pushes are said one by one.
PUSHED_SAID = 10


def can_give(t: TimedItem) -> int:
    """Minutes an item can give back in the plan: its flex, keeping at least a minute, and a split
    item as long as its longest track (shortening it further would not make it shorter)."""
    floor = max(1, max((track.minutes for track in t.tracks), default=0))
    return max(0, min(t.item.flex or 0, t.minutes - floor))


@dataclass
class Segment:
    """The items from a pin (or the start) up to the next pin (or the end), and what they can give back."""

    anchor: TimedItem | None = None  # the pinned item it starts with; None from the workshop's start
    at: int = 0  # the offset it starts at when that pin keeps its time
    flexible: list[TimedItem] = field(default_factory=list)
    total: int = 0

    def add(self, t: TimedItem) -> None:
        if give := can_give(t):
            self.flexible.append(t)
            self.total += give

    def arrival(self, cursor: int) -> int:
        """Where the segment's items end (`cursor` as placed) when its pin keeps its time."""
        return cursor if self.anchor is None else self.at + cursor - self.anchor.offset


@dataclass(frozen=True)
class Boundary:
    """Where a segment must end: a pinned item's start, or the booked end (`item` None).
    `need`: minutes the segment runs past it (zero or less: it fits, with -need to spare)."""

    item: TimedItem | None
    wanted: int
    need: int
    segment: Segment


def cuts(flexible: list[TimedItem], needed: int) -> list[tuple[TimedItem, int]]:
    """The fewest flexible items that give back `needed` minutes (those that can give most first),
    each with the minutes it gives, in agenda order."""
    chosen: list[tuple[TimedItem, int]] = []
    for t in sorted(flexible, key=can_give, reverse=True):
        if needed <= 0:
            break
        give = min(can_give(t), needed)
        chosen.append((t, give))
        needed -= give
    return sorted(chosen, key=lambda c: c[0].offset)


def shorten(chosen: list[tuple[TimedItem, int]], start: int | None = None, twice: Set[str] = frozenset()) -> str:
    """'shorten 'A' to 35 min and 'B' to 10 min': each new length as it is to be written in the plan
    (an item whose title another item has too is named with its start time, or its number). A
    written flex longer than the new length would not load, so that is said too."""
    parts = []
    for t, give in chosen:
        length = t.minutes - give
        which = (
            ""
            if t.item.title not in twice
            else f" at {format_clock(start + t.offset)}"
            if start is not None
            else f" (item {t.index + 1})"
        )
        part = f"'{t.item.title}'{which} to {format_duration(length)}"
        flex = t.item.flex or 0
        if flex > length:  # keep the shortest it may run on the day as it was
            part += f" and its flex to {format_duration(flex - give)}" if flex > give else " with no flex"
        parts.append(part)
    return "shorten " + join(parts)


def join(parts: list[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"


def knock_on(bounds: list[Boundary], k: int, shift: int) -> tuple[list[tuple[Boundary, int]], bool]:
    """Moving the pin of bounds[k] `shift` minutes later pushes what follows it: each later pin or
    booked end that must then move too, with its new offset (nothing is shortened); the first
    PUSHED_SAID of them, and whether more are pushed (a plan pinning every item is not said in full)."""
    moved: list[tuple[Boundary, int]] = []
    for j in range(k + 1, len(bounds)):
        b = bounds[j]
        need = b.need + shift
        if need <= 0:
            return moved, False
        if len(moved) == PUSHED_SAID:
            return moved, True
        moved.append((b, b.wanted + need))
        shift = need
    return moved, False
