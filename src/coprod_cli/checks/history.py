"""`coprod check --history runs/`: a length the plan repeats that has always run over.

The history is plain data, (planned, actual) minutes by activity key (the `use:` id, or
`title:` and the title for an item of the plan's own), read from run records by the CLI.
"""

from __future__ import annotations

from statistics import mean

from coprod_cli.findings import Finding, Severity
from coprod_cli.plan.durations import format_duration
from coprod_cli.plan.library import activity_key
from coprod_cli.schedule import Schedule

History = dict[str, list[tuple[int, float]]]

# Over by more than this many minutes counts as running over; this many runs make "always".
OVER_MINUTES = 1
MIN_RUNS = 2


def run(schedules: list[Schedule], history: History) -> list[Finding]:
    """Warn where an item keeps a length that every run of it so far has overrun."""
    findings: list[Finding] = []
    for sched in schedules:
        for t in sched.items:
            past = [
                actual
                for planned, actual in history.get(activity_key(t.item.use, t.item.title), [])
                if planned <= t.minutes
            ]
            if len(past) < MIN_RUNS or not all(round(a) - t.minutes > OVER_MINUTES for a in past):
                continue
            took = round(mean(past))
            findings.append(
                Finding(
                    Severity.warning,
                    "timing.history",
                    sched.workshop.id,
                    t.index,
                    t.path,
                    f"'{t.item.title}' is planned for {format_duration(t.minutes)}, but it ran over every time "
                    f"it had this long or less: {format_duration(took)} on average over {len(past)} runs; "
                    f"plan {format_duration(took)} or give it flex",
                )
            )
    return findings
