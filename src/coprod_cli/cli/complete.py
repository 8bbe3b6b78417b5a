"""Shell completion of the names a plan and the library know: workshop ids, library ids, documents.

Typer calls these while the user presses Tab, so they never raise: a plan that cannot be read
completes nothing.
"""

from __future__ import annotations

from pathlib import Path

import typer


def library_ids(incomplete: str) -> list[str]:
    from coprod_cli.plan.library import load_library

    return [key for key in load_library() if key.startswith(incomplete)]


def workshop_ids(ctx: typer.Context, incomplete: str) -> list[str]:
    """The ids of the workshops in the plan named with -p, or the nearest coprod.yaml."""
    from coprod_cli.cli.common import plan_path
    from coprod_cli.errors import CoprodError
    from coprod_cli.plan.loader import load_plan

    plan = ctx.params.get("plan")
    if isinstance(plan, list):  # `check` takes several plans
        plan = plan[0] if plan else None
    try:
        loaded = load_plan(plan_path(Path(plan) if plan else None))
    except (CoprodError, OSError):
        return []
    return [w.id for w in loaded.plan.workshops if w.id and w.id.startswith(incomplete)]


def documents(incomplete: str) -> list[str]:
    from coprod_cli.documents.render import DOCUMENTS

    return [d for d in (*DOCUMENTS, "all") if d.startswith(incomplete)]
