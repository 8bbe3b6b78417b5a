"""Check families: agenda shape and series findings, and how the report is built."""

from __future__ import annotations

import pytest
from helpers import plan_text

from coprod_cli.checks import FAMILIES, parse_families, run_checks
from coprod_cli.errors import UsageError
from coprod_cli.plan.loader import load_plan_text

GOOD_AGENDA = (
    "- use: welcome-and-ground-rules\n- {title: Work, duration: 30m, easy: We work together.}\n- use: exit-words"
)


NOT_READY = tuple(f for f in FAMILIES if f != "ready")  # tests/test_ready.py covers `ready`


def _report(text: str, *families: str):
    return run_checks(load_plan_text(text, "p.yaml"), families or NOT_READY)


def _codes(report) -> list[str]:
    return [f.code for f in report.findings]


def test_clean_plan_has_no_findings():
    report = _report(plan_text(GOOD_AGENDA))
    assert report.findings == [] and not report.failed(strict=True)


def test_agenda_empty_is_an_error():
    report = _report(plan_text())
    assert _codes(report) == ["agenda.empty"]
    assert report.failed()


def test_opening_and_closing_warnings():
    report = _report(
        plan_text("- {title: Talk, kind: presentation, duration: 30m}\n- {title: Work, duration: 30m}"), "agenda"
    )
    assert sorted(_codes(report)) == ["agenda.closing", "agenda.opening"]
    assert not report.failed() and report.failed(strict=True)


def test_closing_must_be_in_the_last_third():
    early = "- use: welcome-and-ground-rules\n- use: exit-words\n- {title: Work, duration: 90m}"
    assert "agenda.closing" in _codes(_report(plan_text(early)))


def test_opening_skips_a_leading_break():
    agenda = "- break: 5m\n" + GOOD_AGENDA
    assert "agenda.opening" not in _codes(_report(plan_text(agenda)))


def test_opening_names_what_comes_first_when_a_meal_leads():
    agenda = (
        "- lunch: 45m\n  at: 12:30\n- {title: Practise our story, kind: discussion, duration: 40m}\n- use: exit-words"
    )
    [f] = [f for f in _report(plan_text(agenda)).findings if f.code == "agenda.opening"]
    assert f.item == 0 and f.message.startswith(
        "the workshop opens with 'Lunch' (meal), then 'Practise our story' (discussion); start with a welcome"
    )


def _series(*workshops: str) -> str:
    body = "".join(workshops)
    return "title: S\nworkshops:\n" + body


def _workshop(title: str, date: str, start: str = "10:00", homework: str = "", extra: str = "") -> str:
    text = f"  - title: {title}\n    date: {date}\n    start: {start}\n    agenda:\n"
    text += "      - use: welcome-and-ground-rules\n" + extra + "      - use: exit-words\n"
    if homework:
        text += f"    homework: {homework}\n"
    return text


def test_dates_out_of_order():
    report = _report(_series(_workshop("A", "2026-10-10"), _workshop("B", "2026-10-03")), "series")
    [f] = report.findings
    assert f.code == "series.dates" and f.severity == "error" and f.workshop == "b"
    assert "before 'A'" in f.message
    assert report.line(f) == 10


def test_two_workshops_overlapping_on_one_day():
    report = _report(_series(_workshop("A", "2026-10-10"), _workshop("B", "2026-10-10", "10:20")), "series")
    assert _codes(report) == ["series.dates"]


def test_morning_and_afternoon_on_one_day_are_fine():
    report = _report(_series(_workshop("A", "2026-10-10"), _workshop("B", "2026-10-10", "14:00")), "series")
    assert report.findings == []


def test_homework_not_picked_up():
    report = _report(_series(_workshop("A", "2026-10-03", homework="Think"), _workshop("B", "2026-10-10")), "series")
    [f] = report.findings
    assert f.code == "series.homework" and "'B' never picks it up" in f.message


def test_homework_picked_up_by_title_say_or_handout():
    for extra in (
        "      - use: homework-review\n",
        "      - {title: Talk, duration: 10m, say: Share your homework}\n",
        "      - {title: Talk, duration: 10m, handout: We go over the HOMEWORK}\n",
    ):
        plan = _series(_workshop("A", "2026-10-03", homework="Think"), _workshop("B", "2026-10-10", extra=extra))
        assert _report(plan, "series").findings == []


def test_homework_in_last_workshop():
    report = _report(_series(_workshop("A", "2026-10-03"), _workshop("B", "2026-10-10", homework="More")), "series")
    assert _codes(report) == ["series.homework"]
    assert "last workshop" in report.findings[0].message


def test_families_filter_and_validation():
    assert parse_families([]) == FAMILIES
    assert parse_families(["timings", "agenda", "timings"]) == ("timings", "agenda")
    with pytest.raises(UsageError, match="did you mean 'timings'"):
        parse_families(["timing"])
    assert parse_families(["language", "principles"]) == ("language", "principles")


def test_only_named_families_run():
    text = plan_text("- {title: Talk, kind: presentation, duration: 100m}", end="11:00")
    assert set(_codes(_report(text, "agenda"))) == {"agenda.opening", "agenda.closing"}
    assert set(_codes(_report(text, "timings"))) == {"timing.overrun", "timing.no-break"}


def test_json_report_shape():
    text = plan_text(GOOD_AGENDA, end="11:30", date="2026-10-03")
    data = _report(text).to_dict()
    assert list(data) == ["plan", "ok", "workshops", "findings", "errors"]
    [w] = data["workshops"]
    assert list(w) == [
        "id",
        "title",
        "date",
        "mode",
        "start",
        "booked_end",
        "planned_end",
        "total_minutes",
        "slack_minutes",
        "kind_minutes",
        "items",
    ]
    assert w["kind_minutes"] == {"welcome": 20, "exercise": 30, "feedback": 10}
    assert (w["date"], w["start"], w["booked_end"], w["planned_end"]) == ("2026-10-03", "10:00", "11:30", "11:00")
    assert (w["total_minutes"], w["slack_minutes"]) == (60, 30)
    assert w["items"][1] == {
        "index": 1,
        "title": "Work",
        "kind": "exercise",
        "offset_minutes": 20,
        "minutes": 30,
        "start": "10:20",
        "end": "10:50",
    }
    [f] = [f for f in data["findings"] if f["code"] == "timing.slack"]
    assert f == {
        "severity": "info",
        "code": "timing.slack",
        "workshop": "workshop",
        "item": None,
        "line": 5,
        "column": 5,
        "message": f["message"],
    }


def test_check_writes_every_date_one_way_without_a_leading_zero(tmp_path):
    """The workshop's line and the findings about it say 'Mon 7 Nov 2016' alike, never 'Mon 07 Nov 2016'."""
    import re

    from helpers import run, write_tree

    early = _workshop("A", "2016-11-07") + "    id: a\n"
    plan = write_tree(tmp_path, {"p.yaml": _series(early, _workshop("B", "2016-11-05"))}) / "p.yaml"
    result = run("check", "-p", str(plan))
    said = " ".join(result.stdout.split())
    assert "Mon 7 Nov 2016 · 10:00" in said and "'A' was on Mon 7 Nov 2016, which has passed" in said
    assert "'B' is on Sat 5 Nov 2016, before 'A' (Mon 7 Nov 2016)" in said
    dates = re.findall(r"\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d+ [A-Z][a-z]{2} \d{4}\b", said)
    assert len(dates) >= 5 and not [d for d in dates if d.split()[1].startswith("0")]
