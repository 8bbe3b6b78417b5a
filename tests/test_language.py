"""Plain language, principles and participation checks."""

from __future__ import annotations

import json
import socket

import pytest
from helpers import EXAMPLES, plan_text, run

from coprod_cli.checks import run_checks
from coprod_cli.language.jargon import jargon_in, reading_age
from coprod_cli.plan.loader import load_plan_text

OPEN = "- use: welcome-and-ground-rules\n"
CLOSE = "- use: exit-words\n"


def _findings(text: str, *families: str):
    return run_checks(load_plan_text(text, "p.yaml"), families).findings


def _jargon(text: str) -> list[str]:
    return [f.message for f in _findings(text, "language") if f.code == "language.jargon"]


def test_jargon_in_a_title_is_flagged_with_line_and_plain_word():
    text = plan_text(OPEN + "- {title: Meet the stakeholders, duration: 20m}\n" + CLOSE)
    [finding] = [f for f in _findings(text, "language") if f.code == "language.jargon"]
    assert finding.item == 1 and finding.severity == "warning"
    assert "'stakeholders' is jargon to many people: say 'people involved' instead" in finding.message
    assert run_checks(load_plan_text(text, "p.yaml"), ("language",)).line(finding) == 7


def test_glossary_silences_a_term():
    text = plan_text(OPEN + "- {title: Build a prototype, duration: 20m}\n" + CLOSE)
    assert _jargon(text)
    glossed = text.replace("workshops:", "glossary:\n  prototyping: trying an idea out small\nworkshops:")
    assert _jargon(glossed) == []


@pytest.mark.parametrize(
    "words, term",
    [
        ("Stakeholders", "stakeholder"),
        ("PROTOTYPED", "prototype"),
        ("journey mapping", "journey map"),
        ("Co-Production", "co-production"),
        ("iterating", "iterate"),
        ("outcomes", "outcomes"),
    ],
)
def test_suffixes_and_case(words: str, term: str):
    assert [e.term for e, _ in jargon_in(f"We talk about {words} today.")] == [term]


@pytest.mark.parametrize("text", ["A personal story", "Insightful talk? no: insights counted", "deliverability"])
def test_terms_inside_other_words_are_not_flagged(text: str):
    terms = [e.term for e, _ in jargon_in(text)]
    assert "persona" not in terms and "deliverable" not in terms
    if "insights" in text:
        assert terms == ["insight"]


def test_jargon_in_every_participant_field():
    text = (
        "title: T\npurpose: Better outcomes\nground_rules: [Be holistic]\nworkshops:\n"
        "  - title: Ideation day\n    goals: [Meet stakeholders]\n    homework: Iterate on it\n"
        "    agenda:\n      - {title: Start, kind: welcome, duration: 10m, handout: A touchpoint walk}\n"
        "      - {title: Split, tracks: [{group: A, agenda: [{title: Persona work, duration: 10m}]}]}\n"
        "      - {use: exit-words}\n"
    )
    messages = " ".join(_jargon(text))
    for word in ("outcomes", "holistic", "Ideation", "stakeholders", "Iterate", "touchpoint", "Persona"):
        assert f"'{word}'" in messages


def test_facilitator_only_text_is_not_checked_for_jargon():
    text = plan_text(OPEN + "- {title: Talk, duration: 20m, say: Our stakeholders, notes: ideation}\n" + CLOSE)
    assert _jargon(text) == []


EASY = "We sit in a ring. We say our names. We talk and have fun. We share a cup of tea."
HARD = (
    "Participants will collaboratively interrogate organisational accountability frameworks, "
    "considering intersectional vulnerabilities alongside institutional responsibilities."
)


def test_reading_age_easy_and_hard():
    assert reading_age([EASY] * 3) < 8
    assert reading_age([HARD] * 3) > 16
    assert reading_age(["Too short"]) is None


def _handout_plan(handout: str, reading_age_setting: int | None = None) -> str:
    settings = f"settings: {{reading_age: {reading_age_setting}}}\n" if reading_age_setting else ""
    items = "".join(
        f'      - {{title: Part {n}, kind: exercise, duration: 10m, handout: "{handout}"}}\n' for n in range(4)
    )
    return (
        f"title: T\n{settings}workshops:\n  - title: W\n    agenda:\n      - use: welcome-and-ground-rules\n"
        f"{items}      - use: exit-words\n"
    )


def test_reading_level_on_the_rendered_handout():
    hard = [f for f in _findings(_handout_plan(HARD), "language") if f.code == "language.reading-level"]
    assert len(hard) == 1 and "reads at about age" in hard[0].message and "interrogate" in hard[0].message
    easy = [f for f in _findings(_handout_plan(EASY), "language") if f.code == "language.reading-level"]
    assert easy == []


