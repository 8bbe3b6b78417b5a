"""The built-in jargon list (a data file, jargon.yaml) and finding its terms in a text.

A term counts when it is used in its jargon sense: each entry may name words beside it that
show an everyday sense ("the queue kept going forward", "the outcome of the vote"). Words
inside a proper name ("Empower Youth CIC") or a plan's `names:` are never jargon.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from coprod_cli.language.names import name_spans
from coprod_cli.language.terms import term_pattern


@dataclass(frozen=True)
class Jargon:
    term: str
    variants: tuple[str, ...]
    plain: str  # a plainer word to use instead
    meaning: str  # what it means, for a handout's glossary
    field: str  # which field it comes from: health-and-care, research, ...
    unless_preceded_by: frozenset[str] = frozenset()
    unless_followed_by: tuple[str, ...] = ()
    only_followed_by: frozenset[str] = frozenset()  # jargon only with one of these words just after it


@dataclass(frozen=True)
class Hit:
    """One use of a jargon term in a text, as written."""

    entry: Jargon
    words: str
    start: int
    end: int


@lru_cache(maxsize=1)
def jargon_list() -> tuple[Jargon, ...]:
    """Every entry of jargon.yaml, in file order."""
    text = resources.files("coprod_cli.language").joinpath("jargon.yaml").read_text("utf-8")
    data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # libyaml when there
    out = []
    for field, entries in data.items():
        for raw in entries:
            term = str(raw["term"])
            out.append(
                Jargon(
                    term=term,
                    variants=tuple(dict.fromkeys([term, *map(str, raw.get("also", []))])),
                    plain=str(raw["plain"]),
                    meaning=str(raw["meaning"]),
                    field=str(field),
                    unless_preceded_by=frozenset(str(w).lower() for w in raw.get("unless_preceded_by", [])),
                    unless_followed_by=tuple(str(w).lower() for w in raw.get("unless_followed_by", [])),
                    only_followed_by=frozenset(str(w).lower() for w in raw.get("only_followed_by", [])),
                )
            )
    return tuple(out)


def _key(variant: str) -> str:
    """A cheap test for a variant: the start of its first word, which any use of it contains."""
    first = re.split(r"[\s-]+", variant.strip())[0]
    return first[:4] if variant.isupper() else first[:4].lower()


@lru_cache(maxsize=1)
def _variants() -> tuple[tuple[str, str, Jargon], ...]:
    """(key, form, entry) for every form of every entry; patterns are compiled when first needed."""
    return tuple((_key(variant), variant, entry) for entry in jargon_list() for variant in entry.variants)


@lru_cache(maxsize=1024)
def _form_pattern(variant: str) -> re.Pattern[str]:
    """The form's pattern; ALL-CAPS forms (PPI, SEND) match only in capitals."""
    pattern = term_pattern(variant)
    return re.compile(pattern.pattern) if variant.isupper() and len(variant) > 1 else pattern


def _needles(variant: str) -> tuple[str, ...]:
    """Words that any use of a form contains (its last word less a final e: "facilitate" in
    "facilitating"), lower-cased unless ALL-CAPS: a text without them needs no regex at all.
    Nothing for a form with letters beyond ASCII, whose case-blind matching `lower` may not mirror,
    nor for a one-letter capital, which _form_pattern matches in any case."""
    if not variant.isascii() or (variant.isupper() and len(variant) == 1):
        return ()
    words = [w for w in re.split(r"[\s-]+", variant.strip()) if w]
    words[-1] = words[-1][:-1] if words[-1].endswith("e") else words[-1]
    return tuple(w if variant.isupper() else w.lower() for w in words if w)


@lru_cache(maxsize=1)
def _by_key() -> dict[str, tuple[tuple[int, str, Jargon, bool, tuple[str, ...]], ...]]:
    """The forms grouped by key, each with its place in the list (for a stable order), whether
    it is ALL-CAPS and its needles, so a text is tried only against the forms whose key starts
    one of its words and whose words it holds."""
    grouped: dict[str, list[tuple[int, str, Jargon, bool, tuple[str, ...]]]] = {}
    for index, (key, variant, entry) in enumerate(_variants()):
        grouped.setdefault(key, []).append((index, variant, entry, variant.isupper(), _needles(variant)))
    return {key: tuple(forms) for key, forms in grouped.items()}


