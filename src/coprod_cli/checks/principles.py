"""Co-production: which principles each workshop serves, and whether people get to take part."""

from __future__ import annotations

from typing import TYPE_CHECKING

from coprod_cli.findings import Finding, Severity
from coprod_cli.language.jargon import jargon_in
from coprod_cli.plan.durations import format_duration
from coprod_cli.plan.frameworks import FRAMEWORKS
from coprod_cli.schedule import Schedule, TimedItem, kind_minutes

if TYPE_CHECKING:
    from coprod_cli.checks import Context

LISTENING_SHARE = 1 / 3


def _all_items(items: list[TimedItem]):
    for t in items:
        yield t
        for track in t.tracks:
            yield from _all_items(track.items)


def coverage(plan, schedules: list[Schedule]) -> dict[str, dict[str, list[str]]] | None:
    """principle id -> workshop id -> titles of the activities serving it; None without a framework."""
    if not plan.framework:
        return None
    framework = FRAMEWORKS[plan.framework]
    matrix: dict[str, dict[str, list[str]]] = {pid: {} for pid in framework.ids()}
    for sched in schedules:
        for t in _all_items(sched.items):
            for pid in t.item.principles:
                if pid in matrix:
                    titles = matrix[pid].setdefault(sched.workshop.id or "", [])
                    if t.item.title not in titles:
                        titles.append(t.item.title)
    return matrix


def _calls_itself_coproduction(plan) -> bool:
    if plan.framework:
        return True
    text = " ".join([plan.title, plan.purpose or "", plan.challenge or ""])
    return any(entry.term in ("co-production", "co-design") for entry, _ in jargon_in(text))


def run(ctx: Context) -> list[Finding]:
    plan = ctx.loaded.plan
    findings: list[Finding] = []
    matrix = ctx.coverage
    if matrix is not None and plan.framework:
        framework = FRAMEWORKS[plan.framework]
        for pid, by_workshop in matrix.items():
            if not by_workshop:
                principle = framework.get(pid)
                findings.append(
                    Finding(
                        Severity.info,
                        "principles.uncovered",
                        None,
                        None,
                        ("framework",),
                        f"nothing in the series serves '{principle.name if principle else pid}' ({pid}); "
                        f"see `coprod library list --principle {pid}` for activities that do",
                    )
                )
    if _calls_itself_coproduction(plan):
        findings.extend(_balance(ctx.schedules))
    return findings


def _balance(schedules: list[Schedule]) -> list[Finding]:
    total = listening = 0
    worst: tuple[float, Schedule] | None = None
    for sched in schedules:
        kinds = kind_minutes(sched)
        working = sum(m for k, m in kinds.items() if k not in ("break", "meal"))
        heard = kinds.get("presentation", 0)
        total += working
        listening += heard
        if working and (worst is None or heard / working > worst[0]):
            worst = (heard / working, sched)
    messages = []
    if total and listening / total > LISTENING_SHARE and worst is not None:
        messages.append(
            f"{listening * 100 // total}% of the series' working time is presentations "
            f"({format_duration(listening)} of {format_duration(total)}): people mostly listen. "
            f"Turn some into discussions or exercises, starting with '{worst[1].workshop.title}'"
        )
    has_decision = any(t.item.kind == "decision" for s in schedules for t in _all_items(s.items))
    if schedules and not has_decision:
        messages.append(
            "no activity lets participants decide anything (kind: decision); co-production means "
            "sharing decisions. Try `use: dot-voting` or `use: fist-to-five`"
        )
    return [Finding(Severity.warning, "participation.balance", None, None, ("workshops",), m) for m in messages]
