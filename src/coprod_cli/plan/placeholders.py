"""The texts a new plan leaves for the facilitator to replace: written here once, used by the starters
(`coprod new series|workshop|activity`) and looked for by the `ready` check, so the two cannot drift.

They are printed as they are if left in, so the practical ones say plainly that they are still to be
filled in. `{n}` stands for a workshop's number.
"""

from __future__ import annotations

import re
from functools import lru_cache

PLACEHOLDERS: dict[str, str] = {
    "purpose": "Say in one sentence what this series is for",
    "goal": "Say what this workshop should achieve",
    "activity": "Your activity",
    "handout": "Say in plain words what participants will do.",
    "venue": "Add the venue here",
    "facilitator": "Add the lead facilitator's name",
    "activity_n": "Your activity for workshop {n}",
    "peer_facilitator": "Add the name of a peer facilitator with lived experience",
    "thanks_amount": "To fill in: what people get for their time, like a £25 voucher for each session",
    "thanks_when": "To fill in: when they get it, like at the end of each session",
    "thanks_travel": "To fill in: how travel costs are paid back",
    "thanks_benefits": "To fill in: a note for people on benefits, like whether vouchers affect them",
    "access_in_person": "To fill in: step-free access, hearing loop, toilets, a quiet room and food",
    "access_online": "To fill in: captions, joining by phone, and breaks from the screen",
    "adjustments": "To fill in: who to tell about anything people need to take part, and by when",
    "support_name": "To fill in: who people can talk to if something is hard",
    "support_phone": "To fill in: how to reach them, during and after",
    "content_note": "To fill in: the hard things this workshop may touch on. You can step out at any time.",
}

# Long placeholders are found inside a text a person has started to change; short ones only on their own.
_INSIDE_FROM = 20


def _pattern(text: str) -> str:
    """A placeholder as a pattern: any spacing between words, `{n}` any number, one group per placeholder."""
    words = r"\s+".join(re.escape(word) for word in text.strip(".").split())
    return "(" + words.replace(re.escape("{n}"), r"\d+") + ")"


_TEXTS = list(PLACEHOLDERS.values())
_LONG = [t for t in _TEXTS if len(t) >= _INSIDE_FROM]
_ALONE = re.compile(r"\s*(?:" + "|".join(_pattern(t) for t in _TEXTS) + r")\s*\.?\s*", re.IGNORECASE)
_INSIDE = re.compile("|".join(_pattern(t) for t in _LONG), re.IGNORECASE)


@lru_cache(maxsize=4096)  # a plan repeats many of its texts (kinds, durations, an activity's title)
def placeholder_in(text: str) -> str | None:
    """The starter placeholder that `text` still holds, if any (one regular expression: plans can be large)."""
    if match := _ALONE.fullmatch(text):
        return _numbered(_TEXTS[(match.lastindex or 1) - 1], match)
    if match := _INSIDE.search(text):
        return _numbered(_LONG[(match.lastindex or 1) - 1], match)
    return None


def _numbered(placeholder: str, match: re.Match[str]) -> str:
    """'Your activity for workshop {n}' with the plan's number in it: 'Your activity for workshop 3'."""
    number = re.search(r"\d+", match.group(match.lastindex or 1)) if "{n}" in placeholder else None
    return placeholder.replace("{n}", number.group()) if number else placeholder
