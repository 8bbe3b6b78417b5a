"""'Did you mean' hints, shared by every layer that reports a misspelt name."""

from __future__ import annotations

import re
from collections.abc import Iterable
from difflib import get_close_matches


def close_names(word: str, choices: Iterable[str]) -> list[str]:
    """The names a person probably meant: the closest spelling, else those with the word as one of
    their parts ('lunch' -> 'shared-lunch', 'shaping' -> 'shaping-participation'), at most three."""
    options = list(choices)
    typed = str(word).strip().lower()
    close = get_close_matches(typed, options, n=1, cutoff=0.6)
    if not close and len(typed) >= 4:
        close = [c for c in options if typed in re.split(r"[-_ ]", str(c).lower())][:3]
    return close


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """'; did you mean 'x'?' or '' when nothing is close (see close_names)."""
    close = close_names(word, choices)
    return "; did you mean " + " or ".join(f"'{c}'" for c in close) + "?" if close else ""
