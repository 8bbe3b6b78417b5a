"""Pydantic models of a plan: data and validators, no I/O.

Every model forbids unknown keys. Durations are whole minutes and clock times are
minutes after midnight (ints), so the timing engine does plain arithmetic.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    WithJsonSchema,
    model_validator,
)

from coprod_cli.plan.durations import CLOCK_PATTERN, DURATION_PATTERN, parse_clock, parse_duration
from coprod_cli.plan.frameworks import FRAMEWORKS
from coprod_cli.plan.suggest import did_you_mean

KINDS = (
    "welcome",
    "icebreaker",
    "energiser",
    "presentation",
    "exercise",
    "discussion",
    "decision",
    "feedback",
    "closing",
    "break",
    "meal",
)
PAUSE_KINDS = frozenset({"break", "meal"})
MODES = ("in-person", "online", "hybrid")
ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$"


def _choice(name: str, choices: tuple[str, ...]):
    def check(value: str) -> str:
        if value not in choices:
            raise ValueError(
                f"'{value}' is not a {name}{did_you_mean(value, choices)} (choose from {', '.join(choices)})"
            )
        return value

    return check


def _listify(value: Any) -> Any:
    return [value] if isinstance(value, str) else value


def _check_id(value: str) -> str:
    if not re.match(ID_PATTERN, value):
        raise ValueError(
            f"'{value}' cannot be used as a folder name; use letters, digits, '-' and '_' "
            "(starting with a letter or digit, at most 64)"
        )
    return value


def _check_framework(value: str) -> str:
    if value not in FRAMEWORKS:
        raise ValueError(
            f"'{value}' is not a framework coprod knows{did_you_mean(value, FRAMEWORKS)} "
            f"(choose from {', '.join(FRAMEWORKS)})"
        )
    return value


def _check_timezone(value: str) -> str:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        close = did_you_mean(value, sorted(available_timezones()))
        raise ValueError(f"'{value}' is not a time zone{close} (like Europe/London)") from None
    return value


Duration = Annotated[
    int,
    BeforeValidator(parse_duration),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "integer", "minimum": 1},
                {"type": "string", "pattern": DURATION_PATTERN},
            ],
            "description": "A length of time: 20 (minutes), 20m, 1h, 1h30m, PT1H30M",
        }
    ),
]
Clock = Annotated[
    int,
    BeforeValidator(parse_clock),
    WithJsonSchema({"type": "string", "pattern": CLOCK_PATTERN, "description": "A clock time like 10:00"}),
]
Kind = Annotated[str, AfterValidator(_choice("kind", KINDS)), WithJsonSchema({"enum": list(KINDS)})]
Mode = Annotated[str, AfterValidator(_choice("mode", MODES)), WithJsonSchema({"enum": list(MODES)})]
TextList = Annotated[
    list[str],
    BeforeValidator(_listify),
    WithJsonSchema({"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]}),
]
SafeId = Annotated[str, AfterValidator(_check_id), WithJsonSchema({"type": "string", "pattern": ID_PATTERN})]


class Strict(BaseModel):
    """Base of every plan model: unknown keys are errors, numbers are accepted as text."""

    model_config = ConfigDict(extra="forbid", coerce_numbers_to_str=True, str_strip_whitespace=True, frozen=False)

    @model_validator(mode="before")
    @classmethod
    def _empty_means_default(cls, data: Any) -> Any:
        """`agenda:` or `goals:` with nothing after it means none, not an error."""
        if isinstance(data, dict) and None in data.values():
            fields = cls.model_fields
            return {k: v for k, v in data.items() if not (v is None and k in fields and fields[k].default_factory)}
        return data


class Settings(Strict):
    max_without_break: Duration = Field(90, description="Longest stretch without a break in person")
    online_max_without_break: Duration = Field(60, description="Longest stretch online or hybrid")
    reading_age: int = Field(11, ge=5, le=21, description="Reading age participant text should suit")


class Facilitator(Strict):
    name: str
    role: str | None = None


class ParticipantGroup(Strict):
    group: str
    count: int | None = Field(None, ge=0)
    lived_experience: bool = False


class Step(Strict):
    do: str
    duration: Duration | None = None


class ActivityDetails(Strict):
    """What an activity and an agenda item both carry, beyond title, kind and length."""

    flex: Duration | None = None
    groups: str | None = None
    lead: str | None = None
    materials: TextList = Field(default_factory=list)
    say: str | None = None
    steps: list[Step] = Field(default_factory=list)
    notes: str | None = None
    handout: str | None = None
    online: str | None = None
    principles: TextList = Field(default_factory=list)
    tags: TextList = Field(default_factory=list)


class Activity(ActivityDetails):
    """A reusable activity: the library's, or a plan's own under `activities:`."""

    title: str
    kind: Kind = "exercise"
    duration: Duration


# Fields an agenda item shares with an activity, copied from a `use:` reference unless overridden.
ACTIVITY_FIELDS = tuple(Activity.model_fields)


class Track(Strict):
    """One group's own agenda while the room is split."""

    group: str
    where: str | None = None
    lead: str | None = None
    agenda: list[Item] = Field(min_length=1)


