"""The parser's complaint about a plan's YAML, said at the line to change in a facilitator's words.

Only a plan that does not parse needs this, so `source` imports it when one does not.
"""

from __future__ import annotations

import re

import yaml

from coprod_cli.plan.source import MAX_DEPTH, YamlProblem

# `key: value` lines, for telling a wrongly indented line from the parser's own complaint.
_KEY_LINE = re.compile(r"^( *)((?:- +)*)([^\s#:'\"\[{&*!|>%@`-][^:#]*?) *:(?: +(.*))?$")
_PLAIN_KEY = re.compile(r"^( *)([a-z_][a-z0-9_-]*) *:(?: |$)")


def _misindented(lines: list[str], line: int) -> tuple[int, int, str] | None:
    """A key line at the parser's complaint that does not line up with the key above it.

    The parser names the place it gave up, with a hint about quotes; the text shows the mistake:
    `at:` indented more than `title:` above it, which holds a value (so opens no block), or less
    than `title:` but more than the `-` it belongs to. A line indented too little can still be
    valid YAML (it joins the mapping outside), and then the parser stops at the line after it:
    that line lines up with the keys above, so the one between is the one to move.
    """
    here = _PLAIN_KEY.match(lines[line - 1]) if 0 < line <= len(lines) else None
    above = _key_lines_above(lines, line, 2)
    if not here or not above:
        return None
    indent = len(here.group(1))
    number, sibling, column, opens_block = above[0]
    if indent > column and not opens_block:
        if len(above) == 2 and column < above[1][2] == indent:  # the line above is the odd one out
            return (
                number,
                column + 1,
                f"this line is indented less than the one above it; line it up with `{above[1][1]}:`",
            )
        return line, indent + 1, f"this line is indented more than the one above it; line it up with `{sibling}:`"
    dash = len(lines[number - 1]) - len(lines[number - 1].lstrip(" "))  # where a `- ` item begins
    if dash < indent < column:
        return line, indent + 1, f"this line is indented less than the one above it; line it up with `{sibling}:`"
    return None


def _key_lines_above(lines: list[str], line: int, count: int) -> list[tuple[int, str, int, bool]]:
    """Up to `count` `key: value` lines just above `line`: number, key, key column, whether it opens a block."""
    found: list[tuple[int, str, int, bool]] = []
    for number in range(line - 1, 0, -1):
        text = lines[number - 1]
        if not text.strip() or text.lstrip().startswith("#"):
            continue
        match = _KEY_LINE.match(text)
        if not match:
            break
        value = (match.group(4) or "").split(" #")[0].strip()
        opens_block = not value or value[0] in "|>#" or (value[0] in "&!" and " " not in value)
        found.append((number, match.group(3), len(match.group(1)) + len(match.group(2)), opens_block))
        if len(found) == count:
            break
    return found


def _hint(problem: str, line_text: str) -> str:
    if "\t" in line_text:
        return " (use spaces, not tabs, to indent)"
    if "mapping values are not allowed" in problem:
        return " (is there a ':' inside some text? put that text in quotes)"
    if "could not find expected ':'" in problem:
        return " (every line in a mapping is 'key: value'; check the indentation)"
    if any(m in problem for m in ("did not find expected key", "expected <block end>", "expected '-'")):
        return " (check that the lines here are indented the same)"
    return ""


def syntax_problem(err: yaml.MarkedYAMLError, text: str) -> YamlProblem:
    """The parser's complaint as a YamlProblem, at the line to change, in a facilitator's words."""
    mark = err.problem_mark or err.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = err.problem or str(err)
    context = f" {err.context}" if err.context and "while" not in err.context else ""
    lines = text.splitlines()
    line_text = lines[line - 1] if 0 < line <= len(lines) else ""
    if "nesting depth" in problem:  # PyYAML >= 6.0.3 has its own limit, which may answer before ours
        return YamlProblem(line, col, f"the plan is nested more than {MAX_DEPTH} levels deep")
    misplaced = None if "\t" in line_text else _misindented(lines, line)
    if misplaced:
        return YamlProblem(*misplaced)
    hint = _hint(problem, line_text)
    return YamlProblem(line, col, f"YAML syntax: {problem}{context}{hint}")
