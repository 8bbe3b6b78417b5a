"""`coprod preview` and out/index.html: the site in memory, the server's reload stream, and a real browser."""

from __future__ import annotations

import json
import os
import select
import shutil
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest
from helpers import EXAMPLES, run, write_tree

from coprod_cli.preview.server import Preview, make_server
from coprod_cli.preview.site import build_site

CARE = next(p for p in EXAMPLES if p.stem == "care-leavers")
TITLE = "\ntitle: Care Leavers Coproduction Project"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def test_render_writes_an_index_of_the_series_documents_and_findings(tmp_path: Path):
    assert run("render", "-p", str(CARE), "-o", str(tmp_path)).exit_code == 0
    index = (tmp_path / "index.html").read_text()
    for path in ("01-intro/handout.html", "01-intro/facilitator-script.md", "04-review/invite.ics", "calendar.ics"):
        assert f'href="{path}"' in index and (tmp_path / path).is_file()
    assert "An Introduction to Service Design" in index and "Monday 3 October 2016" in index
    assert "care-leavers.yaml, line 162 [timing.gap]" in index  # findings with their place in the plan
    one = tmp_path / "one"
    assert run("render", "-p", str(CARE), "-o", str(one), "-w", "intro").exit_code == 0
    assert not (one / "index.html").exists()  # one workshop is not the series


def test_the_site_is_every_html_document_with_a_reload_script(tmp_path: Path):
    site = build_site(CARE, None, version=7)
    assert site.ok and "01-intro/handout.html" in site.pages and "calendar.ics" in site.pages
    for path, body in site.pages.items():
        if path.endswith(".html"):
            assert b"var v=7;" in body and b"EventSource" in body, path
    write_tree(tmp_path, {"coprod.yaml": "title: T\nworkshops:\n  - title: W\n    start: 25:00\n"})
    broken = build_site(tmp_path / "coprod.yaml", None, version=0)
    assert not broken.ok and list(broken.pages) == ["index.html"]
    assert "coprod.yaml:4:12: workshops[0].start:" in broken.pages["index.html"].decode()


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode()


def test_server_serves_pages_and_announces_each_rebuild(tmp_path: Path):
    plan = write_tree(tmp_path, {"coprod.yaml": CARE.read_text()}) / "coprod.yaml"
    preview = Preview(plan, None)
    server = make_server(preview, port=0)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        assert "<h1>Care Leavers Coproduction Project</h1>" in _get(base)
        assert "EventSource" in _get(base + "01-intro/handout.html")
        with pytest.raises(urllib.error.HTTPError):
            _get(base + "../../etc/passwd")
        with urllib.request.urlopen(base + "_coprod/events", timeout=10) as stream:
            assert stream.readline() == b"data: 0\n"
            stream.readline()
            plan.write_text(CARE.read_text().replace(TITLE, "\ntitle: Renamed series", 1))
            preview.rebuild()
            assert stream.readline() == b"data: 1\n"
        assert "<h1>Renamed series</h1>" in _get(base)
    finally:
        preview.stopping.set()
        server.shutdown()
        server.server_close()


class _Browser:
    """Headless Chromium driven over the DevTools protocol on a pipe (no websocket library needed)."""

    def __init__(self, profile: Path):
        to_browser, self._write = os.pipe()
        self._read, from_browser = os.pipe()

        def wire() -> None:  # in the child: the protocol lives on fds 3 and 4
            os.dup2(to_browser, 3)
            os.dup2(from_browser, 4)

        flags = ["--headless", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe", f"--user-data-dir={profile}"]
        self.process = subprocess.Popen(
            [CHROMIUM, *flags, "about:blank"],
            pass_fds=(3, 4),
            preexec_fn=wire,  # noqa: PLW1509 - single-threaded at this point of the test
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(to_browser)
        os.close(from_browser)
        self._buffer, self._id, self.session = b"", 0, None

    def call(self, method: str, params: dict | None = None, timeout: float = 20) -> dict:
        self._id += 1
        message = {"id": self._id, "method": method, "params": params or {}}
        if self.session and not method.startswith("Target."):
            message["sessionId"] = self.session
        os.write(self._write, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            while b"\0" in self._buffer:
                raw, self._buffer = self._buffer.split(b"\0", 1)
                reply = json.loads(raw)
                if reply.get("id") == self._id:
                    return reply.get("result", {})
            if select.select([self._read], [], [], 0.5)[0]:
                self._buffer += os.read(self._read, 1 << 16)
        raise TimeoutError(method)

    def open(self, url: str) -> None:
        target = self.call("Target.createTarget", {"url": url})["targetId"]
        self.session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]

    def text(self, selector: str) -> str:
        expression = f"(document.querySelector({selector!r}) || {{}}).textContent || ''"
        result = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True})
        return str(result.get("result", {}).get("value", ""))

    def wait_for(self, selector: str, wanted: str, seconds: float = 20) -> str:
        deadline = time.monotonic() + seconds
        seen = ""
        while time.monotonic() < deadline:
            seen = self.text(selector)
            if wanted in seen:
                return seen
            time.sleep(0.2)
        raise AssertionError(f"{selector!r} never showed {wanted!r}; last saw {seen!r}")

    def close(self) -> None:
        self.process.kill()
        self.process.wait(timeout=10)
        os.close(self._write)
        os.close(self._read)


@pytest.mark.skipif(CHROMIUM is None or sys.platform == "win32", reason="needs Chromium")
def test_an_open_page_follows_the_plan_in_chromium(tmp_path: Path):
    plan = write_tree(tmp_path, {"coprod.yaml": CARE.read_text()}) / "coprod.yaml"
    server = subprocess.Popen(
        [sys.executable, "-m", "coprod_cli", "preview", "--port", "0", "-p", str(plan)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    browser = None
    try:
        line = server.stdout.readline() if server.stdout else ""
        assert "http://127.0.0.1:" in line, line + (server.stderr.read() if server.poll() is not None else "")
        url = line.split(" at ", 1)[1].split()[0]
        browser = _Browser(tmp_path / "profile")
        browser.open(url)
        browser.wait_for("h1", "Care Leavers Coproduction Project")
        time.sleep(0.5)  # the page's event stream is open
        plan.write_text(CARE.read_text().replace(TITLE, "\ntitle: Care Leavers, renamed", 1))
        browser.wait_for("h1", "Care Leavers, renamed")  # reloaded by itself: the test never navigates
        plan.write_text("title: Care Leavers, renamed\nworkshops:\n  - title: W\n    start: 25:00\n")
        browser.wait_for(".problems", "coprod.yaml:4:12: workshops[0].start:")
    finally:
        if browser is not None:
            browser.close()
        server.terminate()
        server.wait(timeout=10)
