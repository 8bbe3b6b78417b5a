"""The paperwork of one workshop, and "You said, we did": participant-facing data only.

Sign-in sheet, name badges, an Easy Read consent form, an Easy Read feedback form with a smiley
scale for each activity, and a receipt for each person thanked with money or a voucher. Counts come
from the plan's participant counts plus facilitators plus spares (preparation.print_counts).
"""

from __future__ import annotations

from dataclasses import dataclass

from coprod_cli.language.messages import N_, translator
from coprod_cli.plan.models import Plan
from coprod_cli.plan.practice import CONSENT_FIELDS
from coprod_cli.preparation import print_counts
from coprod_cli.schedule import Schedule
from coprod_cli.views.participant import day_text, folder_name, heard_pairs, time_span

BADGES_PER_PAGE = 8
SIGN_IN_ROWS_WITHOUT_COUNTS = 20
# Fixed words (msgids: a document translates them into the plan's language).
SIGN_IN_COLUMNS = (N_("Name"), N_("Group"), N_("Photos OK?"), N_("Travel claimed"))
PHOTOS_COLUMN = 2  # dropped when the plan says no photos, or the consent form asks about them
SCALE = (N_("Good"), N_("OK"), N_("Not good"))  # a smiley scale: HTML draws a face beside each word


@dataclass(frozen=True)
class FeedbackLine:
    """One activity on the feedback form: its title, its Easy Read line and its kind (for a picture)."""

    title: str
    easy: str | None
    kind: str = "exercise"


@dataclass(frozen=True)
class Receipt:
    """A receipt for one group's money or voucher: one for each person in the group, and its share of spares."""

    group: str
    what: str | None  # the money or voucher; None: only travel is paid back
    travel: str | None
    people: int
    spares: int

    @property
    def copies(self) -> int:
        return self.people + self.spares


@dataclass(frozen=True)
class Paperwork:
    series: str
    organiser: str | None
    number: int
    folder: str
    title: str
    mode: str
    day: str | None
    time: str | None
    venue: str | None
    groups: tuple[str, ...]
    sign_in_columns: tuple[str, ...]  # msgids
    sign_in_rows: int
    counts_note: str
    badges: int
    badge_pages: int
    consent_questions: tuple[tuple[str, str], ...]  # (topic, msgid): photos, recording, quotes
    consent_statements: tuple[tuple[str, str], ...]  # (topic, the plan's sentence)
    consent_opt_out: str | None
    feedback: tuple[FeedbackLine, ...]
    receipts: tuple[Receipt, ...]
    contact: str | None


Consent = tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...], str | None]


def _consent(plan: Plan, mode: str) -> Consent:
    """Questions to answer yes or no and statements of what we will (not) do, each with its topic,
    and how to say no. Online, photos are screenshots; hybrid, photos or screenshots."""
    consent = plan.consent
    if consent is None:
        return (), (), None
    questions: list[tuple[str, str]] = []
    statements: list[tuple[str, str]] = []
    for field in CONSENT_FIELDS:
        question, sentence = consent.question(field, mode), consent.sentence(field, mode=mode)
        if question:
            questions.append((field, question))
        elif sentence:
            statements.append((field, sentence))
    opt_out = consent.sentences(translator(plan.language))[-1] if consent.opt_out else None
    return tuple(questions), tuple(statements), opt_out


def paperwork_view(plan: Plan, schedules: list[Schedule]) -> list[Paperwork]:
    """The paperwork of every workshop."""
    counts = print_counts(plan)
    copies = counts.copies if counts else SIGN_IN_ROWS_WITHOUT_COUNTS
    note = (
        f"{copies} rows: {counts.why()}"
        if counts
        else f"{copies} rows: the plan gives no participant counts (add `count:` to each group)"
    )
    receipts = _receipts(plan, counts.spares if counts else 0)
    # A "Photos OK?" column only where nothing else asks: not when no photos are taken, and not when
    # the consent form asks about photos (asked twice, a tick on a sheet everyone sees could contradict it).
    consent = plan.consent
    no_photos = consent is not None and (consent.photos or "").strip().lower() == "no"
    photos = not (no_photos or (consent is not None and consent.question("photos") is not None))
    columns = tuple(c for n, c in enumerate(SIGN_IN_COLUMNS) if photos or n != PHOTOS_COLUMN)
    out = []
    for number, sched in enumerate(schedules, start=1):
        w = sched.workshop
        questions, statements, opt_out = _consent(plan, w.mode)
        feedback = tuple(
            FeedbackLine(t.item.title, t.item.easy or t.item.handout, str(t.item.kind))
            for t in sched.items
            if not t.item.is_pause and t.item.kind not in ("welcome", "closing", "feedback")
        )
        out.append(
            Paperwork(
                series=plan.title,
                organiser=plan.organiser,
                number=number,
                folder=folder_name(number, w),
                title=w.title,
                mode=w.mode,
                day=day_text(plan.language, w.date),
                time=time_span(plan.language, sched),
                venue=None if w.mode == "online" else w.venue,
                groups=tuple(g.group for g in plan.participants),
                sign_in_columns=columns,
                sign_in_rows=copies,
                counts_note=note,
                badges=copies,
                badge_pages=-(-copies // BADGES_PER_PAGE),
                consent_questions=questions,
                consent_statements=statements,
                consent_opt_out=opt_out,
                feedback=feedback,
                receipts=receipts,
                contact=plan.contact,
            )
        )
    return out


def _receipts(plan: Plan, spares: int) -> tuple[Receipt, ...]:
    """A receipt for each person of each group thanked with money or a voucher (Thanks.paid), and the
    spares once in all: one more for each group in turn until they run out."""
    paid = [g for g in plan.participants if g.thanks is not None and g.thanks.paid]
    out = []
    for n, g in enumerate(paid):
        assert g.thanks is not None
        share = spares // len(paid) + (n < spares % len(paid))
        what = ", ".join(p for p in (g.thanks.amount, g.thanks.how) if p) or None
        out.append(Receipt(g.group, what, g.thanks.travel, g.count or 0, share))
    return tuple(r for r in out if r.copies)


@dataclass(frozen=True)
class SaidDid:
    """'You said, we did' of one workshop: what people said and what was done."""

    number: int
    folder: str
    title: str
    day: str | None
    pairs: tuple[tuple[str, str], ...]


def said_did_view(plan: Plan, schedules: list[Schedule]) -> list[SaidDid]:
    """Every workshop's 'you said, we did' (empty pairs: nothing heard yet)."""
    return [
        SaidDid(
            number,
            folder_name(number, s.workshop),
            s.workshop.title,
            day_text(plan.language, s.workshop.date),
            heard_pairs(s.workshop),
        )
        for number, s in enumerate(schedules, start=1)
    ]
