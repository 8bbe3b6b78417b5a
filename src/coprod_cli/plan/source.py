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
from collections.abc import Callable, Iterator
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

# YAML 1.2's numbers, tried in this order by one pattern: an integer, octal, hex, then a float.
_NUMBER = re.compile(
    r"^(?:(?P<int>[-+]?[0-9]+)|0o(?P<oct>[0-7]+)|0x(?P<hex>[0-9a-fA-F]+)"
    r"|(?P<float>[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?))$"
)
# Only a word starting with one of these can be a number; most words skip the number patterns.
_NUMBER_START = frozenset("0123456789+-.")
_TRUE = frozenset({"true", "True", "TRUE"})
# The plain words that are not text: nulls and booleans.
_WORDS: dict[str, bool | None] = {
    **dict.fromkeys(("", "~", "null", "Null", "NULL")),
    **dict.fromkeys(_TRUE, True),
    **dict.fromkeys(("false", "False", "FALSE"), False),
}
_TAG = "tag:yaml.org,2002:"


class YamlProblem(Exception):
    """A problem in the YAML itself, at a 1-based line and column."""

    def __init__(self, line: int, column: int, what: str, where: Path = ()):
        super().__init__(what)
        self.line, self.column, self.what, self.where = line, column, what, where


Position = tuple[int, int]


class _Node:
    """Where a mapping or list was written, and where each of its parts was.

    `places` is, for a mapping, key -> (where the key was, its value's place) and, for a list,
    the places of its items in order. A value's place is a _Node for a mapping or list written
    out, a position for anything else (a scalar, an alias), and None for a key a merge (`<<`) put
    there. The tree follows the data only as far as the text wrote it: an alias is one position.
    """

    __slots__ = ("places", "pos")

    def __init__(self, pos: Position, places: dict[str, tuple[Position, Any]] | list[Any]):
        self.pos, self.places = pos, places

    def step(self, part: str | int) -> tuple[Position | None, Any] | None:
        """(where the key was, the place) of one part of the path, or None when the text did not write it."""
        places = self.places
        if isinstance(places, dict):
            return places.get(part) if isinstance(part, str) else None
        if isinstance(part, int) and 0 <= part < len(places):
            return None, places[part]
        return None


class SourceMap:
    """Where each value (and each mapping key) of a document was written, 1-based.

    Kept as a tree the shape of the data rather than a table of paths: reading a big plan makes
    one entry per value, and a path is only put together for the few values a message names.
    """

    __slots__ = ("root",)

    def __init__(self, root: Any = None):
        self.root = root  # the document's place (see _Node); None for an empty document

    def position(self, path: Path, prefer_key: bool = False) -> Position:
        """The position of `path`, or of its nearest written ancestor."""
        along: list[tuple[Position | None, Position | None]] = []  # (key, value) for (), path[:1], ...
        place = self.root
        key: Position | None = None
        for part in (None, *path):
            if part is not None:
                step = place.step(part) if isinstance(place, _Node) else None
                if step is None:
                    break
                key, place = step
            along.append((key, place.pos if isinstance(place, _Node) else place))
        for key, value in reversed(along):
            if prefer_key and key:
                return key
            if value:
                return value
            if key:
                return key
        return (1, 1)

    def line(self, path: Path) -> int:
        return self.position(path, prefer_key=True)[0]

    def texts(self, top: Any, step: Callable[[Any, str | int], Any]) -> Iterator[tuple[Path, str]]:
        """Each path the document wrote a value at that `step` finds text at, in the order written.

        `top` is something the shape of the document (the validated plan) and `step(parent, part)`
        one step into it (None where there is nothing). Only what the text wrote is visited: not
        what a merge (`<<`) or an alias (`*name`) brought in, nor what was left out.
        """
        if not isinstance(self.root, _Node):
            return
        # Depth first: (path, the parts of its node still to visit, the value there)
        open_: list[tuple[Path, Iterator[tuple[str | int, Any]], Any]] = [((), _parts(self.root), top)]
        while open_:
            path, parts, parent = open_[-1]
            for part, place in parts:
                value = step(parent, part)
                if isinstance(value, str):
                    yield (*path, part), value
                elif value is not None and isinstance(place, _Node):
                    open_.append(((*path, part), _parts(place), value))
                    break
            else:
                open_.pop()


