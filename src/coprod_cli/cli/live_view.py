"""The live view of `coprod run`, drawn with rich: the clock, the current item large, what comes next.

It only lays out what `live.state` computed; rich stays in cli/ (STYLE: only the CLI talks to the terminal).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.markup import escape
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from coprod_cli.cli.console import out
from coprod_cli.live.events import KEYS_HELP
from coprod_cli.live.words import clock_seconds, countdown, replan_sentence, signed, standing
from coprod_cli.plan.durations import format_clock, format_duration
from coprod_cli.plan.resolve import rescale_steps
from coprod_cli.views.facilitator import online_variant

if TYPE_CHECKING:
    from coprod_cli.live.report import ActivityResult, ItemResult, RunResult
    from coprod_cli.live.state import LiveState
    from coprod_cli.schedule import Schedule, TimedItem

NEXT_ROWS = 7  # the most next items shown (with their title line); fewer on a small terminal
# A five-row block font, so the time left reads from across the room: each glyph of
# _GLYPHS is three columns wide, drawn side by side with one space between.
_GLYPHS = "0123456789:-"
_DRAWN = (
    "███  █  ███ ███ █ █ ███ ███ ███ ███ ███        ",
    "█ █ ██    █   █ █ █ █   █     █ █ █ █ █  █     ",
    "█ █  █  ███ ███ ███ ███ ███   █ ███ ███     ███",
    "█ █  █  █     █   █   █ █ █   █ █ █   █  █     ",
    "███ ███ ███ ███   █ ███ ███   █ ███ ███        ",
)
_FONT = {c: tuple(row[4 * i : 4 * i + 3] for row in _DRAWN) for i, c in enumerate(_GLYPHS)}


def big(text: str, style: str) -> Text:
    rows = [" ".join(_FONT[c][r] for c in text if c in _FONT) for r in range(5)]
    return Text("\n".join(rows), style=style)


def live_view(
    sched: Schedule,
    state: LiveState,
    record: str,
    url: str | None = None,
    width: int = 80,
    height: int = 24,
    rehearsal: bool = False,
    note: str | None = None,
) -> RenderableType:
    """One frame of the facilitator's view, most urgent first, fitted to a `width` x `height` terminal.

    `note` is shown until the first item begins (a workshop planned for another day, say).

    The clock, then the re-plan and cues, then the current item, then as many next items as fit.
    """
    top: list[RenderableType] = [_header(sched, state, rehearsal)]
    top.extend(_advice(state))
    if state.ended:
        top.append(
            Panel(Text("The workshop is over. Press q to close; `coprod report` shows how it went."), box=_box())
        )
    elif state.current is None:
        first = state.following()
        title = state.items[first].planned.title if first is not None else ""
        planned, _ = state.planned_starts()
        at = format_clock(round(planned.get(first, state.day.start))) if first is not None else ""
        ready = Text(f"Ready. Press n to begin '{title}' (planned {at}).", style="bold")
        if note:
            ready.append("\n" + note, style="yellow")
        top.append(Panel(ready, box=_box()))
    else:
        top.append(_current(sched, state, width))
    bottom: list[RenderableType] = [Text(KEYS_HELP, style="dim", overflow="ellipsis", no_wrap=True)]
    footer = Text(f"record: {record}", style="dim", overflow="ellipsis", no_wrap=True)
    if url:
        footer = Text(f"projector page: {url}", style="cyan", no_wrap=True)
    bottom.append(footer)
    used = _rows(Group(*top, *bottom), width)
    next_rows = max(0, min(NEXT_ROWS, height - used - 1))
    parts = [*top]
    if next_rows and state.upcoming():
        parts.append(_next(state, next_rows))
    return Group(*parts, *bottom)


def _rows(renderable: RenderableType, width: int) -> int:
    """How many terminal rows a part of the view takes at this width."""
    from rich.console import Console

    console = Console(width=width, file=None, color_system=None, legacy_windows=False)
    return len(console.render_lines(renderable, console.options.update(width=width), pad=False))


def _box():  # type: ignore[no-untyped-def]
    from rich import box

    return box.ROUNDED


def _header(sched: Schedule, state: LiveState, rehearsal: bool = False) -> Text:
    line = Text(no_wrap=True, overflow="ellipsis")
    if rehearsal:
        line.append("REHEARSAL ", style="bold reverse magenta")
    line.append(clock_seconds(state.now), style="bold")
    if state.ended:
        line.append(
            f"  finished at {format_clock(round(state.finish))} (planned {format_clock(state.day.planned_end)})"
        )
        line.append(f"  {sched.workshop.title}", style="dim")
        return line
    finish = round(state.finish)
    late = finish > state.day.deadline
    where, end = standing(state.behind, finish, state.day.deadline, sched.booked_end is not None)
    style = "bold red" if state.behind > 0 else ("green" if state.behind < 0 and not late else "")
    line.append("  ")
    line.append(where, style=style)
    line.append(" · ")
    line.append(end, style="bold red" if late else "")
    line.append(f"  {sched.workshop.title}", style="dim")
    return line


def _current(sched: Schedule, state: LiveState, width: int) -> Panel:
    assert state.current is not None
    t = sched.items[state.current]
    item = state.items[state.current]
    left = state.left
    colour = "red" if left < 0 else ("yellow" if left <= 5 * 60 else "green")
    body: list[RenderableType] = []
    head = Text(t.item.title, style="bold")
    facts: list[str] = [t.item.kind]
    if t.item.lead:
        facts.append(f"led by {t.item.lead}")
    if t.item.groups:
        facts.append(t.item.groups)
    head.append("  " + " · ".join(facts), style="dim")
    body.append(head)
    body.append(big(countdown(left), colour))
    word = "over its" if left < 0 else "left of"
    body.append(Text(f"{word} {format_duration(item.minutes)}" + ("  (paused)" if state.paused else "")))
    if t.item.say:
        body.append(_two_lines("Say: ", t.item.say, width, "italic"))
    variant = online_variant(t.item, sched.workshop.mode)
    if variant is not None and variant.how:  # as the script: what to do for the people online
        body.append(_two_lines("Online: ", variant.how, width, "cyan"))
    start = state.started_at / 60
    elapsed = state.elapsed / 60
    # Steps follow the item's length now (after +/- and a re-plan), from when it really started.
    steps = rescale_steps(t.item.steps, item.minutes) if item.minutes != t.minutes else t.item.steps
    rel = 0
    for step in steps:
        now_step = rel <= elapsed < rel + (step.duration or 0)
        mark = "▸ " if now_step else "  "
        length = f" ({format_duration(step.duration)})" if step.duration else ""
        body.append(
            Text(f"{mark}{format_clock(int(start + rel))}  {step.do}{length}", style="bold" if now_step else "")
        )
        rel += step.duration or 0
    for track in t.tracks:
        body.append(_track_line(track.group, track.where, track.items, t.offset, elapsed))
    return Panel(Group(*body), title="now", title_align="left", border_style=colour, box=_box())


def _two_lines(label: str, text: str, width: int, style: str) -> Text:
    """A label and a text cut to two lines inside the panel; the script has the rest."""
    words = " ".join(text.split())
    room = 2 * (width - 4) - len(label)
    return Text(label + (words if len(words) <= room else words[: room - 1] + "…"), style=style)


def _track_line(group: str, where: str | None, items: list[TimedItem], offset: int, elapsed: float) -> Text:
    """Each group's own clock inside a split item: what it is doing and how long is left."""
    place = f" ({where})" if where else ""
    for sub in items:
        rel_end = sub.end_offset - offset
        if elapsed < rel_end:
            left = (rel_end - elapsed) * 60
            return Text(f"  ▸ {group}{place}: {sub.item.title}, {countdown(left)} left")
    return Text(f"  ▸ {group}{place}: finished, waiting for the others", style="dim")


