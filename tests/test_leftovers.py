"""Files left from earlier renders: made from an older plan, a NAME.new.EXT no longer needed, and
why coprod's version of an edited file differs (from what that file was made from)."""

from __future__ import annotations

import hashlib
import json
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import plan_text, run, write_tree
from hypothesis import given
from hypothesis import strategies as st

from coprod_cli.documents.leftovers import origins_before
from coprod_cli.documents.origin import Origin, origin_of, origins_json, read_origins, why_different
from coprod_cli.documents.record import Record

AGENDA = "- {title: Welcome, kind: welcome, duration: 20m}"
HUB = plan_text(AGENDA, venue="Care Leavers Hub")
ROOM = plan_text(AGENDA, venue="Room 3")


def _render(tmp_path: Path, plan: str, *args: str):
    write_tree(tmp_path, {"p.yaml": plan})
    return run("render", *args, "-p", str(tmp_path / "p.yaml"), "-o", str(tmp_path / "out"))


def test_a_sibling_made_from_an_older_plan_is_removed_and_named(tmp_path: Path):
    out = tmp_path / "out"
    assert _render(tmp_path, HUB, "handouts", "-f", "md,html").exit_code == 0
    result = _render(tmp_path, ROOM, "handouts", "-f", "html")
    assert "Room 3" in (out / "01-workshop/handout.html").read_text()
    assert not (out / "01-workshop/handout.md").exists()  # it said Care Leavers Hub
    assert f"removed {out}/01-workshop/handout.md: it was made from an older plan; render with -f md" in result.stderr
    assert re.search(r"01-workshop/handout.md +removed: it was made from an older plan", result.stdout)
    assert result.exit_code == 0  # nothing stale is left in the folder
    assert "01-workshop/handout.md" not in json.loads((out / ".coprod-manifest.json").read_text())["files"]


DRAFT = plan_text(AGENDA, venue="Room 3", end="10:10")  # runs past its end: an error, so a draft


def test_a_draft_render_keeps_a_sibling_from_an_older_plan_and_names_it_as_out_of_date(tmp_path: Path):
    """The PDF of the last finished plan may still be needed while the plan is half-edited: a draft
    render keeps it but says it is not current; the first render of a ready plan removes it."""
    out = tmp_path / "out"
    md = out / "01-workshop/handout.md"
    assert _render(tmp_path, HUB, "handouts", "-f", "md,html").exit_code == 0
    finished = md.read_bytes()
    result = _render(tmp_path, DRAFT, "handouts", "-f", "html")
    assert result.exit_code == 1 and "Draft: not ready to hand out" in (out / "01-workshop/handout.html").read_text()
    assert md.read_bytes() == finished  # not lost
    assert (
        f"warning: {md} was made from an older plan, so it no longer matches the plan; it was kept because "
        "this render is a draft: the next render of a ready plan replaces or removes it (or delete it)"
    ) in result.stderr
    assert re.search(
        r"01-workshop/handout.md +kept: it was made from an older plan; this render is a draft", result.stdout
    )
    assert "1 stale (see below)" in result.stdout
    assert _render(tmp_path, DRAFT, "handouts", "-f", "html", "--clean").exit_code == 1  # asked for: removed
    assert not md.exists()


def test_a_draft_render_keeps_what_the_plan_no_longer_makes_and_names_it(tmp_path: Path):
    out = tmp_path / "out"
    heard = plan_text(AGENDA, venue="Care Leavers Hub", heard="[{said: Too many forms, did: One form now}]")
    said = out / "01-workshop/you-said-we-did.md"
    assert _render(tmp_path, heard, "said-did", "-f", "md").exit_code == 0 and said.exists()
    result = _render(tmp_path, DRAFT, "said-did", "-f", "md")
    assert result.exit_code == 1 and said.exists()
    assert (
        f"warning: {said} is one the plan no longer makes, so it no longer matches the plan; it was kept"
        in result.stderr
    )
    assert _render(tmp_path, ROOM, "said-did", "-f", "md").exit_code == 0 and not said.exists()


def test_many_files_a_draft_render_kept_are_named_in_one_line():
    from coprod_cli.documents.leftovers import older_warnings
    from coprod_cli.documents.record import Outcome

    kept = [Outcome(f"{n:02d}-w/handout.pdf", "draft-kept", "was made from an older plan") for n in range(1, 9)]
    lines = older_warnings(Path("out"), kept)
    assert lines == [
        "warning: 8 files in out/ no longer match the plan (in 01-w/, 02-w/, 03-w/, 04-w/, 05-w/ and more); they "
        "were kept because this render is a draft: the next render of a ready plan replaces or removes them "
        "(or delete them)"
    ]


