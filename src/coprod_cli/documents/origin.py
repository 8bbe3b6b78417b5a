"""What a rendered file was made from: the plan's text, coprod's version, the user's templates, print size.

The manifest keeps each file's origin key, and once per distinct origin what went into it (the plan
as short line hashes, so no copy of the plan), so that a later render can say why coprod's version
of an edited file differs, and which files left from an earlier render no longer match the plan.
"""

from __future__ import annotations

import difflib
import hashlib
import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from coprod_cli import __version__


def line_hashes(lines: Iterable[str]) -> tuple[str, ...]:
    """Short hashes of the plan's lines: enough to say which lines changed, without a copy of the plan."""
    return tuple(hashlib.sha256(line.encode("utf-8")).hexdigest()[:10] for line in lines)


@dataclass(frozen=True)
class Origin:
    """Everything that decides a rendered file's content besides which document and format it is."""

    plan: tuple[str, ...]  # line_hashes of the plan
    coprod: str = __version__
    templates: str = ""  # a digest of the --templates folder; "" when only the built-in ones were used
    large_print: bool = False

    @cached_property  # asked for each file of a render
    def key(self) -> str:
        return hashlib.sha256(json.dumps(self.to_json(), sort_keys=True).encode("utf-8")).hexdigest()[:16]

    def to_json(self) -> dict[str, Any]:
        return {
            "plan_lines": list(self.plan),
            "coprod": self.coprod,
            "templates": self.templates,
            "large": self.large_print,
        }

    @classmethod
    def from_json(cls, data: Any) -> Origin | None:
        """An origin read back from a manifest; None when it is not one (hand-edited, or from elsewhere)."""
        try:
            lines, coprod, templates, large = data["plan_lines"], data["coprod"], data["templates"], data["large"]
        except (TypeError, KeyError):
            return None
        if not isinstance(lines, list) or not all(isinstance(x, str) for x in (coprod, templates, *lines)):
            return None
        return cls(tuple(lines), coprod, templates, bool(large))


def origin_of(plan_text: str, templates: Path | None = None, large_print: bool = False) -> Origin:
    """The origin of what a render makes from this plan text, templates folder and print size."""
    return Origin(line_hashes(plan_text.splitlines()), __version__, _templates_digest(templates), large_print)


def _templates_digest(folder: Path | None) -> str:
    if folder is None:
        return ""
    whole = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        whole.update(path.relative_to(folder).as_posix().encode("utf-8") + b"\0")
        whole.update(hashlib.sha256(path.read_bytes()).digest())
    return whole.hexdigest()[:16]


def read_origins(data: Any) -> tuple[dict[str, str], dict[str, Origin]]:
    """(path -> origin key, key -> origin) from a manifest; empty for a manifest from before origins."""
    if not isinstance(data, dict) or not isinstance(data.get("origins"), dict):
        return {}, {}
    origins = {str(k): o for k, v in data["origins"].items() if (o := Origin.from_json(v)) is not None}
    most, named, files = data.get("origin"), data.get("made_from"), data.get("files")
    made_from = dict.fromkeys(map(str, files), most) if most in origins and isinstance(files, dict) else {}
    if isinstance(named, dict):
        made_from.update((str(p), k) for p, k in named.items())
    return {p: str(k) for p, k in made_from.items() if k in origins}, origins


def origins_json(paths: Iterable[str], made_from: dict[str, str], origins: dict[str, Origin]) -> dict[str, Any]:
    """The manifest's part: the origin most files share once, then only the files made from another
    (null: unknown), and each origin used once, so a long series does not repeat a key per file."""
    keys = {rel: made_from.get(rel) for rel in sorted(paths)}
    most = Counter(k for k in keys.values() if k).most_common(1)
    common = most[0][0] if most else None
    return {
        "origin": common,
        "made_from": {rel: key for rel, key in keys.items() if key != common},
        "origins": {key: origins[key].to_json() for key in sorted({k for k in keys.values() if k})},
    }


def plan_changes(before: Iterable[str], now: list[str], limit: int = 3) -> str:
    """Which lines of the current plan differ from an earlier plan (its line hashes), the first one quoted."""
    changed: list[str] = []
    first = ""
    matcher = difflib.SequenceMatcher(a=list(before), b=list(line_hashes(now)), autojunk=False)
    for tag, _i1, _i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if j1 == j2:
            changed.append(f"lines removed before line {j1 + 1}")
            continue
        changed.append(f"line {j1 + 1}" if j2 - j1 == 1 else f"lines {j1 + 1}-{j2}")
        if not first:
            quoted = now[j1].strip()
            first = f" ('{quoted[:57]}...')" if len(quoted) > 60 else f" ('{quoted}')"
    if not changed:
        return ""
    shown = changed[0] + first + "".join(f", {c}" for c in changed[1:limit])
    more = f" and {len(changed) - limit} more" if len(changed) > limit else ""
    return f"the plan changed at {shown}{more}"


def why_different(before: Origin | None, now: Origin, plan_lines: list[str]) -> str:
    """Why a file made from `before` differs from one made from `now`, in a person's words;
    '' when that is not known (a file from before origins were recorded), so nothing false is said."""
    if before is None:
        return ""
    reasons = [plan_changes(before.plan, plan_lines)] if before.plan != now.plan else []
    if before.coprod != now.coprod:
        reasons.append(f"coprod was updated from {before.coprod} to {now.coprod}")
    if before.templates != now.templates:
        reasons.append("your templates (--templates) changed")
    if before.large_print != now.large_print:
        reasons.append("large print was turned " + ("on" if now.large_print else "off"))
    return "; ".join(r for r in reasons if r)


def made_from(before: Origin, now: Origin) -> str:
    """'was made from an older plan' and the like: what a file left from an earlier render was made from."""
    if before.plan != now.plan:
        return "was made from an older plan"
    if before.coprod != now.coprod:
        return f"was made by coprod {before.coprod}"
    if before.templates != now.templates:
        return "was made with other templates"
    return "was made " + ("without" if now.large_print else "with") + " large print"
