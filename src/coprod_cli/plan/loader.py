"""YAML text -> a resolved Plan. Every YAML or validation problem becomes a PlanError with a line."""

from __future__ import annotations

import os
import types
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from coprod_cli.errors import CoprodError, PlanError, Problem
from coprod_cli.findings import Loc
from coprod_cli.plan.library import load_library
from coprod_cli.plan.models import Plan
from coprod_cli.plan.resolve import resolve_plan
from coprod_cli.plan.source import MAX_BYTES, SourceMap, YamlProblem, read_yaml
from coprod_cli.plan.suggest import close_names, did_you_mean


@dataclass
class LoadedPlan:
    """A validated, resolved plan and where its parts were written."""

    plan: Plan
    file: str
    source: SourceMap
    text: str = ""  # the plan as read, so a render can say which lines changed since the last one

    def line(self, path: Loc) -> int:
        return self.source.line(path)


PLAN_FILE = "coprod.yaml"


def find_plan(start: Path | None = None) -> Path:
    """The nearest coprod.yaml in `start` (default: the current folder) or a folder above it, as git
    finds its repository; named relative to the current folder (`../coprod.yaml`) when searched from it."""
    here = Path.cwd()
    folder = (start or here).resolve()
    for candidate in (folder, *folder.parents):
        found = candidate / PLAN_FILE
        if found.is_file():
            return found if start else Path(os.path.relpath(found, here))
    raise CoprodError(
        f"coprod: there is no {PLAN_FILE} in {folder} or any folder above it; "
        "start one with `coprod new series`, or name a plan with -p FILE"
    )


def load_plan(path: str | Path) -> LoadedPlan:
    """Read and validate the plan file at `path`."""
    name = str(path)
    file = Path(path)
    if not file.exists():
        raise CoprodError(
            f"{name}: there is no plan here; create one with `coprod new series` or name another with -p FILE"
        )
    if file.is_dir():
        raise CoprodError(f"{name}: this is a folder; name the plan file inside it (like {PLAN_FILE})")
    if not file.is_file():  # a FIFO would block and a device like /dev/zero never ends
        raise CoprodError(f"{name}: this is not a plain file (a device or a pipe); name a YAML file")
    mb = MAX_BYTES // (1024 * 1024)
    with file.open("rb") as handle:  # read at most one byte past the limit: the size may change under us
        data = handle.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise PlanError.single(name, f"the file is bigger than {mb} MB; a plan can be at most {mb} MB")
    return load_plan_bytes(data, name)


