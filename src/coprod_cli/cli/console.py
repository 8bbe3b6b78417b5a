"""Everything coprod prints for people: the only module that imports rich."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from rich.console import Console
from rich.markup import escape
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from coprod_cli.errors import neutral
from coprod_cli.plan.durations import format_clock, format_duration

if TYPE_CHECKING:
    from coprod_cli.checks import Report
    from coprod_cli.documents.files import Outcome
    from coprod_cli.findings import Finding
    from coprod_cli.schedule import Schedule, TimedItem

STYLES = {"error": "bold red", "warning": "yellow", "info": "cyan"}
LABELS = {"error": "error", "warning": "warning", "info": "note"}

out = Console(highlight=False, soft_wrap=False)
err = Console(stderr=True, highlight=False, soft_wrap=True)


def print_errors(lines: Iterable[str]) -> None:
    """Problems that stop coprod (exit 2): one plain line each on stderr."""
    for line in lines:
        err.print(Text(neutral(line), style="red" if err.is_terminal else ""))


def print_plain(text: str) -> None:
    """Machine-readable output (JSON, schema, annotations): exactly the text, no styling."""
    sys.stdout.write(text + "\n")


def print_report(report: Report, strict: bool) -> None:
    """The run sheet of each workshop with its findings, then a one-line summary."""
    by_workshop: dict[str | None, list[Finding]] = {}
    for finding in report.findings:
        by_workshop.setdefault(finding.workshop, []).append(finding)
    show_mix = "principles" in report.families
    for number, sched in enumerate(report.schedules, start=1):
        _print_workshop(number, sched)
        if show_mix:
            _print_mix(sched)
        _print_findings(report, by_workshop.get(sched.workshop.id, []))
        out.print()
    matrix = report.coverage()
    if matrix is not None:
        _print_matrix(report, matrix)
    rest = by_workshop.get(None, [])
    if rest:
        out.print("[bold]The series[/bold]")
        _print_findings(report, rest)
        out.print()
    _print_summary(report, strict)


def _print_workshop(number: int, sched: Schedule) -> None:
    w = sched.workshop
    out.print(f"[bold]{number}. {escape(neutral(w.title))}[/bold] [dim]({escape(w.id or '')})[/dim]")
    facts = []
    if w.date:
        facts.append(f"{w.date:%a} {w.date.day} {w.date:%b %Y}")
    if sched.start is not None:
        until = f"–{format_clock(sched.booked_end)}" if sched.booked_end is not None else ""
        facts.append(f"{format_clock(sched.start)}{until}")
    elif sched.booked_minutes:
        facts.append(f"{format_duration(sched.booked_minutes)} booked")
    if w.venue:
        facts.append(w.venue)
    facts.append(w.mode.replace("-", " "))
    out.print("   " + escape(neutral(" · ".join(facts))), style="dim")
    table = Table(box=None, show_header=False, padding=(0, 1), pad_edge=False)
    table.add_column("when", justify="right", no_wrap=True)
    table.add_column("minutes", justify="right", no_wrap=True)
    table.add_column("kind", no_wrap=True, style="dim")
    table.add_column("title")
    for t in sched.items:
        _add_row(table, sched, t, "")
    end_note = _end_note(sched)
    table.add_row(_when(sched, sched.total_minutes), "", "", Text(end_note, style="bold"))
    out.print(Padding(table, (0, 0, 0, 3)))


def _add_row(table: Table, sched: Schedule, t: TimedItem, indent: str) -> None:
    if t.gap_before:
        table.add_row(
            _when(sched, t.offset - t.gap_before),
            format_duration(t.gap_before),
            "",
            Text(f"{indent}(waiting)", style="dim"),
        )
    title = Text(indent + neutral(t.item.title))
    if t.item.at is not None:
        title.append(f"  pinned {format_clock(t.item.at)}", style="dim")
    if t.item.flex:
        title.append(f"  flex {format_duration(t.item.flex)}", style="dim")
    if t.item.scale_note:
        title.append(f"  {t.item.scale_note}", style="dim")
    style = "dim" if t.item.is_pause else ""
    table.add_row(_when(sched, t.offset), format_duration(t.minutes), t.item.kind, title, style=style)
    for track in t.tracks:
        where = f" ({track.where})" if track.where else ""
        table.add_row("", "", "", Text(neutral(f"{indent}  ▸ {track.group}{where}"), style="italic"))
        for sub in track.items:
            _add_row(table, sched, sub, indent + "    ")


def _when(sched: Schedule, offset: int) -> str:
    clock = sched.clock(offset)
    return clock if clock is not None else f"+{format_duration(offset)}"


def _print_mix(sched: Schedule) -> None:
    """A small bar of how the workshop's time is spent, by kind of activity."""
    from coprod_cli.schedule import kind_minutes

    minutes = kind_minutes(sched)
    total = sum(minutes.values())
    if not total:
        return
    line = Text("   time: ", style="dim")
    ranked = sorted(minutes.items(), key=lambda kv: -kv[1])
    for kind, spent in ranked[:4]:
        share = spent / total
        line.append("█" * max(1, round(share * 10)), style="dim" if kind in ("break", "meal") else "cyan")
        line.append(f" {kind} {share:.0%}  ", style="dim")
    if len(ranked) > 4:
        line.append(f"+{len(ranked) - 4} more", style="dim")
    out.print(line, no_wrap=True, overflow="ellipsis")


