"""The timed agenda: items placed on a workshop's clock, in minutes from its start."""

from __future__ import annotations

from dataclasses import dataclass, field

from coprod_cli.findings import Finding, Loc
from coprod_cli.plan.durations import format_clock
from coprod_cli.plan.models import Workshop
from coprod_cli.plan.resolve import ResolvedItem


@dataclass(frozen=True)
class TimedStep:
    do: str
    offset: int
    minutes: int | None


@dataclass
class TimedItem:
    """One agenda item placed on the workshop's clock (offsets in minutes from its start)."""

    index: int
    item: ResolvedItem
    offset: int
    minutes: int
    gap_before: int = 0
    steps: list[TimedStep] = field(default_factory=list)
    tracks: list[TimedTrack] = field(default_factory=list)
    path: Loc = ()

    @property
    def end_offset(self) -> int:
        return self.offset + self.minutes


@dataclass
class TimedTrack:
    group: str
    where: str | None
    lead: str | None
    items: list[TimedItem]

    @property
    def minutes(self) -> int:
        return self.items[-1].end_offset - self.items[0].offset if self.items else 0


@dataclass
class Schedule:
    """A workshop's timed agenda: the numbers behind the run sheet and the JSON report."""

    workshop: Workshop
    items: list[TimedItem]
    start: int | None
    booked_minutes: int | None
    findings: list[Finding]

    @property
    def total_minutes(self) -> int:
        return self.items[-1].end_offset if self.items else 0

    @property
    def planned_end(self) -> int | None:
        return None if self.start is None else self.start + self.total_minutes

    @property
    def booked_end(self) -> int | None:
        if self.start is None or self.booked_minutes is None:
            return None
        return self.start + self.booked_minutes

    @property
    def slack_minutes(self) -> int | None:
        if self.start is None or self.booked_minutes is None:
            return None
        return self.booked_minutes - self.total_minutes

    def clock(self, offset: int) -> str | None:
        return None if self.start is None else format_clock(self.start + offset)


def booked_minutes(workshop: Workshop) -> int | None:
    """How long the room is booked: from `end`, or `length`; None when neither is given."""
    if workshop.length is not None:
        return workshop.length
    if workshop.end is not None and workshop.start is not None:
        return workshop.end - workshop.start
    return None
