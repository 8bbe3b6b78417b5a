"""The two layouts of the built-in documents: Python pages (writers/page.py, used without a
templates folder) and the built-in templates (base.html, base.md, used under a user's own).
A user's folder that replaces nothing must change nothing, to the byte, in every document."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import EXAMPLES

from coprod_cli.documents.drafts import Drafts
from coprod_cli.documents.render import Renderer
from coprod_cli.plan.loader import load_plan, load_plan_text
from coprod_cli.schedule import schedule_plan

DRAFT = Drafts(series=("The plan's day is too short: <b>2 items</b> do not fit; see https://example.org/help",))


def _both(loaded, tmp_path: Path, **options) -> tuple[dict[str, bytes], dict[str, bytes]]:
    (tmp_path / "empty").mkdir(exist_ok=True)
    schedules = schedule_plan(loaded.plan)
    made = []
    for templates in (None, tmp_path / "empty"):
        renderer = Renderer.start(loaded, schedules, formats=("md", "html"), user_templates=templates, **options)
        made.append({d.path: d.content for d in renderer.render_all() if not d.path.endswith(".ics")})
    return made[0], made[1]


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_an_empty_templates_folder_changes_no_document(example: Path, tmp_path: Path):
    pages, templates = _both(load_plan(example), tmp_path)
    assert len(pages) >= 20 and pages.keys() == templates.keys()
    assert [p for p in pages if pages[p] != templates[p]] == []


def test_the_same_in_welsh_in_large_print_and_as_a_draft(tmp_path: Path):
    example = next(p for p in EXAMPLES if p.stem == "care-leavers")
    text = example.read_text("utf-8").replace("timezone:", "language: cy\ntimezone:", 1)
    loaded = load_plan_text(text, str(example))
    pages, templates = _both(loaded, tmp_path, large_print=True, draft=DRAFT)
    assert all(b'class="banner"' in page for path, page in pages.items() if path.endswith(".html"))
    assert any(b"large-print" in page for page in pages.values())
    assert [p for p in pages if pages[p] != templates[p]] == []
