"""What every command shares: the plan option and turning CoprodError into exit 2."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from coprod_cli.errors import CoprodError

PlanOption = Annotated[
    Path,
    typer.Option("-p", "--plan", help="The plan file to use.", show_default=True, metavar="FILE"),
]
DEFAULT_PLAN = Path("coprod.yaml")


class ReportFormat(StrEnum):
    text = "text"
    json = "json"
    github = "github"


@contextmanager
def exit_on_error(annotate: bool = False, report: Callable[[CoprodError], None] | None = None) -> Iterator[None]:
    """Print a CoprodError as one line per problem on stderr and exit 2.

    With `annotate`, plan problems are also GitHub Actions annotations on stdout; `report`
    prints a machine-readable report of the problems on stdout too.
    """
    try:
        yield
    except CoprodError as error:
        from coprod_cli.cli.output import print_errors, problem_annotations

        print_errors(error.lines())
        if report is not None:
            report(error)
        if annotate:
            for line in problem_annotations(error):
                typer.echo(line)
        raise typer.Exit(getattr(error, "exit_code", 2)) from None
    except OSError as error:  # a folder that cannot be written, a disk that is full
        from coprod_cli.cli.output import print_errors

        where = error.filename or "coprod"
        print_errors([f"{where}: could not read or write this ({error.strerror or error})"])
        raise typer.Exit(2) from None
