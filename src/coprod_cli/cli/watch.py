"""Watching a plan: call back each time the file is saved, until Ctrl+C (or a stop event)."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path


def watch_plan(plan: Path, on_save: Callable[[], object], stop: threading.Event | None = None) -> None:
    """Call `on_save` after each save of `plan`, until Ctrl+C or `stop` is set.

    The folder is watched, not the file, because editors often save by writing a new file and
    renaming it over the old one; only changes to the plan itself count.
    """
    from watchfiles import watch

    from coprod_cli.cli.output import print_note

    # watchfiles logs "KeyboardInterrupt caught, stopping watch" on Ctrl+C: ours is the plain word
    logging.getLogger("watchfiles.main").setLevel(logging.ERROR)
    target = plan.resolve()
    print_note(f"watching {plan} for changes; press Ctrl+C to stop")
    for _changes in watch(
        target.parent,
        watch_filter=lambda _change, path: Path(path) == target,
        stop_event=stop,
        raise_interrupt=False,
        debounce=50,  # an editor's write-then-rename is one save
        step=10,
        rust_timeout=200,  # how often to look at `stop` when nothing changes
    ):
        if target.exists():
            on_save()
    if stop is None or not stop.is_set():
        print_note("stopped watching")