MEDIUM = (
    "Together we will consider how the council organises its services for residents, "
    "and we will recommend improvements to the leadership team."
)


def test_reading_age_is_configurable():
    import re

    [flagged] = [f for f in _findings(_handout_plan(MEDIUM), "language") if f.code == "language.reading-level"]
    age = int(re.search(r"about age (\d+)", flagged.message).group(1))
    assert 11 < age < 20
    plan = _handout_plan(MEDIUM, reading_age_setting=age + 1)
    assert not [f for f in _findings(plan, "language") if f.code == "language.reading-level"]


def test_language_check_runs_offline(monkeypatch, tmp_path):
    def no_network(*args, **kwargs):
        raise AssertionError("the language check tried to use the network")

    monkeypatch.setattr(socket, "socket", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    for example in EXAMPLES:
        assert run("check", "language", "-p", str(example)).exit_code == 0


# ---------------------------------------------------------------- principles


def _framework_plan(agenda: str, framework: str = "citizen-lab") -> str:
    return plan_text(agenda).replace("workshops:", f"framework: {framework}\nworkshops:")


def test_coverage_counts_explicit_and_library_principles():
    text = _framework_plan(OPEN + "- {title: Our own, duration: 10m, principles: [respect-the-venue]}\n" + CLOSE)
    report = run_checks(load_plan_text(text, "p.yaml"), ("principles",))
    matrix = report.coverage()
    assert matrix["respect-the-venue"] == {"workshop": ["Our own"]}
    assert matrix["design-for-trust"] == {"workshop": ["Welcome and ground rules"]}  # from the library
    uncovered = {f.message.split("(")[1].split(")")[0] for f in report.findings if f.code == "principles.uncovered"}
    assert uncovered == {
        "empower-communities",
        "genuine-participation",
        "challenge-as-catalyst",
        "debate-across-comfort-zones",
        "clear-journey",
    }
    assert all(f.severity == "info" for f in report.findings if f.code == "principles.uncovered")


def test_no_framework_no_coverage():
    report = run_checks(load_plan_text(plan_text(OPEN + CLOSE), "p.yaml"), ("principles",))
    assert report.coverage() is None and report.findings == []


def test_principles_in_json_and_text(tmp_path):
    example = next(p for p in EXAMPLES if p.stem == "care-leavers")
    data = json.loads(run("check", "principles", "-f", "json", "-p", str(example)).stdout)
    assert data["principles"]["framework"] == "jam-and-justice"
    assert data["principles"]["coverage"]["connecting-with-policy"]["review"] == [
        "Presenting to the Head of Corporate Parenting",
        "What happens next",
    ]
    text = run("check", "language", "principles", "-p", str(example)).stdout
    assert "Jam and Justice" in text and "shaping-participation" in text and "time: " in text
    assert "(checks: language, principles)" in text


def test_unknown_principle_is_a_load_error():
    from coprod_cli.errors import PlanError

    with pytest.raises(PlanError, match="did you mean 'clear-journey'"):
        load_plan_text(_framework_plan(OPEN + "- {title: X, duration: 5m, principles: [clear-journy]}\n" + CLOSE))


# ---------------------------------------------------------------- participation


def test_mostly_listening_is_flagged():
    agenda = OPEN + "- {title: Talk one, kind: presentation, duration: 50m}\n- use: dot-voting\n" + CLOSE
    found = [f for f in _findings(_framework_plan(agenda), "principles") if f.code == "participation.balance"]
    assert len(found) == 1 and "is presentations" in found[0].message


def test_no_decision_is_flagged_only_for_co_production():
    agenda = OPEN + "- {title: Work, duration: 30m}\n" + CLOSE
    found = [f for f in _findings(_framework_plan(agenda), "principles") if f.code == "participation.balance"]
    assert len(found) == 1 and "decide" in found[0].message
    assert [f for f in _findings(plan_text(agenda), "principles") if f.code == "participation.balance"] == []
    named = plan_text(agenda).replace("title: Test series", "title: A co-design group")
    assert [f.code for f in _findings(named, "principles")] == ["participation.balance"]


def test_examples_have_sensible_language_and_principle_results():
    for example in EXAMPLES:
        result = run("check", "language", "principles", "-f", "json", "-p", str(example))
        data = json.loads(result.stdout)
        assert result.exit_code == 0
        assert not [f for f in data["findings"] if f["severity"] != "info"], example
