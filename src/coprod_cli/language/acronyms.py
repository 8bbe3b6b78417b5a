"""Short forms in capitals that nobody has explained (IRO, CAMHS, DBS): jargon even when no list has them.

A word of 2 to 6 capital letters (a plural "s" allowed) is a short form, except: the well-known
ones and words written in capitals for emphasis (acronyms.yaml), Roman numerals (Part II), short
forms with an entry of their own in the jargon list (which has a plainer word for them), a run of
three or more words in capitals (a heading written in capitals) or of two long ones (TOWN HALL),
a short form written beside its meaning in brackets ("independent reviewing officer (IRO)",
"IRO (independent reviewing officer)"), and anything inside a web or email address or a proper name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from coprod_cli.language.jargon import jargon_acronyms, matched_spans
from coprod_cli.language.names import found_spans, listed_spans, sentence_start

MAX_LETTERS = 6  # SENDCO; a longer word in capitals is a word said loudly ("WELCOME")
# Capitals not inside a word, an address or a contraction ("DON'T"); "IROs" and "IRO's" are IRO.
_CAPITALS = re.compile(rf"(?<![\w&'’@/])([A-Z]{{2,{MAX_LETTERS}}})(?:s|['’]s)?(?![\w&@]|['’]\w|\.\w)")
_SHOUTED = re.compile(r"(?<![\w'’])[A-Z][A-Z'’]*(?:[\s,.!?:;-]+[A-Z][A-Z'’]*){2,}(?![\w'’])")
_NAME_IN_CAPITALS = re.compile(r"(?<![\w'’])[A-Z]{4,}(?: [A-Z]{4,})+(?![\w'’])")  # "TOWN HALL", "GREEN LANE"
_ADDRESS = re.compile(r"\S*(?:://|@|www\.)\S*")
_SHORT_FORM = re.compile(r"[A-Z]+(?:['’]?s)?")
_WORD = re.compile(r"[A-Za-z][\w'’&-]*")
_ROMAN = re.compile(r"(?:X{0,3})(?:IX|IV|V?I{0,3})")


@dataclass(frozen=True)
class Acronym:
    """One use of a short form in a text: the short form (without a plural "s") and where it is."""

    letters: str
    start: int
    end: int


@lru_cache(maxsize=1)
def _lists() -> tuple[frozenset[str], frozenset[str]]:
    """The well-known short forms and the words written in capitals for emphasis (acronyms.yaml)."""
    text = resources.files("coprod_cli.language").joinpath("acronyms.yaml").read_text("utf-8")
    data = yaml.load(text, Loader=yaml.BaseLoader)  # every word as written: YES and NO are not true and false
    return frozenset(map(str, data["well_known"])), frozenset(map(str, data["emphasis"]))


def allowed() -> frozenset[str]:
    """Words in capitals that are never asked to be explained."""
    well_known, emphasis = _lists()
    return well_known | emphasis


def _shouted(text: str) -> list[tuple[int, int]]:
    """Runs of three or more words in capitals that read as a heading or emphasis ("PLEASE DO NOT SHARE"):
    one of the words is an everyday word or too long for a short form. "IRO, PA, SW" is a list of short forms.
    Two or more words of four or more capitals side by side are a name written in capitals ("TOWN HALL")."""
    emphasis = _lists()[1]
    return [
        m.span()
        for m in _SHOUTED.finditer(text)
        if any(w in emphasis or len(w) > MAX_LETTERS for w in re.findall(r"[A-Z]+", m.group(0)))
    ] + [m.span() for m in _NAME_IN_CAPITALS.finditer(text)]


def _beside_its_meaning(text: str, start: int, end: int) -> bool:
    """Written beside its meaning: "IRO (independent reviewing officer)", or "independent reviewing officer
    (IRO)". The meaning starts with the short form's first letter, or, before it, a word of it does."""
    first = text[start].lower()
    after = re.match(r"\s*\(\s*([A-Za-z])", text[end:])
    if after:
        return after.group(1).lower() == first
    if start == 0 or text[start - 1] != "(" or text[end : end + 1] != ")":
        return False
    before = re.findall(r"[A-Za-z]+", text[: start - 1])[-(end - start + 3) :]
    return any(word[0].lower() == first for word in before)


@lru_cache(maxsize=4096)  # a series repeats its texts (an activity used in every workshop)
def _candidates(text: str) -> tuple[Acronym, ...]:
    """Every short form in `text` that may need explaining, before names and the glossary are looked at."""
    if not _CAPITALS.search(text):
        return ()
    skip = allowed() | jargon_acronyms()
    covered = _shouted(text) + [m.span() for m in _ADDRESS.finditer(text)]
    covered += matched_spans(text)
    out = []
    for match in _CAPITALS.finditer(text):
        letters, start, end = match.group(1), match.start(1), match.end()
        if letters in skip or _ROMAN.fullmatch(letters) or any(s <= start < e for s, e in covered):
            continue
        if not _beside_its_meaning(text, start, end):
            out.append(Acronym(letters, start, end))
    return tuple(out)


def _named(text: str, start: int, end: int) -> bool:
    """A name has a capitalised word of its own besides short forms and the word opening a sentence:
    "Empower Youth CIC", not "SW and DBS" nor "Then DBS"."""
    words = [m for m in _WORD.finditer(text, start, end)]
    if words and sentence_start(text, words[0].start()):
        words = words[1:]
    return any(w.group(0)[0].isupper() and not _SHORT_FORM.fullmatch(w.group(0)) for w in words)


def find_acronyms(text: str, names: Iterable[str] = ()) -> list[Acronym]:
    """Each short form in `text` that needs explaining, once, at its first use; never inside a proper name.

    A short form alone does not make the words around it a name: "Youth CIC" opening a sentence
    is not one, "Empower Youth CIC" is."""
    found = _candidates(text)
    if not found:
        return []
    marks = jargon_acronyms() | {a.letters for a in found}
    spans = listed_spans(text, names) + [(s, e) for s, e in found_spans(text, marks) if _named(text, s, e)]
    first: dict[str, Acronym] = {}
    for acronym in found:
        if not any(s <= acronym.start < e for s, e in spans):
            first.setdefault(acronym.letters, acronym)
    return list(first.values())


def explained(letters: str, glossary_terms: Iterable[str]) -> bool:
    """True when a glossary term names the short form ("IRO", "IROs", "IRO (independent reviewing officer)")."""
    pattern = re.compile(rf"(?<![A-Za-z]){re.escape(letters)}s?(?![A-Za-z])")
    return any(pattern.search(term) for term in glossary_terms)
