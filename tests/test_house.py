"""House rules: lint and types clean, imports one way, no long module, no code pasted twice (STYLE.md)."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import ROOT

SRC = ROOT / "src" / "coprod_cli"


@pytest.mark.parametrize("tool, args", [("ruff", ["check", "src", "tests", "benchmarks", "tools"]), ("mypy", [])])
def test_tool_is_clean(tool: str, args: list[str]):
    exe = shutil.which(tool, path=str(Path(sys.executable).parent)) or shutil.which(tool)
    if exe is None:
        pytest.skip(f"{tool} is not installed (pip install -e '.[dev]')")
    result = subprocess.run([exe, *args], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_import_contracts_hold():
    """The layers of STYLE.md, and typer/rich/jinja2 only where they belong (pyproject's import-linter contracts)."""
    from importlinter.cli import lint_imports

    assert lint_imports(config_filename=str(ROOT / "pyproject.toml")) == 0


def test_no_module_is_over_400_lines():
    long = {p.relative_to(SRC).as_posix(): n for p in SRC.rglob("*.py") if (n := len(p.read_text().splitlines())) > 400}
    assert not long, long


TWIN_LINES = 6  # as `duplicates` counts a pair: six or more lines
_PUNCTUATION = re.compile(r"^[\s()\[\]{},:;]*$")


def _code_lines(path: Path):
    """(number, line) of each line that is code: not blank, a comment, lone punctuation, an import or a docstring."""
    text = path.read_text()
    passed_over: set[int] = set()
    for node in ast.walk(ast.parse(text)):
        bare_string = (
            isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)
        )
        if isinstance(node, ast.Import | ast.ImportFrom) or bare_string:
            passed_over.update(range(node.lineno, (node.end_lineno or node.lineno) + 1))
    for number, line in enumerate(text.splitlines(), 1):
        line = " ".join(line.split())
        if number not in passed_over and line and not line.startswith("#") and not _PUNCTUATION.match(line):
            yield number, line


def _twins(paths: list[Path], root: Path) -> list[list[str]]:
    """Places where the same run of TWIN_LINES code lines stands more than once."""
    places: dict[tuple[str, ...], list[str]] = {}
    for path in paths:
        code = list(_code_lines(path))
        for i in range(len(code) - TWIN_LINES + 1):
            run = tuple(line for _, line in code[i : i + TWIN_LINES])
            places.setdefault(run, []).append(f"{path.relative_to(root).as_posix()}:{code[i][0]}")
    return [where for where in places.values() if len(where) > 1]


def test_no_copy_paste_twins():
    """No run of six code lines stands twice in the package (STYLE: one home per fact).

    CI has not got the `duplicates` tool, which also finds lines alike but for their names; this
    finds copies to the letter, so a pasted block fails in CI too."""
    assert not _twins(sorted(SRC.rglob("*.py")), SRC)


def test_twin_finder_can_fail(tmp_path: Path):
    """A pasted block is found; the same imports and docstrings in two files are not code."""
    block = "".join(f"    total += {n} * weight\n" for n in range(TWIN_LINES))
    (tmp_path / "a.py").write_text(f"def f(weight):\n    total = 0\n{block}    return total\n")
    (tmp_path / "b.py").write_text(f"def g(weight):\n    total = 1\n{block}    return -total\n")
    assert _twins([tmp_path / "a.py", tmp_path / "b.py"], tmp_path) == [["a.py:3", "b.py:3"]]
    names = "".join(f"    name_{n},\n" for n in range(TWIN_LINES))
    same = f'"""A module.\n\nIts docstring\nruns over\nsix lines\nor more.\n"""\n\nfrom os import (\n{names})\n'
    (tmp_path / "a.py").write_text(same)
    (tmp_path / "b.py").write_text(same)
    assert _twins([tmp_path / "a.py", tmp_path / "b.py"], tmp_path) == []


def test_python_version_is_supported():
    assert sys.version_info >= (3, 11)
