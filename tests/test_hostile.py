"""The hostile corpus: each plan in tests/cases/hostile/ has its expected outcome in expected.yaml."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from helpers import ROOT, run

HOSTILE = ROOT / "tests" / "cases" / "hostile"
EXPECTED: dict[str, dict] = yaml.safe_load((HOSTILE / "expected.yaml").read_text(encoding="utf-8"))
PROBLEM_LINE = re.compile(r"^[^\n]+:\d+:\d+: [^\n]+$")


def test_every_hostile_plan_has_an_expected_outcome():
    assert {p.name for p in HOSTILE.glob("*.yaml")} - {"expected.yaml"} == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_hostile_plan(name: str, tmp_path: Path):
    want = EXPECTED[name]
    plan = str(HOSTILE / name)
    out = tmp_path / "out"
    if want["run"] == "render":
        result = run("render", "-p", plan, "-o", str(out), "-f", "md,html")
    else:
        result = run("check", "-p", plan)
    assert result.exit_code == want["exit"], result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    if want["exit"] == 2:
        lines = result.stderr.splitlines()
        assert len(lines) == 1 and PROBLEM_LINE.match(lines[0]), lines  # one problem, one FILE:LINE:COL line
        assert want["stderr"] in lines[0]
    written = [result.stdout] + [p.read_text(encoding="utf-8") for p in out.rglob("*") if p.is_file()]
    everything = "\n".join(written)
    for text in want.get("absent", []):
        assert text not in everything, f"{text!r} was written"
    for text in want.get("present", []):
        assert text in everything, f"{text!r} is missing"
    for md in out.rglob("*.md") if out.exists() else []:
        text = md.read_text(encoding="utf-8")
        for bad in want.get("absent_md", []):
            assert bad not in text, f"{bad!r} was written in {md}"
        for href in _links(text):
            assert href.startswith(("https://", "http://", "mailto:", "tel:")), (md, href)


def _links(markdown: str) -> list[str]:
    """Every link and image address a CommonMark reader (markdown-it, as GitHub's) would make."""
    from markdown_it import MarkdownIt

    found = []
    for token in MarkdownIt("commonmark").enable("table").parse(markdown):
        for child in token.children or []:
            if child.type in ("link_open", "image"):
                found.append(str(child.attrGet("href") or child.attrGet("src")))
            if child.type == "html_inline" and child.content != "<br>":  # the templates' own line breaks
                found.append(f"raw html: {child.content}")
        if token.type == "html_block":
            found.append(f"raw html: {token.content}")
    return found


def test_markdown_makes_only_safe_links_and_no_structure_from_plan_text():
    from coprod_cli.documents.safe import md_escape, md_link

    hostile = "# x\n| a | b |\n- item [y](javascript:alert(1)) <b>bold</b> ![i](http://x/i.png) &amp; `code` *em*"
    text = f"Title: {md_escape(hostile)}\n\n- {md_link('javascript:alert(1)')}\n- {md_link('https://ok.example/a')}\n"
    assert _links(text) == ["https://ok.example/a"]
    from markdown_it import MarkdownIt

    kinds = {t.type for t in MarkdownIt("commonmark").enable("table").parse(text)}
    assert not kinds & {"heading_open", "table_open", "html_block", "code_block", "fence"}
