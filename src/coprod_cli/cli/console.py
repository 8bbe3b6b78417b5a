"""Everything coprod prints for people: the only module that imports rich."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from time import monotonic
from typing import TYPE_CHECKING, TypeVar

from rich.console import Console
from rich.markup import escape
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from coprod_cli.cli.output import (
    LABELS,
    MATRIX_COLUMNS,
    by_workshop,
    columns,
    coverage_line,
    end_note,
    facts,
    is_quiet,
    marks,
    mix,
    plural,
    print_note,
    print_plain,
    summary,
    when,
)
from coprod_cli.errors import neutral
from coprod_cli.plan.durations import format_duration

if TYPE_CHECKING:
    from coprod_cli.checks import Report
    from coprod_cli.documents.record import Outcome
    from coprod_cli.findings import Finding
    from coprod_cli.schedule import Schedule, TimedItem

T = TypeVar("T")
STYLES = {"error": "bold red", "warning": "yellow", "info": "cyan"}

out = Console(highlight=False, soft_wrap=False, quiet=is_quiet())
err = Console(stderr=True, highlight=False, soft_wrap=True)


def print_errors_in_red(lines: Iterable[str]) -> None:
    """Problems that stop coprod, for a person at a terminal: one red line each on stderr."""
    for line in lines:
        err.print(Text(neutral(line), style="red"))


def print_report_rich(report: Report, strict: bool) -> None:
    """The check report for a terminal: output.py's words, laid out and coloured by rich."""
    found = by_workshop(report)
    for number, sched in enumerate(report.schedules, start=1):
        _print_workshop(number, sched)
        if "principles" in report.families:
            _print_mix(sched)
        _print_findings(report, found.get(sched.workshop.id, []))
        out.print()
    matrix = report.coverage()
    if matrix is not None:
        _print_matrix(report, matrix)
    if found.get(None):
        out.print("[bold]The series[/bold]")
        _print_findings(report, found[None])
        out.print()
    passed, counts, scope = summary(report, strict)
    colour = "green" if passed else "red"
    out.print(f"[bold {colour}]{'✓' if passed else '✗'} {counts}[/bold {colour}] {escape(scope)}", soft_wrap=True)


def _print_workshop(number: int, sched: Schedule) -> None:
    w = sched.workshop
    out.print(f"[bold]{number}. {escape(neutral(w.title))}[/bold] [dim]({escape(w.id or '')})[/dim]")
    out.print("   " + escape(neutral(facts(sched))), style="dim")
    table = Table(box=None, show_header=False, padding=(0, 1), pad_edge=False)
    table.add_column("when", justify="right", no_wrap=True)
    table.add_column("minutes", justify="right", no_wrap=True)
    table.add_column("kind", no_wrap=True, style="dim")
    table.add_column("title")
    for t in sched.items:
        _add_row(table, sched, t, "")
    table.add_row(when(sched, sched.total_minutes), "", "", Text(end_note(sched), style="bold"))
    out.print(Padding(table, (0, 0, 0, 3)))


def _add_row(table: Table, sched: Schedule, t: TimedItem, indent: str) -> None:
    if t.gap_before:
        table.add_row(
            when(sched, t.offset - t.gap_before),
            format_duration(t.gap_before),
            "",
            Text(f"{indent}(waiting)", style="dim"),
        )
    title = Text(indent + neutral(t.item.title))
    title.append(marks(t), style="dim")
    style = "dim" if t.item.is_pause else ""
    table.add_row(when(sched, t.offset), format_duration(t.minutes), t.item.kind, title, style=style)
    for track in t.tracks:
        where = f" ({track.where})" if track.where else ""
        table.add_row("", "", "", Text(neutral(f"{indent}  ▸ {track.group}{where}"), style="italic"))
        for sub in track.items:
            _add_row(table, sched, sub, indent + "    ")


def _print_mix(sched: Schedule) -> None:
    """A small bar of how the workshop's time is spent, by kind of activity."""
    shares = mix(sched)
    if not shares:
        return
    line = Text("   time: ", style="dim")
    for kind, share in shares[:4]:
        line.append("█" * max(1, round(share * 10)), style="dim" if kind in ("break", "meal") else "cyan")
        line.append(f" {kind} {share:.0%}  ", style="dim")
    if len(shares) > 4:
        line.append(f"+{len(shares) - 4} more", style="dim")
    out.print(line, no_wrap=True, overflow="ellipsis")


