"""Rendering: layout, golden files, escaping, audience separation, templates, manifest, atomicity."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from helpers import EXAMPLES, ROOT, run, write_tree
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coprod_cli.documents.files import Document, write_documents
from coprod_cli.documents.render import Renderer
from coprod_cli.errors import RenderError
from coprod_cli.plan.loader import load_plan, load_plan_text
from coprod_cli.schedule import schedule_plan

GOLDEN = ROOT / "tests" / "golden"
CARE = next(p for p in EXAMPLES if p.stem == "care-leavers")
PER_WORKSHOP = ["agenda", "facilitator-script", "handout"]


def _files(folder: Path) -> set[str]:
    """Every file but the lock, which stays so that two renders can wait for each other."""
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file() and p.name != ".coprod-lock"}


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_render_writes_every_document(example: Path, tmp_path: Path):
    result = run("render", "-p", str(example), "-o", str(tmp_path))
    assert result.exit_code == 0, result.stderr
    plan = load_plan(example).plan
    expected = {"overview.md", "overview.html", "calendar.ics", "index.html", ".coprod-manifest.json"}
    for n, w in enumerate(plan.workshops, start=1):
        expected |= {f"{n:02d}-{w.id}/{doc}.{fmt}" for doc in PER_WORKSHOP for fmt in ("md", "html")}
        if w.date is not None:
            expected.add(f"{n:02d}-{w.id}/invite.ics")
        expected.add(f"{n:02d}-{w.id}/easy-read.html")  # Easy Read has no Markdown: a point is its picture too
        if w.heard:  # "You said, we did" only where something was heard
            expected |= {f"{n:02d}-{w.id}/you-said-we-did.{fmt}" for fmt in ("md", "html")}
        paid = any(g.thanks and g.thanks.amount for g in plan.participants)
        paperwork = ["feedback-form"] + ["consent-form"] * (plan.consent is not None)
        if w.mode != "online":  # nothing to print for an online workshop but the forms
            paperwork += ["sign-in-sheet", "name-badges"] + ["receipts"] * paid
        expected |= {f"{n:02d}-{w.id}/paperwork/{doc}.{fmt}" for doc in paperwork for fmt in ("md", "html")}
    if any(w.heard for w in plan.workshops):
        expected |= {"you-said-we-did.md", "you-said-we-did.html"}
    assert _files(tmp_path) == expected


def test_render_handouts_only(tmp_path: Path):
    result = run("render", "handouts", "-p", str(CARE), "-o", str(tmp_path), "--format", "md")
    assert result.exit_code == 0
    assert _files(tmp_path) == {".coprod-manifest.json"} | {
        f"{f}/handout.md" for f in ("01-intro", "02-experiences", "03-designing", "04-review")
    }


def test_render_one_workshop(tmp_path: Path):
    result = run("render", "scripts", "calendar", "-w", "review", "-p", str(CARE), "-o", str(tmp_path))
    assert result.exit_code == 0
    assert _files(tmp_path) == {
        ".coprod-manifest.json",
        "calendar.ics",
        "04-review/invite.ics",
        "04-review/facilitator-script.md",
        "04-review/facilitator-script.html",
    }


@pytest.mark.parametrize(
    "args, message",
    [
        (["render", "handout"], "there is no 'handout' document; did you mean 'handouts'?"),
        (["render", "-f", "htm"], "there is no 'htm' format; did you mean 'html'?"),
        (["render", "-w", "reveiw"], "there is no workshop 'reveiw'; did you mean 'review'?"),
        (["render", "--templates", "/no/such/folder"], "there is no such templates folder"),
    ],
)
def test_render_usage_errors(args: list[str], message: str, tmp_path: Path):
    result = run(*args, "-p", str(CARE), "-o", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert message in result.stderr
    assert not (tmp_path / "out").exists()


# ---------------------------------------------------------------- golden files


def _golden_cases():
    yield from EXAMPLES


STYLE = re.compile(r"<style>\n(.*?)</style>", re.DOTALL)


def _golden_text(rel: str, text: str, styles: set[str]) -> str:
    """An HTML document with its stylesheet taken out: the stylesheet is one golden of its own."""
    if not rel.endswith(".html") or rel == "index.html":  # the index has a stylesheet of its own
        return text
    found = STYLE.search(text)
    assert found, f"{rel} has no inline stylesheet"
    styles.add(found.group(1))
    return STYLE.sub("<style>/* tests/golden/style.css */</style>", text)


@pytest.mark.parametrize("example", list(_golden_cases()), ids=lambda p: p.stem)
def test_golden_documents(example: Path, tmp_path: Path, monkeypatch):
    """Rendered examples are pinned; set COPROD_UPDATE_GOLDEN=1 to accept a reviewed change."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert run("render", "-p", str(example), "-o", str(tmp_path)).exit_code == 0
    golden = GOLDEN / example.stem
    rendered = {p for p in _files(tmp_path) if not p.startswith(".")}
    styles: set[str] = set()
    texts = {rel: _golden_text(rel, (tmp_path / rel).read_text(), styles) for rel in rendered}
    assert len(styles) == 1, "every HTML document carries the same stylesheet"
    if os.environ.get("COPROD_UPDATE_GOLDEN"):
        for rel, text in texts.items():
            target = golden / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text)
        (GOLDEN / "style.css").write_text(styles.pop())
        return
    assert _files(golden) == rendered
    assert styles.pop() == (GOLDEN / "style.css").read_text(), "the stylesheet differs from tests/golden/style.css"
    for rel in sorted(rendered):
        assert texts[rel] == (golden / rel).read_text(), f"{rel} differs from its golden file"


