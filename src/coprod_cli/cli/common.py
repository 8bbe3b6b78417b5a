"""What every command shares: the plan and workshop options and turning CoprodError into exit 2."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from coprod_cli.cli import complete
from coprod_cli.errors import CoprodError

PLAN_HELP = "The plan file to use (default: coprod.yaml here or in the nearest folder above)."
PlanOption = Annotated[
    Path | None,
    typer.Option("-p", "--plan", help=PLAN_HELP, show_default=False, metavar="FILE"),
]
DEFAULT_PLAN = None


def value_option(flag: str, help: str, metavar: str | None = None) -> Any:
    """`--flag VALUE`: an option taking one value, shown as the flag's name in capitals unless `metavar` is given."""
    return typer.Option(flag, metavar=metavar or flag.removeprefix("--").upper(), help=help)


def port_option(help: str) -> Any:
    """`--port PORT`, a TCP port from 0 (any free one) to 65535."""
    return typer.Option("--port", min=0, max=65535, metavar="PORT", help=help)


def templates_option(help: str) -> Any:
    """`--templates DIR`: a folder of the user's own templates, searched before the built-in ones."""
    return typer.Option("--templates", metavar="DIR", help=help)


def workshop_option(help: str) -> Any:
    """`-w/--workshop ID`, completed from the plan's workshop ids; `help` says what it picks."""
    return typer.Option("--workshop", "-w", help=help, metavar="ID", autocompletion=complete.workshop_ids)


def plan_path(plan: Path | None) -> Path:
    """The plan named with -p, or the nearest coprod.yaml here or above (as git finds its repository)."""
    if plan is not None:
        return plan
    from coprod_cli.plan.loader import find_plan

    return find_plan()


def _set_quiet(value: bool) -> bool:
    """`coprod -q VERB`: the root sets it (or clears it) for every run."""
    from coprod_cli.cli.output import set_quiet

    set_quiet(value)
    return value


def _also_quiet(value: bool) -> bool:
    """`coprod VERB -q`: a command can only turn it on."""
    if value:
        from coprod_cli.cli.output import set_quiet

        set_quiet()
    return value


_QUIET_HELP = "Print only problems, one line each; nothing when all is well."
RootQuietOption = Annotated[bool, typer.Option("-q", "--quiet", callback=_set_quiet, help=_QUIET_HELP)]
QuietOption = Annotated[bool, typer.Option("-q", "--quiet", callback=_also_quiet, help=_QUIET_HELP)]


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
        from coprod_cli.cli.ci_lines import problem_annotations
        from coprod_cli.cli.output import print_errors

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


def repo_relative(path: str) -> str:
    """`path` relative to the root of the git repository it is in (else the current folder), as
    GitHub annotations want it; unchanged when it lies outside."""
    import os
    import subprocess

    folder = Path(path).resolve().parent
    try:
        done = subprocess.run(
            ["git", "rev-parse", "--show-toplevel"], cwd=folder, capture_output=True, text=True, timeout=10
        )
        root = Path(done.stdout.strip()) if done.returncode == 0 and done.stdout.strip() else Path.cwd()
    except (OSError, subprocess.SubprocessError):
        root = Path.cwd()
    target = Path(path).resolve()
    if not target.is_relative_to(root.resolve()):
        return path
    return os.path.relpath(target, root.resolve()).replace(os.sep, "/")
