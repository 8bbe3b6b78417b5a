"""Starting or resuming a run: which workshop, which clock, which record."""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from coprod_cli.errors import UsageError
from coprod_cli.language.messages import DEFAULT, format_date
from coprod_cli.live import record
from coprod_cli.live.events import BEGINS, Event
from coprod_cli.live.state import Day, LiveState, fold
from coprod_cli.plan.durations import format_clock
from coprod_cli.plan.models import Workshop
from coprod_cli.plan.suggest import did_you_mean


def choose_workshop(workshops: list[Workshop], wanted: str | None, today: dt.date, rehearsal: bool = False) -> int:
    """The workshop named, else today's, else the only one when it has no date.

    A rehearsal with none named takes the next one. A real run never starts another day's
    workshop as if it were today's: that would be hours behind from the first minute and
    write a record of a day that did not happen, so it says which is next and how to rehearse it.
    """
    ids = [w.id or "" for w in workshops]
    if wanted is not None:
        if wanted in ids:
            return ids.index(wanted)
        raise UsageError(f"there is no workshop '{wanted}'{did_you_mean(wanted, ids)} (the plan has {', '.join(ids)})")
    todays = [i for i, w in enumerate(workshops) if w.date == today]
    if todays:
        return todays[0]
    if len(workshops) == 1 and workshops[0].date is None:
        return 0
    coming = sorted((w.date, i) for i, w in enumerate(workshops) if w.date is not None and w.date > today)
    if coming and rehearsal:
        return coming[0][1]
    if coming:
        day, index = coming[0]
        raise UsageError(
            f"no workshop in the plan is today ({format_date(DEFAULT, today)}); the next is "
            f"'{workshops[index].title}' on {format_date(DEFAULT, day)}. Rehearse it: "
            f"{rehearse_command(workshops[index])} (add --speed 30 for a clock 30 times faster); "
            f"to run it for real today instead: coprod run {ids[index]}"
        )
    raise UsageError(f"no workshop is today or later; name one: coprod run {ids[0]} (the plan has {', '.join(ids)})")


def rehearse_command(workshop: Workshop) -> str:
    return f"coprod run {workshop.id} --now {format_clock(workshop.start or 10 * 60)}"


def another_day(workshop: Workshop, today: dt.date) -> str | None:
    """For a real run of a workshop planned for another day: say so, and how to rehearse it instead."""
    if workshop.date is None or workshop.date == today:
        return None
    return (
        f"'{workshop.title}' is planned for {format_date(DEFAULT, workshop.date)}, not today: this is a real run, "
        f"recorded as today's once an item starts. To rehearse it instead, press q (nothing is recorded), then: "
        f"{rehearse_command(workshop)}"
    )


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
    """An open run: its record file and the events so far.

    A new record is written only once the first item begins (`pending` holds its header till
    then): opening the view and quitting without starting anything leaves no record behind.
    """

    path: Path
    day: Day
    events: list[Event]
    rehearsal: bool = False
    pending: dict[str, Any] | None = None

    @property
    def written(self) -> bool:
        return self.pending is None

    def state(self, now: float) -> LiveState:
        return fold(self.day, self.events, now)

    def add(self, event: Event) -> None:
        if self.pending is not None and event.type in BEGINS:
            self.path = record.create(self.path, self.pending, numbered=self.rehearsal)
            self.pending = None
            for earlier in self.events:
                record.append(self.path, earlier.to_dict())
        if self.pending is None:
            record.append(self.path, event.to_dict())
        self.events.append(event)


def open_session(path: Path, workshop: Workshop, day: Day, date: str, now: float, rehearsal: bool = False) -> Session:
    """Resume the record at `path` if it is of the same agenda and both are real runs, else start it
    (the new file is written when the first item begins).

    A rehearsal always starts afresh (its clock starts again at --now), and a real run never
    carries on from a rehearsal's record, nor a rehearsal from a real one's.
    """
    if path.exists():
        run = record.read_run(path)
        if run.rehearsal or rehearsal:
            raise UsageError(f"{path}: {_not_resumed(run.rehearsal, rehearsal)} or name a new file")
        record.heal(path)
        planned = [p.title for p in run.day.items]
        if run.workshop != workshop.id or planned != [p.title for p in day.items]:
            raise UsageError(
                f"{path}: this record is of a different agenda than the plan's '{workshop.title}' now; "
                "move it aside or name another record with --record FILE"
            )
        session = Session(path, run.day, run.events)
    else:
        head = record.header(workshop.id or "", workshop.title, date, day, rehearsal)
        session = Session(path, day, [], rehearsal, pending=head)
    session.add(Event("open", now))
    return session


def _not_resumed(was_rehearsal: bool, rehearsal: bool) -> str:
    if not rehearsal:
        return (
            "this is a rehearsal's record, and a real run never carries on from a rehearsal; "
            "leave out --record (real runs are recorded in runs/)"
        )
    if not was_rehearsal:
        return (
            "this is a real run's record, and a rehearsal never adds to it; "
            "leave out --record (rehearsals go to runs/rehearsals/)"
        )
    return (
        "this is an earlier rehearsal's record, and each rehearsal starts afresh; "
        "leave out --record (each goes to a new file in runs/rehearsals/)"
    )