# ---------------------------------------------------------------- escaping and audiences

NASTY = '<script>alert(1)</script> {{ 7*7 }} {% for x in y %}{% endfor %} & "quotes"'


def _nasty_plan() -> str:
    q = NASTY.replace("\\", "\\\\").replace('"', '\\"')
    v = f'"{q}"'
    return f"""
title: {v}
organiser: {v}
purpose: {v}
challenge: {v}
contact: {v}
ground_rules: [{v}]
glossary: {{{v}: {v}}}
facilitators: [{{name: {v}, role: {v}}}]
participants: [{{group: {v}, count: 2}}]
workshops:
  - id: w1
    title: {v}
    date: 2026-10-01
    start: 10:00
    end: 12:00
    venue: {v}
    access: {v}
    mode: hybrid
    links: {{{v}: {v}}}
    goals: [{v}]
    prepare: [{v}]
    homework: {v}
    agenda:
      - title: {v}
        kind: welcome
        duration: 30m
        groups: {v}
        lead: {v}
        materials: [{v}]
        say: {v}
        steps: [{{do: {v}, duration: 10m}}]
        notes: {v}
        handout: {v}
        online: {v}
      - title: Split
        tracks:
          - group: {v}
            where: {v}
            lead: {v}
            agenda: [{{title: {v}, duration: 20m, handout: {v}, say: {v}}}]
      - use: exit-words
  - title: Second
    homework: x
    agenda: [{{use: homework-review}}]
"""


