"""Word output (the `docx` extra): the same views as the HTML, written with python-docx."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

from coprod_cli.errors import RenderError


def build_docx(stem: str, context: dict[str, Any]) -> bytes:
    """One .docx document for `stem` (handout, agenda, facilitator-script, overview)."""
    try:
        import docx
    except ImportError:
        raise RenderError("Word documents need the docx extra: pip install 'coprod[docx]'") from None
    document = docx.Document()
    builders: dict[str, Callable[..., None]] = {
        "handout": _handout,
        "agenda": _agenda,
        "facilitator-script": _script,
        "overview": _overview,
    }
    builders[stem](document, **context)
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


def _when_line(workshop) -> str:
    parts = [p for p in (workshop.day, workshop.time) if p]
    place = "Online" if workshop.mode == "online" else (workshop.venue or "")
    return ", ".join(parts) + (f" · {place}" if place else "")


def _handout(document, series, workshop) -> None:
    document.add_paragraph(f"{series.title} · Workshop {workshop.number} of {len(series.workshops)}")
    document.add_heading(workshop.title, 0)
    document.add_paragraph(_when_line(workshop))
    document.add_heading("What this workshop is for", 1)
    if series.purpose:
        document.add_paragraph(series.purpose)
    _bullets(document, workshop.goals)
    document.add_heading("What will happen", 1)
    _table(
        document,
        ["Time", "What we will do"],
        [
            [
                i.when,
                "\n".join(
                    t for t in (i.title, i.description, i.online_description and f"Online: {i.online_description}") if t
                ),
            ]
            for i in workshop.items
        ],
    )
    if series.ground_rules:
        document.add_heading("How we work together", 1)
        _bullets(document, series.ground_rules)
    if workshop.glossary:
        document.add_heading("Words we use", 1)
        _bullets(document, [f"{term}: {meaning}" for term, meaning in workshop.glossary])
    if workshop.homework:
        document.add_heading("Before next time", 1)
        document.add_paragraph(workshop.homework)
    joining = [
        f"{label}: {value}"
        for label, value in (
            ("Join on a computer, tablet or phone", workshop.join_link),
            ("Or join by phone", workshop.join_dial_in),
            ("If it does not work", workshop.join_help),
        )
        if value
    ]
    if joining or workshop.links:
        document.add_heading("How to join", 1)
        _bullets(document, joining + [f"{name}: {url}" for name, url in workshop.links])
    if workshop.venue or workshop.access:
        document.add_heading("Getting there", 1)
        for text in (workshop.venue, workshop.access):
            if text:
                document.add_paragraph(text)
    if series.contact:
        document.add_heading("Who to contact", 1)
        document.add_paragraph(series.contact)


def _agenda(document, series, workshop) -> None:
    document.add_heading(workshop.title, 0)
    document.add_paragraph(_when_line(workshop))
    _table(document, ["Time", "What"], [[i.when, i.title] for i in workshop.items])
    if series.contact:
        document.add_paragraph(f"Questions? {series.contact}")


def _script(document, series, workshop) -> None:
    document.add_paragraph(f"Facilitator script · not for participants · Workshop {workshop.number} of {workshop.of}")
    document.add_heading(workshop.title, 0)
    document.add_paragraph(_when_line(workshop) + f" · {workshop.total} planned; {workshop.end_note}")
    if workshop.goals:
        document.add_heading("Goals", 1)
        _bullets(document, workshop.goals)
    document.add_heading("Before the day", 1)
    _bullets(document, [f"☐ {line}" for line in [*workshop.todo, *workshop.setup, *workshop.bring, *workshop.ready]])
    if workshop.previous_homework:
        document.add_paragraph(f"Homework to pick up from last time: {workshop.previous_homework}")
    document.add_heading("Run sheet", 1)
    _table(document, ["Time", "Min", "What"], [[i.when, i.minutes, i.title] for i in workshop.items])
    document.add_heading("Step by step", 1)
    for item in workshop.items:
        document.add_heading(f"{item.when}–{item.end} · {item.title} ({item.minutes})", 2)
        meta = " · ".join(p for p in (item.kind, item.groups, item.lead and f"led by {item.lead}") if p)
        document.add_paragraph(meta)
        if item.say:
            document.add_paragraph(f"Say: {item.say.strip()}", style="Intense Quote")
        _bullets(document, [f"{s.when} {s.do}" + (f" ({s.minutes})" if s.minutes else "") for s in item.steps])
        if item.materials:
            document.add_paragraph("Materials: " + ", ".join(item.materials))
        if item.online:
            document.add_paragraph(f"Online: {item.online}")
        if item.online_materials:
            document.add_paragraph("Online materials: " + ", ".join(item.online_materials))
        if item.notes:
            document.add_paragraph(f"Note: {item.notes}")
        for track in item.tracks:
            document.add_heading(f"{track.group}" + (f" · {track.where}" if track.where else ""), 3)
            _bullets(document, [f"{s.when}–{s.end} {s.title} ({s.minutes})" for s in track.items])
        for cue in item.cues:
            document.add_paragraph(f"⏱ {cue.when} — {cue.text}")
    if workshop.homework:
        document.add_heading("Homework to set", 1)
        document.add_paragraph(workshop.homework)


def _overview(document, series) -> None:
    document.add_heading(series.title, 0)
    if series.purpose:
        document.add_paragraph(series.purpose)
    if series.challenge:
        document.add_heading("The challenge", 1)
        document.add_paragraph(series.challenge)
    document.add_heading("The workshops at a glance", 1)
    _table(
        document,
        ["#", "Workshop", "When", "Where"],
        [
            [
                str(w.number),
                w.title,
                ", ".join(p for p in (w.day, w.time) if p) or "date to be set",
                "Online" if w.mode == "online" else (w.venue or ""),
            ]
            for w in series.workshops
        ],
    )
    document.add_heading("The journey", 1)
    for w in series.workshops:
        document.add_heading(f"{w.number}. {w.title}", 2)
        _bullets(document, w.goals)
        if w.homework:
            document.add_paragraph(f"Then, before the next workshop: {w.homework}")
