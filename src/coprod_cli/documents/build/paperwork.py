"""The paperwork of one workshop: sign-in sheet, name badges, Easy Read consent and feedback forms,
and receipts for money or vouchers. Built from the paperwork view (views/paperwork.py), which holds
participant-facing data only: counts, consent, activity titles and `easy:` lines, thanks.

An online workshop gets only the two forms, to send or share on screen: nothing is printed for it
(its script's preparation list says the same), so no sign-in sheet, badges or receipts to cut out.
Receipts come only when a group is thanked with money or a voucher.
"""

from __future__ import annotations

from coprod_cli.documents.build import Translate
from coprod_cli.documents.build.handout import participant_document
from coprod_cli.documents.easy import ICONS
from coprod_cli.documents.model import (
    Answer,
    Blanks,
    Block,
    Cards,
    Document,
    FillTable,
    Paragraph,
    Point,
    Points,
    Section,
    Terms,
)
from coprod_cli.plan.practice import CONSENT_HEADINGS
from coprod_cli.views import ParticipantSeries
from coprod_cli.views.paperwork import PHOTOS_COLUMN, SCALE, SIGN_IN_COLUMNS, Paperwork

# The paperwork's file stems, in the order the index lists them.
PAPERWORK = ("sign-in-sheet", "name-badges", "consent-form", "feedback-form", "receipts")
FACES = ("good", "ok", "not good")  # the smiley beside each word of SCALE
WRITING_LINES = 5
Built = tuple[str, list[Section], str, list[tuple[str, str]]]  # title, sections, page style, more facts


def paperwork_kinds(p: Paperwork) -> tuple[str, ...]:
    """Which paperwork a workshop gets (see the module's docstring)."""
    skip = {"sign-in-sheet", "name-badges", "receipts"} if p.mode == "online" else set()
    if not (p.consent_questions or p.consent_statements or p.consent_opt_out):
        skip.add("consent-form")
    if not p.receipts:
        skip.add("receipts")
    return tuple(k for k in PAPERWORK if k not in skip)


def build_paperwork(series: ParticipantSeries, p: Paperwork, _: Translate, lang: str, paper: str) -> list[Document]:
    """Every paperwork document of one workshop, in PAPERWORK's order."""
    builders = {
        "sign-in-sheet": _sign_in,
        "name-badges": _badges,
        "consent-form": _consent,
        "feedback-form": _feedback,
        "receipts": _receipts,
    }
    out = []
    for kind in paperwork_kinds(p):
        title, sections, page, facts = builders[kind](p, _, paper)
        full_title = f"{title}: {p.title} · {p.series}"
        # Each receipt names its workshop and day: the page's header (3 lines at most) keeps room for what to print.
        common = [f for f in _facts(p, _) if kind != "receipts" or f[0] == _("Where")]
        out.append(participant_document(kind, series, title, lang, paper, sections, full_title, common + facts, page))
    return out


def _facts(p: Paperwork, _: Translate) -> list[tuple[str, str]]:
    when = ", ".join(part for part in (p.day, p.time) if part)
    where = _("Online") if p.mode == "online" else (p.venue or "")
    facts = [(_("Workshop"), p.title), (_("When"), when), (_("Where"), where)]
    return [(k, v) for k, v in facts if v]


def _point(key: str, text: str, _: Translate, lead: str = "") -> Point:
    return Point(key, _(ICONS[key][1]), text, lead)


def _sign_in(p: Paperwork, _: Translate, paper: str) -> Built:
    photos = _("Tick if photos of you are OK.") if SIGN_IN_COLUMNS[PHOTOS_COLUMN] in p.sign_in_columns else ""
    how = " ".join(w for w in (_("Please write your name and group."), photos, _("Write any travel you claim.")) if w)
    blocks: list[Block] = [Paragraph(how)]
    if p.groups:
        blocks.append(Paragraph(", ".join(p.groups), label=_("Groups:")))
    blocks.append(FillTable(tuple(_(c) for c in p.sign_in_columns), p.sign_in_rows))
    return _("Sign-in sheet"), [Section("", "sign_in", tuple(blocks))], "sign-in", []


def _badges(p: Paperwork, _: Translate, paper: str) -> Built:
    card = (Blanks(lines=1), Paragraph(f"{p.series} · {p.title}", style="meta"))
    how = _("{count} badges, 8 to a page: cut along the dashed lines.", count=p.badges)
    return (
        _("Name badges"),
        [Section("", "badges", (Cards(card, p.badges, 2, 4, paper),))],
        "cards-page",
        [(_("Print"), how)],
    )


def _send_back(p: Paperwork, _: Translate) -> tuple[Point, ...]:
    """How people online answer: in the chat, or by sending the form back. Hybrid, the form is on paper in the
    room and this line is for those joining online; in person, there is no such line."""
    if p.mode == "online":
        if p.contact:
            text = _("Tell us in the chat, or send this form back to {contact}.", contact=p.contact)
        else:
            text = _("Tell us in the chat, or send this form back to the people running the workshop.")
    elif p.mode == "hybrid":
        if p.contact:
            text = _("Joining online? Tell us in the chat, or send this form back to {contact}.", contact=p.contact)
        else:
            text = _("Joining online? Tell us in the chat, or send this form back to the people running the workshop.")
    else:
        return ()
    return (_point("online", text, _),)


