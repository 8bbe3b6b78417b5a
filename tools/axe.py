"""Check HTML documents for WCAG 2.1 A/AA problems with axe-core in headless Chromium.

    python tools/axe.py                 # render every example to a temporary folder and check it
    python tools/axe.py out/            # check the .html files under a folder (or name files)

axe-core comes from npm (`npm install axe-core` into ~/.cache/coprod/axe, once); the browser is
Debian's /usr/bin/chromium (or $CHROMIUM), driven over the DevTools protocol through a pipe, so
nothing else is needed. Prints every violation with the elements it found; exits 1 if any,
2 if chromium, npm or axe-core cannot be had.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

AXE_VERSION = "4"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "coprod" / "axe"
ROOT = Path(__file__).resolve().parent.parent


def axe_source() -> str:
    """axe.min.js from the npm package, installed into the cache the first time."""
    script = CACHE / "node_modules" / "axe-core" / "axe.min.js"
    if not script.is_file():
        npm = shutil.which("npm")
        if npm is None:
            raise SystemExit("axe: npm is not installed (Debian: apt install npm)")
        CACHE.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [npm, "install", "--no-save", "--no-audit", "--no-fund", "--prefix", str(CACHE), f"axe-core@{AXE_VERSION}"],
            check=True,
            capture_output=True,
            timeout=300,
        )
    return script.read_text(encoding="utf-8")


class Browser:
    """Headless Chromium spoken to over --remote-debugging-pipe (fd 3 in, fd 4 out)."""

    def __init__(self) -> None:
        exe = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
        if exe is None:
            raise SystemExit("axe: chromium is not installed (Debian: apt install chromium)")
        self.profile = tempfile.TemporaryDirectory(prefix="coprod-axe-")
        to_chrome, self._in = os.pipe()
        self._out, from_chrome = os.pipe()

        def fds() -> None:
            os.dup2(to_chrome, 3)
            os.dup2(from_chrome, 4)

        self.proc = subprocess.Popen(
            [
                exe,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--remote-debugging-pipe",
                "--allow-file-access-from-files",
                f"--user-data-dir={self.profile.name}",
                "about:blank",
            ],
            preexec_fn=fds,  # noqa: PLW1509 - the child needs the pipe ends on fds 3 and 4
            pass_fds=(3, 4),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(to_chrome)
        os.close(from_chrome)
        self._buffer = b""
        self._id = 0
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]

    def call(self, method: str, params: dict | None = None, session: str | None = None) -> dict:
        """Send one command and wait for its answer (events in between are skipped)."""
        self._id += 1
        message: dict = {"id": self._id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._in, json.dumps(message).encode() + b"\0")
        for _ in range(100_000):  # bounded: an answer comes, or chromium died and read returns b""
            while b"\0" not in self._buffer:
                chunk = os.read(self._out, 1 << 20)
                if not chunk:
                    raise SystemExit("axe: chromium stopped answering")
                self._buffer += chunk
            raw, self._buffer = self._buffer.split(b"\0", 1)
            answer = json.loads(raw)
            if answer.get("id") == self._id:
                if "error" in answer:
                    raise SystemExit(f"axe: {method}: {answer['error'].get('message')}")
                return answer.get("result", {})
        raise SystemExit(f"axe: no answer to {method}")

    def evaluate(self, expression: str) -> object:
        result = self.call(
            "Runtime.evaluate",
            {"expression": expression, "awaitPromise": True, "returnByValue": True},
            self.session,
        )
        if "exceptionDetails" in result:
            raise SystemExit(f"axe: script error: {result['exceptionDetails'].get('text')}")
        return result["result"].get("value")

    def open(self, path: Path) -> None:
        self.call("Page.enable", session=self.session)
        self.call("Page.navigate", {"url": path.resolve().as_uri()}, self.session)
        for _ in range(200):
            if self.evaluate("document.readyState") == "complete":
                return
        raise SystemExit(f"axe: {path} did not load")

    def close(self) -> None:
        with contextlib.suppress(SystemExit):
            self.call("Browser.close")
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        self.profile.cleanup()


RUN = """
axe.run(document, {runOnly: {type: 'tag', values: %s}}).then(r => r.violations.map(v => ({
  id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(' '))
})))
"""


def check(files: list[Path]) -> dict[str, list[dict]]:
    """{file: violations} for each HTML file."""
    source = axe_source()
    browser = Browser()
    try:
        found = {}
        for path in files:
            browser.open(path)
            browser.evaluate(source)
            found[str(path)] = browser.evaluate(RUN % json.dumps(TAGS))
        return found
    finally:
        browser.close()


def render_examples(folder: Path) -> list[Path]:
    """Every example rendered to HTML, as a new user would get it."""
    for example in sorted((ROOT / "examples").glob("*.yaml")):
        subprocess.run(
            [
                sys.executable,
                "-m",
                "coprod_cli",
                "render",
                "-f",
                "html",
                "-p",
                str(example),
                "-o",
                str(folder / example.stem),
            ],
            check=False,  # a plan with errors still writes its (draft) documents
            capture_output=True,
        )
    return sorted(folder.rglob("*.html"))


def main(argv: list[str]) -> int:
    with tempfile.TemporaryDirectory(prefix="coprod-axe-out-") as tmp:
        files: list[Path] = []
        for arg in argv:
            path = Path(arg)
            files += sorted(path.rglob("*.html")) if path.is_dir() else [path]
        if not argv:
            files = render_examples(Path(tmp))
        if not files:
            print("axe: no HTML files to check", file=sys.stderr)
            return 2
        results = check(files)
    total = 0
    for path, violations in results.items():
        for v in violations:
            total += 1
            print(f"{path}: {v['id']} ({v['impact']}): {v['help']}")
            for node in v["nodes"][:5]:
                print(f"    {node}")
    print(f"axe-core, WCAG 2.1 A and AA: {total} violations in {len(results)} HTML documents")
    return 1 if total else 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except SystemExit as stop:
        if isinstance(stop.code, str):
            print(stop.code, file=sys.stderr)
            sys.exit(2)
        raise
