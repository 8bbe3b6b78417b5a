"""Plain language: jargon the glossary does not explain, and sentences above the reading level.

Both read the one walker of participant-facing text (language.texts). The reading level is
scored per sentence of prose (titles and list items are not sentences), so one hard sentence
is named with its plan line instead of being averaged away by short headings.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from coprod_cli.findings import Finding, Severity
from coprod_cli.language.acronyms import explained, find_acronyms
from coprod_cli.language.jargon import Hit, explained_by, find_jargon
from coprod_cli.language.messages import NAMES, babel_locale, catalogue_code
from coprod_cli.language.readability import Sentence, everyday_age, long_words, score, split_sentences
from coprod_cli.language.texts import Form, Text, participant_texts
from coprod_cli.plan.base import PAUSE_KINDS, Mode
from coprod_cli.plan.online import OnlineVariant
from coprod_cli.plan.placeholders import placeholder_in

if TYPE_CHECKING:
    from coprod_cli.checks import Context
    from coprod_cli.plan.models import Settings
    from coprod_cli.plan.resolve import ResolvedItem

# The Easy Read guidance: 15 words or fewer in a sentence.
EASY_READ_WORDS = 15
# One sentence is a small sample, so its estimate is only good to about a year: a sentence is
# flagged when it reads more than this many years above the aim.
AGE_MARGIN = 1


def run(ctx: Context) -> list[Finding]:
    plan = ctx.loaded.plan
    glossary = list(plan.glossary)
    findings: list[Finding] = _catalogue(plan.language)
    names = plan.names
    for text in participant_texts(plan):
        hits = find_jargon(text.text, names)
        reported: set[str] = set()
        for hit in hits:
            if hit.entry.term in reported or explained_by(hit.entry, glossary):
                continue
            reported.add(hit.entry.term)
            findings.append(
                _finding(
                    text,
                    "language.jargon",
                    f"'{hit.words}' is jargon to many people: say '{hit.entry.plain}' instead, or explain "
                    f"'{hit.entry.term}' under glossary:",
                )
            )
        findings += [
            _finding(
                text,
                "language.jargon",
                f"'{acronym.letters}' is a short form many people do not know: write it out in words, or "
                f"explain '{acronym.letters}' under glossary: (if it is a name, list it under names:)",
            )
            for acronym in find_acronyms(text.text, plan.names)
            if not explained(acronym.letters, glossary)
        ]
        if text.is_prose:
            findings += _hard_sentences(text, hits, plan.settings)
    return findings + _bare_titles(ctx)


def _bare_titles(ctx: Context) -> list[Finding]:
    """A note for each workshop whose Easy Read shows items only by their titles: they have no `easy:`
    line. One note a workshop, at its first such item, so a plan written without them is not buried
    in notes. Breaks and meals read well as titles; a starter's placeholder is named by
    `ready.placeholder` already."""
    findings = []
    for sched in ctx.schedules:
        bare = [
            t
            for t in sched.items
            if not t.item.easy and t.item.kind not in PAUSE_KINDS and not placeholder_in(t.item.title)
        ]
        if not bare:
            continue
        first = bare[0]
        if len(bare) == 1:
            what = f"'{first.item.title}' has no easy: line{_where_easy_goes(first.item, sched.workshop.mode)}"
            shows = "only its title; add one that says"
        else:
            named = ", ".join(f"'{t.item.title}'{_where_easy_goes(t.item, sched.workshop.mode)}" for t in bare[:3])
            more = f" and {len(bare) - 3} more" if len(bare) > 3 else ""
            what = f"{len(bare)} items have no easy: line ({named}{more})"
            shows = "only their titles; add one to each that says"
        findings.append(
            Finding(
                Severity.info,
                "language.easy-read",
                sched.workshop.id,
                first.index,
                first.path,
                f"{what}, so the Easy Read shows {shows} what happens, in short sentences of everyday words",
            )
        )
    return findings


def _where_easy_goes(item: ResolvedItem, mode: Mode) -> str:
    """Online, the handout shown may be the `online:` one: its Easy Read line goes beside it."""
    online = item.online if isinstance(item.online, OnlineVariant) else None
    if mode == Mode.online and online is not None and online.handout and online.handout == item.handout:
        return " for its online handout (write it under online:)"
    return ""


def _catalogue(lang: str) -> list[Finding]:
    """A note when the documents' fixed words cannot be in the plan's language."""
    if catalogue_code(lang) is not None:
        return []
    name = babel_locale(lang).get_display_name("en") if babel_locale(lang).language == lang.split("-")[0] else lang
    have = " and ".join(f"{english} ({tag})" for tag, english in NAMES.items())
    return [
        Finding(
            Severity.info,
            "language.catalogue",
            None,
            None,
            ("language",),
            f"coprod has no {name} words for its documents yet (it has {have}): headings and labels will be "
            "in English; dates are written the language's own way where coprod knows it",
        )
    ]


def _finding(text: Text, code: str, message: str) -> Finding:
    return Finding(Severity.warning, code, text.workshop, text.item, text.path, message)


def _hard_sentences(text: Text, hits: list[Hit], settings: Settings) -> list[Finding]:
    """A finding for each sentence above the reading age or longer than the words allowed."""
    easy = text.form is Form.EASY
    age_aim, age_key = (settings.easy_read_age, "easy_read_age") if easy else (settings.reading_age, "reading_age")
    words_aim = EASY_READ_WORDS if easy else settings.sentence_words
    out = []
    offset = 0
    for raw in split_sentences(text.text):
        start = text.text.find(raw, offset)
        offset = start + len(raw)
        sentence = score(raw)
        too_old, too_long = round(sentence.age) > age_aim + AGE_MARGIN, sentence.words > words_aim
        if not (too_old or too_long):
            continue
        problems = []
        if too_old:
            problems.append(f"reads at about age {sentence.age:.0f} (aim: {age_aim} or under, settings: {age_key})")
        if too_long:
            problems.append(f"has {sentence.words} words (aim: {words_aim} or fewer)")
        inside = [h for h in hits if start <= h.start and h.end <= offset]
        out.append(
            _finding(
                text,
                "language.reading-level",
                f"{'Easy Read: ' if easy else ''}{_quote(sentence)} {' and '.join(problems)}; "
                f"{_advice(sentence, inside, too_long, age_aim + AGE_MARGIN if too_old else None)}",
            )
        )
    return out


def _quote(sentence: Sentence) -> str:
    words = sentence.text.split()
    shown = sentence.text if len(words) <= 12 else " ".join(words[:12]) + " …"
    return f'"{shown}"'


def _advice(sentence: Sentence, inside: list[Hit], too_long: bool, most_age: int | None) -> str:
    """A plainer way to say it: the jargon list's words first, then what raises the reading age.

    By the formula, a sentence's age is its length plus its syllables a word: when even everyday
    words would leave it above `most_age`, its length is the cause (split it); else its longest words are.
    """
    plainer = list(dict.fromkeys(f"'{h.entry.plain}' for '{h.words}'" for h in inside))
    tips = [f"try {', '.join(plainer)}"] if plainer else []
    length_too_old = most_age is not None and round(everyday_age(sentence.words)) > most_age
    if too_long:
        tips.append("split it into shorter sentences")
    elif length_too_old:
        tips.append(f"it is long ({sentence.words} words): split it into shorter sentences")
    words_too_old = most_age is not None and (not length_too_old or sentence.age > everyday_age(sentence.words) + 1)
    if words_too_old:
        jargon = {w.lower() for h in inside for w in h.words.split()}
        hard = [f"'{w}'" for w in long_words(sentence.text) if w.lower() not in jargon]
        if hard:
            tips.append(f"try shorter words for {', '.join(hard)}")
    return " and ".join(tips) or "use shorter, everyday words"
