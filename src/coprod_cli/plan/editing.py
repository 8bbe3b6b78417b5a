"""Changing a user's plan in place: round-trip YAML (ruamel.yaml) keeps every comment and layout.

The plan is validated before and after: a change that would break it is not written.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from coprod_cli.errors import UsageError
from coprod_cli.files import removing_temporaries_on_signal, write_atomic
from coprod_cli.plan.answers import Rhythm
from coprod_cli.plan.loader import LoadedPlan, load_plan, load_plan_text
from coprod_cli.plan.placeholders import PLACEHOLDERS
from coprod_cli.plan.resolve import slugify
from coprod_cli.plan.suggest import did_you_mean
from coprod_cli.plan.when import check_date


def _round_trip():
    from ruamel.yaml import YAML

    yaml = YAML()  # round-trip mode: comments, order and quoting are kept
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


# What a change adds: (top-level section, key or None to append to a list, value).
Addition = tuple[str, str | None, Any]


def _edit(path: Path, change: Callable[[Any, LoadedPlan], Addition]) -> LoadedPlan:
    """Load and validate the plan, add to it, validate again, then write it back faithfully.

    The new lines are inserted into the text as it was, so every other byte (comments, quoting,
    flow lists, line endings) stays; a symlinked plan is written through to its target, keeping
    its mode and owner. Only a layout that text insertion cannot serve is dumped whole.
    """
    loaded = load_plan(path)  # refuses a broken plan with its FILE:LINE:COL problems
    target = Path(os.path.realpath(path))
    raw = target.read_bytes()
    bom = raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    newline = "\r\n" if "\r\n" in text else "\n"
    yaml = _round_trip()
    data = yaml.load(text)
    section, key, value = change(data, loaded)
    new_text = _insert(yaml, text, data, section, key, value, newline)
    if new_text is None:
        new_text = _dump_whole(yaml, data, section, key, value, newline)
    result = load_plan_text(new_text, str(path))  # never write a plan that does not load
    with removing_temporaries_on_signal():
        write_atomic(target, (b"\xef\xbb\xbf" if bom else b"") + new_text.encode("utf-8"), keep_owner=True)
    return result


def _dump_whole(yaml: Any, data: Any, section: str, key: str | None, value: Any, newline: str) -> str:
    from ruamel.yaml.comments import CommentedMap

    if key is None:
        data[section].append(value)
    else:
        if data.get(section) is None:
            if section not in data:
                data.insert(list(data).index("workshops"), section, CommentedMap())
            else:
                data[section] = CommentedMap()
        data[section][key] = value
    buffer = io.StringIO()
    yaml.dump(data, buffer)
    return buffer.getvalue().replace("\n", newline)


def _dumped(yaml: Any, value: Any) -> list[str]:
    buffer = io.StringIO()
    yaml.dump(value, buffer)
    return buffer.getvalue().splitlines()


def _insert(yaml: Any, text: str, data: Any, section: str, key: str | None, value: Any, nl: str) -> str | None:
    """The plan text with `value` added at the end of `section`, or None if the layout is not block style."""
    lines = text.splitlines(keepends=True)
    keys = list(data)
    node = data.get(section)
    if section in keys and node is not None and (not node or node.fa.flow_style()):
        return None  # `activities: {}` or a flow list: only a whole dump can add to it
    if section in keys and node is not None:
        at = _end_of_section(lines, data, keys, section)
        if key is None:
            line, col = node.lc.item(len(node) - 1)
            dash = lines[line].rfind("-", 0, col)
            if dash < 0:
                return None
            body = _dumped(yaml, value)
            block = [" " * dash + "-" + " " * (col - dash - 1) + body[0]] + [" " * col + b for b in body[1:]]
        else:
            col = node.lc.key(next(iter(node)))[1]
            block = [" " * col + b for b in _dumped(yaml, {key: value})]
    elif section in keys:  # `activities:` with nothing after it: the entries go under it
        line = data.lc.key(section)[0]
        if key is None or lines[line].split("#")[0].strip() != f"{section}:":
            return None
        block, at = ["  " + b for b in _dumped(yaml, {key: value})], line + 1
    else:
        block = [f"{section}:"] + ["  " + b for b in _dumped(yaml, {key: value})]
        at = _before_comments(lines, data.lc.key("workshops")[0])
    if at > 0 and not lines[at - 1].endswith(("\n", "\r")):
        lines[at - 1] += nl  # the last line had no line ending
    lines[at:at] = [b + nl for b in block]
    return "".join(lines)


def _end_of_section(lines: list[str], data: Any, keys: list[str], section: str) -> int:
    """The line index just after a top-level section: before the next key and the comments above it."""
    after = keys.index(section) + 1
    if after == len(keys):
        end = len(lines)
        while end > 0 and not lines[end - 1].strip():
            end -= 1
        return end
    return _before_comments(lines, data.lc.key(keys[after])[0])


def _before_comments(lines: list[str], at: int) -> int:
    """Step back over the blank lines and top-level comments that belong to the key at line `at`."""
    while at > 0 and (not lines[at - 1].strip() or lines[at - 1].startswith("#")):
        at -= 1
    return at


def _next_date(loaded: LoadedPlan) -> dt.date | None:
    """The date after the last workshop's, in the rhythm of the last two: as many days, or a month
    on when they fall on the same day of the month a month or more apart; a week after one alone."""
    dates = [w.date for w in loaded.plan.workshops if w.date]
    if not dates:
        return None
    if len(dates) == 1:
        return dates[0] + dt.timedelta(days=7)
    before, last = dates[-2:]
    months = (last.year - before.year) * 12 + last.month - before.month
    if before.day == last.day and 1 <= months <= 12:
        return Rhythm(months=months).nth(last, 1)
    return last + dt.timedelta(days=max((last - before).days, 1))


def append_workshop(path: Path, title: str, date: dt.date | None = None) -> str:
    """Append a workshop after the last one, in the series' rhythm; return its id."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    added: dict[str, str] = {}

    def change(data: Any, loaded: LoadedPlan) -> Addition:
        workshops = loaded.plan.workshops
        last = workshops[-1]
        ids = {w.id for w in workshops}
        ident = slugify(title) or f"workshop-{len(workshops) + 1}"
        base, n = ident, 2
        while ident in ids:
            ident, n = f"{base}-{n}", n + 1
        entry = CommentedMap()
        entry["id"] = ident
        entry["title"] = title
        when = date or (_next_date(loaded) if last.date else None)
        try:
            when = check_date(when) if when else None
        except ValueError as err:
            raise UsageError(f"the new workshop's date: {err}") from None
        if when:
            entry["date"] = when
        for key in ("start", "end", "length", "mode", "venue"):
            value = getattr(last, key)
            if value is not None and key in data["workshops"][-1]:
                entry[key] = data["workshops"][-1][key]
        entry["goals"] = CommentedSeq([PLACEHOLDERS["goal"]])
        agenda = CommentedSeq()
        agenda.append(CommentedMap(use="welcome-back"))
        if last.homework:
            agenda.append(CommentedMap(use="homework-review"))
        agenda.append(
            CommentedMap(
                title=PLACEHOLDERS["activity"],
                kind="exercise",
                duration="40m",
                handout=PLACEHOLDERS["handout"],
            )
        )
        agenda.append(CommentedMap(use="exit-words"))
        entry["agenda"] = agenda
        added["id"] = ident
        return ("workshops", None, entry)

    _edit(path, change)
    return added["id"]


