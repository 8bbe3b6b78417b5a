"""`coprod run`, `coprod report` and `check --history` from the command line, in tmux and in Chromium."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import pytest
from helpers import ROOT, plan_text, run, write_tree
from rich.console import Console

from coprod_cli.cli.live_view import live_view
from coprod_cli.live.display import Display, display_data
from coprod_cli.live.events import Event
from coprod_cli.live.record import record_path, rehearsal_path
from coprod_cli.live.session import open_session
from coprod_cli.live.state import day_of
from coprod_cli.plan.loader import load_plan
from coprod_cli.schedule import schedule_plan

AGENDA = """
- {title: Welcome, kind: welcome, duration: 10m, notes: SECRET-NOTE, say: Hello all, handout: We say hello.}
- {use: dot-voting, flex: 5m}
- title: Two rooms
  kind: exercise
  tracks:
    - {group: Care leavers, where: Main room, agenda: [{title: Map your journey, duration: 20m}]}
    - {group: Staff, agenda: [{title: Map the services, duration: 10m}, {break: 10m}]}
- {title: Close, kind: closing, duration: 10m}
"""


def _plan(tmp_path: Path, agenda: str = AGENDA, **workshop: str) -> Path:
    fields = {"id": "day", "start": "10:00", "end": "11:00", **workshop}
    return write_tree(tmp_path, {"coprod.yaml": plan_text(agenda, **fields)}) / "coprod.yaml"


def _record(tmp_path: Path, plan: Path, presses: list[tuple[str, int, int | None]], rehearsal: bool = False) -> Path:
    loaded = load_plan(plan)
    sched = schedule_plan(loaded.plan)[0]
    path = (rehearsal_path if rehearsal else record_path)(plan, "day", "2026-01-01")
    day = day_of(sched, {"dot-voting": 15})
    session = open_session(path, sched.workshop, day, "2026-01-01", 36000, rehearsal)
    for kind, minute, item in presses:
        session.add(Event(kind, minute * 60.0, item=item))
    return path


def test_run_on_a_broken_plan_gives_the_usual_lines(tmp_path: Path):
    plan = write_tree(tmp_path, {"coprod.yaml": plan_text("- {title: A, duratoin: 5m}")}) / "coprod.yaml"
    result = run("run", "-p", str(plan))
    assert result.exit_code == 2 and "Traceback" not in result.stderr
    assert result.stderr.startswith(f"{plan}:") and "did you mean 'duration'" in result.stderr


def test_run_without_a_clock_time_says_so_on_one_line(tmp_path: Path):
    plan = write_tree(
        tmp_path, {"coprod.yaml": "title: S\nworkshops:\n  - title: W\n    agenda:\n      - {title: A, duration: 5m}\n"}
    )
    result = run("run", "-p", str(plan / "coprod.yaml") if plan.is_dir() else str(plan))
    assert result.exit_code == 2
    [line] = result.stderr.strip().splitlines()
    assert line.startswith(f"{tmp_path / 'coprod.yaml'}:3:") and "no start time" in line


@pytest.mark.parametrize(
    "args, words",
    [
        (["nope"], "there is no workshop 'nope'"),
        (["--now", "25:00"], "not a clock time"),
        (["--now", "1030"], "'1030' is not a clock time; write it with a colon, like 10:30"),
        ([], "needs a terminal"),
    ],
)
def test_run_refuses_what_it_cannot_do(tmp_path: Path, args: list[str], words: str):
    result = run("run", "-p", str(_plan(tmp_path)), *args)
    assert result.exit_code == 2 and words in result.stderr and "Traceback" not in result.stderr


def test_the_view_shows_the_clock_the_item_its_say_steps_tracks_and_the_replan(tmp_path: Path):
    plan = _plan(tmp_path)
    sched = schedule_plan(load_plan(plan).plan)[0]
    path = _record(tmp_path, plan, [("start", 600, 0), ("start", 612, 1), ("start", 629, 2)])
    from coprod_cli.live.session import Session

    session = Session(path, day_of(sched), [Event("start", 600 * 60, 0), Event("start", 636 * 60, 2)])
    console = Console(record=True, width=100)
    console.print(live_view(sched, session.state(640 * 60), "runs/x.jsonl", "http://127.0.0.1:1/"))
    text = console.export_text()
    assert "10:40:00" in text and "Two rooms" in text and "11 min behind · finish 11:06" in text
    assert "Re-plan: 6 min over" in text  # nothing left to shorten or drop: the close stays
    assert "Care leavers (Main room): Map your journey, 16:00 left" in text
    assert "Staff: Map the services, 6:00 left" in text
    assert "http://127.0.0.1:1/" in text and "q quit" in text
    console = Console(record=True, width=100)
    console.print(live_view(sched, session.state(600 * 60 + 30), "r", None))
    first = console.export_text()
    assert "Say: Hello all" not in first  # only once an item is current


@pytest.mark.parametrize("mode, online", [("hybrid", True), ("online", True), ("in-person", False)])
def test_the_view_shows_the_online_line_when_people_join_online_as_the_script_does(
    tmp_path: Path, mode: str, online: bool
):
    agenda = "- {title: Welcome, kind: welcome, duration: 10m, say: Hello all, online: Rename yourselves in Zoom.}"
    plan = _plan(tmp_path, agenda, mode=mode, venue="Hall", join="https://meet.example/x")
    sched = schedule_plan(load_plan(plan).plan)[0]
    from coprod_cli.live.session import Session

    session = Session(tmp_path / "r", day_of(sched), [Event("start", 600 * 60, 0)])
    console = Console(record=True, width=100)
    console.print(live_view(sched, session.state(601 * 60), "r", None))
    text = console.export_text()
    assert "Say: Hello all" in text
    assert ("Online: Rename yourselves in Zoom." in text) is online
    result = run("render", "scripts", "-f", "md", "-p", str(plan), "-o", str(tmp_path / "out"))
    assert result.exit_code in (0, 1), result.stderr
    script = (tmp_path / "out/01-day/facilitator-script.md").read_text()
    assert ("**Online:** Rename yourselves in Zoom." in script) is online  # the same rule as the script


def test_ahead_of_the_agenda_yet_finishing_late_says_which_is_which(tmp_path: Path):
    plan = _plan(tmp_path)
    sched = schedule_plan(load_plan(plan).plan)[0]
    from coprod_cli.live.session import Session

    # The welcome took 1 minute of its 10, then + was pressed 20 times on Dot voting.
    given = [Event("adjust", 601 * 60 + n, item=1, minutes=1) for n in range(20)]
    session = Session(tmp_path / "r", day_of(sched), [Event("start", 600 * 60, 0), Event("start", 601 * 60, 1), *given])

    def header(minute: int) -> str:
        console = Console(record=True, width=120)
        console.print(live_view(sched, session.state(minute * 60), "r", None, 120, 30))
        return console.export_text().splitlines()[0]

    assert "9 min ahead of the agenda · finish 11:06, 6 min past the booked end 11:00" in header(602)
    session.events[2:] = given[:3]  # 3 minutes given: still within the booking
    assert "9 min ahead · finish 10:49 (booked to 11:00)" in header(602)


def test_report_text_and_json(tmp_path: Path):
    plan = _plan(tmp_path)
    _record(tmp_path, plan, [("start", 600, 0), ("start", 612, 1), ("start", 634, 2), ("end", 660, None)])
    text = run("report", "-p", str(plan))
    assert text.exit_code == 0, text.stderr
    assert (
        "Dot voting" in text.stdout
        and "+7 min" in text.stdout
        and "Ran long: Welcome (+2 min), Dot voting (+7 min)" in text.stdout
    )
    assert "   Dot voting: planned 15 min, took 22 min\n" in text.stdout
    data = json.loads(run("report", "--format", "json", str(tmp_path / "runs")).stdout)
    [one] = data["runs"]
    assert one["actual_start"] == "10:00" and one["actual_end"] == "11:00"
    assert [i["actual_minutes"] for i in one["items"]] == [12.0, 22.0, 26.0, None]
    assert one["items"][3]["status"] == "not reached"
    assert {a["activity"]: a["average_minutes"] for a in data["activities"]}["dot-voting"] == 22.0


def test_report_says_a_run_quit_before_the_end_stopped_there(tmp_path: Path):
    """q ends the run: the report says when it stopped and where, not that it is still running."""
    plan = _plan(tmp_path)
    _record(tmp_path, plan, [("start", 632, 0), ("start", 642, 1), ("quit", 647, None)])
    text = run("report", "-p", str(plan))
    assert text.exit_code == 0, text.stderr
    assert "ran 10:32–10:47 (stopped before the end)" in text.stdout
    [dot] = [line for line in text.stdout.splitlines() if line.strip().startswith("Dot voting ")]
    assert dot.split()[2:] == ["15", "min", "5", "min", "stopped", "here"]
    assert "still running" not in text.stdout and "not finished" not in text.stdout
    [one] = json.loads(run("report", "-p", str(plan), "-f", "json").stdout)["runs"]
    assert one["actual_end"] == "10:47" and one["stopped_before_the_end"] is True
    assert one["items"][1]["status"] == "stopped" and one["items"][1]["actual_minutes"] == 5.0
    # Carried on after the quit (the same command again): running once more, until it ends.
    _record(tmp_path, plan, [("start", 650, 2)])
    again = run("report", "-p", str(plan))
    assert "ran 10:32–not finished" in again.stdout and "still running" in again.stdout
    assert "stopped" not in again.stdout


def test_report_says_how_long_an_item_ran_before_it_was_skipped_in_hours_and_minutes(tmp_path: Path):
    plan = _plan(tmp_path)
    _record(tmp_path, plan, [("start", 600, 0), ("skip", 618, 0), ("start", 949, 2), ("end", 950, None)])
    text = run("report", "-p", str(plan))
    assert text.exit_code == 0, text.stderr
    [welcome] = [line for line in text.stdout.splitlines() if line.strip().startswith("Welcome")]
    assert welcome.split()[1:] == ["10", "min", "18", "min", "then", "skipped", "(cut", "short)"]
    [dot] = [line for line in text.stdout.splitlines() if line.strip().startswith("Dot voting ")]
    assert "5h 31m" in dot and "+5h 16m" in dot and "Ran long: Welcome (+8 min), Dot voting (+5h 16m)" in text.stdout


def test_report_leaves_rehearsals_out_unless_asked_and_then_marks_them(tmp_path: Path):
    plan = _plan(tmp_path)
    presses: list[tuple[str, int, int | None]] = [("start", 600, 0), ("start", 612, 1), ("end", 620, None)]
    _record(tmp_path, plan, presses, rehearsal=True)
    alone = run("report", "-p", str(plan))  # nothing wrong with the command: only no real day yet
    assert alone.exit_code == 0 and alone.stderr == ""
    said = "No real run is recorded yet, only 1 rehearsal: `coprod report --rehearsals` shows it."
    assert " ".join(alone.stdout.split()) == said
    data = json.loads(run("report", "-p", str(plan), "-f", "json").stdout)
    assert data["runs"] == [] and data["rehearsals_left_out"] == 1
    _record(tmp_path, plan, [("start", 600, 0), ("start", 630, 1), ("end", 645, None)])
    text = run("report", "-p", str(plan))
    assert text.exit_code == 0, text.stderr
    assert "Workshop rehearsal" not in text.stdout and text.stdout.count("Workshop (2026-01-01") == 1
    assert "1 rehearsal left out; `coprod report --rehearsals` shows it." in text.stdout
    both = run("report", "-p", str(plan), "--rehearsals")
    assert both.exit_code == 0, both.stderr
    assert both.stdout.count("Workshop rehearsal (2026-01-01") == 1 and both.stdout.count("Workshop (2026-01-01") == 1
    assert "Each activity over 1 run\n" in both.stdout and "Welcome: planned 10 min, took 30 min" in both.stdout
    data = json.loads(run("report", "-p", str(plan), "--rehearsals", "--format", "json").stdout)
    assert sorted(r["rehearsal"] for r in data["runs"]) == [False, True] and data["rehearsals_left_out"] == 0
    assert json.loads(run("report", "-p", str(plan), "-f", "json").stdout)["rehearsals_left_out"] == 1
    named = run("report", str(tmp_path / "runs" / "rehearsals" / "2026-01-01-day-1.jsonl"))
    assert named.exit_code == 0 and "Workshop rehearsal" in named.stdout


def test_run_with_no_workshop_named_and_none_today_says_which_is_next(tmp_path: Path):
    plan = _plan(tmp_path, date="2099-01-05")
    result = run("run", "-p", str(plan))
    assert result.exit_code == 2 and "Traceback" not in result.stderr
    [line] = result.stderr.strip().splitlines()
    assert "no workshop in the plan is today" in line and "the next is 'Workshop' on Monday, 5 January 2099" in line
    assert "coprod run day --now 10:00" in line
    rehearse = run("run", "-p", str(plan), "--now", "10:00")  # a rehearsal of the next one is fine
    assert rehearse.exit_code == 2 and "needs a terminal" in rehearse.stderr
    assert not (tmp_path / "runs").exists()


def test_report_without_records_or_with_a_broken_one(tmp_path: Path):
    plan = _plan(tmp_path)
    none = run("report", "-p", str(plan))
    assert none.exit_code == 2 and "no run records" in none.stderr
    _record(tmp_path, plan, [])  # opened and closed before the first item: no record at all
    assert not (tmp_path / "runs").exists()
    bad = write_tree(tmp_path, {"runs/x.jsonl": "{\n"}) / "runs" / "x.jsonl"
    broken = run("report", str(bad))
    assert broken.exit_code == 2 and broken.stderr.startswith(f"{bad}:1:1:")


def _unbegun_record(plan: Path, name: str) -> Path:
    """A record as coprod wrote them before a run that began nothing left none: a header, open, quit."""
    from coprod_cli.live.record import append, header

    sched = schedule_plan(load_plan(plan).plan)[0]
    path = plan.parent / "runs" / name
    append(path, header("day", "Workshop", "2026-11-25", day_of(sched)), create=True)
    for event in (Event("open", 36000), Event("quit", 36005)):
        append(path, event.to_dict())
    return path


def test_report_leaves_out_a_record_in_which_nothing_began_and_says_so(tmp_path: Path):
    plan = _plan(tmp_path)
    empty = _unbegun_record(plan, "2026-11-25-day.jsonl")
    alone = run("report", "-p", str(plan))
    assert alone.exit_code == 2 and "Traceback" not in alone.stderr
    assert alone.stderr.strip() == (
        f"{empty}: nothing was started in this run (opened, then quit before the first item), "
        "so there is no run to report yet"
    )
    _record(tmp_path, plan, [("start", 600, 0), ("start", 612, 1), ("end", 620, None)])
    text = run("report", "-p", str(plan))
    assert text.exit_code == 0, text.stderr
    assert text.stdout.count("Workshop (2026-") == 1 and "2026-11-25" not in text.stdout.split("Left out")[0]
    said = "".join(text.stdout.split())  # rich wraps the long path anywhere
    line = f"Left out {empty}, as nothing was started in it (opened, then quit before the first item)."
    assert said.endswith("".join(line.split()))
    data = json.loads(run("report", "-p", str(plan), "-f", "json").stdout)
    assert len(data["runs"]) == 1 and data["not_begun_left_out"] == [str(empty)]
    _unbegun_record(plan, "2026-11-26-day.jsonl")
    two = run("report", "-p", str(plan))
    assert " ".join(two.stdout.split()).endswith(
        "Left out 2 records in which nothing was started (opened, then quit before the first item)."
    )
    (tmp_path / "runs" / "2026-01-01-day.jsonl").rename(tmp_path / "runs" / "real.jsonl.bak")
    _record(tmp_path, plan, [("start", 600, 0)], rehearsal=True)
    only = run("report", "-p", str(plan))
    assert only.exit_code == 0 and only.stderr == ""
    assert " ".join(only.stdout.split()) == (
        "No real run is recorded yet, only 1 rehearsal: `coprod report --rehearsals` shows it. "
        "Left out 2 records in which nothing was started (opened, then quit before the first item)."
    )


def test_report_says_what_a_difference_is_against_when_a_length_changed_on_the_day(tmp_path: Path):
    plan = _plan(tmp_path)
    sched = schedule_plan(load_plan(plan).plan)[0]
    path = record_path(plan, "day", "2026-01-01")
    session = open_session(path, sched.workshop, day_of(sched, {"dot-voting": 15}), "2026-01-01", 36000)
    session.add(Event("start", 600 * 60, item=0))
    session.add(Event("accept", 612 * 60, cuts={1: 5}))  # Dot voting: 15 -> 10 min
    session.add(Event("start", 612 * 60, item=1))
    session.add(Event("start", 620 * 60, item=2))  # it took 8: 2 under its 10, not 7 under the 15
    session.add(Event("end", 650 * 60))
    text = run("report", "-p", str(plan))
    assert text.exit_code == 0, text.stderr
    lines = text.stdout.splitlines()
    [head] = [x for x in lines if x.strip().startswith("item")]
    assert head.split() == ["item", "planned", "took", "difference"]
    [dot] = [x for x in lines if x.strip().startswith("Dot voting ")]
    assert dot.split()[2:] == ["15", "→", "10", "min", "8", "min", "-2", "min", "against", "10", "min"]
    [welcome] = [x for x in lines if x.strip().startswith("Welcome ")]
    assert welcome.split()[1:] == ["10", "min", "12", "min", "+2", "min"]
    assert "Ran short: Dot voting (-2 min against 10 min)" in text.stdout
    data = json.loads(run("report", "-p", str(plan), "-f", "json").stdout)
    assert data["runs"][0]["items"][1]["difference_minutes"] == -2


def test_check_history_warns_where_a_length_always_ran_over(tmp_path: Path):
    plan = _plan(tmp_path)
    for n in range(2):
        _record(tmp_path, plan, [("start", 600, 0), ("start", 610, 1), ("start", 632, 2)]).rename(
            tmp_path / "runs" / f"run{n}.jsonl"
        )
    result = run("check", "timings", "-p", str(plan), "--history", str(tmp_path / "runs"), "--format", "json")
    [finding] = [f for f in json.loads(result.stdout)["findings"] if f["code"] == "timing.history"]
    assert (
        finding["severity"] == "warning"
        and finding["item"] == 1
        and "22 min on average over 2 runs" in finding["message"]
    )
    plain = run("check", "timings", "-p", str(plan), "--format", "json")
    assert "timing.history" not in plain.stdout


def _wait(predicate, seconds: float = 10.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.1)
    return False


@contextmanager
def _tmux(tmp_path: Path, args: str, tag: str = ""):
    """`coprod run ARGS` in a tmux pane of 100x40; yields (screen, press); the pane is always closed."""
    # The tmux server is shared: another test run at the same time must not meet this session's name.
    name = f"coprod-{os.getpid()}-{tag}{tmp_path.name}"[:60]
    command = f"{sys.executable} -m coprod_cli run {args}"
    start = ["tmux", "new-session", "-d", "-s", name, "-x", "100", "-y", "40", command]
    # A server whose last session has just ended may still be shutting down: try again a moment later.
    assert _wait(lambda: subprocess.run(start, capture_output=True, timeout=10).returncode == 0, 3)

    def screen() -> str:
        return subprocess.run(
            ["tmux", "capture-pane", "-p", "-t", name], capture_output=True, text=True, timeout=5
        ).stdout

    def press(key: str) -> None:
        subprocess.run(["tmux", "send-keys", "-t", name, key], check=True, timeout=5)

    try:
        yield screen, press
    finally:
        subprocess.run(["tmux", "kill-session", "-t", name], capture_output=True, timeout=5)


@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
def test_in_tmux_three_nexts_make_three_item_starts(tmp_path: Path):
    plan = _plan(tmp_path)
    record = tmp_path / "run.jsonl"
    with _tmux(tmp_path, f"-p {plan} --now 10:00 --speed 10 --record {record}") as (screen, press):
        assert _wait(lambda: "Press n to begin" in screen()), screen()
        for count in range(1, 4):
            press("n")
            assert _wait(lambda c=count: record.exists() and record.read_text().count('"type": "start"') == c)
        press("q")
        assert _wait(lambda: '"quit"' in record.read_text())
    events = [json.loads(line) for line in record.read_text().splitlines()[1:]]
    assert [e.get("item") for e in events if e["type"] == "start"] == [0, 1, 2]


@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
def test_in_tmux_a_real_run_after_a_rehearsal_starts_afresh(tmp_path: Path):
    plan = _plan(tmp_path, date="2099-01-05")
    today = dt.date.today().isoformat()
    rehearsal = tmp_path / "runs" / "rehearsals" / f"{today}-day-1.jsonl"
    with _tmux(tmp_path, f"-p {plan} --now 10:00 --speed 30", "r") as (screen, press):
        assert _wait(lambda: "Press n to begin" in screen()), screen()
        assert screen().startswith("REHEARSAL 10:0")
        press("n")
        assert _wait(lambda: rehearsal.exists() and '"start"' in rehearsal.read_text())
        press("q")
        assert _wait(lambda: '"quit"' in rehearsal.read_text())
    real = tmp_path / "runs" / f"{today}-day.jsonl"
    with _tmux(tmp_path, f"-p {plan} day", "d") as (screen, press):
        assert _wait(lambda: "Press n to begin 'Welcome' (planned 10:00)" in screen()), screen()
        text = " ".join(screen().replace("│", " ").split())
        assert "REHEARSAL" not in text and "over its time" not in text
        assert "is planned for Monday, 5 January 2099, not today: this is a real run" in text
        press("q")  # an accidental real run, quit before anything started, leaves no record
        assert _wait(lambda: screen() == "")  # the program has ended and its pane closed
    assert not real.exists()
    with _tmux(tmp_path, f"-p {plan} day", "e") as (screen, press):
        assert _wait(lambda: "Press n to begin" in screen()), screen()
        press("n")
        assert _wait(lambda: real.exists() and '"start"' in real.read_text())
        press("q")
        assert _wait(lambda: '"quit"' in real.read_text())
    assert json.loads(real.read_text().splitlines()[0])["rehearsal"] is False
    assert [json.loads(line)["type"] for line in real.read_text().splitlines()[1:]] == ["open", "start", "quit"]
    assert json.loads(rehearsal.read_text().splitlines()[0])["rehearsal"] is True


CHROMIUM = Path("/usr/bin/chromium")


@pytest.mark.skipif(not CHROMIUM.exists(), reason="Chromium is not installed")
def test_projector_page_in_chromium_shows_the_activity_and_no_note(tmp_path: Path):
    plan = _plan(tmp_path)
    sched = schedule_plan(load_plan(plan).plan)[0]
    path = _record(tmp_path, plan, [("start", 600, 0)])
    from coprod_cli.live.session import Session

    state = Session(path, day_of(sched), [Event("start", 600 * 60, 0)]).state(603 * 60)
    display = Display(display_data(sched, state)).start()
    try:
        shot = tmp_path / "display.png"
        args = [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=3000"]
        args += [f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1280,720", f"--screenshot={shot}"]
        dom = subprocess.run([*args, "--dump-dom", display.url], capture_output=True, text=True, timeout=60).stdout
    finally:
        display.stop()
    assert shot.exists() and shot.stat().st_size > 5000
    assert (
        "Welcome" in dom and "We say hello." in dom and ">7<" in dom and "minutes left" in dom and "Dot voting" in dom
    )
    assert "SECRET" not in dom and "Hello all" not in dom


def test_run_and_report_are_listed_in_workflow_order():
    result = run("--help")
    names = [line.split()[0] for line in result.stdout.splitlines() if line.startswith("  ") and line.split()]
    order = [n for n in names if n in ("check", "render", "run", "report", "library")]
    assert order == ["check", "render", "run", "report", "library"]
    assert (ROOT / "src" / "coprod_cli" / "live" / "display.html").exists()


def test_the_view_fits_a_small_terminal_with_the_replan_on_it(tmp_path: Path):
    plan = _plan(tmp_path)
    sched = schedule_plan(load_plan(plan).plan)[0]
    from coprod_cli.live.session import Session

    session = Session(tmp_path / "r", day_of(sched), [Event("start", 600 * 60, 0)])
    console = Console(record=True, width=80, height=24)
    console.print(live_view(sched, session.state(620 * 60), "runs/x.jsonl", None, 80, 24))
    lines = console.export_text().splitlines()
    assert len(lines) <= 24 and "Re-plan: take 5 min from Dot voting" in lines[1]
    assert lines[-2].startswith("n next") and lines[-1] == "record: runs/x.jsonl"


def test_the_workshop_to_run_is_named_or_todays_or_the_next():
    import datetime as dt

    from coprod_cli.errors import UsageError
    from coprod_cli.live.session import choose_workshop
    from coprod_cli.plan.models import Workshop

    days = [Workshop(title="A", id="a", date=dt.date(2030, 1, d)) for d in (1, 8, 15)]
    assert choose_workshop(days, None, dt.date(2030, 1, 8)) == 1
    assert choose_workshop(days, None, dt.date(2030, 1, 9), rehearsal=True) == 2
    assert choose_workshop(days, "a", dt.date(2030, 1, 9)) == 0
    # None today: a real run does not start the next one as if it were today's.
    with pytest.raises(UsageError) as error:
        choose_workshop(days, None, dt.date(2030, 1, 9))
    assert "no workshop in the plan is today (Wednesday, 9 January 2030); the next is 'A' on Tuesday" in str(
        error.value
    )
    assert "Rehearse it: coprod run a --now 10:00" in str(error.value)
    assert choose_workshop([Workshop(title="Undated", id="u")], None, dt.date(2030, 1, 9)) == 0
    with pytest.raises(UsageError, match="name one"):
        choose_workshop(days, None, dt.date(2030, 2, 1))
