"""Starter plans for `coprod new series`: a blueprint, fitted to your sessions, dates and times.

A blueprint (library/starters/NAME.yaml) lists sessions and their core activities. For each
workshop we add an opening and a closing, drop optional items if time is short, grow the main
activity if time is spare, and put in breaks before a stretch passes the limit for the mode.
The plan is then written by the Jinja template documents/templates/plan.yaml.j2, with comments.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from coprod_cli.errors import UsageError
from coprod_cli.plan.durations import format_clock, parse_clock
from coprod_cli.plan.models import Activity
from coprod_cli.plan.resolve import slugify
from coprod_cli.plan.suggest import did_you_mean

STARTERS = ("service-design", "citizen-lab", "online-engagement", "blank")
LUNCH_FROM_MINUTES = 5 * 60
STEP = 5


@dataclass
class Slot:
    """One agenda item being fitted: what to write and how long it can be."""

    spec: dict[str, Any]
    minutes: int
    least: int
    optional: bool = False
    grow: bool = False


@dataclass
class Options:
    template: str
    title: str
    sessions: int
    start: dt.date
    every_days: int
    time: tuple[int, int]
    mode: str
    venue: str | None
    uid: str = field(default_factory=lambda: str(uuid.uuid4()))


def parse_every(text: str) -> int:
    """'1w' -> 7, '2w' -> 14, '7d' -> 7, '1d' -> 1."""
    match = re.fullmatch(r"\s*(\d+)\s*([dw])\s*", text.lower())
    if not match or int(match.group(1)) == 0:
        raise UsageError(f"'{text}' is not a rhythm; write it like 1w, 2w, 7d or 1d")
    if len(match.group(1)) > 3 or int(match.group(1)) * (7 if match.group(2) == "w" else 1) > 366:
        raise UsageError(f"'{text}' is more than a year between workshops; write it like 1w, 2w, 7d or 1d")
    return int(match.group(1)) * (7 if match.group(2) == "w" else 1)


def parse_time_window(text: str) -> tuple[int, int]:
    """'10:00-13:00' -> (600, 780)."""
    parts = re.split(r"\s*(?:-|–|to)\s*", text.strip())
    try:
        if len(parts) != 2:
            raise ValueError
        start, end = parse_clock(parts[0]), parse_clock(parts[1])
    except ValueError:
        raise UsageError(f"'{text}' is not a time window; write it like 10:00-13:00") from None
    if end - start < 30:
        raise UsageError(f"'{text}': a workshop needs at least 30 minutes")
    return start, end


def check_template(name: str) -> str:
    if name not in STARTERS:
        raise UsageError(
            f"there is no '{name}' starter{did_you_mean(name, STARTERS)} (choose from {', '.join(STARTERS)})"
        )
    return name


@lru_cache(maxsize=8)
def load_blueprint(name: str) -> dict[str, Any]:
    from importlib import resources

    import yaml

    from coprod_cli.plan.placeholders import PLACEHOLDERS

    class Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
        """`!placeholder venue`: the text the `ready` check looks for, from its one home."""

    Loader.add_constructor("!placeholder", lambda loader, node: PLACEHOLDERS[loader.construct_scalar(node)])
    blueprints = resources.files("coprod_cli.library").joinpath("starters")
    text = blueprints.joinpath(f"{check_template(name)}.yaml").read_text(encoding="utf-8")
    return yaml.load(text, Loader=Loader)


def _slot(entry: dict[str, Any], library: Mapping[str, Activity]) -> Slot:
    spec = {k: v for k, v in entry.items() if k not in ("optional", "grow")}
    if "use" in spec:
        activity = library[spec["use"]]
        minutes = int(str(spec.get("duration", activity.duration)).rstrip("m"))
        flex = activity.flex or minutes // 4
    else:
        minutes = int(str(spec["duration"]).rstrip("m"))
        flex = minutes // 4
    least = max(STEP, minutes - flex)
    return Slot(spec, minutes, least, bool(entry.get("optional")), bool(entry.get("grow")))


def _pause(mode: str, library: Mapping[str, Activity]) -> Slot:
    use = "tea-break" if mode == "in-person" else "screen-break"
    return Slot({"use": use}, library[use].duration, library[use].duration)


def _lunch(mode: str) -> Slot:
    if mode == "in-person":
        return Slot({"use": "shared-lunch"}, 45, 45)
    return Slot({"lunch": "45m"}, 45, 45)


def _layout(slots: list[Slot], mode: str, window: int, library: Mapping[str, Activity]) -> list[Slot]:
    """Slots with breaks (and lunch on a long day) put in where the stretch would pass the limit."""
    limit = 90 if mode == "in-person" else 60
    lunch_due = window >= LUNCH_FROM_MINUTES
    half = window // 2
    out: list[Slot] = []
    stretch = elapsed = 0
    for index, slot in enumerate(slots):
        closing = index >= len(slots) - 1
        if lunch_due and elapsed + slot.minutes > half and out and not closing:
            out.append(_lunch(mode))
            elapsed += 45
            stretch, lunch_due = 0, False
        elif stretch + slot.minutes > limit and out:
            pause = _pause(mode, library)
            out.append(pause)
            elapsed += pause.minutes
            stretch = 0
        out.append(slot)
        stretch += slot.minutes
        elapsed += slot.minutes
    return out


def _total(slots: list[Slot]) -> int:
    return sum(s.minutes for s in slots)


def fit(slots: list[Slot], mode: str, window: int, library: Mapping[str, Activity]) -> list[Slot]:
    """Drop optional items, then shrink, until the day fits; then grow the main items into spare time."""
    slots = list(slots)
    while _total(_layout(slots, mode, window, library)) > window:
        optional = [i for i, s in enumerate(slots) if s.optional]
        if not optional:
            break
        del slots[optional[-1]]
    for floor in ("least", "step"):  # first within each item's flex, then harder if the day is short
        while _total(_layout(slots, mode, window, library)) > window:
            least = (lambda s: s.least) if floor == "least" else (lambda s: STEP)
            shrinkable = [s for s in slots if s.minutes - STEP >= least(s)]
            if not shrinkable:
                break
            max(shrinkable, key=lambda s: s.minutes - least(s)).minutes -= STEP
    limit_cap = (90 if mode == "in-person" else 60) - 10
    growing = [s for s in slots if s.grow]
    caps = {id(s): min(limit_cap, 2 * s.minutes) for s in growing}
    while growing:
        target = min(growing, key=lambda s: s.minutes)
        if target.minutes + STEP > caps[id(target)]:
            growing.remove(target)
            continue
        target.minutes += STEP
        if _total(_layout(slots, mode, window, library)) > window:
            target.minutes -= STEP
            growing.remove(target)
    return _layout(slots, mode, window, library)


def _sessions(blueprint: dict[str, Any], count: int) -> list[dict[str, Any]]:
    """Pick `count` sessions: the blueprint's in order, repeating one in the middle if needed."""
    base = blueprint["sessions"]
    if count <= 1:
        return [dict(base[0])]
    if count <= len(base):
        chosen = base[: count - 1] + [base[-1]]
    else:
        repeat = base[blueprint.get("repeat", 0)]
        extra = count - len(base)
        middle = [dict(repeat, title=f"{repeat['title']} (part {n + 2})") for n in range(extra)]
        index = blueprint.get("repeat", 0) + 1
        chosen = base[:index] + middle + base[index:]
    return [dict(s) for s in chosen]