def _print_matrix(report: Report, matrix: dict[str, dict[str, list[str]]]) -> None:
    """Principles by workshop: how many activities serve each, ✗ where none do."""
    from coprod_cli.plan.frameworks import FRAMEWORKS

    framework = FRAMEWORKS[report.loaded.plan.framework or ""]
    out.print(f"[bold]{escape(framework.name)}[/bold] [dim](activities serving each principle, by workshop)[/dim]")
    table = Table(box=None, padding=(0, 1), pad_edge=False, header_style="dim")
    table.add_column("principle")
    for number, _ in enumerate(report.schedules, start=1):
        table.add_column(str(number), justify="center", no_wrap=True)
    for pid, by_workshop in matrix.items():
        cells = []
        for sched in report.schedules:
            served = by_workshop.get(sched.workshop.id or "", [])
            cells.append(Text(str(len(served)), style="green") if served else Text("·", style="dim"))
        name = Text(pid, style="" if by_workshop else "yellow")
        table.add_row(name, *cells)
    out.print(Padding(table, (0, 0, 0, 3)))
    out.print()


def _end_note(sched: Schedule) -> str:
    slack = (sched.booked_minutes - sched.total_minutes) if sched.booked_minutes is not None else None
    if slack is None:
        return f"end ({format_duration(sched.total_minutes)} in all)"
    if slack < 0:
        return f"end: {format_duration(-slack)} over the booking"
    if slack == 0:
        return "end: exactly on time"
    return f"end: {format_duration(slack)} to spare"


