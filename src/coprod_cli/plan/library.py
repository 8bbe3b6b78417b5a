"""The built-in activity library: YAML data shipped in the package, validated as activities."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from coprod_cli.plan.models import Activity


def activity_key(use: str | None, title: str | None) -> str:
    """What an item is across plans and runs: its `use:` id, or its title for an item of the plan's own."""
    return use if use else f"title:{(title or '').strip().lower()}"


@lru_cache(maxsize=1)
def load_library() -> dict[str, Activity]:
    """Every built-in activity by id, validated by the same model as a plan's own activities."""
    import yaml
    from pydantic import TypeAdapter

    # Our own trusted data with no clock times in it: libyaml's C loader is several times
    # faster than the position-keeping reader that user plans need.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    text = resources.files("coprod_cli.library").joinpath("activities.yaml").read_text(encoding="utf-8")
    return TypeAdapter(dict[str, Activity]).validate_python(yaml.load(text, Loader=loader))


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
