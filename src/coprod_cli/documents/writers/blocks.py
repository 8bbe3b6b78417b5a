"""What the HTML and Markdown writers share: one layout method per block of the document model.

The page frame is a template (templates/base.html, base.md), so a user can replace one named
section; it calls a writer's blocks as `m.section(s, 2)`, `m.block(b, 3)` and `m.banner(doc)`.
The blocks themselves are laid out in plain Python: Jinja's macros took several times longer,
and a series prints thousands of pages. Inside, blocks are built as plain strings; what a
template gets is marked safe (Markup, Markdown), so it is not escaped twice.
"""

from __future__ import annotations

import functools
from abc import ABC, abstractmethod
from collections.abc import Callable
from typing import Any, ClassVar, get_args

from coprod_cli.documents import model as m

# Every kind of block: the `block` name each block type of the model carries.
KINDS = tuple(kind.block for kind in get_args(m.Block))
# The same plan text is laid out in several documents of a workshop (and a series repeats
# itself), so the inline layouts remember recent texts. Only exact `str`s are remembered: a
# Markup or Markdown value equals its plain text but must not share its result.
REMEMBERED = 8192


def remembered(lay_out: Callable[[str], Any]) -> Callable[[object], Any]:
    """An inline layout that remembers what it made of each recent plain `str`."""
    cached = functools.lru_cache(maxsize=REMEMBERED)(lay_out)

    @functools.wraps(lay_out)
    def inline(value: object) -> Any:
        return cached(value) if type(value) is str else lay_out(str(value))

    return inline


class Blocks(ABC):
    """A writer's blocks: `_lay_<block>(b, level)` for each kind of block; `_` gives the fixed words
    in the plan's language; `safe` marks what a template gets as already laid out."""

    safe: ClassVar[type[str]] = str

    def __init__(self, _: Callable[..., str]):
        self._ = _
        self._layouts: dict[str, Callable[[Any, int], str]] = {kind: getattr(self, f"_lay_{kind}") for kind in KINDS}

    def banner(self, doc: m.Document) -> str:
        """The "Draft: not ready to hand out" notice listing why, when the plan has errors."""
        return self.safe(self._banner(doc.banner) if doc.banner else "")

    def section(self, s: m.Section, level: int) -> str:
        """A titled section (its title a heading of `level`) and its blocks."""
        return self.safe(self._section(s, level))

    def block(self, b: m.Block, level: int) -> str:
        """One block; a section in it has headings of `level`."""
        return self.safe(self._block(b, level))

    def _block(self, b: m.Block, level: int) -> str:
        layout = self._layouts.get(b.block)
        return layout(b, level) if layout else ""

    def _blocks(self, blocks: tuple[m.Block, ...], level: int) -> str:
        return "".join([self._block(b, level) for b in blocks])

    def _lay_section(self, s: m.Section, level: int) -> str:
        return self._section(s, level) + "\n"

    @abstractmethod
    def _banner(self, reasons: tuple[str, ...]) -> str: ...

    @abstractmethod
    def _section(self, s: m.Section, level: int) -> str: ...
