"""A finding: one thing a check noticed, with its severity, code and place in the plan.

`codes()` is the one registry of finding codes, read from codes.yaml: the README's list of codes
and the report's JSON Schema are generated from it, and a test fails when a check uses a code not
listed there.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from importlib import resources

import yaml


class Severity(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"


SEVERITIES = tuple(Severity)

Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class Finding:
    severity: Severity
    code: str
    workshop: str | None
    item: int | None
    path: Loc
    message: str


@dataclass(frozen=True)
class Code:
    """A finding code: its family, the severities it may have, and what it means in one line."""

    code: str
    severities: tuple[Severity, ...]
    meaning: str

    @property
    def family(self) -> str:
        return self.code.split(".")[0]


@cache
def codes() -> dict[str, Code]:
    """The registry of finding codes, read from codes.yaml (package data) the first time it is asked for."""
    text = resources.files("coprod_cli").joinpath("codes.yaml").read_text("utf-8")
    entries = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    return {
        code: Code(code, tuple(Severity(s) for s in entry["severity"].split(" / ")), entry["when"])
        for code, entry in entries.items()
    }


def codes_table() -> str:
    """The README's table of finding codes, generated from `codes()`."""
    rows = ["| code | severity | when |", "|---|---|---|"]
    rows += [f"| `{c.code}` | {' / '.join(c.severities)} | {c.meaning} |" for c in codes().values()]
    return "\n".join(rows) + "\n"
