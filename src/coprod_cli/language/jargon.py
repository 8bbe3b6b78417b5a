"""Plain language: the built-in jargon list and a reading-age estimate, computed offline.

The reading age is Flesch-Kincaid grade + 5 (UK reading age), with syllables counted by a
small rule set, so it needs no data download (textstat 0.7.9+ fetches data at run time).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from coprod_cli.language.terms import term_pattern
from coprod_cli.plan.models import Item, Plan

Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class Jargon:
    term: str
    variants: tuple[str, ...]
    plain: str  # a plainer word to use instead
    meaning: str  # what it means, for a handout's glossary


JARGON: tuple[Jargon, ...] = (
    Jargon(
        "prototype",
        ("prototype", "prototyping"),
        "a rough version to try out",
        "a quick, rough version of an idea, made to try it out",
    ),
    Jargon(
        "blueprint",
        ("blueprint", "blueprinting", "service blueprint"),
        "a map of how a service works",
        "a map of what a service does, including what happens behind the scenes",
    ),
    Jargon("persona", ("persona",), "a made-up character", "a made-up person who stands for many real people"),
    Jargon(
        "journey map",
        ("journey map", "journey mapping"),
        "a step-by-step picture",
        "a picture of each step someone takes through a service, and how it feels",
    ),
    Jargon(
        "touchpoint",
        ("touchpoint", "touch point"),
        "a moment of contact",
        "any moment when someone comes into contact with a service",
    ),
    Jargon("stakeholder", ("stakeholder",), "people involved", "anyone who is affected by something or can change it"),
    Jargon("ideation", ("ideation", "ideate"), "coming up with ideas", "coming up with ideas"),
    Jargon(
        "co-production",
        ("co-production", "coproduction", "co-produce", "coproduce", "co-productive", "coproductive"),
        "working together as equals",
        "people who use a service and people who run it working on it together, as equals",
    ),
    Jargon(
        "co-design",
        ("co-design", "codesign"),
        "designing together",
        "designing something together with the people who will use it",
    ),
    Jargon("service user", ("service user",), "people who use the service", "someone who uses a service"),
    Jargon("insight", ("insight",), "something we learned", "something new we learned or understood"),
    Jargon("pain point", ("pain point",), "a problem", "a part of a service that causes problems or frustration"),
    Jargon(
        "iterate",
        ("iterate", "iteration", "iterative"),
        "try again and improve",
        "to try something, learn, and improve it, again and again",
    ),
    Jargon(
        "deliverable", ("deliverable",), "what we will make", "something that has to be made or done by a certain time"
    ),
    Jargon("outcomes", ("outcome",), "results", "the results or changes that something leads to"),
    Jargon("leverage", ("leverage",), "use", "to use something to get a result"),
    Jargon("holistic", ("holistic",), "whole-person", "looking at the whole person or situation, not just one part"),
    Jargon(
        "place-based", ("place-based", "place based"), "local", "organised around a local area and the people in it"
    ),
    Jargon("going forward", ("going forward",), "from now on", "from now on"),
    Jargon(
        "stakeholder mapping",
        ("stakeholder mapping",),
        "mapping who is involved",
        "drawing a map of everyone who is involved",
    ),
    Jargon(
        "synergy",
        ("synergy", "synergies"),
        "working well together",
        "when working together gives more than working apart",
    ),
    Jargon(
        "empower", ("empower", "empowerment"), "give more say", "to give people more power and say over what happens"
    ),
    Jargon(
        "facilitator",
        ("facilitator", "facilitate", "facilitation"),
        "the person running the session",
        "the person who runs the session and helps everyone take part",
    ),
    Jargon("workstream", ("workstream", "work stream"), "part of the work", "one part of a bigger piece of work"),
    Jargon("upskill", ("upskill",), "learn new skills", "to learn new skills"),
    Jargon(
        "key performance indicator",
        ("KPI", "key performance indicator"),
        "a measure of success",
        "a number used to measure whether something is working",
    ),
    Jargon(
        "user journey", ("user journey",), "the steps someone takes", "the steps someone takes when they use a service"
    ),
    Jargon(
        "scoping", ("scoping",), "working out what is involved", "working out what a problem or piece of work includes"
    ),
)


@lru_cache(maxsize=1)
def _variants() -> tuple[tuple[str, str, Jargon], ...]:
    """(clue, variant, entry) for every jargon variant, longest first so "stakeholder mapping"
    wins over the "stakeholder" inside it. A text that does not contain the clue (the variant's
    longest word, lower case, without a final e) cannot use the variant, so most texts need no
    pattern at all, and only the patterns a plan needs are ever compiled."""
    ordered = sorted(((v, e) for e in JARGON for v in e.variants), key=lambda ve: len(ve[0]), reverse=True)
    return tuple((max(re.split(r"[\s-]+", v.lower()), key=len).removesuffix("e"), v, e) for v, e in ordered)


@lru_cache(maxsize=4096)
def _jargon_scan(text: str) -> tuple[tuple[Jargon, str], ...]:
    lowered = text.lower()
    matches = []
    for priority, (clue, variant, entry) in enumerate(_variants()):
        if clue in lowered:
            matches += [(m.start(), priority, m.end(), entry, m.group(0)) for m in term_pattern(variant).finditer(text)]
    matches.sort(key=lambda m: (m[0], m[1]))
    found: dict[str, tuple[Jargon, str]] = {}
    taken = 0  # like one alternation scanning left to right: the first match at a place wins
    for start, _, end, entry, words in matches:
        if start >= taken:
            found.setdefault(entry.term, (entry, words))
            taken = end
    return tuple(found.values())


def jargon_in(text: str) -> list[tuple[Jargon, str]]:
    """Every jargon entry that `text` uses, with the words as first written.

    A match inside a longer one ("stakeholder" inside "stakeholder mapping") does not count.
    """
    return list(_jargon_scan(text))


def explained_by(entry: Jargon, glossary_terms: list[str]) -> bool:
    """True when a glossary term names this jargon (in any of its forms)."""
    return _explained(entry, tuple(glossary_terms))


@lru_cache(maxsize=1024)
def _explained(entry: Jargon, glossary_terms: tuple[str, ...]) -> bool:
    return any(term_pattern(v).search(term) for term in glossary_terms for v in entry.variants)


_VOWELS = re.compile(r"[aeiouy]+")
_WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")
_SILENT_END = re.compile(r"(?:[^laeiouy]es|[^laeiouy]ed|[^laeiouy]e)$")
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+|\n+")


@lru_cache(maxsize=8192)
def syllables(word: str) -> int:
    """An estimate of the syllables in an English word (good enough for a reading age)."""
    w = word.lower()
    if len(w) <= 3:
        return 1
    w = _SILENT_END.sub("", w).removeprefix("y")
    count = len(_VOWELS.findall(w))
    return max(1, count)


def sentences_of(texts: list[str]) -> list[str]:
    """Sentences of the texts; a title or bullet without a full stop counts as one sentence."""
    out: list[str] = []
    for text in texts:
        for part in _SENTENCE_BREAK.split(text.strip()):
            if _WORD.search(part):
                out.append(part.strip())
    return out


def reading_age(texts: list[str]) -> float | None:
    """UK reading age (Flesch-Kincaid grade + 5) of the texts, or None when there are too few words."""
    sentences = sentences_of(texts)
    words = [w for s in sentences for w in _WORD.findall(s)]
    if len(words) < 30 or not sentences:
        return None
    grade = 0.39 * len(words) / len(sentences) + 11.8 * sum(syllables(w) for w in words) / len(words) - 15.59
    return round(grade + 5, 1)


def sentence_age(sentence: str) -> float:
    """The reading age of one sentence, to point at the hardest ones."""
    words = _WORD.findall(sentence)
    if not words:
        return 0.0
    grade = 0.39 * len(words) + 11.8 * sum(syllables(w) for w in words) / len(words) - 15.59
    return grade + 5


def participant_texts(plan: Plan) -> Iterator[tuple[str | None, int | None, Loc, str]]:
    """(workshop id, item index, path, text) for every participant-facing text of the plan."""
    if plan.purpose:
        yield None, None, ("purpose",), plan.purpose
    for i, rule in enumerate(plan.ground_rules):
        yield None, None, ("ground_rules", i), rule
    for w_index, w in enumerate(plan.workshops):
        path: Loc = ("workshops", w_index)
        yield w.id, None, (*path, "title"), w.title
        for g, goal in enumerate(w.goals):
            yield w.id, None, (*path, "goals", g), goal
        if w.homework:
            yield w.id, None, (*path, "homework"), w.homework
        for i, item in enumerate(w.agenda):
            yield from _item_texts(w.id, i, (*path, "agenda", i), item, w.mode == "hybrid")


def _item_texts(
    wid: str | None, index: int, path: Loc, item: Item, hybrid: bool = False
) -> Iterator[tuple[str | None, int | None, Loc, str]]:
    yield wid, index, (*path, "title"), item.title or ""
    if item.handout:
        yield wid, index, (*path, "handout"), item.handout
    online = item.online.handout if hybrid and item.online else None  # printed beside the room's version
    if online and online != item.handout:
        yield wid, index, (*path, "online", "handout"), online
    for t, track in enumerate(item.tracks):
        for s, sub in enumerate(track.agenda):
            yield from _item_texts(wid, index, (*path, "tracks", t, "agenda", s), sub)