def _print_matrix(report: Report, matrix: dict[str, dict[str, list[str]]]) -> None:
    """Principles by workshop: how many activities serve each, · where none do; for a long
    series one line a principle (a column per workshop is unreadable past a dozen)."""
    from coprod_cli.plan.frameworks import FRAMEWORKS

    framework = FRAMEWORKS[report.loaded.plan.framework or ""]
    out.print(f"[bold]{escape(framework.name)}[/bold] [dim](activities serving each principle, by workshop)[/dim]")
    ids = [s.workshop.id or "" for s in report.schedules]
    wide = len(ids) <= MATRIX_COLUMNS
    table = Table(box=None, padding=(0, 1), pad_edge=False, header_style="dim", show_header=wide)
    table.add_column("principle")
    if wide:
        for number in range(1, len(ids) + 1):
            table.add_column(str(number), justify="center", no_wrap=True)
    else:
        table.add_column("served")
    for pid, served in matrix.items():
        name = Text(pid, style="" if served else "yellow")
        if wide:
            cells = [Text(str(len(served[w])), style="green") if w in served else Text("·", style="dim") for w in ids]
            table.add_row(name, *cells)
        else:
            missing = [n for n, w in enumerate(ids, start=1) if w not in served]
            table.add_row(name, coverage_line(len(ids) - len(missing), len(ids), missing))
    out.print(Padding(table, (0, 0, 0, 3)))
    out.print()


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


@contextmanager
def progress_reporter(total: int) -> Iterator[Callable[[Iterable[T]], Iterator[T]]]:
    """Counts documents as they pass: a bar on a terminal, a `rendered 120/900` line on stderr
    when piped (at most one a second, and the last one always); nothing with -q."""
    if is_quiet():
        yield iter
        return
    if out.is_terminal:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

        columns = (TextColumn("rendering"), BarColumn(), MofNCompleteColumn())
        with Progress(*columns, console=out, transient=True, auto_refresh=False) as bar:
            task = bar.add_task("", total=total)

            def on_terminal(items: Iterable[T]) -> Iterator[T]:
                for item in items:
                    yield item
                    bar.advance(task)
                    bar.refresh()

            yield on_terminal
        return

    def piped(items: Iterable[T]) -> Iterator[T]:
        shown = monotonic()
        for done, item in enumerate(items, start=1):
            yield item
            if done == total or monotonic() - shown >= 1:
                print_note(f"rendered {done}/{total}")
                shown = monotonic()

    yield piped


# Up to this many files the summary names each one; beyond, only those kept or overwritten.
LIST_ALL_FILES = 40
_ROUTINE = ("written", "unchanged")
_STATUS = {
    "written": ("written", "green"),
    "overwritten": ("overwritten (--force)", "yellow"),
    "unchanged": ("unchanged", "dim"),
    "kept-edited": ("kept: edited since coprod wrote it", "bold yellow"),
    "kept-foreign": ("kept: not written by coprod", "bold yellow"),
    "new-beside": ("kept: edited since coprod wrote it; the new version is beside it", "bold red"),
    "stale": ("stale: from an older numbering of the workshops (--clean removes it)", "bold yellow"),
    "removed": ("removed: from an older numbering", "yellow"),
    "retired": ("removed: the plan no longer makes it", "yellow"),
    "outdated": ("kept: edited, but the plan no longer makes it (delete it)", "bold red"),
    "superseded": ("removed: it {note}", "yellow"),
    "older": ("stale: it {note}", "bold yellow"),
    "older-sibling": ("kept: edited, but it {note} (delete it)", "bold red"),
    "draft-kept": ("kept: it {note}; this render is a draft", "bold yellow"),
    "beside-removed": ("removed: no longer needed (the file beside it is coprod's again)", "yellow"),
}


