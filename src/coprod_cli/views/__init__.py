"""What each audience may see.

The participant view (participant.py) is built from scratch out of participant-safe fields
only: it has no place for `notes`, `say`, `prepare`, `steps`, `online` how-tos or `lead`, so
no template can leak them. The facilitator view (facilitator.py) carries everything, plus
timing cues and a preparation checklist.
"""

from __future__ import annotations

from functools import cached_property

from coprod_cli.plan.models import Plan
from coprod_cli.schedule import Schedule
from coprod_cli.views.facilitator import (
    Cue,
    FacilitatorItem,
    FacilitatorStep,
    FacilitatorTrack,
    FacilitatorWorkshop,
    facilitator_view,
)
from coprod_cli.views.paperwork import Paperwork, SaidDid, paperwork_view, said_did_view
from coprod_cli.views.participant import (
    ParticipantItem,
    ParticipantSeries,
    ParticipantTrack,
    ParticipantTrackItem,
    ParticipantWorkshop,
    folder_name,
    participant_view,
)

__all__ = [
    "Cue",
    "FacilitatorItem",
    "FacilitatorStep",
    "FacilitatorTrack",
    "FacilitatorWorkshop",
    "ParticipantItem",
    "ParticipantSeries",
    "ParticipantTrack",
    "ParticipantTrackItem",
    "ParticipantWorkshop",
    "Views",
    "facilitator_view",
    "folder_name",
    "participant_view",
]


class Views:
    """What each audience sees of one plan, each built at most once per run and shared by the
    checks, the console and the documents."""

    def __init__(self, plan: Plan, schedules: list[Schedule]):
        self.plan, self.schedules = plan, schedules

    @cached_property
    def participant(self) -> ParticipantSeries:
        return participant_view(self.plan, self.schedules)

    @cached_property
    def paperwork(self) -> list[Paperwork]:
        return paperwork_view(self.plan, self.schedules)

    @cached_property
    def said_did(self) -> list[SaidDid]:
        return said_did_view(self.plan, self.schedules)

    @cached_property
    def facilitator(self) -> list[FacilitatorWorkshop]:
        return facilitator_view(self.plan, self.schedules)
