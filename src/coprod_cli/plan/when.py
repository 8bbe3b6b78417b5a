"""Reading a clock time and a date: the one way, for a plan file and for `coprod new`.

Clock times: 10:30, 10.30, 2pm, 2:30 p.m., 14:00, noon. Dates: 2027-01-11, 11/01/2027 (day
first, as in the UK), 11 Jan 2027, Monday 11th January 2027 (a weekday, if given, must be the
date's). What cannot be read, or could mean two things, raises ValueError saying why and what
to write instead; plan.answers turns that into the wizard's UsageError, the plan's models into
a `FILE:LINE:COL:` line. Names of months and days, and the order of day and month, come from
the locale's data (Babel), imported only when a date is not written year-month-day.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from difflib import get_close_matches
from typing import NamedTuple

LOCALE = "en_GB"
EARLIEST = dt.date(1900, 1, 1)
LATEST = dt.date(2199, 12, 31)
WRITE_A_DATE = "write the date like 2026-12-07 or 7/12/2026"
WRITE_A_CLOCK = "write it like 10:00, 9:30 or 2pm"
_FILLER = {"of", "the", "on"}

# ------------------------------------------------------------------ clock times

# One grammar for the plan's loader and its JSON Schema (ECMA-262 and Python `re` read it alike):
# 24-hour hours and minutes (10:30, 10.30), 12-hour ones with am or pm (2pm, 2:30 p.m.), noon.
# Groups, in order: 24-hour hour and minutes; 12-hour hour, minutes and a or p; noon.
_SP = r"[ \t]*"
CLOCK_PATTERN = (
    f"^{_SP}(?:([01]?[0-9]|2[0-3])[:.]([0-5][0-9])"
    f"|(0?[1-9]|1[0-2])(?:[:.]([0-5][0-9]))?{_SP}([aApP])\\.?[mM]\\.?"
    f"|([nN][oO][oO][nN]|[mM][iI][dD][dD][aA][yY])){_SP}$"
)
_CLOCK = re.compile(CLOCK_PATTERN)
# In a window ('10-1pm', '10 to 13') an hour on its own is a time too: the other end says which.
_HOUR = re.compile(f"^{_SP}([01]?[0-9]|2[0-3])(){_SP}$")


class ClockTime(NamedTuple):
    minutes: int  # after midnight
    said_half: bool  # am, pm or noon was written


def clock_in(text: str, bare_hour: bool = False) -> ClockTime | None:
    """The clock time `text` names, or None; a lone hour ('10') only with `bare_hour`."""
    match = _CLOCK.fullmatch(text) or (_HOUR.fullmatch(text) if bare_hour else None)
    if not match:
        return None
    groups: tuple[str, ...] = tuple(g or "" for g in match.groups()) + ("",) * 4
    hour, minutes, hour12, minutes12, half, noon = groups[:6]
    if noon:
        return ClockTime(12 * 60, True)
    if hour12:
        return ClockTime((int(hour12) % 12 + (12 if half in "pP" else 0)) * 60 + int(minutes12 or 0), True)
    return ClockTime(int(hour) * 60 + int(minutes or 0), False)


def read_clock(value: object) -> int:
    """Minutes after midnight of a clock time: '10:30', '10.30', '2pm', '2:30pm', '14:00', 'noon'.

    A number from the plan is read from the characters it was written with (plan.source keeps
    them): `10.30` is 10:30, but `10.3` could be 10:03 or 10:30 and is refused."""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise ValueError(f"should be a clock time; {WRITE_A_CLOCK}")
    text = str(value)
    found = clock_in(text)
    if found is None:
        raise ValueError(why_not_a_clock(text))
    return found.minutes


# What people write for a time that is not one coprod reads: 1230, 930, 10 (an hour alone),
# 12,30, 12:30:00, 12.3.
_DIGITS = re.compile(r"[0-9]{1,4}")
_SEPARATED = re.compile(r"([0-9]{1,2})[ \t]*[:.,;h][ \t]*([0-9]{2})(?:[:.][0-9]{2})?")
_ONE_FIGURE = re.compile(r"([0-9]{1,2})[.:]([0-9])")


def clock_meant(text: str) -> str | None:
    """The clock time a mistyped one most likely means: '1230' -> '12:30', '10' -> '10:00'."""
    raw = text.strip(" \t")
    hours, minutes = -1, 0
    if _DIGITS.fullmatch(raw):
        hours, minutes = (int(raw), 0) if len(raw) <= 2 else (int(raw[:-2]), int(raw[-2:]))
    elif match := _SEPARATED.fullmatch(raw):
        hours, minutes = int(match.group(1)), int(match.group(2))
    if 0 <= hours <= 23 and minutes <= 59:
        return f"{hours:02d}:{minutes:02d}"
    return None


def why_not_a_clock(text: str) -> str:
    """Why `text` is not a clock time, with the time it most likely means."""
    raw = text.strip(" \t")
    one = _ONE_FIGURE.fullmatch(raw)
    if one and int(one.group(1)) <= 23:
        hour, figure = int(one.group(1)), one.group(2)
        return (
            f"'{text}' could be {hour:02d}:{figure}0 or {hour:02d}:0{figure}; "
            f"write the minutes with two figures, like {hour:02d}:{figure}0"
        )
    meant = clock_meant(text)
    if meant is None:
        return f"'{text}' is not a clock time; {WRITE_A_CLOCK}"
    if raw.count(":") == 2:
        return f"'{text}' is not a clock time; write hours and minutes only, like {meant}"
    return f"'{text}' is not a clock time; write it with a colon, like {meant}"


# ------------------------------------------------------------------ dates


def check_date(value: dt.date) -> dt.date:
    """Dates far outside a working life are typing slips; refusing them keeps date arithmetic safe."""
    if not EARLIEST <= value <= LATEST:
        raise ValueError(f"'{value.isoformat()}' is not a date coprod can plan for; use a date between 1900 and 2199")
    return value


def _names(kind: str, locale: str) -> dict[int, str]:
    from babel.dates import get_day_names, get_month_names

    names = get_month_names("wide", locale=locale) if kind == "month" else get_day_names("wide", locale=locale)
    return {number: str(name) for number, name in names.items()}


def _which(word: str, names: dict[int, str]) -> int | None:
    """The month or weekday a word names: the whole name or its first three letters or more."""
    word = word.lower().rstrip(".")
    hits = [n for n, name in names.items() if len(word) >= 3 and name.lower().startswith(word)]
    return hits[0] if len(hits) == 1 else None


def _day(year: int, month: int, day: int, locale: str, like: str) -> dt.date:
    """The date, or why there is no such day, said with the month's name."""
    if not EARLIEST.year <= year <= LATEST.year:
        raise ValueError(f"{year} is not a year coprod can plan for; use a year between 1900 and 2199")
    if not 1 <= month <= 12:
        raise ValueError(f"there is no month {month}; {like}")
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        month_name = _names("month", locale)[month]
        raise ValueError(f"there is no {day} {month_name} {year} ({month_name} {year} has {last} days)")
    return dt.date(year, month, day)