def _next(state: LiveState, rows: int) -> Table:
    table = Table(box=None, show_header=False, padding=(0, 1), pad_edge=False, title="next", title_justify="left")
    table.add_column("when", no_wrap=True)
    table.add_column("minutes", justify="right", no_wrap=True)
    table.add_column("title")
    starts, _ = state.projection()
    for i in state.upcoming()[: rows - 1]:
        it = state.items[i]
        title = Text(it.planned.title)
        if it.planned.at is not None:
            title.append(f"  pinned {format_clock(it.planned.at)}", style="dim")
        if it.give:
            title.append(f"  flex {format_duration(it.give)}", style="dim")
        table.add_row(format_clock(int(starts[i] + 0.5)), format_duration(it.minutes), title)
    return table


def _advice(state: LiveState) -> list[RenderableType]:
    out: list[RenderableType] = []
    plan = state.replan()
    if plan is not None:
        titles = {i: it.planned.title for i, it in enumerate(state.items)}
        _, finish = state.projection(plan)
        text = Text("Re-plan: ", style="bold yellow")
        text.append(replan_sentence(plan, titles))
        text.append(f"  → finish {format_clock(round(finish))}", style="dim")
        if not plan.empty:
            text.append("   press a to accept", style="bold")
        out.append(text)
    for cue in state.cues():
        out.append(Text("• " + cue, style="cyan"))
    return out


