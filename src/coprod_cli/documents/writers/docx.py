"""Word output (the `docx` extra): the same views as the HTML, written with python-docx."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

from coprod_cli.errors import RenderError
from coprod_cli.language.messages import translator


def build_docx(stem: str, context: dict[str, Any], _: Callable[..., str] | None = None) -> bytes:
    """One .docx document for `stem` (handout, agenda, facilitator-script, overview); `_` gives the fixed words."""
    try:
        import docx
    except ImportError:
        raise RenderError("Word documents need the docx extra: pip install 'coprod[docx]'") from None
    _ = _ or translator("en-GB")
    document = docx.Document()
    builders: dict[str, Callable[..., None]] = {
        "handout": _handout,
        "agenda": _agenda,
        "facilitator-script": _script,
        "overview": _overview,
    }
    builders[stem](document, _=_, **context)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _table(document, header: list[str], rows: list[list[str]]) -> None:
    table = document.add_table(rows=1, cols=len(header))
    table.style = "Light List"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
    for row in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = text


def _bullets(document, lines) -> None:
    for line in lines:
        document.add_paragraph(str(line), style="List Bullet")


def _when_line(workshop, _) -> str:
    parts = [p for p in (workshop.day, workshop.time) if p]
    place = _("Online") if workshop.mode == "online" else (workshop.venue or "")
    return ", ".join(parts) + (f" · {place}" if place else "")


def _handout(document, series, workshop, _) -> None:
    document.add_paragraph(
        f"{series.title} · " + _("Workshop {number} of {total}", number=workshop.number, total=len(series.workshops))
    )
    document.add_heading(workshop.title, 0)
    document.add_paragraph(_when_line(workshop, _))
    document.add_heading(_("What this workshop is for"), 1)
    if series.purpose:
        document.add_paragraph(series.purpose)
    _bullets(document, workshop.goals)
    document.add_heading(_("What will happen"), 1)
    _table(
        document,
        [_("Time"), _("What we will do")],
        [
            [
                i.when,
                "\n".join(
                    t
                    for t in (
                        i.title,
                        i.description,
                        i.online_description and _("Online:") + " " + i.online_description,
                    )
                    if t
                ),
            ]
            for i in workshop.items
        ],
    )
    if series.ground_rules:
        document.add_heading(_("How we work together"), 1)
        _bullets(document, series.ground_rules)
    if workshop.glossary:
        document.add_heading(_("Words we use"), 1)
        _bullets(document, [f"{term}: {meaning}" for term, meaning in workshop.glossary])
    if workshop.homework:
        document.add_heading(_("Before next time"), 1)
        document.add_paragraph(workshop.homework)
    joining = [
        line
        for value, line in (
            (workshop.join_link, _("Join on a computer, tablet or phone:") + f" {workshop.join_link}"),
            (workshop.join_dial_in, _("Or join by phone: {number}", number=workshop.join_dial_in)),
            (workshop.join_help, _("If it does not work:") + f" {workshop.join_help}"),
        )
        if value
    ]
    if joining or workshop.links:
        document.add_heading(_("How to join"), 1)
        _bullets(document, joining + [f"{name}: {url}" for name, url in workshop.links])
    if workshop.venue or workshop.access:
        document.add_heading(_("Getting there"), 1)
        for text in (workshop.venue, workshop.access):
            if text:
                document.add_paragraph(text)
    if series.contact:
        document.add_heading(_("Who to contact"), 1)
        document.add_paragraph(series.contact)


def _agenda(document, series, workshop, _) -> None:
    document.add_heading(workshop.title, 0)
    document.add_paragraph(_when_line(workshop, _))
    _table(document, [_("Time"), _("What")], [[i.when, i.title] for i in workshop.items])
    if series.contact:
        document.add_paragraph(_("Questions?") + " " + series.contact)


def _script(document, series, workshop, _) -> None:
    document.add_paragraph(
        _(
            "Facilitator script · not for participants · Workshop {number} of {total}",
            number=workshop.number,
            total=workshop.of,
        )
    )
    document.add_heading(workshop.title, 0)
    document.add_paragraph(
        _when_line(workshop, _) + " · " + _("{total} planned; {note}", total=workshop.total, note=workshop.end_note)
    )
    if workshop.goals:
        document.add_heading(_("Goals"), 1)
        _bullets(document, workshop.goals)
    document.add_heading(_("Before the day"), 1)
    _bullets(document, [f"☐ {line}" for line in [*workshop.todo, *workshop.setup, *workshop.bring, *workshop.ready]])
    if workshop.previous_homework:
        document.add_paragraph(_("Homework to pick up from last time:") + " " + workshop.previous_homework)
    document.add_heading(_("Run sheet"), 1)
    _table(document, [_("Time"), _("Min"), _("What")], [[i.when, i.minutes, i.title] for i in workshop.items])
    document.add_heading(_("Step by step"), 1)
    for item in workshop.items:
        document.add_heading(f"{item.when}–{item.end} · {item.title} ({item.minutes})", 2)
        meta = " · ".join(p for p in (_(item.kind), item.groups, item.lead and _("led by {name}", name=item.lead)) if p)
        document.add_paragraph(meta)
        if item.say:
            document.add_paragraph(_("Say:") + " " + item.say.strip(), style="Intense Quote")
        _bullets(document, [f"{s.when} {s.do}" + (f" ({s.minutes})" if s.minutes else "") for s in item.steps])
        if item.materials:
            document.add_paragraph(_("Materials:") + " " + ", ".join(item.materials))
        if item.online:
            document.add_paragraph(_("Online:") + " " + item.online)
        if item.online_materials:
            document.add_paragraph(_("Online materials:") + " " + ", ".join(item.online_materials))
        if item.notes:
            document.add_paragraph(_("Note:") + " " + item.notes)
        for track in item.tracks:
            document.add_heading(f"{track.group}" + (f" · {track.where}" if track.where else ""), 3)
            _bullets(document, [f"{s.when}–{s.end} {s.title} ({s.minutes})" for s in track.items])
        for cue in item.cues:
            document.add_paragraph(f"⏱ {cue.when} — {cue.text}")
    if workshop.homework:
        document.add_heading(_("Homework to set"), 1)
        document.add_paragraph(workshop.homework)


def _overview(document, series, _) -> None:
    document.add_heading(series.title, 0)
    if series.purpose:
        document.add_paragraph(series.purpose)
    if series.challenge:
        document.add_heading(_("The challenge"), 1)
        document.add_paragraph(series.challenge)
    document.add_heading(_("The workshops at a glance"), 1)
    _table(
        document,
        ["#", _("Workshop"), _("When"), _("Where")],
        [
            [
                str(w.number),
                w.title,
                ", ".join(p for p in (w.day, w.time) if p) or _("date to be set"),
                _("Online") if w.mode == "online" else (w.venue or ""),
            ]
            for w in series.workshops
        ],
    )
    document.add_heading(_("The journey"), 1)
    for w in series.workshops:
        document.add_heading(f"{w.number}. {w.title}", 2)
        _bullets(document, w.goals)
        if w.homework:
            document.add_paragraph(_("Then, before the next workshop:") + " " + w.homework)
