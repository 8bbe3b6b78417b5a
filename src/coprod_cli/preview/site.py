"""The preview site, built in memory: every HTML document, the calendar files and an index with the findings.

A plan that cannot be read gives an index that lists its problems, one line each with its
position, so the page says what to fix instead of going blank.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from pathlib import Path

from coprod_cli.checks import run_checks
from coprod_cli.documents.index import INDEX, build_index
from coprod_cli.documents.render import DOCUMENTS, Renderer, draft_reasons
from coprod_cli.errors import CoprodError
from coprod_cli.plan.loader import load_plan

EVENTS = "/_coprod/events"


def reload_script(version: int) -> str:
    """Reloads the page when the server announces a version other than the one it was built at."""
    return (
        f"<script>(function(){{var v={version};var s=new EventSource({EVENTS!r});"
        "s.onmessage=function(e){if(+e.data!==v){s.close();location.reload();}};})();</script>"
    )


@dataclass(frozen=True)
class Site:
    pages: dict[str, bytes]  # path without a leading '/', e.g. '01-intro/handout.html'
    ok: bool


def build_site(plan: Path, templates: Path | None, version: int) -> Site:
    """Render the plan's HTML documents and calendar, and an index page, all in memory."""
    head = reload_script(version)
    try:
        loaded = load_plan(plan)
        report = run_checks(loaded)
        draft = draft_reasons(loaded, report.findings)
        documents = Renderer.start(
            loaded, report.schedules, DOCUMENTS, ("html",), None, templates, draft=draft
        ).render_all()
    except CoprodError as error:
        title = f"coprod preview: {plan}"
        return Site({INDEX: build_index(title, [], problems=error.lines(), extra_head=head)}, ok=False)
    script = head.encode("utf-8")
    pages = {d.path: d.content.replace(b"</head>", script + b"</head>", 1) for d in documents}
    pages[INDEX] = build_index(loaded.plan.title, list(pages), report.to_dict(), extra_head=head)
    return Site(pages, ok=True)


def not_found(path: str) -> bytes:
    return f"<!doctype html><title>Not found</title><p>There is no {escape(path)} in this preview.</p>".encode()
