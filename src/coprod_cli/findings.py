"""A finding: one thing a check noticed, with its severity, code and place in the plan."""

from __future__ import annotations

from dataclasses import dataclass

SEVERITIES = ("error", "warning", "info")

Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class Finding:
    severity: str
    code: str
    workshop: str | None
    item: int | None
    path: Loc
    message: str
