"""Where the day is: a pure fold of the planned items and the events up to now.

Times inside the fold are seconds after midnight on the run's clock; the plan's are whole
minutes after midnight. Ahead/behind compares the projected finish with the plan's own end;
the re-plan aims at the booked end (or the plan's end when nothing is booked).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from coprod_cli.live.replan import Replan, Slot, project, replan
from coprod_cli.plan.durations import format_clock, format_duration

if TYPE_CHECKING:
    from coprod_cli.live.events import Event
    from coprod_cli.schedule import Schedule

# Items a re-plan never suggests dropping: the opening, the close, feedback and rests.
KEEP_KINDS = frozenset({"welcome", "closing", "feedback", "break", "meal"})
CUE_BREAK_MINUTES = 10
CUE_LAST_MINUTES = 5


@dataclass(frozen=True)
class PlannedItem:
    """An agenda item as the run needs it; stored in the record so a report needs no plan."""

    index: int
    title: str
    kind: str
    minutes: int
    flex: int = 0
    at: int | None = None
    use: str | None = None
    default: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if v is not None}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PlannedItem:
        fields: dict[str, Any] = {k: data[k] for k in cls.__dataclass_fields__ if k in data}
        return cls(**fields)


@dataclass(frozen=True)
class Day:
    """The workshop as planned: clock minutes of its start, planned end and the end to aim for."""

    start: int
    planned_end: int
    deadline: int
    items: tuple[PlannedItem, ...]


def day_of(sched: Schedule, defaults: dict[str, int] | None = None) -> Day:
    """The planned day of a scheduled workshop with a start time; `defaults` are library lengths by id."""
    assert sched.start is not None and sched.planned_end is not None
    items = tuple(
        PlannedItem(
            t.index,
            t.item.title,
            t.item.kind,
            t.minutes,
            min(t.item.flex or 0, t.minutes - 1),
            t.item.at,
            t.item.use,
            (defaults or {}).get(t.item.use) if t.item.use else None,
        )
        for t in sched.items
    )
    deadline = sched.booked_end if sched.booked_end is not None else sched.planned_end
    return Day(sched.start, sched.planned_end, deadline, items)


@dataclass
class ItemState:
    planned: PlannedItem
    minutes: int
    status: str = "todo"  # todo | running | done | skipped | dropped
    actual: float = 0.0  # seconds it was the current item, pauses left out

    @property
    def give(self) -> int:
        """Minutes it may still give back: its flex, less what was already taken."""
        return max(0, self.minutes - (self.planned.minutes - self.planned.flex))

    @property
    def out(self) -> bool:
        return self.status in ("skipped", "dropped")


@dataclass
class LiveState:
    day: Day
    now: float
    items: list[ItemState]
    current: int | None = None
    started_at: float = 0.0
    paused_since: float | None = None
    paused_for: float = 0.0
    ended: bool = False
    events: int = field(default=0)
    # After an accepted re-plan, its times are the plan: (first item still to come, its start in minutes).
    rebase: tuple[int, float] | None = None

    # ------------------------------------------------------------ where we are
    @property
    def paused(self) -> bool:
        return self.paused_since is not None

    @property
    def elapsed(self) -> float:
        """Seconds the current item has run, pauses left out."""
        if self.current is None:
            return 0.0
        paused = self.paused_for + (self.now - self.paused_since if self.paused_since is not None else 0.0)
        return max(0.0, self.now - self.started_at - paused)

    @property
    def left(self) -> float:
        """Seconds left on the current item (negative when it runs over)."""
        if self.current is None:
            return 0.0
        return self.items[self.current].minutes * 60 - self.elapsed

    def following(self) -> int | None:
        after = -1 if self.current is None else self.current
        return next((i for i in range(after + 1, len(self.items)) if not self.items[i].out), None)

    def before(self) -> int | None:
        if self.current is None:
            return None
        return next((i for i in range(self.current - 1, -1, -1) if not self.items[i].out), None)

    def upcoming(self) -> list[int]:
        """Items still to come after the current one (before the start: all of them)."""
        if self.ended:
            return []
        after = -1 if self.current is None else self.current
        return [i for i in range(after + 1, len(self.items)) if not self.items[i].out]

    # ------------------------------------------------------------ projection
    def slots(self) -> list[Slot]:
        slots: list[Slot] = []
        if self.current is not None:
            cur = self.items[self.current]
            left = max(self.left, 0.0) / 60
            slots.append(Slot(self.current, left, min(cur.give, math.floor(left))))
        for i in self.upcoming():
            it = self.items[i]
            keep = it.planned.kind in KEEP_KINDS or it.planned.at is not None
            slots.append(Slot(i, it.minutes, it.give, it.planned.at, droppable=not keep))
        return slots

    @property
    def cursor(self) -> float:
        """Minutes after midnight from which the rest of the day is projected."""
        now = self.now / 60
        return now if self.current is not None or self.ended else max(now, self.day.start)

    def projection(self, plan: Replan | None = None) -> tuple[dict[int, float], float]:
        return project(self.slots(), self.cursor, plan)

    @property
    def finish(self) -> float:
        return self.projection()[1]

    def planned_starts(self) -> tuple[dict[int, float], float]:
        """The agenda as it stands: each item's start and the end, with minutes added, taken and dropped,
        timed from the workshop's start, or from the last accepted re-plan's times."""
        first, start = self.rebase if self.rebase is not None else (0, float(self.day.start))
        upcoming = self.upcoming()
        if upcoming and upcoming[0] < first:  # gone back before the re-plan: the day's own times
            first, start = 0, float(self.day.start)
        slots = [Slot(i, it.minutes, pin=it.planned.at) for i, it in enumerate(self.items) if not it.out and i >= first]
        return project(slots, start)

    @property
    def behind(self) -> int:
        """Minutes the next item will start after the agenda as it stands says (at the end: the finish).

        Negative is ahead. A re-plan that is accepted, or a minute given with +, changes the agenda,
        so being "on time" means on time for the agenda the facilitator is now running.
        """
        starts, finish = self.projection()
        planned, planned_end = self.planned_starts()
        upcoming = self.upcoming()
        if upcoming:
            return round(starts[upcoming[0]] - planned[upcoming[0]])
        return round(finish - planned_end)

    def replan(self) -> Replan | None:
        """What to shorten or drop to finish by the deadline and reach every pin; None when on time.

        None, too, before the first item begins: nothing has run late yet (the header says how far
        behind the start is), and `a` accepts a re-plan only once the day is under way.
        """
        if self.ended or self.current is None:
            return None
        starts, finish = self.projection()
        late_pin = any(
            self.items[i].planned.at is not None and start > (self.items[i].planned.at or 0) + 0.5
            for i, start in starts.items()
        )
        if finish <= self.day.deadline + 0.5 and not late_pin:
            return None
        return replan(self.slots(), self.cursor, self.day.deadline)

    def cues(self) -> list[str]:
        """What to tell the room, or to watch: the last minutes, a break coming, a pinned item."""
        cues: list[str] = []
        if self.paused_since is not None:
            cues.append(f"paused since {format_clock(int(self.paused_since // 60))}")
        if self.current is not None:
            title = self.items[self.current].planned.title
            if self.left < 0:
                cues.append(f"'{title}' is {format_duration(math.ceil(-self.left / 60))} over its time")
            elif self.left <= CUE_LAST_MINUTES * 60:
                cues.append(f"{math.ceil(self.left / 60)} min left for '{title}'")
        starts, _ = self.projection()
        upcoming = self.upcoming()
        if upcoming:
            nxt = self.items[upcoming[0]].planned
            wait = starts[upcoming[0]] - self.now / 60
            if nxt.kind in ("break", "meal") and 0 <= wait <= CUE_BREAK_MINUTES:
                name = "lunch" if nxt.kind == "meal" else "a break"
                when = f"in {format_duration(math.ceil(wait))}" if math.ceil(wait) > 0 else "now"
                cues.append(f"tell the room: {name} {when}")
        for i in upcoming:
            pin = self.items[i].planned.at
            if pin is not None:
                late = math.ceil(starts[i] - pin - 0.5)
                tail = f", but on the way to start {format_duration(late)} late" if late > 0 else ""
                cues.append(f"'{self.items[i].planned.title}' is pinned at {format_clock(pin)}{tail}")
                break
        return cues


def fold(day: Day, events: list[Event], now: float) -> LiveState:
    """The state of the day after `events`, seen at `now` (seconds after midnight)."""
    state = LiveState(day, now, [ItemState(p, p.minutes) for p in day.items])
    for event in events:
        _apply(state, event)
    state.now = now
    state.events = len(events)
    return state


def _close(state: LiveState, t: float) -> None:
    """The current item stops being current at `t`; its time so far is added up."""
    if state.current is None:
        return
    state.now = t
    item = state.items[state.current]
    item.actual += state.elapsed
    if item.status == "running":
        item.status = "done"
    state.current, state.paused_since, state.paused_for = None, None, 0.0


def _start(state: LiveState, index: int, t: float) -> None:
    state.current, state.started_at = index, t
    state.items[index].status = "running"


def _apply(state: LiveState, e: Event) -> None:
    n = len(state.items)
    valid = e.item is not None and 0 <= e.item < n
    if e.type == "start" and valid:
        assert e.item is not None
        was = state.current
        _close(state, e.t)
        if was is not None and e.item < was:
            state.items[was].status = "todo"  # going back: the later item has not really run yet
        _start(state, e.item, e.t)
        state.ended = False
    elif e.type == "skip" and valid:
        assert e.item is not None
        _close(state, e.t)
        state.items[e.item].status = "skipped"
        state.current = e.item
        following = state.following()
        state.current = None
        if following is None:
            state.ended = True
        else:
            _start(state, following, e.t)
    elif e.type == "adjust" and valid and e.minutes:
        assert e.item is not None
        state.items[e.item].minutes = max(1, state.items[e.item].minutes + e.minutes)
    elif e.type == "pause" and state.current is not None and state.paused_since is None:
        state.paused_since = e.t
    elif e.type == "resume" and state.paused_since is not None:
        state.paused_for += e.t - state.paused_since
        state.paused_since = None
    elif e.type == "accept":
        for index, minutes in e.cuts.items():
            if 0 <= index < n:
                state.items[index].minutes = max(1, state.items[index].minutes - minutes)
        for index in e.drops:
            if 0 <= index < n and index != state.current:
                state.items[index].status = "dropped"
        state.now = e.t
        starts, _ = state.projection()
        upcoming = state.upcoming()
        state.rebase = (upcoming[0], starts[upcoming[0]]) if upcoming else None
    elif e.type == "end":
        _close(state, e.t)
        state.ended = True