def _parts(node: _Node) -> Iterator[tuple[str | int, Any]]:
    """(part, place) for each part of a mapping or list the text wrote, in order."""
    if isinstance(node.places, list):
        return enumerate(node.places)
    return ((key, place) for key, (_, place) in node.places.items() if place is not None)  # None: from a merge


class _Missing:
    pass


_NO_KEY = _Missing()


class _Frame:
    """A mapping or list being read: what it holds so far, where its parts were, the key waiting for its value."""

    __slots__ = ("anchor", "container", "is_list", "key", "key_pos", "merges", "node", "path", "places", "size")

    def __init__(self, path: Path, pos: Position, is_list: bool, anchor: str | None):
        self.container: Any = [] if is_list else {}
        self.places: Any = [] if is_list else {}  # the node's, at hand
        self.node = _Node(pos, self.places)
        self.path, self.is_list, self.anchor = path, is_list, anchor
        self.size = 1
        self.key: Any = _NO_KEY
        self.key_pos = (1, 1)
        self.merges: list[tuple[Any, Position]] = []


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


def _number(value: str) -> Any:
    """A plain word that starts like a number: the number it spells, or the word."""
    if len(value) > MAX_DIGITS and sum(c.isdigit() for c in value) > MAX_DIGITS:
        return value
    number = _NUMBER.match(value)
    if number:
        kind = number.lastgroup
        if kind == "float":
            return SourceFloat(float(value), value)
        return SourceInt(int(value, 10) if kind == "int" else int(value[2:], 8 if kind == "oct" else 16), value)
    lowered = value.lower()
    if lowered in (".inf", "+.inf", "-.inf"):
        return SourceFloat(-math.inf if value.startswith("-") else math.inf, value)
    if lowered == ".nan":
        return SourceFloat(math.nan, value)
    return value


def _refuse_controls(event: Any) -> None:
    bad = CONTROL.search(event.value)
    if bad:
        raise YamlProblem(
            *_pos(event.start_mark),
            f"this text holds an invisible control character (U+{ord(bad.group()):04X}) that documents "
            "cannot show; remove it (look for a backslash escape like \\v or \\0)",
        )


def _tagged(event: Any) -> Any:
    """A scalar with a tag (`!!int 7`): the few YAML tags a plan may use, or a problem."""
    tag = event.tag
    if tag == "!" or tag == _TAG + "str":
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


def read_yaml(text: str) -> tuple[Any, SourceMap]:
    """Parse one YAML document into plain data and its source map. Raises YamlProblem."""
    try:
        return _read(text)
    except yaml.MarkedYAMLError as err:
        from coprod_cli.plan.syntax import syntax_problem

        raise syntax_problem(err, text) from None
    except yaml.YAMLError as err:
        raise YamlProblem(1, 1, f"YAML: {err}") from None


