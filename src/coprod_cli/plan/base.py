"""The building blocks of every plan model: strict models, durations, clock times, ids, kinds and modes."""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema, model_validator

from coprod_cli.plan.durations import DURATION_PATTERN, MAX_MINUTES, PER_PATTERN, parse_duration
from coprod_cli.plan.frameworks import FRAMEWORKS, all_principle_ids
from coprod_cli.plan.suggest import did_you_mean
from coprod_cli.plan.when import CLOCK_PATTERN, read_clock, read_date


class Kind(StrEnum):
    """What an agenda item is; breaks and meals are pauses."""

    welcome = "welcome"
    icebreaker = "icebreaker"
    energiser = "energiser"
    presentation = "presentation"
    exercise = "exercise"
    discussion = "discussion"
    decision = "decision"
    feedback = "feedback"
    closing = "closing"
    break_ = "break"
    meal = "meal"


class Mode(StrEnum):
    """Where a workshop happens."""

    in_person = "in-person"
    online = "online"
    hybrid = "hybrid"


KINDS = tuple(k.value for k in Kind)
PAUSE_KINDS = frozenset({Kind.break_, Kind.meal})
MODES = tuple(m.value for m in Mode)
ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$"
# The same rule in a plan, where text around a value may carry spaces the loader strips.
PLAN_ID_PATTERN = r"^[ \t]*[A-Za-z0-9][A-Za-z0-9_-]{0,63}[ \t]*$"


def _choice(name: str, enum: type[StrEnum]):
    """A validator turning text into a member of `enum`, with a 'did you mean' when it is not one."""
    choices = tuple(m.value for m in enum)

    def check(value: Any) -> Any:
        if isinstance(value, str) and value not in choices:
            raise ValueError(
                f"'{value}' is not a {name}{did_you_mean(value, choices)} (choose from {', '.join(choices)})"
            )
        return enum(value) if isinstance(value, str) else value

    return check


def _listify(value: Any) -> Any:
    return [value] if isinstance(value, str) else value


def _check_id(value: str) -> str:
    if not re.fullmatch(ID_PATTERN, value):
        raise ValueError(
            f"'{value}' cannot be used as a folder name; use letters, digits, '-' and '_' "
            "(starting with a letter or digit, at most 64)"
        )
    return value


def _plan_date(value: Any) -> dt.date:
    """A plan's date, read as `coprod new` reads one; the message quotes what was written."""
    try:
        return read_date(value)
    except ValueError as err:
        said = str(value) if isinstance(value, str) else ""
        raise ValueError(f"'{said}': {err}" if said and f"'{said}'" not in str(err) else str(err)) from None


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


