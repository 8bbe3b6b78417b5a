"""The check report as text: laid out directly for a pipe or a file, handed to rich for a terminal.

Rich builds a table per workshop (about 0.4 ms a row) and costs an import; a pipe needs
neither. This module imports no rich: the words of the report (facts, end notes, the
summary) live here once and console.py, the only rich user, dresses them for a terminal.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from coprod_cli.errors import neutral
from coprod_cli.language.messages import short_date
from coprod_cli.plan.durations import format_clock, format_duration

if TYPE_CHECKING:
    from coprod_cli.checks import Report
    from coprod_cli.findings import Finding
    from coprod_cli.schedule import Schedule, TimedItem

LABELS = {"error": "error", "warning": "warning", "info": "note"}
# Up to this many workshops the principles matrix has a column each; beyond, one line a principle.
MATRIX_COLUMNS = 12


class _Settings:
    quiet = False  # -q: reports and summaries for people are not printed; problems and machine output are


def set_quiet(quiet: bool = True) -> None:
    """-q, before or after the verb; rich's console (if loaded) goes quiet too."""
    _Settings.quiet = quiet
    console = sys.modules.get("coprod_cli.cli.console")
    if console is not None:
        console.out.quiet = quiet


def is_quiet() -> bool:
    return _Settings.quiet


def is_terminal() -> bool:
    """True when a person reads stdout at a terminal (then rich lays it out and colours it)."""
    return sys.stdout.isatty()


def print_plain(text: str) -> None:
    """Machine-readable output (JSON, schema, annotations): exactly the text, no styling."""
    sys.stdout.write(text + "\n")


def print_errors(lines: Iterable[str]) -> None:
    """Problems that stop coprod (exit 2): one plain line each on stderr (red at a terminal)."""
    if sys.stderr.isatty():
        from coprod_cli.cli.console import print_errors_in_red

        print_errors_in_red(lines)
        return
    for line in lines:
        sys.stderr.write(neutral(line) + "\n")


def print_note(text: str) -> None:
    """A word about what coprod is doing (watching, progress) on stderr, out of the report's way."""
    sys.stderr.write(text + "\n")
    sys.stderr.flush()


# ---------------------------------------------------------------- the words of the report


def when(sched: Schedule, offset: int) -> str:
    clock = sched.clock(offset)
    return clock if clock is not None else f"+{format_duration(offset)}"


def facts(sched: Schedule) -> str:
    """'Mon 3 Oct 2016 · 10:00–13:30 · Care Leavers Hub · in person'."""
    w = sched.workshop
    found = []
    if w.date:
        found.append(short_date(w.date))
    if sched.start is not None:
        until = f"–{format_clock(sched.booked_end)}" if sched.booked_end is not None else ""
        found.append(f"{format_clock(sched.start)}{until}")
    elif sched.booked_minutes:
        found.append(f"{format_duration(sched.booked_minutes)} booked")
    if w.venue:
        found.append(w.venue)
    found.append(w.mode.replace("-", " "))
    return " · ".join(found)


def end_note(sched: Schedule) -> str:
    slack = (sched.booked_minutes - sched.total_minutes) if sched.booked_minutes is not None else None
    if slack is None:
        return f"end ({format_duration(sched.total_minutes)} in all)"
    if slack < 0:
        return f"end: {format_duration(-slack)} over the booking"
    if slack == 0:
        return "end: exactly on time"
    return f"end: {format_duration(slack)} to spare"


def marks(t: TimedItem) -> str:
    """'  pinned 13:00  flex 5 min  (2m per person x 9)' after an item's title."""
    text = f"  pinned {format_clock(t.item.at)}" if t.item.at is not None else ""
    text += f"  flex {format_duration(t.item.flex)}" if t.item.flex else ""
    return text + (f"  {t.item.scale_note}" if t.item.scale_note else "")


def mix(sched: Schedule) -> list[tuple[str, float]]:
    """(kind, share of the time), largest first."""
    from coprod_cli.schedule import kind_minutes

    minutes = kind_minutes(sched)
    total = sum(minutes.values())
    return [(kind, spent / total) for kind, spent in sorted(minutes.items(), key=lambda kv: -kv[1])] if total else []


def plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def summary(report: Report, strict: bool) -> tuple[bool, str, str]:
    """(passed, '1 error, 2 warnings, 0 notes', 'in 4 workshops' or the reason it failed)."""
    from coprod_cli.checks import FAMILIES

    errors, warnings, notes = report.count("error"), report.count("warning"), report.count("info")
    counts = f"{plural(errors, 'error')}, {plural(warnings, 'warning')}, {plural(notes, 'note')}"
    scope = plural(len(report.schedules), "workshop")
    if report.families != FAMILIES:
        scope += f" (checks: {', '.join(report.families)})"
    if report.failed(strict):
        return False, counts, f"in {scope}: fix the {'errors' if errors else 'warnings (--strict)'} above"
    return True, counts, f"in {scope}"


