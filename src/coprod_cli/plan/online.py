"""An activity's timed steps and how it runs online: the parts of an activity a workshop's mode can change."""

from __future__ import annotations

from typing import Any

from pydantic import ConfigDict, Field, model_validator

from coprod_cli.plan.base import Duration, Strict, TextList, optional, optional_list
from coprod_cli.plan.practice import _or_text


class Step(Strict):
    """One timed part of an activity, for the facilitator script."""

    do: str = Field(description="What happens in this step", examples=["Pick a word from the hat"])
    duration: Duration | None = optional("How long this step takes", "5m")


class OnlineVariant(Strict):
    """How an activity runs online. In an online workshop each field given here replaces the item's own;
    a hybrid workshop shows both. Written as one sentence, it is the facilitator's `how`."""

    model_config = ConfigDict(json_schema_extra=_or_text)

    how: str | None = optional(
        "Facilitator only: how to run it online (breakout rooms, the whiteboard, the chat)",
        "Breakout rooms of 3; each room writes on frame 2 of the whiteboard",
    )
    title: str | None = optional("Its title when online, if the room's title does not fit", "Whiteboard walk")
    handout: str | None = optional(
        "What participants read when they take part online", "We look at the ideas on the whiteboard together."
    )
    easy: str | None = optional(
        "The Easy Read line when online: one idea a sentence, 15 words or fewer. Give one with an "
        "online handout in other words, or the Easy Read shows the title",
        "We go into small rooms online. We talk in pairs.",
    )
    groups: str | None = optional("How people are grouped online, e.g. 'breakout rooms of 3'", "breakout rooms of 3")
    say: str | None = optional("The facilitator's words when online", "Unmute when you are ready to share.")
    steps: list[Step] = optional_list("Timed steps when online", [{"do": "Open breakout rooms", "duration": "2m"}])
    materials: TextList = optional_list(
        "What online needs: whiteboard frames, breakout rooms, a co-host", ["whiteboard frame 2", "a co-host"]
    )
    notes: str | None = optional("Facilitator notes when online", "Ask the co-host to watch the chat.")

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
