"""The words a handout must explain: glossary terms it uses, and jargon the glossary lacks."""

from __future__ import annotations

from coprod_cli.language.jargon import explained_by, jargon_in, participant_texts
from coprod_cli.language.terms import terms_in
from coprod_cli.plan.models import Plan


def handout_texts(plan: Plan) -> dict[str | None, list[str]]:
    """Every text each workshop's handout prints, by workshop id, from one walk of the plan.

    Each list starts with the series title and the series-wide texts, which are also the list
    under None (they come first in the walk)."""
    series = [plan.title]
    texts: dict[str | None, list[str]] = {None: series}
    for wid, _, _, text in participant_texts(plan):
        if wid is not None and wid not in texts:
            texts[wid] = list(series)
        texts[wid].append(text)
    return texts


def handout_glossary(plan: Plan, texts: list[str]) -> list[tuple[str, str]]:
    """(term, meaning) for the plan's glossary terms the texts use, then for jargon they use
    that the glossary does not explain (with the built-in plain meaning)."""
    glossary = list(plan.glossary)
    used = [(term, plan.glossary[term]) for term in terms_in(texts, glossary)]
    found = jargon_in("\n".join(texts))
    return used + [(entry.term, entry.meaning) for entry, _ in found if not explained_by(entry, glossary)]
