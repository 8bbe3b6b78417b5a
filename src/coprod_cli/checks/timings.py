"""Timing findings: the timing engine's own findings for every workshop."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from coprod_cli.checks import Context
    from coprod_cli.findings import Finding


def run(ctx: Context) -> list[Finding]:
    found = [f for s in ctx.schedules for f in s.findings]
    if ctx.history:
        from coprod_cli.checks import history

        found.extend(history.run(ctx.schedules, ctx.history))
    return found
