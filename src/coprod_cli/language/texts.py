"""Every text of a plan that participants read, found by one walker.

The language check and the handout's "Words we use" both read `participant_texts`, so what
is checked and what is explained cannot drift apart. Each text says what form it has:
titles and list items are not sentences, so the reading level only scores prose.
"""

from __future__ import annotations

from collections.abc import Iterator
from enum import StrEnum
from typing import NamedTuple

from pydantic import BaseModel

from coprod_cli.findings import Loc
from coprod_cli.language.jargon import Jargon, explained_by, jargon_in
from coprod_cli.language.terms import terms_in
from coprod_cli.plan.models import Item, OnlineVariant, Plan, Workshop

# Consent answers that are choices, not sentences a person wrote.
_CONSENT_CHOICES = frozenset({"ask", "yes", "no", "anonymous", "named", "true", "false"})


class Form(StrEnum):
    TITLE = "title"  # a heading: titles of the series, workshops and items
    ITEM = "item"  # a list item or a label: goals, ground rules, a venue, a role
    PROSE = "prose"  # sentences: purpose, handout text, homework, notes
    EASY = "easy"  # an Easy Read line, held to the Easy Read reading age


class Text(NamedTuple):
    """One participant-facing text and where it is (a named tuple: a big plan has tens of thousands)."""

    workshop: str | None
    item: int | None
    path: Loc
    text: str
    form: Form

    @property
    def is_prose(self) -> bool:
        return self.form in (Form.PROSE, Form.EASY)


def participant_texts(plan: Plan) -> Iterator[Text]:
    """Every participant-facing text of the plan, series-wide first, then each workshop."""
    yield Text(None, None, ("title",), plan.title, Form.TITLE)
    if plan.organiser:
        yield Text(None, None, ("organiser",), plan.organiser, Form.ITEM)
    for key in ("purpose", "challenge"):
        value = getattr(plan, key)
        if value:
            yield Text(None, None, (key,), value, Form.PROSE)
    for i, rule in enumerate(plan.ground_rules):
        yield Text(None, None, ("ground_rules", i), rule, Form.ITEM)
    yield from _model_texts(None, None, ("access",), plan.access)
    yield from _support(None, ("support",), plan)
    if plan.consent is not None:
        for key, value in plan.consent:
            if value and str(value).strip().lower() not in _CONSENT_CHOICES:
                yield Text(None, None, ("consent", key), str(value), Form.PROSE)
    for g, group in enumerate(plan.participants):
        yield Text(None, None, ("participants", g, "group"), group.group, Form.ITEM)
        yield from _model_texts(None, None, ("participants", g, "thanks"), group.thanks)
    for w_index, w in enumerate(plan.workshops):
        after = plan.workshops[w_index + 1].id if w_index + 1 < len(plan.workshops) else w.id
        yield from _workshop_texts(w, ("workshops", w_index), after)


def _workshop_texts(w: Workshop, path: Loc, heard_in: str | None) -> Iterator[Text]:
    """A workshop's texts; what it heard (`heard:`) is printed on the next workshop's handout, so it
    counts as that handout's text (`heard_in`), for its "Words we use" too."""
    wid = w.id
    yield Text(wid, None, (*path, "title"), w.title, Form.TITLE)
    if w.venue:
        yield Text(wid, None, (*path, "venue"), w.venue, Form.ITEM)
    yield from _model_texts(wid, None, (*path, "access"), w.access)
    for label in w.links:
        yield Text(wid, None, (*path, "links", label), label, Form.ITEM)
    if w.join is not None and w.join.help:
        yield Text(wid, None, (*path, "join", "help"), w.join.help, Form.PROSE)
    for g, goal in enumerate(w.goals):
        yield Text(wid, None, (*path, "goals", g), goal, Form.ITEM)
    if w.content_note:
        yield Text(wid, None, (*path, "content_note"), w.content_note, Form.PROSE)
    if w.homework:
        yield Text(wid, None, (*path, "homework"), w.homework, Form.PROSE)
    yield from _support(wid, (*path, "support"), w)
    for h, heard in enumerate(w.heard):
        yield from _model_texts(heard_in, None, (*path, "heard", h), heard)
    for i, item in enumerate(w.agenda):
        yield from _item_texts(wid, i, (*path, "agenda", i), item, w.mode == "hybrid")