def print_render_summary(
    folder: Path, outcomes: list[Outcome], draft: list[str] | None = None, notes: list[str] | None = None
) -> None:
    """A table of what was written, kept or left as it was; for a long series only the files that
    need a look (kept, overwritten, a new version beside), as a thousand 'written' lines hide them.
    `notes`: what no file says (a document asked for with nothing to put in it); `draft`: which
    documents are marked as drafts, and why (said on stderr, so -q still says why render exits 1)."""
    from coprod_cli.documents.leftovers import SHOWN

    listed = outcomes if len(outcomes) <= LIST_ALL_FILES else [o for o in outcomes if o.status not in _ROUTINE]
    for many in ("older", "draft-kept"):  # more than SHOWN: one warning line names them, by folder
        listed = [o for o in listed if o.status != many] if sum(o.status == many for o in listed) > SHOWN else listed
    rows = []
    for o in listed:
        label, style = _STATUS[o.status]
        if "{note}" in label:
            label = label.format(note=o.note)
        elif o.note and o.status != "new-beside":
            label += f" ({o.note})"
        rows.append((str(folder / o.path), label, style))
    if is_quiet():  # -q: only problems; the warnings below still go to stderr
        pass
    elif not out.is_terminal:  # whole paths, one a line, for a pipe or a log
        for line in columns([(path, label) for path, label, _ in rows], right=()):
            print_plain(line.removeprefix("   "))
    else:
        table = Table(box=None, show_header=False, padding=(0, 2, 0, 0), pad_edge=False)
        table.add_column("file")
        table.add_column("status")
        for path, label, style in rows:
            table.add_row(path, Text(label, style=style))
        out.print(table)
    counts: dict[str, int] = {}
    for o in outcomes:
        counts[o.status] = counts.get(o.status, 0) + 1
    written = counts.get("written", 0) + counts.get("overwritten", 0)
    kept = counts.get("kept-edited", 0) + counts.get("kept-foreign", 0)
    line = f"{plural(written, 'file')} written, {counts.get('unchanged', 0)} unchanged"
    if kept:
        line += f", {kept} kept (use --force to overwrite them)"
    if counts.get("new-beside"):
        line += f", {counts['new-beside']} with a new version beside"
    if stale := counts.get("older", 0) + counts.get("older-sibling", 0) + counts.get("draft-kept", 0):
        line += f", {stale} stale (see below)"
    out.print(f"[bold]{line}[/bold] in {escape(str(folder))}/", soft_wrap=True)
    for note in notes or []:
        out.print(Text(note), soft_wrap=True)
    _print_render_warnings(folder, outcomes)
    for n, line in enumerate(draft or []):
        err.print(Text(f"warning: {line}" if n == 0 else line, style="yellow"), soft_wrap=True)


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
    # one principle a line, never broken inside its name
    longest = max((len(p) for a in found.values() for p in a.principles), default=10)
    table.add_column("principles", no_wrap=True, width=longest)
    for key, a in found.items():
        table.add_row(key, a.kind, str(a.duration), a.groups or "", "\n".join(a.principles))
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
        f"[green]✓[/green] wrote {escape(str(path))}: {plural(sessions, 'workshop')} from the {template} starter",
        soft_wrap=True,
    )
    folder = path.parent
    where = "" if str(folder) in (".", "") else f" -p {escape(str(path))}"
    out.print(
        f"   next: fill in the lines marked CHANGE, then `coprod check{where}` and `coprod render{where}`",
        soft_wrap=True,
    )


def print_plan_heading(file: str) -> None:
    """Above each plan's report when several are checked."""
    out.print(Text(f"── {file}", style="bold"))
    out.print()


def print_preview_started(plan: Path, url: str) -> None:
    """The address to open; flushed at once, since a program may be waiting for it."""
    out.print(f"Previewing {escape(str(plan))} at {url} (Ctrl-C to stop)", soft_wrap=True, markup=True)
    out.file.flush()


def print_written(path: Path, status: str) -> None:
    """One file coprod wrote (or found already up to date)."""
    out.print(f"[green]✓[/green] {escape(str(path))}: {status}", soft_wrap=True)


def print_added(path: Path, what: str, ident: str) -> None:
    out.print(
        f"[green]✓[/green] added {what} '{escape(ident)}' to {escape(str(path))} (your comments are kept)",
        soft_wrap=True,
    )