_WORD_START = re.compile(r"\w+")


@lru_cache(maxsize=4096)  # a series repeats its texts (an activity used in every workshop)
def _matches(text: str) -> tuple[tuple[int, int, Jargon], ...]:
    """Every form found in `text`, the longest winning where two overlap ("stakeholder mapping"
    over the "stakeholder" inside it). Only forms whose key begins a word of the text are tried."""
    lowered = text.lower()
    starts = {w[:n] for w in _WORD_START.findall(text) for n in range(1, 5)}
    starts |= {p.lower() for p in starts}
    by_key = _by_key()
    found = [
        (m.start(), m.end(), index, entry)
        for key in starts.intersection(by_key)
        for index, variant, entry, upper, needles in by_key[key]
        if key in (text if upper else lowered) and all(n in (text if upper else lowered) for n in needles)
        for m in _form_pattern(variant).finditer(text)
    ]
    found.sort(key=lambda f: (f[0], -(f[1] - f[0]), f[2]))
    out: list[tuple[int, int, Jargon]] = []
    for start, end, _, entry in found:
        if not out or start >= out[-1][1]:
            out.append((start, end, entry))
    return tuple(out)


@lru_cache(maxsize=1)
def jargon_acronyms() -> frozenset[str]:
    """Jargon short forms (PPI, MDT, SENCo), in capitals: such a word does not make the words around it a name."""
    return frozenset(v.upper() for e in jargon_list() for v in e.variants if sum(c.isupper() for c in v) > 1)


def matched_spans(text: str) -> list[tuple[int, int]]:
    """Where the text uses a form of the list, in any sense and inside names too (start, end)."""
    return [(start, end) for start, end, _ in _matches(text)]


_LAST_WORD = re.compile(r"([\w'’]+)[^\w.!?;:,]*$")
_FIRST_WORDS = re.compile(r"\s*([\w'’ ]*)")
_CLAUSE = re.compile(r"[^.!?;:,()]*")
# How far after a term `only_followed_by` looks: "deliver a high-quality service" is four words on.
ONLY_FOLLOWED_WITHIN = 4


def _everyday_sense(entry: Jargon, text: str, start: int, end: int) -> bool:
    """True when the words around the term show its everyday sense."""
    if entry.unless_preceded_by:
        before = _LAST_WORD.search(text[:start])
        if before:
            word = before.group(1).lower().replace("’", "'")
            if word in entry.unless_preceded_by or any(
                word.endswith(w) for w in entry.unless_preceded_by if w.startswith("'")
            ):
                return True
    if entry.unless_followed_by:
        after = _FIRST_WORDS.match(text, end)
        following = " ".join((after.group(1) if after else "").lower().split())
        if any(following == w or following.startswith(w + " ") for w in entry.unless_followed_by):
            return True
    if entry.only_followed_by:
        clause = _CLAUSE.match(text, end)
        words = _WORD_START.findall(clause.group(0).lower() if clause else "")[:ONLY_FOLLOWED_WITHIN]
        return not entry.only_followed_by.intersection(words)
    return False


def find_jargon(text: str, names: Iterable[str] = ()) -> list[Hit]:
    """Every use of a jargon term in `text`, leaving out names and everyday senses."""
    matches = _matches(text)
    if not matches:
        return []
    spans = name_spans(text, names, jargon_acronyms())
    hits = []
    for start, end, entry in matches:
        if any(s < end and start < e for s, e in spans):
            continue
        if not _everyday_sense(entry, text, start, end):
            hits.append(Hit(entry, text[start:end], start, end))
    return hits


def jargon_in(text: str, names: Iterable[str] = ()) -> list[tuple[Jargon, str]]:
    """Each jargon entry that `text` uses, once, with the words as first written."""
    found: dict[str, tuple[Jargon, str]] = {}
    for hit in find_jargon(text, names):
        found.setdefault(hit.entry.term, (hit.entry, hit.words))
    return list(found.values())


def explained_by(entry: Jargon, glossary_terms: Iterable[str]) -> bool:
    """True when a glossary term names this jargon (in any of its forms)."""
    return any(term_pattern(v).search(term) for term in glossary_terms for v in entry.variants)
