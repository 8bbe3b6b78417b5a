"""Reading level, per sentence, computed offline.

The reading age is Flesch-Kincaid grade + 5 (the UK reading age). One sentence is too few
words for the syllable part of the formula to mean much ("Thematic analysis" alone would
score 31), so a sentence's syllables per word are pulled towards everyday English by a few
words' worth of it (`PRIOR_WORDS`): a long sentence of long words still scores high, a short
one with one long word does not swing wildly. Syllables are counted by a small rule set, so
nothing is downloaded (textstat 0.7.9+ fetches a dictionary at run time; see benchmarks/).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

# Everyday English has about 1.4 syllables a word (by this counter, on the benchmark corpus);
# a sentence's own rate is blended with this many words of it.
EVERYDAY_SYLLABLES = 1.4
PRIOR_WORDS = 4

_WORD = re.compile(r"[A-Za-z0-9]+(?:[-'’][A-Za-z0-9]+)*")
_VOWELS = re.compile(r"[aeiouy]+")
# Two vowels side by side that are usually said as two syllables: tri-an-gle, me-di-a, pe-ri-od,
# ac-tu-al, vi-de-o, go-ing, i-de-a, ho-no-ra-ri-um.
_SPLIT_PAIRS = re.compile(r"(?<![tsc])i[ao]|(?<![qg])ua|(?<![pm])eo(?!u)|[aeiouy](?=ing$)|ea(?=s?$)|iu|(?<!c)ie(?=t)")
# A silent e inside a word: before a suffix (engage-ment, like-ly), or ending the first part of a
# compound (home-work, safe-guarding, some-thing, white-board).
_SILENT_E = re.compile(
    r"(?<=[aeiou][bcdfgkmnprstvz])e(?=(?:ment|ly|ful|less|ness)s?$)"
    r"|^(?:some|home|safe|stake|white|life|time|care|name|side|whole|face|note|place|make|take|base|case|like|where|there)"
    r"(?=[bcdfghjklmnpqrstvwxz]\w{2})"
)
_SHORT_TWO = frozenset({"any", "ago", "via"})
_ABBREVIATIONS = re.compile(r"(?:\b(?:e\.g|i\.e|etc|Dr|Mr|Mrs|Ms|St|approx|vs)\.)$", re.IGNORECASE)
_NUMBER_SIGN = re.compile(r"\bNo\.$", re.IGNORECASE)  # "No. 5"; "You can say no." ends a sentence


def words_of(text: str) -> list[str]:
    """The words of a text; a hyphenated word ("co-design") is one word."""
    return _WORD.findall(text)


def _syllables_one(w: str) -> int:
    if not w.isalpha():
        return 1  # a number
    if len(w) <= 3:
        return 2 if w in _SHORT_TWO else 1
    silent = len(_SILENT_E.findall(w))
    pairs = len(_SPLIT_PAIRS.findall(w))
    # A final -es or -ed is silent except after a hissing sound or t/d (bran-ches, wan-ted).
    if re.search(r"[^sxzhcg]es$", w) or re.search(r"[^laeiouytd]ed$", w):
        w = w[:-2]
    elif re.search(r"[^laeiouy]e$", w):
        w = w[:-1]
    w = re.sub(r"^y", "", w)
    count = len(_VOWELS.findall(w)) + pairs - silent
    return max(1, count)


@lru_cache(maxsize=8192)
def syllables(word: str) -> int:
    """An estimate of the syllables in an English word (good enough for a reading age).

    Only the part before an apostrophe counts (don't, it's, we'll), but a spoken n't is one more (did-n't)."""
    head, *rest = re.split(r"['’]", word.lower())
    extra = 1 if rest and rest[0] == "t" and re.search(r"[^aeiou]n$", head) else 0
    return extra + sum(_syllables_one(part) for part in head.split("-") if part)


@lru_cache(maxsize=4096)
def split_sentences(text: str) -> tuple[str, ...]:
    """The sentences of a text: split after . ! ? before a capital or a number, and at line breaks."""
    out: list[str] = []
    for line in re.split(r"\n\s*", text.strip()):
        pending = ""
        parts = re.split(r"(?<=[.!?])\s+(?=[\"'“‘(]?[A-Z0-9])", line)
        for n, part in enumerate(parts):
            pending = f"{pending} {part}".strip() if pending else part
            number = n + 1 < len(parts) and parts[n + 1][:1].isdigit() and _NUMBER_SIGN.search(pending)
            if not (_ABBREVIATIONS.search(pending) or number):
                out.append(pending)
                pending = ""
        if pending:
            out.append(pending)
    return tuple(s.strip() for s in out if _WORD.search(s))


def grade(words: int, syllable_count: int, sentences: int = 1) -> float:
    """Flesch-Kincaid grade."""
    return 0.39 * words / sentences + 11.8 * syllable_count / words - 15.59


def _age(words: int, rate: float) -> float:
    """The UK reading age (grade + 5) of one sentence of `words` words at `rate` syllables a word."""
    return 0.39 * words + 11.8 * rate - 15.59 + 5


def everyday_age(words: int) -> float:
    """The age a sentence this long reads at in everyday words: what its length alone costs."""
    return _age(words, EVERYDAY_SYLLABLES)


@dataclass(frozen=True)
class Sentence:
    text: str
    words: int
    age: float  # UK reading age, blended as described above


@lru_cache(maxsize=4096)
def score(sentence: str) -> Sentence:
    """One sentence's words and reading age."""
    words = words_of(sentence)
    if not words:
        return Sentence(sentence, 0, 5.0)
    syl = sum(syllables(w) for w in words)
    rate = (syl + PRIOR_WORDS * EVERYDAY_SYLLABLES) / (len(words) + PRIOR_WORDS)
    return Sentence(sentence, len(words), round(max(5.0, _age(len(words), rate)), 1))


@lru_cache(maxsize=4096)
def long_words(sentence: str, most: int = 3) -> tuple[str, ...]:
    """The words that push a sentence's reading age up: up to `most` of those with the most
    syllables (three or more if it has any, else two; longer first among equals), in the sentence's order."""
    seen: dict[str, tuple[int, int, int, str]] = {}
    for place, word in enumerate(words_of(sentence)):
        count = syllables(word)
        if count >= 2 and not any(c.isdigit() for c in word):
            seen.setdefault(word.lower(), (-count, -len(word), place, word))
    floor = min(3, -min(seen.values())[0]) if seen else 2
    chosen = [rank for rank in sorted(seen.values())[:most] if -rank[0] >= floor]
    return tuple(word for *_, word in sorted(chosen, key=lambda rank: rank[2]))


def reading_age(texts: Iterable[str]) -> float | None:
    """Flesch-Kincaid reading age of a whole text (no blending), or None when there are under 30 words."""
    sentences = [s for t in texts for s in split_sentences(t)]
    words = [w for s in sentences for w in words_of(s)]
    if len(words) < 30:
        return None
    return round(grade(len(words), sum(syllables(w) for w in words), len(sentences)) + 5, 1)