def test_plan_text_is_escaped_and_never_evaluated(tmp_path: Path):
    write_tree(tmp_path, {"p.yaml": _nasty_plan()})
    result = run("render", "-p", str(tmp_path / "p.yaml"), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.stderr
    for path in (tmp_path / "out").rglob("*.html"):
        html = path.read_text()
        assert "<script>" not in html, path
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html, path
        assert "{{ 7*7 }}" in html and "{% for x in y %}" in html, path
        assert "49" not in STYLE.sub("", html).replace("1700000000", ""), path
    for path in (tmp_path / "out").rglob("*.md"):
        text = path.read_text()
        assert "<script>" not in text and "\\<script\\>" in text, path
        assert "{{ 7\\*7 }}" in text and "49" not in text, path  # the * is escaped Markdown, not evaluated


FACILITATOR_ONLY = ("notes", "say", "online", "lead", "steps", "prepare")
tokens = st.from_regex(r"\AZq[a-z]{10}\Z")


@st.composite
def secret_plans(draw):
    """A plan where every facilitator-only field holds a unique secret token."""
    secrets: list[str] = []

    def secret() -> str:
        token = draw(tokens.filter(lambda t: t not in secrets))
        secrets.append(token)
        return token

    workshops = []
    for w in range(draw(st.integers(1, 3))):
        items = []
        for _ in range(draw(st.integers(1, 4))):
            item = {
                "title": f"Item {len(items)}",
                "duration": draw(st.integers(5, 40)),
                "handout": "Plain words",
                "kind": draw(st.sampled_from(["welcome", "exercise", "feedback"])),
            }
            for name in draw(st.lists(st.sampled_from(FACILITATOR_ONLY[:4]), unique=True)):
                item[name] = secret()
            if draw(st.booleans()):
                item["steps"] = [{"do": secret(), "duration": 5}]
            if draw(st.booleans()):
                item["use"] = draw(st.sampled_from(["dot-voting", "journey-map", "exit-words"]))
            item["sensitive"] = draw(st.booleans())  # notes on a sensitive item stay facilitator-only
            items.append(item)
        workshop = {
            "title": f"Workshop {w}",
            "start": "10:00",
            "mode": draw(st.sampled_from(["in-person", "online"])),
            "prepare": [secret()],
            "agenda": items,
            "sensitive": draw(st.booleans()),
            "content_note": f"Zcontentnote{w}",
        }
        if draw(st.booleans()):  # what people said and what was done is for participants: it is printed
            workshop["heard"] = [{"said": f"Zsaid{w}", "did": draw(st.sampled_from([None, f"Zdid{w}"]))}]
        workshops.append(workshop)
    # The support contact is participant-facing: every handout names them.
    support = [{"name": "Zsupportname", "phone": "07700 900123"}]
    # Consent and a paid group, so that every paperwork document is made too.
    consent = {"photos": "ask", "recording": "yes", "opt_out": "Tell Zsupportname"}
    people = [{"group": "Young people", "count": 5, "lived_experience": True, "thanks": "£20 voucher"}]
    plan = {"title": "Series", "support": support, "consent": consent, "participants": people}
    return {**plan, "workshops": workshops}, secrets


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(secret_plans())
def test_no_facilitator_text_reaches_participant_documents(case):
    import json

    data, secrets = case
    loaded = load_plan_text(json.dumps(data), "p.yaml")
    chosen = ("handouts", "agendas", "paperwork", "overview", "said-did", "calendar")
    docs = Renderer.start(loaded, schedule_plan(loaded.plan), chosen).render_all()
    heard = [n for n, w in enumerate(data["workshops"]) if "heard" in w]
    said = {d.path for d in docs if "you-said-we-did" in d.path}
    assert len(said) == 2 * (len(heard) + bool(heard))  # md and html of each that heard something, and the series
    assert any(d.path.endswith("/paperwork/consent-form.md") for d in docs)
    library_texts = []
    for w in loaded.plan.workshops:
        for item in w.agenda:
            how = item.online.how if item.online else None
            library_texts += [item.notes or "", item.say or "", how or ""]
            library_texts += [s.do for s in item.steps]
    for doc in docs:
        text = doc.content.decode()
        for token in secrets:
            assert token not in text, (doc.path, token)
        if "you-said-we-did" in doc.path:  # the workshop's own, or every workshop's in the series one
            number = int(doc.path[:2]) - 1 if "/" in doc.path else heard[0]
            assert f"Zsaid{number}" in text, doc.path
        if "/handout." in doc.path:
            number = int(doc.path[:2]) - 1
            assert "Zsupportname" in text and "07700 900123" in text, doc.path
            assert f"Zcontentnote{number}" in text, doc.path
        for fragment in library_texts:
            if len(fragment) > 25:  # facilitator words from the library stay out too
                assert fragment[:25] not in text.replace("\\", ""), (doc.path, fragment)
    scripts = Renderer.start(loaded, schedule_plan(loaded.plan), ("scripts",), ("md",)).render_all()
    script_text = "".join(d.content.decode() for d in scripts)
    shown = [t for t in secrets if t in script_text]
    online_only = {i.get("online") for w in data["workshops"] if w["mode"] == "in-person" for i in w["agenda"]}
    assert set(secrets) - set(shown) <= online_only  # online tips show only for online sessions


# ---------------------------------------------------------------- templates


def test_user_template_is_searched_first(tmp_path: Path):
    write_tree(tmp_path / "tpl", {"agenda.md": "MY AGENDA {{ workshop.title }}\n"})
    result = run(
        "render",
        "agendas",
        "handouts",
        "-f",
        "md",
        "-p",
        str(CARE),
        "-o",
        str(tmp_path / "out"),
        "--templates",
        str(tmp_path / "tpl"),
    )
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "out/01-intro/agenda.md").read_text() == "MY AGENDA An Introduction to Service Design\n"
    assert "## What will happen" in (tmp_path / "out/01-intro/handout.md").read_text()  # the built-in


def test_user_base_block_override_reaches_every_document(tmp_path: Path):
    base = (ROOT / "src/coprod_cli/documents/templates/base.html").read_text()
    custom = base.replace("{% block footer_text %}", "{% block footer_text %}OUR CHARITY · ")
    write_tree(tmp_path / "tpl", {"base.html": custom})
    run("render", "-f", "html", "-p", str(CARE), "-o", str(tmp_path / "out"), "--templates", str(tmp_path / "tpl"))
    assert "OUR CHARITY · " in (tmp_path / "out/01-intro/handout.html").read_text()
    assert "OUR CHARITY · " in (tmp_path / "out/overview.html").read_text()


