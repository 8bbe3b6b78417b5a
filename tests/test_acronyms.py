"""Short forms in capitals (IRO, DBS) that participants read and nobody has explained are jargon too."""

from __future__ import annotations

import json
import re
import string

import pytest
from helpers import plan_text, run, write_tree
from hypothesis import assume, given
from hypothesis import strategies as st

from coprod_cli.language.acronyms import MAX_LETTERS, allowed, explained, find_acronyms
from coprod_cli.language.jargon import jargon_acronyms, jargon_in, jargon_list
from coprod_cli.plan.loader import load_plan_text

OPEN = "- use: welcome-and-ground-rules\n"
CLOSE = "- use: exit-words\n"

# The plan from the new-user trial: each of these went through with no warning.
TRIAL = """\
title: Care leavers series
support:
  - {name: Sam, role: PA, phone: 07700 900123}
access: {step_free: true, adjustments: Tell the organiser before the day}
workshops:
  - title: First
    start: 10:00
    agenda:
      - use: welcome-and-ground-rules
      - {title: Talk, duration: 20m, handout: "How the IRO and your PA work with the LAC team and other multi-agency partners to deliver support. Pupils with SEN support are excluded. Ask the DBS team, or the DBS helpline."}
      - use: exit-words
    heard:
      - {said: Nobody listens, did: We have actioned this going forward and will cascade learning}
"""  # noqa: E501


def _jargon(tmp_path, plan: str) -> list[dict]:
    write_tree(tmp_path, {"coprod.yaml": plan})
    result = run("check", "language", "-p", str(tmp_path / "coprod.yaml"), "--format", "json")
    assert result.exit_code == 0, result.stderr
    return [f for f in json.loads(result.stdout)["findings"] if f["code"] == "language.jargon"]


def _named(findings: list[dict]) -> list[str]:
    return [f["message"].split("'")[1] for f in findings]


def test_the_trial_plan_names_every_short_form_and_care_word(tmp_path):
    findings = _jargon(tmp_path, TRIAL)
    by_line: dict[int, list[str]] = {}
    for f in findings:
        by_line.setdefault(f["line"], []).append(f["message"].split("'")[1])
    assert by_line == {
        3: ["PA"],  # the support role, series-wide
        10: ["IRO", "PA", "LAC", "multi-agency", "deliver", "SEN", "DBS"],  # the handout: DBS twice, said once
        13: ["actioned", "going forward", "cascade"],  # "you said, we did"
    }
    [dbs] = [f for f in findings if "'DBS'" in f["message"]]
    assert dbs["message"] == (
        "'DBS' is a short form many people do not know: write it out in words, or explain 'DBS' under glossary: "
        "(if it is a name, list it under names:)"
    )
    [pa] = [f for f in findings if f["line"] == 3]
    assert "say 'personal adviser' instead" in pa["message"]


def test_a_short_form_points_where_the_jargon_list_does(tmp_path):
    """FILE:LINE:COL of the text that holds it, as for every language.jargon finding."""
    write_tree(tmp_path, {"coprod.yaml": TRIAL})
    result = run("check", "language", "-p", str(tmp_path / "coprod.yaml"), "--format", "github")
    where = {
        m[1]: m[0] for m in re.findall(r"(file=[^,]+,line=\d+,col=\d+),title=language.jargon::'(\w+)'", result.stdout)
    }
    col = TRIAL.splitlines()[9].index("handout:") + 1
    assert where["DBS"] == where["IRO"] == f"file={tmp_path / 'coprod.yaml'},line=10,col={col}"


def test_the_glossary_explains_a_short_form_and_a_listed_one(tmp_path):
    glossed = TRIAL.replace(
        "support:",
        "glossary:\n  DBS check: a check for a criminal record\n  IRO: independent reviewing officer\nsupport:",
    )
    named = _named(_jargon(tmp_path, glossed))
    assert "DBS" not in named and "IRO" not in named and "SEN" in named


def test_plain_handout_with_well_known_short_forms_is_clean(tmp_path):
    handout = (
        "Tell your GP or the NHS helpline. We show a TV clip from the BBC at 10 AM. Bring photo ID. "
        "A BSL interpreter is there. Please do NOT share photos. Part II is after lunch."
    )
    text = plan_text(OPEN + f'- {{title: Talk, duration: 20m, handout: "{handout}"}}\n' + CLOSE)
    assert _jargon(tmp_path, text) == []


def test_strict_fails_on_an_unexplained_short_form(tmp_path):
    text = plan_text(OPEN + "- {title: Meet the YOT, kind: discussion, duration: 20m}\n" + CLOSE)
    write_tree(tmp_path, {"coprod.yaml": text})
    result = run("check", "language", "-p", str(tmp_path / "coprod.yaml"), "--strict")
    assert result.exit_code == 1
    assert "'YOT' is a short form many people do not know" in result.stdout


