"""The hostile corpus: each plan in tests/cases/hostile/ has its expected outcome in expected.yaml."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
import yaml
from helpers import ROOT, run
from hypothesis import given, settings
from hypothesis import strategies as st

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


def test_json_report_is_printed_even_when_the_plan_cannot_be_used(tmp_path: Path):
    import json

    plan = tmp_path / "coprod.yaml"
    plan.write_text('title: x\nworkshops:\n  - {title: One, mode: "bad\\nforged"}\n')
    result = run("check", "-p", str(plan), "--format", "json")
    assert result.exit_code == 2
    report = json.loads(result.stdout)
    assert report["ok"] is False and report["workshops"] == [] and report["findings"] == []
    [error] = report["errors"]
    assert (error["line"], error["column"], error["where"]) == (3, 24, "workshops[0].mode")
    assert "'bad\nforged' is not a mode" in error["message"]
    assert len(result.stderr.splitlines()) == 1  # the person at the terminal still gets one line


def test_json_findings_carry_a_column(tmp_path: Path):
    import json

    plan = tmp_path / "coprod.yaml"
    plan.write_text("title: x\nworkshops:\n  - title: One\n    agenda:\n      - {title: Talk, duration: 100m}\n")
    report = json.loads(run("check", "-p", str(plan), "--format", "json").stdout)
    assert report["errors"] == []
    assert all(isinstance(f["column"], int) for f in report["findings"] if f["line"] is not None)


def test_devices_and_pipes_are_refused_not_read(tmp_path: Path):
    fifo = tmp_path / "plan.fifo"
    os.mkfifo(fifo)
    for path in ("/dev/zero", str(fifo)):
        result = run("check", "-p", path)
        assert result.exit_code == 2
        assert result.stderr == f"{path}: this is not a plain file (a device or a pipe); name a YAML file\n"


def test_command_line_dates_and_rhythms_are_bounded(tmp_path: Path):
    result = run("new", "series", str(tmp_path / "a"), "--title", "S", "--every", "99999999999w")
    assert result.exit_code == 2 and "more than a year between workshops" in result.stderr
    result = run("new", "series", str(tmp_path / "b"), "--title", "S", "--start", "2199-12-20", "-n", "4")
    assert result.exit_code == 2 and "between 1900 and 2199" in result.stderr
    plan = tmp_path / "c" / "coprod.yaml"
    assert run("new", "series", str(tmp_path / "c"), "--title", "S", "--start", "2199-12-08", "-n", "4").exit_code == 0
    result = run("new", "workshop", "--title", "Late", "-p", str(plan))
    assert result.exit_code == 2 and "between 1900 and 2199" in result.stderr


def test_control_characters_never_reach_a_docx(tmp_path: Path):
    pytest.importorskip("docx")
    plan = tmp_path / "coprod.yaml"
    plan.write_text('title: x\nworkshops:\n  - {title: "One\\vtwo", agenda: [{title: Talk, duration: 10m}]}\n')
    result = run("render", "-p", str(plan), "-o", str(tmp_path / "out"), "-f", "docx")
    assert result.exit_code == 2 and "control character (U+000B)" in result.stderr


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab 1.)#>+=-*_`[]<>|~\\&;!()x9:\n")), max_size=20))
def test_markdown_escaped_text_reads_as_typed(text: str):
    """Whatever a plan says, CommonMark shows it back word for word ('1. Problem scoping' too)."""
    import html

    from markdown_it import MarkdownIt

    from coprod_cli.documents.safe import md_escape

    typed = " ".join(text.split())
    if typed:
        shown = MarkdownIt("commonmark").render(md_escape(typed))
        assert html.unescape(re.sub(r"<[^>]+>", "", shown)).strip() == typed