@pytest.mark.parametrize(
    "template, message",
    [
        ("{{ ''.__class__.__mro__[1].__subclasses__() }}", "tried something unsafe"),
        ("{{ series.__init__.__globals__ }}", "tried something unsafe"),
        ("{{ workshop.no_such_field }}", "template error"),
        ("{% if %}", "template error"),
    ],
)
def test_bad_user_templates_fail_cleanly(template: str, message: str, tmp_path: Path):
    write_tree(tmp_path / "tpl", {"agenda.md": template})
    result = run(
        "render",
        "agendas",
        "-f",
        "md",
        "-p",
        str(CARE),
        "-o",
        str(tmp_path / "out"),
        "--templates",
        str(tmp_path / "tpl"),
    )
    assert result.exit_code == 2
    assert message in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


# ---------------------------------------------------------------- manifest and atomic writes


def test_edited_file_is_kept_unless_forced(tmp_path: Path):
    out = tmp_path / "out"
    assert run("render", "-p", str(CARE), "-o", str(out)).exit_code == 0
    handout = out / "01-intro" / "handout.md"
    handout.write_text(handout.read_text() + "\nBring your own mug!\n")
    result = run("render", "-p", str(CARE), "-o", str(out))
    assert result.exit_code == 0
    assert "Bring your own mug!" in handout.read_text()
    assert "kept: edited since coprod wrote it" in result.stdout
    assert "1 kept (use --force to overwrite them)" in result.stdout
    assert "0 files written, 83 unchanged" in result.stdout  # 43, and 4 x 5 paperwork x 2 formats
    result = run("render", "-p", str(CARE), "-o", str(out), "--force")
    assert "Bring your own mug!" not in handout.read_text()
    assert "overwritten (--force)" in result.stdout


def test_file_coprod_did_not_write_is_kept(tmp_path: Path):
    out = tmp_path / "out"
    write_tree(out, {"overview.md": "my own notes\n"})
    result = run("render", "overview", "-f", "md", "-p", str(CARE), "-o", str(out))
    assert (out / "overview.md").read_text() == "my own notes\n"
    assert "kept: not written by coprod" in result.stdout


def test_failed_render_leaves_previous_output_intact(tmp_path: Path):
    out = tmp_path / "out"
    assert run("render", "-p", str(CARE), "-o", str(out)).exit_code == 0
    before = {p: (out / p).read_bytes() for p in _files(out)}
    # The overview renders last: every workshop document before it would already be done.
    write_tree(tmp_path / "tpl", {"overview.html": "{{ series.missing }}"})
    changed = tmp_path / "changed.yaml"
    changed.write_text(CARE.read_text().replace("Care Leavers Hub", "New Hub"))
    result = run("render", "-p", str(changed), "-o", str(out), "--templates", str(tmp_path / "tpl"))
    assert result.exit_code == 2
    assert {p: (out / p).read_bytes() for p in _files(out)} == before
    assert not [p for p in out.rglob("*.tmp")]


def test_paths_cannot_leave_the_output_folder(tmp_path: Path):
    with pytest.raises(RenderError, match="outside the output folder"):
        write_documents(tmp_path / "out", [Document("../escaped.md", b"x")])
    with pytest.raises(RenderError, match="outside the output folder"):
        write_documents(tmp_path / "out", [Document("/etc/passwd", b"x")])
    assert not (tmp_path / "escaped.md").exists()


# ---------------------------------------------------------------- calendar


def test_calendar_events_zone_and_stable_uids(tmp_path: Path):
    from icalendar import Calendar

    run("render", "calendar", "-p", str(CARE), "-o", str(tmp_path / "a"))
    edited = tmp_path / "edited.yaml"
    edited.write_text(CARE.read_text().replace("start: 10:00\n    end: 13:30", "start: 9:30\n    end: 13:30", 1))
    run("render", "calendar", "-p", str(edited), "-o", str(tmp_path / "b"))
    first = Calendar.from_ical((tmp_path / "a" / "calendar.ics").read_bytes())
    second = Calendar.from_ical((tmp_path / "b" / "calendar.ics").read_bytes())
    events = first.walk("VEVENT")
    assert len(events) == 4
    assert [str(e["uid"]) for e in events] == [str(e["uid"]) for e in second.walk("VEVENT")]
    start = events[0].decoded("dtstart")
    assert (start.isoformat(), str(start.tzinfo)) == ("2016-10-03T10:00:00+01:00", "Europe/London")
    assert events[0].decoded("dtend").isoformat() == "2016-10-03T13:30:00+01:00"
    assert second.walk("VEVENT")[0].decoded("dtstart").isoformat() == "2016-10-03T09:30:00+01:00"
    assert first.walk("VTIMEZONE")


