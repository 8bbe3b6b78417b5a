"""Rendering under faults: interruptions, full disks, two renders at once, edits, renumbering."""

from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers import plan_text, run, write_tree

from coprod_cli.documents.render import Renderer
from coprod_cli.plan.loader import load_plan
from coprod_cli.schedule import schedule_plan

TWO = """title: Series
workshops:
  - {id: one, title: One, venue: Old hall, start: "10:00", agenda: [{use: welcome-and-ground-rules}]}
  - {id: two, title: Two, venue: Old hall, start: "10:00", agenda: [{use: welcome-and-ground-rules}]}
"""


def _docs(folder: Path) -> dict[str, bytes]:
    """Every document in a folder (not coprod's own bookkeeping), with its bytes."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in folder.rglob("*")
        if p.is_file() and not p.name.startswith(".coprod-")
    }


def test_edited_file_with_a_changed_plan_gets_the_new_version_beside_it(tmp_path: Path):
    plan = write_tree(tmp_path, {"coprod.yaml": TWO}) / "coprod.yaml"
    out = tmp_path / "out"
    assert run("render", "handouts", "-p", str(plan), "-o", str(out), "-f", "html").exit_code == 0
    handout = out / "01-one" / "handout.html"
    edited = handout.read_text().replace("</body>", "<p>Bring a pen</p></body>")
    handout.write_text(edited)
    plan.write_text(TWO.replace("{id: one, title: One, venue: Old hall", "{id: one, title: One, venue: New hall"))
    result = run("render", "handouts", "-p", str(plan), "-o", str(out), "-f", "html")
    assert result.exit_code == 1
    assert handout.read_text() == edited  # nothing the user edited is lost
    new = out / "01-one" / "handout.new.html"
    assert "New hall" in new.read_text() and "Bring a pen" not in new.read_text()
    warning = " ".join(result.stderr.split())
    assert str(handout) in warning and str(new) in warning
    assert "line 3 ('- {id: one, title: One, venue: New hall" in warning  # what changed in the plan
    assert not (out / "02-two" / "handout.new.html").exists()  # unedited files are simply rewritten
    again = run("render", "handouts", "-p", str(plan), "-o", str(out), "-f", "html")
    assert again.exit_code == 1 and "still waiting" in " ".join(again.stderr.split())  # until one is kept
    new.unlink()  # the user keeps their own edit
    settled = run("render", "handouts", "-p", str(plan), "-o", str(out), "-f", "html")
    assert settled.exit_code == 0 and not new.exists() and handout.read_text() == edited


def test_edited_file_is_kept_quietly_when_coprod_would_write_the_same(tmp_path: Path):
    plan = write_tree(tmp_path, {"coprod.yaml": TWO}) / "coprod.yaml"
    out = tmp_path / "out"
    run("render", "handouts", "-p", str(plan), "-o", str(out), "-f", "md")
    (out / "01-one" / "handout.md").write_text("my own words\n")
    result = run("render", "handouts", "-p", str(plan), "-o", str(out), "-f", "md")
    assert result.exit_code == 0
    assert "kept: edited" in result.stdout
    assert not (out / "01-one" / "handout.new.md").exists()


def test_a_full_disk_names_what_was_and_was_not_written_and_the_next_render_recovers(tmp_path: Path, monkeypatch):
    from coprod_cli import files
    from coprod_cli.documents import files as documents_files

    plan = write_tree(tmp_path, {"coprod.yaml": TWO}) / "coprod.yaml"
    out = tmp_path / "out"
    real = files._durable_temporary
    calls = {"n": 0}

    def fill_up(path: Path, data: bytes) -> Path:
        calls["n"] += 1
        if calls["n"] == 3:
            raise OSError(errno.ENOSPC, "No space left on device", str(path))
        return real(path, data)

    monkeypatch.setattr(documents_files, "BATCH", 2)  # the disk fills in the second batch of files
    monkeypatch.setattr(files, "_durable_temporary", fill_up)
    result = run("render", "-p", str(plan), "-o", str(out), "-f", "md")
    assert result.exit_code == 2
    assert "No space left on device" in result.stderr
    assert "written before the problem: 2 files" in result.stderr
    assert "not written:" in result.stderr and "nothing else was changed" not in result.stderr
    assert not list(out.rglob("*.coprod-tmp"))  # the first file of the failed batch was not left behind
    monkeypatch.setattr(files, "_durable_temporary", real)
    plan.write_text(TWO.replace("Old hall", "New hall"))
    again = run("render", "-p", str(plan), "-o", str(out), "-f", "md")
    assert again.exit_code == 0, again.stdout + again.stderr
    assert "kept" not in again.stdout
    assert not any(b"Old hall" in data for data in _docs(out).values())


def test_temporary_files_left_by_a_crash_are_swept(tmp_path: Path):
    plan = write_tree(tmp_path, {"coprod.yaml": TWO}) / "coprod.yaml"
    out = tmp_path / "out"
    left = write_tree(out, {"01-one/.handout.md.1a2b3c4d.coprod-tmp": b""})
    run("render", "-p", str(plan), "-o", str(out), "-f", "md")
    assert not list(left.rglob("*.coprod-tmp"))


def test_a_second_render_into_the_same_folder_waits_its_turn(tmp_path: Path):
    from coprod_cli.documents.files import locked

    plan = write_tree(tmp_path, {"coprod.yaml": TWO}) / "coprod.yaml"
    out = tmp_path / "out"
    with locked(out):
        result = run("render", "-p", str(plan), "-o", str(out), "-f", "md")
    assert result.exit_code == 2
    assert "another coprod render is writing to this folder" in result.stderr
    assert run("render", "-p", str(plan), "-o", str(out), "-f", "md").exit_code == 0


def test_renumbered_workshops_leave_named_stale_folders_that_clean_removes(tmp_path: Path):
    plan = write_tree(tmp_path, {"coprod.yaml": TWO}) / "coprod.yaml"
    out = tmp_path / "out"
    run("render", "-p", str(plan), "-o", str(out), "-f", "md")
    (out / "01-one" / "agenda.md").write_text("edited by hand\n")
    zero = '  - {id: zero, title: Zero, start: "10:00", agenda: [{use: welcome-and-ground-rules}]}\n'
    plan.write_text(TWO.replace("workshops:\n", "workshops:\n" + zero))
    result = run("render", "-p", str(plan), "-o", str(out), "-f", "md")
    warning = " ".join(result.stderr.split())
    assert "renumbered" in warning and str(out / "01-one") in warning and str(out / "02-two") in warning
    assert "02-one" not in warning and "03-two" not in warning
    assert (out / "01-one" / "handout.md").exists()  # named, not removed, without --clean
    cleaned = run("render", "-p", str(plan), "-o", str(out), "-f", "md", "--clean")
    assert cleaned.exit_code == 0
    assert not (out / "01-one" / "handout.md").exists()
    assert (out / "01-one" / "agenda.md").read_text() == "edited by hand\n"  # an edited file stays
    assert not (out / "02-two").exists()
    assert {p.name for p in out.iterdir() if p.is_dir()} == {"01-one", "01-zero", "02-one", "03-two"}


def test_output_files_follow_the_umask(tmp_path: Path):
    plan = write_tree(tmp_path, {"coprod.yaml": plan_text("- {use: welcome-and-ground-rules}")}) / "coprod.yaml"
    old = os.umask(0o022)
    try:
        run("render", "-p", str(plan), "-o", str(tmp_path / "out"), "-f", "md")
    finally:
        os.umask(old)
    assert (tmp_path / "out" / "overview.md").stat().st_mode & 0o777 == 0o644


def _series(n: int, venue: str) -> str:
    head = "title: Big series\nworkshops:\n"
    one = "  - {{id: w{i}, title: Workshop {i}, venue: {v}, start: '10:00', agenda: [{{use: exit-words}}]}}\n"
    return head + "".join(one.format(i=i, v=venue) for i in range(n))


def _interrupt(tmp_path: Path, sig: int, count: int = 300) -> tuple[Path, Path, int]:
    """Start a subprocess render of a series and send `sig` once some of its files are in place."""
    plan = write_tree(tmp_path, {"coprod.yaml": _series(count, "Old hall")}) / "coprod.yaml"
    out = tmp_path / "out"
    args = [sys.executable, "-m", "coprod_cli", "render", "handouts", "-f", "md", "-p", str(plan), "-o", str(out)]
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    try:
        while time.monotonic() < deadline and proc.poll() is None:
            if len(list(out.glob("*/handout.md"))) >= 20:
                proc.send_signal(sig)
                break
            time.sleep(0.002)
    finally:
        code = proc.wait(timeout=60)
    if len(list(out.glob("*/handout.md"))) >= count:
        pytest.skip("the render finished before it could be interrupted")
    return plan, out, code


def test_kill_9_part_way_then_a_changed_plan_leaves_no_stale_file(tmp_path: Path):
    plan, out, code = _interrupt(tmp_path, signal.SIGKILL)
    assert code == -signal.SIGKILL
    plan.write_text(_series(300, "New hall"))
    result = run("render", "handouts", "-f", "md", "-p", str(plan), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    loaded = load_plan(plan)
    fresh = Renderer.start(loaded, schedule_plan(loaded.plan), ("handouts",), ("md",)).render_all()
    assert _docs(out) == {d.path: d.content for d in fresh}  # nothing stale, nothing missing
    assert not list(out.rglob("*tmp*"))
    files = json.loads((out / ".coprod-manifest.json").read_text())["files"]
    assert len(files) == 300 and not (out / ".coprod-journal").exists()


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_stop_signal_part_way_removes_temporary_files_and_records_what_was_written(tmp_path: Path, sig: int):
    plan, out, code = _interrupt(tmp_path, sig, count=120)
    assert code == 128 + sig
    assert not list(out.rglob("*tmp*"))
    recorded = json.loads((out / ".coprod-manifest.json").read_text())["files"]
    on_disk = {p for p in _docs(out)}
    assert on_disk <= set(recorded)  # every file in the folder is known to the next render


def test_a_crash_part_way_through_a_batch_is_repaired_by_the_next_render(tmp_path: Path, monkeypatch):
    """The power goes while a batch of files is being renamed into place: every file that landed
    is already named in the fsynced journal, so the next render takes them all as coprod's own."""
    from coprod_cli.documents import files as documents_files
    from coprod_cli.documents.record import Record

    plan = write_tree(tmp_path, {"coprod.yaml": _series(40, "Old hall")}) / "coprod.yaml"
    out = tmp_path / "out"
    journal = out / ".coprod-journal"
    real_replace, renames = os.replace, {"n": 0}

    class PowerCut(BaseException):
        pass

    def replace(src: str, dst: str) -> None:
        rel = Path(dst).resolve().relative_to(out.resolve()).as_posix()
        entry = {"path": rel, "sha256": documents_files.digest(Path(src).read_bytes())}
        assert entry in [json.loads(line) for line in journal.read_text().splitlines()]  # durable first
        renames["n"] += 1
        if renames["n"] == 25:  # the middle of the second batch
            raise PowerCut
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    monkeypatch.setattr(Record, "save", lambda self, *args: None)  # nothing runs after a crash
    loaded = load_plan(plan)
    with pytest.raises(PowerCut):
        documents_files.write_documents(
            out, Renderer.start(loaded, schedule_plan(loaded.plan), ("handouts",), ("md",)).render_all()
        )
    monkeypatch.undo()
    assert (
        len(list(out.glob("*/handout.md"))) == 24 and journal.exists() and not (out / ".coprod-manifest.json").exists()
    )
    plan.write_text(_series(40, "New hall"))
    result = run("render", "handouts", "-f", "md", "-p", str(plan), "-o", str(out))
    assert result.exit_code == 0 and "kept" not in result.stdout, result.stdout + result.stderr
    loaded = load_plan(plan)
    fresh = Renderer.start(loaded, schedule_plan(loaded.plan), ("handouts",), ("md",)).render_all()
    assert _docs(out) == {d.path: d.content for d in fresh}


