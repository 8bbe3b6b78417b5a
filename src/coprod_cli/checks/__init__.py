"""The check families and the report they build together.

`run_checks(loaded, names)` schedules every workshop once and runs the named families
(all when none are named) over the schedules. Each family is a module with `run(ctx)`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from coprod_cli.errors import UsageError
from coprod_cli.findings import SEVERITIES, Finding
from coprod_cli.plan.loader import LoadedPlan
from coprod_cli.plan.suggest import did_you_mean
from coprod_cli.schedule import Schedule, schedule_plan

if TYPE_CHECKING:
    from coprod_cli.views import Views

# Families in the order they run and report.
FAMILIES: tuple[str, ...] = ("agenda", "timings", "series", "language", "principles", "ready", "people")


class Context:
    """One run's plan with what is built from it once and shared: schedules, views, coverage."""

    def __init__(
        self,
        loaded: LoadedPlan,
        schedules: list[Schedule] | None = None,
        history: dict[str, list[tuple[int, float]]] | None = None,
        today: dt.date | None = None,
    ):
        self.loaded = loaded
        self.schedules = schedule_plan(loaded.plan) if schedules is None else schedules
        # (planned, actual) minutes by activity from past runs, for `--history` (checks/history.py)
        self.history = history
        self.today = today or current_date()  # past dates are relative to it

    @cached_property
    def views(self) -> Views:
        """Each audience's view, for the documents (no check needs them, so `check` never builds them)."""
        from coprod_cli.views import Views

        return Views(self.loaded.plan, self.schedules)

    @cached_property
    def coverage(self) -> dict[str, dict[str, list[str]]] | None:
        """principle id -> workshop id -> titles of the activities serving it; None without a framework."""
        from coprod_cli.checks.principles import coverage

        return coverage(self.loaded.plan, self.schedules)


@dataclass
class Report:
    loaded: LoadedPlan
    schedules: list[Schedule]
    findings: list[Finding]
    families: tuple[str, ...]
    context: Context = field(repr=False)

    @property
    def views(self) -> Views:
        return self.context.views

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    def failed(self, strict: bool = False) -> bool:
        return self.count("error") > 0 or (strict and self.count("warning") > 0)

    def line(self, finding: Finding) -> int | None:
        return self.loaded.line(finding.path) if finding.path else None

    def column(self, finding: Finding) -> int | None:
        where = self.position(finding)
        return where[1] if where else None

    def position(self, finding: Finding) -> tuple[int, int] | None:
        """Line and column of what a finding is about (the key that starts it), or None for the whole plan."""
        return self.loaded.source.position(finding.path, prefer_key=True) if finding.path else None

    def to_dict(self, strict: bool = False) -> dict:
        """The stable JSON report of DESIGN section 3."""
        from coprod_cli.plan.durations import format_clock
        from coprod_cli.schedule import kind_minutes

        def clock(value: int | None) -> str | None:
            return None if value is None else format_clock(value)

        workshops = []
        for s in self.schedules:
            w = s.workshop
            workshops.append(
                {
                    "id": w.id,
                    "title": w.title,
                    "date": w.date.isoformat() if w.date else None,
                    "mode": w.mode,
                    "start": clock(s.start),
                    "booked_end": clock(s.booked_end),
                    "planned_end": clock(s.planned_end),
                    "total_minutes": s.total_minutes,
                    "slack_minutes": s.slack_minutes,
                    "kind_minutes": kind_minutes(s),
                    "items": [
                        {
                            "index": t.index,
                            "title": t.item.title,
                            "kind": t.item.kind,
                            "offset_minutes": t.offset,
                            "minutes": t.minutes,
                            "start": s.clock(t.offset),
                            "end": s.clock(t.end_offset),
                        }
                        for t in s.items
                    ],
                }
            )
        data: dict = {
            "plan": self.loaded.file,
            "ok": not self.failed(strict),
            "workshops": workshops,
            "findings": [
                {
                    "severity": f.severity,
                    "code": f.code,
                    "workshop": f.workshop,
                    "item": f.item,
                    "line": self.line(f),
                    "column": self.column(f),
                    "message": f.message,
                }
                for f in self.findings
            ],
            "errors": [],
        }
        matrix = self.coverage()
        if matrix is not None:
            data["principles"] = {"framework": self.loaded.plan.framework, "coverage": matrix}
        return data

    def coverage(self) -> dict[str, dict[str, list[str]]] | None:
        """The principles matrix, when the principles check ran on a plan with a framework."""
        return self.context.coverage if "principles" in self.families else None


def _runner(family: str) -> Callable[[Context], list[Finding]]:
    from importlib import import_module

    return import_module(f"coprod_cli.checks.{family}").run


def parse_families(names: Iterable[str]) -> tuple[str, ...]:
    """Validate the families named on the command line; none named means all."""
    chosen: list[str] = []
    for name in names:
        if name not in FAMILIES:
            raise UsageError(
                f"there is no '{name}' check{did_you_mean(name, FAMILIES)} (choose from {', '.join(FAMILIES)})"
            )
        if name not in chosen:
            chosen.append(name)
    return tuple(chosen) or FAMILIES


def current_date() -> dt.date:
    """Today, for the `ready` check's past dates; tests replace it to pin the day."""
    return dt.date.today()


def run_checks(
    loaded: LoadedPlan,
    families: Iterable[str] = (),
    history: dict[str, list[tuple[int, float]]] | None = None,
    today: dt.date | None = None,
) -> Report:
    """Run the named check families over a loaded plan (`history`: past runs, for the timings family;
    `today`, default the real date: what the `ready` check counts as past)."""
    chosen = parse_families(families)
    ctx = Context(loaded, history=history, today=today)
    findings: list[Finding] = []
    for family in chosen:
        findings.extend(_runner(family)(ctx))
    order = {s: i for i, s in enumerate(SEVERITIES)}
    workshop_order = {s.workshop.id: i for i, s in enumerate(ctx.schedules)}
    findings.sort(
        key=lambda f: (workshop_order.get(f.workshop, -1), f.item if f.item is not None else -1, order[f.severity])
    )
    return Report(loaded, ctx.schedules, findings, chosen, ctx)
