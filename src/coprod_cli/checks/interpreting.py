"""people.interpreting: interpreted workshops need longer spoken rounds, and BSL interpreters need to swap.

A spoken round (everyone says something in turn) takes about SECONDS_PER_PERSON a person. With a
spoken-language interpreter everything is said twice (consecutive interpreting), so a round takes
about twice as long; with BSL, which is simultaneous, turn-taking and lag still add about half again.
BSL interpreters swap every 20 to 30 minutes: a session over an hour needs two of them, or a break
at least every BSL_STRETCH minutes.
"""

from __future__ import annotations

import math
import re

from coprod_cli.findings import Finding, Severity
from coprod_cli.plan.durations import format_duration
from coprod_cli.plan.library import load_library
from coprod_cli.plan.models import Item, Plan, Workshop
from coprod_cli.schedule import Schedule, TimedItem

SECONDS_PER_PERSON = 20
SPOKEN_FACTOR = 2.0
BSL_FACTOR = 1.5
BSL_STRETCH = 30
BSL_SOLO_LIMIT = 60
ROUND_TAG = "round"
_ROUND = re.compile(
    r"\b(everyone|each person)\s+(says|introduces|presents|reads out)\b"
    r"|\bround of\b|\b(welcome|name|names|feedback|check-in|check-out|opening|closing|go)[- ]round\b",
    re.IGNORECASE,
)
_SIGN = re.compile(r"\b(BSL|ISL|ASL|sign(ed)?)\b", re.IGNORECASE)
_PAIR = re.compile(r"\b(2|two|pair|team)\b", re.IGNORECASE)


def _is_round_text(text: str | None) -> bool:
    return bool(text and _ROUND.search(text))


def _round_parts(item: Item) -> tuple[int, int] | None:
    """(minutes of the spoken round, minutes of the rest) as written, or None: not a round."""
    round_steps = [s for s in item.steps if _is_round_text(s.do)]
    if round_steps and all(s.duration for s in item.steps):
        spoken = sum(s.duration or 0 for s in round_steps)
        return spoken, sum(s.duration or 0 for s in item.steps) - spoken
    if ROUND_TAG in item.tags or _is_round_text(item.title) or round_steps:
        return item.minutes, 0
    return None


def _library_parts(item: Item) -> tuple[int, int] | None:
    """(round, rest) minutes of the library activity this item uses, before any stretching."""
    base = load_library().get(item.use) if item.use else None
    if base is None:
        return None
    return _round_parts(Item(title=base.title, duration=base.duration, steps=base.steps, tags=base.tags))


def _interpreters(plan: Plan, w: Workshop) -> list[str]:
    return [name for a in (plan.access, w.access) if a is not None for name in a.interpreters]


def _factor(interpreters: list[str]) -> float:
    return SPOKEN_FACTOR if any(not _SIGN.search(i) for i in interpreters) else BSL_FACTOR


def needed_minutes(item: Item, people: int, interpreters: list[str]) -> int | None:
    """The least an interpreted spoken round should take, or None when the item is not a round."""
    parts = _round_parts(item)
    if parts is None:
        return None
    # A used activity's steps are stretched to the item's length; the library's say what the rest needs.
    base = _library_parts(item)
    spoken, rest = base if base is not None else (0, parts[1])
    plain = max(spoken, people * SECONDS_PER_PERSON / 60)
    return rest + math.ceil(plain * _factor(interpreters))


def _longest_stretch(items: list[TimedItem]) -> int:
    longest = stretch = 0
    for t in items:
        stretch = 0 if t.item.is_pause else stretch + t.minutes
        longest = max(longest, stretch)
    return longest


def interpreting(plan: Plan, schedules: list[Schedule]) -> list[Finding]:
    findings: list[Finding] = []
    people = plan.people_count
    for w_index, sched in enumerate(schedules):
        w = sched.workshop
        names = _interpreters(plan, w)
        if not names:
            continue
        said = ", ".join(names)
        for t in sched.items:
            need = needed_minutes(t.item, people, names)
            if need is not None and t.minutes < need:
                findings.append(
                    Finding(
                        Severity.warning,
                        "people.interpreting",
                        w.id,
                        t.index,
                        t.path,
                        f"'{t.item.title}' is a spoken round{f' for {people} people' if people else ''} "
                        f"with interpreters ({said}), and interpreting makes it longer: give it at least "
                        f"{format_duration(need)} (`duration: {need}m`), not {format_duration(t.minutes)}",
                    )
                )
        signers = [n for n in names if _SIGN.search(n)]
        if (
            signers
            and not any(_PAIR.search(n) for n in signers)
            and sched.total_minutes > BSL_SOLO_LIMIT
            and _longest_stretch(sched.items) > BSL_STRETCH
        ):
            findings.append(
                Finding(
                    Severity.warning,
                    "people.interpreting",
                    w.id,
                    None,
                    ("workshops", w_index, "title"),
                    f"'{w.title}' runs {format_duration(sched.total_minutes)} with {signers[0]} interpreting: "
                    "BSL interpreters need to swap every 20 to 30 minutes; book two (write "
                    "`interpreters: [BSL (two interpreters)]`) or put a break in at least every 30 minutes",
                )
            )
    return findings
