"""`coprod run`: the live view of one workshop, with its record and the projector page."""

from __future__ import annotations

import datetime as dt
import os
import select
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer

from coprod_cli.cli import complete
from coprod_cli.cli.common import DEFAULT_PLAN, PlanOption, exit_on_error, plan_path, port_option, workshop_option
from coprod_cli.errors import PlanError, UsageError

app = typer.Typer()

TICK_SECONDS = 0.25


def _clock_option(value: str | None) -> str | None:
    if value is None:
        return None
    from coprod_cli.plan.when import read_clock

    try:
        read_clock(value)
    except ValueError as err:
        raise typer.BadParameter(str(err)) from None
    return value


@app.command()
def run(
    workshop: Annotated[
        str | None,
        typer.Argument(
            help="The workshop's id. None named: today's (when rehearsing: today's, else the next one).",
            show_default=False,
            metavar="[WORKSHOP]",
            autocompletion=complete.workshop_ids,
        ),
    ] = None,
    plan: PlanOption = DEFAULT_PLAN,
    workshop_option: Annotated[str | None, workshop_option("The workshop's id (same as the argument).")] = None,
    now: Annotated[
        str | None,
        typer.Option(
            "--now", help="Start the clock at this time, for a rehearsal.", metavar="HH:MM", callback=_clock_option
        ),
    ] = None,
    speed: Annotated[
        float | None,
        typer.Option(
            "--speed", help="Run the clock this many times faster, for a rehearsal.", min=0.1, max=3600, metavar="N"
        ),
    ] = None,
    display: Annotated[
        bool, typer.Option("--display", help="Serve a projector page for the room on 127.0.0.1.")
    ] = False,
    port: Annotated[int, port_option("Port of the projector page (0: any free one).")] = 8470,
    record: Annotated[
        Path | None,
        typer.Option(
            "--record",
            help="The record to write or resume (default: runs/DATE-ID.jsonl beside the plan; "
            "a rehearsal's: a new runs/rehearsals/DATE-ID-N.jsonl).",
            metavar="FILE",
        ),
    ] = None,
) -> None:
    """Run a workshop live: the clock, the time left, ahead or behind, and a re-plan when it runs late.

    Keys: n or space next item, b back, + and - a minute more or less, p pause, s skip,
    a accept the re-plan, q quit. Every key press is saved at once to the record; run the
    same command again to carry on where you were.

    With --now or --speed it is a rehearsal: marked as one, recorded apart in runs/rehearsals/,
    started afresh each time, and never mixed with the real day's record or report.
    """
    from coprod_cli.live.session import RunClock, another_day, choose_workshop, open_session
    from coprod_cli.live.state import day_of
    from coprod_cli.plan.library import load_library
    from coprod_cli.plan.loader import load_plan
    from coprod_cli.plan.when import read_clock
    from coprod_cli.schedule import schedule_plan

    with exit_on_error():
        plan = plan_path(plan)
        loaded = load_plan(plan)
        today = dt.date.today()
        rehearsal = now is not None or speed is not None
        index = choose_workshop(loaded.plan.workshops, workshop or workshop_option, today, rehearsal)
        sched = schedule_plan(loaded.plan)[index]
        w = sched.workshop
        if sched.start is None:
            path = ("workshops", index, "title")
            raise PlanError.single(
                str(plan),
                f"'{w.title}' has no start time, so there is no clock to run it by; add 'start: 10:00' to it",
                line=loaded.line(path),
                where=f"workshops[{index + 1}]",
            )
        if not agenda_ready(sched):
            raise UsageError(f"{plan}: '{w.title}' has no agenda to run; add items under 'agenda:'")
        defaults = {k: a.duration for k, a in {**load_library(), **loaded.plan.activities}.items()}
        day = day_of(sched, defaults)
        clock = RunClock(None if now is None else read_clock(now) * 60.0, speed or 1.0)
        path_ = record or _default_record(plan, w.id or "", today, rehearsal)
        if not sys.stdin.isatty():
            raise UsageError("coprod run needs a terminal to read key presses (try it in a terminal window)")
        session = open_session(path_, w, day, today.isoformat(), clock.now(), rehearsal)
        _loop(sched, session, clock, display, port, None if rehearsal else another_day(w, today))


def agenda_ready(sched) -> bool:  # type: ignore[no-untyped-def]
    return bool(sched.items)


def _default_record(plan: Path, wid: str, today: dt.date, rehearsal: bool) -> Path:
    from coprod_cli.live.record import record_path, rehearsal_path

    return (rehearsal_path if rehearsal else record_path)(plan, wid, today.isoformat())


def _loop(sched, session, clock, display: bool, port: int, note: str | None) -> None:  # type: ignore[no-untyped-def]
    from rich.live import Live

    from coprod_cli.cli.console import out
    from coprod_cli.cli.live_view import live_view
    from coprod_cli.live.events import key_events

    server = _start_display(sched, session.state(clock.now()), port) if display else None
    url = server.url if server else None
    try:
        with _keys() as read_key, Live(console=out, screen=True, auto_refresh=False, transient=True) as live:
            while True:
                state = session.state(clock.now())
                if server is not None:
                    from coprod_cli.live.display import display_data

                    server.update(display_data(sched, state))
                size = out.size
                where = str(session.path) if session.written else f"{session.path} (written once an item starts)"
                view = live_view(sched, state, where, url, size.width, size.height, session.rehearsal, note)
                live.update(view, refresh=True)
                try:
                    key = read_key(TICK_SECONDS)
                except KeyboardInterrupt:  # Ctrl-C is a quit, saved like one
                    key = "q"
                if key is None:
                    continue
                t = clock.now()
                for event in key_events(session.state(t), key, t):
                    session.add(event)
                if key == "q":
                    break
    finally:
        if server is not None:
            server.stop()
    if not session.written:
        out.print("Nothing was started, so nothing was recorded.")
    elif session.rehearsal:
        out.print(f"Rehearsal saved to {session.path}, apart from real runs; `coprod report --rehearsals` shows it.")
    else:
        out.print(f"Saved to {session.path}. Run the same command to carry on; `coprod report` shows how it went.")


def _start_display(sched, state, port: int):  # type: ignore[no-untyped-def]
    from coprod_cli.live.display import Display, display_data

    data = display_data(sched, state)
    try:
        return Display(data, port).start()
    except OSError:  # the port is taken: any free one will do, the view shows the address
        return Display(data, 0).start()


@contextmanager
def _keys() -> Iterator:  # type: ignore[type-arg]
    """Read single key presses without Enter (POSIX terminals: termios in cbreak mode)."""
    try:
        import termios
        import tty
    except ImportError:  # Windows: no termios
        raise UsageError("coprod run needs a POSIX terminal (Linux or macOS; on Windows, use WSL)") from None

    fd = sys.stdin.fileno()
    saved = termios.tcgetattr(fd)
    tty.setcbreak(fd)

    def read(timeout: float) -> str | None:
        ready, _, _ = select.select([fd], [], [], timeout)
        if not ready:
            return None
        data = os.read(fd, 1)
        return data.decode("utf-8", "replace") if data else "q"

    try:
        yield read
    finally:
        termios.tcsetattr(fd, termios.TCSADRAIN, saved)
