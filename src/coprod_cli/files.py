"""Writing files safely: atomically, and never over something a user wrote."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from coprod_cli.errors import UsageError


def write_atomic(path: Path, content: str | bytes) -> None:
    """Write via a temporary file and a rename, so a failure leaves the old file whole."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_new_file(path: Path, text: str) -> None:
    """Create `path`; refuse if it exists."""
    if path.exists():
        raise UsageError(f"{path}: already exists; coprod does not overwrite it")
    if path.parent.exists() and not path.parent.is_dir():
        raise UsageError(f"{path.parent}: is a file, not a folder")
    write_atomic(path, text)