def test_an_edited_sibling_from_an_older_plan_is_kept_named_and_exit_1(tmp_path: Path):
    out = tmp_path / "out"
    assert _render(tmp_path, HUB, "handouts", "-f", "md,html").exit_code == 0
    md = out / "01-workshop/handout.md"
    md.write_text(md.read_text() + "\nBring a friend.\n")
    result = _render(tmp_path, ROOM, "handouts", "-f", "html")
    assert result.exit_code == 1
    assert "Bring a friend." in md.read_text()
    assert f"{md} was made from an older plan and was edited by hand, so it was kept" in result.stderr
    # Once it is gone, the same render is clean.
    md.unlink()
    assert _render(tmp_path, ROOM, "handouts", "-f", "html").exit_code == 0


def test_a_sibling_is_current_when_its_format_came_out_the_same(tmp_path: Path):
    out = tmp_path / "out"
    assert _render(tmp_path, HUB, "handouts", "-f", "md,html").exit_code == 0
    result = _render(tmp_path, "# a comment changes the plan's text, not the handout\n" + HUB, "handouts", "-f", "html")
    assert (out / "01-workshop/handout.md").exists()
    assert "handout.md" not in result.stderr and result.exit_code == 0
    made_from = Record(out).made_from
    assert made_from["01-workshop/handout.md"] == made_from["01-workshop/handout.html"]


def test_other_documents_from_an_older_plan_are_named_and_clean_removes_them(tmp_path: Path):
    out = tmp_path / "out"
    assert _render(tmp_path, HUB, "handouts", "agendas", "-f", "md").exit_code == 0
    result = _render(tmp_path, ROOM, "handouts", "-f", "md")
    assert result.exit_code == 0  # not a document this render made: named, not an error
    assert (out / "01-workshop/agenda.md").exists()
    assert (
        f"warning: {out}/01-workshop/agenda.md was made from an older plan: render with -f md to update it, "
        "or delete it" in result.stderr
    )
    assert "1 stale (see below)" in result.stdout
    result = _render(tmp_path, ROOM, "handouts", "-f", "md", "--clean")
    assert not (out / "01-workshop/agenda.md").exists()
    assert "agenda.md: it was made from an older plan" in result.stderr


def test_a_manifest_from_before_origins_says_nothing_false(tmp_path: Path):
    out = tmp_path / "out"
    assert _render(tmp_path, HUB, "handouts", "-f", "md,html").exit_code == 0
    manifest = out / ".coprod-manifest.json"
    old = json.loads(manifest.read_text())
    manifest.write_text(json.dumps({"about": old["about"], "files": old["files"], "plan_lines": []}))
    result = _render(tmp_path, ROOM, "handouts", "-f", "html")
    assert result.exit_code == 0 and (out / "01-workshop/handout.md").exists()  # of unknown origin: left
    assert "handout.md" not in result.stdout + result.stderr
    made_from = Record(out).made_from  # the new file's origin is kept; the old one's stays unknown
    assert "01-workshop/handout.html" in made_from and "01-workshop/handout.md" not in made_from


def test_the_reason_for_a_new_version_is_what_the_edited_file_was_made_from(tmp_path: Path):
    out = tmp_path / "out"
    assert _render(tmp_path, HUB, "handouts", "agendas", "-f", "html").exit_code == 0
    handout = out / "01-workshop/handout.html"
    handout.write_text(handout.read_text().replace("</main>", "<p>Bring a friend.</p></main>"))
    # The venue changes, and a render of other documents comes between: the handout is still from the Hub.
    assert _render(tmp_path, ROOM, "agendas", "-f", "html").exit_code == 0
    result = _render(tmp_path, ROOM, "handouts", "-f", "html")
    assert result.exit_code == 1
    line = 1 + ROOM.splitlines().index("    venue: Room 3")
    assert f"(the plan changed at line {line} ('venue: Room 3'))" in result.stderr
    assert "templates or coprod changed" not in result.stderr


@pytest.mark.parametrize("merged", [False, True], ids=["unedited", "edited"])
def test_a_new_version_beside_goes_once_the_file_is_coprods_again_unless_edited(tmp_path: Path, merged: bool):
    out = tmp_path / "out"
    assert _render(tmp_path, HUB, "handouts", "-f", "html").exit_code == 0
    handout, new = out / "01-workshop/handout.html", out / "01-workshop/handout.new.html"
    handout.write_text("edited by hand\n")
    assert _render(tmp_path, ROOM, "handouts", "-f", "html").exit_code == 1
    assert new.exists()
    if merged:
        new.write_text("merged by hand\n")
    handout.unlink()  # as the warning says: keep one
    result = _render(tmp_path, ROOM, "handouts", "-f", "html")
    assert result.exit_code == 0 and "Room 3" in handout.read_text()
    if merged:  # someone's work: theirs to delete
        assert new.read_text() == "merged by hand\n"
        return
    assert not new.exists()
    assert re.search(r"handout.new.html +removed: no longer needed", result.stdout)
    assert "01-workshop/handout.new.html" not in json.loads((out / ".coprod-manifest.json").read_text())["files"]