def _read(text: str) -> tuple[Any, SourceMap]:
    """One pass over the parser's events, building the data and its positions as they arrive.

    The loop is the cost of reading a big plan (a turn per value), so each value is attached in
    one place, inline, and gets no path: the source map is a tree the shape of the data.
    """
    # Only text with a control character or a backslash escape can give a value one.
    controls = "\\" in text or CONTROL.search(text) is not None
    anchors: dict[str, tuple[Any, int]] = {}
    budget = BASE_NODES + NODES_PER_BYTE * len(text)
    root: Any = _NO_KEY
    where: Any = None  # the document's place in the source map
    total = documents = 0
    stack: list[_Frame] = []
    top: _Frame | None = None
    place: Any
    event: Any
    # Read once here, not once a value: the loop runs once per event of the document.
    scalar, alias, no_key, words, number_start = yaml.ScalarEvent, yaml.AliasEvent, _NO_KEY, _WORDS, _NUMBER_START
    opens = {yaml.MappingStartEvent: False, yaml.SequenceStartEvent: True}
    closes = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
    for event in yaml.parse(text, Loader=_EventLoader):
        kind = type(event)
        if kind is scalar:
            value = event.value
            if controls:
                _refuse_controls(event)
            if event.tag is not None:
                value = _tagged(event)
            elif not event.style:  # a plain word: null, a boolean, a number or text
                if value in words:
                    value = words[value]
                elif value[0] in number_start:
                    value = _number(value)
            mark = event.start_mark
            place = pos = (mark.line + 1, mark.column + 1)
            size = 1
            if event.anchor:
                anchors[event.anchor] = (value, 1)
        elif kind in opens:
            top = _Frame(*_open(event, stack, top), opens[kind], event.anchor)
            stack.append(top)
            continue
        elif kind in closes:
            frame = stack.pop()
            top = stack[-1] if stack else None
            if frame.merges:
                _merge(frame)
            value, size, place = frame.container, frame.size, frame.node
            if frame.anchor:
                anchors[frame.anchor] = (value, size)
            pos = place.pos
            total -= size  # counted as its children arrived; added back below
        elif kind is alias:
            if event.anchor not in anchors:
                raise YamlProblem(
                    *_pos(event.start_mark),
                    f"'*{event.anchor}' refers to an anchor that is not defined before it (or refers to itself)",
                )
            value, size = anchors[event.anchor]
            place = pos = _pos(event.start_mark)
        else:
            if kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise YamlProblem(*_pos(event.start_mark), "a plan is one YAML document; remove the second '---'")
            continue
        # Attach the value to the open mapping or list (or make it the document).
        total += size
        if total > budget:
            raise YamlProblem(
                *pos,
                f"the plan grows to more than {budget:,} values once its aliases (*name) and merges (<<) "
                "are expanded; write shared parts out, or share less",
            )
        if top is None:
            root, where = value, place
            continue
        top.size += size
        if top.is_list:
            top.container.append(value)
            top.places.append(place)
            continue
        key = top.key
        if key is no_key:
            if isinstance(value, (dict, list)):
                raise YamlProblem(*pos, "a key must be a plain word, not a list or mapping")
            top.key, top.key_pos = value, pos
            continue
        top.key = no_key
        if key == "<<":
            top.merges.append((value, top.key_pos))
            continue
        if key.__class__ is not str:
            key = "" if key is None else str(key).lower() if isinstance(key, bool) else str(key)
        places = top.places
        if key in places:
            raise YamlProblem(
                *top.key_pos, f"'{key}' is given twice (first on line {places[key][0][0]}); keep one", (*top.path, key)
            )
        top.container[key] = value
        places[key] = (top.key_pos, place)
    return (None if root is _NO_KEY else root), SourceMap(where)


def _open(event: Any, stack: list[_Frame], top: _Frame | None) -> tuple[Path, Position]:
    """Where a new mapping or list starts (its path and position), after checking its depth and tag."""
    pos = _pos(event.start_mark)
    if len(stack) >= MAX_DEPTH:
        raise YamlProblem(*pos, f"the plan is nested more than {MAX_DEPTH} levels deep")
    if event.tag not in (None, "!", _TAG + "map", _TAG + "seq"):
        raise YamlProblem(*pos, f"the YAML tag '{event.tag}' is not supported here; remove it")
    if top is None:
        return (), pos
    if top.is_list:
        return (*top.path, len(top.container)), pos
    if top.key is _NO_KEY:  # used as a key, which is refused (at the mapping it is in) once it ends
        return top.path, top.node.pos
    return (*top.path, str(top.key)), pos


def _merge(frame: _Frame) -> None:
    """Fill a mapping's missing keys from its `<<` merges (each at the position of its `<<`)."""
    places: dict[str, tuple[Position, Any]] = frame.node.places  # type: ignore[assignment]
    for merged, merge_pos in frame.merges:
        sources = merged if isinstance(merged, list) else [merged]
        for src in sources:
            if not isinstance(src, dict):
                raise YamlProblem(*merge_pos, "'<<' must point at a mapping (an &anchor of keys)")
            for k, v in src.items():
                frame.container.setdefault(k, v)
                places.setdefault(k, (merge_pos, None))
