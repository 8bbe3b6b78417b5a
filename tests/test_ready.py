"""The `ready` check: what a handout would go out without, and starter placeholders left in a plan."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from helpers import EXAMPLES, run, write_tree
from hypothesis import given
from hypothesis import strategies as st

from coprod_cli.checks import run_checks
from coprod_cli.checks.ready import reachable
from coprod_cli.documents.starter import STARTERS
from coprod_cli.plan.loader import load_plan, load_plan_text
from coprod_cli.plan.placeholders import PLACEHOLDERS, placeholder_in

READY = "title: S\ncontact: Sam Reid, 07700 900123\nworkshops:\n"


def _workshop(**fields: str) -> str:
    base = {"title": "W", "date": "2026-12-07", "start": "10:00", "venue": "Town Hall", **fields}
    body = "".join(f"    {k}: {v}\n" for k, v in base.items() if v)
    return "  -" + body[3:] + "    agenda: [{use: welcome-and-ground-rules}, {use: exit-words}]\n"


def _ready(text: str, today: dt.date = dt.date(2026, 6, 1)) -> list[tuple[str, str, int | None]]:
    loaded = load_plan_text(text, "p.yaml")
    report = run_checks(loaded, ["ready"], today=today)
    return [(f.code, f.severity, report.line(f)) for f in report.findings]


def test_a_ready_plan_has_no_findings():
    assert _ready(READY + _workshop()) == []


def test_a_new_series_is_flagged_as_not_ready(tmp_path: Path):
    """A plan straight from `coprod new series` still holds the starter's placeholders: check says so."""
    assert run("new", "series", str(tmp_path), "--title", "T", "--start", "2026-12-07").exit_code == 0
    result = run("check", "-p", str(tmp_path / "coprod.yaml"))
    assert result.exit_code == 0, result.stdout  # warnings, not errors: the plan is sound, only unfinished
    assert "[ready.placeholder]" in result.stdout and "[ready.contact]" in result.stdout
    assert "Add the venue here" in result.stdout
    named = run("check", "ready", "-f", "json", "-p", str(tmp_path / "coprod.yaml"))
    codes = {f["code"] for f in json.loads(named.stdout)["findings"]}
    assert codes == {"ready.placeholder", "ready.contact"}


def test_documents_made_from_an_unfinished_plan_are_drafts(tmp_path: Path):
    """A handout that would print 'To fill in: ...' is not ready to hand out: render marks it and exits 1."""
    assert run("new", "series", str(tmp_path), "--title", "T", "--start", "2026-12-07").exit_code == 0
    result = run("render", "handouts", "-p", str(tmp_path / "coprod.yaml"), "-o", str(tmp_path / "out"))
    assert result.exit_code == 1
    [handout, *_] = sorted((tmp_path / "out").glob("*/handout.md"))
    text = handout.read_text("utf-8")
    assert "Draft: not ready to hand out" in text and "'To fill in' texts from the starter plan" in text


@pytest.mark.parametrize("template", STARTERS)
@pytest.mark.parametrize("mode", ["in-person", "online", "hybrid"])
def test_every_placeholder_line_of_every_starter_is_found(template: str, mode: str, tmp_path: Path):
    """Each line of a new plan holding a placeholder text gets a finding on that line: nothing drifts."""
    args = ["new", "series", str(tmp_path), "--title", "T", "--template", template, "--mode", mode]
    assert run(*args, "--sessions", "2", "--start", "2026-12-07").exit_code == 0
    text = (tmp_path / "coprod.yaml").read_text()
    expected = {
        n
        for n, line in enumerate(text.splitlines(), start=1)
        if not line.lstrip().startswith("#") and any(p in line for p in PLACEHOLDERS.values())
    }
    assert expected, "every starter leaves something to fill in"
    found = {line for code, _, line in _ready(text) if code == "ready.placeholder"}
    assert found == expected


def test_placeholders_are_found_however_they_are_spaced():
    assert placeholder_in("  your ACTIVITY ") == "Your activity"
    assert placeholder_in("Say in plain words what participants will do") == PLACEHOLDERS["handout"]
    assert placeholder_in("We draw. Say in plain words what participants will do.") == PLACEHOLDERS["handout"]
    assert placeholder_in("Your activity planner") is None  # short placeholders only on their own
    assert placeholder_in("Journey mapping") is None