def print_run_report(results: list[RunResult], acts: list[ActivityResult]) -> None:
    """Planned against actual per run, then each activity's real length across the runs."""
    for result in results:
        data = result.to_dict()
        ran = f"ran {data['actual_start']}–{data['actual_end'] or 'not finished'}"  # `report` leaves out the unbegun
        if result.stopped is not None:
            ran += " (stopped before the end)"
        kind = "[bold magenta]rehearsal[/bold magenta] " if result.run.rehearsal else ""
        out.print(
            f"[bold]{escape(data['title'])}[/bold] {kind}"
            f"[dim]({escape(data['date'])}, {escape(str(result.run.path))})[/dim]"
        )
        out.print(f"   planned {data['planned_start']}–{data['planned_end']}, {ran}", style="dim")
        table = Table(box=None, padding=(0, 1), pad_edge=False)
        for name, justify in (("item", "left"), ("planned", "right"), ("took", "right"), ("difference", "left")):
            table.add_column(name, justify=justify)  # type: ignore[arg-type]
        for item in result.items:
            took = format_duration(round(item.actual)) if item.ran else ""
            table.add_row(escape(item.title), _planned(item), took, _mark(item))
        out.print(Padding(table, (0, 0, 0, 3)))
        for label, items in (("Ran long", result.long), ("Ran short", result.short)):
            if items:
                names = ", ".join(f"{i.title} ({_difference(i)})" for i in items)
                out.print(f"   {label}: {escape(names)}")
        out.print()
    real = sum(1 for r in results if not r.run.rehearsal)
    if acts:
        out.print(f"[bold]Each activity over {real} run{'s' if real != 1 else ''}[/bold]")
        for act in acts:
            out.print("   " + escape(act.sentence()))
    if real < len(results):
        out.print("Rehearsals are marked, and never count towards an activity's real length.", style="dim")


def _mark(item: ItemResult) -> Text:
    """After the time it took: how far from the plan, or what happened to it."""
    if item.status == "running":
        return Text("still running", style="dim")
    if item.stopped:
        return Text("stopped here", style="dim")
    if item.cut_short:
        return Text("then skipped (cut short)", style="dim")
    if not item.ran:
        return Text(item.status, style="dim")
    diff = item.difference
    return Text(_difference(item) if diff else "on time", style="red" if diff > 1 else "")


def _difference(item: ItemResult) -> str:
    """'+3 min', or '-5 min against 17 min' when it ran with a length changed on the day."""
    return signed(item.difference) + (f" against {format_duration(item.length)}" if item.changed else "")


def _planned(item: ItemResult) -> str:
    """'15 min', or '15 → 10 min' when a re-plan or +/- changed it on the day."""
    if item.changed:
        return f"{item.planned} → {format_duration(item.length)}"
    return format_duration(item.planned)
