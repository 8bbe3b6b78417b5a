"""The series as a whole: dates in order, and homework that the next workshop picks up."""

from __future__ import annotations

from typing import TYPE_CHECKING

from coprod_cli.findings import Finding, Severity
from coprod_cli.language.messages import short_date
from coprod_cli.plan.durations import format_clock
from coprod_cli.schedule import Schedule

if TYPE_CHECKING:
    from coprod_cli.checks import Context


def run(ctx: Context) -> list[Finding]:
    return _dates(ctx.schedules) + _homework(ctx.schedules)


def _span(s: Schedule) -> tuple[int, int] | None:
    if s.start is None:
        return None
    return s.start, s.start + max(s.total_minutes, s.booked_minutes or 0)


def _dates(schedules: list[Schedule]) -> list[Finding]:
    findings: list[Finding] = []
    previous: tuple[int, Schedule] | None = None
    for index, sched in enumerate(schedules):
        w = sched.workshop
        if w.date is None:
            continue
        path = ("workshops", index, "date")
        if previous is not None:
            _, p = previous
            assert p.workshop.date is not None
            message = None
            if w.date < p.workshop.date:
                message = (
                    f"'{w.title}' is on {short_date(w.date)}, before '{p.workshop.title}' "
                    f"({short_date(p.workshop.date)}) which comes earlier in the plan; "
                    "put the workshops in date order or fix the date"
                )
            elif w.date == p.workshop.date:
                here, there = _span(sched), _span(p)
                if here is None or there is None or here[0] < there[1]:
                    clash = (
                        f"at {format_clock(here[0])}, before '{p.workshop.title}' has finished"
                        if here and there
                        else "and one of them has no start time"
                    )
                    message = (
                        f"'{w.title}' is on the same day as '{p.workshop.title}' "
                        f"({short_date(w.date)}) {clash}; move one of them"
                    )
            if message is not None:
                findings.append(Finding(Severity.error, "series.dates", w.id, None, path, message))
        previous = (index, sched)
    return findings


def _mentions_homework(sched: Schedule) -> bool:
    def texts(items):
        for t in items:
            yield t.item.title
            yield t.item.say or ""
            yield t.item.handout or ""
            for track in t.tracks:
                yield from texts(track.items)

    return any("homework" in text.lower() for text in texts(sched.items))


def _homework(schedules: list[Schedule]) -> list[Finding]:
    findings: list[Finding] = []
    for index, sched in enumerate(schedules):
        w = sched.workshop
        if not w.homework:
            continue
        path = ("workshops", index, "homework")
        if index == len(schedules) - 1:
            message = (
                f"'{w.title}' is the last workshop but sets homework that no workshop picks up; "
                "add the next workshop to the plan, or drop the homework"
            )
        elif not _mentions_homework(following := schedules[index + 1]):
            message = (
                f"'{w.title}' sets homework, but '{following.workshop.title}' never picks it up; "
                "add an item that mentions the homework (try `use: homework-review`)"
            )
        else:
            continue
        findings.append(Finding(Severity.warning, "series.homework", w.id, None, path, message))
    return findings
