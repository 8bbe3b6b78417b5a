"""Parsing and printing of durations (in whole minutes); printing of clock times (minutes after midnight).

Clock times are read in plan.when, with dates."""

from __future__ import annotations

import re
from difflib import get_close_matches
from fractions import Fraction
from functools import lru_cache

_UNIT_MINUTES = {
    "h": 60,
    "hr": 60,
    "hrs": 60,
    "hour": 60,
    "hours": 60,
    "m": 1,
    "min": 1,
    "mins": 1,
    "minute": 1,
    "minutes": 1,
}


def _any_case(word: str) -> str:
    """`hr` -> `[hH][rR]`: JSON Schema patterns have no flags, so case is spelled out."""
    return "".join(f"[{c.lower()}{c.upper()}]" for c in word)


def _units(minutes: int) -> str:
    names = sorted((u for u, m in _UNIT_MINUTES.items() if m == minutes), key=len, reverse=True)
    return "(?:" + "|".join(_any_case(u) for u in names) + ")"


# One grammar for the loader and the JSON Schema (ECMA-262 and Python `re` read it alike):
# whole minutes, or hours with decimals that come to whole minutes (.5, .25, .05, not .1234),
# or ISO 8601 (PT1H30M); at least one non-zero digit. Only spaces and tabs around the parts.
_SP = r"[ \t]*"
_HOURS = r"[0-9]+(?:\.[0-9](?:[05]0*)?)?" + _SP + _units(60)
_MINUTES = "[0-9]+" + _SP + _units(1)
_ISO_TEXT = _any_case("pt") + f"(?:[0-9]+{_any_case('h')}(?:[0-9]+{_any_case('m')})?|[0-9]+{_any_case('m')})"
_LENGTH = f"(?=[^1-9]*[1-9]){_SP}(?:[0-9]+|{_ISO_TEXT}|(?:(?:{_HOURS}|{_MINUTES}){_SP})+){_SP}"
DURATION_PATTERN = f"^{_LENGTH}$"
# `duration: 2m per person` / `3m per group`: a length for each person or group in the room.
PER = ("person", "group")
_PER = re.compile(r"^[ \t]*(.+?)[ \t]+per[ \t]+([a-z]+)[ \t]*$", re.IGNORECASE)
PER_PATTERN = f"^{_LENGTH}[ \t]+{_any_case('per')}[ \t]+(?:{'|'.join(_any_case(p) for p in PER)}){_SP}$"
MAX_MINUTES = 24 * 60

_DURATION = re.compile(DURATION_PATTERN)
_PART = re.compile(r"([0-9]+(?:\.[0-9]+)?)[ \t]*([a-z]+)")
_ISO = re.compile(r"pt(?:([0-9]+)h)?(?:([0-9]+)m)?")


def split_per(value: object) -> tuple[object, str | None]:
    """'2m per person' -> ('2m', 'person'); any other value comes back as it is, with None."""
    if not isinstance(value, str):
        return value, None
    match = _PER.match(value)
    if not match:
        return value, None
    per = match.group(2).lower()
    if per not in PER:
        hint = get_close_matches(per, PER, n=1)
        extra = f"; did you mean 'per {hint[0]}'?" if hint else ""
        raise ValueError(f"'{value}': a length can be per person or per group, not per '{per}'{extra}")
    return match.group(1), per


def parse_duration(value: object) -> int:
    """Minutes in a duration: 15, "15m", "15 min", "1h", "1.5h", "1h30m", "1h 30m", "PT1H30M"."""
    if isinstance(value, bool):
        raise ValueError("should be a length of time like 20m or 1h30m, not yes/no")
    if isinstance(value, int):
        minutes = value
    elif isinstance(value, float) and value.is_integer():
        minutes = int(value)
    elif isinstance(value, str):
        minutes = _parse_duration_text(value)
    else:
        raise ValueError("should be a length of time like 20m or 1h30m")
    if minutes <= 0:
        raise ValueError("should be more than 0 minutes")
    if minutes > MAX_MINUTES:
        raise ValueError(f"is longer than a day ({format_duration(minutes)}); check the units")
    return minutes


@lru_cache(maxsize=4096)  # a big plan repeats a few lengths ('25m') thousands of times
def _parse_duration_text(text: str) -> int:
    if not _DURATION.fullmatch(text):
        raise ValueError(_why_not_a_duration(text))
    raw = text.strip(" \t").lower()
    if raw.isascii() and raw.isdigit():
        return int(raw)
    iso = _ISO.fullmatch(raw)
    if iso:
        return int(iso.group(1) or 0) * 60 + int(iso.group(2) or 0)
    total = sum(Fraction(n) * _UNIT_MINUTES[unit] for n, unit in _PART.findall(raw))
    return int(total)  # the grammar admits only whole minutes


def _why_not_a_duration(text: str) -> str:
    """The most helpful reason a text is not a duration: an unknown unit, part of a minute, or the shape."""
    raw = text.strip(" \t").lower()
    for number, unit in _PART.findall(raw):
        if unit not in _UNIT_MINUTES:
            hint = get_close_matches(unit, list(_UNIT_MINUTES), n=1)
            extra = f"; did you mean '{hint[0]}'?" if hint else ""
            return f"'{text}' has an unknown unit '{unit}'{extra} (use m or h, e.g. 1h30m)"
        if (Fraction(number) * _UNIT_MINUTES[unit]).denominator != 1:
            return f"'{text}' is not a whole number of minutes"
    if re.fullmatch(r"[0-9.a-z \t]+", raw) and re.search("[0-9]", raw) and not re.search("[1-9]", raw):
        return "should be more than 0 minutes"
    said = _SAID.get(" ".join(raw.split()))
    if said:
        return f"'{text}' is not a length of time coprod reads; write {said}"
    return f"'{text}' is not a length of time; write it like 20m, 1h or 1h30m"


# Lengths said in words, and how to write them.
_SAID = {
    "half an hour": "30m",
    "an hour": "1h",
    "one hour": "1h",
    "an hour and a half": "1h30m",
    "quarter of an hour": "15m",
    "a quarter of an hour": "15m",
    "three quarters of an hour": "45m",
    "two hours": "2h",
    "ten minutes": "10m",
    "five minutes": "5m",
    "fifteen minutes": "15m",
    "twenty minutes": "20m",
    "thirty minutes": "30m",
}


@lru_cache(maxsize=4096)  # a day has 1,440 minutes; a big plan's report asks for the same ones again and again
def format_clock(minutes: int) -> str:
    """'13:05' for 785; past midnight wraps, with a day marker."""
    days, rest = divmod(minutes, 24 * 60)
    text = f"{rest // 60:02d}:{rest % 60:02d}"
    return text if days == 0 else f"{text} (+{days}d)"


def format_duration(minutes: int) -> str:
    """'1h 30m', '45 min', '2h'."""
    hours, mins = divmod(abs(minutes), 60)
    sign = "-" if minutes < 0 else ""
    if hours and mins:
        return f"{sign}{hours}h {mins}m"
    if hours:
        return f"{sign}{hours}h"
    return f"{sign}{mins} min"
