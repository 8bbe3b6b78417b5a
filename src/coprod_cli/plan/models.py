"""Pydantic models of a plan: data and validators, no I/O.

Every model forbids unknown keys. Durations are whole minutes and clock times are
minutes after midnight (ints), so the timing engine does plain arithmetic.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import AfterValidator, ConfigDict, Field, PrivateAttr, WithJsonSchema, model_validator

from coprod_cli.plan.base import (
    PAUSE_KINDS,
    Clock,
    Duration,
    Kind,
    KindField,
    Mode,
    ModeField,
    PlanDate,
    SafeId,
    ScaledDuration,
    Strict,
    TextList,
    _check_framework,
    _check_timezone,
)
from coprod_cli.plan.durations import split_per
from coprod_cli.plan.frameworks import FRAMEWORKS
from coprod_cli.plan.practice import Access, Consent, Heard, Join, SupportContact, Thanks, _or_text


class Settings(Strict):
    max_without_break: Duration = Field(90, description="Longest stretch without a break in person")
    online_max_without_break: Duration = Field(60, description="Longest stretch online or hybrid")
    reading_age: int = Field(11, ge=5, le=21, description="Reading age participant text should suit")
    sentence_words: int = Field(20, ge=8, le=60, description="Most words a sentence of participant text should have")
    easy_read_age: int = Field(8, ge=5, le=21, description="Reading age Easy Read text should suit")
    paper: Literal["a4", "letter"] = Field("a4", description="Paper size for printed documents: a4 or letter")
    print: Literal["standard", "large"] = Field(
        "standard", description="standard, or large (18 pt, 1.5 line spacing) for handouts and agendas"
    )


class Facilitator(Strict):
    name: str
    role: str | None = None


class ParticipantGroup(Strict):
    group: str
    count: int | None = Field(None, ge=0, le=100_000)
    lived_experience: bool = False
    thanks: Thanks | None = Field(None, description="How this group is thanked for its time (payment, voucher)")


class Step(Strict):
    do: str
    duration: Duration | None = None


class OnlineVariant(Strict):
    """How an activity runs online. In an online workshop each field given here replaces the item's own;
    a hybrid workshop shows both. Written as one sentence, it is the facilitator's `how`."""

    model_config = ConfigDict(json_schema_extra=_or_text)

    how: str | None = Field(
        None, description="Facilitator only: how to run it online (breakout rooms, the whiteboard, the chat)"
    )
    title: str | None = Field(None, description="Its title when online, if the room's title does not fit")
    handout: str | None = Field(None, description="What participants read when they take part online")
    easy: str | None = Field(None, description="The Easy Read line when online")
    groups: str | None = Field(None, description="How people are grouped online, e.g. 'breakout rooms of 3'")
    say: str | None = Field(None, description="The facilitator's words when online")
    steps: list[Step] = Field(default_factory=list, description="Timed steps when online")
    materials: TextList = Field(
        default_factory=list, description="What online needs: whiteboard frames, breakout rooms, a co-host"
    )
    notes: str | None = Field(None, description="Facilitator notes when online")

    @model_validator(mode="before")
    @classmethod
    def _plain_text(cls, data: Any) -> Any:
        """`online: Use breakout rooms of 3.` is the facilitator's `how`."""
        if data is True:
            raise ValueError(
                "'true' does not say how it runs online; write a sentence or a mapping, or 'false' if it does not"
            )
        return {"how": data} if isinstance(data, str) else data


# The fields an online variant may replace on an item (all but the facilitator's `how`).
VARIANT_FIELDS = tuple(name for name in OnlineVariant.model_fields if name != "how")


class ActivityDetails(Strict):
    """What an activity and an agenda item both carry, beyond title, kind and length."""

    flex: Duration | None = None
    per: Literal["person", "group"] | None = Field(
        None, description="The duration is for each person or group; coprod multiplies it by the plan's counts"
    )
    groups: str | None = None
    lead: str | None = None
    materials: TextList = Field(default_factory=list)
    say: str | None = None
    steps: list[Step] = Field(default_factory=list)
    notes: str | None = None
    handout: str | None = None
    online: OnlineVariant | Literal[False] | None = Field(
        None, description="How it runs online (a sentence for the facilitator, or a mapping), or false: not online"
    )
    easy: str | None = Field(None, description="The Easy Read line for this activity: one idea, 15 words or fewer")
    sensitive: bool = Field(False, description="Touches hard experiences: support and a check-out are expected")
    principles: TextList = Field(default_factory=list)
    tags: TextList = Field(default_factory=list)

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

    title: str
    kind: KindField = Kind.exercise
    duration: ScaledDuration


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
    kind: KindField | None = None
    duration: ScaledDuration | None = None
    at: Clock | None = Field(None, description="Pinned start time")
    tracks: list[Track] = Field(default_factory=list)
    break_: Duration | None = Field(None, alias="break", description="Shorthand: a break")
    lunch: Duration | None = Field(None, description="Shorthand: a meal break")
    meal: Duration | None = Field(None, description="Shorthand: a meal break")
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


class ResolvedItem(Item):
    """An agenda item once `use:` and shorthands are resolved: its title and kind are always there."""

    title: str
    kind: KindField


def resolved(item: Item) -> ResolvedItem:
    """`item` as a ResolvedItem (itself when it already is one); a `use:` not yet resolved is a bug."""
    if isinstance(item, ResolvedItem):
        return item
    if item.title is None or item.kind is None:
        raise ValueError(f"the agenda item using '{item.use}' has not been resolved")
    fields = {name: getattr(item, name) for name in Item.model_fields}
    out = ResolvedItem.model_construct(_fields_set=set(item.model_fields_set), **fields)
    out._scale = item._scale  # private attributes are not fields: carry the per-person sum across
    return out


class Workshop(Strict):
    id: SafeId | None = Field(None, description="Folder-safe id; the title's slug when absent")
    title: str
    date: PlanDate | None = None
    start: Clock | None = None
    end: Clock | None = None
    length: Duration | None = None
    venue: str | None = None
    access: Access | None = Field(None, description="Access details for this workshop (added to the series' own)")
    mode: ModeField = Mode.in_person
    join: Join | None = Field(None, description="How participants join online: link, dial-in, what to do if it fails")
    links: dict[str, str] = Field(default_factory=dict, description="Other links shown to participants")
    goals: TextList = Field(default_factory=list)
    prepare: TextList = Field(default_factory=list)
    agenda: list[Item] = Field(default_factory=list)
    homework: str | None = None
    sensitive: bool = Field(False, description="Touches hard experiences: support and a check-out are expected")
    content_note: str | None = Field(None, description="A note for participants about hard topics, in plain words")
    support: list[SupportContact] = Field(default_factory=list, description="Who to talk to at this workshop")
    heard: list[Heard] = Field(
        default_factory=list, description="Filled in afterwards: what people said, what was done"
    )

    @property
    def online(self) -> bool:
        return self.mode != "in-person"


class Plan(Strict):
    title: str
    organiser: str | None = None
    purpose: str | None = None
    challenge: str | None = None
    contact: str | None = None
    language: str = Field(
        "en-GB", pattern=r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$", description="Language of the documents: en-GB, cy, ..."
    )
    uid: str | None = Field(None, description="Written once by `coprod new series`; calendar events hang on it")
    names: TextList = Field(default_factory=list, description="Names the jargon check should leave alone")
    access: Access | None = Field(None, description="Access details for every workshop")
    support: list[SupportContact] = Field(default_factory=list, description="Who to talk to, during and after")
    consent: Consent | None = Field(None, description="Photos, recording, quotes, and how to say no")
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
