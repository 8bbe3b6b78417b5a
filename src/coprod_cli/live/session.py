"""Starting or resuming a run: which workshop, which clock, which record."""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass, field
from pathlib import Path

from coprod_cli.errors import UsageError
from coprod_cli.live import record
from coprod_cli.live.events import Event
from coprod_cli.live.state import Day, LiveState, fold
from coprod_cli.plan.models import Workshop
from coprod_cli.plan.suggest import did_you_mean


def choose_workshop(workshops: list[Workshop], wanted: str | None, today: dt.date) -> int:
    """The workshop named, else today's, else the next one, else the only one."""
    ids = [w.id or "" for w in workshops]
    if wanted is not None:
        if wanted in ids:
            return ids.index(wanted)
        raise UsageError(f"there is no workshop '{wanted}'{did_you_mean(wanted, ids)} (the plan has {', '.join(ids)})")
    dated = [(w.date, i) for i, w in enumerate(workshops) if w.date is not None and w.date >= today]
    if dated:
        return min(dated)[1]
    if len(workshops) == 1:
        return 0
    raise UsageError(f"no workshop is today or later; name one: coprod run {ids[0]} (the plan has {', '.join(ids)})")


@dataclass
class RunClock:
    """The run's clock in seconds after midnight: the real one, or one started at --now and sped up."""

    start: float | None = None
    speed: float = 1.0
    _began: float = field(default_factory=time.monotonic)

    def now(self) -> float:
        if self.start is None and self.speed == 1.0:
            wall = dt.datetime.now()
            return wall.hour * 3600 + wall.minute * 60 + wall.second + wall.microsecond / 1e6
        if self.start is None:
            wall = dt.datetime.now()
            self.start = wall.hour * 3600 + wall.minute * 60 + wall.second
            self._began = time.monotonic()
        return self.start + (time.monotonic() - self._began) * self.speed


@dataclass
class Session:
    """An open run: its record file and the events so far."""

    path: Path
    day: Day
    events: list[Event]

    def state(self, now: float) -> LiveState:
        return fold(self.day, self.events, now)

    def add(self, event: Event) -> None:
        record.append(self.path, event.to_dict())
        self.events.append(event)


def open_session(path: Path, workshop: Workshop, day: Day, date: str, now: float) -> Session:
    """Resume the record at `path` if there is one for the same agenda, else start it."""
    if path.exists():
        run = record.read_run(path)
        record.heal(path)
        planned = [p.title for p in run.day.items]
        if run.workshop != workshop.id or planned != [p.title for p in day.items]:
            raise UsageError(
                f"{path}: this record is of a different agenda than the plan's '{workshop.title}' now; "
                "move it aside or name another record with --record FILE"
            )
        session = Session(path, run.day, run.events)
    else:
        record.append(path, record.header(workshop.id or "", workshop.title, date, day), create=True)
        session = Session(path, day, [])
    session.add(Event("open", now))
    return session
