"""The built-in co-production frameworks: principle ids, names and what each asks of a series."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Principle:
    """One principle of a framework, as the overview and the principles check show it."""

    id: str  # what a library activity or an item names in `principles:`
    name: str
    explanation: str  # what the principle asks of a series, and which activities serve it


@dataclass(frozen=True)
class Framework:
    """A framework of principles a plan names in `framework:`; the principles check reads it."""

    id: str
    name: str
    principles: tuple[Principle, ...]

    def ids(self) -> list[str]:
        return [p.id for p in self.principles]

    def get(self, principle_id: str) -> Principle | None:
        return next((p for p in self.principles if p.id == principle_id), None)


CITIZEN_LAB = Framework(
    "citizen-lab",
    "Citizen Lab core principles",
    (
        Principle(
            "empower-communities",
            "Empower communities and champion advocates",
            "People from the community lead parts of the work and speak for it, not only "
            "officials. Activities where participants present, chair or choose serve this.",
        ),
        Principle(
            "design-for-trust",
            "Design for trust, especially around change",
            "People say what they think when they feel safe. Ground rules, getting to know "
            "each other and honest talk about what will change build that trust.",
        ),
        Principle(
            "genuine-participation",
            "Sustained and genuine participation",
            "Participants shape the outcome, over time, not just attend. Activities where "
            "they generate, test and decide, and come back to it next time, serve this.",
        ),
        Principle(
            "challenge-as-catalyst",
            "Use challenge areas as catalysts for innovation",
            "A concrete, local problem gives the work focus. Problem scoping, 'five whys' "
            "and challenge statements serve this.",
        ),
        Principle(
            "debate-across-comfort-zones",
            "Debate and co-create across comfort zones",
            "Mixed groups of citizens and professionals work on the same thing and "
            "disagree well. Mixed tables, gallery walks and structured debate serve this.",
        ),
        Principle(
            "respect-the-venue",
            "Respect the value of the venue",
            "Where you meet matters: a place people know and can reach, set up so everyone "
            "can take part. Welcomes, shared meals and venue choices serve this.",
        ),
        Principle(
            "clear-journey",
            "Provide a clear journey to deliver outcomes",
            "Everyone knows where the work is going and what happens next. Recaps, "
            "homework, next steps and feedback serve this.",
        ),
    ),
)

JAM_AND_JUSTICE = Framework(
    "jam-and-justice",
    "Jam and Justice: seven practices of co-production",
    (
        Principle(
            "designing-for-openness",
            "Designing for openness",
            "The process is open to who comes and to where it leads. Open questions, "
            "idea generation and flexible agendas serve this.",
        ),
        Principle(
            "shaping-participation",
            "Shaping participation",
            "Thinking about who is in the room, who is missing and how each person can "
            "take part. Small groups, pairs and several ways to contribute serve this.",
        ),
        Principle(
            "blending-expertise",
            "Blending expertise",
            "Lived experience, professional knowledge and research sit side by side as "
            "equals. Mixed groups and shared mapping serve this.",
        ),
        Principle(
            "humanising-experiences",
            "Humanising experiences",
            "Starting from people's stories and feelings, not from systems. Personal "
            "timelines, personas and check-ins serve this.",
        ),
        Principle(
            "linking-voice-and-values",
            "Linking voice and values",
            "What people say is connected to what they care about and to what is decided. "
            "Values exercises and decisions made together serve this.",
        ),
        Principle(
            "connecting-with-policy",
            "Connecting with policy",
            "The work reaches the people who make decisions. Presenting to "
            "decision-makers, policy mapping and next steps serve this.",
        ),
        Principle(
            "holding-the-process",
            "Holding the process",
            "Someone takes care of the group over time: ground rules, recaps, feedback and follow-up between sessions.",
        ),
    ),
)

FRAMEWORKS: dict[str, Framework] = {f.id: f for f in (CITIZEN_LAB, JAM_AND_JUSTICE)}


def all_principle_ids() -> list[str]:
    return [pid for f in FRAMEWORKS.values() for pid in f.ids()]
