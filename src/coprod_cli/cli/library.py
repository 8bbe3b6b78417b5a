"""`coprod library list|show`: browse the built-in activities."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from coprod_cli.cli import complete
from coprod_cli.cli.common import ReportFormat, exit_on_error, value_option

app = typer.Typer()
library_app = typer.Typer(no_args_is_help=True, help="Browse the built-in activity library.")
app.add_typer(library_app, name="library")

FormatOption = Annotated[ReportFormat, typer.Option("--format", "-f", metavar="text|json", help="text or json.")]


@library_app.command("list")
def library_list(
    kind: Annotated[str | None, value_option("--kind", "Only this kind, like icebreaker.")] = None,
    tag: Annotated[str | None, value_option("--tag", "Only activities with this tag, like online.")] = None,
    principle: Annotated[str | None, value_option("--principle", "Only activities serving this principle id.")] = None,
    online: Annotated[bool, typer.Option("--online", help="Only activities that work online.")] = False,
    search: Annotated[
        str | None,
        typer.Option("--search", "-s", metavar="WORDS", help="Words to look for in titles and descriptions."),
    ] = None,
    format: FormatOption = ReportFormat.text,
) -> None:
    """List library activities: id, kind, minutes, group set-up and principles."""
    from coprod_cli.plan.base import KINDS
    from coprod_cli.plan.frameworks import all_principle_ids
    from coprod_cli.plan.library import activity_dict, find_activities

    with exit_on_error():
        from coprod_cli.errors import UsageError
        from coprod_cli.plan.suggest import did_you_mean

        if kind and kind not in KINDS:
            raise UsageError(f"'{kind}' is not a kind{did_you_mean(kind, KINDS)} (choose from {', '.join(KINDS)})")
        if principle and principle not in all_principle_ids():
            raise UsageError(f"'{principle}' is not a principle{did_you_mean(principle, all_principle_ids())}")
        found = find_activities(kind, tag, principle, online, search)
    if format is ReportFormat.json:
        from coprod_cli.cli.output import print_plain

        print_plain(json.dumps([activity_dict(k, a) for k, a in found.items()], indent=2, ensure_ascii=False))
        return
    from coprod_cli.cli.console import print_library_list

    print_library_list(found)


@library_app.command("show")
def library_show(
    activity_id: Annotated[
        str,
        typer.Argument(
            metavar="ID", help="The activity's id, from `coprod library list`.", autocompletion=complete.library_ids
        ),
    ],
    format: FormatOption = ReportFormat.text,
) -> None:
    """Everything about one activity, as the facilitator script would show it."""
    from coprod_cli.plan.library import activity_dict, load_library

    with exit_on_error():
        from coprod_cli.errors import UsageError
        from coprod_cli.plan.suggest import did_you_mean

        library = load_library()
        if activity_id not in library:
            raise UsageError(
                f"there is no activity '{activity_id}'{did_you_mean(activity_id, library)} (see `coprod library list`)"
            )
    activity = library[activity_id]
    if format is ReportFormat.json:
        from coprod_cli.cli.output import print_plain

        print_plain(json.dumps(activity_dict(activity_id, activity), indent=2, ensure_ascii=False))
        return
    from coprod_cli.cli.console import print_library_show

    print_library_show(activity_id, activity)
