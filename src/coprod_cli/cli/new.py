"""`coprod new series|workshop|activity`: start a plan, or add to one without losing its comments."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Annotated

import typer
from typer.core import TyperCommand

from coprod_cli.cli import complete
from coprod_cli.cli.common import DEFAULT_PLAN, PlanOption, QuietOption, exit_on_error, plan_path
from coprod_cli.files import SCHEMA_FILE

app = typer.Typer()
new_app = typer.Typer(no_args_is_help=True, help="Start a new series plan, or add a workshop or an activity to one.")
app.add_typer(new_app, name="new")


def interactive() -> bool:
    """Ask questions only when a person is at a terminal."""
    return sys.stdin.isatty()


def _next_monday(today: dt.date, weeks_ahead: int = 2) -> dt.date:
    day = today + dt.timedelta(weeks=weeks_ahead)
    return day + dt.timedelta(days=(7 - day.weekday()) % 7)


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
    title: Annotated[
        str | None, typer.Option("--title", metavar="TITLE", help="The series title (required without a terminal).")
    ] = None,
    sessions: Annotated[
        int | None,
        typer.Option(
            "--sessions", "-n", min=1, max=30, metavar="N", help="How many workshops: 1 to 8 (blank: up to 30)."
        ),
    ] = None,
    start: Annotated[
        dt.datetime | None,
        typer.Option(
            "--start", formats=["%Y-%m-%d"], metavar="DATE", help="Date of the first workshop, like 2026-12-07."
        ),
    ] = None,
    every: Annotated[
        str | None, typer.Option("--every", metavar="RHYTHM", help="Time between workshops: 1w, 2w, 7d, 1d.")
    ] = None,
    time: Annotated[
        str | None, typer.Option("--time", metavar="FROM-TO", help="Each workshop's time, like 10:00-13:00.")
    ] = None,
    mode: Annotated[str | None, typer.Option("--mode", metavar="MODE", help="in-person, online or hybrid.")] = None,
    venue: Annotated[str | None, typer.Option("--venue", metavar="VENUE", help="Where the workshops happen.")] = None,
    quiet: QuietOption = False,
) -> None:
    """Start a new series plan from a starter, fitted to your sessions, dates and times.

    In a terminal it asks for what you did not give. It never overwrites an existing plan,
    and the plan it writes passes `coprod check`.
    """
    from coprod_cli.cli.console import print_created
    from coprod_cli.documents.starter import (
        STARTERS,
        Options,
        check_template,
        load_blueprint,
        most_sessions,
        parse_every,
        parse_time_window,
        starter_list,
    )
    from coprod_cli.plan.base import MODES

    with exit_on_error():
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
        ask = interactive()
        if template is None:
            if ask:
                from coprod_cli.cli.console import print_plain

                print_plain("Starters:\n" + starter_list())
            template = (
                typer.prompt(f"Starter ({', '.join(STARTERS)})", default="service-design") if ask else "service-design"
            )
        blueprint = load_blueprint(check_template(template))
        defaults = blueprint["defaults"]
        if title is None:
            if not ask:
                raise UsageError('--title is missing: give the series a title, like --title "Care leavers project"')
            title = typer.prompt("Title of the series")
        if not title.strip():
            raise UsageError("the title cannot be empty")
        if sessions is None:
            default_sessions = defaults["sessions"]
            sessions = (
                typer.prompt(
                    f"How many workshops (1 to {most_sessions(blueprint)})", default=default_sessions, type=int
                )
                if ask
                else default_sessions
            )
        first = start.date() if start else None
        if first is None:
            suggested = _next_monday(dt.date.today())
            first = (
                typer.prompt(
                    "Date of the first workshop",
                    default=suggested.isoformat(),
                    value_proc=lambda v: dt.date.fromisoformat(v.strip()),
                )
                if ask
                else suggested
            )
        every = every or (
            typer.prompt("Time between workshops", default=defaults["every"]) if ask else defaults["every"]
        )
        time = time or (typer.prompt("Time of each workshop", default=defaults["time"]) if ask else defaults["time"])
        mode = mode or (
            typer.prompt("Mode (in-person, online, hybrid)", default=defaults["mode"]) if ask else defaults["mode"]
        )
        if mode not in MODES:
            from coprod_cli.plan.suggest import did_you_mean

            raise UsageError(f"'{mode}' is not a mode{did_you_mean(mode, MODES)} (choose from {', '.join(MODES)})")
        if venue is None and ask and mode != "online":
            venue = typer.prompt("Venue (leave empty to fill in later)", default="", show_default=False) or None
        rhythm = parse_every(every)
        _check_dates(first, first + dt.timedelta(days=rhythm * (sessions - 1)))
        options = Options(template, title.strip(), sessions, first, rhythm, parse_time_window(time), mode, venue)
        text = render_starter(options, load_library())
        write_new_file(plan_path, text)
        schema_path = folder / SCHEMA_FILE
        if not schema_path.exists():
            from coprod_cli.plan.schema import schema_text

            write_new_file(schema_path, schema_text())
    print_created(plan_path, sessions, template)


def _check_dates(*dates: dt.date) -> None:
    """Dates from the command line get the plan's own bounds, said as a usage problem."""
    from coprod_cli.errors import UsageError
    from coprod_cli.plan.base import check_date

    for date in dates:
        try:
            check_date(date)
        except ValueError as err:
            raise UsageError(str(err)) from None


@new_app.command("workshop")
def new_workshop(
    title: Annotated[str | None, typer.Option("--title", metavar="TITLE", help="The new workshop's title.")] = None,
    date: Annotated[
        dt.datetime | None,
        typer.Option(
            "--date", formats=["%Y-%m-%d"], metavar="DATE", help="Its date; default: next in the series' rhythm."
        ),
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
        where = plan_path(plan)
        added = append_workshop(where, title, date.date() if date else None)
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
    title: Annotated[
        str | None, typer.Option("--title", metavar="TITLE", help="Its title (needed unless --from).")
    ] = None,
    kind: Annotated[
        str,
        typer.Option("--kind", metavar="KIND", help="welcome, icebreaker, exercise, discussion, decision, feedback..."),
    ] = "exercise",
    duration: Annotated[str, typer.Option("--duration", metavar="LENGTH", help="How long, like 20m.")] = "20m",
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
