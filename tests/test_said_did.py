"""'You said, we did': one document per workshop that heard something and one for the series;
nothing written (and said so) when nothing was heard; a file the plan no longer makes does not linger."""

from __future__ import annotations

import json
import re
from pathlib import Path

from helpers import ACCESS, EXAMPLES, run, write_tree
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coprod_cli.documents.render import Renderer
from coprod_cli.plan.loader import load_plan, load_plan_text
from coprod_cli.schedule import schedule_plan

CARE = next(p for p in EXAMPLES if p.stem == "care-leavers")
ONLINE = next(p for p in EXAMPLES if p.stem == "online-engagement")
NOTHING_HEARD = "No 'You said, we did' was written: no workshop has anything under `heard:` yet."


def _files(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file() and not p.name.startswith(".")}


def _plan(heard: list[list[tuple[str, str | None]]], language: str = "en-GB") -> str:
    """A plan of one workshop per entry of `heard`, each with those (said, did) pairs."""
    lines = [f"title: Our series\nlanguage: {language}\n{ACCESS}workshops:"]
    for n, pairs in enumerate(heard):
        lines.append(f"  - {{id: w{n}, title: Workshop {n}, date: 2027-01-0{n + 1}, start: '10:00'}}")
        lines[-1] = lines[-1][:-1] + ", agenda: [{use: welcome-back}]"
        if pairs:
            items = ", ".join(f"{{said: {s}}}" if d is None else f"{{said: {s}, did: {d}}}" for s, d in pairs)
            lines[-1] += f", heard: [{items}]"
        lines[-1] += "}"
    return "\n".join(lines) + "\n"