def test_a_file_from_a_killed_render_is_of_unknown_origin(tmp_path: Path):
    out, handout = tmp_path / "out", tmp_path / "out/01-workshop/handout.md"
    assert _render(tmp_path, HUB, "handouts", "-f", "md,html").exit_code == 0
    # A render of Room 3 in md was killed (kill -9) after writing the handout: only the journal knows it,
    # a journal from before it named origins, so what the handout was made from is not known.
    assert _render(tmp_path / "other", ROOM, "handouts", "-f", "md").exit_code == 0
    handout.write_bytes((tmp_path / "other/out/01-workshop/handout.md").read_bytes())
    sha = hashlib.sha256(handout.read_bytes()).hexdigest()
    (out / ".coprod-journal").write_text(json.dumps({"path": "01-workshop/handout.md", "sha256": sha}) + "\n")
    result = _render(tmp_path, ROOM, "handouts", "-f", "html")
    assert result.exit_code == 0 and "Room 3" in handout.read_text()  # not named as from an older plan
    assert "handout.md" not in result.stdout + result.stderr


KILLED_AT_THE_MANIFEST = """
import os, signal, sys
from coprod_cli.documents.record import Record
Record.save = lambda self: os.kill(os.getpid(), signal.SIGKILL)  # every file is in place, the manifest is not
from coprod_cli.cli import app
app(sys.argv[1:])
"""


def test_the_journal_says_what_a_killed_render_made_its_files_from(tmp_path: Path):
    """kill -9 after the files went into place but before the manifest: the journal alone knows the
    new handout.md, and what it was made from, so a later plan's render does not take it for current."""
    out, md = tmp_path / "out", tmp_path / "out/01-workshop/handout.md"
    assert _render(tmp_path, HUB, "handouts", "-f", "md,html").exit_code == 0
    write_tree(tmp_path, {"p.yaml": ROOM})
    args = ["render", "handouts", "-f", "md", "-j", "1", "-p", str(tmp_path / "p.yaml"), "-o", str(out)]
    killed = subprocess.run([sys.executable, "-c", KILLED_AT_THE_MANIFEST, *args], capture_output=True, timeout=60)
    assert killed.returncode == -signal.SIGKILL and "Room 3" in md.read_text()
    now = hashlib.sha256(md.read_bytes()).hexdigest()
    assert (out / ".coprod-journal").exists() and Record(out).last["01-workshop/handout.md"] != now
    record = Record(out)
    origins_before(record)
    assert record.made_from["01-workshop/handout.md"] == origin_of(ROOM).key  # known, though no manifest says so
    assert record.made_from["01-workshop/handout.html"] == origin_of(HUB).key
    result = _render(tmp_path, plan_text(AGENDA, venue="Hall B"), "handouts", "-f", "html")
    assert f"removed {md}: it was made from an older plan" in result.stderr and not md.exists()
    assert result.exit_code == 0 and not (out / ".coprod-journal").exists()


@given(st.lists(st.text(max_size=12), max_size=6), st.lists(st.text(max_size=12), max_size=6), st.booleans())
def test_an_origin_reads_back_and_says_only_what_differs(before: list[str], now: list[str], large: bool):
    old = origin_of("\n".join(before))
    new = origin_of("\n".join(now), large_print=large)
    assert Origin.from_json(json.loads(json.dumps(old.to_json()))) == old
    lines = "\n".join(now).splitlines()
    why = why_different(old, new, lines)
    assert ("the plan changed at" in why) == (old.plan != new.plan)
    assert ("large print was turned on" in why) == large
    assert (why == "") == (old.key == new.key)
    assert why_different(None, new, lines) == ""  # of unknown origin: nothing said


@given(st.dictionaries(st.text(min_size=1, max_size=8), st.sampled_from([None, "a", "b"]), max_size=8))
def test_what_each_file_was_made_from_reads_back_from_the_manifest(made: dict[str, str | None]):
    origins = {o.key: o for o in (origin_of("venue: Room 3"), origin_of("venue: Hub"))}
    named = dict(zip("ab", origins, strict=True))
    keys = {rel: named[k] for rel, k in made.items() if k}
    part = origins_json(made, keys, origins)
    stored = json.loads(json.dumps({"files": dict.fromkeys(made, "0"), **part}))
    assert read_origins(stored)[0] == keys  # a file of unknown origin stays unknown
    assert len(part["made_from"]) <= len(made) // 2 + len(made) % 2 + sum(k is None for k in made.values())
