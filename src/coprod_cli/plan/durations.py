"""Parsing and printing of durations (in whole minutes) and clock times (minutes after midnight)."""

from __future__ import annotations

import re
from difflib import get_close_matches

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
_PART = re.compile(r"\s*(\d+(?:\.\d+)?)\s*([a-z]+)\s*")
_ISO = re.compile(r"^P(?:T(?:(\d+)H)?(?:(\d+)M)?)$", re.IGNORECASE)
_CLOCK = re.compile(r"^([01]?\d|2[0-3])[:.]([0-5]\d)$")

DURATION_PATTERN = (
    r"^\s*(\d+\s*|((\d+(\.\d+)?)\s*(h|hr|hrs|hour|hours|m|min|mins|minute|minutes)\s*)+"
    r"|PT(\d+H)?(\d+M)?)$"
)
CLOCK_PATTERN = r"^([01]?\d|2[0-3])[:.][0-5]\d$"
# `duration: 2m per person` / `3m per group`: a length for each person or group in the room.
PER = ("person", "group")
_PER = re.compile(r"^\s*(.+?)\s+per\s+([a-z]+)\s*$", re.IGNORECASE)
PER_PATTERN = r"^\s*\S.*\s+per\s+(person|group)\s*$"


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
    """Minutes in a duration: 15, "15m", "15 min", "1h", "1h30m", "1h 30m", "PT1H30M"."""
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
    if minutes > 24 * 60:
        raise ValueError(f"is longer than a day ({format_duration(minutes)}); check the units")
    return minutes


def _parse_duration_text(text: str) -> int:
    raw = text.strip().lower()
    if raw.isdigit():
        return int(raw)
    iso = _ISO.match(raw)
    if iso and (iso.group(1) or iso.group(2)):
        return int(iso.group(1) or 0) * 60 + int(iso.group(2) or 0)
    total = 0.0
    pos = 0
    while pos < len(raw):
        part = _PART.match(raw, pos)
        if not part:
            break
        unit = part.group(2)
        if unit not in _UNIT_MINUTES:
            hint = get_close_matches(unit, list(_UNIT_MINUTES), n=1)
            extra = f"; did you mean '{hint[0]}'?" if hint else ""
            raise ValueError(f"'{text}' has an unknown unit '{unit}'{extra} (use m or h, e.g. 1h30m)")
        total += float(part.group(1)) * _UNIT_MINUTES[unit]
        pos = part.end()
    if pos != len(raw) or pos == 0:
        raise ValueError(f"'{text}' is not a length of time; write it like 20m, 1h or 1h30m")
    if not total.is_integer():
        raise ValueError(f"'{text}' is not a whole number of minutes")
    return int(total)


def parse_clock(value: object) -> int:
    """Minutes after midnight of a clock time: "10:00", "9:30", "09:30", "9.30"."""
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise ValueError("should be a clock time like 10:00")
    if isinstance(value, int):
        # A bare number is ambiguous (10 could be 10:00 or ten past midnight): ask for a colon.
        raise ValueError(f"'{value}' is not a clock time; write it with a colon, like {value}:00")
    match = _CLOCK.match(value.strip())
    if not match:
        raise ValueError(f"'{value}' is not a clock time; write it like 10:00 or 9:30 (24-hour clock)")
    return int(match.group(1)) * 60 + int(match.group(2))


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
