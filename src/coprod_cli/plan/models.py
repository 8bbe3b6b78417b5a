"""Pydantic models of a plan: data and validators, no I/O.

Every model forbids unknown keys. Durations are whole minutes and clock times are
minutes after midnight (ints), so the timing engine does plain arithmetic.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import AfterValidator, Field, PrivateAttr, WithJsonSchema, model_validator

from coprod_cli.plan.base import (
    PAUSE_KINDS,
    Clock,
    Duration,
    Kind,
    KindField,
    Mode,
    ModeField,
    PlanDate,
    PrincipleList,
    SafeId,
    ScaledDuration,
    Strict,
    TextList,
    WebAddress,
    _check_framework,
    _check_timezone,
    optional,
    optional_list,
)
from coprod_cli.plan.durations import split_per
from coprod_cli.plan.frameworks import FRAMEWORKS
from coprod_cli.plan.online import OnlineVariant, Step
from coprod_cli.plan.practice import (
    Access,
    Consent,
    Facilitator,
    Heard,
    Join,
    ParticipantGroup,
    SupportContact,
)
from coprod_cli.plan.settings import Settings


class ActivityDetails(Strict):
    """What an activity and an agenda item both carry, beyond title, kind and length."""

    flex: Duration | None = optional("How much shorter this may run if time is short", "5m")
    per: Literal["person", "group"] | None = optional(
        "The duration is for each person or group; coprod multiplies it by the plan's counts", "person"
    )
    groups: str | None = optional("How people are grouped", "tables of 4", "whole group")
    lead: str | None = optional("Who leads it (script only)", "Laura Park")
    materials: TextList = optional_list("What to bring", ["flipchart", "sticky notes"])
    say: str | None = optional(
        "The facilitator's words (script only, never in participant documents)",
        "Service design is full of jargon. Let's pin some of it down.",
    )
    steps: list[Step] = optional_list(
        "Timed sub-steps (script only)", [{"do": "Explain it in everyday words", "duration": "10m"}]
    )
    notes: str | None = optional(
        "A note for facilitators only, never in participant documents", "Some people may feel judged; keep it light."
    )
    handout: str | None = optional(
        "What participants read about it, in plain words", "We look at hard words and say what they mean."
    )
    online: OnlineVariant | Literal[False] | None = optional(
        "How it runs online (a sentence for the facilitator, or a mapping), or false: not online",
        "Use breakout rooms of 3 and the whiteboard, frame 2.",
        False,
    )
    easy: str | None = optional(
        "The Easy Read line for this activity: one idea, 15 words or fewer", "We talk about hard words."
    )
    sensitive: bool = Field(
        False, description="Touches hard experiences: support and a check-out are expected", examples=[True]
    )
    principles: PrincipleList = optional_list("Principles of the plan's framework this serves", ["design-for-trust"])
    tags: TextList = optional_list("Words to find it by", ["online", "quick"])

    @model_validator(mode="before")
    @classmethod
    def _per(cls, data: Any) -> Any:
        """`duration: 2m per person` is `duration: 2m` with `per: person`."""
        if not isinstance(data, dict):
            return data
        length, per = split_per(data.get("duration"))
        if per is None:
            return data
        if data.get("per") is not None:
            raise ValueError(f"say 'per {per}' once: in 'duration' or in 'per', not both")
        return {**data, "duration": length, "per": per}


class Activity(ActivityDetails):
    """A reusable activity: the library's, or a plan's own under `activities:`."""

    title: str = Field(description="Its name, as participants see it", examples=["Create your own service"])
    kind: KindField = Field(Kind.exercise, description="What sort of activity this is", examples=["exercise"])
    duration: ScaledDuration = Field(description="How long it takes", examples=["30m", "2m per person"])


# Fields an agenda item shares with an activity, copied from a `use:` reference unless overridden.
ACTIVITY_FIELDS = tuple(Activity.model_fields)


class Track(Strict):
    """One group's own agenda while the room is split."""

    group: str = Field(description="Which group follows this track", examples=["Care leavers"])
    where: str | None = optional("Where this group works", "Room 2")
    lead: str | None = optional("Who leads this group", "Laura Park")
    agenda: list[Item] = Field(
        min_length=1,
        description="This group's items, timed on their own clock",
        examples=[[{"title": "Map your own journey", "duration": "40m"}]],
    )


