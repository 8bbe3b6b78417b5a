"""The registry of finding codes is the one home of codes: checks use only registered codes
with a registered severity, and the README's list is generated from it."""

from __future__ import annotations

import ast
import os
import re

from helpers import ROOT

from coprod_cli.findings import Severity, codes, codes_table

SRC = ROOT / "src" / "coprod_cli"
README = ROOT / "README.md"
BLOCK = re.compile(r"(<!-- codes:start -->\n)(.*?)(<!-- codes:end -->)", re.S)


def _finding_calls():
    """(file, line, severity, code) of every Finding(...) call whose code is written literally."""
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Finding" and len(node.args) >= 2:
                sev, code = node.args[0], node.args[1]
                severity = sev.attr if isinstance(sev, ast.Attribute) else None
                if isinstance(code, ast.Constant):
                    yield path.relative_to(SRC), node.lineno, severity, code.value


def test_every_code_a_check_uses_is_registered_with_its_severity():
    calls = list(_finding_calls())
    assert len(calls) >= 15  # the scan finds the checks' findings
    for path, line, severity, code in calls:
        assert code in codes(), f"{path}:{line}: add '{code}' to coprod_cli/codes.yaml"
        if severity is not None:
            assert Severity[severity] in codes()[code].severities, f"{path}:{line}: {code} is not a {severity}"


def test_codes_are_family_dot_name_and_unique_meanings():
    for code, entry in codes().items():
        assert re.fullmatch(r"[a-z]+\.[a-z]+(-[a-z]+)*", code), code
        assert entry.meaning and entry.severities
    meanings = [c.meaning for c in codes().values()]
    assert len(set(meanings)) == len(meanings)


def test_readme_lists_exactly_the_registered_codes():
    text = README.read_text()
    match = BLOCK.search(text)
    assert match, "README has no <!-- codes:start --> block"
    if os.environ.get("COPROD_UPDATE_GOLDEN") and match.group(2) != codes_table():
        README.write_text(BLOCK.sub(lambda m: m.group(1) + codes_table() + m.group(3), text))
        return
    assert match.group(2) == codes_table(), (
        "regenerate with COPROD_UPDATE_GOLDEN=1 python -m pytest tests/test_codes.py"
    )


def test_json_reports_match_the_report_schema_whose_codes_come_from_the_registry():
    import json

    import pytest

    jsonschema = pytest.importorskip("jsonschema")
    from helpers import EXAMPLES, run

    schema = json.loads(run("schema", "--report").stdout)
    assert schema["$defs"]["report"]["properties"]["findings"]["items"]["properties"]["code"]["enum"] == list(codes())
    validator = jsonschema.Draft202012Validator(schema)
    with_findings = []
    for example in EXAMPLES:
        report = json.loads(run("check", "-p", str(example), "--format", "json").stdout)
        assert list(validator.iter_errors(report)) == [], example
        with_findings += [report] if report["findings"] else []
    report = with_findings[0]
    bad = {**report, "findings": [{**report["findings"][0], "code": "timing.nonsense"}]}
    assert list(validator.iter_errors(bad)), "an unregistered code is refused"
