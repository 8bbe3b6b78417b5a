"""The manifest of a rendered folder and its journal: which hashes coprod wrote for each path.

The manifest is rewritten when a render ends; while it runs, each file's hash is appended to the
journal (fsynced, a batch at a time) before the file goes into place, so a render stopped at any
point leaves a record the next one reads. The plan's line hashes let a later render say which
lines changed since.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import os
from collections.abc import Iterable
from pathlib import Path

from coprod_cli.files import write_atomic

MANIFEST = ".coprod-manifest.json"
JOURNAL = ".coprod-journal"


def _line_hashes(lines: Iterable[str]) -> list[str]:
    """Short hashes of the plan's lines: enough to say which lines changed, without a copy of the plan."""
    return [hashlib.sha256(line.encode("utf-8")).hexdigest()[:10] for line in lines]


def plan_changes(before: list[str], now: list[str], limit: int = 3) -> str:
    """Which lines of the current plan differ from the plan of the last render, the first one quoted."""
    changed: list[str] = []
    first = ""
    for tag, _i1, _i2, j1, j2 in difflib.SequenceMatcher(a=before, b=_line_hashes(now), autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        if j1 == j2:
            changed.append(f"lines removed before line {j1 + 1}")
            continue
        changed.append(f"line {j1 + 1}" if j2 - j1 == 1 else f"lines {j1 + 1}-{j2}")
        if not first:
            quoted = now[j1].strip()
            first = f" ('{quoted[:57]}...')" if len(quoted) > 60 else f" ('{quoted}')"
    if not changed:
        return "the plan is the same, but the templates or coprod changed"
    shown = changed[0] + first + "".join(f", {c}" for c in changed[1:limit])
    more = f" and {len(changed) - limit} more" if len(changed) > limit else ""
    return f"the plan changed at {shown}{more}"


class Record:
    """The manifest and its journal: which hashes coprod wrote for each path."""

    def __init__(self, out_dir: Path):
        self.out_dir = out_dir
        self.last: dict[str, str] = {}  # the hash each path had when the last render finished
        self.plan_lines: list[str] = []
        try:
            data = json.loads((out_dir / MANIFEST).read_text(encoding="utf-8"))
            files = data.get("files", {})
            if isinstance(files, dict):
                self.last = {str(k): str(v) for k, v in files.items()}
            lines = data.get("plan_lines", [])
            self.plan_lines = [str(x) for x in lines] if isinstance(lines, list) else []
        except (OSError, ValueError, AttributeError):
            pass
        self.known: dict[str, set[str]] = {k: {v} for k, v in self.last.items()}
        self.now = dict(self.last)
        try:
            journal = (out_dir / JOURNAL).read_text(encoding="utf-8").splitlines()
        except (OSError, ValueError):
            journal = []
        for line in journal:
            try:  # the last line may be cut short by a crash
                entry = json.loads(line)
                self.known.setdefault(str(entry["path"]), set()).add(str(entry["sha256"]))
                self.now[str(entry["path"])] = str(entry["sha256"])
            except (ValueError, KeyError, TypeError):
                continue
        self._journal: int | None = None
        self._intents: list[str] = []

    def ours(self, rel: str, current: str) -> bool:
        return current in self.known.get(rel, ())

    def intend(self, rel: str, sha: str) -> None:
        """Note the hash a file is about to have; `commit` makes the notes durable before it goes into place."""
        self._intents.append(json.dumps({"path": rel, "sha256": sha}) + "\n")
        self.known.setdefault(rel, set()).add(sha)

    def commit(self) -> None:
        """Append the noted hashes to the journal and fsync it once, so a crash cannot lose them."""
        if self._journal is None:
            self.out_dir.mkdir(parents=True, exist_ok=True)
            self._journal = os.open(self.out_dir / JOURNAL, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o666)
        data = memoryview("".join(self._intents).encode("utf-8"))
        while data:
            data = data[os.write(self._journal, data) :]
        os.fsync(self._journal)
        self._intents.clear()

    def forget(self, rel: str) -> None:
        self.now.pop(rel, None)
        self.known.pop(rel, None)

    def save(self, plan_lines: list[str] | None) -> None:
        """Rewrite the manifest atomically, then drop the journal it now contains."""
        payload = {
            "about": "Files coprod wrote, with their SHA-256. Edited files are kept on re-render.",
            "files": dict(sorted(self.now.items())),
            "plan_lines": _line_hashes(plan_lines) if plan_lines is not None else self.plan_lines,
        }
        write_atomic(self.out_dir / MANIFEST, json.dumps(payload, indent=2) + "\n")
        if self._journal is not None:
            os.close(self._journal)
            self._journal = None
        (self.out_dir / JOURNAL).unlink(missing_ok=True)
