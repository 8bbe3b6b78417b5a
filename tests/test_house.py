"""House rules: lint and types are clean, and imports point one way (STYLE.md)."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import ROOT

SRC = ROOT / "src" / "coprod_cli"


@pytest.mark.parametrize("tool, args", [("ruff", ["check", "src", "tests", "benchmarks"]), ("mypy", [])])
def test_tool_is_clean(tool: str, args: list[str]):
    exe = shutil.which(tool, path=str(Path(sys.executable).parent)) or shutil.which(tool)
    if exe is None:
        pytest.skip(f"{tool} is not installed (pip install -e '.[dev]')")
    result = subprocess.run([exe, *args], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def _imports(path) -> set[str]:
    tree = ast.parse(path.read_text())
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_only_console_imports_rich_and_only_cli_imports_typer():
    for path in SRC.rglob("*.py"):
        rel = path.relative_to(SRC).as_posix()
        imports = _imports(path)
        if "rich" in imports:
            assert rel == "cli/console.py", rel
        if "typer" in imports:
            assert rel.startswith("cli/"), rel


def test_core_does_not_import_jinja2():
    allowed = {"documents/render.py", "documents/starter.py"}
    for path in SRC.rglob("*.py"):
        rel = path.relative_to(SRC).as_posix()
        if "jinja2" in _imports(path):
            assert rel in allowed, rel


def test_python_version_is_supported():
    assert sys.version_info >= (3, 11)
