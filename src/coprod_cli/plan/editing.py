"""Changing a user's plan in place: round-trip YAML (ruamel.yaml) keeps every comment and layout.

The plan is validated before and after: a change that would break it is not written.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path
from typing import Any

from coprod_cli.errors import UsageError
from coprod_cli.files import write_atomic
from coprod_cli.plan.base import check_date
from coprod_cli.plan.loader import LoadedPlan, load_plan, load_plan_text
from coprod_cli.plan.placeholders import PLACEHOLDERS
from coprod_cli.plan.resolve import slugify
from coprod_cli.plan.suggest import did_you_mean


def _round_trip():
    from ruamel.yaml import YAML

    yaml = YAML()  # round-trip mode: comments, order and quoting are kept
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def _edit(path: Path, change) -> LoadedPlan:
    """Load, change and validate the plan, then write it back atomically."""
    loaded = load_plan(path)  # refuses a broken plan with its FILE:LINE:COL problems
    yaml = _round_trip()
    text = path.read_text(encoding="utf-8")
    data = yaml.load(text)
    change(data, loaded)
    buffer = io.StringIO()
    yaml.dump(data, buffer)
    new_text = buffer.getvalue()
    result = load_plan_text(new_text, str(path))  # never write a plan that does not load
    write_atomic(path, new_text)
    return result


def _rhythm(loaded: LoadedPlan) -> int:
    dates = [w.date for w in loaded.plan.workshops if w.date]
    if len(dates) >= 2:
        return max((dates[-1] - dates[-2]).days, 1)
    return 7


def append_workshop(path: Path, title: str, date: dt.date | None = None) -> str:
    """Append a workshop after the last one, in the series' rhythm; return its id."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    added: dict[str, str] = {}

    def change(data: Any, loaded: LoadedPlan) -> None:
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
        when = date or (last.date + dt.timedelta(days=_rhythm(loaded)) if last.date else None)
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
        data["workshops"].append(entry)
        added["id"] = ident

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

    if not re.match(ID_PATTERN, activity_id):
        raise UsageError(f"'{activity_id}' cannot be an id; use letters, digits, '-' and '_'")
    library = load_library()
    if copy is not None and copy not in library:
        raise UsageError(
            f"there is no library activity '{copy}'{did_you_mean(copy, library)} (see `coprod library list`)"
        )
    if copy is None and not title:
        raise UsageError("--title is missing: give the activity a title, or copy one with --from LIBRARY-ID")

    def change(data: Any, loaded: LoadedPlan) -> None:
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
        if "activities" not in data or data["activities"] is None:
            data.insert(list(data).index("workshops"), "activities", CommentedMap())
        data["activities"][activity_id] = entry

    _edit(path, change)
