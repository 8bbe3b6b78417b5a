"""The `people` checks: each code fires on a plan made to trigger it and stays silent on one that does not."""

from __future__ import annotations

import pytest
from helpers import EXAMPLES, run, write_tree
from hypothesis import given
from hypothesis import strategies as st

from coprod_cli.checks import run_checks
from coprod_cli.plan.loader import load_plan_text

# A plan every people.* check is happy with; each case below changes one thing.
GOOD = """\
title: S
facilitators:
  - {name: Laura Park, role: lead}
participants:
  - group: Care leavers
    count: 6
    lived_experience: true
    thanks: {amount: a £25 voucher, when: at the end}
  - {group: Professionals, count: 6}
access: {step_free: true, adjustments: Tell Laura by Friday}
support:
  - {name: Jo Hart, phone: 07700 900123}
workshops:
  - title: One
    start: 10:00
    agenda:
      - use: welcome-and-ground-rules
      - {title: Timelines, duration: 30m, sensitive: true, lead: Care leavers with Laura}
      - use: tea-break
      - use: check-out
    heard:
      - {said: Too early, did: Later start}
  - title: Two
    start: 10:00
    agenda:
      - use: welcome-back
      - use: you-said-we-did
      - use: exit-words
"""


def _codes(text: str) -> list[tuple[str, int | None]]:
    loaded = load_plan_text(text, "p.yaml")
    report = run_checks(loaded, ["people"])
    return [(f.code, report.line(f)) for f in report.findings]


def test_good_plan_is_silent():
    assert _codes(GOOD) == []


