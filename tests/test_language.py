"""Plain language: the jargon list, the corpus, every participant text, reading level per sentence."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest
import yaml
from helpers import EXAMPLES, plan_text, run

from coprod_cli.checks import run_checks
from coprod_cli.language.jargon import jargon_in, jargon_list
from coprod_cli.language.readability import reading_age, score, split_sentences
from coprod_cli.plan.loader import load_plan_text

OPEN = "- use: welcome-and-ground-rules\n"
CLOSE = "- use: exit-words\n"
CORPUS = yaml.safe_load((Path(__file__).parent / "cases" / "language" / "jargon-corpus.yaml").read_text("utf-8"))


def _findings(text: str, *families: str):
    return run_checks(load_plan_text(text, "p.yaml"), families).findings


def _jargon(text: str) -> list[str]:
    return [f.message for f in _findings(text, "language") if f.code == "language.jargon"]


def _levels(text: str):
    return [f for f in _findings(text, "language") if f.code == "language.reading-level"]


# ---------------------------------------------------------------- the list and the corpus


def test_every_entry_has_a_plain_alternative_and_a_meaning():
    entries = jargon_list()
    assert len(entries) >= 140
    for e in entries:
        assert e.plain.strip() and e.meaning.strip(), e.term
        assert e.plain.lower() != e.term.lower(), e.term
        assert not jargon_in(e.plain), f"the plain words for '{e.term}' are jargon themselves"
    variants = [v.lower() for e in entries for v in e.variants]
    assert len(variants) == len(set(variants)), "a form belongs to two entries"
    fields = {e.field for e in entries}
    assert {"health-and-care", "research", "governance-and-deliberation", "involvement"} <= fields


@pytest.mark.parametrize("sentence, terms", CORPUS["flagged"], ids=[s for s, _ in CORPUS["flagged"]])
def test_corpus_flagged(sentence: str, terms: list[str]):
    assert sorted(e.term for e, _ in jargon_in(sentence)) == sorted(terms)


@pytest.mark.parametrize("sentence", CORPUS["not_flagged"])
def test_corpus_not_flagged(sentence: str):
    assert jargon_in(sentence) == []


@pytest.mark.parametrize("sentence", CORPUS["not_flagged_with_names"])
def test_corpus_names_are_not_jargon(sentence: str):
    assert jargon_in(sentence) != []
    assert jargon_in(sentence, CORPUS["names"]) == []


def test_corpus_is_big_enough_both_ways():
    assert len(CORPUS["flagged"]) >= 60 and len(CORPUS["not_flagged"]) >= 60


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


def test_capitals_only_forms_match_only_in_capitals():
    assert [e.term for e, _ in jargon_in("Young people with SEND")] == ["SEND"]
    assert jargon_in("send it to calendar.ics") == []


# ---------------------------------------------------------------- every participant text

EVERY_FIELD = """\
title: Ideation series
purpose: Better outcomes
challenge: A holistic look
names: [Empower Youth]
ground_rules: [Be iterative]
access: {quiet_room: The plenary room, adjustments: Ask about reasonable adjustments}
support: [{name: Sam, role: safeguarding lead}]
participants:
  - {group: Service users, count: 3, lived_experience: true, thanks: {amount: An honorarium}}
