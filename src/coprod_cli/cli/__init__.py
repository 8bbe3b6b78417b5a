"""The Typer app: parse the command line, call the core, print, map errors to exit codes.

One module per verb, imported only when that verb runs: `coprod check` builds no other verb's
command, and `coprod --help` lists them all from VERBS without importing any. Heavy imports
(jinja2, rendering) happen inside the commands that need them.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from importlib import import_module
from typing import Annotated, Any

import typer
from typer.core import TyperCommand, TyperGroup

from coprod_cli import __version__
from coprod_cli.cli.common import RootQuietOption

# Each verb, in the order a facilitator uses them, with the first paragraph of its help: what
# `coprod --help` lists. Its command is built from `coprod_cli.cli.<verb>` only when it runs (a
# test keeps these lines the same as the commands' own help).
VERBS: dict[str, str] = {
    "new": "Start a new series plan, or add a workshop or an activity to one.",
    "check": "Time every workshop and report what needs attention.",
    "render": "Render facilitator scripts, handouts, Easy Read handouts, agendas, paperwork, the series "
    'overview, "You said, we did" and a calendar.',
    "preview": "Show the documents and the check report in a web browser, updated each time you save.",
    "run": "Run a workshop live: the clock, the time left, ahead or behind, and a re-plan when it runs late.",
    "report": "Planned against actual for each item, what ran long or short, and each activity's real length.",
    "library": "Browse the built-in activity library.",
    "schema": "Print the JSON Schema of a plan, for completion and checking in your editor.",
}


class _VerbCommands(Mapping[str, Any]):
    """The verbs' click commands by name, each built the first time it is asked for."""

    def __init__(self, group: TyperGroup) -> None:
        self._group = group
        self._built: dict[str, Any] = {}

    def __getitem__(self, name: str) -> Any:
        if name not in self._built:
            if name not in VERBS:
                raise KeyError(name)
            # Built as `app.add_typer(verb.app)` would build it, with the root app's markup mode.
            holder = typer.Typer(rich_markup_mode=self._group.rich_markup_mode)
            holder.add_typer(import_module(f"coprod_cli.cli.{name}").app)
            self._built[name] = typer.main.get_group(holder).commands[name]
        return self._built[name]

    def __iter__(self) -> Iterator[str]:
        return iter(VERBS)

    def __len__(self) -> int:
        return len(VERBS)


class _Verbs(TyperGroup):
    """The verbs of VERBS, in that order, each imported and built only when it is used."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.commands = _VerbCommands(self)  # type: ignore[assignment]

    def list_commands(self, ctx) -> list[str]:  # type: ignore[no-untyped-def]
        return list(VERBS)

    def format_commands(self, ctx, formatter) -> None:  # type: ignore[no-untyped-def]
        """The verbs as `--help` lists them, from VERBS: listing them builds none."""
        listing = TyperGroup(name=self.name, commands=[TyperCommand(name=n, help=h) for n, h in VERBS.items()])
        listing.format_commands(ctx, formatter)


app = typer.Typer(
    name="coprod",
    cls=_Verbs,
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


def main() -> None:
    from coprod_cli.cli.startup import lean_run

    with lean_run():
        app()
