"""Drafts: a problem in one workshop marks that workshop's documents and the series' own, not the
other workshops' (next week's handout can still go out); a problem of the whole series marks all."""

from __future__ import annotations

import re
from pathlib import Path

from helpers import EXAMPLES, run, write_tree

from coprod_cli.documents.drafts import draft_reasons
from coprod_cli.findings import Finding, Severity
from coprod_cli.plan.loader import load_plan

CARE = next(p for p in EXAMPLES if p.stem == "care-leavers")
BANNER = "Draft: not ready to hand out"
OTHERS = ("02-experiences", "03-designing", "04-review")


def _documents(folder: Path) -> dict[str, str]:
    """Every md and html document under `folder` (not the index, coprod's list of files), as plain text."""
    return {
        str(p.relative_to(folder)): re.sub(r"<[^>]+>", "", p.read_text())
        for p in sorted(folder.rglob("*"))
        if p.suffix in (".md", ".html") and p.name != "index.html"
    }


def test_an_error_in_one_workshop_marks_only_its_documents_and_the_series(tmp_path: Path):
    overrun = CARE.read_text().replace("end: 13:30", "end: 13:20", 1)  # workshop 1 ends 10 min late
    write_tree(tmp_path, {"p.yaml": overrun})
    result = run("render", "-p", str(tmp_path / "p.yaml"), "-o", str(tmp_path / "out"))
    assert result.exit_code == 1, result.stdout + result.stderr  # the plan has an error: still exit 1
    reason = "Ends 13:30, 10 min after the room is booked until 13:20"
    lines = result.stderr.splitlines()
    start = next(n for n, line in enumerate(lines) if line.startswith("warning: the documents of"))
    assert lines[start] == f"warning: the documents of this workshop and of the whole series say '{BANNER}':"
    assert lines[start + 1 :] == [
        "  workshop 1 'An Introduction to Service Design':",
        f"    {reason}; shorten 'Lunch together' by 10 min, or book the room until 13:30",
        "The other 3 workshops' documents are ready to hand out.",
    ]
    quiet = run("render", "-q", "-p", str(tmp_path / "p.yaml"), "-o", str(tmp_path / "out"))
    assert quiet.exit_code == 1 and BANNER in quiet.stderr  # -q still says why
    documents = _documents(tmp_path / "out")
    assert len(documents) == 78  # "You said, we did" of 3 workshops and the series; 4 x 5 paperwork x 2
    drafts = {path for path, text in documents.items() if BANNER in text}
    mine = {p for p in documents if p.startswith("01-intro/")}
    series = {p for p in documents if "/" not in p}
    assert mine and series == {"overview.md", "overview.html", "you-said-we-did.md", "you-said-we-did.html"}
    assert drafts == mine | series  # handout, Easy Read, script, agenda, paperwork, said-did; overview
    for path in mine:
        assert reason in documents[path], path
    for path in series:  # the series' documents name the workshop the reason is about
        assert f"An Introduction to Service Design: {reason}" in documents[path], path
    assert not [p for p in documents if p.startswith(OTHERS) and "Draft" in documents[p]]
    # The banner comes first: before the title a reader sees the document is not ready.
    handout = (tmp_path / "out/01-intro/handout.html").read_text()
    assert handout.index(BANNER) < handout.index("<h1>")


def test_rendering_a_workshop_without_problems_says_it_is_ready(tmp_path: Path):
    write_tree(tmp_path, {"p.yaml": CARE.read_text().replace("end: 13:30", "end: 13:20", 1)})
    result = run("render", "-w", "experiences", "-p", str(tmp_path / "p.yaml"), "-o", str(tmp_path / "out"))
    assert result.exit_code == 1  # the plan has an error (DESIGN: render exits 1), but not in this workshop
    assert "warning: the documents written are ready to hand out, but the plan has problems in workshop 1 " in (
        result.stderr
    )
    assert not [p for p, text in _documents(tmp_path / "out").items() if "Draft" in text]
    mine = run("render", "-w", "intro", "-p", str(tmp_path / "p.yaml"), "-o", str(tmp_path / "one"))
    assert mine.exit_code == 1 and "warning: the documents of workshop 1 'An Introduction to Service Design' say" in (
        mine.stderr
    )
    assert all(BANNER in text for text in _documents(tmp_path / "one").values())


def test_placeholders_in_one_workshop_mark_it_and_at_the_series_level_mark_all(tmp_path: Path):
    text = CARE.read_text()
    one = text.replace(
        "venue: Care Leavers Hub, Houghton Regis\n    sensitive", "venue: Add the venue here\n    sensitive"
    )
    assert one != text
    write_tree(
        tmp_path,
        {
            "one.yaml": one,
            "all.yaml": text.replace(
                "purpose: Make services better",
                "purpose: Say in one sentence what this series is for. Make services better",
            ),
        },
    )
    result = run("render", "handouts", "overview", "-p", str(tmp_path / "one.yaml"), "-o", str(tmp_path / "one"))
    assert result.exit_code == 1
    drafts = {p for p, t in _documents(tmp_path / "one").items() if BANNER in t}
    assert drafts == {"02-experiences/handout.md", "02-experiences/handout.html", "overview.md", "overview.html"}
    handout = (tmp_path / "one/02-experiences/handout.md").read_text()
    assert "This workshop still has a 'To fill in' text from the starter plan" in handout
    assert "  workshop 2 'The Experiences of Leaving Care':\n    This workshop still has a 'To fill in' text" in (
        result.stderr
    )
    result = run("render", "handouts", "overview", "-p", str(tmp_path / "all.yaml"), "-o", str(tmp_path / "all"))
    assert result.exit_code == 1
    documents = _documents(tmp_path / "all")
    assert len(documents) == 10 and all(BANNER in t for t in documents.values())
    assert f"warning: every document says '{BANNER}':\n  The plan still has a 'To fill in' text" in result.stderr


def test_a_series_error_is_on_every_document_and_a_workshop_error_only_on_its_own():
    loaded = load_plan(CARE)
    path = ("workshops", 1)
    drafts = draft_reasons(
        loaded,
        [
            Finding(Severity.error, "series.dates", "experiences", None, path, "two on one day"),
            Finding(Severity.warning, "timing.no-break", "intro", None, path, "a warning is no reason"),
        ],
    )
    assert drafts.of_workshop("intro") == () and drafts.of_workshop("experiences") == ("Two on one day",)
    assert drafts.of_series() == ("The Experiences of Leaving Care: Two on one day",)
    series = draft_reasons(loaded, [Finding(Severity.error, "series.x", None, None, (), "the whole plan")])
    assert all(series.of_workshop(w.id) == ("The whole plan",) for w in loaded.plan.workshops)
    assert series.of_series() == ("The whole plan",)
    assert not draft_reasons(loaded, [])
