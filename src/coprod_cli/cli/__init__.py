"""The Typer app: parse the command line, call the core, print, map errors to exit codes.

One module per verb. Heavy imports (jinja2, rendering) happen inside the commands that
need them, so `coprod --help` and `coprod check` stay quick.
"""

from __future__ import annotations

from typing import Annotated

import typer
from typer.core import TyperGroup

from coprod_cli import __version__
from coprod_cli.cli import check, library, new, preview, render, report, run, schema
from coprod_cli.cli.common import RootQuietOption

ORDER = ("new", "check", "render", "preview", "run", "report", "library", "schema")


class _WorkflowOrder(TyperGroup):
    """List commands in the order a facilitator uses them, not the order Python loads them."""

    def list_commands(self, ctx) -> list[str]:  # type: ignore[no-untyped-def]
        names = super().list_commands(ctx)
        return sorted(names, key=lambda n: ORDER.index(n) if n in ORDER else len(ORDER))


app = typer.Typer(
    name="coprod",
    cls=_WorkflowOrder,
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_show_locals=False,  # a crash must never print a plan's contents or a path's secrets
    help="Plan, check and render co-production workshop series from one YAML plan.",
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"coprod {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and stop.")
    ] = False,
    quiet: RootQuietOption = False,
) -> None:
    """Plan, check and render co-production workshop series from one YAML plan.

    Start with `coprod new series`, then `coprod check` and `coprod render`.
    """


for _verb in (new, check, render, preview, run, report, library, schema):
    app.add_typer(_verb.app)


def main() -> None:
    import gc
    import os

    # pydantic looks for plugins among every installed package's entry points the first time a
    # model is built (about a tenth of a check's start-up); coprod uses none. Set it yourself to
    # have pydantic look after all.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

    # A plan becomes many small objects and few cycles: collecting the youngest generation every
    # 700 allocations (Python's default) costs a quarter of the time of a big check.
    gc.set_threshold(100_000, 50, 50)
    app()
