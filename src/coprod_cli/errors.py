"""Domain errors. The core raises them; only the CLI turns them into exit codes."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Controls (C0 but tab, DEL, C1) and the bidirectional overrides that can reorder what a person sees.
_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def neutral(text: str) -> str:
    """Text from a plan made safe for one line of a terminal or a line-oriented format.

    A line break shows as ⏎ (so one problem stays one line and cannot forge another), and a
    control or bidi character shows as its code, never acting on the terminal.
    """
    text = text.replace("\r\n", "\n").replace("\n", " ⏎ ")
    return _UNSAFE.sub(lambda m: f"<U+{ord(m.group()):04X}>", text)


class CoprodError(Exception):
    """Anything that stops coprod from using a plan or a command line (exit 2)."""

    def lines(self) -> list[str]:
        return [str(self)]

    def to_dicts(self) -> list[dict[str, object]]:
        """The problems for a machine-readable report: file, line and column where known."""
        return [{"file": None, "line": None, "column": None, "where": "", "message": line} for line in self.lines()]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a plan, pinned to a place in the file."""

    file: str
    line: int
    column: int
    where: str
    what: str

    def __str__(self) -> str:
        where = f" {self.where}:" if self.where else ""
        return neutral(f"{self.file}:{self.line}:{self.column}:{where} {self.what}")


class PlanError(CoprodError):
    """A plan that cannot be read or validated; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))

    @classmethod
    def single(cls, file: str, what: str, line: int = 1, column: int = 1, where: str = "") -> PlanError:
        return cls([Problem(file, line, column, where, what)])

    def lines(self) -> list[str]:
        return [str(p) for p in self.problems]

    def to_dicts(self) -> list[dict[str, object]]:
        return [
            {"file": p.file, "line": p.line, "column": p.column, "where": p.where, "message": p.what}
            for p in self.problems
        ]


class UsageError(CoprodError):
    """A command line that asks for something coprod cannot do: one line for each problem."""

    def __init__(self, *problems: str):
        self.problems = list(problems)
        super().__init__("\n".join(problems))

    def lines(self) -> list[str]:
        return list(self.problems)


class RenderError(CoprodError):
    """A document could not be rendered (a template problem, a missing extra)."""
