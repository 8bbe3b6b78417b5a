"""Lines for programs: GitHub Actions workflow commands and one-line findings (`-q`). No styling."""

from __future__ import annotations

from typing import TYPE_CHECKING

from coprod_cli.errors import neutral

if TYPE_CHECKING:
    from coprod_cli.checks import Report

LABELS = {"error": "error", "warning": "warning", "info": "note"}


def finding_lines(report: Report) -> list[str]:
    """-q: one line per error or warning, `FILE:LINE:COL: severity: message [code]`, as linters print."""
    lines = []
    for f in report.findings:
        if f.severity == "info":
            continue
        where = report.position(f) or (1, 1)
        text = f"{report.loaded.file}:{where[0]}:{where[1]}: {LABELS[f.severity]}: {f.message} [{f.code}]"
        lines.append(neutral(text))  # a line break in plan text never starts a second finding
    return lines


def _data(value: str) -> str:
    """Escape text for a GitHub Actions workflow command's message."""
    return neutral(value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def _prop(value: str) -> str:
    """Escape text for a workflow command's property (file=, title=)."""
    return _data(value).replace(":", "%3A").replace(",", "%2C")


def problem_annotations(error: Exception) -> list[str]:
    """GitHub Actions error annotations for a plan that could not be used."""
    from coprod_cli.errors import PlanError

    if not isinstance(error, PlanError):
        return [f"::error::{_data(str(error))}"]
    from coprod_cli.cli.common import repo_relative

    lines = []
    for p in error.problems:
        message = f"{p.where}: {p.what}" if p.where else p.what
        file = repo_relative(p.file)
        lines.append(f"::error file={_prop(file)},line={p.line},col={p.column},title=plan::{_data(message)}")
    return lines


def github_annotations(report: Report) -> list[str]:
    """GitHub Actions workflow commands, one per finding."""
    from coprod_cli.cli.common import repo_relative

    levels = {"error": "error", "warning": "warning", "info": "notice"}
    file = repo_relative(report.loaded.file)
    lines = []
    for f in report.findings:
        parts = [f"file={_prop(file)}"]
        where = report.position(f)
        if where:
            parts += [f"line={where[0]}", f"col={where[1]}"]
        parts.append(f"title={_prop(f.code)}")
        lines.append(f"::{levels[f.severity]} {','.join(parts)}::{_data(f.message)}")
    return lines
