"""Re-planning when the day runs late: which flexible items give time back, and what to drop.

Pure functions over slots (the items still to run, in minutes after midnight). A pinned item
never starts before its pin; an item never gives back more than its flex; when the flex of the
items before a pin (or the finish) is enough, the re-plan reaches it on time.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

EPSILON = 1e-6


@dataclass(frozen=True)
class Slot:
    """One item still to run: its planned minutes, how much it may give back, its pin."""

    index: int
    minutes: float
    give: int = 0
    pin: int | None = None
    droppable: bool = False


@dataclass(frozen=True)
class Replan:
    """Minutes to take from items, items to drop, and the minutes still late at the finish."""

    cuts: dict[int, int] = field(default_factory=dict)
    drops: tuple[int, ...] = ()
    over: int = 0

    @property
    def empty(self) -> bool:
        return not self.cuts and not self.drops


def project(slots: list[Slot], now: float, plan: Replan | None = None) -> tuple[dict[int, float], float]:
    """Projected start of each slot and the finish, in minutes after midnight, with a re-plan applied."""
    cuts = plan.cuts if plan else {}
    drops = set(plan.drops) if plan else set()
    cursor = now
    starts: dict[int, float] = {}
    for slot in slots:
        if slot.index in drops:
            continue
        if slot.pin is not None:
            cursor = max(cursor, float(slot.pin))
        starts[slot.index] = cursor
        cursor += slot.minutes - cuts.get(slot.index, 0)
    return starts, cursor


def replan(slots: list[Slot], now: float, deadline: float) -> Replan:
    """The smallest set of cuts (then drops) that reaches every pin and finishes by `deadline`."""
    cuts: dict[int, int] = {}
    drops: list[int] = []
    cursor = now
    for segment, limit, pin in _segments(slots, deadline):
        live = list(segment)
        while True:
            late = cursor + sum(s.minutes for s in live) - limit
            if late <= EPSILON:
                break
            give = sum(s.give for s in live)
            if late <= give + EPSILON:
                cuts.update(_spread(live, math.ceil(late - EPSILON)))
                break
            victim = _choose_drop(live, late - give)
            if victim is None:
                cuts.update({s.index: s.give for s in live if s.give})
                break
            drops.append(victim.index)
            live.remove(victim)
        cursor += sum(s.minutes - cuts.get(s.index, 0) for s in live)
        if pin is not None:
            cursor = max(cursor, float(pin))
    over = max(0, math.ceil(cursor - deadline - EPSILON))
    return Replan(cuts, tuple(drops), over)


def _segments(slots: list[Slot], deadline: float) -> list[tuple[list[Slot], float, int | None]]:
    """The stretches between pins: each must end by the next pin (the last by the deadline)."""
    out: list[tuple[list[Slot], float, int | None]] = []
    current: list[Slot] = []
    for slot in slots:
        if slot.pin is not None and current:
            out.append((current, float(slot.pin), slot.pin))
            current = []
        elif slot.pin is not None:
            out.append(([], float(slot.pin), slot.pin))
        current.append(slot)
    out.append((current, deadline, None))
    return out


def _spread(slots: list[Slot], need: int) -> dict[int, int]:
    """Take `need` minutes from the soonest flexible items first: they can be shortened now, and
    the later ones keep their flex for whatever the rest of the day brings."""
    cuts: dict[int, int] = {}
    for slot in slots:
        if need <= 0:
            break
        take = min(slot.give, need)
        if take:
            cuts[slot.index] = take
            need -= take
    return cuts


def _choose_drop(slots: list[Slot], short: float) -> Slot | None:
    """The shortest droppable item that covers what flex cannot; else the longest one."""
    candidates = [s for s in slots if s.droppable]
    if not candidates:
        return None
    enough = [s for s in candidates if s.minutes - s.give >= short - EPSILON]
    if enough:
        return min(enough, key=lambda s: (s.minutes, -s.index))
    return max(candidates, key=lambda s: (s.minutes, s.index))