def test_a_numbered_placeholder_is_quoted_with_its_number():
    assert placeholder_in("Your activity for workshop 3") == "Your activity for workshop 3"


def test_a_placeholder_in_the_library_is_not_the_plans_fault():
    """Only texts written in the plan count; the item's line is named."""
    text = READY + _workshop().replace("{use: exit-words}", "{title: Your activity, duration: 20m}")
    assert _ready(text) == [("ready.placeholder", "warning", 8)]


@pytest.mark.parametrize(
    "contact, flagged",
    [
        (None, True),
        ("Laura Park, Consultant Social Worker", True),
        ("Laura Park (laura.park@example.org)", False),
        ("Laura, 0300 000 0000", False),
        ("Laura on +44 20 7946 0000", False),
        ("Laura at https://example.org/contact", False),
    ],
)
def test_contact_needs_a_way_to_reach_someone(contact: str | None, flagged: bool):
    head = "title: S\n" + (f"contact: {contact}\n" if contact else "") + "workshops:\n"
    found = _ready(head + _workshop())
    assert (found == [("ready.contact", "warning", 2 if contact else 1)]) is flagged
    assert found == [] or flagged


@given(
    st.from_regex(r"\A[A-Za-z][A-Za-z ,.'-]{0,40}\Z"), st.sampled_from(["07700 900123", "a.b@c.org", "+44 1632 960000"])
)
def test_any_name_with_a_phone_or_email_is_reachable(name: str, way: str):
    assert reachable(f"{name} {way}") and not reachable(name)


@pytest.mark.parametrize(
    "fields, expected",
    [
        ({"mode": "online", "venue": ""}, [("ready.join-link", "warning", 7)]),
        ({"mode": "online", "venue": "", "join": "https://zoom.example/j/1"}, []),
        ({"mode": "online", "venue": "", "join": "{dial_in: 0203 000 0000}"}, [("ready.join-link", "warning", 8)]),
        ({"mode": "hybrid", "venue": ""}, [("ready.join-link", "warning", 7), ("ready.venue", "warning", 4)]),
        ({"mode": "hybrid", "join": "https://zoom.example/j/1"}, []),
        ({"venue": ""}, [("ready.venue", "warning", 4)]),
        ({"date": ""}, [("ready.date", "warning", 4)]),
        ({"start": ""}, [("ready.date", "warning", 4)]),
        ({"date": "2016-10-03"}, [("ready.date", "info", 5)]),
    ],
)
def test_what_each_workshop_needs(fields: dict[str, str], expected: list):
    assert sorted(_ready(READY + _workshop(**fields))) == sorted(expected)


def test_past_is_measured_from_the_day_given():
    text = READY + _workshop(date="2026-12-07")
    assert _ready(text, today=dt.date(2026, 12, 7)) == []
    assert _ready(text, today=dt.date(2026, 12, 8)) == [("ready.date", "info", 5)]


def test_an_activity_that_does_not_work_online_is_named():
    text = READY + _workshop(mode="online", venue="", join="https://zoom.example/j/1")
    text = text.replace("{use: exit-words}", "{use: shared-lunch}, {use: exit-words}")
    assert _ready(text) == [("ready.online", "warning", 9)]


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_examples_are_ready_to_send(path: Path):
    """The examples' dates may be past (a note); nothing else about them is unfinished."""
    report = run_checks(load_plan(path), ["ready"])
    assert [(f.code, f.severity) for f in report.findings if f.severity != "info"] == []
    assert {f.code for f in report.findings} <= {"ready.date"}


def test_plain_check_runs_ready_and_names_the_plan_line(tmp_path: Path):
    write_tree(tmp_path, {"p.yaml": "title: S\nworkshops:\n" + _workshop(mode="online", venue="")})
    result = run("check", "-f", "json", "-p", str(tmp_path / "p.yaml"))
    found = {(f["code"], f["line"]) for f in json.loads(result.stdout)["findings"]}
    assert {("ready.contact", 1), ("ready.join-link", 6)} <= found
