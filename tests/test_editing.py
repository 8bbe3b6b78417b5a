"""Editing a plan in place is faithful: only added lines, same mode, owner, symlink, line endings."""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest
from helpers import EXAMPLES, run, write_tree

from coprod_cli.plan.loader import load_plan

FLOWING = """# my series
title: Series   # the title
workshops:
  - id: one
    title: One
    date: 2026-10-05
    start: '10:00'
    agenda: [{use: welcome-and-ground-rules}]   # flow, kept as written

# after the workshops
glossary: {prototype: a first try}
"""


def _only_added(before: str, after: str) -> list[str]:
    """The lines added; fails if any line of `before` was changed or removed."""
    old, new = before.splitlines(keepends=True), after.splitlines(keepends=True)
    added: list[str] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        assert tag in ("equal", "insert"), f"line(s) {i1 + 1}-{i2} changed: {old[i1:i2]!r} -> {new[j1:j2]!r}"
        added += new[j1:j2]
    return added


@pytest.mark.parametrize(
    "text", [FLOWING, *(p.read_text() for p in EXAMPLES)], ids=["flow", *(p.stem for p in EXAMPLES)]
)
def test_new_workshop_and_activity_only_add_lines(tmp_path: Path, text: str):
    plan = write_tree(tmp_path, {"coprod.yaml": text}) / "coprod.yaml"
    assert run("new", "workshop", "--title", "Added: one more", "-p", str(plan)).exit_code == 0
    after_workshop = plan.read_text()
    added = _only_added(text, after_workshop)
    assert any("Added: one more" in line for line in added)
    assert run("new", "activity", "mine", "--title", "My own", "-p", str(plan)).exit_code == 0
    assert any("My own" in line for line in _only_added(after_workshop, plan.read_text()))
    loaded = load_plan(plan).plan
    assert loaded.workshops[-1].title == "Added: one more" and "mine" in loaded.activities


def test_editing_keeps_mode_line_endings_and_writes_through_a_symlink(tmp_path: Path):
    real = write_tree(tmp_path, {"plans/real.yaml": b""}) / "plans" / "real.yaml"
    real.write_bytes(FLOWING.replace("\n", "\r\n").encode())
    os.chmod(real, 0o664)
    link = tmp_path / "coprod.yaml"
    link.symlink_to(real)
    result = run("new", "workshop", "--title", "Two", "-p", str(link))
    assert result.exit_code == 0, result.stderr
    assert link.is_symlink() and os.readlink(link) == str(real)
    data = real.read_bytes()
    assert b"Two" in data and data.count(b"\n") == data.count(b"\r\n")  # CRLF kept, new lines too
    assert real.stat().st_mode & 0o777 == 0o664
    _only_added(FLOWING.replace("\n", "\r\n"), data.decode())


def test_new_series_files_follow_the_umask(tmp_path: Path):
    old = os.umask(0o002)
    try:
        assert run("new", "series", str(tmp_path / "s"), "--title", "S").exit_code == 0
    finally:
        os.umask(old)
    for name in ("coprod.yaml", "coprod.schema.json"):
        assert (tmp_path / "s" / name).stat().st_mode & 0o777 == 0o664


def test_activities_key_with_nothing_under_it_gets_the_entry(tmp_path: Path):
    text = FLOWING.replace("# after the workshops\n", "activities:\n")
    plan = write_tree(tmp_path, {"coprod.yaml": text}) / "coprod.yaml"
    assert run("new", "activity", "mine", "--title", "My own", "-p", str(plan)).exit_code == 0
    _only_added(text, plan.read_text())
    assert "mine" in load_plan(plan).plan.activities