# `patternErrorMessage` and `errorMessage` are what editors (yaml-language-server) say instead of
# "does not match the pattern"; validators that do not know them ignore them.
_DURATION_HELP = "Write a length of time like 20m, 1h30m or 1.5h (whole minutes, at most a day)"
_LENGTHS = [
    {"type": "integer", "minimum": 1, "maximum": MAX_MINUTES, "errorMessage": _DURATION_HELP},
    {"type": "string", "pattern": DURATION_PATTERN, "patternErrorMessage": _DURATION_HELP},
]
Duration = Annotated[
    int,
    BeforeValidator(parse_duration),
    WithJsonSchema(
        {
            "anyOf": _LENGTHS,
            "description": "A length of time: 20 (minutes), 20m, 1h, 1.5h, 1h30m, PT1H30M; at most a day",
            "examples": ["20m"],
        }
    ),
]
# An activity's length may be per person or per group (`2m per person`); models split that off into `per`.
ScaledDuration = Annotated[
    int,
    BeforeValidator(parse_duration),
    WithJsonSchema(
        {
            "anyOf": [
                *_LENGTHS,
                {
                    "type": "string",
                    "pattern": PER_PATTERN,
                    "patternErrorMessage": _DURATION_HELP + ", or like 2m per person",
                },
            ],
            "description": "A length of time: 20 (minutes), 20m, 1h30m; or for each person or group: 2m per person",
            "examples": ["20m", "2m per person"],
        }
    ),
]
_CLOCK_HELP = "Write a clock time like 10:00, 10.30, 14:00 or 2pm"
Clock = Annotated[
    int,
    BeforeValidator(read_clock),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "pattern": CLOCK_PATTERN, "patternErrorMessage": _CLOCK_HELP},
                # An editor reads unquoted 10.30 as the number 10.3: it cannot see the written 0 that coprod reads.
                {
                    "type": "number",
                    "minimum": 0,
                    "maximum": 23.59,
                    "not": {"multipleOf": 1},
                    "errorMessage": _CLOCK_HELP,
                },
            ],
            "description": "A clock time like 10:00, 10.30, 14:00, 2pm or 2:30pm",
            "examples": ["10:00"],
        }
    ),
]
KindField = Annotated[
    Kind,
    BeforeValidator(_choice("kind", Kind)),
    WithJsonSchema({"enum": list(KINDS), "description": "What sort of activity this is", "examples": ["exercise"]}),
]
ModeField = Annotated[
    Mode,
    BeforeValidator(_choice("mode", Mode)),
    WithJsonSchema({"enum": list(MODES), "description": "How people take part", "examples": ["in-person"]}),
]
# Plan text: YAML may read `title: 2026` as a number, which the models take as text.
TEXT_SCHEMA = {"type": ["string", "number"]}
TextList = Annotated[
    list[str],
    BeforeValidator(_listify),
    WithJsonSchema({"anyOf": [{"type": "string"}, {"type": "array", "items": TEXT_SCHEMA}]}),
]
# A web address written without https:// ("miro.com/app/board/abc", "www.example.org"): host names
# joined by dots, ending in a lower-case top-level domain, then a path if any.
_BARE_WEB_ADDRESS = re.compile(
    r"(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[a-z]{2,24}(?::[0-9]{1,5})?(?:[/?#][^\s]*)?"
)


def web_address(value: str) -> str:
    """A link written without https:// is one all the same: "miro.com/app/board/abc" becomes
    "https://miro.com/app/board/abc", so every document links it. Anything else ("Room 4", a phone
    number to dial in) stays text, as typed."""
    return f"https://{value}" if _BARE_WEB_ADDRESS.fullmatch(value) else value


# A link shown to participants: a web address (https:// added when left out) or a few words.
WebAddress = Annotated[str, AfterValidator(web_address)]
_PRINCIPLE_IDS = sorted(set(all_principle_ids()))
PrincipleList = Annotated[
    list[str],
    BeforeValidator(_listify),
    WithJsonSchema({"anyOf": [{"enum": _PRINCIPLE_IDS}, {"type": "array", "items": {"enum": _PRINCIPLE_IDS}}]}),
]
ID_HELP = "Use letters, digits, '-' and '_' (starting with a letter or digit, at most 64)"
SafeId = Annotated[
    str,
    AfterValidator(_check_id),
    WithJsonSchema({"type": "string", "pattern": PLAN_ID_PATTERN, "patternErrorMessage": ID_HELP}),
]
PlanDate = Annotated[
    dt.date,
    BeforeValidator(_plan_date),
    WithJsonSchema(
        {
            "type": "string",
            "description": "A date: 2027-01-11, 11/01/2027 (day first), 11 Jan 2027 or Monday 11th January 2027",
            "examples": ["2027-01-11"],
        }
    ),
]


def optional(description: str, *examples: Any) -> Any:
    """A field a plan may leave out (then None): what it means and examples, for the JSON Schema."""
    return Field(None, description=description, examples=list(examples))


def no_items() -> list[Any]:
    """A new empty list: the default of a list a plan leaves out. (A function of our own, not `list`:
    pydantic reads each default factory's signature as a model is built, and finding a builtin's
    takes some forty times longer: 4-6 ms of every start-up over the plan's thirty-odd lists.)"""
    return []


def optional_list(description: str, *examples: Any) -> Any:
    """A list a plan may leave out (then empty): what it means and examples, for the JSON Schema."""
    return Field(default_factory=no_items, description=description, examples=list(examples))


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