class Item(ActivityDetails):
    """One agenda item, as written: an inline activity, a `use:` reference or a shorthand."""

    use: str | None = optional(
        "Id of a library activity (`coprod library list`) or of one under the plan's `activities:`",
        "welcome-and-ground-rules",
    )
    title: str | None = optional("Its name, as participants see it", "Jargon busting")
    kind: KindField | None = optional("What sort of activity this is", "exercise")
    duration: ScaledDuration | None = optional("How long it takes", "20m", "2m per person")
    at: Clock | None = optional("Pinned start time: it must start at this time", "13:00")
    tracks: list[Track] = optional_list(
        "The room splits: each group follows its own agenda at the same time",
        [{"group": "Care leavers", "agenda": [{"title": "Map your journey", "duration": "40m"}]}],
    )
    break_: Duration | None = Field(None, alias="break", description="Shorthand: a break this long", examples=["10m"])
    lunch: Duration | None = optional("Shorthand: a lunch break this long", "30m")
    meal: Duration | None = optional("Shorthand: a meal break this long", "45m")
    # The length for one person or group and how many there are, once `per` is resolved.
    _scale: tuple[int, int] | None = PrivateAttr(None)

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
        if out.get("kind") is None:  # absent, or written with nothing after it
            out["kind"] = "break" if key == "break" else "meal"
        if out.get("title") is None:
            out["title"] = "Break" if key == "break" else key.capitalize()
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
                self.kind = Kind.exercise
        return self

    @property
    def minutes(self) -> int:
        """Own duration in minutes (0 when it only has tracks)."""
        return self.duration or 0

    def scale(self, unit: int, count: int) -> None:
        """A per-person or per-group length becomes the sum for the room: `unit` minutes `count` times."""
        self._scale = (unit, count)
        self.duration = unit * count

    @property
    def scale_note(self) -> str | None:
        """'2 min per person x 9' for the run sheet, when the length was given per person or group."""
        if self._scale is None or self.per is None:
            return None
        unit, count = self._scale
        return f"{unit} min per {self.per} × {count}"

    @property
    def is_pause(self) -> bool:
        return self.kind in PAUSE_KINDS


class Workshop(Strict):
    id: SafeId | None = optional("Folder-safe id (letters, digits, - and _); the title's slug when absent", "intro")
    title: str = Field(description="The workshop's title", examples=["An Introduction to Service Design"])
    date: PlanDate | None = optional("The day: 2026-10-05, 5/10/2026 (day first) or 5 Oct 2026", "2026-10-05")
    start: Clock | None = optional("When it starts", "10:00")
    end: Clock | None = optional("When the room is booked until (or give `length`)", "13:30")
    length: Duration | None = optional("How long the room is booked (or give `end`)", "3h30m")
    venue: str | None = optional("Where it happens", "Care Leavers Hub, Houghton Regis")
    access: Access | None = optional(
        "Access details for this workshop (added to the series' own)", {"step_free": True, "quiet_room": "Room 3"}
    )
    mode: ModeField = Field(Mode.in_person, description="in-person, online or hybrid", examples=["online"])
    join: Join | None = optional(
        "How participants join online: link, dial-in, what to do if it fails",
        {"link": "https://zoom.us/j/123456789", "help": "Text Becky on 07700 900123"},
    )
    links: dict[str, WebAddress] = Field(
        default_factory=dict,
        description="Other links shown to participants, by name (https:// is added to miro.com/...)",
        examples=[{"miro": "https://miro.com/app/board/abc"}],
    )
    goals: TextList = optional_list("What the workshop is for", ["Get to know each other"])
    prepare: TextList = optional_list("The facilitators' checklist (script only)", ["Print handouts", "Book the room"])
    agenda: list[Item] = optional_list(
        "The items in order: `use:` an activity, write one inline, or a shorthand like `break: 10m`",
        [{"use": "welcome-and-ground-rules"}, {"break": "10m"}],
    )
    homework: str | None = optional(
        "Something to do before the next workshop", "Think of a time you tested a new idea."
    )
    sensitive: bool = Field(
        False, description="Touches hard experiences: support and a check-out are expected", examples=[True]
    )
    content_note: str | None = optional(
        "A note for participants about hard topics, in plain words",
        "We will talk about leaving care. You can step out at any time.",
    )
    support: list[SupportContact] = optional_list(
        "Who to talk to at this workshop", [{"name": "Sam Reid", "role": "wellbeing lead"}]
    )
    heard: list[Heard] = optional_list(
        "Filled in afterwards: what people said, what was done",
        [{"said": "The letter is hard to read", "did": "We rewrote it with two care leavers"}],
    )

    @property
    def online(self) -> bool:
        return self.mode != "in-person"


