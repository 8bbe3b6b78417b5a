"""The command line: every command, format and documented error, through CliRunner."""

from __future__ import annotations

import functools
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import EXAMPLES, plan_text, run, write_tree

from coprod_cli.cli import VERBS, app
from coprod_cli.cli.startup import PLUGIN_FINDER

ONLINE = next(p for p in EXAMPLES if p.stem == "online-engagement")
CARE = next(p for p in EXAMPLES if p.stem == "care-leavers")


def test_no_arguments_shows_help():
    result = run()
    assert result.exit_code in (0, 2)
    assert "Usage: coprod" in result.stdout + result.stderr


def _commands(group=None, path=()):
    """Every command and group of the CLI, walked from the app itself so a new one is covered."""
    import click
    import typer

    group = group or typer.main.get_command(app)
    yield path, group
    if hasattr(group, "list_commands"):  # typer may vendor its own click: no isinstance
        ctx = click.Context(group)
        for name in group.list_commands(ctx):
            yield from _commands(group.get_command(ctx, name), (*path, name))


COMMANDS = {" ".join(p) or "coprod": (list(p), c) for p, c in _commands()}


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_has_its_own_help(name: str):
    path, command = COMMANDS[name]
    result = run(*path, "--help")
    assert result.exit_code == 0
    assert f"Usage: coprod {' '.join(path)}".rstrip() in result.stdout
    first = (command.help or "").strip().splitlines()[0] if command.help else ""
    assert len(first) > 15, f"'{name}' needs a help text"
    assert " ".join(first.split()[:6]) in " ".join(result.stdout.split()), "its own help text is printed"
    for param in command.params:
        if param.param_type_name == "option" and not param.hidden and param.name != "help":
            assert (param.help or "").strip(), f"'{name}' option {param.opts} needs a help text"
            assert param.opts[-1] in result.stdout


def test_the_verb_list_says_what_each_verb_says_of_itself():
    """`coprod --help` lists VERBS without building a command: each line is its command's own first paragraph."""
    assert [name for name in COMMANDS if " " not in name and name != "coprod"] == list(VERBS)
    for verb, line in VERBS.items():
        first = COMMANDS[verb][1].help.strip().split("\n\n")[0]
        assert " ".join(first.split()) == line, f"VERBS['{verb}'] differs from `coprod {verb} --help`"


def test_help_walk_finds_every_verb():
    assert {"new series", "new workshop", "new activity", "check", "render", "library list", "schema"} <= set(COMMANDS)


def test_version():
    result = run("--version")
    assert result.exit_code == 0 and result.stdout.startswith("coprod ")


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_examples_check_with_a_run_sheet(example: Path):
    result = run("check", "-p", str(example))
    assert result.exit_code == 0, result.stdout
    assert "0 errors" in result.stdout
    assert "10:00" in result.stdout or "9:30" in result.stdout or "09:30" in result.stdout


def test_default_plan_is_coprod_yaml(tmp_path: Path, monkeypatch):
    write_tree(tmp_path, {"coprod.yaml": CARE.read_text()})
    monkeypatch.chdir(tmp_path)
    result = run("check")
    assert result.exit_code == 0 and "Care Leavers" not in result.stderr


def test_text_report_shows_findings_and_summary():
    result = run("check", "-p", str(ONLINE))
    assert "warning" in result.stdout and "[timing.no-break]" in result.stdout
    assert "line 97" in result.stdout
    assert result.stdout.rstrip().splitlines()[-1].startswith("✓ 0 errors, 1 warning, 0 notes")


def test_strict_fails_on_warnings():
    result = run("check", "--strict", "-p", str(ONLINE))
    assert result.exit_code == 1
    assert "fix the warnings (--strict)" in result.stdout


def test_errors_exit_1(tmp_path: Path):
    write_tree(tmp_path, {"p.yaml": plan_text("- {title: Long, duration: 3h}", end="11:00")})
    result = run("check", "-p", str(tmp_path / "p.yaml"))
    assert result.exit_code == 1
    assert "error" in result.stdout and "[timing.overrun]" in result.stdout