_ISO = re.compile(r"([0-9]{4})[-/.]([0-9]{1,2})[-/.]([0-9]{1,2})")
_FIGURES = re.compile(r"([0-9]{1,4})[/.-]([0-9]{1,2})(?:[/.-]([0-9]{1,4}))?")


def read_date(value: object, locale: str = LOCALE) -> dt.date:
    """'2026-12-07', '7/12/2026', '7.12.26', '7 Dec 2026', 'Monday 7th December 2026' -> 7 December 2026.

    Day and month in figures come in the locale's order (day first in en-GB); a year is always needed."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return check_date(value)
    if not isinstance(value, str):
        raise ValueError(f"should be a date; {WRITE_A_DATE}")
    raw = " ".join(value.split())
    if not raw:
        raise ValueError(f"no date given; {WRITE_A_DATE}")
    iso = _ISO.fullmatch(raw)
    if iso:
        year, month, day = (int(g) for g in iso.groups())
        return _day(year, month, day, locale, "write the date like 2026-12-07 (year-month-day)")
    figures = _FIGURES.fullmatch(raw)
    if figures:
        return _in_figures(raw, figures, locale)
    return _in_words(raw, locale)


def _in_figures(raw: str, figures: re.Match[str], locale: str) -> dt.date:
    """'7/12/2026', '7.12.26': day, month and year in the locale's order."""
    from babel.dates import get_date_format

    pattern = get_date_format("short", locale=locale).pattern.lower()
    order = sorted("dmy", key=lambda part: pattern.index(part))
    parts = dict(zip(order if figures.group(3) else [p for p in order if p != "y"], figures.groups(), strict=False))
    example = "/".join({"d": "7", "m": "12", "y": "2026"}[p] for p in order)
    like = f"write it like {example} for 7 December 2026, or 2026-12-07"
    if "y" not in parts or len(parts["y"]) not in (2, 4) or max(len(parts["d"]), len(parts["m"])) > 2:
        raise ValueError(f"'{raw}' is not a whole date; {like}")
    year = int(parts["y"]) + (2000 if len(parts["y"]) == 2 else 0)
    day, month = int(parts["d"]), int(parts["m"])
    if month > 12 >= day >= 1:  # month and day the other way round, as in the US
        swapped = "/".join({"d": parts["m"], "m": parts["d"], "y": parts["y"]}[p] for p in order if p in parts)
        named = f"{month} {_names('month', locale)[day]} {year}"
        raise ValueError(f"there is no month {month}; coprod reads the day first: write {swapped} for {named}")
    return _day(year, month, day, locale, like)


