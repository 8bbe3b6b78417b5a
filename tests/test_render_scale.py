"""Rendering at scale: files reach the disk as each is rendered, progress shows, workers help."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from helpers import EXAMPLES, run, write_tree

from coprod_cli.documents import batch
from coprod_cli.documents.files import Document, write_documents
from coprod_cli.documents.render import Renderer
from coprod_cli.plan.loader import load_plan
from coprod_cli.schedule import schedule_plan

CARE = next(p for p in EXAMPLES if p.stem == "care-leavers")


def _series(tmp_path: Path, workshops: int) -> Path:
    """The care leavers' first workshop, repeated: a long series with real content."""
    text = CARE.read_text()
    head, rest = text.split("workshops:\n", 1)
    first = "  - id: intro" + rest.split("  - id: intro", 1)[1].split("\n  - id:", 1)[0]
    copies = [
        first.replace("id: intro", f"id: w{n}", 1).replace("2016-10-03", f"2017-01-{n + 1:02d}")
        for n in range(workshops)
    ]
    plan = tmp_path / "series.yaml"
    plan.write_text(head + "workshops:\n" + "\n".join(copies) + "\n")
    return plan


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_each_batch_of_files_is_on_disk_before_the_next_is_made(tmp_path: Path):
    from coprod_cli.documents.files import BATCH

    out = tmp_path / "out"

    def documents() -> Iterator[Document]:
        for n in range(BATCH):
            yield Document(f"{n + 1:02d}-a/handout.md", b"one")
        assert (out / "01-a/handout.md").read_bytes() == b"one"  # written already: at most a batch in memory
        assert (out / f"{BATCH:02d}-a/handout.md").read_bytes() == b"one"
        yield Document("99-b/handout.md", b"two")

    assert [o.status for o in write_documents(out, documents())] == ["written"] * (BATCH + 1)
    assert (out / "99-b/handout.md").read_bytes() == b"two"


def test_stream_renders_a_workshop_only_when_asked_for(tmp_path: Path, monkeypatch):
    loaded = load_plan(_series(tmp_path, 6))
    renderer = Renderer.start(loaded, schedule_plan(loaded.plan), ("handouts",), ("md",))
    rendered: list[int] = []
    real = Renderer.render
    monkeypatch.setattr(Renderer, "render", lambda self, unit: rendered.append(unit) or real(self, unit))
    documents = batch.stream(renderer, jobs=1)
    next(documents)
    assert rendered == [0, 1]  # the first two workshops prove the template; the other four wait
    assert len(list(documents)) == 5 and rendered == [0, 1, 2, 3, 4, 5]


def test_piped_render_says_how_far_it_has_got(tmp_path: Path):
    result = run("render", "-p", str(CARE), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.stderr
    lines = result.stderr.splitlines()
    files = [p for p in (tmp_path / "out").rglob("*") if p.is_file() and not p.name.startswith(".")]
    assert len(files) > 27  # 9 documents a workshop in two formats, the series', invitations, the index
    assert lines[-1] == f"rendered {len(files)}/{len(files)}"
    assert all(line.startswith("rendered ") for line in lines)


def test_workers_write_the_same_files_as_one_process(tmp_path: Path):
    plan = _series(tmp_path, 9)
    one = run("render", "-p", str(plan), "-o", str(tmp_path / "one"), "-j", "1")
    two = run("render", "-p", str(plan), "-o", str(tmp_path / "two"), "-j", "2")
    assert one.exit_code == two.exit_code == 0, one.stderr + two.stderr
    # 9 workshops x (4 + 5 paperwork) x (md, html) (each heard something: a "You said, we did") and an
    # Easy Read (html); overview and the series' "You said, we did" x 2; calendar; 9 invitations; the index
    assert two.stderr.splitlines()[-1] == "rendered 186/186"
    assert _tree(tmp_path / "one") == _tree(tmp_path / "two")


def test_a_template_that_fails_late_leaves_every_written_file_known(tmp_path: Path):
    """A template that breaks only on the fourth workshop: the three before it are on disk
    and in the manifest, so the next render knows them as coprod's own."""
    plan = _series(tmp_path, 5)
    write_tree(tmp_path / "tpl", {"agenda.md": "{% if workshop.number == 4 %}{{ workshop.missing }}{% endif %}ok\n"})
    out = tmp_path / "out"
    result = run(
        "render",
        "agendas",
        "-f",
        "md",
        "-j",
        "1",
        "-p",
        str(plan),
        "-o",
        str(out),
        "--templates",
        str(tmp_path / "tpl"),
    )
    assert result.exit_code == 2 and "missing" in result.stderr
    manifest = json.loads((out / ".coprod-manifest.json").read_text())["files"]
    assert sorted(manifest) == ["01-w0/agenda.md", "02-w1/agenda.md", "03-w2/agenda.md"]
    again = run("render", "agendas", "-f", "md", "-p", str(plan), "-o", str(out))
    assert again.exit_code == 0 and "kept" not in again.stdout


def test_a_long_series_names_only_the_files_that_need_a_look(tmp_path: Path):
    plan, out = _series(tmp_path, 15), tmp_path / "out"
    assert run("render", "-p", str(plan), "-o", str(out)).exit_code == 0
    (out / "07-w6/handout.md").write_text("edited by hand\n")
    result = run("render", "-p", str(plan), "-o", str(out))
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].startswith(str(out / "07-w6/handout.md")) and "kept: edited" in lines[0]
    # 15 x (9 + 10 paperwork) + 4 + calendar + 15 invites + index
    assert "0 files written, 305 unchanged, 1 kept" in result.stdout
    assert len(lines) == 2


def test_only_a_users_templates_run_in_the_sandbox(tmp_path: Path):
    """Jinja's sandbox checks every attribute a template reads: the built-ins are ours and run
    without it; a folder of the user's own runs in it (the unsafe-template tests show it holds)."""
    from jinja2.sandbox import SandboxedEnvironment

    from coprod_cli.documents.writers.text import make_environment

    (tmp_path / "tpl").mkdir()
    assert not isinstance(make_environment(None, markdown=True), SandboxedEnvironment)
    assert isinstance(make_environment(tmp_path / "tpl", markdown=True), SandboxedEnvironment)
    assert isinstance(make_environment(tmp_path / "tpl", markdown=False), SandboxedEnvironment)
