"""The Easy Read handout: one idea per point, a picture with alt text on the left of each, times
said in words ("half past 10 in the morning"), no tables.

The document is built from participant-safe fields only (titles, `easy:` lines, the schedule's
times, venue, access, thanks, support, homework, the handout glossary): sections of `Points`,
laid out like any document.
Pictures are Tabler Icons (MIT, library/icons/LICENSE), keyed by activity kind and by topic.
"""

from __future__ import annotations

import base64
from collections.abc import Callable
from functools import lru_cache
from importlib import resources

from coprod_cli.documents.build import Translate
from coprod_cli.documents.build.handout import joining_lines, series_footer
from coprod_cli.documents.model import Document, Point, Points, Section
from coprod_cli.language.messages import N_, format_date, spoken_time, translator
from coprod_cli.plan.models import Plan
from coprod_cli.schedule import Schedule
from coprod_cli.views.participant import ParticipantSeries, ParticipantWorkshop

# kind or topic -> (icon file stem, alt text msgid)
ICONS: dict[str, tuple[str, str]] = {
    "welcome": ("door-enter", N_("A door: coming in")),
    "icebreaker": ("mood-smile", N_("A smiling face")),
    "energiser": ("run", N_("A person running")),
    "presentation": ("presentation", N_("A screen with a chart")),
    "exercise": ("pencil", N_("A pencil")),
    "discussion": ("messages", N_("Speech bubbles")),
    "decision": ("checkbox", N_("A box with a tick")),
    "feedback": ("thumb-up", N_("A thumbs up")),
    "closing": ("door-exit", N_("A door: going out")),
    "break": ("coffee", N_("A cup of tea")),
    "meal": ("tools-kitchen-2", N_("A knife and fork")),
    "date": ("calendar", N_("A calendar")),
    "time": ("clock", N_("A clock")),
    "place": ("map-pin", N_("A pin on a map")),
    "online": ("device-laptop", N_("A laptop")),
    "step-free": ("wheelchair", N_("A wheelchair")),
    "hearing": ("ear", N_("An ear")),
    "interpreters": ("users", N_("Two people")),
    "quiet room": ("armchair", N_("An armchair")),
    "toilet": ("toilet-paper", N_("A toilet roll")),
    "food": ("tools-kitchen-2", N_("A knife and fork")),
    "travel": ("bus", N_("A bus")),
    "money": ("coin-pound", N_("A pound coin")),
    "help": ("lifebuoy", N_("A life ring")),
    "phone": ("phone", N_("A phone")),
    "email": ("mail", N_("An envelope")),
    "ask": ("help", N_("A question mark")),
    "feelings": ("heart-handshake", N_("A heart and hands")),
    "homework": ("notebook", N_("A notebook")),
    "words": ("book", N_("A book")),
    "people": ("users-group", N_("A group of people")),
    # the paperwork's consent and feedback forms
    "photos": ("camera", N_("A camera")),
    "recording": ("microphone", N_("A microphone")),
    "quotes": ("writing", N_("A pen writing")),
    "say no": ("hand-stop", N_("A hand held up to say stop")),
    "sign": ("signature", N_("A signature")),
    "good": ("mood-happy", N_("A happy face")),
    "ok": ("mood-empty", N_("A face that is not happy or sad")),
    "not good": ("mood-sad", N_("A sad face")),
}


@lru_cache(maxsize=64)
def icon_uri(key: str) -> str:
    """The icon for `key` as a data: URI, so the HTML stays one self-contained file."""
    stem = ICONS[key][0]
    svg = resources.files("coprod_cli.library").joinpath("icons", f"{stem}.svg").read_bytes()
    return "data:image/svg+xml;base64," + base64.b64encode(svg).decode("ascii")


