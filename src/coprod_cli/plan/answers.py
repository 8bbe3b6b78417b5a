"""What a person types for a date, a time of day, a rhythm or a number of workshops.

Read the way people write them (7/12/2026, 7 Dec 2026, 10am-1pm, fortnightly), and when
one cannot be used, a UsageError says why in plain words and what to write instead.
`coprod new series` checks its flags and its questions' answers with these; a plan file
stays strict (2026-12-07, 10:00), so what a plan means never rests on a guess. The names
of months and days, and the order of day and month, come from the locale's data (Babel).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from difflib import get_close_matches

from coprod_cli.errors import UsageError
from coprod_cli.plan.base import EARLIEST, LATEST
from coprod_cli.plan.suggest import did_you_mean

LOCALE = "en_GB"
WRITE_A_DATE = "write the date like 2026-12-07 or 7/12/2026"
WRITE_A_TIME = "write it like 10:00-13:00 or 10am-1pm"
WRITE_A_RHYTHM = "write it like 1w (every week), 2w (every 2 weeks) or 3d (every 3 days)"
_FILLER = {"of", "the", "on"}


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
        raise UsageError(f"{year} is not a year coprod can plan for; use a year between 1900 and 2199")
    if not 1 <= month <= 12:
        raise UsageError(f"there is no month {month}; {like}")
    month_name = _names("month", locale)[month]
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        raise UsageError(f"there is no {day} {month_name} {year} ({month_name} {year} has {last} days)")
    return dt.date(year, month, day)


def parse_day(text: str, locale: str = LOCALE) -> dt.date:
    """'2026-12-07', '7/12/2026', '7.12.26', '7 Dec 2026', 'Monday 7th December 2026' -> 7 December 2026.

    Day and month in figures come in the locale's order (day first in en-GB); a year is always needed.
    """
    from babel.dates import get_date_format

    raw = " ".join(text.split())
    if not raw:
        raise UsageError(f"no date given; {WRITE_A_DATE}")
    iso = re.fullmatch(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})", raw)
    if iso:
        year, month, day = (int(g) for g in iso.groups())
        return _day(year, month, day, locale, "write the date like 2026-12-07 (year-month-day)")
    figures = re.fullmatch(r"(\d{1,4})[/.-](\d{1,2})(?:[/.-](\d{1,4}))?", raw)
    if figures:
        pattern = get_date_format("short", locale=locale).pattern.lower()
        order = sorted("dmy", key=lambda part: pattern.index(part))
        parts = dict(zip(order if figures.group(3) else [p for p in order if p != "y"], figures.groups(), strict=False))
        example = "/".join({"d": "7", "m": "12", "y": "2026"}[p] for p in order)
        like = f"write it like {example} for 7 December 2026, or 2026-12-07"
        if "y" not in parts or len(parts["y"]) not in (2, 4) or max(len(parts["d"]), len(parts["m"])) > 2:
            raise UsageError(f"'{raw}' is not a whole date; {like}")
        year = int(parts["y"]) + (2000 if len(parts["y"]) == 2 else 0)
        return _day(year, int(parts["m"]), int(parts["d"]), locale, like)
    return _day_in_words(raw, locale)


def _day_in_words(raw: str, locale: str) -> dt.date:
    """'7 Dec 2026', 'December 7th, 2026', 'Mon 7 December 2026': one month name, a day, a year."""
    months, weekdays = _names("month", locale), _names("weekday", locale)
    month = weekday = day = year = None
    for token in re.findall(r"\d+(?:st|nd|rd|th)?|[^\W\d_]+", raw.lower()):
        number = re.fullmatch(r"(\d+)(?:st|nd|rd|th)?", token)
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
                raise UsageError(f"'{token}' is not a month; did you mean {close[0].title()}? {WRITE_A_DATE}")
            raise UsageError(f"'{raw}' is not a date coprod can read; {WRITE_A_DATE}")
    if month is None:
        if weekday is not None:
            raise UsageError(f"coprod needs the date, not only the day of the week; {WRITE_A_DATE}")
        raise UsageError(f"'{raw}' is not a whole date; write the day, the month and the year, like 7/12/2026")
    if day is None or year is None:
        missing = "the day of the month" if day is None else "the year"
        raise UsageError(f"'{raw}': add {missing}, like 7 December 2026")
    date = _day(year, month, day, locale, WRITE_A_DATE)
    if weekday is not None and weekday != date.weekday():
        said = f"{day} {months[month]} {year}"
        raise UsageError(f"{said} is a {weekdays[date.weekday()]}, not a {weekdays[weekday]}; check the date")
    return date


# A clock time in a window: 10, 10:00, 9.30, 10am, 1pm, 1.30 p.m., noon.
_CLOCK = re.compile(r"(?:(?P<h>\d{1,2})(?:[:.](?P<m>\d{2}))?\s*(?:(?P<ap>[ap])\.?m\.?)?|(?P<noon>noon|midday))")
_BETWEEN = re.compile(r"\s*(?:-|–|—|\bto\b|\buntil\b|\btill\b)\s*")


def _clock(text: str) -> tuple[int, bool]:
    """Minutes after midnight, and whether it said am or pm (or noon)."""
    match = _CLOCK.fullmatch(text)
    if not match:
        raise ValueError
    if match.group("noon"):
        return 12 * 60, True
    hour, minute, half = int(match.group("h")), int(match.group("m") or 0), match.group("ap")
    if minute > 59 or hour > (12 if half else 23) or (half and hour == 0):
        raise ValueError
    if half:
        hour = hour % 12 + (12 if half == "p" else 0)
    return hour * 60 + minute, bool(half)


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


_RHYTHM_WORDS = {"daily": 1, "weekly": 7, "fortnightly": 14}
_UNIT_DAYS = {"d": 1, "day": 1, "days": 1, "w": 7, "wk": 7, "wks": 7, "week": 7, "weeks": 7, "fortnight": 14}


def parse_every(text: str) -> int:
    """Days between workshops: '1w' 7, '2w' 14, '3d' 3, 'fortnightly' 14, 'every 2 weeks' 14."""
    raw = " ".join(text.lower().split()).removeprefix("every ").strip()
    if raw in _RHYTHM_WORDS:
        return _RHYTHM_WORDS[raw]
    if raw.startswith("month"):
        raise UsageError("months are not all the same length; write 4w for every 4 weeks, or 1w, 2w or 3d")
    match = re.fullmatch(r"(\d+|a|one)?\s*([a-z]+)", raw)
    if not match or match.group(2) not in _UNIT_DAYS:
        raise UsageError(f"'{text.strip()}' is not a time between workshops; {WRITE_A_RHYTHM}")
    number = match.group(1) or "1"
    count = int(number[-4:]) + (10**4 if len(number.lstrip("0")) > 4 else 0) if number.isdigit() else 1
    days = count * _UNIT_DAYS[match.group(2)]  # past four figures, only "more than a year" matters
    if days == 0:
        raise UsageError(f"'{text.strip()}' is no time at all between workshops; {WRITE_A_RHYTHM}")
    if days > 366:
        raise UsageError(f"'{text.strip()}' is more than a year between workshops; {WRITE_A_RHYTHM}")
    return days


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
