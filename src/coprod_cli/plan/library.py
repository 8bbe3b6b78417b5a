"""The built-in activity library: YAML data shipped in the package, validated as activities."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import cache, lru_cache
from importlib import resources

from coprod_cli.plan.models import Activity

# An activity starts at a line `id:` in the first column; comments and blank lines belong to none.
_ENTRY = re.compile(r"^([a-z0-9][a-z0-9-]*):[ \t]*$", re.MULTILINE)


def activity_key(use: str | None, title: str | None) -> str:
    """What an item is across plans and runs: its `use:` id, or its title for an item of the plan's own."""
    return use if use else f"title:{(title or '').strip().lower()}"


@lru_cache(maxsize=1)
def _entries() -> dict[str, str]:
    """Each built-in activity's YAML text by id, found by a scan of the file's first column, so a
    plan pays for reading and validating only the activities it uses."""
    text = resources.files("coprod_cli.library").joinpath("activities.yaml").read_text(encoding="utf-8")
    starts = list(_ENTRY.finditer(text))
    ends = [m.start() for m in starts[1:]] + [len(text)]
    return {m.group(1): text[m.start() : end] for m, end in zip(starts, ends, strict=True)}


@cache
def _activity(key: str) -> Activity:
    import yaml

    # Our own trusted data with no clock times in it: libyaml's C loader is several times
    # faster than the position-keeping reader that user plans need.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return Activity.model_validate(yaml.load(_entries()[key], Loader=loader)[key])


class Library(Mapping[str, Activity]):
    """The built-in activities by id; each is read and validated the first time it is asked for."""

    def __getitem__(self, key: str) -> Activity:
        if key not in _entries():
            raise KeyError(key)
        return _activity(key)

    def __iter__(self) -> Iterator[str]:
        return iter(_entries())

    def __len__(self) -> int:
        return len(_entries())


def load_library() -> Library:
    """Every built-in activity by id, validated by the same model as a plan's own activities."""
    return Library()


def find_activities(
    kind: str | None = None,
    tag: str | None = None,
    principle: str | None = None,
    online: bool = False,
    search: str | None = None,
) -> dict[str, Activity]:
    """Library activities matching every filter given (case-blind free-text search)."""
    found = {}
    needle = search.lower() if search else None
    for key, a in load_library().items():
        if kind and a.kind != kind:
            continue
        if tag and tag not in a.tags:
            continue
        if principle and principle not in a.principles:
            continue
        if online and a.online is False:
            continue
        if needle:
            variant = a.online.handout or "" if a.online else ""
            haystack = " ".join([key, a.title, a.handout or "", variant, a.say or "", a.groups or "", *a.tags]).lower()
            if needle not in haystack:
                continue
        found[key] = a
    return found


def activity_dict(key: str, a: Activity) -> dict:
    """An activity as plain JSON-ready data, with its id."""
    return {"id": key, **a.model_dump(mode="json")}
