"""`coprod new series` as a person meets it: every answer is checked as it is given and asked
again in plain words; flags fail at once, one `--flag: what` line each; dates and times are
read the way people in the UK write them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from babel.dates import format_date
from helpers import run, write_tree
from hypothesis import given
from hypothesis import strategies as st

from coprod_cli.errors import UsageError
from coprod_cli.plan.answers import parse_day, parse_every, parse_time_window
from coprod_cli.plan.loader import load_plan

# Words a facilitator should never be shown: a library's or a programmer's.
PROGRAMMER = ("Traceback", "Value error", "Input should", "isoformat", "does not match the format", "Usage:")


@pytest.fixture
def terminal(monkeypatch):
    monkeypatch.setattr("coprod_cli.cli.new.interactive", lambda: True)


def wizard(folder: Path, *answers: str, args: tuple[str, ...] = ()):
    """Answer the questions in order; an answer that is refused is followed by the next one."""
    return run("new", "series", str(folder), *args, input="".join(a + "\n" for a in answers))


def plan_of(folder: Path):
    return load_plan(folder / "coprod.yaml").plan


def asked(result, question: str) -> int:
    return result.stdout.count(question)


def test_a_date_that_cannot_be_read_is_asked_again(tmp_path: Path, terminal):
    result = wizard(tmp_path, "", "Care leavers project", "", "next monday", "3", "7/12/2026", "", "", "", "")
    assert result.exit_code == 0, result.stderr
    assert asked(result, "Date of the first workshop") == 3
    assert "'next monday' is not a date coprod can read; write the date like 2026-12-07" in result.stderr
    assert "'3' is not a whole date" in result.stderr
    assert "Monday, 7 December 2026" in result.stdout  # what was understood, said back
    assert [str(w.date) for w in plan_of(tmp_path).workshops][:2] == ["2026-12-07", "2026-12-14"]
    assert not any(word in result.stdout + result.stderr for word in PROGRAMMER)


def test_each_answer_is_checked_as_it_is_given_and_none_is_lost(tmp_path: Path, terminal):
    result = wizard(
        tmp_path,
        "service-desing",  # a typo: did you mean, and the same question again
        "service design",
        "   ",  # an empty title
        "Care leavers project",
        "12",  # more than the starter has a plan for
        "twelve",
        "0",
        "6",
        "2026-12-07",
        "every so often",
        "fortnightly",
        "10 till late",
        "10am-1pm",
        "inperson",
        "In person",
        "Town Hall",
    )
    assert result.exit_code == 0, result.stderr
    errors = result.stderr.splitlines()
    assert errors == [
        "'service-desing' is not a starter; did you mean 'service-design'? "
        "(choose from service-design, citizen-lab, online-engagement, blank)",
        "the title cannot be empty; give the series a title, like Care leavers project",
        "the service-design starter has a plan for 1 to 8 workshops, not 12; start with 8 and add more later "
        "with `coprod new workshop`, or start from the blank starter",
        "'twelve' is not a number of workshops; write a whole number in figures, like 4",
        "a series has 1 to 8 workshops",
        "'every so often' is not a time between workshops; write it like 1w (every week), 2w (every 2 weeks), "
        "3d (every 3 days) or monthly",
        "'10 till late' is not a start and end time; write it like 10:00-13:00 or 10am-1pm",
        "'inperson' is not a mode; did you mean 'in-person'? (choose from in-person, online, hybrid)",
    ]
    assert asked(result, "How many workshops (1 to 8)") == 4
    plan = plan_of(tmp_path)
    assert plan.title == "Care leavers project" and len(plan.workshops) == 6
    assert [str(w.date) for w in plan.workshops][:2] == ["2026-12-07", "2026-12-21"]
    assert {(w.start, w.end, w.mode, w.venue) for w in plan.workshops} == {(600, 780, "in-person", "Town Hall")}


def test_a_flag_that_does_not_fit_the_chosen_starter_is_asked_again(tmp_path: Path, terminal):
    result = wizard(tmp_path, "citizen-lab", "Lab", "1", "", "", args=("--sessions", "12", "--mode", "online"))
    assert result.exit_code == 0, result.stderr
    assert "the citizen-lab starter has a plan for 1 to 8 workshops, not 12" in result.stderr
    assert "Time between workshops" not in result.stdout  # one workshop: no rhythm to ask for
    assert len(plan_of(tmp_path).workshops) == 1


def test_stopping_half_way_writes_nothing_and_says_so(tmp_path: Path, terminal):
    result = wizard(tmp_path, "blank", "Half a plan")
    assert result.exit_code == 2
    assert result.stderr.strip().endswith("stopped before the last question; no plan was written")
    assert not (tmp_path / "coprod.yaml").exists()


@pytest.mark.parametrize(
    "args, line",
    [
        (["--start", "2027-02-30"], "--start: there is no 30 February 2027 (February 2027 has 28 days)"),
        (["--start", "next monday"], "--start: 'next monday' is not a date coprod can read"),
        (["--start", "Tue 7 Dec 2026"], "--start: 7 December 2026 is a Monday, not a Tuesday; check the date"),
        (["--sessions", "0"], "--sessions: a series has 1 to 8 workshops"),
        (["--sessions", "twelve"], "--sessions: 'twelve' is not a number of workshops"),
        (["--template", "blank", "--sessions", "31"], "--sessions: a series has 1 to 30 workshops, not 31"),
        (["--time", "13:00-10:00"], "--time: '13:00-10:00' ends (10:00) before it starts (13:00)"),
        (["--time", "10-1"], "--time: '10-1' ends (01:00) before it starts (10:00); if it ends in the afternoon"),
        (
            ["--time", "12-3"],
            "--time: '12-3' ends (03:00) before it starts (12:00); if it ends in the afternoon, write 12:00-15:00",
        ),
        (
            ["--time", "10:00-09:00"],
            "--time: '10:00-09:00' ends (09:00) before it starts (10:00); write the start first",
        ),
        (["--time", "10:00-10:15"], "--time: 10:00 to 10:15 is only 15 min; a workshop needs at least 30 minutes"),
        (["--every", "every so often"], "--every: 'every so often' is not a time between workshops"),
        (["--title", "  "], "--title: the title cannot be empty"),
    ],
)
def test_flags_fail_at_once_in_plain_words(args: list[str], line: str, tmp_path: Path):
    result = run("new", "series", str(tmp_path), "--title", "T", *args)
    assert result.exit_code == 2
    assert result.stderr.startswith(line), result.stderr
    assert not any(word in result.stderr for word in PROGRAMMER)
    assert not (tmp_path / "coprod.yaml").exists()


def test_every_bad_flag_is_one_line(tmp_path: Path):
    args = ["--template", "citizenlab", "--start", "31/11/2026", "--every", "3", "--mode", "zoom", "--sessions", "x"]
    result = run("new", "series", str(tmp_path), *args)
    assert result.exit_code == 2
    flags = [line.split(":")[0] for line in result.stderr.splitlines()]
    assert flags == ["--template", "--sessions", "--start", "--every", "--mode", "--title is missing"]


@pytest.mark.parametrize(
    "args, dates, times",
    [
        (["--start", "7 Dec 2026", "--time", "10am-1pm"], ["2026-12-07", "2026-12-14"], (600, 780)),
        (["--start", "Monday 7th December 2026", "--time", "10-1pm"], ["2026-12-07", "2026-12-14"], (600, 780)),
        (["--start", "7/12/26", "--every", "fortnightly", "--time", "2-4pm"], ["2026-12-07", "2026-12-21"], (840, 960)),
        (
            ["--start", "07.12.2026", "--every", "every 3 days", "--time", "10 to 13"],
            ["2026-12-07", "2026-12-10"],
            (600, 780),
        ),  # noqa: E501
        (
            ["--start", "Monday 11th January 2027", "--every", "every two weeks", "--time", "10.30-2pm"],
            ["2027-01-11", "2027-01-25"],
            (630, 840),
        ),
        (["--start", "11/01/2027", "--every", "every week"], ["2027-01-11", "2027-01-18"], (600, 780)),
        (["--start", "31 Jan 2027", "--every", "monthly"], ["2027-01-31", "2027-02-28"], (600, 780)),
    ],
)
def test_the_ways_people_write_dates_and_times_are_understood(args, dates, times, tmp_path: Path):
    result = run("new", "series", str(tmp_path), "--title", "T", *args)
    assert result.exit_code == 0, result.stderr
    workshops = plan_of(tmp_path).workshops
    assert [str(w.date) for w in workshops[:2]] == dates
    assert (workshops[0].start, workshops[0].end) == times


def test_new_workshop_reads_a_date_the_same_way(tmp_path: Path):
    write_tree(tmp_path, {"coprod.yaml": "title: S\nworkshops:\n  - title: One\n    date: 2026-12-07\n"})
    plan = str(tmp_path / "coprod.yaml")
    result = run("new", "workshop", "--title", "Two", "--date", "30/2/2027", "-p", plan)
    assert result.exit_code == 2
    assert result.stderr == "--date: there is no 30 February 2027 (February 2027 has 28 days)\n"
    assert run("new", "workshop", "--title", "Two", "--date", "14 Dec 2026", "-p", plan).exit_code == 0
    assert str(plan_of(tmp_path).workshops[1].date) == "2026-12-14"


DAYS = st.dates(dt.date(1900, 1, 1), dt.date(2199, 12, 31))


@given(DAYS)
def test_a_day_written_any_way_we_accept_reads_back_as_that_day(day: dt.date):
    forms = [day.isoformat(), f"{day.day}/{day.month}/{day.year}", f"{day.day:02d}.{day.month:02d}.{day.year}"]
    forms += [format_date(day, f, locale="en_GB") for f in ("d MMM y", "EEEE d MMMM y", "EEE, d MMMM y", "MMMM d, y")]
    assert {parse_day(text) for text in forms} == {day}


@given(DAYS, st.integers(1, 6))
def test_a_weekday_that_does_not_match_the_date_is_refused(day: dt.date, shift: int):
    other = day + dt.timedelta(days=shift)
    with pytest.raises(UsageError, match="not a"):
        parse_day(f"{format_date(other, 'EEEE', locale='en_GB')} {format_date(day, 'd MMMM y', locale='en_GB')}")


@given(st.integers(0, 24 * 60 - 31).flatmap(lambda s: st.tuples(st.just(s), st.integers(s + 30, 24 * 60 - 1))))
def test_a_time_window_reads_back_in_24_hour_and_12_hour_forms(window: tuple[int, int]):
    def twelve(m: int) -> str:
        hour = m // 60 % 12 or 12
        return f"{hour}:{m % 60:02d}{'pm' if m >= 12 * 60 else 'am'}"

    start, end = window
    assert parse_time_window(f"{start // 60:02d}:{start % 60:02d}-{end // 60}:{end % 60:02d}") == window
    assert parse_time_window(f"{twelve(start)} - {twelve(end)}") == window
    assert parse_time_window(f"{twelve(start)} to {twelve(end)}") == window


@given(st.integers(1, 52))
def test_a_rhythm_in_weeks_or_days_is_the_same_number_of_days(weeks: int):
    assert parse_every(f"{weeks}w") == parse_every(f"every {weeks} weeks") == parse_every(f"{weeks * 7}d")
    assert parse_every(f"{weeks}w").days == weeks * 7


def test_a_monthly_series_keeps_its_day_of_the_month(tmp_path: Path):
    """Monthly is the same day each month (a short month's last day); `new workshop` carries it on."""
    args = ("--title", "T", "--template", "blank", "-n", "3", "--start", "30 Nov 2026", "--every", "every month")
    assert run("new", "series", str(tmp_path), *args).exit_code == 0
    assert [str(w.date) for w in plan_of(tmp_path).workshops] == ["2026-11-30", "2026-12-30", "2027-01-30"]
    assert run("new", "workshop", "--title", "More", "-p", str(tmp_path / "coprod.yaml")).exit_code == 0
    assert str(plan_of(tmp_path).workshops[-1].date) == "2027-02-28"


@pytest.mark.parametrize(
    "words, same_as",
    [
        ("every two weeks", "2w"),
        ("every week", "1w"),
        ("weekly", "1w"),
        ("fortnightly", "2w"),
        ("every other week", "2w"),
    ],
)
def test_a_rhythm_in_words_is_the_one_in_figures(words: str, same_as: str):
    assert parse_every(words) == parse_every(same_as)


def test_monthly_is_a_month_not_four_weeks():
    assert parse_every("monthly") == parse_every("every month") == parse_every("1 month")
    assert parse_every("monthly").nth(dt.date(2027, 1, 31), 1) == dt.date(2027, 2, 28)
    assert parse_every("every 3 months").nth(dt.date(2027, 11, 15), 1) == dt.date(2028, 2, 15)
    with pytest.raises(UsageError, match="more than a year"):
        parse_every("every 13 months")
