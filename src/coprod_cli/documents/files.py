"""Putting rendered documents on disk: the manifest, its journal, the folder lock, kept edits.

The manifest (`.coprod-manifest.json`) records the SHA-256 of every file coprod wrote; a file
whose content no longer matches was edited by someone and is kept unless `force` is set. So
that an interrupted render (a full disk, Ctrl-C, `kill -9`) leaves a folder the next render
understands, each file's hash goes into a journal, fsynced, before the file is renamed into
place; the next render reads the journal with the manifest. Files are written in batches of
BATCH (see write_documents), one journal fsync for each batch. When an edited file is kept and
coprod's own version has changed since, the new version is written beside it as NAME.new.EXT.
"""

from __future__ import annotations

import contextlib
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from coprod_cli.documents.leftovers import mark, older_warnings, origins_before, settle
from coprod_cli.documents.origin import Origin, origin_of
from coprod_cli.documents.record import MANIFEST, Outcome, Record, beside, digest, inside
from coprod_cli.errors import CoprodError, RenderError, UsageError
from coprod_cli.files import (
    Interrupted,
    removing_temporaries_on_signal,
    sweep_temporaries,
    write_atomic_together,
)

LOCK = ".coprod-lock"
_WORKSHOP_FOLDER = re.compile(r"^([0-9]{2,}-[A-Za-z0-9][A-Za-z0-9_-]*)/")


@dataclass(frozen=True)
class Document:
    """One output file, rendered in memory."""

    path: str  # relative to the output folder, with '/' separators
    content: bytes


class WriteError(CoprodError):
    """The disk refused a file, or a signal stopped the render: says what was written and what was not."""

    def __init__(self, lines: list[str], exit_code: int = 2):
        self._lines = lines
        self.exit_code = exit_code
        super().__init__("\n".join(lines))

    def lines(self) -> list[str]:
        return self._lines


@contextlib.contextmanager
def locked(out_dir: Path) -> Iterator[None]:
    """One render at a time per output folder; the lock goes with the process, even on kill -9."""
    out_dir.mkdir(parents=True, exist_ok=True)
    handle = (out_dir / LOCK).open("a+b")
    try:
        try:
            _lock(handle.fileno())
        except OSError:
            raise UsageError(
                f"{out_dir}: another coprod render is writing to this folder right now; "
                "wait for it to finish, then run this again"
            ) from None
        yield
    finally:
        handle.close()


def _lock(fd: int) -> None:
    if sys.platform == "win32":  # pragma: no cover - Windows has no flock
        import msvcrt

        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
    else:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


def write_documents(
    out_dir: Path,
    documents: Iterable[Document],
    force: bool = False,
    *,
    folders: Iterable[str] | None = None,
    clean: bool = False,
    plan_lines: list[str] | None = None,
    retired: Iterable[str] = (),
    origin: Origin | None = None,
    draft: bool = False,
) -> list[Outcome]:
    """Write documents, keeping files that someone edited (or that coprod did not write).

    `folders` are the workshop folders of the whole plan: manifest folders not among them are
    from an older numbering and are named as stale (removed with `clean`, edited files kept).
    `retired`: files the plan no longer makes (a 'You said, we did' of a workshop that heard
    nothing now): removed when coprod wrote them and nobody edited them, else named as outdated.
    `origin`: what this render is made from (documents/origin.py; by default the plan lines with the
    built-in templates): files left from a render made from something else are dealt with by
    documents/leftovers.py. `draft`: the plan is not ready (its documents carry the draft banner), so
    nothing made by an earlier render is removed unless `clean` asks: a finished PDF may still be
    needed while the plan is half-edited; what no longer matches is kept and named as such.
    Documents are written as they come, so a long render holds none in memory.
    """
    if out_dir.exists() and not out_dir.is_dir():
        raise UsageError(f"{out_dir}: is a file, not a folder; choose another with -o")
    wanted: list[str] = []  # the documents that have come so far, for the lines of a failure

    def targets() -> Iterator[tuple[Document, Path]]:
        for doc in documents:
            wanted.append(doc.path)
            yield doc, record.inside(doc.path)

    with locked(out_dir), removing_temporaries_on_signal():
        sweep_temporaries(out_dir)
        if origin is None and plan_lines is not None:
            origin = origin_of("\n".join(plan_lines))
        record = Record(out_dir, origin)
        before = origins_before(record)
        outcomes: list[Outcome] = []
        batch: list[_Write] = []
        try:
            try:
                for doc, target in targets():
                    write = _put(record, doc, target, force, outcomes, "")
                    batch += [write] if write else []
                    if len(batch) == BATCH:
                        _write(record, batch, outcomes)
                        batch = []
            except CoprodError:  # a later document failed (a template, say): the ones before it still land
                _write(record, batch, outcomes)
                raise
            _write(record, batch, outcomes)
            if folders is not None:
                outcomes += _stale(record, set(folders), clean)
            keep = draft and not clean
            outcomes += _retire(record, retired, keep)
            if origin is not None:
                outcomes = settle(record, outcomes, origin, plan_lines or [], before, clean, keep)
        except OSError as err:
            problem = f"{err.filename or out_dir}: could not write this ({err.strerror or err}); it was left as it was"
            raise WriteError(_unfinished(out_dir, problem, outcomes, wanted)) from None
        except (KeyboardInterrupt, Interrupted) as err:
            signum = err.signum if isinstance(err, Interrupted) else 2
            problem = f"{out_dir}: the render was stopped part-way; what is in the folder is listed in {MANIFEST}"
            lines = _unfinished(out_dir, problem, outcomes, wanted)
            raise WriteError(lines, 128 + signum) from None
        finally:
            with contextlib.suppress(OSError):  # the journal still holds everything if this fails too
                mark(record, outcomes, origin)
                record.save()
    return outcomes


