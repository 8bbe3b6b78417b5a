"""The record of a run: `runs/DATE-ID.jsonl` beside the plan, one JSON object a line.

The first line says which plan and workshop, whether it is a rehearsal, and the items as
planned (so a report needs no plan); every later line is an event. A rehearsal (a run on a
clock of its own, `--now` or `--speed`) is kept apart, in `runs/rehearsals/`, so a real run
never carries on from one and a report of the real days leaves it out. Each line is fsynced as it is written, so a crash
loses at most the key press being made; a torn last line is ignored when reading.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from coprod_cli.errors import UsageError
from coprod_cli.live.events import Event
from coprod_cli.live.state import Day, PlannedItem

VERSION = 1
REHEARSALS = "rehearsals"  # the folder under runs/ that keeps rehearsals apart from the real days


@dataclass
class Run:
    """A record read back: where it is, the day as planned, and the events so far."""

    path: Path
    workshop: str
    title: str
    date: str
    day: Day
    events: list[Event] = field(default_factory=list)
    rehearsal: bool = False


def record_path(plan_file: Path, workshop_id: str, date: str) -> Path:
    return plan_file.parent / "runs" / f"{date}-{workshop_id}.jsonl"


def rehearsal_path(plan_file: Path, workshop_id: str, date: str) -> Path:
    """A new file for each rehearsal: `runs/rehearsals/DATE-ID-N.jsonl`, N the first number not yet used.

    Only a suggestion until the record is created (`create`): another rehearsal started meanwhile
    may take it, and then this one takes the next number."""
    folder = plan_file.parent / "runs" / REHEARSALS
    number = 1
    while (folder / f"{date}-{workshop_id}-{number}.jsonl").exists():
        number += 1
    return folder / f"{date}-{workshop_id}-{number}.jsonl"


def _next_name(path: Path) -> Path:
    """'DATE-ID-1.jsonl' -> 'DATE-ID-2.jsonl'; a name without a number gets '-2'."""
    stem, dash, number = path.stem.rpartition("-")
    if dash and number.isdigit():
        return path.with_name(f"{stem}-{int(number) + 1}{path.suffix}")
    return path.with_name(f"{path.stem}-2{path.suffix}")


def create(path: Path, head: dict[str, Any], numbered: bool = False) -> Path:
    """Start a record with its header, never over another file, and return where it went.

    Two runs opened at once were offered the same free name; the one that starts an item second
    finds the file made. A `numbered` record (a rehearsal's) then takes the next free number, so
    both are kept; a real run's record is one a day, so the later run is told to carry on from it.
    """
    for _ in range(10_000):  # bounded: a folder with thousands of rehearsals of one day is not real
        try:
            append(path, head, create=True)
            return path
        except FileExistsError:
            if not numbered:
                raise UsageError(
                    f"{path}: another coprod run of this workshop started recording here at the same time, "
                    "so this one stopped; carry on in the other (or quit it, then run the same command again)"
                ) from None
            path = _next_name(path)
    raise UsageError(f"{path.parent}: no free name for a new rehearsal's record; move some of them aside")


def header(workshop_id: str, title: str, date: str, day: Day, rehearsal: bool = False) -> dict[str, Any]:
    return {
        "coprod_run": VERSION,
        "workshop": workshop_id,
        "title": title,
        "date": date,
        "rehearsal": rehearsal,
        "start": day.start,
        "planned_end": day.planned_end,
        "deadline": day.deadline,
        "items": [p.to_dict() for p in day.items],
    }


def append(path: Path, data: dict[str, Any], create: bool = False) -> None:
    """Add one line and make sure it is on the disk before the next key press.

    Only the header creates the file (and never over another); an event for a record that
    has gone is an error rather than the start of a record with no header.
    """
    if create:
        path.parent.mkdir(parents=True, exist_ok=True)
    line = json.dumps(data, ensure_ascii=False) + "\n"
    flags = os.O_WRONLY | os.O_APPEND | (os.O_CREAT | os.O_EXCL if create else 0)
    fd = os.open(path, flags, 0o666)
    try:
        os.write(fd, line.encode("utf-8"))
        os.fsync(fd)
    finally:
        os.close(fd)
    if create and hasattr(os, "O_DIRECTORY"):  # the new file's name must survive a crash too
        folder = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)


def heal(path: Path) -> None:
    """Cut a torn last line (a crash while writing it) so the next event starts a line of its own."""
    data = path.read_bytes()
    if data and not data.endswith(b"\n"):
        with path.open("r+b") as handle:
            handle.truncate(data.rfind(b"\n") + 1)
            handle.flush()
            os.fsync(handle.fileno())


def read_run(path: Path) -> Run:
    """A record file, checked line by line; a problem is one `FILE:LINE:1: what` line (exit 2)."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UsageError(f"{path}: there is no run record here; `coprod run` writes them in runs/") from None
    except UnicodeDecodeError:
        raise UsageError(f"{path}:1:1: this is not a run record (not UTF-8 text)") from None
    lines = text.split("\n")
    torn = not text.endswith("\n")  # a crash while writing the last line
    rows: list[tuple[int, Any]] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            rows.append((number, json.loads(line)))
        except json.JSONDecodeError:
            if torn and number == len(lines):
                continue
            raise UsageError(f"{path}:{number}:1: this line is not JSON; was the record edited by hand?") from None
    if not rows:
        raise UsageError(f"{path}:1:1: the record is empty")
    number, head = rows[0]
    try:
        run = _run_from_header(path, head)
    except (KeyError, TypeError, ValueError) as err:
        raise UsageError(f"{path}:{number}:1: this is not the start of a coprod run record ({err})") from None
    for number, data in rows[1:]:
        try:
            run.events.append(Event.from_dict(data))
        except ValueError as err:
            raise UsageError(f"{path}:{number}:1: {err}") from None
    return run


def _run_from_header(path: Path, head: Any) -> Run:
    if not isinstance(head, dict) or head.get("coprod_run") != VERSION:
        raise ValueError(f"no 'coprod_run: {VERSION}'")
    items = tuple(PlannedItem.from_dict(d) for d in head["items"])
    day = Day(int(head["start"]), int(head["planned_end"]), int(head["deadline"]), items)
    rehearsal = head.get("rehearsal", False)  # records from before rehearsals were marked: real runs
    if not isinstance(rehearsal, bool):
        raise ValueError("'rehearsal' should be true or false")
    return Run(path, str(head["workshop"]), str(head.get("title", "")), str(head.get("date", "")), day, [], rehearsal)
