"""`coprod new series|workshop|activity`: start a plan, or add to one without losing its comments."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Annotated

import typer
from typer.core import TyperCommand

from coprod_cli.cli import complete
from coprod_cli.cli.common import DEFAULT_PLAN, PlanOption, QuietOption, exit_on_error, plan_path, value_option
from coprod_cli.files import SCHEMA_FILE

app = typer.Typer()
new_app = typer.Typer(no_args_is_help=True, help="Start a new series plan, or add a workshop or an activity to one.")
app.add_typer(new_app, name="new")


def interactive() -> bool:
    """Ask questions only when a person is at a terminal."""
    return sys.stdin.isatty()


class _StartersHelp(TyperCommand):
    """`new series --help` ends with what each starter is for, read from the starters only when asked."""

    def format_epilog(self, ctx, formatter) -> None:  # type: ignore[no-untyped-def]
        from coprod_cli.documents.starter import starter_list

        formatter.write_paragraph()
        formatter.write_text("Starters:")
        with formatter.indentation():
            for line in starter_list().splitlines():
                formatter.write_text(line.strip())
        super().format_epilog(ctx, formatter)


@new_app.command("series", cls=_StartersHelp)
def new_series(
    folder: Annotated[
        Path,
        typer.Argument(help="Folder for the new coprod.yaml (made if missing).", show_default=True, metavar="[FOLDER]"),
    ] = Path("."),
    template: Annotated[
        str | None,
        typer.Option(
            "--template",
            "-t",
            metavar="STARTER",
            help="Starter: service-design, citizen-lab, online-engagement or blank (what each is for: below).",
        ),
    ] = None,
    title: Annotated[str | None, value_option("--title", "The series title (required without a terminal).")] = None,
    sessions: Annotated[
        str | None,
        typer.Option("--sessions", "-n", metavar="N", help="How many workshops: 1 to 8 (blank: up to 30)."),
    ] = None,
    start: Annotated[
        str | None, value_option("--start", "Date of the first workshop, like 2026-12-07 or 7/12/2026.", "DATE")
    ] = None,
    every: Annotated[
        str | None,
        value_option("--every", "Time between workshops: 1w, 2w, 3d, weekly, fortnightly, monthly.", "RHYTHM"),
    ] = None,
    time: Annotated[
        str | None, value_option("--time", "Each workshop's time, like 10:00-13:00 or 10am-1pm.", "FROM-TO")
    ] = None,
    mode: Annotated[str | None, value_option("--mode", "in-person, online or hybrid.")] = None,
    venue: Annotated[str | None, value_option("--venue", "Where the workshops happen.")] = None,
    quiet: QuietOption = False,
) -> None:
    """Start a new series plan from a starter, fitted to your sessions, dates and times.

    In a terminal it asks for what you did not give. It never overwrites an existing plan,
    and the plan it writes passes `coprod check`.
    """
    from coprod_cli.cli.console import print_created

    with exit_on_error():
        from coprod_cli.cli.wizard import Given, series_options
        from coprod_cli.documents.starter import render_starter
        from coprod_cli.errors import UsageError
        from coprod_cli.files import write_new_file
        from coprod_cli.plan.library import load_library

        plan_path = folder / "coprod.yaml"
        if plan_path.exists():
            raise UsageError(
                f"{plan_path}: a plan is already here; coprod never overwrites one "
                "(use `coprod new workshop` to add to it, or choose another folder)"
            )
        given = Given(template, title, sessions, start, every, time, mode, venue)
        try:
            options = series_options(given, interactive(), dt.date.today())
        except typer.Abort:  # Ctrl-C or the end of input during a question
            typer.echo(err=True)  # off the question's line
            raise UsageError("stopped before the last question; no plan was written") from None
        text = render_starter(options, load_library())
        write_new_file(plan_path, text)
        schema_path = folder / SCHEMA_FILE
        if not schema_path.exists():
            from coprod_cli.plan.schema import schema_text

            write_new_file(schema_path, schema_text())
    print_created(plan_path, options.sessions, options.template)


@new_app.command("workshop")
def new_workshop(
    title: Annotated[str | None, value_option("--title", "The new workshop's title.")] = None,
    date: Annotated[
        str | None, value_option("--date", "Its date, like 2026-12-07; default: next in the series' rhythm.")
    ] = None,
    plan: PlanOption = DEFAULT_PLAN,
    quiet: QuietOption = False,
) -> None:
    """Add a workshop at the end of the plan, dated from the series' rhythm, keeping your comments."""
    from coprod_cli.cli.console import print_added
    from coprod_cli.plan.editing import append_workshop

    with exit_on_error():
        from coprod_cli.errors import UsageError

        if title is None:
            if not interactive():
                raise UsageError("--title is missing: give the new workshop a title")
            title = typer.prompt("Title of the new workshop")
        day = None
        if date is not None:
            from coprod_cli.plan.answers import parse_day

            try:
                day = parse_day(date)
            except UsageError as err:
                raise UsageError(f"--date: {err}") from None
        where = plan_path(plan)
        added = append_workshop(where, title, day)
    print_added(where, "workshop", added)


@new_app.command("activity")
def new_activity(
    activity_id: Annotated[str, typer.Argument(metavar="ID", help="Id for the activity, like create-a-service.")],
    copy: Annotated[
        str | None,
        typer.Option(
            "--from",
            help="Copy a library activity to change it.",
            metavar="LIBRARY-ID",
            autocompletion=complete.library_ids,
        ),
    ] = None,
    title: Annotated[str | None, value_option("--title", "Its title (needed unless --from).")] = None,
    kind: Annotated[
        str,
        value_option("--kind", "welcome, icebreaker, exercise, discussion, decision, feedback..."),
    ] = "exercise",
    duration: Annotated[str, value_option("--duration", "How long, like 20m.", "LENGTH")] = "20m",
    plan: PlanOption = DEFAULT_PLAN,
    quiet: QuietOption = False,
) -> None:
    """Add an activity of your own under `activities:`, or copy a library one to adapt it."""
    from coprod_cli.cli.console import print_added
    from coprod_cli.plan.editing import add_activity

    with exit_on_error():
        where = plan_path(plan)
        add_activity(where, activity_id, copy, title, kind, duration)
    print_added(where, "activity", activity_id)