class Plan(Strict):
    title: str = Field(description="The series' title", examples=["Care Leavers Coproduction Project"])
    organiser: str | None = optional("Who runs the series", "Corporate Parenting Service")
    purpose: str | None = optional("What the series is for, in one line", "Improve services for care leavers")
    challenge: str | None = optional(
        "The problem the series works on, in a paragraph", "Young people leaving care meet many services at once."
    )
    contact: str | None = optional("Who participants contact, and how to reach them", "Laura Park, 07700 900000")
    language: str = Field(
        "en-GB",
        pattern=r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$",
        description="Language of the documents: en-GB, cy, ...",
        examples=["en-GB"],
    )
    uid: str | None = optional(
        "Written once by `coprod new series`; calendar events hang on it, so keep it when you rename",
        "3f9c2b1e-8d4a-4c55-9a0e-2f6b7c1d9e80",
    )
    names: TextList = optional_list("Names the jargon check should leave alone", ["Miro", "Houghton"])
    access: Access | None = optional(
        "Access details for every workshop", {"step_free": True, "adjustments": "Tell Laura by the Friday before"}
    )
    support: list[SupportContact] = optional_list(
        "Who to talk to, during and after", [{"name": "Sam Reid", "role": "wellbeing lead", "phone": "07700 900123"}]
    )
    consent: Consent | None = optional(
        "Photos, recording, quotes, and how to say no", {"photos": "ask", "recording": "no", "quotes": "anonymous"}
    )
    timezone: Annotated[str, AfterValidator(_check_timezone)] | None = optional(
        "Time zone of the workshops, for the calendar", "Europe/London"
    )
    framework: Annotated[str, AfterValidator(_check_framework), WithJsonSchema({"enum": list(FRAMEWORKS)})] | None = (
        optional("Principles to check the series against", "citizen-lab")
    )
    facilitators: list[Facilitator] = optional_list("Who runs the workshops", [{"name": "Laura Park", "role": "lead"}])
    participants: list[ParticipantGroup] = optional_list(
        "Who takes part, as groups and counts (never personal data)",
        [{"group": "Care leavers", "count": 3, "lived_experience": True}],
    )
    ground_rules: TextList = optional_list("Rules everyone agrees to", ["What is said in the room stays in the room"])
    glossary: dict[str, str] = Field(
        default_factory=dict,
        description="Plain-language meanings of words participants may not know",
        examples=[{"prototyping": "testing out a new idea on a small scale"}],
    )
    settings: Settings = Field(
        default_factory=Settings,
        description="Limits the checks use",
        examples=[{"max_without_break": "90m"}],
    )
    activities: dict[SafeId, Activity] = Field(
        default_factory=dict,
        description="Activities of your own, by id, used with `use: ID`",
        examples=[{"create-a-service": {"title": "Create your own service", "kind": "exercise", "duration": "30m"}}],
    )
    workshops: list[Workshop] = Field(
        min_length=1,
        description="The workshops of the series, in order",
        examples=[[{"title": "Getting started", "date": "2026-10-05", "start": "10:00", "end": "12:00"}]],
    )

    @property
    def people_count(self) -> int:
        """Everyone expected in the room: every participant group's count and the facilitators."""
        return sum(g.count or 0 for g in self.participants) + len(self.facilitators)


Track.model_rebuild()
