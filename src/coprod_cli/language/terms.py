"""Finding terms in text: which glossary (and, later, jargon) terms a piece of text uses."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache


@lru_cache(maxsize=512)
def term_pattern(term: str) -> re.Pattern[str]:
    """A whole-word, case-blind match of `term` with common English endings (s, es, ed, ing)."""
    words = [re.escape(w) for w in re.split(r"[\s-]+", term.strip()) if w]
    body = r"[\s-]+".join(words)
    stem = body[:-1] if body.endswith("e") else body
    return re.compile(rf"(?<![\w-])(?:{body}|{stem})(?:s|es|d|ed|ing)?(?![\w-])", re.IGNORECASE)


def terms_in(texts: Iterable[str], terms: Iterable[str]) -> list[str]:
    """The terms (in the order given) that appear anywhere in `texts`."""
    joined = "\n".join(t for t in texts if t)
    return [term for term in terms if term_pattern(term).search(joined)]
