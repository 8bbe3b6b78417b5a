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

from coprod_cli.documents.fitting import STEP, Slot, pause_slot, plan_day
from coprod_cli.errors import UsageError
from coprod_cli.plan.answers import Rhythm
from coprod_cli.plan.durations import format_clock
from coprod_cli.plan.models import Activity
from coprod_cli.plan.resolve import slugify
from coprod_cli.plan.suggest import did_you_mean

STARTERS = ("service-design", "citizen-lab", "online-engagement", "blank")
MAX_SESSIONS = 30


@dataclass
class Options:
    template: str
    title: str
    sessions: int
    start: dt.date
    every: Rhythm
    time: tuple[int, int]
    mode: str
    venue: str | None
    uid: str = field(default_factory=lambda: str(uuid.uuid4()))


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
    return {"name": name, **yaml.load(text, Loader=Loader)}


def starter_list() -> str:
    """One line per starter: its name and what it is for (the blueprint's `about`)."""
    return "\n".join(f"  {name}: {load_blueprint(name)['about']}" for name in STARTERS)


def _slot(entry: dict[str, Any], mode: str, library: Mapping[str, Activity]) -> Slot:
    if entry.get("pause"):
        pause = pause_slot(mode, library)
        pause.optional = bool(entry.get("optional"))
        return pause
    spec = {k: v for k, v in entry.items() if k not in ("optional", "grow")}
    if "use" in spec:
        activity = library[spec["use"]]
        minutes = int(str(spec.get("duration", activity.duration)).rstrip("m"))
        flex, kind = activity.flex or minutes // 4, str(spec.get("kind", activity.kind))
    else:
        minutes = int(str(spec["duration"]).rstrip("m"))
        flex, kind = minutes // 4, str(spec.get("kind", "exercise"))
    least = max(STEP, minutes - flex)
    return Slot(spec, minutes, least, bool(entry.get("optional")), bool(entry.get("grow")), kind=kind)


def most_sessions(blueprint: dict[str, Any]) -> int:
    """How many workshops a starter has an arc for (a blank one numbers as many as you like)."""
    return max(blueprint["arcs"]) if "arcs" in blueprint else MAX_SESSIONS


def check_sessions(blueprint: dict[str, Any], count: int) -> int:
    """A number of workshops the starter has a plan for, or why not in plain words."""
    most = most_sessions(blueprint)
    if count < 1:
        raise UsageError(f"a series has 1 to {most} workshops")
    if count > most and "arcs" in blueprint:
        raise UsageError(
            f"the {blueprint['name']} starter has a plan for 1 to {most} workshops, not {count}; start with "
            f"{most} and add more later with `coprod new workshop`, or start from the blank starter"
        )
    if count > most:
        raise UsageError(f"a series has 1 to {most} workshops, not {count}")
    return count


def arc(blueprint: dict[str, Any], count: int) -> list[dict[str, Any]]:
    """The sessions for `count` workshops, in order, each with its `id`."""
    if "arcs" not in blueprint:
        each = json.dumps(blueprint["each"])
        return [dict(json.loads(each.replace("{n}", str(n))), id=f"workshop-{n}") for n in range(1, count + 1)]
    check_sessions(blueprint, count)
    return [dict(blueprint["sessions"][sid], id=sid) for sid in blueprint["arcs"][count]]


def _homework(sessions: list[dict[str, Any]], index: int) -> str | None:
    """A session's homework, when the next session is there to pick it up."""
    session = sessions[index]
    if index + 1 >= len(sessions) or not session.get("homework"):
        return None
    takers = session.get("homework_for")
    return session["homework"] if takers is None or sessions[index + 1]["id"] in takers else None


Entries = list[dict[str, Any]]


def _entries(sessions: list[dict[str, Any]], index: int, homework: list[str | None]) -> tuple[Entries, ...]:
    """A session's opening, agenda as written in the blueprint, and closing, fitted to its place."""
    first, last = index == 0, index == len(sessions) - 1
    session = sessions[index]
    opening: list[dict[str, Any]] = [{"use": "welcome-and-ground-rules"}] if first else [{"use": "welcome-back"}]
    if not first:
        opening.append({"use": "you-said-we-did"})
        if homework[index - 1]:
            opening.append({"use": "homework-review"})
    closing: list[dict[str, Any]] = [{"use": "recap", "optional": True}]
    if homework[index]:
        closing.append({"use": "set-homework"})
    if last:
        closing.append({"use": "whats-next", "optional": len(sessions) == 1})
    if session.get("sensitive"):
        closing.append({"use": "check-out"})
    else:
        closing.append({"use": "feedback-round" if last and len(sessions) > 1 else "exit-words"})
    return opening, list(session["agenda"]), closing


def _extras(blueprint: dict[str, Any], session: dict[str, Any]) -> Entries:
    """The starter's extras for a long day, those the session does not already have."""
    used = {entry.get("use") for entry in session["agenda"]}
    return [dict(entry) for entry in blueprint.get("extras", []) if entry.get("use") not in used]


def build_sessions(options: Options, library: Mapping[str, Activity]) -> list[dict[str, Any]]:
    """The workshops of the new plan, with fitted agendas, ready for the template."""
    blueprint = load_blueprint(options.template)
    sessions = arc(blueprint, options.sessions)
    start, end = options.time
    homework = [_homework(sessions, i) for i in range(len(sessions))]
    out = []
    for number, session in enumerate(sessions, start=1):
        opening, core, closing = (
            [_slot(e, options.mode, library) for e in part] for part in _entries(sessions, number - 1, homework)
        )
        for slot in opening + closing:
            slot.fixed = True
        extras = [_slot(e, options.mode, library) for e in _extras(blueprint, session)]
        slots = plan_day((opening, core, closing), extras, options.mode, options.time, library)
        agenda = []
        for slot in slots:
            spec = dict(slot.spec)
            if "duration" in spec or "use" in spec and slot.minutes != library[spec["use"]].duration:
                spec["duration"] = f"{slot.minutes}m"  # the fitted length (left out when it is the library's own)
            agenda.append(spec)
        out.append(
            {
                "id": slugify(session["title"]) or session["id"],
                "title": session["title"],
                "date": options.every.nth(options.start, number - 1).isoformat(),
                "start": format_clock(start),
                "end": format_clock(end),
                "goals": session.get("goals", []),
                "agenda": agenda,
                "homework": homework[number - 1],
                "sensitive": bool(session.get("sensitive")),
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

    from coprod_cli.documents.writers.page import builtin_templates
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
