"""Accessibility: axe-core finds no WCAG 2.1 A/AA violation in the HTML documents (tools/axe.py).

Runs where Debian's chromium and npm are installed (CI installs chromium); skips otherwise.
`python tools/axe.py` checks every HTML document of every example; this test checks the first
workshop's documents and the overview of each example, the care leavers' first paperwork, and a
draft with its banner.
"""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest
from helpers import EXAMPLES, ROOT, run, write_tree


def _axe():
    if not (shutil.which("chromium") or shutil.which("chromium-browser")):
        pytest.skip("chromium is not installed")
    spec = importlib.util.spec_from_file_location("axe_tool", ROOT / "tools" / "axe.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    cached = (module.CACHE / "node_modules" / "axe-core" / "axe.min.js").is_file()
    if not cached and not shutil.which("npm"):
        pytest.skip("npm is not installed to fetch axe-core")
    return module


def test_documents_have_no_wcag_violations(tmp_path: Path):
    axe = _axe()
    files: list[Path] = []
    for example in EXAMPLES:
        out = tmp_path / example.stem
        assert run("render", "-f", "html", "-p", str(example), "-o", str(out)).exit_code == 0
        first = sorted(p for p in out.iterdir() if p.is_dir())[0]
        files += [out / "overview.html", *out.glob("you-said-we-did.html"), *sorted(first.glob("*.html"))]
        if example.stem == "care-leavers":  # every kind of paperwork
            files += sorted(first.glob("paperwork/*.html"))
    draft = next(p for p in EXAMPLES if p.stem == "care-leavers").read_text().replace("end: 13:30", "end: 13:20", 1)
    write_tree(tmp_path, {"draft.yaml": draft})
    run(
        "render", "handouts", "-f", "html", "-w", "intro", "-p", str(tmp_path / "draft.yaml"), "-o", str(tmp_path / "d")
    )
    files.append(tmp_path / "d" / "01-intro" / "handout.html")
    assert "Draft: not ready" in files[-1].read_text()
    found = axe.check(files)
    # Easy Read, "You said, we did" (two examples heard something) and five kinds of paperwork included
    assert len(found) == len(files) == 25
    violations = {path: [v["id"] for v in vs] for path, vs in found.items() if vs}
    assert violations == {}


def test_the_axe_check_can_fail(tmp_path: Path):
    axe = _axe()
    write_tree(tmp_path, {"bad.html": '<!DOCTYPE html><html><head><title>x</title></head><body><img src="a.png">'})
    found = axe.check([tmp_path / "bad.html"])
    assert {v["id"] for v in found[str(tmp_path / "bad.html")]} >= {"html-has-lang", "image-alt"}