def _consent(p: Paperwork, _: Translate, paper: str) -> Built:
    """The Easy Read consent form: what we will do, how to say no, then the questions with the name and date
    kept together (one page where it fits). With no question to answer it is an information sheet."""
    online = p.mode == "online"
    asks = bool(p.consent_questions)
    about: tuple[Point, ...]
    if asks:
        about = (
            _point("homework", _("We want to keep a record of the workshop."), _),
            _point("decision", _("You choose what is OK for you."), _),
        )
    else:
        about = (_point("homework", _("This sheet tells you what we will and will not record at the workshop."), _),)
    sections = [Section(_("About this sheet") if not asks else _("About this form"), "about", (Points(about),))]
    if p.consent_statements:
        said = tuple(_point(topic, _(sentence), _) for topic, sentence in p.consent_statements)
        sections.append(Section(_("What we will do"), "statements", (Points(said),)))
    if asks or p.consent_opt_out:
        no = p.consent_opt_out or _("You can say no, or change your mind, at any time. You do not need to say why.")
        sections.append(Section(_("If you want to say no"), "opt_out", (Points((_point("say no", no, _),)),)))
    ask = _("Questions? Ask {contact}.", contact=p.contact) if p.contact else _("Ask the people running the workshop.")
    sections.append(Section(_("Who to ask"), "ask", (Points((_point("ask", ask, _),)),)))
    if asks:
        questions = tuple(_point(topic, _(question), _) for topic, question in p.consent_questions)
        answers = (Answer(_("Yes")), Answer(_("No")))
        how: tuple[Block, ...] = (Points(send_back),) if (send_back := _send_back(p, _)) else ()
        title = _("Please answer yes or no") if online else _("Please tick yes or no")
        sign_words = (
            _("If you send this form back, write your name.") if online else _("Please write your name and the date.")
        )
        lines = (_("Name"),) if online else (_("Name"), _("Date"))
        # The last question, the name and the date stay together on one page (section.sign: break-inside: avoid).
        last = (Points(questions[-1:], answers), Points((_point("sign", sign_words, _),)), Blanks(lines))
        first = (Points(questions[:-1], answers),) if len(questions) > 1 else ()
        sections.append(Section(title, "questions", (*how, *first, Section("", "sign", last))))
    return _(CONSENT_HEADINGS[p.mode]), sections, "easy-read form", []


def _feedback(p: Paperwork, _: Translate, paper: str) -> Built:
    online = p.mode == "online"
    about = (
        _point("feedback", _("Tell us what you thought of the workshop."), _),
        _point(
            "good",
            _("Choose one face for each part of the day.") if online else _("Tick one face for each part of the day."),
            _,
        ),
        _point("people", _("You do not need to write your name."), _),
        *_send_back(p, _),
    )
    parts = tuple(
        _point(
            line.kind if line.kind in ICONS else "exercise", line.easy or line.title, _, line.title if line.easy else ""
        )
        for line in p.feedback
    )
    scale = tuple(Answer(_(word), face) for word, face in zip(SCALE, FACES, strict=True))
    sections = [Section(_("About this form"), "about", (Points(about),))]
    if parts:
        sections.append(Section(_("What we did"), "parts", (Points(parts, scale),)))
    write = _("Write here, or tell us in the chat.") if online else _("Write or draw here.")
    change = (Paragraph(write), Blanks(lines=WRITING_LINES))
    sections.append(Section(_("What should we change?"), "change", change))
    return _("What did you think?"), sections, "easy-read form", []


def _receipts(p: Paperwork, _: Translate, paper: str) -> Built:
    cards: list[Block] = []
    for r in p.receipts:
        pairs = [(_("Workshop"), ", ".join(x for x in (p.title, p.day) if x)), (_("Group"), r.group)]
        pairs += ([(_("What you get"), r.what)] if r.what else []) + ([(_("Travel"), r.travel)] if r.travel else [])
        travel = (_("Travel paid back"),) if r.travel else ()
        labels = (*travel, _("Received by"), _("Signature"), _("Date"), _("Paid by"))
        card = (Paragraph(_("Receipt"), style="strong"), Terms(tuple(pairs), facts=True), Blanks(labels))
        cards.append(Cards(card, r.copies, 1, 2, paper))
    return _("Receipts"), [Section("", "receipts", tuple(cards))], "cards-page", [(_("Print"), _print_receipts(p, _))]


def _print_receipts(p: Paperwork, _: Translate) -> str:
    """Exactly what is printed: '8 receipts: 6 for Care leavers and 2 spare'."""
    groups = "; ".join(
        _("{people} for {group} and {spares} spare", people=r.people, group=r.group, spares=r.spares)
        if r.spares
        else _("{people} for {group}", people=r.people, group=r.group)
        for r in p.receipts
    )
    total = sum(r.copies for r in p.receipts)
    return _("{count} receipts: {groups}", count=total, groups=groups)
