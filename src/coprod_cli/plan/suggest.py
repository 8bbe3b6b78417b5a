"""'Did you mean' hints, shared by every layer that reports a misspelt name."""

from __future__ import annotations

from collections.abc import Iterable
from difflib import get_close_matches


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """'; did you mean 'x'?' or '' when nothing is close."""
    close = get_close_matches(str(word).lower(), [c for c in choices], n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""
