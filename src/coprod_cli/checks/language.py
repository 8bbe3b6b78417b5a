"""Plain language: jargon the glossary does not explain, and handouts above the reading age."""

from __future__ import annotations

from typing import TYPE_CHECKING

from coprod_cli.findings import Finding, Severity
from coprod_cli.language.jargon import (
    explained_by,
    jargon_in,
    participant_texts,
    reading_age,
    sentence_age,
    sentences_of,
)

if TYPE_CHECKING:
    from coprod_cli.checks import Context


def run(ctx: Context) -> list[Finding]:
    plan = ctx.loaded.plan
    glossary = list(plan.glossary)
    findings: list[Finding] = []
    for wid, index, path, text in participant_texts(plan):
        for entry, words in jargon_in(text):
            if explained_by(entry, glossary):
                continue
            findings.append(
                Finding(
                    Severity.warning,
                    "language.jargon",
                    wid,
                    index,
                    path,
                    f"'{words}' is jargon to many people: say '{entry.plain}' instead, or explain "
                    f"'{entry.term}' under glossary:",
                )
            )
    target = plan.settings.reading_age
    for w_index, sched in enumerate(ctx.schedules):
        w = sched.workshop
        # What the handout prints of the workshop: the same fields the participant view copies.
        texts = [plan.purpose or "", *w.goals, w.homework or "", *plan.ground_rules]
        texts += [text for t in sched.items for text in (t.item.title, t.item.handout or "")]
        age = reading_age(texts)
        if age is not None and age > target + 0.5:
            sentences = sentences_of(texts)
            long_ones = [s for s in sentences if len(s.split()) >= 6] or sentences
            hardest = max(long_ones, key=sentence_age)
            findings.append(
                Finding(
                    Severity.warning,
                    "language.reading-level",
                    w.id,
                    None,
                    ("workshops", w_index),
                    f"the handout reads at about age {age:.0f}, above the {target} the plan aims for "
                    f"(settings: reading_age); shorter sentences and everyday words help. "
                    f'The hardest line: "{hardest}"',
                )
            )
    return findings