def _support(wid: str | None, path: Loc, owner: Plan | Workshop) -> Iterator[Text]:
    """A support contact's role and when to reach them (the name, phone and email are not words to check)."""
    for s, contact in enumerate(owner.support):
        if contact.role:
            yield Text(wid, None, (*path, s, "role"), contact.role, Form.ITEM)
        if contact.when:
            yield Text(wid, None, (*path, s, "when"), contact.when, Form.PROSE)


def _model_texts(wid: str | None, index: int | None, path: Loc, model: BaseModel | None) -> Iterator[Text]:
    """Every text field of a participant-facing model (access, thanks, heard), so a new field is checked too."""
    if model is None:
        return
    for key, value in model:
        if isinstance(value, str) and value:
            yield Text(wid, index, (*path, key), value, Form.PROSE)
        elif isinstance(value, list):
            for n, entry in enumerate(value):
                if isinstance(entry, str) and entry:
                    yield Text(wid, index, (*path, key, n), entry, Form.ITEM)


def _item_texts(wid: str | None, index: int, path: Loc, item: Item, hybrid: bool = False) -> Iterator[Text]:
    """An item's texts. An online workshop's items already carry their online wording; a hybrid
    workshop prints the online handout beside the room's, so it is read too."""
    yield Text(wid, index, (*path, "title"), item.title or "", Form.TITLE)
    if item.handout:
        yield Text(wid, index, (*path, "handout"), item.handout, Form.PROSE)
    if item.easy:
        yield Text(wid, index, (*path, "easy"), item.easy, Form.EASY)
    online = item.online if hybrid and isinstance(item.online, OnlineVariant) else None
    if online is not None and online.handout and online.handout != item.handout:
        yield Text(wid, index, (*path, "online", "handout"), online.handout, Form.PROSE)
    for t, track in enumerate(item.tracks):
        tpath = (*path, "tracks", t)
        yield Text(wid, index, (*tpath, "group"), track.group, Form.ITEM)
        if track.where:
            yield Text(wid, index, (*tpath, "where"), track.where, Form.ITEM)
        for s, sub in enumerate(track.agenda):
            yield from _item_texts(wid, index, (*tpath, "agenda", s), sub)


def handout_glossaries(plan: Plan) -> dict[str | None, list[tuple[str, str]]]:
    """ "Words we use" for each workshop's handout (by workshop id): the plan's glossary terms its
    texts use, then jargon they use that the glossary does not explain, with a plain meaning.

    The same walker and finder as the language check, text by text, so names and everyday
    senses ("the queue kept going forward") never put a word in the glossary. Each text is read
    once, so a long series costs no more per workshop than a short one."""
    texts: dict[str | None, list[str]] = {}
    for t in participant_texts(plan):
        texts.setdefault(t.workshop, []).append(t.text)
    found = {
        wid: {
            entry.term: (entry, _headword(entry, words)) for text in own for entry, words in jargon_in(text, plan.names)
        }
        for wid, own in texts.items()
    }
    out = {}
    for w in plan.workshops:
        handout = texts.get(None, []) + texts.get(w.id, [])
        used = [(term, plan.glossary[term]) for term in terms_in(handout, plan.glossary)]
        jargon = {**found.get(None, {}), **found.get(w.id, {})}
        out[w.id] = used + [(head, e.meaning) for e, head in jargon.values() if not explained_by(e, plan.glossary)]
    return out


def _headword(entry: Jargon, words: str) -> str:
    """The term as the handout's reader met it: a short form with its words ("LAC (looked after children)")."""
    short = words[:-1] if words.endswith("s") else words
    return f"{short} ({entry.term})" if short.isupper() and short.lower() != entry.term.lower() else entry.term
