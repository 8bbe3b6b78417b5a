"""`coprod new series|workshop|activity`: starters that check clean, and edits that keep comments."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from helpers import EXAMPLES, run, write_tree

from coprod_cli.checks import FAMILIES, run_checks
from coprod_cli.documents.render import Renderer
from coprod_cli.documents.starter import STARTERS, load_blueprint
from coprod_cli.plan.library import load_library
from coprod_cli.plan.loader import load_plan
from coprod_cli.plan.placeholders import placeholder_in

MODES = ("in-person", "online", "hybrid")
NOT_READY = tuple(f for f in FAMILIES if f != "ready")  # a new plan is not ready to send: that is the point


def _new(folder: Path, *args: str):
    return run("new", "series", str(folder), "--title", "Test series", "--start", "2026-12-07", *args)


# Every starter at every length from 1 to 8; the mode turns with the length, so each starter
# is tried in person, online and hybrid.
LENGTHS = [(t, n, MODES[n % 3]) for t, n in itertools.product(STARTERS, range(1, 9))]


@pytest.mark.parametrize("template, sessions, mode", LENGTHS)
def test_every_starter_at_every_length_is_distinct_and_checks_clean(
    template: str, sessions: int, mode: str, tmp_path: Path
):
    result = _new(tmp_path, "--template", template, "--sessions", str(sessions), "--mode", mode)
    assert result.exit_code == 0, result.stderr
    loaded = load_plan(tmp_path / "coprod.yaml")
    workshops = loaded.plan.workshops
    assert len(workshops) == sessions
    titles = [w.title for w in workshops]
    agendas = [tuple((i.use, i.title) for i in w.agenda) for w in workshops]
    assert len(set(titles)) == sessions, titles
    assert len(set(agendas)) == sessions, agendas
    report = run_checks(loaded)
    bad = [f for f in report.findings if f.severity in ("error", "warning") and not f.code.startswith("ready.")]
    assert bad == [], [(f.code, f.message) for f in bad]
    # What is left to fill in is named, and only that (tests/test_ready.py checks each place)
    ready = {f.code for f in report.findings if f.code.startswith("ready.")}
    assert "ready.placeholder" in ready and "ready.contact" in ready
    assert ("ready.join-link" in ready) == (mode != "in-person")
    lived = sum(g.count or 0 for g in loaded.plan.participants if g.lived_experience)
    assert lived * 2 >= sum(g.count or 0 for g in loaded.plan.participants)
    if sessions in (1, 8):
        docs = Renderer.start(loaded, report.schedules, formats=("md",)).render_all()
        main = [d for d in docs if "/paperwork/" not in d.path]
        assert len(main) == 4 * sessions + 2  # three documents and an invite.ics per workshop, overview, calendar
        forms = {d.path.split("/")[0] for d in docs if d.path.endswith("/paperwork/feedback-form.md")}
        assert len(forms) == sessions  # every workshop has its feedback form


@pytest.mark.parametrize("template", [t for t in STARTERS if "arcs" in load_blueprint(t)])
def test_every_arc_builds_on_sessions_it_keeps(template: str):
    blueprint = load_blueprint(template)
    assert sorted(blueprint["arcs"]) == list(range(1, 9))
    for count, ids in blueprint["arcs"].items():
        assert len(ids) == count and len(set(ids)) == count, (count, ids)
        for index, sid in enumerate(ids):
            needs = blueprint["sessions"][sid].get("after")
            if needs:
                assert set(needs) & set(ids[:index]), f"{template} {count}: '{sid}' builds on {needs}, all dropped"
    assert {sid for ids in blueprint["arcs"].values() for sid in ids} == set(blueprint["sessions"])


@pytest.mark.parametrize(
    "template, sessions, never",
    [
        ("service-design", 3, "tested our ideas"),
        ("service-design", 2, "tried our ideas"),
        ("citizen-lab", 3, "(part 2)"),
        ("online-engagement", 3, "Book the room"),
        ("online-engagement", 5, "ramp"),
    ],
)
def test_no_session_refers_to_one_that_was_dropped(template: str, sessions: int, never: str, tmp_path: Path):
    assert _new(tmp_path, "--template", template, "--sessions", str(sessions)).exit_code == 0
    assert never not in (tmp_path / "coprod.yaml").read_text()


def test_online_starter_speaks_of_links_and_breakout_rooms(tmp_path: Path):
    assert _new(tmp_path, "--template", "online-engagement").exit_code == 0
    text = (tmp_path / "coprod.yaml").read_text()
    assert "joining link" in text and "breakout rooms" in text and "captions: true" in text
    assert "step-free" not in text and "venue:" not in text


def test_starters_fill_thanks_access_support_with_recorded_placeholders(tmp_path: Path):
    assert _new(tmp_path, "--template", "service-design", "--sessions", "4").exit_code == 0
    plan = load_plan(tmp_path / "coprod.yaml").plan
    thanks = [g.thanks for g in plan.participants if g.lived_experience]
    assert thanks and all(t is not None and t.amount and placeholder_in(t.amount) for t in thanks)
    assert plan.access is not None and plan.access.adjustments and placeholder_in(plan.access.adjustments)
    assert plan.support and placeholder_in(plan.support[0].name)
    sensitive = [w for w in plan.workshops if w.sensitive]
    assert sensitive and all(w.content_note and placeholder_in(w.content_note) for w in sensitive)
    assert not placeholder_in("Laura Park") and placeholder_in("Your activity for workshop 12")


def test_too_many_sessions_for_a_method_starter_is_exit_2(tmp_path: Path):
    result = _new(tmp_path, "--template", "citizen-lab", "--sessions", "9")
    assert result.exit_code == 2 and "1 to 8 workshops" in result.stderr
    assert _new(tmp_path / "blank", "--template", "blank", "--sessions", "12").exit_code == 0


def test_help_says_what_each_starter_is_for():
    result = run("new", "series", "--help")
    for name in STARTERS:
        assert f"{name}: {load_blueprint(name)['about']}"[:40] in " ".join(result.stdout.split())


def test_starter_is_commented_with_a_schema_modeline(tmp_path: Path):
    _new(tmp_path)
    text = (tmp_path / "coprod.yaml").read_text()
    assert text.startswith("# yaml-language-server: $schema=coprod.schema.json\n")
    assert "use: welcome-and-ground-rules" in text and "# CHANGE" in text
    assert (tmp_path / "coprod.schema.json").read_text().startswith("{")


def test_options_shape_the_plan(tmp_path: Path):
    result = _new(
        tmp_path,
        "--template",
        "citizen-lab",
        "--sessions",
        "2",
        "--every",
        "1d",
        "--time",
        "09:30-15:30",
        "--venue",
        "Town Hall: Room 1",
        "--mode",
        "in-person",
    )
    assert result.exit_code == 0, result.stderr
    plan = load_plan(tmp_path / "coprod.yaml").plan
    assert [str(w.date) for w in plan.workshops] == ["2026-12-07", "2026-12-08"]
    assert {(w.start, w.end, w.venue) for w in plan.workshops} == {(570, 930, "Town Hall: Room 1")}
    assert any(item.kind == "meal" for item in plan.workshops[0].agenda)  # a full day has lunch
    assert plan.workshops[0].homework and not plan.workshops[1].homework


def test_short_window_drops_optional_items(tmp_path: Path):
    _new(tmp_path / "long", "--time", "10:00-13:00")
    _new(tmp_path / "short", "--time", "10:00-11:30")
    long = load_plan(tmp_path / "long" / "coprod.yaml").plan.workshops[0].agenda
    short = load_plan(tmp_path / "short" / "coprod.yaml").plan.workshops[0].agenda
    assert len(short) < len(long)
    findings = run_checks(load_plan(tmp_path / "short" / "coprod.yaml"), NOT_READY).findings
    assert [f for f in findings if f.severity != "info"] == []


def test_never_overwrites_an_existing_plan(tmp_path: Path):
    write_tree(tmp_path, {"coprod.yaml": "# mine\n"})
    result = _new(tmp_path)
    assert result.exit_code == 2
    assert "a plan is already here" in result.stderr
    assert (tmp_path / "coprod.yaml").read_text() == "# mine\n"


def test_without_a_terminal_a_missing_title_is_an_error(tmp_path: Path):
    result = run("new", "series", str(tmp_path))
    assert result.exit_code == 2
    assert "--title is missing" in result.stderr
    assert not (tmp_path / "coprod.yaml").exists()


def test_in_a_terminal_it_asks(tmp_path: Path, monkeypatch):
    monkeypatch.setattr("coprod_cli.cli.new.interactive", lambda: True)
    answers = (
        "\n".join(["online-engagement", "Residents panel", "3", "2026-12-01", "2w", "18:00-19:30", "online"]) + "\n"
    )
    result = run("new", "series", str(tmp_path), input=answers)
    assert result.exit_code == 0, result.stdout + result.stderr
    assert "Title of the series" in result.stdout
    assert load_blueprint("citizen-lab")["about"] in result.stdout  # the wizard says what each starter is for
    plan = load_plan(tmp_path / "coprod.yaml").plan
    assert plan.title == "Residents panel" and len(plan.workshops) == 3
    assert [str(w.date) for w in plan.workshops] == ["2026-12-01", "2026-12-15", "2026-12-29"]
    assert {w.mode for w in plan.workshops} == {"online"}
    assert not [f for f in run_checks(load_plan(tmp_path / "coprod.yaml"), NOT_READY).findings if f.severity != "info"]


@pytest.mark.parametrize(
    "args, message",
    [
        (["--template", "citizenlab"], "did you mean 'citizen-lab'?"),
        (["--every", "now and then"], "is not a time between workshops"),
        (["--time", "morning"], "is not a start and end time"),
        (["--mode", "zoom"], "'zoom' is not a mode"),
        (["--start", "12/31/2026"], "there is no month 31"),
    ],
)
def test_bad_options_exit_2(args: list[str], message: str, tmp_path: Path):
    result = run("new", "series", str(tmp_path), "--title", "T", *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert not (tmp_path / "coprod.yaml").exists()


COMMENTED = """\
# Our series: notes for the team
title: Our series   # keep this short
workshops:
  # first one is at the hub
  - title: First
    date: 2026-10-05
    start: 10:00
    end: 12:00
    venue: Hub
    agenda:
      - use: welcome-and-ground-rules   # always start here
      - {title: Talk, kind: discussion, duration: 60m}
      - use: exit-words
    homework: Think about it
  - title: Second
    date: 2026-10-19
    start: 10:00
    end: 12:00
    agenda:
      - use: welcome-back
      - use: homework-review
      - use: exit-words
