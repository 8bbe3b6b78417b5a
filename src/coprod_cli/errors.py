"""Domain errors. The core raises them; only the CLI turns them into exit codes."""

from __future__ import annotations

from dataclasses import dataclass


class CoprodError(Exception):
    """Anything that stops coprod from using a plan or a command line (exit 2)."""

    def lines(self) -> list[str]:
        return [str(self)]


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
        return f"{self.file}:{self.line}:{self.column}:{where} {self.what}"


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


class UsageError(CoprodError):
    """A command line that asks for something coprod cannot do."""


class RenderError(CoprodError):
    """A document could not be rendered (a template problem, a missing extra)."""
