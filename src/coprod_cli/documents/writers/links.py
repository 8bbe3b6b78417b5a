"""Links in plain text: web addresses, emails and phone numbers, found once for every writer."""

from __future__ import annotations

import re
from collections.abc import Iterator

_LINK = re.compile(
    r"(?P<url>\bhttps?://[^\s<>\"']+[^\s<>\"'.,;:!?)])"
    r"|(?P<email>\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b)"
    r"|(?P<phone>(?<![\w/])(?:\+\d{1,3}[ -]?)?0?\d{2,5}(?:[ -]?\d{3,4}){1,3}(?![\w/]))"
)


def pieces(text: str) -> Iterator[tuple[str, str | None]]:
    """(text, href) pieces of a text: href is a http(s), mailto: or tel: address, or None for plain text."""
    at = 0
    for match in _LINK.finditer(text):
        found = match.group(0)
        if match.lastgroup == "phone" and sum(c.isdigit() for c in found) < 10:
            continue
        if match.start() > at:
            yield text[at : match.start()], None
        if match.lastgroup == "url":
            yield found, found
        elif match.lastgroup == "email":
            yield found, f"mailto:{found}"
        else:
            yield found, "tel:" + re.sub(r"[^\d+]", "", found)
        at = match.end()
    if at < len(text):
        yield text[at:], None
