"""Writing files safely: atomically, durably, as the user's own, never over something a user wrote.

A file is written to a hidden temporary file beside it, fsynced, then renamed over the old one,
so a crash or a full disk leaves either the old file or the new one, never half of one. New
files get the user's umask (not mkstemp's 0600); a file that is replaced keeps its mode and
owner. Temporary files still in flight are removed when SIGINT or SIGTERM arrives, and
`sweep_temporaries` removes any that a `kill -9` left behind.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import signal
import stat
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from types import FrameType

from coprod_cli.errors import UsageError

# The plan's JSON Schema beside it, for editors (a light module, so `coprod --help` need not load the models).
SCHEMA_FILE = "coprod.schema.json"

TEMP_SUFFIX = ".coprod-tmp"
_IN_FLIGHT: set[Path] = set()


def _temporary(path: Path) -> Path:
    return path.with_name(f".{path.name}.{secrets.token_hex(4)}{TEMP_SUFFIX}")


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable; some systems (Windows) cannot open a folder, which is fine."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_atomic(path: Path, content: str | bytes, keep_owner: bool = False, sync_folder: bool = True) -> None:
    """Write via a fsynced temporary file and a rename, so a failure leaves the old file whole.

    A new file is created with the user's umask. With `keep_owner`, a file being replaced keeps
    its permission bits and (where allowed) its owner and group. `sync_folder` also makes the
    rename durable; a caller writing many files (and keeping a journal) uses write_atomic_together.
    """
    data = content.encode("utf-8") if isinstance(content, str) else content
    old = path.stat() if keep_owner and path.exists() else None
    tmp = _durable_temporary(path, data)
    try:
        if old is not None:
            os.chmod(tmp, stat.S_IMODE(old.st_mode))
            if hasattr(os, "chown"):
                with contextlib.suppress(OSError):  # only root may give a file away; the group may still work
                    os.chown(tmp, old.st_uid, old.st_gid)
        os.replace(tmp, path)
        if sync_folder:
            _fsync_folder(path.parent)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    finally:
        _IN_FLIGHT.discard(tmp)


def write_atomic_together(
    files: Sequence[tuple[Path, bytes]], before_renaming: Callable[[], None], landed: Callable[[int], None]
) -> None:
    """Write several files atomically as one step, for a caller that keeps a journal of them.

    Each goes to a fsynced temporary file beside it; then `before_renaming()` runs once (the
    caller makes its journal durable there, one fsync for them all rather than one per file);
    then each is renamed into place and `landed(index)` is called. A failure or a stop removes
    the temporaries not yet renamed; the files already renamed stay, whole.
    """
    temps: list[Path] = []
    try:
        for path, data in files:
            temps.append(_durable_temporary(path, data))
        before_renaming()
        # A stop signal waits until the renames are done and reported (a few quick system calls):
        # one arriving between a rename and its `landed` would leave a file in place unrecorded.
        with _signals_held():
            for n, ((path, _), tmp) in enumerate(zip(files, temps, strict=True)):
                os.replace(tmp, path)
                _IN_FLIGHT.discard(tmp)
                landed(n)
    finally:
        for tmp in temps:
            if tmp in _IN_FLIGHT:
                tmp.unlink(missing_ok=True)
                _IN_FLIGHT.discard(tmp)


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """SIGINT and SIGTERM are held (delivered on the way out) where the system can hold them."""
    hold = getattr(signal, "pthread_sigmask", None)  # not on Windows
    if hold is None:
        yield
        return
    previous = hold(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        yield
    finally:
        hold(signal.SIG_SETMASK, previous)


def _durable_temporary(path: Path, data: bytes) -> Path:
    """A fsynced temporary file beside `path` holding `data`, registered as in flight."""
    if not path.parent.is_dir():  # a look is cheaper than a mkdir that fails, file after file
        path.parent.mkdir(parents=True, exist_ok=True)
    tmp = _temporary(path)
    _IN_FLIGHT.add(tmp)
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
        finally:
            os.close(fd)
    except BaseException:
        tmp.unlink(missing_ok=True)
        _IN_FLIGHT.discard(tmp)
        raise
    return tmp


def write_new_file(path: Path, text: str) -> None:
    """Create `path`; refuse if it exists."""
    if path.exists():
        raise UsageError(f"{path}: already exists; coprod does not overwrite it")
    if path.parent.exists() and not path.parent.is_dir():
        raise UsageError(f"{path.parent}: is a file, not a folder")
    write_atomic(path, text)


def sweep_temporaries(folder: Path) -> list[Path]:
    """Remove temporary files an interrupted run left in `folder` (and below); return them."""
    if not folder.is_dir():
        return []
    found = [p for p in folder.rglob(f".*{TEMP_SUFFIX}") if p.is_file() and not p.is_symlink()]
    for p in found:
        p.unlink(missing_ok=True)
    return found


class Interrupted(BaseException):
    """SIGTERM arrived: unwind like Ctrl-C so every half-written file is removed on the way out."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


@contextlib.contextmanager
def removing_temporaries_on_signal() -> Iterator[None]:
    """While inside, SIGINT and SIGTERM remove in-flight temporary files before the run stops."""

    def handler(signum: int, frame: FrameType | None) -> None:
        for tmp in list(_IN_FLIGHT):
            with contextlib.suppress(OSError):
                tmp.unlink()
        if signum == signal.SIGINT:
            raise KeyboardInterrupt
        raise Interrupted(signum)

    wanted = [signal.SIGINT, signal.SIGTERM]
    try:
        previous = {s: signal.signal(s, handler) for s in wanted}
    except ValueError:  # not the main thread: signals cannot be caught here
        yield
        return
    try:
        yield
    finally:
        for s, old in previous.items():
            signal.signal(s, old)