def test_the_journal_is_fsynced_once_a_batch_not_once_a_file(tmp_path: Path, monkeypatch):
    from coprod_cli.documents.files import BATCH

    plan = write_tree(tmp_path, {"coprod.yaml": _series(40, "Old hall")}) / "coprod.yaml"
    real_fsync, calls = os.fsync, {"n": 0}

    def fsync(fd: int) -> None:
        calls["n"] += 1
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    assert run("render", "handouts", "-f", "md", "-p", str(plan), "-o", str(tmp_path / "out")).exit_code == 0
    # Each file's data, the journal once a batch, the manifest and its folder.
    assert calls["n"] == 40 + -(-40 // BATCH) + 2


@pytest.mark.skipif(not hasattr(signal, "pthread_sigmask"), reason="signals cannot be held here")
def test_a_stop_signal_just_after_a_rename_still_records_the_file(tmp_path: Path, monkeypatch):
    """SIGTERM arriving between a file's rename and its record: the file must still be in the
    manifest (it was left out about one run in six under load, when the signal fell there)."""
    from coprod_cli.documents import files as documents_files

    plan = write_tree(tmp_path, {"coprod.yaml": _series(20, "Old hall")}) / "coprod.yaml"
    out = tmp_path / "out"
    real_replace, renames = os.replace, {"n": 0}

    def replace(src: str, dst: str) -> None:
        real_replace(src, dst)
        renames["n"] += 1
        if renames["n"] == 3:  # the stop comes the instant the third file is in place
            os.kill(os.getpid(), signal.SIGTERM)

    monkeypatch.setattr(os, "replace", replace)
    loaded = load_plan(plan)
    with pytest.raises(documents_files.WriteError) as stopped:
        documents_files.write_documents(
            out, Renderer.start(loaded, schedule_plan(loaded.plan), ("handouts",), ("md",)).render_all()
        )
    assert stopped.value.exit_code == 128 + signal.SIGTERM
    recorded = json.loads((out / ".coprod-manifest.json").read_text())["files"]
    assert len(_docs(out)) >= 3 and set(_docs(out)) <= set(recorded)