def load_plan_bytes(data: bytes, name: str = "coprod.yaml") -> LoadedPlan:
    """Decode and validate plan bytes; `name` is used in messages."""
    if b"\x00" in data:
        raise PlanError.single(name, "this is not a text file (it looks binary); a plan is a YAML text file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise PlanError.single(name, "the file is not UTF-8 text; save it as UTF-8 in your editor", line=line) from None
    return load_plan_text(text, name)


def load_plan_text(text: str, name: str = "coprod.yaml") -> LoadedPlan:
    """Validate plan text; raises PlanError listing every problem."""
    if len(text) > MAX_BYTES:
        raise PlanError.single(name, "the plan is too big")
    try:
        data, source = read_yaml(text)
    except YamlProblem as problem:
        raise PlanError([Problem(name, problem.line, problem.column, _where(problem.where), problem.what)]) from None
    if data is None:
        raise PlanError.single(
            name, "the plan is empty; start one with `coprod new series` or copy a file from examples/"
        )
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else "a single value"
        raise PlanError.single(
            name, f"the plan is {kind}; it should be a mapping of keys like 'title:' and 'workshops:'"
        )
    try:
        plan = Plan.model_validate(data)
    except ValidationError as err:
        raise PlanError(_translate(err, source, name)) from None
    found = resolve_plan(plan, load_library())
    if found:
        problems = []
        for loc, what in found:
            line, col = source.position(loc)
            problems.append(Problem(name, line, col, _where(loc), what))
        raise PlanError(sorted(problems, key=lambda p: (p.line, p.column)))
    return LoadedPlan(plan, name, source, text)


def _where(loc: Loc) -> str:
    """('workshops', 1, 'agenda', 2, 'duration') -> 'workshops[1].agenda[2].duration'."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


_TYPE_WORDS = {
    "string_type": "should be text",
    "int_type": "should be a whole number",
    "int_parsing": "should be a whole number",
    "int_from_float": "should be a whole number",
    "int_parsing_size": "is far too long a number",
    "bool_type": "should be true or false",
    "bool_parsing": "should be true or false",
    "list_type": "should be a list (lines starting with '- ')",
    "dict_type": "should be a mapping of 'key: value' lines",
    "model_type": "should be a mapping of 'key: value' lines",
    "model_attributes_type": "should be a mapping of 'key: value' lines",
    "date_type": "should be a date like 2026-10-03",
    "date_parsing": "should be a date like 2026-10-03",
    "date_from_datetime_parsing": "should be a date like 2026-10-03",
    "date_from_datetime_inexact": "should be a date like 2026-10-03, without a time",
    "greater_than_equal": "is too small",
    "less_than_equal": "is too large",
}


def _translate(err: ValidationError, source: SourceMap, name: str) -> list[Problem]:
    problems: list[Problem] = []
    seen: set[tuple[int, int, str]] = set()
    errors = _branchless(err)
    unknown: dict[Loc, list[str]] = {}  # parent -> unknown keys there, indexed once for _misspelt
    for e in errors:
        if e["type"] == "extra_forbidden":
            unknown.setdefault(tuple(e["loc"][:-1]), []).append(str(e["loc"][-1]))
    for e in errors:
        loc: Loc = tuple(e["loc"])
        kind = e["type"]
        if kind == "extra_forbidden":
            key = str(loc[-1])
            fields = _fields_at(loc[:-1])
            what = f"unknown key '{key}'{did_you_mean(key, fields) or _belongs_elsewhere(key, loc[:-1])}"
            if e.get("input") is None and " " in key:
                what += " (is there a comma in the text before it? put that text in quotes)"
            line, col = source.position(loc, prefer_key=True)
        elif kind == "missing":
            if _misspelt(loc, unknown):
                continue
            what = f"'{loc[-1]}' is missing"
            if len(loc) == 1:
                what += {"title": " (the series needs a title)", "workshops": " (add at least one workshop)"}.get(
                    str(loc[0]), ""
                )
            line, col = source.position(loc[:-1], prefer_key=True)
            loc = loc[:-1] if loc[:-1] else loc
        elif kind == "too_short" and loc and loc[-1] in ("workshops", "agenda"):
            what = "needs at least one entry"
            line, col = source.position(loc)
        elif kind == "value_error":
            what = str(e["msg"]).removeprefix("Value error, ")
            line, col = source.position(loc)
        elif kind == "model_type" and len(loc) >= 2 and loc[-2] == "agenda" and isinstance(e.get("input"), str):
            # `- break` on its own: a word where an item's `key: value` lines should be
            word = str(e["input"]).strip()
            use = " or ".join(f"`- use: {n}`" for n in close_names(word, load_library())) or "`- use: ID`"
            what = (
                f"'{word}' on its own is not an agenda item; write {use} (from `coprod library list`), "
                f"or `- title: {word[:40]}` with its `duration:` on the next line"
            )
            line, col = source.position(loc)
        elif kind in _TYPE_WORDS:
            what = _TYPE_WORDS[kind]
            if "ge" in e.get("ctx", {}) or "le" in e.get("ctx", {}):
                what = str(e["msg"]).replace("Input should be", "should be")
            line, col = source.position(loc)
        else:
            what = str(e["msg"]).replace("Input should be", "should be")
            line, col = source.position(loc)
        if kind not in ("extra_forbidden", "missing"):
            shown = _show(e.get("input"))
            if shown and shown not in what:
                what = f"{shown} {what}"
        mark = (line, col, what)
        if mark in seen:
            continue
        seen.add(mark)
        problems.append(Problem(name, line, col, _where(loc), what))
    return sorted(problems, key=lambda p: (p.line, p.column))


def _branchless(err: ValidationError) -> list[Any]:
    """`online:` is a mapping or `false`: report what is wrong with the mapping, without pydantic's branch names."""
    out = []
    for e in err.errors(include_url=False):
        if "literal[False]" in e["loc"]:
            continue
        e["loc"] = tuple(part for part in e["loc"] if part != "OnlineVariant")
        out.append(e)
    return out


def _misspelt(loc: Loc, unknown: dict[Loc, list[str]]) -> bool:
    """A missing key that an unknown key next to it looks like: the typo's message says it all."""
    name = str(loc[-1])
    return any(did_you_mean(key, [name]) for key in unknown.get(loc[:-1], []))


def _show(value: Any) -> str:
    """A short quote of the offending value for the message, or '' for big values."""
    if isinstance(value, dict | list) or value is None:
        return ""
    if isinstance(value, bool):
        return "'true'" if value else "'false'"
    text = str(value)
    return f"'{text}'" if len(text) <= 40 else f"'{text[:37]}...'"


# Where each level's keys belong, for a key written one level too high or too low.
_LEVELS: tuple[tuple[Loc, str], ...] = (
    ((), "at the top of the plan, not indented"),
    (("workshops", 0), "under a workshop, in line with its `title:`"),
    (("workshops", 0, "agenda", 0), "under an agenda item, in line with its `title:` or `use:`"),
)


def _belongs_elsewhere(key: str, parent: Loc) -> str:
    """'; it belongs under a workshop, ...' when the key is one another level takes, else ''."""
    here = tuple(0 if isinstance(p, int) else p for p in parent)
    for level, where in _LEVELS:
        if level != here and key in _fields_at(level):
            return f"; it belongs {where}"
    return ""


def _fields_at(loc: Loc) -> list[str]:
    """The keys the model at `loc` accepts, for 'did you mean'."""
    current: Any = Plan
    for part in loc:
        current = _unwrap(current)
        if isinstance(current, type) and issubclass(current, BaseModel):
            field = next((f for n, f in current.model_fields.items() if (f.alias or n) == part), None)
            if field is None:
                return []
            current = field.annotation
            continue
        origin = typing.get_origin(current)
        args = typing.get_args(current)
        if origin is list and args:
            current = args[0]
        elif origin is dict and len(args) == 2:
            current = args[1]
        else:
            return []
    current = _unwrap(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return [f.alias or n for n, f in current.model_fields.items()]
    return []


def _unwrap(annotation: Any) -> Any:
    """Strip Optional[...] and Annotated[...] down to the model or container type."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = args[0]
        else:
            return annotation
