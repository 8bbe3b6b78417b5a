"""The shell: finding the plan as git finds a repository, completion, -q, --version, safe crashes."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from helpers import EXAMPLES, ROOT, run, write_tree
from typer.testing import CliRunner

from coprod_cli.cli import app

CARE = next(p for p in EXAMPLES if p.stem == "care-leavers")


@pytest.fixture
def series(tmp_path: Path, monkeypatch) -> Path:
    """A plan at the top of a folder tree; the test runs two folders below it."""
    write_tree(tmp_path, {"coprod.yaml": CARE.read_text(), "notes/day-one/.keep": ""})
    monkeypatch.chdir(tmp_path / "notes" / "day-one")
    return tmp_path


def test_the_plan_is_found_in_a_folder_above(series: Path):
    result = run("check", "-q")
    assert result.exit_code == 0, result.stderr
    result = run("check", "--strict", "-q")  # notes are not problems; warnings would be
    assert result.exit_code == 0
    result = run("check", "-f", "json")
    assert '"plan": "../../coprod.yaml"' in result.stdout


def test_new_workshop_adds_to_the_plan_found_above(series: Path):
    result = run("new", "workshop", "--title", "One more")
    assert result.exit_code == 0, result.stderr
    assert "One more" in (series / "coprod.yaml").read_text()


def test_no_plan_anywhere_is_one_line_that_suggests_new_series(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for args in (["check"], ["render"], ["new", "workshop", "--title", "X"], ["schema", "--write"]):
        result = run(*args)
        assert result.exit_code == 2, args
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and "coprod new series" in lines[0], result.stderr
        assert not re.search(r":\d+:\d+:", lines[0])  # no made-up position


def test_a_missing_plan_named_with_p_has_no_made_up_position(tmp_path: Path):
    result = run("check", "-p", str(tmp_path / "nope.yaml"))
    assert result.exit_code == 2
    assert result.stderr.strip() == f"{tmp_path / 'nope.yaml'}: there is no plan here; create one with " + (
        "`coprod new series` or name another with -p FILE"
    )


def _complete(words: str) -> list[str]:
    env = {"_COPROD_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": str(len(words.split(" ")) - 1)}
    result = CliRunner().invoke(app, [], prog_name="coprod", env=env)
    return result.output.split()


def test_completion_of_workshop_ids_documents_library_ids_and_checks(series: Path):
    assert _complete("coprod render --workshop ") == ["intro", "experiences", "designing", "review"]
    assert _complete("coprod render --workshop re") == ["review"]
    assert _complete(f"coprod render -p {CARE} -w in") == ["intro"]
    assert _complete("coprod render ha") == ["handouts"]
    assert _complete("coprod render pa") == ["paperwork"]
    assert _complete("coprod library show dot-") == ["dot-voting"]
    assert _complete("coprod new activity mine --from exit") == ["exit-words"]
    assert _complete("coprod check ti") == ["timings"]


def test_completion_on_an_unreadable_plan_completes_nothing(tmp_path: Path, monkeypatch):
    write_tree(tmp_path, {"coprod.yaml": "title: [\n"})
    monkeypatch.chdir(tmp_path)
    assert _complete("coprod render --workshop ") == []


def test_install_completion_and_version_are_offered():
    help_text = run("--help").stdout
    assert "--install-completion" in help_text and "--version" in help_text and "--quiet" in help_text
    assert (
        run("--version").stdout.strip()
        == f"coprod {tomllib.loads((ROOT / 'pyproject.toml').read_text())['project']['version']}"
    )


def test_quiet_prints_only_problems(tmp_path: Path):
    online = next(p for p in EXAMPLES if p.stem == "online-engagement")
    result = run("-q", "check", "-p", str(online))
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [line for line in result.stdout.splitlines() if ": warning: " in line]
    assert re.match(r"^.+online-engagement\.yaml:97:9: warning: .+ \[timing\.no-break\]$", result.stdout)
    assert run("check", "-q", "-p", str(CARE)).stdout == ""  # notes only: nothing to say
    quiet = run("render", "-q", "-p", str(CARE), "-o", str(tmp_path / "out"))
    assert quiet.stdout == "" and quiet.stderr == ""  # no "rendered 36/36" either
    assert (tmp_path / "out" / "01-intro" / "handout.html").is_file()
    # quiet does not leak into the next run
    assert "written" in run("render", "-p", str(CARE), "-o", str(tmp_path / "out2")).stdout


def test_crashes_never_print_local_variables():
    assert app.pretty_exceptions_show_locals is False


def test_typer_releases_that_crash_are_excluded():
    from packaging.specifiers import SpecifierSet

    deps = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    typer_dep = next(d for d in deps if d.startswith("typer"))
    allowed = SpecifierSet(typer_dep.removeprefix("typer").split(";")[0])
    assert not any(v in allowed for v in ("0.12.0", "0.12.4", "1.0.0"))
    assert "0.16.0" in allowed
