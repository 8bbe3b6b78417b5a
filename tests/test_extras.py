"""PDF and DOCX output behind extras: used when installed, a clear exit 2 when not."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from helpers import EXAMPLES, run

CARE = next(p for p in EXAMPLES if p.stem == "care-leavers")


def test_pdf_without_the_extra_says_how_to_get_it(tmp_path: Path, monkeypatch):
    monkeypatch.setitem(sys.modules, "weasyprint", None)  # import fails as if not installed
    result = run("render", "agendas", "-f", "pdf", "-p", str(CARE), "-o", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert "pip install 'coprod[pdf]'" in result.stderr
    assert not (tmp_path / "out").exists()


def test_docx_without_the_extra_says_how_to_get_it(tmp_path: Path, monkeypatch):
    monkeypatch.setitem(sys.modules, "docx", None)
    result = run("render", "handouts", "-f", "docx", "-p", str(CARE), "-o", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert "pip install 'coprod[docx]'" in result.stderr


def test_docx_handout_has_no_facilitator_notes(tmp_path: Path):
    docx = pytest.importorskip("docx")
    result = run("render", "handouts", "scripts", "-f", "docx", "-w", "intro", "-p", str(CARE), "-o", str(tmp_path))
    assert result.exit_code == 0, result.stderr
    handout = "\n".join(p.text for p in docx.Document(str(tmp_path / "01-intro" / "handout.docx")).paragraphs)
    script = "\n".join(p.text for p in docx.Document(str(tmp_path / "01-intro" / "facilitator-script.docx")).paragraphs)
    assert "An Introduction to Service Design" in handout and "Words we use" in handout
    assert "Some may feel anxious" not in handout and "Some may feel anxious" in script
