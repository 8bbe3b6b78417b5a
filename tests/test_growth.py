"""Growth: 10x the plan costs at most 10x the work. Work is counted, never timed, so a fast
machine cannot hide a quadratic loop.

Spies wrap the functions and types the work flows through (the participant-text walker,
timing cues, the timing engine, flex advice, the blocks of documents, pydantic's error list, calendar
events) and count what they touch. The counts must be linear in the plan: 10x the workshops, the items of
one workshop, or the mistakes in a plan gives at most 10x of every count.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from helpers import run
from pydantic import ValidationError

from coprod_cli import schedule
from coprod_cli.checks import language as language_check
from coprod_cli.documents.writers.blocks import Blocks
from coprod_cli.language import texts
from coprod_cli.plan import loader
from coprod_cli.plan.models import Plan
from coprod_cli.plan.source import read_yaml
from coprod_cli.schedule import advice
from coprod_cli.views import facilitator as views


def _item(n: int, pin: bool) -> str:
    """An agenda line; a pinned item comes too early, so the engine looks for flex before it."""
    if n % 5 == 4:
        return "      - break: 10m"
    at = ", at: '9:05'" if pin else ""
    handout = f"We try idea {n} with the YOT"  # a short form to look for in every item
    return f"      - {{title: Activity {n}, kind: exercise, duration: 15m, flex: 5m, handout: {handout}{at}}}"


def _plan(workshops: int, items: int, pins: bool = False) -> str:
    lines = ["title: Growth series", "framework: citizen-lab", "glossary: {prototype: a rough try}", "workshops:"]
    agenda = ["      - use: welcome-and-ground-rules"]
    agenda += [_item(n, pins and n % 3 == 2) for n in range(items)]
    agenda += ["      - use: dot-voting", "      - use: exit-words"]
    for w in range(workshops):
        lines += [
            f"  - id: w{w:04d}",
            f"    title: Workshop {w}",
            f"    date: 2030-{1 + w // 28 % 12:02d}-{1 + w % 28:02d}",
            "    start: 9:00",
            "    length: 6h",
            "    homework: Bring one idea",
            "    agenda:",
            *agenda,
        ]
    return "\n".join(lines) + "\n"


def _spy(monkeypatch: pytest.MonkeyPatch, counts: Counter, owner: Any, name: str, measure=lambda *a: 1) -> None:
    real = getattr(owner, name)

    def spy(*args, **kwargs):
        counts[name] += measure(*args)
        return real(*args, **kwargs)

    monkeypatch.setattr(owner, name, spy)


def _work(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, text: str) -> Counter:
    """Check (text and JSON) and render (md and html) a plan, counting the work done."""
    counts: Counter = Counter()
    with monkeypatch.context() as m:
        _spy(m, counts, texts, "_item_texts")  # the participant-text walker, called per item
        _spy(m, counts, language_check, "find_acronyms", lambda text, *_: len(text))  # characters read
        _spy(m, counts, schedule, "_time_item")  # items scheduled
        _spy(m, counts, advice, "_flex_advice", lambda timed, *_: len(timed))  # items looked at
        _spy(m, counts, Blocks, "_block")  # blocks of the documents laid out, in every format

        class CountedCue(views.Cue):
            def __getattribute__(self, name: str) -> Any:
                if name == "offset":
                    counts["cue lookups"] += 1
                return super().__getattribute__(name)

        m.setattr(views, "Cue", CountedCue)
        plan = tmp_path / f"plan-{len(text)}.yaml"
        plan.write_text(text)
        for argv in (
            ["check"],
            ["check", "-f", "json"],
            ["render", "-f", "md,html", "-j", "1", "-o", str(tmp_path / "out")],
        ):
            result = run(*argv, "-p", str(plan))
            assert result.exit_code in (0, 1), result.stderr
    return counts


def _assert_linear(small: Counter, big: Counter, *needed: str) -> None:
    for name in needed:
        assert small[name] > 0, f"nothing counted for {name}: the spy is not on the work"
    grew = {name: f"{small[name]} -> {count}" for name, count in big.items() if count > 10 * small[name]}
    assert not grew, f"more than 10x the work for 10x the plan: {grew}"


def test_ten_times_the_workshops_is_at_most_ten_times_the_work(monkeypatch, tmp_path: Path):
    small = _work(monkeypatch, tmp_path, _plan(3, 12))
    big = _work(monkeypatch, tmp_path, _plan(30, 12))
    _assert_linear(small, big, "_item_texts", "_time_item", "_block", "cue lookups", "find_acronyms")


def test_ten_times_the_items_is_at_most_ten_times_the_work(monkeypatch, tmp_path: Path):
    small = _work(monkeypatch, tmp_path, _plan(1, 12, pins=True))
    big = _work(monkeypatch, tmp_path, _plan(1, 120, pins=True))
    _assert_linear(small, big, "_item_texts", "_time_item", "_flex_advice", "cue lookups", "find_acronyms")


class _CountedErrors:
    """A ValidationError that counts the entries it hands out."""

    def __init__(self, error: ValidationError, counts: Counter):
        self.error, self.counts = error, counts

    def errors(self, **kwargs: Any) -> list[Any]:
        found = self.error.errors(**kwargs)
        self.counts["errors read"] += len(found)
        return found


def _mistakes(monkeypatch: pytest.MonkeyPatch, workshops: int) -> Counter:
    """Translate the errors of a plan whose every workshop misspells 'title' and 'agenda'."""
    text = "title: T\nworkshops:\n" + "".join(
        f"  - titel: W{n}\n    agnda: []\n    venu: Hall\n" for n in range(workshops)
    )
    data, source = read_yaml(text)
    counts: Counter = Counter()
    with pytest.raises(ValidationError) as caught:
        Plan.model_validate(data)
    with monkeypatch.context() as m:
        _spy(m, counts, loader, "did_you_mean")
        problems = loader._translate(_CountedErrors(caught.value, counts), source, "p.yaml")  # type: ignore[arg-type]
    assert len(problems) == 3 * workshops  # one line per typo; the missing keys it explains are not repeated
    return counts


def test_ten_times_the_mistakes_is_at_most_ten_times_the_work(monkeypatch):
    _assert_linear(_mistakes(monkeypatch, 5), _mistakes(monkeypatch, 50), "errors read", "did_you_mean")


class _CountedWorkshops(list):
    """The plan's workshop list, counting each workshop a loop over it looks at."""

    def __init__(self, items: list[Any], counts: Counter):
        super().__init__(items)
        self.counts = counts

    def __iter__(self):
        for w in super().__iter__():
            self.counts["calendar work"] += 1
            yield w


def _calendar_work(monkeypatch: pytest.MonkeyPatch, workshops: int) -> Counter:
    """Render the calendar and every workshop's invitation, counting the events made and the
    workshops looked at (numbering an event must not look through the workshops before it)."""
    from coprod_cli.documents.render import SERIES, Renderer
    from coprod_cli.documents.writers import ics
    from coprod_cli.plan.loader import load_plan_text

    loaded = load_plan_text(_plan(workshops, 2), "p.yaml")
    renderer = Renderer.start(loaded, schedule.schedule_plan(loaded.plan), ("calendar",), ("md",))
    counts: Counter = Counter()
    loaded.plan.__dict__["workshops"] = _CountedWorkshops(loaded.plan.workshops, counts)
    with monkeypatch.context() as m:
        _spy(m, counts, ics, "_event")
        made = renderer.render(SERIES)
    assert len(made) == 1 + workshops  # calendar.ics and one invite.ics per dated workshop
    counts["calendar work"] += counts["_event"]
    return counts


def test_ten_times_the_workshops_is_at_most_ten_times_the_calendar_work(monkeypatch):
    _assert_linear(_calendar_work(monkeypatch, 4), _calendar_work(monkeypatch, 40), "calendar work", "_event")
