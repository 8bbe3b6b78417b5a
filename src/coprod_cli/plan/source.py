"""Safe YAML reading with positions: YAML text -> plain data + where each value was written.

Built on the parser's event stream (not its composer, which recurses in C and crashes on
deeply nested input), so nesting depth and alias expansion are bounded before anything walks
the data. Plain scalars resolve as in YAML 1.2: `10:30` is text, `010` is 10, `no` is text.
A number keeps the characters it was written with: a field that wants text gets `07700900123`,
not `7700900123` (pydantic turns numbers into text with `str()`, which gives back the source).
Every alias and merge key counts its whole expansion against one budget that grows with the
size of the text, so the work done on any plan is linear in its length.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Self

import yaml

try:  # libyaml is much faster; the pure-Python parser gives the same events.
    from yaml import CSafeLoader as _EventLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _EventLoader  # type: ignore[assignment]

MAX_BYTES = 16 * 1024 * 1024
MAX_DEPTH = 64
# Expanded nodes allowed: a fixed allowance (shared agendas in a normal plan) plus a few per
# byte; a plan that is mostly aliases cannot make the checks do more than this.
BASE_NODES = 20_000
NODES_PER_BYTE = 2
MAX_DIGITS = 30  # a longer run of digits is no count or duration; it stays text
# Characters no document or terminal should meet: C0 controls but tab and newline, DEL, C1.
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")

Path = tuple[str | int, ...]

_INT = re.compile(r"^[-+]?[0-9]+$")
_OCT = re.compile(r"^0o[0-7]+$")
_HEX = re.compile(r"^0x[0-9a-fA-F]+$")
_FLOAT = re.compile(r"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")
# Only a word starting with one of these can be a number; most words skip the number patterns.
_NUMBER_START = frozenset("0123456789+-.")
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})
_TAG = "tag:yaml.org,2002:"


class YamlProblem(Exception):
    """A problem in the YAML itself, at a 1-based line and column."""

    def __init__(self, line: int, column: int, what: str, where: Path = ()):
        super().__init__(what)
        self.line, self.column, self.what, self.where = line, column, what, where


@dataclass
class SourceMap:
    """Where each value (and each mapping key) of a document was written, 1-based."""

    values: dict[Path, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path, tuple[int, int]] = field(default_factory=dict)

    def position(self, path: Path, prefer_key: bool = False) -> tuple[int, int]:
        """The position of `path`, or of its nearest written ancestor."""
        p = tuple(path)
        while True:
            if prefer_key and p in self.keys:
                return self.keys[p]
            if p in self.values:
                return self.values[p]
            if p in self.keys:
                return self.keys[p]
            if not p:
                return (1, 1)
            p = p[:-1]

    def line(self, path: Path) -> int:
        return self.position(path, prefer_key=True)[0]


class _Missing:
    pass


_NO_KEY = _Missing()


@dataclass
class _Frame:
    container: Any
    path: Path
    anchor: str | None
    size: int = 1
    key: Any = _NO_KEY
    key_pos: tuple[int, int] = (1, 1)
    merges: list[tuple[Any, tuple[int, int]]] = field(default_factory=list)


def _pos(mark: Any) -> tuple[int, int]:
    return (mark.line + 1, mark.column + 1)


class _Written:
    """A number that remembers how it was written, so a text field gets the typed characters."""

    source: str

    def __new__(cls, value: float, source: str) -> Self:
        made = super().__new__(cls, value)  # type: ignore[call-arg]  # int or float: next in the MRO
        made.source = source
        return made

    def __str__(self) -> str:
        return self.source


class SourceInt(_Written, int):
    """An integer as written (`007` stays `007`)."""


class SourceFloat(_Written, float):
    """A float as written (`1.10` stays `1.10`, `12e3` stays `12e3`)."""


def _plain(value: str) -> Any:
    if value in _NULLS:
        return None
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    if value[0] not in _NUMBER_START:
        return value
    if len(value) > MAX_DIGITS and sum(c.isdigit() for c in value) > MAX_DIGITS:
        return value
    if _INT.match(value):
        return SourceInt(int(value, 10), value)
    if _OCT.match(value):
        return SourceInt(int(value[2:], 8), value)
    if _HEX.match(value):
        return SourceInt(int(value[2:], 16), value)
    if _FLOAT.match(value):
        return SourceFloat(float(value), value)
    lowered = value.lower()
    if lowered in (".inf", "+.inf", "-.inf"):
        return SourceFloat(-math.inf if value.startswith("-") else math.inf, value)
    if lowered == ".nan":
        return SourceFloat(math.nan, value)
    return value


def _scalar(event: Any) -> Any:
    bad = CONTROL.search(event.value)
    if bad:
        raise YamlProblem(
            *_pos(event.start_mark),
            f"this text holds an invisible control character (U+{ord(bad.group()):04X}) that documents "
            "cannot show; remove it (look for a backslash escape like \\v or \\0)",
        )
    tag = event.tag
    if tag in (None, "!") or tag == _TAG + "str" and not event.style:
        if tag is None and not event.style:
            return _plain(event.value)
        return event.value
    if tag == _TAG + "str":
        return event.value
    kinds: dict[str, Callable[[str], Any]] = {
        "int": lambda v: SourceInt(int(v), v) if len(v) <= MAX_DIGITS else v,
        "float": lambda v: SourceFloat(float(v), v) if len(v) <= MAX_DIGITS else v,
        "null": lambda _v: None,
        "bool": lambda v: v in _TRUE,
    }
    short = tag.removeprefix(_TAG)
    if short in kinds:
        try:
            return kinds[short](event.value)
        except ValueError:
            pass
    raise YamlProblem(*_pos(event.start_mark), f"the YAML tag '{tag}' is not supported here; remove it")


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


def read_yaml(text: str) -> tuple[Any, SourceMap]:
    """Parse one YAML document into plain data and its source map. Raises YamlProblem."""
    source = SourceMap()
    stack: list[_Frame] = []
    anchors: dict[str, tuple[Any, int]] = {}
    root: Any = _NO_KEY
    total = 0
    budget = BASE_NODES + NODES_PER_BYTE * len(text)
    documents = 0

    def attach(value: Any, size: int, pos: tuple[int, int]) -> None:
        nonlocal root, total
        total += size
        if total > budget:
            raise YamlProblem(
                *pos,
                f"the plan grows to more than {budget:,} values once its aliases (*name) and merges (<<) "
                "are expanded; write shared parts out, or share less",
            )
        if not stack:
            root = value
            source.values[()] = pos
            return
        top = stack[-1]
        top.size += size
        if isinstance(top.container, list):
            path = (*top.path, len(top.container))
            top.container.append(value)
            source.values.setdefault(path, pos)
            return
        if top.key is _NO_KEY:
            if isinstance(value, dict | list):
                raise YamlProblem(*pos, "a key must be a plain word, not a list or mapping")
            top.key, top.key_pos = value, pos
            return
        key, key_pos = top.key, top.key_pos
        top.key = _NO_KEY
        if key == "<<":
            top.merges.append((value, key_pos))
            return
        key = "" if key is None else str(key).lower() if isinstance(key, bool) else str(key)
        path = (*top.path, key)
        if key in top.container:
            first = source.keys.get(path, (0, 0))[0]
            raise YamlProblem(*key_pos, f"'{key}' is given twice (first on line {first}); keep one", path)
        top.container[key] = value
        source.keys[path] = key_pos
        source.values.setdefault(path, pos)

    def child_path() -> Path:
        if not stack:
            return ()
        top = stack[-1]
        if isinstance(top.container, list):
            return (*top.path, len(top.container))
        if top.key is _NO_KEY:
            return top.path
        return (*top.path, str(top.key))

    try:
        event: Any
        for event in yaml.parse(text, Loader=_EventLoader):
            kind = type(event)
            if kind is yaml.ScalarEvent:
                value = _scalar(event)
                if event.anchor:
                    anchors[event.anchor] = (value, 1)
                attach(value, 1, _pos(event.start_mark))
            elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                if len(stack) >= MAX_DEPTH:
                    raise YamlProblem(*_pos(event.start_mark), f"the plan is nested more than {MAX_DEPTH} levels deep")
                if event.tag not in (None, "!", _TAG + "map", _TAG + "seq"):
                    raise YamlProblem(
                        *_pos(event.start_mark), f"the YAML tag '{event.tag}' is not supported here; remove it"
                    )
                path = child_path()
                container: Any = {} if kind is yaml.MappingStartEvent else []
                source.values.setdefault(path, _pos(event.start_mark))
                stack.append(_Frame(container, path, event.anchor))
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                frame = stack.pop()
                for merged, merge_pos in frame.merges:
                    sources = merged if isinstance(merged, list) else [merged]
                    for src in sources:
                        if not isinstance(src, dict):
                            raise YamlProblem(*merge_pos, "'<<' must point at a mapping (an &anchor of keys)")
                        for k, v in src.items():
                            frame.container.setdefault(k, v)
                            source.keys.setdefault((*frame.path, k), merge_pos)
                if frame.anchor:
                    anchors[frame.anchor] = (frame.container, frame.size)
                start = source.values.get(frame.path, (1, 1))
                # attach() would add this frame's size twice; it was counted as children arrived.
                total -= frame.size
                attach(frame.container, frame.size, start)
            elif kind is yaml.AliasEvent:
                if event.anchor not in anchors:
                    raise YamlProblem(
                        *_pos(event.start_mark),
                        f"'*{event.anchor}' refers to an anchor that is not defined before it (or refers to itself)",
                    )
                value, size = anchors[event.anchor]
                attach(value, size, _pos(event.start_mark))
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise YamlProblem(*_pos(event.start_mark), "a plan is one YAML document; remove the second '---'")
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line, col = _pos(mark) if mark else (1, 1)
        problem = err.problem or str(err)
        context = f" {err.context}" if err.context and "while" not in err.context else ""
        lines = text.splitlines()
        line_text = lines[line - 1] if 0 < line <= len(lines) else ""
        if "nesting depth" in problem:  # PyYAML >= 6.0.3 has its own limit, which may answer before ours
            raise YamlProblem(line, col, f"the plan is nested more than {MAX_DEPTH} levels deep") from None
        misplaced = None if "\t" in line_text else _misindented(lines, line)
        if misplaced:
            raise YamlProblem(*misplaced) from None
        hint = _hint(problem, line_text)
        raise YamlProblem(line, col, f"YAML syntax: {problem}{context}{hint}") from None
    except yaml.YAMLError as err:
        raise YamlProblem(1, 1, f"YAML: {err}") from None
    if root is _NO_KEY:
        root = None
    return root, source