def easy_read(
    plan: Plan, schedules: list[Schedule], series: ParticipantSeries, number: int, paper: str = "a4"
) -> Document:
    """The Easy Read document of workshop `number` (from 1): sections of points, each with a picture.
    How to join, "You said, we did" and "Words we use" are the handout's, from the participant view."""
    lang = plan.language
    _ = translator(lang)
    sched = schedules[number - 1]
    w = sched.workshop
    pw = series.workshops[number - 1]

    def point(key: str, text: str, lead: str | None = None) -> Point:
        return Point(key, _(ICONS[key][1]), text, lead or "")

    about = []
    if w.date:
        about.append(point("date", _("The workshop is on {date}.", date=format_date(lang, w.date))))
    if sched.start is not None:
        about.append(point("time", _("It starts at {time}.", time=spoken_time(lang, sched.start))))
        end = sched.booked_end if sched.booked_end is not None else sched.planned_end
        if end is not None:
            about.append(point("time", _("It ends at {time}.", time=spoken_time(lang, end))))
    if w.mode == "online" or (w.online and not w.venue):  # an online workshop's venue is nobody's to go to
        about.append(point("online", _("It is online.")))
    elif w.venue:
        place = _("It is at {place}, or online.", place=w.venue) if w.online else _("It is at {place}.", place=w.venue)
        about.append(point("place", place))
    happens = [
        point(
            t.item.kind if t.item.kind in ICONS else "exercise",
            t.item.easy or t.item.title,
            _heading(spoken_time(lang, sched.start + t.offset)) if sched.start is not None else None,
        )
        for t in sched.items
    ]
    joining = [point(topic, text) for topic, text in joining_lines(series, pw, _)]
    parts = [
        ("about", _("About the workshop"), about),
        ("joining", _("How to join online") if pw.mode == "hybrid" else _("How to join"), joining),
        ("said_did", _("You said, we did"), _said_did(pw, point, _)),
        ("happens", _("What will happen"), happens),
        ("know", _("Things to know"), _things_to_know(plan, number, point)),
        ("help", _("If you need help"), _help(plan, number, point)),
        ("homework", _("Before next time"), [point("homework", w.homework)] if w.homework else []),
        ("glossary", _("Words we use"), [point("words", meaning, term) for term, meaning in pw.glossary]),
    ]
    kicker = _("Workshop {number} of {total}", number=number, total=len(schedules))
    return Document(
        "easy-read",
        w.title,
        f"{plan.title} · {kicker}",
        lang,
        "participant",
        plan.organiser or "",
        series_footer(series),
        sections=tuple(Section(title, name, (Points(tuple(points)),)) for name, title, points in parts if points),
        paper=paper,
        page="easy-read",
        full_title=f"{w.title} · {plan.title}",
    )


def _things_to_know(plan: Plan, number: int, point) -> list[Point]:
    _ = translator(plan.language)
    w = plan.workshops[number - 1]
    out = []
    if w.content_note:
        out.append(point("feelings", w.content_note))
    for access in (plan.access, w.access):
        if access is not None:
            out += [point(topic, sentence) for topic, sentence in access.points(_)]
    for group in plan.participants:
        thanks = group.thanks
        if thanks is not None and thanks.amount:
            out.append(point("money", _("{group}: you get {amount}.", group=group.group, amount=thanks.amount)))
            if thanks.when:  # "at the end of each session": a whole sentence, not a piece of one
                out.append(point("money", _whole(thanks.when, lambda t: _("You get it {when}.", when=t))))
            if thanks.travel:
                out.append(point("travel", _whole(thanks.travel, lambda t: _("Travel: {travel}.", travel=t))))
            if thanks.benefits:
                out.append(point("money", _whole(thanks.benefits, lambda t: t[:1].upper() + t[1:] + ".")))
    return out


def _help(plan: Plan, number: int, point) -> list[Point]:
    _ = translator(plan.language)
    w = plan.workshops[number - 1]
    out = []
    for contact in [*plan.support, *w.support]:
        who = f"{contact.name}, {contact.role}" if contact.role else contact.name
        out.append(point("help", _("You can talk to {who}.", who=who)))
        if contact.phone:
            out.append(point("phone", _("Phone {number}.", number=contact.phone)))
        if contact.email:
            out.append(point("email", _("Email {address}.", address=contact.email)))
    if plan.contact:
        out.append(point("phone", _("Questions? Ask {contact}.", contact=plan.contact)))
    return out


def _said_did(pw: ParticipantWorkshop, point: Callable[..., Point], _: Translate) -> list[Point]:
    """What the last workshop heard and what was done about it: what people said, then what we did."""
    if not pw.previous_heard:
        return []
    out = [point("people", _("At “{title}” you told us some things. This is what happened.", title=pw.previous or ""))]
    for said, did in pw.previous_heard:
        out.append(point("discussion", said, _("You said:")))
        if did:
            out.append(point("decision", did, _("We did:")))
        else:
            out.append(point("decision", _("We will tell you what happens."), _("We are still working on this.")))
    return out


def _whole(text: str, sentence: Callable[[str], str]) -> str:
    """A plan's words as a whole sentence: as written when they are one ("Paid in cash on the day."),
    else inside our sentence ("at the end of each session" -> "You get it at the end of each session.")."""
    text = text.strip()
    if text[:1].isupper():
        return text if text[-1:] in ".!?" else text + "."
    return sentence(text.rstrip("."))


def _heading(text: str) -> str:
    """A time shown as a heading starts with a capital: 'Quarter past 11 in the morning'."""
    return text[:1].upper() + text[1:]