def _print_findings(report: Report, findings: list[Finding]) -> None:
    if not findings:
        return
    grid = Table(box=None, show_header=False, padding=(0, 1), pad_edge=False)
    grid.add_column("severity", no_wrap=True)
    grid.add_column("line", no_wrap=True, style="dim")
    grid.add_column("message", overflow="fold")
    for f in findings:
        line = report.line(f)
        message = Text(neutral(f.message))
        message.append(f"  [{f.code}]", style="dim")
        grid.add_row(Text(LABELS[f.severity], style=STYLES[f.severity]), f"line {line}" if line else "", message)
    out.print(Padding(grid, (0, 0, 0, 3)))


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _print_summary(report: Report, strict: bool) -> None:
    errors, warnings, notes = report.count("error"), report.count("warning"), report.count("info")
    counts = f"{_plural(errors, 'error')}, {_plural(warnings, 'warning')}, {_plural(notes, 'note')}"
    from coprod_cli.checks import FAMILIES

    scope = _plural(len(report.schedules), "workshop")
    if report.families != FAMILIES:
        scope += f" (checks: {', '.join(report.families)})"
    if report.failed(strict):
        why = "errors" if errors else "warnings (--strict)"
        out.print(f"[bold red]✗ {counts}[/bold red] in {scope}: fix the {why} above", soft_wrap=True)
    else:
        out.print(f"[bold green]✓ {counts}[/bold green] in {scope}", soft_wrap=True)


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
    lines = []
    for p in error.problems:
        message = f"{p.where}: {p.what}" if p.where else p.what
        lines.append(f"::error file={_prop(p.file)},line={p.line},col={p.column},title=plan::{_data(message)}")
    return lines


def github_annotations(report: Report) -> list[str]:
    """GitHub Actions workflow commands, one per finding."""
    levels = {"error": "error", "warning": "warning", "info": "notice"}
    lines = []
    for f in report.findings:
        parts = [f"file={_prop(report.loaded.file)}"]
        line = report.line(f)
        if line:
            parts += [f"line={line}", f"col={report.column(f)}"]
        parts.append(f"title={_prop(f.code)}")
        lines.append(f"::{levels[f.severity]} {','.join(parts)}::{_data(f.message)}")
    return lines


@contextmanager
def progress_reporter() -> Iterator[Callable[[str], None]]:
    """A progress line while documents render, on a terminal only."""
    if not out.is_terminal:
        yield lambda _name: None
        return
    from rich.progress import Progress, SpinnerColumn, TextColumn

    with Progress(SpinnerColumn(), TextColumn("rendering {task.description}"), console=out, transient=True) as bar:
        task = bar.add_task("", total=None)
        yield lambda name: bar.update(task, description=name)


_STATUS = {
    "written": ("written", "green"),
    "overwritten": ("overwritten (--force)", "yellow"),
    "unchanged": ("unchanged", "dim"),
    "kept-edited": ("kept: edited since coprod wrote it", "bold yellow"),
    "kept-foreign": ("kept: not written by coprod", "bold yellow"),
    "new-beside": ("kept: edited since coprod wrote it; the new version is beside it", "bold red"),
    "stale": ("stale: from an older numbering of the workshops (--clean removes it)", "bold yellow"),
    "removed": ("removed: from an older numbering", "yellow"),
}


def print_render_summary(folder: Path, outcomes: list[Outcome], plan_errors: int) -> None:
    """A table of what was written, kept or left as it was."""
    table = Table(box=None, show_header=False, padding=(0, 2, 0, 0), pad_edge=False)
    table.add_column("file")
    table.add_column("status")
    for o in outcomes:
        label, style = _STATUS[o.status]
        note = f" ({o.note})" if o.note and o.status != "new-beside" else ""
        table.add_row(str(folder / o.path), Text(label + note, style=style))
    out.print(table)
    counts: dict[str, int] = {}
    for o in outcomes:
        counts[o.status] = counts.get(o.status, 0) + 1
    written = counts.get("written", 0) + counts.get("overwritten", 0)
    kept = counts.get("kept-edited", 0) + counts.get("kept-foreign", 0) + counts.get("new-beside", 0)
    line = f"{_plural(written, 'file')} written, {counts.get('unchanged', 0)} unchanged"
    if kept:
        line += f", {kept} kept (use --force to overwrite them)"
    if counts.get("new-beside"):
        line += f", {counts['new-beside']} with a new version beside"
    out.print(f"[bold]{line}[/bold] in {escape(str(folder))}/")
    _print_render_warnings(folder, outcomes)
    if plan_errors:
        n = _plural(plan_errors, "error")
        out.print(f"[yellow]The plan has {n}: every document says 'Draft: not ready to hand out'.[/yellow]")