def _put(
    record: Record, doc: Document, target: Path, force: bool, outcomes: list[Outcome], changed: str
) -> _Write | None:
    """What to do with one document: an outcome now (unchanged, kept), or a write for the batch."""
    new_hash = digest(doc.content)
    if not target.exists():
        return _Write(doc.path, target, doc.content, new_hash, Outcome(doc.path, "written"))
    if not target.is_file():
        raise RenderError(f"{target}: a folder is in the way of this document")
    current = digest(target.read_bytes())
    if current == new_hash:
        record.now[doc.path] = new_hash
        outcomes.append(Outcome(doc.path, "unchanged"))
        return None
    ours = record.ours(doc.path, current)
    if ours or force:
        return _Write(doc.path, target, doc.content, new_hash, Outcome(doc.path, "written" if ours else "overwritten"))
    if doc.path not in record.known:
        outcomes.append(Outcome(doc.path, "kept-foreign"))
        return None
    rel = beside(doc.path)
    side = target.with_name(rel.rpartition("/")[2])
    side_hash = digest(side.read_bytes()) if side.is_file() else None
    if record.last.get(doc.path) == new_hash:  # coprod offers what it offered last time
        if side_hash == new_hash:  # and that new version still waits beside the edited file
            outcomes.append(Outcome(doc.path, "new-beside", rel, "still waiting from an earlier render"))
        else:
            outcomes.append(Outcome(doc.path, "kept-edited"))
        return None
    if side_hash is not None and not record.ours(rel, side_hash):
        outcomes.append(Outcome(doc.path, "kept-edited", f"{rel} is edited too, so no new version was written"))
        return None
    record.now[doc.path] = new_hash  # what coprod offers for this file now; the edited file stays the user's
    return _Write(rel, side, doc.content, new_hash, Outcome(doc.path, "new-beside", rel, changed))


@dataclass(frozen=True)
class _Write:
    """A file to write: where, what, its hash, and the outcome to report once it is in place."""

    rel: str
    target: Path
    content: bytes
    sha: str
    outcome: Outcome


# Files written in one step (about one workshop's documents): their temporaries are fsynced, then
# their hashes go into the journal with one fsync, then they are renamed into place. A crash
# therefore finds each file either as it was (its old hash is in the manifest) or whole and new
# (its new hash is in the journal, durable before the rename): the next render recognises both
# as coprod's and writes what is missing, and a file someone edited is never taken for coprod's.
# A batch holds BATCH documents in memory at most; a stop loses only its unrenamed temporaries.
BATCH = 16


