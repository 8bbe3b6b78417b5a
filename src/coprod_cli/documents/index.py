"""out/index.html: the series at a glance for co-facilitators, with links to every document and the check findings.

A small builder of its own (the standard library's html.escape, no template), so the folder
`coprod render` writes can be opened from a shared drive or put on any static host, and
`coprod preview` can show the same page. It reads the check report as plain data (the JSON
report of DESIGN section 3), so documents never import the checks.
"""

from __future__ import annotations

import re
from html import escape
from typing import Any

INDEX = "index.html"
_LABELS = {
    "facilitator-script": "Facilitator script",
    "handout": "Handout",
    "easy-read": "Easy Read handout",
    "agenda": "Agenda",
    "sign-in-sheet": "Sign-in sheet",
    "name-badges": "Name badges",
    "consent-form": "Consent form (Easy Read)",
    "feedback-form": "Feedback form (Easy Read)",
    "receipts": "Receipts",
    "invite": "Calendar invitation",
    "overview": "Series overview",
    "you-said-we-did": "You said, we did",
    "calendar": "Calendar (all workshops)",
}
_SEVERITY = {"error": "Error", "warning": "Warning", "info": "Note"}
_STYLE = """
body{font:17px/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
h1{font-size:1.7rem;margin-bottom:.2rem}h2{font-size:1.25rem;margin-top:2rem;border-bottom:2px solid #ddd}
.meta{color:#555;margin:.1rem 0 .6rem}ul{padding-left:1.2rem}li{margin:.2rem 0}
a{color:#0b57d0}.error{color:#a50e0e}.warning{color:#8a5300}.info{color:#555}
.finding{margin:.3rem 0}.where{font-family:ui-monospace,monospace;color:#555;font-size:.9em}
.ok{color:#146c2e;font-weight:600}.problems{background:#fdecea;padding:.6rem 1rem;border-radius:6px}
"""


_FORMATS = {"html": "web page", "md": "Markdown", "pdf": "PDF", "docx": "Word", "ics": "calendar file"}


def _links(paths: list[str]) -> str:
    """One line per document, its formats side by side: `Handout: web page · Markdown · PDF`."""
    by_stem: dict[str, list[str]] = {}
    for path in paths:
        stem = path.rpartition("/")[2].partition(".")[0]
        by_stem.setdefault(stem, []).append(path)
    order = list(_LABELS)
    items = []
    for stem in sorted(by_stem, key=lambda s: (order.index(s) if s in order else len(order), s)):
        links = " · ".join(
            f'<a href="{escape(p, quote=True)}">{escape(_FORMATS.get(p.rpartition(".")[2], p.rpartition(".")[2]))}</a>'
            for p in sorted(
                by_stem[stem],
                key=lambda p: list(_FORMATS).index(p.rpartition(".")[2]) if p.rpartition(".")[2] in _FORMATS else 9,
            )
        )
        items.append(f"<li>{escape(_LABELS.get(stem, stem))}: {links}</li>")
    return "<ul>" + "".join(items) + "</ul>" if items else ""


def _day(iso: str | None) -> str:
    """'Monday 3 October 2016' from '2016-10-03'."""
    if not iso:
        return ""
    import datetime as dt

    day = dt.date.fromisoformat(iso)
    return f"{day:%A} {day.day} {day:%B %Y}"


def _finding(f: dict[str, Any], plan_file: str) -> str:
    name = plan_file.replace("\\", "/").rpartition("/")[2]  # the same on every machine the folder is opened on
    where = f"{name}, line {f['line']}" if f.get("line") else name
    return (
        f'<p class="finding"><strong class="{escape(f["severity"])}">{_SEVERITY.get(f["severity"], "")}:</strong> '
        f'{escape(f["message"])} <span class="where">{escape(where)} [{escape(f["code"])}]</span></p>'
    )


def _findings(report: dict[str, Any]) -> str:
    found = report["findings"]
    if not found:
        return '<p class="ok">The checks found nothing to change.</p>'
    return "".join(_finding(f, report["plan"]) for f in found)


def build_index(
    title: str,
    documents: list[str],
    report: dict[str, Any] | None = None,
    problems: list[str] | None = None,
    extra_head: str = "",
) -> bytes:
    """The page: the series, each workshop's documents, the series documents, then the findings.

    `report` is the check report (`Report.to_dict()`); `problems` are the lines of a plan that
    could not be read, shown instead.
    """
    parts = [
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{escape(title)}</title>',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<style>{_STYLE}</style>{extra_head}</head><body>",
        f"<h1>{escape(title)}</h1>",
    ]
    if problems:
        parts.append('<div class="problems"><h2>The plan cannot be used yet</h2>')
        parts += [f'<p class="finding where">{escape(line)}</p>' for line in problems]
        parts.append("<p>Fix these lines in the plan and save it; this page updates by itself.</p>")
        parts.append("</div>")
    by_folder: dict[str, list[str]] = {}
    for path in documents:
        folder = path.partition("/")[0] if "/" in path else ""  # a workshop's paperwork/ is part of it
        by_folder.setdefault(folder, []).append(path)
    workshops = {w["id"]: w for w in (report or {}).get("workshops", [])}
    for folder in sorted(f for f in by_folder if f):
        wid = re.sub(r"^[0-9]+-", "", folder)
        w = workshops.get(wid, {})
        heading = f"{int(folder.split('-', 1)[0])}. {w.get('title', wid)}"
        facts = [_day(w.get("date")), f"{w['start']}–{w['booked_end'] or w['planned_end']}" if w.get("start") else ""]
        parts.append(f"<h2>{escape(heading)}</h2>")
        meta = " · ".join(x for x in [*facts, (w.get("mode") or "").replace("-", " ")] if x)
        if meta:
            parts.append(f'<p class="meta">{escape(meta)}</p>')
        parts.append(_links(by_folder[folder]))
    if by_folder.get(""):
        parts.append("<h2>The whole series</h2>" + _links(by_folder[""]))
    if report is not None:
        parts.append("<h2>What the checks found</h2>" + _findings(report))
    parts.append("</body></html>\n")
    return "".join(parts).encode("utf-8")
