"""The built-in activity library: YAML data shipped in the package, validated as activities."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from coprod_cli.models import Activity


@lru_cache(maxsize=1)
def load_library() -> dict[str, Activity]:
    """Every built-in activity by id, validated by the same model as a plan's own activities."""
    from pydantic import TypeAdapter

    from coprod_cli.yamlsource import read_yaml

    text = resources.files(__package__).joinpath("activities.yaml").read_text(encoding="utf-8")
    data, _ = read_yaml(text)
    return TypeAdapter(dict[str, Activity]).validate_python(data)
