"""'You said, we did': what people said at a workshop and what was done about it, for participants.

One document per workshop that heard something (`heard:` in the plan), and one for the series with
every such workshop in order. A workshop that heard nothing gets no document: an empty page would
read as if nobody said anything.
"""

from __future__ import annotations

from coprod_cli.documents.build import Translate
from coprod_cli.documents.build.handout import participant_document, said_did_pairs
from coprod_cli.documents.model import Block, Bullets, Document, Paragraph, Section, Terms
from coprod_cli.views import ParticipantSeries
from coprod_cli.views.paperwork import SaidDid

KIND = "you-said-we-did"


def build_said_did(series: ParticipantSeries, heard: SaidDid, _: Translate, lang: str, paper: str) -> Document:
    """One workshop's page: its title and date, a plain opening line, then each thing said and what was done."""
    title = _("You said, we did")
    facts = ((_("Workshop"), heard.title),) + (((_("When"), heard.day),) if heard.day else ())
    intro = Paragraph(_("At this workshop you told us things. This is what we did about them."))
    kicker = f"{series.title} · " + _("Workshop {number} of {total}", number=heard.number, total=len(series.workshops))
    sections = [Section("", "intro", (intro,)), Section("", "said_did", said_did_pairs(heard.pairs, _))]
    full_title = f"{title}: {heard.title} · {series.title}"
    return participant_document(KIND, series, title, lang, paper, sections, full_title, list(facts), kicker=kicker)


def build_series_said_did(
    series: ParticipantSeries, heard: list[SaidDid], _: Translate, lang: str, paper: str
) -> Document | None:
    """Every workshop that heard something, in order, each under its title and date; then the
    workshops still to come. None when no workshop has heard anything yet."""
    said = [h for h in heard if h.pairs]
    if not said:
        return None
    sections: list[Section] = []
    for h in said:
        when: tuple[Block, ...] = (Terms(((_("When"), h.day),), facts=True),) if h.day else ()
        sections.append(Section(f"{h.number}. {h.title}", "workshop", (*when, *said_did_pairs(h.pairs, _))))
    later = [h for h in heard if h.number > said[-1].number]
    if later:
        lines = tuple(f"{h.number}. {h.title}" + (f": {h.day}" if h.day else "") for h in later)
        what_next = (
            Paragraph(_("Next in the series:")),
            Bullets(lines),
            Paragraph(_("We will keep telling you what we did about what you said.")),
        )
        sections.append(Section(_("What happens next"), "next", what_next))
    title = _("You said, we did")
    intro = Paragraph(_("At each workshop you told us things. This is what we did about them."))
    sections = [Section("", "intro", (intro,)), *sections]
    return participant_document(KIND, series, title, lang, paper, sections, f"{title} · {series.title}")