def _steps(steps: list[dict[str, Any]]) -> Any:
    """Steps as a person writes them: durations like 5m."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    return CommentedSeq(
        [CommentedMap({k: f"{v}m" if k == "duration" and v else v for k, v in step.items()}) for step in steps]
    )


def add_activity(path: Path, activity_id: str, copy: str | None, title: str | None, kind: str, duration: str) -> None:
    """Add a plan-local activity, new or copied from the library."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    from coprod_cli.plan.base import ID_PATTERN
    from coprod_cli.plan.library import load_library

    if not re.fullmatch(ID_PATTERN, activity_id):
        raise UsageError(f"'{activity_id}' cannot be an id; use letters, digits, '-' and '_'")
    library = load_library()
    if copy is not None and copy not in library:
        raise UsageError(
            f"there is no library activity '{copy}'{did_you_mean(copy, library)} (see `coprod library list`)"
        )
    if copy is None and not title:
        raise UsageError("--title is missing: give the activity a title, or copy one with --from LIBRARY-ID")

    def change(data: Any, loaded: LoadedPlan) -> Addition:
        if activity_id in loaded.plan.activities:
            raise UsageError(f"the plan already has an activity '{activity_id}'")
        if copy is not None:
            dumped = library[copy].model_dump(mode="json", exclude_defaults=True)
            first: dict[str, Any] = {k: dumped.pop(k) for k in ("title", "kind", "duration") if k in dumped}
            source: dict[str, Any] = {**first, **dumped}  # title, kind and length first, as people write them
            framework = loaded.plan.framework
            if framework and "principles" in source:
                from coprod_cli.plan.frameworks import FRAMEWORKS

                ours = FRAMEWORKS[framework].ids()
                source["principles"] = [p for p in source["principles"] if p in ours]
                if not source["principles"]:
                    del source["principles"]
            entry = CommentedMap()
            for key, value in source.items():
                if key == "steps":
                    value = _steps(value)
                elif key == "online" and isinstance(value, dict):
                    value = CommentedMap({k: _steps(v) if k == "steps" else v for k, v in value.items()})
                elif isinstance(value, list):
                    value = CommentedSeq(value)
                entry[key] = f"{value}m" if key in ("duration", "flex") else value
            if title:
                entry["title"] = title
        else:
            entry = CommentedMap(title=title, kind=kind, duration=duration, handout=PLACEHOLDERS["handout"])
        return ("activities", activity_id, entry)

    _edit(path, change)
