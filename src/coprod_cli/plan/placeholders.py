"""The texts a new plan leaves for the facilitator to replace: written here once, used by the starters
(`coprod new series|workshop|activity`) and looked for by the `ready` check, so the two cannot drift."""

from __future__ import annotations

import re

PLACEHOLDERS: dict[str, str] = {
    "purpose": "Say in one sentence what this series is for",
    "goal": "Say what this workshop should achieve",
    "activity": "Your activity",
    "handout": "Say in plain words what participants will do.",
    "venue": "Add the venue here",
    "facilitator": "Add the lead facilitator's name",
}

# Long placeholders are found inside a text a person has started to change; short ones only on their own.
_INSIDE_FROM = 20


def _pattern(text: str) -> str:
    return r"\s+".join(re.escape(word) for word in text.strip(".").split())


_ALONE = re.compile(r"\s*(" + "|".join(_pattern(t) for t in PLACEHOLDERS.values()) + r")\s*\.?\s*", re.IGNORECASE)
_INSIDE = re.compile("|".join(_pattern(t) for t in PLACEHOLDERS.values() if len(t) >= _INSIDE_FROM), re.IGNORECASE)
_BY_FOLDED = {" ".join(t.strip(".").split()).casefold(): t for t in PLACEHOLDERS.values()}


def placeholder_in(text: str) -> str | None:
    """The starter placeholder that `text` still holds, if any (one regular expression: plans can be large)."""
    match = _ALONE.fullmatch(text) or _INSIDE.search(text)
    if match is None:
        return None
    return _BY_FOLDED[" ".join(match.group(match.lastindex or 0).split()).casefold()]
