"""Agenda shape: every workshop has an agenda, opens with a welcome and closes with feedback."""

from __future__ import annotations

from typing import TYPE_CHECKING

from coprod_cli.findings import Finding, Severity

if TYPE_CHECKING:
    from coprod_cli.checks import Context

OPENING_KINDS = frozenset({"welcome", "icebreaker"})
CLOSING_KINDS = frozenset({"feedback", "closing"})


def run(ctx: Context) -> list[Finding]:
    findings: list[Finding] = []
    for w_index, sched in enumerate(ctx.schedules):
        workshop = sched.workshop
        path = ("workshops", w_index)
        if not sched.items:
            findings.append(
                Finding(
                    Severity.error,
                    "agenda.empty",
                    workshop.id,
                    None,
                    path,
                    f"'{workshop.title}' has no agenda yet; add items under 'agenda:'",
                )
            )
            continue
        # A break or meal may come first (tea on arrival); the first activity is the one to check.
        first = next((t for t in sched.items if not t.item.is_pause), sched.items[0])
        if first.item.kind not in OPENING_KINDS:
            opens = sched.items[0]
            named = f"'{first.item.title}' ({first.item.kind})"
            if opens is not first:
                named = f"'{opens.item.title}' ({opens.item.kind}), then {named}"
            findings.append(
                Finding(
                    Severity.warning,
                    "agenda.opening",
                    workshop.id,
                    opens.index,
                    opens.path,
                    f"the workshop opens with {named}; start with a "
                    "welcome or an icebreaker so people can settle in (try `use: welcome-and-ground-rules`)",
                )
            )
        last_third = sched.total_minutes * 2 / 3
        if not any(t.item.kind in CLOSING_KINDS and t.end_offset > last_third for t in sched.items):
            last = sched.items[-1]
            findings.append(
                Finding(
                    Severity.warning,
                    "agenda.closing",
                    workshop.id,
                    last.index,
                    last.path,
                    "nothing at the end asks for feedback or closes the session; add a closing or "
                    "feedback item (try `use: exit-words`)",
                )
            )
    return findings
