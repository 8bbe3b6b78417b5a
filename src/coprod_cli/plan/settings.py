"""`settings:`: the limits the checks use and how documents print; every one has a default."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from coprod_cli.plan.base import Duration, Strict


class Settings(Strict):
    """Limits the checks use; every one has a sensible default."""

    max_without_break: Duration = Field(90, description="Longest stretch without a break in person", examples=["90m"])
    online_max_without_break: Duration = Field(
        60, description="Longest stretch without a break online or hybrid", examples=["60m"]
    )
    reading_age: int = Field(11, ge=5, le=21, description="Reading age participant text should suit", examples=[11])
    sentence_words: int = Field(
        20, ge=8, le=60, description="Most words a sentence of participant text should have", examples=[20]
    )
    easy_read_age: int = Field(8, ge=5, le=21, description="Reading age Easy Read text should suit", examples=[8])
    paper: Literal["a4", "letter"] = Field(
        "a4", description="Paper size for printed documents: a4 or letter", examples=["a4"]
    )
    print: Literal["standard", "large"] = Field(
        "standard",
        description="standard, or large (18 pt, 1.5 line spacing) for handouts and agendas",
        examples=["large"],
    )
