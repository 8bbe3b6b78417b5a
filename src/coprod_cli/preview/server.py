"""Serve the preview on 127.0.0.1 and rebuild it when the plan or a template changes.

Watching is watchfiles' (the Rust `notify` library: inotify, FSEvents, ReadDirectoryChangesW,
no polling loop of ours); reloading is a Server-Sent Events stream the pages listen to. The
server is the standard library's ThreadingHTTPServer: a few pages for a few browsers on the
same machine need nothing more.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

from coprod_cli.documents.index import INDEX
from coprod_cli.preview.site import EVENTS, Site, build_site, not_found

_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".ics": "text/calendar; charset=utf-8",
    ".md": "text/markdown; charset=utf-8",
    ".pdf": "application/pdf",
}
KEEPALIVE_SECONDS = 15.0


class Preview:
    """The current site and its version; rebuilding wakes every page waiting for a change."""

    def __init__(self, plan: Path, templates: Path | None):
        self.plan, self.templates = plan, templates
        self.version = 0
        self.changed = threading.Condition()
        self.stopping = threading.Event()
        self.watching = threading.Event()  # set once the watcher is in place: saves from then on count
        self.site: Site = build_site(plan, templates, self.version)

    def rebuild(self) -> None:
        with self.changed:
            version = self.version + 1
        site = build_site(self.plan, self.templates, version)
        with self.changed:
            self.site, self.version = site, version
            self.changed.notify_all()

    def wait(self, seen: int, timeout: float) -> int:
        """The version once it differs from `seen`, or the same after `timeout` seconds."""
        with self.changed:
            self.changed.wait_for(lambda: self.version != seen or self.stopping.is_set(), timeout)
            return self.version

    def watch(self, on_change: Callable[[], None] = lambda: None) -> None:
        """Rebuild on every save of the plan or a template, until `stopping` is set."""
        import watchfiles

        plan = self.plan.resolve()
        roots = [plan.parent] + ([self.templates.resolve()] if self.templates else [])

        def relevant(_change: watchfiles.Change, path: str) -> bool:
            where = Path(path)
            return where == plan or (self.templates is not None and where.is_relative_to(roots[-1]))

        for changes in watchfiles.watch(
            *roots,
            watch_filter=relevant,
            stop_event=self.stopping,
            raise_interrupt=False,
            debounce=200,
            rust_timeout=300,
            yield_on_timeout=True,  # an empty set now and then: the watcher is running
        ):
            if not changes:
                self.watching.set()
                continue
            self.rebuild()
            on_change()


def make_server(preview: Preview, host: str = "127.0.0.1", port: int = 8000) -> ThreadingHTTPServer:
    """An HTTP server for `preview` (not yet serving); port 0 picks a free one."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
            path = unquote(urlsplit(self.path).path)
            if path == EVENTS:
                self._events()
                return
            page = path.lstrip("/") or INDEX
            body = preview.site.pages.get(page)
            status = 200 if body is not None else 404
            kind = _TYPES.get(Path(page).suffix, "application/octet-stream") if body is not None else _TYPES[".html"]
            self._send(status, kind, body if body is not None else not_found(page))

        def _send(self, status: int, kind: str, body: bytes) -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)

        def _events(self) -> None:
            """Server-Sent Events: the current version now, then each new one (a comment keeps it open)."""
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            seen = preview.version
            try:
                self.wfile.write(f"data: {seen}\n\n".encode())
                self.wfile.flush()
                while not preview.stopping.is_set():
                    version = preview.wait(seen, KEEPALIVE_SECONDS)
                    self.wfile.write(f"data: {version}\n\n".encode() if version != seen else b": still here\n\n")
                    self.wfile.flush()
                    seen = version
            except (BrokenPipeError, ConnectionResetError):
                return  # the page was closed or reloaded

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - http.server's name
            """Quiet: a terminal full of GET lines helps nobody."""

    server = ThreadingHTTPServer((host, port), Handler)
    server.daemon_threads = True
    return server
