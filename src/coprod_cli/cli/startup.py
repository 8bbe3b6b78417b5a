"""What the `coprod` command sets up around a run so that a short one starts and ends quickly
(and a big check is not slowed by the cycle collector).

A check of a small plan is over in a quarter of a second, so fixed costs count: how often Python
collects garbage, what pydantic imports to look for plugins, and the collection Python makes as
it exits. `tests/test_cli.py` pins what a check must not import.
"""

from __future__ import annotations

import gc
import importlib
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from types import ModuleType
from typing import Any

# What pydantic (2.6 and later) reads to know plugins are off, and the module that finds them.
PLUGINS_OFF = ("__all__", "1", "true")
PLUGIN_FINDER = "pydantic.plugin._loader"


@contextmanager
def lean_run() -> Iterator[None]:
    """Around one run of the command line: no plugin search, rare collections, a quick exit."""
    # pydantic looks for plugins among every installed package's entry points the first time a
    # model is built (about a tenth of a check's start-up); coprod uses none. Set it yourself to
    # have pydantic look after all.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    if os.environ["PYDANTIC_DISABLE_PLUGINS"] in PLUGINS_OFF and PLUGIN_FINDER not in sys.modules:
        sys.modules[PLUGIN_FINDER] = PluginsOff(PLUGIN_FINDER)

    # A plan becomes many small objects and few cycles: collecting the youngest generation every
    # 700 allocations (Python's default) costs a quarter of the time of a big check.
    gc.set_threshold(100_000, 50, 50)
    try:
        yield
    finally:
        # Python's last collection at exit walks every object still alive (pydantic's schemas,
        # typing's caches), a tenth of a small check; the memory goes back to the system anyway.
        gc.freeze()


@contextmanager
def collector_paused() -> Iterator[None]:
    """Do a big piece of work without Python's cycle collector walking everything it builds.

    A big plan becomes a million small objects and almost no reference cycles, and the collector
    walks each new object at least once: a tenth of checking 20,000 items. Call a function inside,
    so that what it built is freed (by reference counting) before the collector is back.
    """
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


class PluginsOff(ModuleType):
    """Stands in for pydantic's plugin finder, which imports importlib.metadata (and with it email,
    zipfile and csv: some 8 ms of a check) even when PYDANTIC_DISABLE_PLUGINS tells it not to look.

    While plugins are off it answers "none", as the finder itself would. Anything else asked of it,
    or a question after plugins are turned on, goes to the real finder, imported then.
    """

    def get_plugins(self) -> Any:
        if os.environ.get("PYDANTIC_DISABLE_PLUGINS") in PLUGINS_OFF:
            return ()
        return self._finder().get_plugins()

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):  # what the import system asks of any module (__path__, ...)
            raise AttributeError(name)
        return getattr(self._finder(), name)

    def _finder(self) -> ModuleType:
        if sys.modules.get(self.__name__) is self:
            del sys.modules[self.__name__]
        return importlib.import_module(self.__name__)