def test_only_safe_links_become_links(tmp_path: Path):
    plan = (
        "title: T\nworkshops:\n  - title: W\n    mode: online\n    links:\n"
        '      Zoom: https://zoom.example/j/1\n      Bad: "javascript:alert(1)"\n      Data: "data:text/html,x"\n'
        "    agenda: [{use: welcome-and-ground-rules}, {use: exit-words}]\n"
    )
    write_tree(tmp_path, {"p.yaml": plan})
    assert run("render", "-f", "html", "-p", str(tmp_path / "p.yaml"), "-o", str(tmp_path / "out")).exit_code == 0
    for path in (tmp_path / "out").rglob("*.html"):
        html = path.read_text()
        assert 'href="javascript' not in html and 'href="data:' not in html, path
    handout = (tmp_path / "out" / "01-w" / "handout.html").read_text()
    assert '<a href="https://zoom.example/j/1">' in handout and "javascript:alert(1)" in handout


@pytest.mark.parametrize("fmt", ["html", "md"])
def test_a_base_template_written_for_the_jinja_blocks_still_renders(tmp_path: Path, fmt: str):
    """A user's copy of base.html from before the blocks were laid out in Python imports blocks.html."""
    base = (
        f'{{% import "blocks.{fmt}" as m %}}START {{{{ m.banner(doc) }}}}'
        "{% for s in doc.sections %}{{ m.section(s, 2) }}{% endfor %}{{ m.block(doc.facts, 2) }} END"
    )
    write_tree(tmp_path / "tpl", {f"base.{fmt}": base})
    only = ("handouts", "-f", fmt, "-w", "intro", "-p", str(CARE), "-o", str(tmp_path / "out"))
    result = run("render", *only, "--templates", str(tmp_path / "tpl"))
    assert result.exit_code == 0, result.stderr
    text = (tmp_path / "out" / "01-intro" / f"handout.{fmt}").read_text()
    assert text.startswith("START") and text.rstrip().endswith("END")
    assert ("<h2>What will happen</h2>" if fmt == "html" else "## What will happen") in text
    assert "Care Leavers Hub" in text  # the facts block


def test_user_template_can_replace_one_block_of_a_builtin(tmp_path: Path):
    write_tree(
        tmp_path / "tpl",
        {
            "handout.md": '{% extends "builtin/handout.md" %}{% block ground_rules %}## Our promise\n\nBe kind.\n\n'
            "{% endblock %}"
        },
    )
    result = run(
        "render",
        "handouts",
        "-f",
        "md",
        "-w",
        "intro",
        "-p",
        str(CARE),
        "-o",
        str(tmp_path / "out"),
        "--templates",
        str(tmp_path / "tpl"),
    )
    assert result.exit_code == 0, result.stderr
    text = (tmp_path / "out" / "01-intro" / "handout.md").read_text()
    assert "## Our promise" in text and "## How we work together" not in text
    assert "## What will happen" in text  # every other block is the built-in one


def test_unwritable_output_folder_is_exit_2(tmp_path: Path, monkeypatch):
    def refuse(path, data):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr("coprod_cli.files._durable_temporary", refuse)
    result = run("render", "-p", str(CARE), "-o", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert "could not write this (Permission denied)" in result.stderr
    assert "Traceback" not in result.stderr


def test_output_path_that_is_a_file_is_exit_2(tmp_path: Path):
    write_tree(tmp_path, {"out": "I am a file"})
    result = run("render", "-p", str(CARE), "-o", str(tmp_path / "out"))
    assert result.exit_code == 2 and "is a file, not a folder" in result.stderr
    assert (tmp_path / "out").read_text() == "I am a file"


# ---------------------------------------------------------------- draft banner


def test_docx_carries_the_draft_banner_too():
    docx = pytest.importorskip("docx")
    import io

    from coprod_cli.documents.render import build_models
    from coprod_cli.documents.writers.docx import build_docx

    loaded = load_plan(CARE)
    _, model, _ = next(build_models(loaded, schedule_plan(loaded.plan), ("handouts",)))
    from dataclasses import replace

    document = docx.Document(io.BytesIO(build_docx(replace(model, banner=("Intro: ends late",)))))
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == "Draft: not ready to hand out" and "Intro: ends late" in texts
