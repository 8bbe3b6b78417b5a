"""After the day: planned against actual for each item, and what each activity really takes.

Pure functions over run records (`record.Run`): the same fold as the live view, seen at the
last event, so the report and the view never disagree about what happened.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from statistics import mean
from typing import Any

from coprod_cli.live.events import BEGINS
from coprod_cli.live.record import Run
from coprod_cli.live.state import fold
from coprod_cli.plan.durations import format_clock, format_duration
from coprod_cli.plan.library import activity_key

# Within this many minutes of the plan an item "ran to time".
TOLERANCE = 1
# An item skipped after it had run a minute or more: its time was spent, so the report shows it.
CUT_SHORT = "cut short"
# The item that was on when the run was quit (q) before the end: it ran until then.
STOPPED = "stopped"


@dataclass(frozen=True)
class ItemResult:
    index: int
    title: str
    use: str | None
    planned: int
    actual: float
    status: str  # done | cut short | skipped | dropped | not reached | running | stopped
    final: int = 0  # its length by the time it ran: after +/- and accepted re-plans

    @property
    def ran(self) -> bool:
        """It took time on the day: it ran to its end, is still running, was on when the run was quit,
        or ran a while and was skipped."""
        return self.status in ("done", "running", STOPPED, CUT_SHORT)

    @property
    def cut_short(self) -> bool:
        return self.status == CUT_SHORT

    @property
    def stopped(self) -> bool:
        return self.status == STOPPED

    @property
    def length(self) -> int:
        """The length it had when it ran: the planned one, or as +/- or an accepted re-plan left it."""
        return self.final or self.planned

    @property
    def changed(self) -> bool:
        return self.length != self.planned

    @property
    def difference(self) -> int:
        """Minutes over (or under, negative) the length it had when it ran, not the first plan's."""
        return round(self.actual) - self.length

    def to_dict(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "title": self.title,
            "use": self.use,
            "planned_minutes": self.planned,
            "replanned_minutes": self.length if self.changed else None,
            "actual_minutes": round(self.actual, 1) if self.ran else None,
            "difference_minutes": self.difference if self.ran else None,
            "status": self.status,
        }


@dataclass(frozen=True)
class RunResult:
    run: Run
    items: tuple[ItemResult, ...]
    began: float | None
    finished: float | None
    stopped: float | None = None  # quit (q) before the end, at this time; None when finished or still going

    @property
    def long(self) -> list[ItemResult]:
        return [i for i in self.items if i.ran and i.difference > TOLERANCE]

    @property
    def short(self) -> list[ItemResult]:
        # An item still running has not ended short: it may yet run its full length.
        return [i for i in self.items if i.status == "done" and i.difference < -TOLERANCE]

    def to_dict(self) -> dict[str, Any]:
        day = self.run.day

        def clock(seconds: float | None) -> str | None:
            return None if seconds is None else format_clock(int(seconds // 60))

        return {
            "record": str(self.run.path),
            "workshop": self.run.workshop,
            "title": self.run.title,
            "date": self.run.date,
            "rehearsal": self.run.rehearsal,
            "planned_start": format_clock(day.start),
            "planned_end": format_clock(day.planned_end),
            "actual_start": clock(self.began),
            "actual_end": clock(self.finished if self.stopped is None else self.stopped),
            "stopped_before_the_end": self.stopped is not None,
            "items": [i.to_dict() for i in self.items],
        }


@dataclass(frozen=True)
class ActivityResult:
    """How long one activity really took over several runs, against its usual length."""

    key: str
    title: str
    default: int | None
    planned: tuple[int, ...]
    actual: tuple[float, ...]

    @property
    def average(self) -> float:
        return mean(self.actual)

    def sentence(self) -> str:
        """'Dot voting: planned 15 min, took 22 on average over 3 runs (the library says 15 min)'."""
        planned = sorted(set(self.planned))
        lengths = " or ".join(format_duration(p) for p in planned)
        runs = len(self.actual)
        took = f"took {format_duration(round(self.average))}" + (f" on average over {runs} runs" if runs > 1 else "")
        usual = (
            f" (its usual length is {format_duration(self.default)})"
            if self.default and planned != [self.default]
            else ""
        )
        return f"{self.title}: planned {lengths}, {took}{usual}"

    @property
    def always_over(self) -> bool:
        return all(round(a) - p > TOLERANCE for p, a in zip(self.planned, self.actual, strict=True))

    def to_dict(self) -> dict[str, Any]:
        return {
            "activity": self.key,
            "title": self.title,
            "default_minutes": self.default,
            "planned_minutes": list(self.planned),
            "actual_minutes": [round(a, 1) for a in self.actual],
            "average_minutes": round(self.average, 1),
            "runs": len(self.actual),
        }


def summarize(run: Run) -> RunResult:
    """Planned against actual for each item of one run."""
    last = run.events[-1].t if run.events else 0.0
    state = fold(run.day, run.events, last)
    items = []
    for it in state.items:
        status = it.status
        if status == "running":
            status = "running" if not state.ended else "done"
        elif status == "todo":
            status = "not reached" if it.actual == 0 else "done"
        elif status == "skipped" and round(it.actual / 60) >= 1:
            status = CUT_SHORT
        p = it.planned
        items.append(ItemResult(p.index, p.title, p.use, p.minutes, it.actual / 60, status, it.minutes))
    # Quit (q) as the last thing done, before the end: the run stopped there, it is not still going.
    stopped = run.events[-1].t if run.events and run.events[-1].type == "quit" and not state.ended else None
    if state.current is not None:
        current = items[state.current]
        status = "running" if stopped is None else STOPPED
        items[state.current] = replace(current, actual=current.actual + state.elapsed / 60, status=status)
    starts = [e.t for e in run.events if e.type in BEGINS]
    ends = [e.t for e in run.events if e.type == "end"]
    return RunResult(run, tuple(items), min(starts) if starts else None, ends[-1] if ends else None, stopped)


def activities(results: list[RunResult]) -> list[ActivityResult]:
    """Every activity that ran, with its planned and real lengths across the runs given.

    A rehearsal's lengths are not an activity's real ones (keys pressed at will, often on a
    sped-up clock), so rehearsals never count here, nor in `check --history`.
    """
    found: dict[str, tuple[str, int | None, list[int], list[float]]] = {}
    for result in results:
        if result.run.rehearsal:
            continue
        defaults = {p.index: p.default for p in result.run.day.items}
        for item in result.items:
            if item.status != "done":  # a length cut off by quitting says nothing of the activity
                continue
            key = activity_key(item.use, item.title)
            entry = found.setdefault(key, (item.title, defaults.get(item.index), [], []))
            entry[2].append(item.planned)
            entry[3].append(item.actual)
    return [ActivityResult(k, t, d, tuple(p), tuple(a)) for k, (t, d, p, a) in found.items()]


def history(results: list[RunResult]) -> dict[str, list[tuple[int, float]]]:
    """Plain data for `coprod check --history`: (planned, actual) minutes by activity key."""
    return {a.key: list(zip(a.planned, a.actual, strict=True)) for a in activities(results)}