def test_json_format_is_the_report():
    result = run("check", "--format", "json", "-p", str(ONLINE))
    data = json.loads(result.stdout)
    assert data["plan"] == str(ONLINE) and data["ok"] is True
    assert [w["id"] for w in data["workshops"]] == ["connections", "categories"]
    assert data["findings"][0]["code"] == "timing.no-break" and data["findings"][0]["line"] == 97
    strict = json.loads(run("check", "-f", "json", "--strict", "-p", str(ONLINE)).stdout)
    assert strict["ok"] is False


def test_github_format_annotations():
    result = run("check", "--format", "github", "-p", str(ONLINE))
    assert result.stdout.splitlines() == [
        "::warning file=examples/online-engagement.yaml,line=97,col=9,title=timing.no-break::"
        + json.loads(run("check", "-f", "json", "-p", str(ONLINE)).stdout)["findings"][0]["message"]
    ]


def test_named_checks_only(tmp_path: Path):
    write_tree(tmp_path, {"p.yaml": plan_text("- {title: Talk, kind: presentation, duration: 100m}", end="11:00")})
    result = run("check", "agenda", "-p", str(tmp_path / "p.yaml"), "-f", "json")
    codes = {f["code"] for f in json.loads(result.stdout)["findings"]}
    assert codes == {"agenda.opening", "agenda.closing"}
    result = run("check", "agenda", "timings", "-p", str(tmp_path / "p.yaml"), "-f", "json")
    codes = {f["code"] for f in json.loads(result.stdout)["findings"]}
    assert codes == {"agenda.opening", "agenda.closing", "timing.overrun", "timing.no-break"}


@pytest.mark.parametrize(
    "args, message",
    [
        (["check", "timing"], "there is no 'timing' check; did you mean 'timings'?"),
        (["check", "principle"], "there is no 'principle' check; did you mean 'principles'?"),
    ],
)
def test_usage_errors_exit_2(args: list[str], message: str):
    result = run(*args, "-p", str(CARE))
    assert result.exit_code == 2
    assert message in result.stderr and result.stdout == ""


def test_bad_option_value_exit_2():
    result = run("check", "--format", "xml", "-p", str(CARE))
    assert result.exit_code == 2


