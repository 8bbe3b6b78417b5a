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


def _blocks(language: str, section: str) -> list[str]:
    text = README.split(f"## {section}", 1)[1].split("\n## ", 1)[0]
    return re.findall(rf"```{language}\n(.+?)```", text, flags=re.S)


def test_install_with_pipx_or_uv_on_linux_macos_and_windows():
    for language in ("sh", "powershell"):
        [block] = _blocks(language, "Install")
        assert "pipx install ." in block and "uv tool install ." in block, language
    assert "py -m pip install --user pipx" in _blocks("powershell", "Install")[0]
    assert "--install-completion" in README


def test_editor_set_up_matches_what_new_series_writes():
    from coprod_cli.plan.schema import MODELINE, SCHEMA_FILE

    assert MODELINE in README and "coprod schema --write" in README and SCHEMA_FILE in README
    template = (ROOT / "src" / "coprod_cli" / "documents" / "templates" / "plan.yaml.j2").read_text()
    assert template.startswith(MODELINE + "\n")


def test_readme_commands_exist():
    """Every `coprod VERB ...` the README shows in a code block is a command with help."""
    code = "\n".join(re.findall(r"```[a-z]*\n(.+?)```", README, flags=re.S))
    shown = set(re.findall(r"\bcoprod ((?:new |library )?[a-z]+)\b", code))
    assert {"check", "render"} <= shown
    for verb in shown:
        assert run(*verb.split(), "--help").exit_code == 0, verb