def _in_words(raw: str, locale: str) -> dt.date:
    """'7 Dec 2026', 'December 7th, 2026', 'Mon 7 December 2026': one month name, a day, a year."""
    months, weekdays = _names("month", locale), _names("weekday", locale)
    month = weekday = day = year = None
    for token in re.findall(r"[0-9]+(?:st|nd|rd|th)?|[^\W\d_]+", raw.lower()):
        number = re.fullmatch(r"([0-9]+)(?:st|nd|rd|th)?", token)
        if number and len(number.group(1)) <= 2 and day is None:
            day = int(number.group(1))
        elif number and len(token) == 4 and year is None:
            year = int(token)
        elif not number and month is None and _which(token, months):
            month = _which(token, months)
        elif not number and weekday is None and _which(token, weekdays) is not None:
            weekday = _which(token, weekdays)
        elif token not in _FILLER:
            close = [] if number else get_close_matches(token, [m.lower() for m in months.values()], n=1)
            if close:
                raise ValueError(f"'{token}' is not a month; did you mean {close[0].title()}? {WRITE_A_DATE}")
            raise ValueError(f"'{raw}' is not a date coprod can read; {WRITE_A_DATE}")
    if month is None:
        if weekday is not None:
            raise ValueError(f"coprod needs the date, not only the day of the week; {WRITE_A_DATE}")
        raise ValueError(f"'{raw}' is not a whole date; write the day, the month and the year, like 7/12/2026")
    if day is None or year is None:
        missing = "the day of the month" if day is None else "the year"
        raise ValueError(f"'{raw}': add {missing}, like 7 December 2026")
    date = _day(year, month, day, locale, WRITE_A_DATE)
    if weekday is not None and weekday != date.weekday():
        said = f"{day} {months[month]} {year}"
        raise ValueError(f"{said} is a {weekdays[date.weekday()]}, not a {weekdays[weekday]}; check the date")
    return date