def test_one_per_workshop_that_heard_something_and_one_for_the_series(tmp_path: Path):
    out = tmp_path / "out"
    result = run("render", "said-did", "-p", str(CARE), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    heard = ("01-intro", "02-experiences", "03-designing")  # the review has heard nothing yet
    expected = {f"{f}/you-said-we-did.{x}" for f in heard for x in ("md", "html")}
    assert _files(out) == expected | {"you-said-we-did.md", "you-said-we-did.html"}
    assert result.stderr.splitlines()[-1] == "rendered 8/8"  # the progress count is the files written
    assert NOTHING_HEARD not in result.stdout
    one = (out / "02-experiences/you-said-we-did.md").read_text()
    assert "- **Workshop:** The Experiences of Leaving Care" in one and "- **When:** Monday, 10 October 2016" in one
    assert "At this workshop you told us things. This is what we did about them." in one
    # nothing done yet: said plainly, never "We did:" with nothing after it
    assert "**You said:** I keep getting a new worker." in one
    assert "**We are still working on this.** We will tell you what happens." in one
    assert one.count("**We did:**") == 2
    series = (out / "you-said-we-did.md").read_text()
    order = [series.index(f"## {n}\\. {t}") for n, t in ((1, "An Intro"), (2, "The Exp"), (3, "Designing"))]
    assert order == sorted(order) and "## \\4." not in series
    assert (
        series.index("## What happens next") > order[-1] and "4\\. A Review of Ideas: Monday, 7 November 2016" in series
    )


def test_the_next_handout_opens_with_what_was_heard():
    loaded = load_plan(CARE)
    docs = Renderer.start(loaded, schedule_plan(loaded.plan), ("handouts",), ("md",)).render_all()
    third = next(d.content.decode() for d in docs if d.path == "03-designing/handout.md")
    said = third.index("## You said, we did")
    assert said < third.index("## What this workshop is for")
    assert "At “The Experiences of Leaving Care” you told us some things." in third
    assert third.index("**You said:** I keep getting") < third.index("**We are still working on this.**")


def test_nothing_heard_writes_nothing_and_says_so(tmp_path: Path):
    out = tmp_path / "out"
    result = run("render", "said-did", "-p", str(ONLINE), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert _files(out) == set()
    assert NOTHING_HEARD in result.stdout
    one = run("render", "said-did", "-w", "review", "-p", str(CARE), "-o", str(out))
    assert one.exit_code == 0 and _files(out) == set()
    assert "No 'You said, we did' was written for 'review': it has nothing under `heard:` yet." in one.stdout
    quiet = run("render", "said-did", "-q", "-p", str(ONLINE), "-o", str(out))
    assert quiet.exit_code == 0 and quiet.stdout == ""


def test_one_workshop_and_large_print(tmp_path: Path):
    out = tmp_path / "out"
    result = run(
        "render", "said-did", "-w", "experiences", "--large-print", "-f", "html", "-p", str(CARE), "-o", str(out)
    )
    assert result.exit_code == 0, result.stderr
    assert _files(out) == {"02-experiences/you-said-we-did.html"}  # no series document for one workshop
    assert (
        '<main class="document participant large-print">' in (out / "02-experiences/you-said-we-did.html").read_text()
    )
    run("render", "said-did", "--large-print", "-f", "html", "-p", str(CARE), "-o", str(out))
    assert "large-print" in (out / "you-said-we-did.html").read_text()


def test_a_file_the_plan_no_longer_makes_is_removed_unless_edited(tmp_path: Path):
    write_tree(tmp_path, {"p.yaml": _plan([[("Too early", "We start at 11 now")], [("More breaks", None)]])})
    plan, out = str(tmp_path / "p.yaml"), tmp_path / "out"
    assert run("render", "-p", plan, "-o", str(out)).exit_code == 0
    assert {"01-w0/you-said-we-did.md", "02-w1/you-said-we-did.html", "you-said-we-did.md"} <= _files(out)
    (out / "02-w1/you-said-we-did.md").write_text("edited by hand\n")
    # Workshop 1's `heard:` is emptied: its files go, whatever was asked for; the edited one stays, named.
    write_tree(tmp_path, {"p.yaml": _plan([[("Too early", "We start at 11 now")], []])})
    result = run("render", "handouts", "-p", plan, "-o", str(out))
    assert result.exit_code == 1
    assert not (out / "02-w1/you-said-we-did.html").exists()
    assert (out / "02-w1/you-said-we-did.md").read_text() == "edited by hand\n"
    assert re.search(r"02-w1/you-said-we-did.html +removed: the plan no longer makes it", result.stdout)
    assert "02-w1/you-said-we-did.md is out of date: the plan no longer makes it" in result.stderr
    manifest = json.loads((out / ".coprod-manifest.json").read_text())["files"]
    assert "02-w1/you-said-we-did.html" not in manifest and "01-w0/you-said-we-did.html" in manifest
    (out / "02-w1/you-said-we-did.md").unlink()
    assert run("render", "-p", plan, "-o", str(out)).exit_code == 0
    # Nothing heard anywhere: the series file goes too, and the summary says why there is none.
    write_tree(tmp_path, {"p.yaml": _plan([[], []])})
    result = run("render", "-p", plan, "-o", str(out))
    assert result.exit_code == 0 and NOTHING_HEARD in result.stdout
    assert not [f for f in _files(out) if "you-said-we-did" in f]


def test_a_file_coprod_did_not_write_is_left_alone(tmp_path: Path):
    write_tree(tmp_path, {"p.yaml": _plan([[]]), "out/01-w0/you-said-we-did.md": "our own notes\n"})
    result = run("render", "said-did", "-p", str(tmp_path / "p.yaml"), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0
    assert (tmp_path / "out/01-w0/you-said-we-did.md").read_text() == "our own notes\n"


def test_welsh_fixed_words(tmp_path: Path):
    write_tree(tmp_path, {"p.yaml": _plan([[("Rhy gynnar", None)], []], language="cy")})
    result = run("render", "said-did", "-f", "md", "-p", str(tmp_path / "p.yaml"), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.stderr
    text = (tmp_path / "out/01-w0/you-said-we-did.md").read_text()
    assert "# Fe ddywedoch chi, fe wnaethon ni" in text and "**Fe ddywedoch chi:** Rhy gynnar" in text
    assert "**Rydyn ni’n dal i weithio ar hyn.**" in text and "still working" not in text
    series = (tmp_path / "out/you-said-we-did.md").read_text()
    assert "## Beth sy’n digwydd nesaf" in series and "Workshop 1" in series


def test_completion_offers_said_did():
    from coprod_cli.cli import complete

    assert complete.documents("sa") == ["said-did"]


@st.composite
def series(draw):
    heard = draw(st.lists(st.booleans(), min_size=1, max_size=5))
    chosen = draw(st.sets(st.sampled_from(["said-did", "handouts", "paperwork", "overview", "calendar"]), min_size=1))
    formats = draw(st.sets(st.sampled_from(["md", "html"]), min_size=1))
    workshop = draw(st.none() | st.integers(0, len(heard) - 1))
    return heard, tuple(sorted(chosen)), tuple(sorted(formats)), workshop


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(series())
def test_count_files_and_retired_agree(case):
    """Whatever is asked for: the count is the files made, a 'You said, we did' is made exactly for
    the workshops in the run that heard something, and nothing made is also marked as retired."""
    heard, documents, formats, workshop = case
    loaded = load_plan_text(_plan([[(f"Said {n}", "Done")] if h else [] for n, h in enumerate(heard)]), "p.yaml")
    schedules = schedule_plan(loaded.plan)
    wid = None if workshop is None else f"w{workshop}"
    renderer = Renderer.start(loaded, schedules, documents, formats, wid)
    made = {d.path for unit in renderer.units() for d in renderer.render(unit)}
    assert renderer.count() == len(made)
    assert not made & set(renderer.retired())
    in_run = [n for n in range(len(heard)) if workshop in (None, n)]
    said = {p for p in made if "you-said-we-did" in p}
    expected = {f"{n + 1:02d}-w{n}/you-said-we-did.{f}" for n in in_run if heard[n] for f in formats}
    if workshop is None and any(heard):
        expected |= {f"you-said-we-did.{f}" for f in formats}
    assert said == (expected if "said-did" in documents else set())
    retired = {p for p in renderer.retired() if ".new." not in p and p.rpartition(".")[2] in formats}
    retired -= {p for p in retired if "/paperwork/" in p}  # paperwork a workshop does not need (test_paperwork.py)
    gone = {f"{n + 1:02d}-w{n}/you-said-we-did.{f}" for n in in_run if not heard[n] for f in formats}
    if workshop is None and not any(heard):
        gone |= {f"you-said-we-did.{f}" for f in formats}
    assert retired == gone


def test_a_users_template_can_replace_the_report_back(tmp_path: Path):
    write_tree(
        tmp_path / "tpl", {"handout.md": '{% extends "builtin/handout.md" %}{% block said_did %}OURS\n{% endblock %}'}
    )
    out, templates = tmp_path / "out", str(tmp_path / "tpl")
    only = ("handouts", "-f", "md", "-w", "experiences")
    result = run("render", *only, "-p", str(CARE), "-o", str(out), "--templates", templates)
    assert result.exit_code == 0, result.stderr
    handout = (out / "02-experiences/handout.md").read_text()
    assert "OURS" in handout and "You said:" not in handout and "## What this workshop is for" in handout
