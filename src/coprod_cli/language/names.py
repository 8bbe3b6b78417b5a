"""Proper names in a text ("Empower Youth CIC", "Stakeholder Street Surgery"): never jargon.

A name is a run of two or more capitalised words. At the start of a sentence a two-word run
needs a sign that it is a name (a word like Street, CIC or Trust), because the first word is
capitalised anyway. In a title written In Title Case every word is capitalised, so there only
runs with such a sign are names; a plan's `names:` covers the rest.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# Words that end or sit inside the names of organisations, places and events.
NAME_WORDS = frozenset(
    {
        "alliance",
        "assembly",
        "association",
        "avenue",
        "board",
        "centre",
        "center",
        "charity",
        "cic",
        "close",
        "club",
        "collective",
        "college",
        "committee",
        "council",
        "court",
        "crescent",
        "drive",
        "festival",
        "forum",
        "foundation",
        "group",
        "hall",
        "hospital",
        "house",
        "hub",
        "institute",
        "lab",
        "lane",
        "library",
        "limited",
        "ltd",
        "network",
        "nhs",
        "panel",
        "park",
        "partnership",
        "place",
        "practice",
        "programme",
        "project",
        "road",
        "school",
        "service",
        "services",
        "society",
        "square",
        "street",
        "surgery",
        "team",
        "trust",
        "university",
        "way",
        "week",
    }
)
CONNECTORS = frozenset({"of", "the", "and", "for", "&", "on", "in", "at", "de"})
_TOKEN = re.compile(r"[A-Za-z&][\w'’&-]*")


def _capitalised(word: str) -> bool:
    return word[0].isupper()


def _marked(words: list[str], not_marks: frozenset[str]) -> bool:
    """A word in the run says it is a name: Street, Trust, CIC (an all-capitals word, unless it is jargon)."""
    return any(w.lower() in NAME_WORDS or (w.isupper() and len(w) > 1 and w not in not_marks) for w in words)


def _headline(tokens: list[re.Match[str]]) -> bool:
    """Written In Title Case: every word of four letters or more is capitalised."""
    long = [t.group(0) for t in tokens if len(t.group(0)) >= 4]
    return len(long) >= 2 and all(_capitalised(w) for w in long)


def _runs(text: str, tokens: list[re.Match[str]]) -> list[tuple[int, list[re.Match[str]]]]:
    """Runs of capitalised words joined only by spaces and small connecting words, each with
    where it began ("The" at the front is not part of a name, but says where the run starts)."""
    runs: list[list[re.Match[str]]] = []
    current: list[re.Match[str]] = []
    for tok in tokens:
        word = tok.group(0)
        joined = bool(current) and text[current[-1].end() : tok.start()].strip() == ""
        if _capitalised(word) and (joined or not current) or joined and word.lower() in CONNECTORS:
            current.append(tok)
        else:
            runs.append(current)
            current = [tok] if _capitalised(word) else []
    runs.append(current)
    out = []
    for run in runs:
        began = run[0].start() if run else 0
        while run and (not _capitalised(run[-1].group(0)) or run[-1].group(0).lower() in CONNECTORS):
            run = run[:-1]
        while run and run[0].group(0).lower() in CONNECTORS:
            run = run[1:]
        if len([t for t in run if _capitalised(t.group(0))]) >= 2:
            out.append((began, run))
    return out


def sentence_start(text: str, pos: int) -> bool:
    """True when `pos` begins the text or a sentence, where any word is capitalised."""
    return re.search(r"(?:^|[.!?:]\s+|\n)\W*$", text[:pos]) is not None


def name_spans(text: str, names: Iterable[str] = (), not_marks: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """(start, end) of every proper name in `text`, and of every name the plan lists.

    `not_marks`: all-capitals words that do not make a run a name (jargon like PPI)."""
    return listed_spans(text, names) + found_spans(text, not_marks)


def listed_spans(text: str, names: Iterable[str]) -> list[tuple[int, int]]:
    """(start, end) of every name the plan lists under `names:`, in any case."""
    spans = []
    for name in names:
        if name.strip():
            pattern = re.compile(rf"(?<![\w-]){re.escape(name.strip())}(?![\w-])", re.IGNORECASE)
            spans += [m.span() for m in pattern.finditer(text)]
    return spans


def found_spans(text: str, not_marks: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """(start, end) of every run of words that reads as a proper name."""
    spans = []
    tokens = list(_TOKEN.finditer(text))
    headline = _headline(tokens)
    for began, run in _runs(text, tokens):
        words = [t.group(0) for t in run]
        capitals = sum(_capitalised(w) for w in words)
        needs_mark = headline or (capitals == 2 and sentence_start(text, began))
        if not needs_mark or _marked(words, not_marks):
            spans.append((run[0].start(), run[-1].end()))
    return spans
