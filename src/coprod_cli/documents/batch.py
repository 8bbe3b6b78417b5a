"""Rendering a series at scale: documents come out as each is rendered, so a writer can put them
on disk straight away (memory stays flat), and workshops can render in worker processes.

Before anything is yielded, the series documents and the first workshop's are rendered: every
template has then run on real data, so a broken template stops the run with nothing written.
"""

from __future__ import annotations

import os
from collections.abc import Generator

from coprod_cli.documents.render import Document, Renderer

# The renderer a forked worker inherits from the process that started it (nothing is pickled).
_WORKER: Renderer | None = None


def default_jobs() -> int:
    """The number of cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on every platform
        return os.cpu_count() or 1


def stream(renderer: Renderer, jobs: int = 1) -> Generator[Document, None, None]:
    """Every document of `renderer`, yielded as it is rendered; `jobs` worker processes share the
    workshops (one process when the platform cannot fork, or there is too little to share)."""
    units = renderer.units()
    proven = [doc for unit in units[:2] for doc in renderer.render(unit)]
    yield from proven
    rest = units[2:]
    if jobs <= 1 or len(rest) < 2 * jobs or not _can_fork():
        for unit in rest:
            yield from renderer.render(unit)
        return
    import multiprocessing

    global _WORKER
    _WORKER = renderer
    try:
        with multiprocessing.get_context("fork").Pool(jobs, initializer=_quiet_worker) as pool:
            for docs in pool.imap(_render_unit, rest, chunksize=max(1, len(rest) // (jobs * 8))):
                yield from docs
    finally:
        _WORKER = None


def _quiet_worker() -> None:
    """A worker leaves stop signals to the process that started it (which writes the files and
    knows what to clean up): Ctrl+C is ignored, and a stop from the pool ends it at once."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _render_unit(unit: int) -> list[Document]:
    assert _WORKER is not None, "a worker renders only what the process that forked it prepared"
    return _WORKER.render(unit)


def _can_fork() -> bool:
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()
