"""The JSON Schema of `coprod check --format json` (DESIGN section 3), its codes from the registry."""

from __future__ import annotations

from typing import Any

from coprod_cli.findings import SEVERITIES, codes

_CLOCK = {"type": ["string", "null"], "pattern": r"^\d{2}:\d{2}$"}
_ITEM = {
    "type": "object",
    "required": ["index", "title", "kind", "offset_minutes", "minutes", "start", "end"],
    "properties": {
        "index": {"type": "integer", "minimum": 0},
        "title": {"type": "string"},
        "kind": {"type": "string"},
        "offset_minutes": {"type": "integer"},
        "minutes": {"type": "integer"},
        "start": _CLOCK,
        "end": _CLOCK,
    },
}


def report_schema() -> dict[str, Any]:
    """The check report's JSON Schema: one plan's report, or several as `{"ok", "plans": [...]}`."""
    several = {
        "type": "object",
        "required": ["ok", "plans"],
        "properties": {"ok": {"type": "boolean"}, "plans": {"type": "array", "items": {"$ref": "#/$defs/report"}}},
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "coprod check report",
        "anyOf": [{"$ref": "#/$defs/report"}, several],
        "$defs": {"report": _one_report()},
    }


def _one_report() -> dict[str, Any]:
    """One plan's report (DESIGN section 3); a finding's `code` is one of the registered codes."""
    return {
        "type": "object",
        "required": ["plan", "ok", "workshops", "findings", "errors"],
        "properties": {
            "plan": {"type": "string"},
            "ok": {"type": "boolean"},
            "workshops": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["id", "title", "date", "mode", "start", "booked_end", "planned_end", "items"],
                    "properties": {
                        "id": {"type": "string"},
                        "title": {"type": "string"},
                        "date": {"type": ["string", "null"], "format": "date"},
                        "mode": {"enum": ["in-person", "online", "hybrid"]},
                        "start": _CLOCK,
                        "booked_end": _CLOCK,
                        "planned_end": _CLOCK,
                        "total_minutes": {"type": "integer"},
                        "slack_minutes": {"type": ["integer", "null"]},
                        "items": {"type": "array", "items": _ITEM},
                    },
                },
            },
            "findings": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["severity", "code", "workshop", "item", "line", "column", "message"],
                    "properties": {
                        "severity": {"enum": list(SEVERITIES)},
                        "code": {"enum": list(codes())},
                        "workshop": {"type": ["string", "null"]},
                        "item": {"type": ["integer", "null"]},
                        "line": {"type": ["integer", "null"]},
                        "column": {"type": ["integer", "null"]},
                        "message": {"type": "string"},
                    },
                },
            },
            "errors": {
                "description": "Why the plan could not be used (exit 2); then workshops and findings are empty",
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["file", "line", "column", "where", "message"],
                    "properties": {
                        "file": {"type": ["string", "null"]},
                        "line": {"type": ["integer", "null"]},
                        "column": {"type": ["integer", "null"]},
                        "where": {"type": "string"},
                        "message": {"type": "string"},
                    },
                },
            },
        },
    }
