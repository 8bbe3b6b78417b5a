"""The built-in activity library: YAML data shipped in the package, validated as activities."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from coprod_cli.models import Activity


@lru_cache(maxsize=1)
def load_library() -> dict[str, Activity]:
    """Every built-in activity by id, validated by the same model as a plan's own activities."""
    import yaml
    from pydantic import TypeAdapter

    # Our own trusted data with no clock times in it: libyaml's C loader is several times
    # faster than the position-keeping reader that user plans need.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    text = resources.files(__package__).joinpath("activities.yaml").read_text(encoding="utf-8")
    return TypeAdapter(dict[str, Activity]).validate_python(yaml.load(text, Loader=loader))
