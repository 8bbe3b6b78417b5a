"""The questions of `coprod new series`.

The flags are checked all at once, before any question (exit 2, one `--flag: what` line
each). Then each answer is checked as it is given: when it cannot be used, a plain line
says why and the same question is asked again, so no answer given so far is lost.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import Any

import typer

from coprod_cli.cli.output import print_errors
from coprod_cli.documents.starter import (
    STARTERS,
    Options,
    check_sessions,
    load_blueprint,
    most_sessions,
    starter_list,
)
from coprod_cli.errors import UsageError
from coprod_cli.plan import answers
from coprod_cli.plan.base import MODES
from coprod_cli.plan.when import check_date

DEFAULT_STARTER = "service-design"


@dataclass
class Given:
    """What the command line said, as typed; None where a flag was not given."""

    template: str | None = None
    title: str | None = None
    sessions: str | None = None
    start: str | None = None
    every: str | None = None
    time: str | None = None
    mode: str | None = None
    venue: str | None = None


def _title(text: str) -> str:
    if not text.strip():
        raise UsageError("the title cannot be empty; give the series a title, like Care leavers project")
    return text.strip()


# How each flag's text is read; the same reading checks the answer to its question.
READ: dict[str, Callable[[str], Any]] = {
    "template": lambda text: answers.parse_choice(text, STARTERS, "a starter"),
    "title": _title,
    "sessions": answers.parse_count,
    "start": answers.parse_day,
    "every": answers.parse_every,
    "time": answers.parse_time_window,
    "mode": lambda text: answers.parse_choice(text, MODES, "a mode"),
    "venue": lambda text: text.strip() or None,
}


def next_monday(today: dt.date, weeks_ahead: int = 2) -> dt.date:
    day = today + dt.timedelta(weeks=weeks_ahead)
    return day + dt.timedelta(days=(7 - day.weekday()) % 7)


class Wizard:
    """The series' settings so far: from the flags, the answers, or the starter's defaults."""

    def __init__(self, given: Given, ask: bool):
        self.ask = ask
        self.known: dict[str, Any] = {}
        problems: list[str] = []
        for field in fields(Given):
            text = getattr(given, field.name)
            if text is None:
                continue
            try:
                self.known[field.name] = READ[field.name](text)
            except UsageError as err:
                problems.extend(f"--{field.name}: {line}" for line in err.lines())
        template = self.known.get("template", None if ask or given.template else DEFAULT_STARTER)
        if "sessions" in self.known and template is not None:  # else it is checked once the starter is chosen
            try:
                check_sessions(load_blueprint(template), self.known["sessions"])
            except UsageError as err:
                problems.extend(f"--sessions: {line}" for line in err.lines())
        if given.title is None and not ask:
            problems.append('--title is missing: give the series a title, like --title "Care leavers project"')
        if problems:
            raise UsageError(*problems)

    def value(self, name: str, question: str, default: str | None, check: Callable[[Any], object] | None = None) -> Any:
        """The flag's value (checked against what is known by now), else the answer to `question`,
        else (with no terminal) the default."""
        if name in self.known:
            try:
                if check:
                    check(self.known[name])
                return self.known[name]
            except UsageError as err:
                if not self.ask:
                    raise UsageError(*(f"--{name}: {line}" for line in err.lines())) from None
                print_errors(err.lines())
        if not self.ask:
            self.known[name] = READ[name](default or "")
            return self.known[name]
        while True:  # ends when an answer can be used, or at the end of input (typer.Abort)
            text = typer.prompt(question, default=default, show_default=bool(default))
            try:
                value = READ[name](text)
                if check:
                    check(value)
            except UsageError as err:
                print_errors(err.lines())
                continue
            self.known[name] = value
            return value


def _span(first: dt.date, every: answers.Rhythm, sessions: int) -> None:
    """The last workshop must fall within the dates a plan allows too."""
    last = every.nth(first, sessions - 1)  # a start before 2200 and at most a year between: before 9999
    try:
        check_date(first)
        check_date(last)
    except ValueError:
        raise UsageError(
            f"the last of {sessions} workshops would be on {last.isoformat()}; "
            "choose an earlier start (coprod plans between 1900 and 2199)"
        ) from None


def series_options(given: Given, ask: bool, today: dt.date) -> Options:
    """Every setting of a new series, asked for where the flags left it open."""
    from coprod_cli.plan.durations import format_clock

    wizard = Wizard(given, ask)
    if ask and given.template is None:
        typer.echo("Starters:\n" + starter_list())
    template = wizard.value("template", f"Starter ({', '.join(STARTERS)})", DEFAULT_STARTER)
    blueprint = load_blueprint(template)
    defaults = blueprint["defaults"]
    title = wizard.value("title", "Title of the series", None)
    most = most_sessions(blueprint)
    sessions = wizard.value(
        "sessions",
        f"How many workshops (1 to {most})",
        str(defaults["sessions"]),
        lambda count: check_sessions(blueprint, count),
    )
    rhythm_so_far = wizard.known.get("every") or answers.parse_every(defaults["every"])
    first = wizard.value(
        "start",
        "Date of the first workshop",
        next_monday(today).isoformat(),
        lambda day: _span(day, rhythm_so_far, sessions),
    )
    if ask and given.start is None:
        from coprod_cli.language.messages import format_date

        typer.echo(f"  {format_date('en-GB', first)}")
    every = rhythm_so_far
    if sessions > 1:
        every = wizard.value(
            "every",
            "Time between workshops (1w = every week, 2w = every 2 weeks, or monthly)",
            defaults["every"],
            lambda days: _span(first, days, sessions),
        )
    start, end = wizard.value("time", "Time of each workshop (like 10:00-13:00)", defaults["time"])
    if ask and given.time is None:
        typer.echo(f"  {format_clock(start)} to {format_clock(end)}")
    mode = wizard.value("mode", f"Mode ({', '.join(MODES)})", defaults["mode"])
    venue = wizard.known.get("venue")
    if venue is None and ask and mode != "online":
        venue = wizard.value("venue", "Venue (leave empty to fill in later)", "")
    return Options(template, title, sessions, first, every, (start, end), mode, venue)
