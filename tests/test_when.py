"""Clock times and dates: one reading (plan.when) for a plan file and for `coprod new`; what
coprod prints reads back as the same value; the plan and the wizard agree on every input."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from babel.dates import format_date as babel_date
from helpers import run, write_tree
from hypothesis import given, settings
from hypothesis import strategies as st

from coprod_cli.errors import PlanError, UsageError
from coprod_cli.language.messages import format_date, format_time
from coprod_cli.plan.answers import parse_day, parse_time_window
from coprod_cli.plan.durations import format_clock
from coprod_cli.plan.loader import load_plan_text
from coprod_cli.plan.models import Workshop
from coprod_cli.plan.when import read_clock, read_date

MINUTES = st.integers(0, 24 * 60 - 1)
DAYS = st.dates(dt.date(1900, 1, 1), dt.date(2199, 12, 31))


def twelve_hour(minutes: int) -> str:
    hour, minute = divmod(minutes, 60)
    half = "pm" if hour >= 12 else "am"
    return f"{hour % 12 or 12}{f':{minute:02d}' if minute else ''}{half}"


@given(MINUTES)
def test_every_clock_time_coprod_prints_reads_back(minutes: int):
    printed = [format_clock(minutes), format_time("en-GB", minutes), format_time("cy", minutes), twelve_hour(minutes)]
    assert {read_clock(text) for text in printed} == {minutes}


@settings(max_examples=30, deadline=None)
@given(MINUTES)
def test_an_unquoted_dotted_time_is_read_from_what_was_written(minutes: int):
    """YAML reads `start: 10.30` as the number 10.3; the plan reads the characters, so 10.30 is 10:30."""
    dotted = f"{minutes // 60}.{minutes % 60:02d}"
    plan = load_plan_text(f"title: T\nworkshops:\n  - title: W\n    start: {dotted}\n").plan
    assert plan.workshops[0].start == minutes


def ordinal(day: int) -> str:
    return f"{day}{'th' if 10 <= day % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(day % 10, 'th')}"


@given(DAYS)
def test_every_date_coprod_prints_reads_back(day: dt.date):
    printed = [
        day.isoformat(),
        format_date("en-GB", day),
        f"{day.day:02d}/{day.month:02d}/{day.year}",
        babel_date(day, "d MMM y", locale="en_GB"),
        f"{babel_date(day, 'EEEE', locale='en_GB')} {ordinal(day.day)} {babel_date(day, 'MMMM y', locale='en_GB')}",
    ]
    assert {read_date(text) for text in printed} == {day}


def _plan_reads(field: str, value: str) -> tuple[object, str]:
    """What a workshop in a plan makes of `value`: the value, or the message."""
    try:
        return getattr(Workshop.model_validate({"title": "W", field: value}), field), ""
    except ValueError as err:  # pydantic's ValidationError is one
        return None, str(err)


def _wizard_reads(read, text: str) -> tuple[object, str]:
    try:
        return read(text), ""
    except UsageError as err:
        return None, str(err)


_DATE_WORDS = st.sampled_from(
    ["Monday", "Tue", "mon", "11th", "1st", "31", "29", "Jan", "January", "Febuary", "feb.", "2027", "27", "1899"]
)
_DATE_TEXT = st.one_of(
    st.lists(_DATE_WORDS, max_size=4).map(" ".join),
    st.builds(
        "{}{}{}{}{}".format,
        st.sampled_from(["1", "11", "31", "2027", "013"]),
        st.sampled_from(["/", ".", "-"]),
        st.sampled_from(["1", "01", "12", "13", "2"]),
        st.sampled_from(["/", ".", "-", ""]),
        st.sampled_from(["2027", "27", "", "1", "11"]),
    ),
    st.text(alphabet="0123456789/.- aJnMoy", max_size=12),
)


@settings(max_examples=200, deadline=None)
@given(_DATE_TEXT)
def test_the_plan_and_the_wizard_read_a_date_alike(text: str):
    (in_plan, plan_says), (in_wizard, wizard_says) = _plan_reads("date", text), _wizard_reads(parse_day, text)
    assert in_plan == in_wizard, (text, plan_says, wizard_says)
    assert wizard_says in plan_says


_CLOCK_TEXT = st.one_of(
    st.builds(
        "{}{}{}{}".format,
        st.sampled_from(["0", "00", "1", "9", "09", "10", "12", "13", "23", "24"]),
        st.sampled_from([":", ".", ",", ""]),
        st.sampled_from(["", "00", "05", "3", "30", "59", "60"]),
        st.sampled_from(["", "am", "pm", " PM", "p.m.", "a.m"]),
    ),
    st.sampled_from(["noon", "Midday", "lunchtime"]),
    st.text(alphabet="0123456789:. apm", max_size=8),
)
_HOUR_ALONE = re.compile(r"[ \t]*[0-9]{1,2}[ \t]*")


@settings(max_examples=200, deadline=None)
@given(_CLOCK_TEXT)
def test_the_plan_and_the_wizard_read_a_clock_time_alike(text: str):
    """The wizard reads a window (start to end); its start is read as the plan reads a time. Only
    an hour alone differs: in a window the other end says whether it is morning or afternoon."""
    in_plan, _ = _plan_reads("start", text)
    in_wizard, _ = _wizard_reads(parse_time_window, f"{text} to 23:59")
    if in_plan is not None and isinstance(in_plan, int) and in_plan <= 23 * 60:
        assert in_wizard == (in_plan, 23 * 60 + 59), text
    elif in_plan is None and not _HOUR_ALONE.fullmatch(text):
        assert in_wizard is None, text


TRIAL = """title: Care leavers
workshops:
  - title: One
    date: Monday 11th January 2027
    start: 10.30
    end: 2pm
  - title: Two
    date: 25th Jan 2027
    start: 10:30
    end: 14:00
  - title: Three
    date: 08/02/2027
    start: 2:30pm
    end: 4pm
"""


def test_the_trial_plan_reads_as_its_writer_meant(tmp_path):
    plan = load_plan_text(TRIAL).plan
    assert [str(w.date) for w in plan.workshops] == ["2027-01-11", "2027-01-25", "2027-02-08"]
    assert [(w.start, w.end) for w in plan.workshops] == [(630, 840), (630, 840), (870, 960)]
    write_tree(tmp_path, {"coprod.yaml": TRIAL})
    assert run("check", "-p", str(tmp_path / "coprod.yaml")).exit_code in (0, 1)


@pytest.mark.parametrize(
    "line, says",
    [
        (
            "date: 01/13/2027",
            "p.yaml:4:11: workshops[0].date: '01/13/2027': there is no month 13; "
            "coprod reads the day first: write 13/01/2027 for 13 January 2027",
        ),
        (
            "date: Tuesday 11th January 2027",
            "p.yaml:4:11: workshops[0].date: 'Tuesday 11th January 2027': "
            "11 January 2027 is a Monday, not a Tuesday; check the date",
        ),
        (
            "start: 10.3",
            "p.yaml:4:12: workshops[0].start: '10.3' could be 10:30 or 10:03; "
            "write the minutes with two figures, like 10:30",
        ),
        ("start: 10", "p.yaml:4:12: workshops[0].start: '10' is not a clock time; write it with a colon, like 10:00"),
    ],
)
def test_what_could_mean_two_things_is_refused_in_one_line(line: str, says: str):
    with pytest.raises(PlanError) as caught:
        load_plan_text(f"title: T\nworkshops:\n  - title: W\n    {line}\n", "p.yaml")
    assert caught.value.lines() == [says]