def _write(record: Record, batch: list[_Write], outcomes: list[Outcome]) -> None:
    """Write a batch of files; each outcome is reported (and its hash kept) only once it is in place."""
    for w in batch:
        record.intend(w.rel, w.sha)

    def landed(n: int) -> None:
        record.now[batch[n].rel] = batch[n].sha
        outcomes.append(batch[n].outcome)

    if batch:
        write_atomic_together([(w.target, w.content) for w in batch], record.commit, landed)


def _stale(record: Record, current: set[str], clean: bool) -> list[Outcome]:
    by_folder: dict[str, list[str]] = {}
    for rel in sorted(record.now):
        match = _WORKSHOP_FOLDER.match(rel)
        if match and match.group(1) not in current:
            by_folder.setdefault(match.group(1), []).append(rel)
    outcomes: list[Outcome] = []
    root = record.out_dir
    for folder, files in by_folder.items():
        if not clean:
            outcomes.append(Outcome(f"{folder}/", "stale"))
            continue
        for rel in files:
            path = inside(root, rel)
            if path.is_file() and not record.ours(rel, digest(path.read_bytes())):
                outcomes.append(Outcome(rel, "kept-edited", "left in a stale folder"))
                continue
            path.unlink(missing_ok=True)
            record.forget(rel)
            outcomes.append(Outcome(rel, "removed"))
        # only an empty folder goes (its paperwork/ first); a user's own files stay
        for empty in sorted({inside(root, rel).parent for rel in files}, key=lambda p: -len(p.parts)):
            with contextlib.suppress(OSError):
                empty.rmdir()
        with contextlib.suppress(OSError):
            (root / folder).rmdir()
    return outcomes


def _retire(record: Record, retired: Iterable[str], keep: bool) -> list[Outcome]:
    """Take away what coprod wrote for a document the plan no longer makes, so it cannot pass as current
    (`keep`, in a draft render: leave it and name it)."""
    outcomes = []
    for rel in retired:
        path = record.inside(rel)
        if not path.is_file():
            record.forget(rel)
        elif record.ours(rel, digest(path.read_bytes())):
            if keep:
                outcomes.append(Outcome(rel, "draft-kept", "is one the plan no longer makes"))
                continue
            path.unlink()
            record.forget(rel)
            outcomes.append(Outcome(rel, "retired"))
        elif rel in record.known:  # coprod wrote it, then someone edited it: theirs to delete
            outcomes.append(Outcome(rel, "outdated"))
    return outcomes


def warnings(folder: Path, outcomes: list[Outcome]) -> list[str]:
    """What a person must know after a render: new versions beside edited files, stale folders and files."""
    lines = [
        f"warning: {folder / o.path} was edited by hand and kept, but coprod's version is different"
        f"{f' ({o.changed})' if o.changed else ''}: the new version is {folder / o.note}. "
        "Compare the two and keep one (delete the other); until then render exits 1."
        for o in outcomes
        if o.status == "new-beside"
    ]
    lines += [
        f"warning: {folder / o.path} is out of date: the plan no longer makes it, but it was edited by hand "
        "and kept; delete it (until then render exits 1)"
        for o in outcomes
        if o.status == "outdated"
    ]
    stale = [str(folder / o.path) for o in outcomes if o.status == "stale"]
    if stale:
        lines.append(
            f"warning: the workshops were renumbered, so {', '.join(stale)} no longer match the plan; "
            "`coprod render --clean` removes them (files you edited stay)"
        )
    return lines + older_warnings(folder, outcomes)


def _unfinished(out_dir: Path, problem: str, done: list[Outcome], wanted: list[str]) -> list[str]:
    """The lines of a write failure: the problem, what was written, what was not."""
    written = [o.path for o in done if o.status in ("written", "overwritten", "new-beside")]
    handled = {o.path for o in done}
    missing = [p for p in wanted if p not in handled]

    def some(paths: list[str]) -> str:
        shown = ", ".join(paths[:5])
        return shown + (f" and {len(paths) - 5} more" if len(paths) > 5 else "")

    lines = [problem]
    lines.append(
        f"{out_dir}: written before the problem: {len(written)} files" + (f" ({some(written)})" if written else "")
    )
    if missing:
        lines.append(f"{out_dir}: not written: {len(missing)} files ({some(missing)}); run coprod render again")
    return lines