def test_schema_is_json_schema_that_accepts_examples_and_bare_numbers():
    jsonschema = pytest.importorskip("jsonschema")
    from coprod_cli.plan.source import read_yaml

    schema = json.loads(run("schema").stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    for example in EXAMPLES:
        data, _ = read_yaml(example.read_text())
        data = json.loads(json.dumps(data, default=str))  # dates as text, as an editor sees them
        assert list(validator.iter_errors(data)) == [], example
    bare = {
        "title": "T",
        "workshops": [{"title": "W", "start": "10:30", "agenda": [{"title": "A", "duration": 90}, {"break": 10}]}],
    }
    assert list(validator.iter_errors(bare)) == []
    wrong = {"title": "T", "workshops": [{"title": "W", "agenda": [{"title": "A", "duraton": 90}]}]}
    assert list(validator.iter_errors(wrong))


def _modules_after(*argv: str) -> set[str]:
    """The modules loaded by the end of `coprod ARGV`, run as the installed command runs it."""
    code = (
        "import sys\n"
        f"sys.argv = ['coprod', *{list(argv)!r}]\n"
        "from coprod_cli.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(' '.join(sorted(sys.modules)))\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}  # as a user has it
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env).stdout
    return set(out.splitlines()[-1].split())


@functools.cache
def _typer_floor() -> frozenset[str]:
    """The modules a one-command typer app loads to print its help: typer's cost, not coprod's."""
    code = (
        "import sys, typer\n"
        "app = typer.Typer()\n"
        "@app.command()\ndef one() -> None:\n    pass\n"
        "try:\n    app(['--help'], standalone_mode=False)\nexcept SystemExit:\n    pass\n"
        "print(' '.join(sorted(sys.modules)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    return frozenset(out.split())


# What start-up must not pay for: templates, document writers, the plan editor, the file watcher,
# worker processes, (for a pipe) rich, which only a terminal needs, and the package metadata that
# pydantic's plugin search reads (cli/startup.py: coprod uses no plugins).
NOT_FOR_CHECK = ("jinja2", "weasyprint", "docx", "icalendar", "ruamel", "watchfiles", "multiprocessing", "rich")
NOT_FOR_CHECK += ("importlib.metadata", "email")
NOT_FOR_CHECK_OURS = (
    "coprod_cli.documents",
    "coprod_cli.plan.editing",
    "coprod_cli.cli.console",
    "coprod_cli.cli.watch",
    "coprod_cli.preview",
    "coprod_cli.views",  # what each audience sees is for documents; no check needs it
)
# `--help` reads no plan at all, and lists the verbs without importing them.
VERB_MODULES = tuple(f"coprod_cli.cli.{verb}" for verb in VERBS)
NOT_FOR_HELP = ("pydantic", "yaml", "coprod_cli.plan.models", "coprod_cli.plan.schema", "coprod_cli.checks")
NOT_FOR_HELP += VERB_MODULES
# `check` builds its own command only; the others' modules (and what they import) stay unread.
NOT_FOR_CHECK_VERBS = tuple(m for m in VERB_MODULES if m != "coprod_cli.cli.check")


@pytest.mark.parametrize(
    "argv, forbidden",
    [
        (("--help",), NOT_FOR_CHECK + NOT_FOR_CHECK_OURS + NOT_FOR_HELP),
        (("check", "-p", str(CARE)), NOT_FOR_CHECK + NOT_FOR_CHECK_OURS + NOT_FOR_CHECK_VERBS),
        (("check", "-f", "json", "-p", str(CARE)), NOT_FOR_CHECK + NOT_FOR_CHECK_OURS + NOT_FOR_CHECK_VERBS),
    ],
)
def test_help_and_check_import_only_what_they_need(argv, forbidden):
    modules = _modules_after(*argv)
    assert "coprod_cli.cli" in modules
    assert ("check" in argv) == ("coprod_cli.checks" in modules)
    # What typer itself loads is not ours to pin (older typer releases import rich eagerly); the
    # plugin finder's name holds coprod's stand-in (the real one would bring importlib.metadata).
    imported = sorted(m for m in modules - _typer_floor() - {PLUGIN_FINDER} if m.startswith(forbidden))
    assert imported == [], f"`coprod {' '.join(argv)}` imported {imported}"


def test_github_format_annotates_a_broken_plan(tmp_path: Path):
    write_tree(tmp_path, {"p.yaml": "title: T\nworkshops:\n  - title: W\n    mode: onlin\n"})
    result = run("check", "-f", "github", "-p", str(tmp_path / "p.yaml"))
    assert result.exit_code == 2
    assert result.stdout.splitlines() == [
        f"::error file={tmp_path / 'p.yaml'},line=4,col=11,title=plan::workshops[0].mode: 'onlin' is not a mode; "
        "did you mean 'online'? (choose from in-person, online, hybrid)"
    ]


def test_a_long_series_summarises_the_principles_matrix(tmp_path: Path):
    """Past a dozen workshops a column each is unreadable: one line a principle instead."""
    workshops = "".join(
        f"  - title: W{n}\n    agenda:\n      - {{title: Talk, kind: discussion, duration: 20"
        + (", principles: [design-for-trust]" if n in (0, 7) else "")
        + "}\n"
        for n in range(13)
    )
    write_tree(tmp_path, {"p.yaml": "title: T\nframework: citizen-lab\nworkshops:\n" + workshops})
    result = run("check", "principles", "-p", str(tmp_path / "p.yaml"))
    lines = result.stdout.splitlines()
    assert "   design-for-trust             in 2 of 13 workshops; none in 2, 3, 4, 5, 6 and 6 more" in lines
    assert "   clear-journey                in none of the 13 workshops" in lines
    assert not any(line.startswith("   principle ") for line in lines)  # no column per workshop


def test_check_pauses_the_cycle_collector_while_it_works_and_turns_it_back_on(monkeypatch):
    """A big plan is a million objects and no cycles: the collector would walk each one (a tenth of the time)."""
    import gc

    from coprod_cli import checks

    real, seen = checks.run_checks, []

    def spy(*args, **kwargs):
        seen.append(gc.isenabled())
        return real(*args, **kwargs)

    monkeypatch.setattr(checks, "run_checks", spy)
    assert gc.isenabled()
    result = run("check", "-p", str(CARE), "-f", "json")
    assert result.exit_code in (0, 1)
    assert json.loads(result.stdout)["workshops"]
    assert seen == [False]
    assert gc.isenabled()
