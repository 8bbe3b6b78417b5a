"""Fitting a starter's agenda to the booked time: a day that fills its booking, with breaks before a
stretch passes the limit for the mode, and lunch, pinned at its time, on a day over lunchtime.

A day is an opening, its core items and a closing. If the day is long and crosses lunchtime it is
two halves with lunch between: the opening and the first core items before, the rest and the
closing after. Each half is fitted on its own: optional items go first if time is short, then items
shrink; spare time grows the main items, then the starter's extras come in, then breaks get longer.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from coprod_cli.plan.durations import format_clock
from coprod_cli.plan.models import Activity

STEP = 5
LUNCH_FROM, LUNCH_UNTIL = 12 * 60, 14 * 60  # lunchtime: a day covering it, long enough, has a meal
MEAL_DAY_MINUTES = 4 * 60 + 30
MEAL_MINUTES, MEAL_MOST = 45, 60
# The latest lunch may start, tried in turn: 12:30, 13:00, 13:30 (a morning that ends sooner has it sooner)
MEAL_TIMES = (750, 780, 810)
CLOSE_ENOUGH = 10  # spare minutes at the end that need no mention (the slack check speaks from 15)
LONGER_BREAK = 15  # how much longer than the library's a break may grow on a long day
STRETCHES = (2, 3, 9)  # how many times its length an item may grow to: twice first, at most the break limit
GROWN_KINDS = frozenset({"exercise", "discussion", "decision"})


@dataclass
class Slot:
    """One agenda item being fitted: what to write and how long it can be."""

    spec: dict[str, Any]
    minutes: int
    least: int
    optional: bool = False
    grow: bool = False
    pause: bool = False
    kind: str = ""
    fixed: bool = False  # an opening or closing item: it keeps its length on a long day
    base: int = 0  # the length it started with

    def __post_init__(self) -> None:
        self.base = self.base or self.minutes


@lru_cache(maxsize=4)
def limit_for(mode: str) -> int:
    """The longest stretch without a break: the defaults of the timing check (plan/settings.py)."""
    from coprod_cli.plan.settings import Settings

    settings = Settings()
    return settings.max_without_break if mode == "in-person" else settings.online_max_without_break


def pause_slot(mode: str, library: Mapping[str, Activity], extra: int = 0) -> Slot:
    use = "tea-break" if mode == "in-person" else "screen-break"
    minutes = library[use].duration + extra
    return Slot({"use": use}, minutes, minutes, pause=True, kind="break")


def meal_slot(mode: str, at: int, minutes: int = MEAL_MINUTES) -> Slot:
    """Lunch pinned at `at`: shared at the table in person, a plain lunch break otherwise."""
    spec: dict[str, Any] = {"use": "shared-lunch"} if mode == "in-person" else {"lunch": f"{minutes}m"}
    spec["at"] = format_clock(at)
    return Slot(spec, minutes, minutes, pause=True, kind="meal")


def needs_meal(start: int, end: int) -> bool:
    """A day that covers lunchtime and is long enough to need a meal."""
    return start <= LUNCH_FROM and end >= LUNCH_UNTIL and end - start >= MEAL_DAY_MINUTES


def _cuts(minutes: list[int], limit: int) -> list[int]:
    """Where to break a run of items (indices to break before): as few breaks as keep every stretch
    within `limit`, placed so the longest stretch is as short as it can be (a linear partition)."""
    n = len(minutes)
    if sum(minutes) <= limit or n < 2:
        return []
    limit = max(limit, *minutes)  # an item longer than the limit on its own is a stretch of its own
    prefix = [0]
    for m in minutes:
        prefix.append(prefix[-1] + m)
    # best[k][i]: the shortest longest stretch of items[:i] cut into k + 1 stretches, and where the last starts
    best: list[list[tuple[int, int]]] = [[(prefix[i], 0) for i in range(n + 1)]]
    for k in range(1, n):
        row = [(prefix[i], 0) for i in range(n + 1)]
        for i in range(k + 1, n + 1):
            row[i] = min((max(best[k - 1][p][0], prefix[i] - prefix[p]), p) for p in range(k, i))
        best.append(row)
        if row[n][0] <= limit:
            break
    cuts, i = [], n
    for k in range(len(best) - 1, 0, -1):
        i = best[k][i][1]
        cuts.append(i)
    return sorted(cuts)


def _runs(slots: list[Slot]) -> list[list[Slot]]:
    """The slots between pauses (a pause written in the blueprint ends a run; two in a row are one)."""
    runs: list[list[Slot]] = [[]]
    for slot in slots:
        if slot.pause:
            runs.append([])
        else:
            runs[-1].append(slot)
    return runs


def _breaks_needed(run: list[Slot], limit: int) -> int:
    """How many breaks a run needs so no stretch passes the limit (greedy: the fewest there can be)."""
    count, stretch = 0, 0
    for slot in run:
        if stretch and stretch + slot.minutes > limit:
            count, stretch = count + 1, 0
        stretch += slot.minutes
    return count


def _clean(slots: list[Slot]) -> list[Slot]:
    """No pause at either end of a half, and never two in a row."""
    out: list[Slot] = []
    for slot in slots:
        if slot.pause and (not out or out[-1].pause):
            continue
        out.append(slot)
    while out and out[-1].pause:
        out.pop()
    return out


class Half:
    """Part of a day, fitted to `target` minutes."""

    def __init__(self, slots: list[Slot], mode: str, library: Mapping[str, Activity], target: int):
        self.slots = _clean([copy.copy(s) for s in slots])
        self.mode, self.library, self.target = mode, library, target
        self.limit = limit_for(mode)
        self.pause_minutes = pause_slot(mode, library).minutes
        self.extra = 0  # minutes added to every break the layout puts in
        self.runs: list[list[Slot]] | None = None  # the slots between pauses, while no slot comes or goes
        self.shrunk = False  # it had to drop or shorten items to fit

    def total(self) -> int:
        if self.runs is None:
            self.runs = _runs(self.slots)
        breaks = sum(_breaks_needed(run, self.limit) for run in self.runs)
        return sum(s.minutes for s in self.slots) + breaks * (self.pause_minutes + self.extra)

    def shrink(self) -> None:
        """Drop optional items, then shrink, until the half fits (or cannot shrink any more)."""
        self.shrunk = self.total() > self.target
        while self.total() > self.target and any(s.optional for s in self.slots):
            index = max(i for i, s in enumerate(self.slots) if s.optional)
            del self.slots[index]
            self.slots, self.runs = _clean(self.slots), None
        for floor in ("least", "step"):  # first within each item's flex, then harder if the day is short
            while self.total() > self.target:
                least = (lambda s: s.least) if floor == "least" else (lambda s: STEP)
                shrinkable = [s for s in self.slots if not s.pause and s.minutes - STEP >= least(s)]
                if not shrinkable:
                    break
                max(shrinkable, key=lambda s: s.minutes - least(s)).minutes -= STEP

    def grow(self, growing: list[Slot], times: int) -> None:
        """Lengthen these slots, shortest for its size first, up to `times` their length and the break limit."""
        growing = list(growing)
        while growing and self.total() < self.target:
            slot = min(growing, key=lambda s: (s.minutes / s.base, s.minutes))
            if slot.minutes + STEP > min(self.limit, times * slot.base):
                growing.remove(slot)
                continue
            slot.minutes += STEP
            if self.total() > self.target:
                slot.minutes -= STEP
                growing.remove(slot)

    def fill(self, times: int) -> None:
        """Grow into spare time: the main items, then any working item, up to `times` their length;
        at the most they may grow, the breaks get longer too."""
        main = [s for s in self.slots if s.grow]
        working = [s for s in self.slots if not s.pause and not s.fixed and s.kind in GROWN_KINDS]
        self.grow(main, 2)
        self.grow(working, 2)
        if times <= 2:
            return
        self.grow(main, times)
        self.grow(main + working, times)
        if times < STRETCHES[-1]:
            return
        while self.target - self.total() >= self.pause_minutes and self._rest():
            self.grow(main + working, times)
        while self.extra < LONGER_BREAK and self.total() + STEP <= self.target:
            self.extra += STEP
            if self.total() > self.target:
                self.extra -= STEP
                break
        for slot in self.slots:
            if slot.pause and slot.kind == "break" and self.total() + STEP <= self.target:
                slot.minutes += min(LONGER_BREAK, (self.target - self.total()) // STEP * STEP)

    def _rest(self) -> bool:
        """Put a break in the middle of the longest run of items, if there is one to split."""
        runs = [run for run in _runs(self.slots) if len(run) > 1]
        if not runs:
            return False
        run = max(runs, key=lambda r: sum(s.minutes for s in r))
        half, before = sum(s.minutes for s in run) / 2, 0
        for index, slot in enumerate(run[:-1]):
            before += slot.minutes
            if before >= half or index == len(run) - 2:
                self.slots.insert(self.slots.index(run[index + 1]), pause_slot(self.mode, self.library))
                self.runs = None
                return True
        return False

    def fitted(self, times: int = STRETCHES[-1]) -> Half:
        self.shrink()
        if self.total() < self.target:
            self.fill(times)
        return self

    def layout(self) -> list[Slot]:
        """The slots with a break wherever a stretch would pass the limit, placed to even the stretches."""
        out: list[Slot] = []
        run: list[Slot] = []
        for slot in [*self.slots, None]:
            if slot is not None and not slot.pause:
                run.append(slot)
                continue
            cuts = set(_cuts([s.minutes for s in run], self.limit))
            for i, item in enumerate(run):
                if i in cuts:
                    out.append(pause_slot(self.mode, self.library, self.extra))
                out.append(item)
            run = []
            if slot is not None:
                out.append(slot)
        return out


def plan_day(
    parts: tuple[list[Slot], list[Slot], list[Slot]],
    extras: list[Slot],
    mode: str,
    time: tuple[int, int],
    library: Mapping[str, Activity],
) -> list[Slot]:
    """A day's slots: opening, core (with what extras it takes) and closing, fitted to the booked `time`."""
    opening, core, closing = parts
    start, end = time
    if not needs_meal(start, end):
        fullest: Half | None = None
        for count, times in _tries(extras):
            day = Half(opening + core + extras[:count] + closing, mode, library, end - start).fitted(times)
            if count and day.shrunk:  # an extra is only for time to spare
                continue
            if 0 <= day.target - day.total() <= CLOSE_ENOUGH:
                return day.layout()
            if fullest is None or fullest.total() < day.total() <= day.target:
                fullest = day
        if fullest is None:  # nothing fits: the shortest the day can be, which the overrun check explains
            fullest = Half(opening + core + closing, mode, library, end - start).fitted()
        return fullest.layout()
    best: tuple[int, list[Slot]] | None = None
    halves: dict[tuple[bool, int, int, int, int], Half] = {}

    def half(morning: bool, count: int, times: int, split: int, target: int) -> Half:
        key = (morning, count, times, split, target)
        if key not in halves:
            middle = core + extras[:count]
            slots = opening + middle[:split] if morning else middle[split:] + closing
            halves[key] = Half(slots, mode, library, target).fitted(times)
        return halves[key]

    for count, times in _tries(extras):
        for at in MEAL_TIMES:
            for split in _splits(opening, core + extras[:count], at - start):
                morning = half(True, count, times, split, at - start)
                lunch_at = start + morning.total()
                if not LUNCH_FROM <= lunch_at <= at or count and morning.shrunk:
                    continue
                afternoon_target = end - lunch_at - MEAL_MINUTES
                afternoon = half(False, count, times, split, afternoon_target)
                spare = afternoon_target - afternoon.total()
                if spare < 0 or count and afternoon.shrunk:
                    continue
                meal = meal_slot(mode, lunch_at, MEAL_MINUTES + min(spare // STEP * STEP, MEAL_MOST - MEAL_MINUTES))
                spare -= meal.minutes - MEAL_MINUTES
                agenda = [*morning.layout(), meal, *afternoon.layout()]
                if spare <= CLOSE_ENOUGH:
                    return agenda
                if best is None or spare < best[0]:
                    best = (spare, agenda)
    if best is None:  # too short a day to have lunch and everything else: the plain fit says so
        return Half(opening + core + closing, mode, library, end - start).fitted().layout()
    return best[1]


def _tries(extras: list[Slot]) -> list[tuple[int, int]]:
    """How many extras to take, and how far items may grow: extras first, then longer items and breaks."""
    return [(count, times) for times in STRETCHES for count in range(len(extras) + 1)]


def _splits(opening: list[Slot], middle: list[Slot], morning: int) -> list[int]:
    """Where the core might split for lunch: nearest the share of the items that fits the morning first."""
    sizes = [sum(s.minutes for s in opening)]
    for slot in middle:
        sizes.append(sizes[-1] + slot.minutes)
    most = len(middle) - 1 if len(middle) > 1 else len(middle)  # something to work on after lunch
    return sorted(range(1, most + 1), key=lambda k: abs(sizes[k] - morning * 0.8))[:3]
