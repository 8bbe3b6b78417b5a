"""House rules: lint and types are clean, and imports point one way (STYLE.md)."""

from __future__ import annotations

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


def test_python_version_is_supported():
    assert sys.version_info >= (3, 11)
