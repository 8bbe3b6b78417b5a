"""What a person types for a date, a time of day, a rhythm or a number of workshops.

Read the way people write them (7/12/2026, 7 Dec 2026, 10am-1pm, fortnightly), and when
one cannot be used, a UsageError says why in plain words and what to write instead.
`coprod new series` checks its flags and its questions' answers with these. A date and a
clock time are read by plan.when, as a plan file's are, so the two never disagree.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from coprod_cli.errors import UsageError
from coprod_cli.plan.suggest import did_you_mean
from coprod_cli.plan.when import LOCALE, ClockTime, clock_in, read_date

WRITE_A_TIME = "write it like 10:00-13:00 or 10am-1pm"
WRITE_A_RHYTHM = "write it like 1w (every week), 2w (every 2 weeks), 3d (every 3 days) or monthly"


def parse_day(text: str, locale: str = LOCALE) -> dt.date:
    """A date as a plan reads one (plan.when): '2026-12-07', '7/12/2026', 'Monday 7th December 2026'."""
    try:
        return read_date(text, locale)
    except ValueError as err:
        raise UsageError(str(err)) from None


_BETWEEN = re.compile(r"\s*(?:-|–|—|\bto\b|\buntil\b|\btill\b)\s*")


def _clock(text: str) -> ClockTime:
    """A clock time as a plan reads one, or, with the other end of the window to say which, an hour alone."""
    found = clock_in(text, bare_hour=True)
    if found is None:
        raise ValueError
    return found


def parse_time_window(text: str) -> tuple[int, int]:
    """'10:00-13:00', '10am-1pm', '10-1pm', '10 to 13' -> (600, 780): minutes after midnight."""
    from coprod_cli.plan.durations import format_clock, format_duration

    raw = " ".join(text.lower().split())
    parts = _BETWEEN.split(raw)
    try:
        if len(parts) != 2:
            raise ValueError
        (start, start_half), (end, end_half) = _clock(parts[0]), _clock(parts[1])
    except ValueError:
        raise UsageError(f"'{text.strip()}' is not a start and end time; {WRITE_A_TIME}") from None
    if end_half and not start_half and start < 12 * 60 and end >= 12 * 60 and start + 12 * 60 < end:
        start += 12 * 60  # '2-4pm' is 14:00-16:00; '10-1pm' stays 10:00-13:00
    said = f"{format_clock(start)} to {format_clock(end)}"
    if not end_half and end < min(start, 8 * 60) and start <= 12 * 60 < end + 12 * 60:  # '10-1': 1pm, surely
        raise UsageError(
            f"'{text.strip()}' ends ({format_clock(end)}) before it starts ({format_clock(start)}); "
            f"if it ends in the afternoon, write {format_clock(start)}-{format_clock(end + 12 * 60)}"
        )
    if end < start:
        raise UsageError(
            f"'{text.strip()}' ends ({format_clock(end)}) before it starts ({format_clock(start)}); "
            f"write the start first, like 10:00-13:00 or 10am-1pm"
        )
    if end - start < 30:
        length = "no time at all" if end == start else f"only {format_duration(end - start)}"
        raise UsageError(f"{said} is {length}; a workshop needs at least 30 minutes")
    return start, end


@dataclass(frozen=True)
class Rhythm:
    """Time between workshops: a number of days, or of months (the same day of the month)."""

    days: int = 0
    months: int = 0

    def nth(self, first: dt.date, n: int) -> dt.date:
        """The date of workshop `n` (0 is the first); a month too short for the day ends it."""
        if not self.months:
            return first + dt.timedelta(days=self.days * n)
        years, month = divmod(first.month - 1 + self.months * n, 12)
        year = first.year + years
        return dt.date(year, month + 1, min(first.day, calendar.monthrange(year, month + 1)[1]))


_RHYTHM_WORDS = {"daily": 1, "weekly": 7, "fortnightly": 14, "other week": 14}
_UNIT_DAYS = {"d": 1, "day": 1, "days": 1, "w": 7, "wk": 7, "wks": 7, "week": 7, "weeks": 7, "fortnight": 14}
_MONTHS = ("month", "months", "monthly")
_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8}
_COUNTS |= {"nine": 9, "ten": 10, "eleven": 11, "twelve": 12}


def parse_every(text: str) -> Rhythm:
    """Time between workshops: '1w', 'weekly', 'every week' 7 days; '2w', 'fortnightly', 'every two weeks'
    14; '3d' 3; 'monthly', 'every month' one month; 'every 2 months' two."""
    raw = " ".join(text.lower().split()).removeprefix("every ").strip()
    if raw in _RHYTHM_WORDS:
        return Rhythm(_RHYTHM_WORDS[raw])
    match = re.fullmatch(r"(?:([0-9]+) ?|([a-z]+) )?([a-z]+)", raw)
    unit = match.group(3) if match else ""
    if not match or unit not in _UNIT_DAYS and unit not in _MONTHS or (match.group(2) or "a") not in _COUNTS:
        raise UsageError(f"'{text.strip()}' is not a time between workshops; {WRITE_A_RHYTHM}")
    number = match.group(1) or "1"
    count = int(number[-4:]) + (10**4 if len(number.lstrip("0")) > 4 else 0) if match.group(1) else 1
    count = _COUNTS[match.group(2)] if match.group(2) else count
    if count == 0:  # past four figures, only "more than a year" matters
        raise UsageError(f"'{text.strip()}' is no time at all between workshops; {WRITE_A_RHYTHM}")
    if unit in _MONTHS:
        if count > 12:
            raise UsageError(f"'{text.strip()}' is more than a year between workshops; {WRITE_A_RHYTHM}")
        return Rhythm(months=count)
    days = count * _UNIT_DAYS[unit]
    if days > 366:
        raise UsageError(f"'{text.strip()}' is more than a year between workshops; {WRITE_A_RHYTHM}")
    return Rhythm(days)


def parse_count(text: str) -> int:
    """A whole number of workshops, written in figures."""
    raw = text.strip()
    if not re.fullmatch(r"[+-]?\d+", raw):
        raise UsageError(f"'{raw}' is not a number of workshops; write a whole number in figures, like 4")
    if len(raw.lstrip("+-0")) > 9:
        raise UsageError(f"'{raw}' is far too many workshops; write a whole number in figures, like 4")
    return int(raw)


def parse_choice(text: str, choices: tuple[str, ...], what: str) -> str:
    """One of `choices`, whatever its case, with spaces for hyphens: 'In person' -> 'in-person'."""
    raw = "-".join(text.lower().split())
    if raw in choices:
        return raw
    raise UsageError(f"'{text.strip()}' is not {what}{did_you_mean(raw, choices)} (choose from {', '.join(choices)})")
