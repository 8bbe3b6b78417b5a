"""The built-in library: complete, valid, plain-spoken, and browsable from the command line."""

from __future__ import annotations

import json
from collections import Counter

import pytest
from helpers import run

from coprod_cli.language.jargon import jargon_in
from coprod_cli.plan.frameworks import FRAMEWORKS, all_principle_ids
from coprod_cli.plan.library import load_library
from coprod_cli.plan.models import OnlineVariant

LIBRARY = load_library()
FIELDS = (
    "title",
    "kind",
    "duration",
    "groups",
    "materials",
    "say",
    "steps",
    "notes",
    "handout",
    "principles",
    "tags",
)


def test_library_is_big_enough_and_covers_the_ground():
    assert len(LIBRARY) >= 40
    kinds = Counter(a.kind for a in LIBRARY.values())
    assert kinds["icebreaker"] >= 8
    for needed in ("welcome", "energiser", "exercise", "decision", "feedback", "closing", "break", "meal"):
        assert kinds[needed] >= 1, needed
    online_icebreakers = [a for a in LIBRARY.values() if a.kind == "icebreaker" and "online" in a.tags]
    assert len(online_icebreakers) >= 3


@pytest.mark.parametrize("key", sorted(LIBRARY))
def test_every_activity_is_complete(key: str):
    activity = LIBRARY[key]
    missing = [f for f in FIELDS if not getattr(activity, f)]
    assert missing == []
    assert sum(s.duration or 0 for s in activity.steps) == activity.duration
    assert set(activity.principles) <= set(all_principle_ids())


@pytest.mark.parametrize("key", sorted(LIBRARY))
def test_handouts_have_no_jargon(key: str):
    online = LIBRARY[key].online
    assert jargon_in(LIBRARY[key].handout or "") == []
    assert jargon_in(online.handout or "" if online else "") == []


@pytest.mark.parametrize("key", sorted(LIBRARY))
def test_every_activity_has_easy_read_lines_that_hold_to_easy_read(key: str):
    """An Easy Read line for the room, and one online wherever the online handout is in other words;
    each sentence of either within the Easy Read words and reading age, with no jargon."""
    from coprod_cli.checks.language import AGE_MARGIN, EASY_READ_WORDS
    from coprod_cli.language.readability import score, split_sentences
    from coprod_cli.plan.models import Settings

    activity = LIBRARY[key]
    online = activity.online if isinstance(activity.online, OnlineVariant) else None
    assert activity.easy
    if online is not None and online.handout not in (None, activity.handout):
        assert online.easy, "an online handout in its own words needs its own easy: line"
    for easy in filter(None, (activity.easy, online.easy if online else None)):
        assert jargon_in(easy) == [], easy
        for sentence in map(score, split_sentences(easy)):
            assert sentence.words <= EASY_READ_WORDS, sentence
            assert round(sentence.age) <= Settings().easy_read_age + AGE_MARGIN, sentence


def test_every_principle_has_an_explanation_and_activities():
    for framework in FRAMEWORKS.values():
        for principle in framework.principles:
            assert len(principle.explanation) > 80
            assert any(principle.id in a.principles for a in LIBRARY.values()), principle.id


def test_list_table_and_filters():
    result = run("library", "list", "--kind", "icebreaker")
    assert result.exit_code == 0
    assert "couldnt-guess" in result.stdout and "dot-voting" not in result.stdout
    data = json.loads(run("library", "list", "--principle", "connecting-with-policy", "-f", "json").stdout)
    assert data and all("connecting-with-policy" in a["principles"] for a in data)
    online = json.loads(run("library", "list", "--online", "-f", "json").stdout)
    assert "shared-lunch" not in {a["id"] for a in online} and "breakout-pairs" in {a["id"] for a in online}
    found = json.loads(run("library", "list", "--search", "STICKERS", "-f", "json").stdout)
    assert {a["id"] for a in found} >= {"dot-voting"}
    tagged = json.loads(run("library", "list", "--tag", "homework", "-f", "json").stdout)
    assert {a["id"] for a in tagged} == {"homework-review", "set-homework"}


def test_show_one_activity():
    result = run("library", "show", "journey-map")
    assert result.exit_code == 0
    for text in (
        "Map the journey",
        "Say:",
        "+15",
        "Materials:",
        "Online:",
        "Note:",
        "Participants read:",
        "humanising-experiences: Humanising experiences",
        "- use: journey-map",
    ):
        assert text in result.stdout, text
    data = json.loads(run("library", "show", "journey-map", "-f", "json").stdout)
    assert data["id"] == "journey-map" and data["duration"] == 45 and len(data["steps"]) == 4


@pytest.mark.parametrize(
    "args, message",
    [
        (["library", "show", "journey-mapp"], "did you mean 'journey-map'?"),
        (["library", "list", "--kind", "icebraker"], "did you mean 'icebreaker'?"),
        (["library", "list", "--principle", "clear-journy"], "did you mean 'clear-journey'?"),
    ],
)
def test_library_usage_errors(args, message):
    result = run(*args)
    assert result.exit_code == 2 and message in result.stderr


def test_reading_one_activity_at_a_time_reads_the_whole_file():
    """The library is read an activity at a time (a plan pays only for what it uses): the
    pieces must be exactly what reading the whole file at once gives."""
    from importlib import resources

    import yaml

    from coprod_cli.plan.models import Activity

    text = resources.files("coprod_cli.library").joinpath("activities.yaml").read_text(encoding="utf-8")
    whole = {key: Activity.model_validate(value) for key, value in yaml.safe_load(text).items()}
    assert list(LIBRARY) == list(whole)
    assert {key: LIBRARY[key] for key in LIBRARY} == whole
    with pytest.raises(KeyError):
        LIBRARY["no-such-activity"]


def test_a_plan_reads_only_the_library_activities_it_uses():
    from coprod_cli.plan import library
    from coprod_cli.plan.loader import load_plan_text

    library._activity.cache_clear()
    load_plan_text(
        "title: T\nworkshops:\n  - title: W\n    agenda:\n      - {title: Talk, kind: discussion, duration: 20}\n"
    )
    assert library._activity.cache_info().currsize == 0
    load_plan_text(
        "title: T\nworkshops:\n  - title: W\n    agenda:\n      - use: dot-voting\n      - use: exit-words\n"
    )
    assert library._activity.cache_info().currsize == 2
