"""The manifest of a rendered folder and its journal: which hashes coprod wrote for each path.

The manifest is rewritten when a render ends; while it runs, each file's hash is appended to the
journal (fsynced, a batch at a time) before the file goes into place, so a render stopped at any
point leaves a record the next one reads. What each file was made from is kept with it
(documents/origin.py), in the journal too: after a `kill -9` the next render knows what a file
the killed render put in place was made from, and can tell it from one made from an older plan.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from coprod_cli.documents.origin import Origin, origins_json, read_origins
from coprod_cli.errors import RenderError
from coprod_cli.files import write_atomic

MANIFEST = ".coprod-manifest.json"
JOURNAL = ".coprod-journal"


@dataclass(frozen=True)
class Outcome:
    """What happened to one file or folder. `note` says more (the new version's path for new-beside;
    what the file was made from for superseded, older and older-sibling)."""

    path: str
    # written | unchanged | kept-edited | kept-foreign | overwritten | new-beside | stale | removed | retired
    # | outdated | superseded | older | older-sibling | beside-removed (documents/leftovers.py)
    status: str
    note: str = ""
    changed: str = ""  # for new-beside: why coprod's version differs from what the edited file was made from


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def beside(rel: str) -> str:
    """'01-intro/handout.html' -> '01-intro/handout.new.html'."""
    folder, _, name = rel.rpartition("/")
    stem, dot, ext = name.rpartition(".")
    new = f"{stem}.new.{ext}" if dot else f"{name}.new"
    return f"{folder}/{new}" if folder else new


def inside(out_dir: Path, rel: str) -> Path:
    """Where `rel` lands once links are followed; refused if that is outside `out_dir`."""
    root = os.path.realpath(out_dir)  # as Path.resolve, without a Path per parent for each file
    target = os.path.realpath(os.path.join(root, rel))
    if target != root and not target.startswith(os.path.join(root, "")):
        raise RenderError(f"'{rel}' would be written outside the output folder; refused")
    return Path(target)


class Record:
    """The manifest and its journal: which hashes coprod wrote for each path. `writing`: what this
    render's files are made from, journaled with their hashes."""

    def __init__(self, out_dir: Path, writing: Origin | None = None):
        self.out_dir = out_dir
        self.writing = writing
        self.last: dict[str, str] = {}  # the hash each path had when the last render finished
        self.made_from: dict[str, str] = {}  # path -> origin key; a path without one is of unknown origin
        self.origins: dict[str, Origin] = {}
        try:
            data = json.loads((out_dir / MANIFEST).read_text(encoding="utf-8"))
            files = data.get("files", {})
            if isinstance(files, dict):
                self.last = {str(k): str(v) for k, v in files.items()}
            self.made_from, self.origins = read_origins(data)
        except (OSError, ValueError, AttributeError):
            pass
        self.known: dict[str, set[str]] = {k: {v} for k, v in self.last.items()}
        self.now = dict(self.last)
        try:
            journal = (out_dir / JOURNAL).read_text(encoding="utf-8").splitlines()
        except (OSError, ValueError):
            journal = []
        self._journaled: dict[tuple[str, str], str] = {}  # (path, hash) -> origin key, from the journal
        for line in journal:
            try:  # the last line may be cut short by a crash
                self._read_entry(json.loads(line))
            except (ValueError, KeyError, TypeError, AttributeError):
                continue
        self._journal: int | None = None
        self._intents: list[str] = []
        self._folders: dict[str, str] = {}  # a folder under out_dir -> where it really is

    def inside(self, rel: str) -> Path:
        """Where `rel` lands, as `inside` says, with each folder's links followed once a run (a series
        writes thousands of files into a few folders); a file that is itself a link is followed too."""
        folder, _, name = rel.rpartition("/")
        if name in ("", ".", "..") or os.sep in name or (os.altsep and os.altsep in name):
            return inside(self.out_dir, rel)
        real = self._folders.get(folder)
        if real is None:
            real = self._folders[folder] = str(inside(self.out_dir, folder or "."))
        target = os.path.join(real, name)
        return inside(self.out_dir, rel) if os.path.islink(target) else Path(target)

    def _read_entry(self, entry: dict[str, object]) -> None:
        """One journal line: an origin (once per render), or a path with its hash and origin key."""
        if "path" not in entry:
            origin = Origin.from_json(entry["origin"])
            if origin is not None and origin.key == entry["key"]:
                self.origins[origin.key] = origin
            return
        rel, sha = str(entry["path"]), str(entry["sha256"])
        self.known.setdefault(rel, set()).add(sha)
        self.now[rel] = sha
        if isinstance(entry.get("origin"), str):
            self._journaled[rel, sha] = str(entry["origin"])

    def recover(self) -> None:
        """What the files a stopped render journaled were made from: the journal's origin when the
        file holds what it journaled, the manifest's when the file was not replaced, else unknown."""
        for rel, sha in self.now.items():
            if self.last.get(rel) == sha:
                continue
            path = os.path.join(self.out_dir, rel)
            current = digest(Path(path).read_bytes()) if os.path.isfile(path) else None
            key = self._journaled.get((rel, current)) if current else None
            if key in self.origins:
                self.made_from[rel] = key
            elif current is None or current != self.last.get(rel):
                self.made_from.pop(rel, None)

    def ours(self, rel: str, current: str) -> bool:
        return current in self.known.get(rel, ())

    def intend(self, rel: str, sha: str) -> None:
        """Note the hash a file is about to have (and what it is made from); `commit` makes the notes
        durable before it goes into place."""
        entry: dict[str, str] = {"path": rel, "sha256": sha}
        if self.writing is not None:
            if self._journal is None and not self._intents:  # the origin itself, once, before its first file
                self._intents.append(json.dumps({"key": self.writing.key, "origin": self.writing.to_json()}) + "\n")
            entry["origin"] = self.writing.key
        self._intents.append(json.dumps(entry) + "\n")
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
        self.made_from.pop(rel, None)

    def origin(self, rel: str) -> Origin | None:
        """What the file at `rel` was made from; None when unknown (written before origins were kept)."""
        key = self.made_from.get(rel)
        return self.origins.get(key) if key else None

    def made(self, rels: list[str], origin: Origin | None) -> None:
        """These files (in place now) are what `origin` makes; of unknown origin when it is None."""
        if origin is None:
            for rel in rels:
                self.made_from.pop(rel, None)
            return
        self.origins[origin.key] = origin
        self.made_from.update(dict.fromkeys(rels, origin.key))

    def save(self) -> None:
        """Rewrite the manifest atomically, then drop the journal it now contains."""
        payload = {
            "about": "Files coprod wrote, with their SHA-256 and what each was made from. "
            "Edited files are kept on re-render.",
            "files": dict(sorted(self.now.items())),
            **origins_json(self.now, self.made_from, self.origins),
        }
        write_atomic(self.out_dir / MANIFEST, json.dumps(payload, indent=2) + "\n")
        if self._journal is not None:
            os.close(self._journal)
            self._journal = None
        (self.out_dir / JOURNAL).unlink(missing_ok=True)