workshops:
  - title: Persona day
    venue: The deep dive room
    access: We offer signposting
    links: {Miro insights board: https://miro.example}
    goals: [Meet stakeholders]
    content_note: We talk about discharge
    homework: Read the transcripts
    heard: [{said: Too much GDPR, did: We did triangulation}]
    agenda:
      - {title: Start, kind: welcome, duration: 10m, handout: A touchpoint walk, easy: We meet the MDT}
      - {title: Split, tracks: [{group: Peer researchers, agenda: [{title: Quorum work, duration: 10m}]}]}
      - {title: Empower Youth talk, duration: 10m}
      - {use: exit-words}
"""


def test_jargon_in_every_participant_field():
    report = run_checks(load_plan_text(EVERY_FIELD, "p.yaml"), ("language",))
    found = {f.message.split("'")[1]: report.line(f) for f in report.findings if f.code == "language.jargon"}
    expected = {
        "Ideation": 1, "outcomes": 2, "holistic": 3, "iterative": 5, "plenary": 6, "reasonable adjustments": 6,
        "safeguarding": 7, "Service users": 9, "honorarium": 9, "Persona": 11, "deep dive": 12,
        "signposting": 13, "insights": 14, "stakeholders": 15, "discharge": 16, "transcripts": 17,
        "GDPR": 18, "triangulation": 18, "touchpoint": 20, "MDT": 20, "Peer researchers": 21, "Quorum": 21,
    }  # fmt: skip
    assert found == expected  # and "Empower" is a name the plan lists


def test_glossary_silences_a_term_everywhere():
    text = plan_text(OPEN + "- {title: Build a prototype, duration: 20m}\n" + CLOSE)
    assert _jargon(text)
    glossed = text.replace("workshops:", "glossary:\n  prototyping: trying an idea out small\nworkshops:")
    assert _jargon(glossed) == []


def test_facilitator_only_text_is_not_checked_for_jargon():
    text = plan_text(OPEN + "- {title: Talk, duration: 20m, say: Our stakeholders, notes: ideation}\n" + CLOSE)
    assert _jargon(text) == []


def test_handout_glossary_follows_the_check():
    """The queue sentence puts no "going forward" in the handout; the jargon sense does."""
    from coprod_cli.schedule import schedule_plan
    from coprod_cli.views import participant_view

    def glossary(handout: str) -> list[str]:
        plan = load_plan_text(plan_text(OPEN + f"- {{title: Q, duration: 5m, handout: {handout}}}\n" + CLOSE)).plan
        return [term for term, _ in participant_view(plan, schedule_plan(plan)).workshops[0].glossary]

    assert glossary("The queue kept going forward.") == []
    assert glossary("We will meet monthly going forward.") == ["going forward"]


# ---------------------------------------------------------------- reading level, per sentence

THEMATIC = "We do thematic analysis and coding of the transcripts, then triangulate and synthesise the findings."


def _prose_plan(handout: str, settings: str = "") -> str:
    return (
        f"title: T\n{settings}glossary: {{thematic analysis: x, coding: x, transcripts: x, triangulate: x, "
        f"synthesise: x}}\nworkshops:\n  - title: W\n    agenda:\n      - use: welcome-and-ground-rules\n"
        f'      - {{title: Part, kind: exercise, duration: 10m, handout: "{handout}"}}\n      - use: exit-words\n'
    )


def test_a_hard_sentence_is_named_with_its_line_and_a_plainer_word():
    report = run_checks(load_plan_text(_prose_plan("We meet at ten. " + THEMATIC), "p.yaml"), ("language",))
    [finding] = [f for f in report.findings if f.code == "language.reading-level"]
    assert report.line(finding) == 7 and finding.item == 1
    assert '"We do thematic analysis' in finding.message and "We meet at ten" not in finding.message
    assert "reads at about age 1" in finding.message and "aim: 11 or under" in finding.message
    assert "'looking for common themes' for 'thematic analysis'" in finding.message


def test_titles_and_list_items_are_not_sentences():
    hard = "Interrogating Organisational Accountability Frameworks Considering Intersectional Vulnerabilities"
    text = plan_text(OPEN + f"- {{title: {hard}, duration: 20m}}\n" + CLOSE, goals=f"[{hard}]")
    assert _levels(text.replace("title: Test series", f"title: {hard}")) == []


def test_a_17_word_purpose_fails_a_target_of_9():
    purpose = "We want to understand how the council plans its services and what residents think about them now"
    assert len(purpose.split()) == 17
    text = plan_text(OPEN + CLOSE).replace(
        "workshops:", f"purpose: {purpose}\nsettings: {{reading_age: 9}}\nworkshops:"
    )

    def purpose_levels(plan: str) -> list[str]:
        return [f.message for f in _levels(plan) if f.path == ("purpose",)]

    [message] = purpose_levels(text)
    assert "aim: 9 or under" in message
    assert purpose_levels(text.replace("reading_age: 9", "reading_age: 14")) == []


def test_long_sentences_are_flagged_by_word_count():
    long = "We sit and we talk and we eat and we drink and we play and we sing and we go home now"
    [finding] = _levels(_prose_plan(long))
    assert "has 22 words (aim: 20 or fewer)" in finding.message and "split it" in finding.message
    assert _levels(_prose_plan(long, "settings: {sentence_words: 25}\n")) == []


def test_easy_read_is_held_to_its_own_age_and_15_words():
    def easy(line: str, settings: str = "") -> list[str]:
        text = plan_text(OPEN + f'- {{title: X, duration: 5m, easy: "{line}"}}\n' + CLOSE)
        return [f.message for f in _levels(text.replace("workshops:", settings + "workshops:"))]

    assert easy("We talk about hard words and what they mean.") == []
    [long] = easy("We sit in a ring and we say our names and then we have a cup of tea.")
    assert long.startswith("Easy Read:") and "(aim: 15 or fewer)" in long
    [old] = easy("Participants consider organisational responsibilities.")
    assert "aim: 8 or under, settings: easy_read_age" in old
    assert easy("We remember difficult experiences.")
    assert easy("We remember difficult experiences.", "settings: {easy_read_age: 16}\n") == []


def test_one_sentence_does_not_swing_wildly():
    assert score("Thematic analysis").age < 20  # plain Flesch-Kincaid gives 31.5
    assert score("Everyone is welcome.").age <= 11
    assert score(THEMATIC).age > 14


def test_sentences_split_at_stops_not_abbreviations():
    text = "Bring e.g. a pen. Dr. Shah leads. Is it 10? Yes!\nA new line"
    assert split_sentences(text) == ("Bring e.g. a pen.", "Dr. Shah leads.", "Is it 10?", "Yes!", "A new line")


EASY = "We sit in a ring. We say our names. We talk and have fun. We share a cup of tea."
HARD = (
    "Participants will collaboratively interrogate organisational accountability frameworks, "
    "considering intersectional vulnerabilities alongside institutional responsibilities."
)


def test_reading_age_of_a_whole_text():
    assert reading_age([EASY] * 3) < 8
    assert reading_age([HARD] * 3) > 16
    assert reading_age(["Too short"]) is None


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


def test_handout_glossaries_read_each_text_once(monkeypatch):
    """Growth counts work: every workshop's glossary from one reading of each text, not one per workshop."""
    from coprod_cli.language import jargon
    from coprod_cli.language.texts import handout_glossaries, participant_texts

    calls = []
    real = jargon.find_jargon
    monkeypatch.setattr(jargon, "find_jargon", lambda text, names=(): calls.append(text) or real(text, names))

    def plan_of(n: int):
        workshops = "".join(
            f"  - title: W{i}\n    agenda: [{{title: Persona work {i}, duration: 10m}}]\n" for i in range(n)
        )
        return load_plan_text(f"title: T\npurpose: Better outcomes\nworkshops:\n{workshops}").plan

    for n in (5, 40):
        calls.clear()
        plan = plan_of(n)
        glossaries = handout_glossaries(plan)
        assert len(calls) == len(list(participant_texts(plan)))
        assert [term for term, _ in glossaries[plan.workshops[-1].id]] == ["outcomes", "persona"]


def test_join_help_and_a_hybrid_items_online_handout_are_checked():
    text = (
        "title: T\nworkshops:\n  - title: W\n    mode: hybrid\n    venue: Hall\n"
        "    join: {link: https://x.example, help: Ring the safeguarding desk}\n    agenda:\n"
        "      - use: welcome-and-ground-rules\n"
        "      - {title: Talk, duration: 10m, handout: We talk., online: {handout: We use the plenary chat.}}\n"
        "      - use: exit-words\n"
    )
    report = run_checks(load_plan_text(text, "p.yaml"), ("language",))
    found = {f.message.split("'")[1]: report.line(f) for f in report.findings if f.code == "language.jargon"}
    assert found == {"safeguarding": 6, "plenary": 9}


def test_what_a_workshop_heard_is_explained_on_the_handout_that_prints_it():
    """Workshop 1's `heard:` is printed on workshop 2's handout ("You said, we did"): its hard words
    go in workshop 2's "Words we use", not in workshop 1's."""
    from coprod_cli.language.texts import handout_glossaries

    text = (
        "title: S\nworkshops:\n  - id: one\n    title: One\n    heard:\n"
        "      - {said: We want to know about safeguarding, did: We asked the team}\n"
        "  - id: two\n    title: Two\n"
    )
    glossaries = handout_glossaries(load_plan_text(text).plan)
    assert "safeguarding" in [term.lower() for term, _ in glossaries["two"]]
    assert "safeguarding" not in [term.lower() for term, _ in glossaries["one"]]