def by_workshop(report: Report) -> dict[str | None, list[Finding]]:
    grouped: dict[str | None, list[Finding]] = {}
    for finding in report.findings:
        grouped.setdefault(finding.workshop, []).append(finding)
    return grouped


def coverage_line(served: int, of: int, missing: list[int]) -> str:
    """A principle across a long series: 'in 412 of 1000 workshops; none in 1, 2, 5 and 585 more'."""
    if served == of:
        return f"in all {of} workshops"
    if not served:
        return f"in none of the {of} workshops"
    line = f"in {served} of {of} workshops"
    if missing:
        shown = ", ".join(str(n) for n in missing[:5])
        line += f"; none in {shown}" + (f" and {len(missing) - 5} more" if len(missing) > 5 else "")
    return line


# ---------------------------------------------------------------- plain layout


def print_plan_heading(file: str) -> None:
    """Above each plan's report when several are checked."""
    if is_terminal():
        from coprod_cli.cli.console import print_plan_heading as heading

        heading(file)
        return
    sys.stdout.write(f"── {neutral(file)}\n\n")


def print_report(report: Report, strict: bool) -> None:
    """The run sheet of each workshop with its findings, then a one-line summary."""
    if is_terminal():
        from coprod_cli.cli.console import print_report_rich

        print_report_rich(report, strict)
        return
    lines: list[str] = []
    found = by_workshop(report)
    for number, sched in enumerate(report.schedules, start=1):
        w = sched.workshop
        lines += [f"{number}. {neutral(w.title)} ({w.id or ''})", f"   {neutral(facts(sched))}"]
        lines += columns(
            list(_rows(sched, sched.items, "")) + [(when(sched, sched.total_minutes), "", "", end_note(sched))]
        )
        if "principles" in report.families and (shares := mix(sched)):
            shown = "  ".join(f"{'█' * max(1, round(s * 10))} {kind} {s:.0%}" for kind, s in shares[:4])
            lines.append(f"   time: {shown}" + (f"  +{len(shares) - 4} more" if len(shares) > 4 else ""))
        lines += _findings(report, found.get(sched.workshop.id, []))
        lines.append("")
    lines += _matrix(report)
    if found.get(None):
        lines += ["The series", *_findings(report, found[None]), ""]
    passed, counts, scope = summary(report, strict)
    lines.append(f"{'✓' if passed else '✗'} {counts} {scope}")
    sys.stdout.write("\n".join(lines) + "\n")


def _rows(sched: Schedule, items: list[TimedItem], indent: str) -> Iterable[tuple[str, ...]]:
    for t in items:
        if t.gap_before:
            yield when(sched, t.offset - t.gap_before), format_duration(t.gap_before), "", f"{indent}(waiting)"
        yield (
            when(sched, t.offset),
            format_duration(t.minutes),
            t.item.kind,
            indent + neutral(t.item.title) + marks(t),
        )
        for track in t.tracks:
            yield "", "", "", neutral(f"{indent}  ▸ {track.group}" + (f" ({track.where})" if track.where else ""))
            yield from _rows(sched, track.items, indent + "    ")


def columns(rows: Sequence[tuple[str, ...]], right: tuple[int, ...] = (0, 1)) -> list[str]:
    """Rows as aligned columns two spaces apart, indented three; `right` columns align right."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))] if rows else []
    out = []
    for row in rows:
        cells = [c.rjust(w) if i in right else c.ljust(w) for i, (c, w) in enumerate(zip(row, widths, strict=True))]
        out.append(("   " + "  ".join(cells)).rstrip())
    return out


def _findings(report: Report, findings: list[Finding]) -> list[str]:
    rows: list[tuple[str, ...]] = []
    for f in findings:
        line = report.line(f)
        rows.append((LABELS[f.severity], f"line {line}" if line else "", f"{neutral(f.message)}  [{f.code}]"))
    return columns(rows, right=())


def _matrix(report: Report) -> list[str]:
    """Principles by workshop: how many activities serve each (· where none do); for a long
    series one line a principle, as a column per workshop would be unreadable."""
    matrix = report.coverage()
    if matrix is None:
        return []
    from coprod_cli.plan.frameworks import FRAMEWORKS

    framework = FRAMEWORKS[report.loaded.plan.framework or ""]
    ids = [s.workshop.id or "" for s in report.schedules]
    lines = [f"{framework.name} (activities serving each principle, by workshop)"]
    if len(ids) <= MATRIX_COLUMNS:
        rows = [("principle", *(str(n) for n in range(1, len(ids) + 1)))]
        rows += [(pid, *(str(len(served[w])) if w in served else "·" for w in ids)) for pid, served in matrix.items()]
        lines += columns(rows, right=tuple(range(1, len(ids) + 1)))
    else:
        rows = []
        for pid, served in matrix.items():
            missing = [n for n, w in enumerate(ids, start=1) if w not in served]
            rows.append((pid, coverage_line(len(ids) - len(missing), len(ids), missing)))
        lines += columns(rows, right=())
    return [*lines, ""]