ACCESS = ("people.access", 1)
CASES = {
    "outnumbered": (GOOD.replace("count: 6\n    lived", "count: 5\n    lived"), "people.balance", 6),
    "nobody marked": (GOOD.replace("lived_experience: true", "lived_experience: false"), "people.balance", 6),
    "nobody leads": (GOOD.replace(", lead: Care leavers with Laura", ""), "people.balance", 5),
    "no thanks": (GOOD.replace("    thanks: {amount: a £25 voucher, when: at the end}\n", ""), "people.thanks", 5),
    "no access": (
        GOOD.replace("access: {step_free: true, adjustments: Tell Laura by Friday}\n", ""),
        "people.access",
        1,
    ),
    "no way to ask": (GOOD.replace(", adjustments: Tell Laura by Friday", ""), "people.access", 10),
    "no support": (GOOD.replace("support:\n  - {name: Jo Hart, phone: 07700 900123}\n", ""), "people.support", 12),
    "no break after": (
        GOOD.replace("      - use: tea-break\n", "      - {title: More work, duration: 20m}\n"),
        "people.support",
        18,
    ),
    "no report back": (GOOD.replace("      - use: you-said-we-did\n", ""), "people.feedback-loop", 21),
    "interpreted round": (
        GOOD.replace("access: {step_free: true,", "access: {interpreters: [Polish],"),
        "people.interpreting",
        17,
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_each_code_fires_with_its_plan_line(case: str):
    text, code, line = CASES[case]
    assert text != GOOD
    assert (code, line) in _codes(text)
    assert {c for c, _ in _codes(text)} == {code}


def test_report_back_without_heard_is_asked_of_the_second_workshop():
    text = GOOD.replace("    heard:\n      - {said: Too early, did: Later start}\n", "")
    assert _codes(text) == []
    assert _codes(text.replace("      - use: you-said-we-did\n", "")) == [("people.feedback-loop", 21)]


def test_a_sensitive_workshop_needs_a_check_out_at_the_end():
    text = GOOD.replace("  - title: Two\n", "  - title: Two\n    sensitive: true\n")
    assert _codes(text) == []  # exit words close it
    assert _codes(text.replace("      - use: exit-words\n", "      - use: check-out\n")) == []
    assert _codes(text.replace("      - use: exit-words\n", "      - {title: Talk, duration: 10m}\n")) != []


def test_a_peer_facilitator_leads():
    text = GOOD.replace(", lead: Care leavers with Laura", "").replace(
        "  - {name: Laura Park, role: lead}",
        "  - {name: Laura Park, role: lead}\n  - {name: Kai, lived_experience: true}",
    )
    assert _codes(text) == []


def _with_interpreters(interpreters: str, people: int, welcome: str) -> str:
    return (
        GOOD.replace("access: {step_free: true,", f"access: {{interpreters: [{interpreters}],")
        .replace("count: 6\n    lived", f"count: {people}\n    lived")
        .replace(
            "      - use: welcome-and-ground-rules\n",
            f"      - {{use: welcome-and-ground-rules, duration: {welcome}}}\n",
        )
        .replace("      - use: exit-words\n", "      - {use: exit-words, duration: 40m}\n")
        .replace("      - use: welcome-back\n", "      - {use: welcome-back, duration: 40m}\n")
        .replace("      - use: check-out\n", "      - {use: check-out, duration: 40m}\n")
    )


@pytest.mark.parametrize(
    "interpreters, people, short, enough",
    [("Polish", 6, "25m", "30m"), ("BSL (two interpreters)", 6, "20m", "25m"), ("Polish", 30, "30m", "35m")],
)
def test_interpreted_rounds_need_longer_as_the_room_grows(interpreters: str, people: int, short: str, enough: str):
    assert "people.interpreting" in [c for c, _ in _codes(_with_interpreters(interpreters, people, short))]
    assert _codes(_with_interpreters(interpreters, people, enough)) == []


def test_a_lone_bsl_interpreter_needs_a_swap():
    text = _with_interpreters("BSL", 6, "25m").replace(
        "      - {title: Timelines", "      - {title: Long talk, duration: 60m}\n      - {title: Timelines"
    )
    findings = run_checks(load_plan_text(text, "p.yaml"), ["people"]).findings
    assert [f.message for f in findings if "swap" in f.message]
    assert "swap" not in str(_codes(text.replace("[BSL]", "[BSL (two interpreters)]")))


def test_people_family_runs_from_the_command_line(tmp_path):
    write_tree(tmp_path, {"coprod.yaml": CASES["no thanks"][0]})
    result = run("check", "people", "-p", str(tmp_path / "coprod.yaml"))
    assert result.exit_code == 0 and "[people.thanks]" in result.stdout
    assert run("check", "--strict", "-p", str(tmp_path / "coprod.yaml")).exit_code == 1
    assert "people.thanks" in run("check", "-p", str(tmp_path / "coprod.yaml"), "--format", "json").stdout


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_examples_are_clean_for_people(example):
    assert _codes(example.read_text()) == []


def _render(example_stem: str, documents: tuple[str, ...] = ("handouts", "scripts")) -> dict[str, str]:
    from coprod_cli.documents.render import Renderer
    from coprod_cli.plan.loader import load_plan
    from coprod_cli.schedule import schedule_plan

    example = next(p for p in EXAMPLES if p.stem == example_stem)
    loaded = load_plan(example)
    docs = Renderer.start(loaded, schedule_plan(loaded.plan), documents, ("md",)).render_all()
    return {d.path: d.content.decode() for d in docs}


def test_handouts_carry_thanks_access_support_consent_and_what_was_heard():
    docs = _render("care-leavers")
    first, second = docs["01-intro/handout.md"], docs["02-experiences/handout.md"]
    for handout in (first, second):
        assert "£25 shopping voucher" in handout and "Vouchers do not count as income" in handout
        assert "Jo Hart, personal adviser: 07700 900123" in handout  # support is participant-facing
        assert "Tell Laura by the Friday before" in handout and "step-free" in handout
        assert "We will not record the workshop." in handout
    assert "We will agree these together" in first and "We agreed these together" in second
    assert "We will talk about what leaving care was like" in second and "leaving care was like" not in first
    # the next workshop's handout opens with what the last one heard
    assert second.index("## You said, we did") < second.index("## What this workshop is for")
    assert "Every handout now has a list of words" in second and "## You said, we did" not in first


def test_online_handout_speaks_of_taking_part_online():
    handout = _render("online-engagement")["02-categories/handout.md"]
    assert "## Taking part online" in handout and "There are live captions." in handout
    assert "ramp" not in handout and "Getting there" not in handout


def test_script_prints_counts_from_participants_facilitators_and_spares():
    script = _render("care-leavers")["02-experiences/facilitator-script.md"]
    # 6 care leavers + 6 professionals, 2 facilitators, and 2 spares (a tenth, at least two)
    assert "16 name badges and a sign-in sheet with 16 rows (12 participants, 2 facilitators and 2 spare)" in script
    assert "make sure Jo Hart is free to talk" in script


@given(st.lists(st.integers(0, 200), min_size=1, max_size=5), st.integers(0, 6))
def test_print_counts_cover_everyone_with_spares(counts: list[int], facilitators: int):
    from coprod_cli.plan.models import Facilitator, ParticipantGroup, Plan, Workshop
    from coprod_cli.preparation import MIN_SPARES, print_counts

    plan = Plan(
        title="S",
        workshops=[Workshop(title="W")],
        participants=[ParticipantGroup(group=f"G{i}", count=c) for i, c in enumerate(counts)],
        facilitators=[Facilitator(name=f"F{i}") for i in range(facilitators)],
    )
    result = print_counts(plan)
    if sum(counts) == 0:
        assert result is None
        return
    assert result is not None
    assert result.copies == sum(counts) + facilitators + result.spares
    assert result.spares >= MIN_SPARES and result.spares * 10 >= sum(counts) + facilitators
    assert result.spares <= max(MIN_SPARES, (sum(counts) + facilitators) // 10 + 1)


def test_paperwork_and_said_did_data_from_counts_consent_and_heard():
    """The data the paperwork and 'you said, we did' documents are to be built from (views/paperwork.py)."""
    from coprod_cli.plan.loader import load_plan
    from coprod_cli.schedule import schedule_plan
    from coprod_cli.views import Views

    loaded = load_plan(next(p for p in EXAMPLES if p.stem == "care-leavers"))
    views = Views(loaded.plan, schedule_plan(loaded.plan))
    paper = views.paperwork[1]
    assert (paper.sign_in_rows, paper.badges, paper.badge_pages) == (16, 16, 2)  # 12 + 2 facilitators + 2 spare
    assert [(r.group, r.copies) for r in paper.receipts] == [("Care leavers", 8)]
    assert paper.consent_questions == (
        ("photos", "Can we take photos of you?"),
        ("quotes", "Can we write down what you say? We will not write your name."),
    )
    assert ("recording", "We will not record the workshop.") in paper.consent_statements
    assert paper.consent_opt_out.startswith("To say no or change your mind: Tell Laura or Jo at any time")
    titles = [line.title for line in paper.feedback]
    assert "Create a character" in titles and "Welcome back" not in titles and "Exit words" not in titles
    heard = views.said_did
    assert heard[0].pairs[0] == ("The words professionals use are hard to follow", heard[0].pairs[0][1])
    assert heard[0].pairs[1][1].startswith("Not yet") and heard[3].pairs == ()
    assert heard[1].pairs[0][1] == ""  # nothing done yet: the documents say so in the plan's language


@pytest.mark.parametrize(
    "consent, message",
    [
        ("{recording: maybe}", "consent.recording: 'maybe' is not one of ask, yes, no (or write a whole sentence)"),
        ("{quotes: anonymus}", "consent.quotes: 'anonymus' is not one of anonymous, named, ask, no; did you mean"),
    ],
)
def test_consent_takes_a_word_it_knows_or_a_sentence(tmp_path, consent: str, message: str):
    """'maybe' would print as 'Maybe.' under 'Photos, recordings and notes': a plan line says what to write."""
    plan = tmp_path / "coprod.yaml"
    plan.write_text(f"title: S\nconsent: {consent}\nworkshops:\n  - title: W\n")
    result = run("check", "-p", str(plan))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{plan}:2:") and message in result.stderr
    plan.write_text("title: S\nconsent:\n  recording: We record the talk, never faces\nworkshops:\n  - title: W\n")
    assert "consent" not in run("check", "-p", str(plan)).stderr  # a sentence is printed as written