# end of plan
"""


def test_new_workshop_keeps_every_comment_and_follows_the_rhythm(tmp_path: Path):
    write_tree(tmp_path, {"coprod.yaml": COMMENTED})
    result = run("new", "workshop", "--title", "Third time", "-p", str(tmp_path / "coprod.yaml"))
    assert result.exit_code == 0, result.stderr
    text = (tmp_path / "coprod.yaml").read_text()
    for line in COMMENTED.splitlines():
        if "#" in line:
            assert line.split("#", 1)[1] in text, line
    assert text.startswith(COMMENTED.split("  - title: Second")[0])
    plan = load_plan(tmp_path / "coprod.yaml").plan
    third = plan.workshops[2]
    assert (third.id, str(third.date), third.start, third.end) == ("third-time", "2026-11-02", 600, 720)


def test_new_workshop_refuses_a_broken_plan(tmp_path: Path):
    write_tree(tmp_path, {"coprod.yaml": "title: T\nworkshops:\n  - title: A\n    duraton: 3\n"})
    result = run("new", "workshop", "--title", "B", "-p", str(tmp_path / "coprod.yaml"))
    assert result.exit_code == 2
    assert ":4:5: workshops[0].duraton: unknown key" in result.stderr


def test_new_activity_from_library_and_fresh(tmp_path: Path):
    write_tree(tmp_path, {"coprod.yaml": COMMENTED})
    plan_file = str(tmp_path / "coprod.yaml")
    assert (
        run("new", "activity", "our-vote", "--from", "dot-voting", "--title", "Our vote", "-p", plan_file).exit_code
        == 0
    )
    assert (
        run("new", "activity", "river", "--title", "River of life", "--duration", "30m", "-p", plan_file).exit_code == 0
    )
    plan = load_plan(plan_file).plan
    assert plan.activities["our-vote"].title == "Our vote" and plan.activities["our-vote"].steps
    assert plan.activities["our-vote"].online == load_library()["dot-voting"].online  # its online version too
    assert "- do: Everyone votes\n          duration: 8m" in (tmp_path / "coprod.yaml").read_text()
    assert plan.activities["river"].duration == 30
    assert "# always start here" in (tmp_path / "coprod.yaml").read_text()
    again = run("new", "activity", "river", "--title", "Again", "-p", plan_file)
    assert again.exit_code == 2 and "already has an activity 'river'" in again.stderr
    wrong = run("new", "activity", "x", "--from", "dot-votes", "-p", plan_file)
    assert wrong.exit_code == 2 and "did you mean 'dot-voting'?" in wrong.stderr


def test_examples_are_untouched_by_these_tests():
    assert all(p.read_text().startswith("#") for p in EXAMPLES)
