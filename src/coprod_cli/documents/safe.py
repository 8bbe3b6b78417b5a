"""Plan text in output formats: Markdown escaping and which addresses may become links.

Small functions any writer can call. Markdown text is escaped so that nothing in a plan
becomes a heading, a list, a table cell, a link or raw HTML; only web, mail and phone
addresses become links; a calendar's URL must be a web address.
"""

from __future__ import annotations

import functools
import re

# Always escaped: code, emphasis, links and images, raw HTML, table cells, strikethrough.
_INLINE = re.compile(r"([\\`*_\[\]<>|~])")
# Only at the start of the text, where a line of Markdown begins: headings, quotes, lists, rules.
_LINE_START = re.compile(r"^(\s*)([#>+=-]|\d+(?=[.)]))")
_ENTITY = re.compile(r"&(#?[A-Za-z0-9]+;)")
_LINKABLE = re.compile(r"^(https?://|mailto:|tel:)[^\s\"'<>\\]+$", re.IGNORECASE)
_WEB = re.compile(r"^https?://[^\s\"'<>\\]+$", re.IGNORECASE)


class Markdown(str):
    """Markdown that is already safe (made here), so a writer does not escape it twice."""


def one_line(value: object) -> str:
    """Text for a one-line field (a calendar's name, a summary): line breaks become spaces."""
    return " ".join(str(value).split())


def md_escape(value: object) -> str:
    """Plan text as Markdown that reads as typed: one line, every syntax character escaped."""
    if isinstance(value, Markdown):
        return value
    # Every value a Markdown template prints comes here: the same texts recur, so recent ones are remembered.
    return _escaped(value) if type(value) is str else _escaped.__wrapped__(str(value))


@functools.lru_cache(maxsize=8192)
def _escaped(value: str) -> str:
    text = " ".join(value.splitlines())  # a line break could start a heading or a table row
    text = _INLINE.sub(r"\\\1", text)
    text = _ENTITY.sub(r"\\&\1", text)
    # A list number is kept from starting a list by escaping what follows it: `1\.` (a backslash
    # before a digit is not an escape in CommonMark and would show).
    return _LINE_START.sub(_escape_line_start, text)


def _escape_line_start(m: re.Match[str]) -> str:
    mark = m.group(2)
    return m.group(1) + (mark + "\\" if mark[0].isdigit() else "\\" + mark)


def is_linkable(url: object) -> bool:
    """Only web, mail and phone addresses become links; `javascript:` and the like stay text."""
    return bool(_LINKABLE.match(str(url).strip()))


def md_link(url: object) -> Markdown:
    """An address as a Markdown autolink when it may be a link, else as escaped text."""
    text = str(url).strip()
    return Markdown(f"<{text}>" if is_linkable(text) else md_escape(text))


def calendar_url(url: object) -> str | None:
    """The address a calendar event may carry as its URL: a web address, or nothing."""
    text = str(url).strip()
    return text if _WEB.match(text) else None