@pytest.mark.parametrize(
    "text, found",
    [
        ("Talk to your IRO, PA or SW", ["SW"]),  # IRO and PA have their own entries
        ("SW and DBS", ["SW", "DBS"]),  # short forms joined by "and" are not a name
        ("The YOTs and the YOT's office", ["YOT"]),  # plural and possessive
        ("Your independent reviewing officer (IRO) helps", []),  # written beside its meaning
        ("YOT (youth offending team)", []),
        ("Talk to YOT (on Monday)", ["YOT"]),  # a bracket that is not its meaning
        ("PLEASE DO NOT SHARE THIS", []),  # a heading in capitals
        ("Go to https://x.example/ABC or write to ABC@x.example", []),
        ("DON'T forget", []),
        ("Empower Youth CIC runs it.", []),  # a proper name
        ("B15 2TT", []),  # a postcode
        ("WELCOME everyone", []),  # too long for a short form: a word said loudly
        ("CAMHS-led groups and the DBS-checked staff", ["DBS"]),
    ],
)
def test_what_counts_as_a_short_form(text: str, found: list[str]):
    assert [a.letters for a in find_acronyms(text)] == found


def test_a_plans_names_are_never_short_forms():
    assert [a.letters for a in find_acronyms("We went to the YOT Hub.")] == []  # a name by its own words
    assert [a.letters for a in find_acronyms("Ask YOT first.")] == ["YOT"]
    assert find_acronyms("Ask YOT first.", ["YOT"]) == []


def test_the_allow_list_is_data_that_can_matter():
    """Every listed word is a word the finder would otherwise see, and none has a jargon entry too."""
    for word in allowed():
        assert re.fullmatch(rf"[A-Z]{{2,{MAX_LETTERS}}}", word), word
        assert word not in jargon_acronyms(), f"{word} is both well known and jargon"
    assert {"OK", "UK", "TV", "NHS", "ID", "AM", "PM"} <= allowed()


def test_every_new_care_word_has_a_plainer_one():
    terms = {e.term: e for e in jargon_list()}
    for term in ("IRO", "PA", "SEN", "SENCo", "multi-agency", "actioned", "cascade", "deliver"):
        assert terms[term].plain and not jargon_in(terms[term].plain), term


_UNKNOWN = st.text(string.ascii_uppercase, min_size=2, max_size=MAX_LETTERS).filter(
    lambda s: s not in allowed() and s not in jargon_acronyms() and not re.fullmatch(r"[IVX]+", s)
)
_WORDS = st.lists(st.sampled_from(["we", "talk", "to", "your", "team", "about", "the", "plan", "today"]), max_size=8)


@given(before=_WORDS, letters=_UNKNOWN, after=_WORDS, plural=st.booleans())
def test_any_unknown_short_form_is_found_once_where_it_is(before, letters, after, plural):
    assume(not jargon_in(letters))
    head = " ".join(["Then", *before]) + " "
    text = head + letters + ("s" if plural else "") + " " + " ".join([*after, "and", letters]) + "."
    [acronym] = find_acronyms(text)
    assert (acronym.letters, acronym.start) == (letters, len(head))
    assert explained(letters, [letters]) and explained(letters, [f"{letters}s"])
    assert explained(letters, [f"{letters} (what it stands for)"]) and not explained(letters, [f"{letters}X"])


@given(st.text(alphabet=string.ascii_letters + " .,()'-", max_size=80))
def test_lower_case_text_never_has_a_short_form(text):
    assert find_acronyms(text.lower()) == []


def test_words_we_use_names_a_short_form_as_the_reader_met_it():
    from coprod_cli.schedule import schedule_plan
    from coprod_cli.views import participant_view

    handout = "The LAC team and the KPIs. Our stakeholders and CAMHS."
    plan = load_plan_text(plan_text(OPEN + f"- {{title: Q, duration: 5m, handout: {handout}}}\n" + CLOSE)).plan
    words = [term for term, _ in participant_view(plan, schedule_plan(plan)).workshops[0].glossary]
    assert words == ["LAC (looked after children)", "KPI (key performance indicator)", "stakeholder", "CAMHS"]


def test_an_organisation_known_by_its_letters_is_listed_under_names(tmp_path):
    text = plan_text(OPEN + CLOSE).replace("workshops:", "organiser: NSPCC\nworkshops:")
    [finding] = _jargon(tmp_path, text)
    assert finding["line"] == 2 and "list it under names:" in finding["message"]
    assert _jargon(tmp_path, text.replace("workshops:", "names: [NSPCC]\nworkshops:")) == []


@pytest.mark.parametrize(
    "text, found",
    [
        ("We meet at the TOWN HALL on Monday.", []),  # a name written in capitals
        ("Meet at GREEN LANE, then walk.", []),
        ("Ask the DBS team.", ["DBS"]),
        ("Ask the IRO or DBS.", ["DBS"]),  # short forms side by side are still short forms (IRO is in the list)
    ],
)
def test_a_name_written_in_capitals_is_not_a_short_form(text: str, found: list[str]):
    assert [a.letters for a in find_acronyms(text)] == found