def _print_render_warnings(folder: Path, outcomes: list[Outcome]) -> None:
    """Say plainly when what is in the folder is not what the plan says now."""
    from coprod_cli.documents.files import warnings

    for line in warnings(folder, outcomes):
        err.print(Text(neutral(line), style="yellow"))


def print_library_list(found: dict) -> None:
    table = Table(box=None, padding=(0, 2, 0, 0), pad_edge=False, header_style="bold")
    table.add_column("id", no_wrap=True)
    table.add_column("kind", no_wrap=True)
    table.add_column("min", justify="right", no_wrap=True)
    table.add_column("group set-up", ratio=1)
    table.add_column("principles", ratio=1, overflow="fold")
    for key, a in found.items():
        table.add_row(key, a.kind, str(a.duration), a.groups or "", ", ".join(a.principles))
    out.print(table)
    out.print(
        f"[dim]{len(found)} {'activity' if len(found) == 1 else 'activities'}; "
        "`coprod library show ID` for one, `use: ID` in a plan[/dim]"
    )


def _online_lines(variant) -> list[tuple[str, str | None]]:
    """How an activity runs online, as labelled lines for `library show`."""
    if variant is False:
        return [("Online", "does not work online")]
    if variant is None:
        return []
    steps = "; ".join(s.do for s in variant.steps)
    return [
        ("Online", variant.how),
        ("Online, participants read", variant.handout),
        ("Online groups", variant.groups),
        ("Online steps", steps),
        ("Online materials", ", ".join(variant.materials)),
    ]


def print_library_show(key: str, a) -> None:
    from coprod_cli.plan.frameworks import FRAMEWORKS

    out.print(f"[bold]{escape(a.title)}[/bold] [dim]({escape(key)})[/dim]")
    facts = [a.kind, format_duration(a.duration)]
    if a.flex:
        facts.append(f"can give back {format_duration(a.flex)}")
    if a.groups:
        facts.append(a.groups)
    out.print("   " + escape(neutral(" · ".join(facts))), style="dim")
    if a.say:
        out.print(Text("\nSay:", style="bold"))
        out.print(Padding(Text(a.say.strip()), (0, 0, 0, 3)))
    if a.steps:
        out.print(Text("\nSteps:", style="bold"))
        at = 0
        for step in a.steps:
            out.print(
                Text(f"   +{at:<3} {step.do}" + (f" ({format_duration(step.duration)})" if step.duration else ""))
            )
            at += step.duration or 0
    for label, value in (
        ("Materials", ", ".join(a.materials)),
        ("Note", a.notes),
        ("Participants read", a.handout),
        *_online_lines(a.online),
        ("Tags", ", ".join(a.tags)),
    ):
        if value:
            line = Text(f"\n{label}: ", style="bold")
            line.append(value)
            out.print(line)
    if a.principles:
        out.print(Text("\nPrinciples:", style="bold"))
        for pid in a.principles:
            name = next((p.name for f in FRAMEWORKS.values() if (p := f.get(pid))), pid)
            out.print(Text(f"   {pid}: {name}"))
    out.print(f"\n[dim]In a plan:  - use: {escape(key)}[/dim]")


def print_created(path: Path, sessions: int, template: str) -> None:
    out.print(
        f"[green]✓[/green] wrote {escape(str(path))}: {_plural(sessions, 'workshop')} from the {template} starter",
        soft_wrap=True,
    )
    folder = path.parent
    where = "" if str(folder) in (".", "") else f" -p {escape(str(path))}"
    out.print(
        f"   next: fill in the lines marked CHANGE, then `coprod check{where}` and `coprod render{where}`",
        soft_wrap=True,
    )


def print_added(path: Path, what: str, ident: str) -> None:
    out.print(
        f"[green]✓[/green] added {what} '{escape(ident)}' to {escape(str(path))} (your comments are kept)",
        soft_wrap=True,
    )
