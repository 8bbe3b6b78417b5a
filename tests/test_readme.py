"""Drift: the README's quick start is what works, and what CI runs."""

from __future__ import annotations

import re
import shlex

from helpers import ROOT, run

README = (ROOT / "README.md").read_text()


def _quick_start_commands() -> list[str]:
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", section, flags=re.S)


def test_quick_start_has_two_commands():
    commands = _quick_start_commands()
    assert len(commands) == 2
    assert all("\n" not in c for c in commands)


def test_first_command_installs_and_runs_check_and_render_on_an_example(tmp_path):
    first = _quick_start_commands()[0]
    assert "pip install ." in first
    steps = [shlex.split(part) for part in first.split("&&")]
    coprod = [s[1:] for s in steps if s and s[0] == "coprod"]
    assert [args[0] for args in coprod] == ["check", "render"]
    for args in coprod:
        plan = args[args.index("-p") + 1]
        assert (ROOT / plan).is_file() and plan.startswith("examples/")
        if args[0] == "render":
            args = [*args[: args.index("-o")], "-o", str(tmp_path / "out")]
        result = run(*args[:1], *[str(ROOT / a) if a.startswith("examples/") else a for a in args[1:]])
        assert result.exit_code == 0, result.stderr
    assert (tmp_path / "out" / "01-intro" / "handout.html").is_file()


def test_second_command_is_what_ci_runs():
    second = _quick_start_commands()[1]
    ci = (ROOT / ".ci" / "run").read_text()
    assert second in ci
    assert "python3 -m venv" in ci


def test_readme_speed_table_comes_from_the_benchmark():
    assert "benchmarks/bench.py" in README and (ROOT / "benchmarks" / "bench.py").is_file()
