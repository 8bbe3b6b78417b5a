"""A finding: one thing a check noticed, with its severity, code and place in the plan.

`CODES` is the one registry of finding codes: the README's list of codes and the report's
JSON Schema are generated from it, and a test fails when a check uses a code not listed here.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"


SEVERITIES = tuple(Severity)

Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class Finding:
    severity: Severity
    code: str
    workshop: str | None
    item: int | None
    path: Loc
    message: str


@dataclass(frozen=True)
class Code:
    """A finding code: its family, the severities it may have, and what it means in one line."""

    code: str
    severities: tuple[Severity, ...]
    meaning: str

    @property
    def family(self) -> str:
        return self.code.split(".")[0]


_E, _W, _I = Severity.error, Severity.warning, Severity.info

CODES: dict[str, Code] = {
    c.code: c
    for c in (
        Code("agenda.empty", (_E,), "a workshop has no agenda"),
        Code("agenda.opening", (_W,), "the first item is not a welcome or icebreaker"),
        Code("agenda.closing", (_W,), "no feedback or closing item in the last third"),
        Code("timing.overrun", (_E,), "the planned end is after the booked end (said at the pin if one is past it)"),
        Code("timing.slack", (_I,), "the agenda ends 15 min or more before the booked end"),
        Code("timing.no-break", (_W,), "a stretch without a break is longer than the limit for the mode"),
        Code("timing.pinned", (_E,), "a pinned (`at:`) item cannot start at its time, or overlaps another pin"),
        Code("timing.gap", (_W, _I), "a pinned item leaves the room waiting before it (a warning from 30 min)"),
        Code("timing.steps", (_W,), "an item's timed steps add up to more than its duration"),
        Code("timing.tracks", (_W,), "a track runs longer than its item's `duration`"),
        Code("timing.no-start", (_W,), "a pinned item in a workshop with no start time cannot be checked"),
        Code("timing.history", (_W,), "with `--history runs/`: an item keeps a length that ran over in every past run"),
        Code("series.dates", (_E,), "workshop dates out of order, or two on one day at overlapping times"),
        Code("series.homework", (_W,), "homework that the next workshop never picks up, or set by the last one"),
        Code("language.jargon", (_W,), "participant text uses jargon the glossary does not explain"),
        Code("language.reading-level", (_W,), "a sentence participants read is above the reading age or too long"),
        Code("language.catalogue", (_I,), "the plan's `language:` has no catalogue of fixed words"),
        Code("language.easy-read", (_I,), "an item has no `easy:` line, so the Easy Read shows only its title"),
        Code("principles.uncovered", (_I,), "a principle of the plan's framework is served by no activity"),
        Code("participation.balance", (_W, _I), "participants mostly listen, or never decide anything"),
        Code("ready.placeholder", (_W,), "a starter placeholder is still in the plan"),
        Code("ready.contact", (_W,), "no contact, or a contact with no way to reach them"),
        Code("ready.join-link", (_W,), "an online or hybrid workshop has no join link"),
        Code("ready.venue", (_W,), "an in-person or hybrid workshop has no venue"),
        Code("ready.date", (_W, _I), "a workshop has no date or start (warning); a date already past (info)"),
        Code("ready.online", (_W,), "an online workshop uses an activity that does not work online"),
        Code("people.balance", (_W,), "fewer people with lived experience than professionals, or none leads anything"),
        Code("people.thanks", (_W,), "a lived-experience group with no `thanks`"),
        Code("people.access", (_W,), "a workshop with no access details or no way to ask for an adjustment"),
        Code("people.support", (_W,), "a sensitive workshop or item with no support contact, or no break after it"),
        Code("people.feedback-loop", (_I,), "a later workshop never reports back what earlier ones heard"),
        Code("people.interpreting", (_W,), "interpreters are named but spoken rounds are not given longer"),
    )
}


def codes_table() -> str:
    """The README's table of finding codes, generated from `CODES`."""
    rows = ["| code | severity | when |", "|---|---|---|"]
    rows += [f"| `{c.code}` | {' / '.join(c.severities)} | {c.meaning} |" for c in CODES.values()]
    return "\n".join(rows) + "\n"