class Item(ActivityDetails):
    """One agenda item, as written: an inline activity, a `use:` reference or a shorthand."""

    use: str | None = Field(None, description="Id of a library or plan activity to use")
    title: str | None = None
    kind: Kind | None = None
    duration: Duration | None = None
    at: Clock | None = Field(None, description="Pinned start time")
    tracks: list[Track] = Field(default_factory=list)
    break_: Duration | None = Field(None, alias="break", description="Shorthand: a break")
    lunch: Duration | None = Field(None, description="Shorthand: a meal break")
    meal: Duration | None = Field(None, description="Shorthand: a meal break")

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, data: Any) -> Any:
        """Turn `break: 10m` / `lunch: 30m` / `meal: 30m` into a titled item of that kind."""
        if not isinstance(data, dict):
            return data
        found = [key for key in ("break", "lunch", "meal") if data.get(key) is not None]
        if not found:
            return data
        if len(found) > 1:
            names = " and ".join(f"'{k}'" for k in found)
            raise ValueError(f"an item is one thing: {names} cannot both be used; split them")
        key = found[0]
        if data.get("use") is not None:
            raise ValueError(f"an item is either '{key}: ...' or 'use: ...', not both")
        if data.get("duration") is not None:
            raise ValueError(f"give the length once, as '{key}: {data[key]}' (drop 'duration')")
        out = {k: v for k, v in data.items() if k != key}
        out["duration"] = data[key]
        out.setdefault("kind", "break" if key == "break" else "meal")
        out.setdefault("title", "Break" if key == "break" else key.capitalize())
        return out

    @model_validator(mode="after")
    def _complete(self) -> Item:
        if self.use is None:
            if self.title is None:
                raise ValueError(
                    "an item needs a 'title' and a 'duration', or 'use: ACTIVITY-ID', or a shorthand like 'break: 10m'"
                )
            if self.duration is None and not self.tracks:
                raise ValueError(f"'{self.title}' needs a 'duration' (like 20m)")
            if self.kind is None:
                self.kind = "exercise"
        return self

    @property
    def minutes(self) -> int:
        """Own duration in minutes (0 when it only has tracks)."""
        return self.duration or 0

    @property
    def is_pause(self) -> bool:
        return self.kind in PAUSE_KINDS


class Workshop(Strict):
    id: SafeId | None = Field(None, description="Folder-safe id; the title's slug when absent")
    title: str
    date: dt.date | None = None
    start: Clock | None = None
    end: Clock | None = None
    length: Duration | None = None
    venue: str | None = None
    access: str | None = Field(None, description="Access details for participants")
    mode: Mode = "in-person"
    links: dict[str, str] = Field(default_factory=dict)
    goals: TextList = Field(default_factory=list)
    prepare: TextList = Field(default_factory=list)
    agenda: list[Item] = Field(default_factory=list)
    homework: str | None = None

    @property
    def online(self) -> bool:
        return self.mode != "in-person"


class Plan(Strict):
    title: str
    organiser: str | None = None
    purpose: str | None = None
    challenge: str | None = None
    contact: str | None = None
    timezone: Annotated[str, AfterValidator(_check_timezone)] | None = None
    framework: Annotated[str, AfterValidator(_check_framework), WithJsonSchema({"enum": list(FRAMEWORKS)})] | None = (
        None
    )
    facilitators: list[Facilitator] = Field(default_factory=list)
    participants: list[ParticipantGroup] = Field(default_factory=list)
    ground_rules: TextList = Field(default_factory=list)
    glossary: dict[str, str] = Field(default_factory=dict)
    settings: Settings = Field(default_factory=Settings)
    activities: dict[str, Activity] = Field(default_factory=dict)
    workshops: list[Workshop] = Field(min_length=1)


Track.model_rebuild()