def build_sessions(options: Options, library: Mapping[str, Activity]) -> list[dict[str, Any]]:
    """The workshops of the new plan, with fitted agendas, ready for the template."""
    blueprint = load_blueprint(options.template)
    sessions = _sessions(blueprint, options.sessions)
    start, end = options.time
    window = end - start
    used_ids: set[str] = set()
    out = []
    for number, session in enumerate(sessions, start=1):
        first, last = number == 1, number == len(sessions)
        opening = [{"use": "welcome-and-ground-rules"}] if first else [{"use": "welcome-back"}]
        if not first and sessions[number - 2].get("homework"):
            opening.append({"use": "homework-review"})
        closing: list[dict[str, Any]] = [{"use": "recap", "optional": True}]
        homework = session.get("homework") if not last else None
        if homework:
            closing.append({"use": "set-homework"})
        closing.append({"use": "feedback-round" if last and len(sessions) > 1 else "exit-words"})
        entries = opening + list(session["agenda"]) + closing
        slots = fit([_slot(e, library) for e in entries], options.mode, window, library)
        ident = slugify(session["title"]) or f"workshop-{number}"
        while ident in used_ids:
            ident = f"{ident}-{number}"
        used_ids.add(ident)
        agenda = []
        for slot in slots:
            spec = dict(slot.spec)
            default = library[spec["use"]].duration if "use" in spec else None
            if "use" in spec and slot.minutes != default or "use" not in spec and "duration" in spec:
                spec["duration"] = f"{slot.minutes}m"
            agenda.append(spec)
        out.append(
            {
                "id": ident,
                "title": session["title"],
                "date": (options.start + dt.timedelta(days=options.every_days * (number - 1))).isoformat(),
                "start": format_clock(start),
                "end": format_clock(end),
                "goals": session.get("goals", []),
                "agenda": agenda,
                "homework": homework,
            }
        )
    return out


def yaml_scalar(value: Any) -> str:
    """A YAML scalar for any text: plain when that is unambiguous, else double-quoted."""
    if isinstance(value, bool) or value is None:
        return json.dumps(value)
    if isinstance(value, int | float):
        return str(value)
    text = str(value)
    plain_ok = (
        re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9 _.'()/&?!-]*", text)  # no ',': it ends a value in {...}
        and not re.fullmatch(r"[0-9._+-]+(e[0-9]+)?", text)
        and text.lower() not in {"yes", "no", "on", "off", "true", "false", "null", "y", "n"}
        and not text.endswith(" ")
    )
    return text if plain_ok else json.dumps(text, ensure_ascii=False)


def yaml_flow(value: Any) -> str:
    """A short mapping or list in flow style, every scalar safely quoted."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{yaml_scalar(k)}: {yaml_flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(yaml_flow(v) for v in value) + "]"
    return yaml_scalar(value)


def render_starter(options: Options, library: Mapping[str, Activity]) -> str:
    """The text of a new, commented plan."""
    import jinja2

    from coprod_cli.documents.writers.text import builtin_templates
    from coprod_cli.plan.placeholders import PLACEHOLDERS

    blueprint = load_blueprint(options.template)
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(builtin_templates())),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["y"] = yaml_scalar
    env.filters["flow"] = yaml_flow
    return env.get_template("plan.yaml.j2").render(
        blueprint=blueprint,
        options=options,
        workshops=build_sessions(options, library),
        placeholders=PLACEHOLDERS,
    )
