"""The projector page of `coprod run --display`: what participants may see, served on 127.0.0.1.

The standard library's ThreadingHTTPServer in a daemon thread is enough: one page and one
small JSON document, read by a handful of browsers on the same machine, and no dependency
or event loop to share with the terminal view. The page holds titles, times and the
participant `handout` text only: the data it is built from has no place for a note.
"""

from __future__ import annotations

import html
import json
import math
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib.resources import files
from typing import Any

from coprod_cli.live.state import LiveState
from coprod_cli.plan.durations import format_clock
from coprod_cli.schedule import Schedule

NEXT_ROWS = 3


def display_data(sched: Schedule, state: LiveState) -> dict[str, Any]:
    """The projector's state: participant-safe fields only (title, kind, handout, times)."""
    starts, _ = state.projection()
    current = None
    minutes = max(0, math.ceil(state.left / 60 - 1e-9))
    if state.current is not None and not state.ended:
        item = sched.items[state.current].item
        current = {
            "title": item.title,
            "kind": item.kind,
            "about": item.handout or "",
            # Whole minutes in words: "19:57" would read as a clock time. The room sees the time run
            # out, never a count of minutes over: that is the facilitator's to manage.
            "left": max(0, round(state.left)),
            "countdown": str(minutes) if minutes else "",
            "label": _label(minutes),
        }
    return {
        "workshop": sched.workshop.title,
        "clock": format_clock(int(state.now // 60)),
        "paused": state.paused,
        "ended": state.ended,
        "current": current,
        "next": [
            {"title": state.items[i].planned.title, "at": format_clock(int(starts[i] + 0.5))}
            for i in state.upcoming()[:NEXT_ROWS]
        ],
    }


def _label(minutes: int) -> str:
    if minutes == 0:
        return "Time to finish"
    return "minute left" if minutes == 1 else "minutes left"


def page(data: dict[str, Any]) -> str:
    """The page, filled in on the server too, so it shows before its script runs."""
    template = files("coprod_cli.live").joinpath("display.html").read_text(encoding="utf-8")
    current = data["current"] or {}
    fills = {
        "WORKSHOP": data["workshop"],
        "TITLE": current.get("title", "Starting soon" if not data["ended"] else "Thank you"),
        "COUNTDOWN": current.get("countdown", ""),
        "LABEL": current.get("label", ""),
        "CLOCK": data["clock"],
        "ABOUT": current.get("about", ""),
        "NEXT": "".join(
            f"<li><span class=at>{html.escape(n['at'])}</span> {html.escape(n['title'])}</li>" for n in data["next"]
        ),
    }
    for key, value in fills.items():
        template = template.replace(f"@{key}@", value if key == "NEXT" else html.escape(value))
    return template


class Display:
    """A small web server in a thread; `update` swaps in the newest state."""

    def __init__(self, data: dict[str, Any], port: int = 0) -> None:
        self.data = data
        display = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (the standard library's name)
                if self.path.startswith("/state.json"):
                    body, kind = json.dumps(display.data).encode("utf-8"), "application/json"
                elif self.path in ("/", "/index.html"):
                    body, kind = page(display.data).encode("utf-8"), "text/html; charset=utf-8"
                else:
                    self.send_error(404)
                    return
                self.send_response(200)
                self.send_header("Content-Type", kind)
                self.send_header("Cache-Control", "no-store")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: Any) -> None:  # quiet: the terminal is the live view
                return

        self.server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.2}, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/"

    def start(self) -> Display:
        self.thread.start()
        return self

    def update(self, data: dict[str, Any]) -> None:
        self.data = data

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)
