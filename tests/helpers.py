"""Shared test helpers: small plans from dicts and a CLI runner that keeps stderr apart."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from coprod_cli.cli import app

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))


def write_tree(base: Path, files: dict[str, str | bytes]) -> Path:
    """Write {relative path: content} under base and return base."""
    for name, content in files.items():
        path = base / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return base


def run(*args: str, input: str | None = None):
    """Run the coprod CLI in-process; result has exit_code, stdout and stderr."""
    return CliRunner().invoke(app, list(args), input=input, catch_exceptions=False)


# Access details and a way to ask for an adjustment, so small plans are clean for `people.access`.
ACCESS = "access: {step_free: true, adjustments: Tell the organiser before the day}\n"


def plan_text(agenda: str = "", **workshop: str) -> str:
    """A one-workshop plan (access details last, so lines above keep their numbers); `agenda` is
    YAML list text indented for the agenda key."""
    fields = {"title": "Workshop", "start": "10:00", **workshop}
    head = "title: Test series\nworkshops:\n"
    lines = [f"  - {k}: {v}" if i == 0 else f"    {k}: {v}" for i, (k, v) in enumerate(fields.items())]
    body = "\n".join(lines) + "\n"
    if agenda:
        body += "    agenda:\n" + "".join(f"      {line}\n" for line in agenda.strip("\n").splitlines())
    return head + body + ACCESS
