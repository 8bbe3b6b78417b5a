"""The document model: one document, built once as data, laid out by every writer.

A builder (script.py, handout.py, agenda.py, overview.py) turns an audience view into a
`Document`; the Markdown, HTML, DOCX and PDF writers only lay it out (docutils' nodes, pandoc's
AST). Texts are plain strings from the plan: writers escape them and turn web addresses,
emails and phone numbers into links. `texts()` lists every text, for the parity test.
A block's `block` (a class variable, not data) names the template block that lays it out.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, fields, is_dataclass
from typing import ClassVar, Literal


@dataclass(frozen=True)
class Paragraph:
    """A paragraph; `label` is a bold lead-in ("Materials:"); style 'meta' is small print for facilitators."""

    text: str
    label: str = ""
    style: Literal["", "meta", "strong"] = ""
    block: ClassVar[str] = "paragraph"


@dataclass(frozen=True)
class Say:
    """The facilitator's words, one string per paragraph."""

    paragraphs: tuple[str, ...]
    label: str = "Say:"
    block: ClassVar[str] = "say"


@dataclass(frozen=True)
class Note:
    """A boxed note: facilitator notes, homework to pick up, online instructions."""

    text: str
    label: str = "Note:"
    block: ClassVar[str] = "note"


@dataclass(frozen=True)
class Cue:
    """A timing cue: at `time`, tell the room something."""

    time: str
    text: str
    block: ClassVar[str] = "cue"


@dataclass(frozen=True)
class Bullets:
    """A list; `check` makes it a checklist with a box to tick on paper."""

    items: tuple[str, ...]
    check: bool = False
    block: ClassVar[str] = "bullets"


@dataclass(frozen=True)
class Terms:
    """Terms and their meanings (a glossary) or labels and values (the facts under a title)."""

    pairs: tuple[tuple[str, str], ...]
    facts: bool = False
    block: ClassVar[str] = "terms"


@dataclass(frozen=True)
class Line:
    """One timed line: a track's activity in a timetable row (with a `detail` after it), or a
    step of an activity in a script (with its `minutes` beside the time)."""

    time: str
    text: str
    detail: str = ""
    minutes: str = ""


@dataclass(frozen=True)
class Group:
    """A track of a split session as a timetable shows it: the group, where, and its lines."""

    name: str
    where: str = ""
    lines: tuple[Line, ...] = ()


@dataclass(frozen=True)
class Row:
    """One row of a timetable. `end` marks the closing row ("Finish")."""

    time: str
    title: str
    minutes: str = ""
    who: str = ""
    details: tuple[str, ...] = ()
    groups: tuple[Group, ...] = ()
    pause: bool = False
    end: bool = False


@dataclass(frozen=True)
class Timetable:
    """Rows with times under column labels; a column with an empty label is not shown."""

    rows: tuple[Row, ...]
    time: str = "Time"
    what: str = "What"
    minutes: str = ""
    who: str = ""
    strong: bool = False  # titles in bold (rows that carry details under them)
    split_intro: str = ""  # said before the groups of a split session
    block: ClassVar[str] = "timetable"


@dataclass(frozen=True)
class Steps:
    """The timed steps of an activity, in order."""

    steps: tuple[Line, ...]
    block: ClassVar[str] = "steps"


@dataclass(frozen=True)
class FillTable:
    """A table to fill in by hand: column labels over `rows` blank rows (a sign-in sheet)."""

    columns: tuple[str, ...]
    rows: int
    block: ClassVar[str] = "fill_table"


@dataclass(frozen=True)
class Blanks:
    """Lines to write on: each label with a line beside it ("Signature"), then `lines` bare lines."""

    labels: tuple[str, ...] = ()
    lines: int = 0
    block: ClassVar[str] = "blanks"


@dataclass(frozen=True)
class Answer:
    """A box to tick; `face` is a picture drawn beside the word in HTML and PDF (a smiley scale)."""

    word: str
    face: str = ""


@dataclass(frozen=True)
class Point:
    """One Easy Read idea, with a picture beside it in HTML and PDF; `lead` is bold above it."""

    icon: str  # a key of documents.easy.ICONS
    alt: str
    text: str
    lead: str = ""


@dataclass(frozen=True)
class Points:
    """Easy Read points; with `answers`, each point is a question with a box to tick per answer."""

    points: tuple[Point, ...]
    answers: tuple[Answer, ...] = ()
    block: ClassVar[str] = "points"


@dataclass(frozen=True)
class Cards:
    """The same card `count` times, `across` by `down` to a printed page, with cut lines between."""

    blocks: tuple[Block, ...]
    count: int
    across: int = 2
    down: int = 4
    paper: str = "a4"  # the cards share out the printed page: a4 or letter
    block: ClassVar[str] = "cards"


@dataclass(frozen=True)
class Section:
    """A titled part of a document; `name` is its template block; nested sections go one level down."""

    title: str
    name: str
    blocks: tuple[Block, ...]
    card: bool = False
    pause: bool = False
    block: ClassVar[str] = "section"


Block = (
    Paragraph | Say | Note | Cue | Bullets | Terms | Timetable | Steps | FillTable | Blanks | Points | Cards | Section
)


@dataclass(frozen=True)
class Document:
    """One printable document for one audience."""

    kind: str  # the file stem: facilitator-script, handout, agenda, overview, sign-in-sheet, receipts...
    title: str
    kicker: str
    lang: str
    audience: Literal["facilitator", "participant"]
    author: str
    footer: str
    facts: Terms | None = None
    sections: tuple[Section, ...] = ()
    banner: tuple[str, ...] = ()
    paper: str = "a4"
    page: str = "document"  # the page style, its classes: document, agenda-page (one page, larger type),
    # easy-read (the Easy Read handout), "easy-read form" (the consent and feedback forms: smaller
    # pictures and gaps, to fit a page), sign-in, cards-page (sheets of cards, the header in the top margin)
    full_title: str = ""  # the window and PDF title; the document title when empty

    def texts(self) -> list[str]:
        """Every text of the document, in order: what each format must show."""
        return [t for t in _walk(self) if t]

    def section(self, name: str) -> Section | None:
        return next((s for s in self.sections if s.name == name), None)


def _walk(node: object) -> Iterator[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, tuple | list):
        for part in node:
            yield from _walk(part)
    elif is_dataclass(node):
        for f in fields(node):
            if f.name in (
                "kind",
                "lang",
                "audience",
                "paper",
                "page",
                "style",
                "name",
                "full_title",
                "author",
                "icon",  # pictures, and what they show, are for HTML and PDF
                "alt",
                "face",
            ):
                continue
            if isinstance(node, Say | Note) and f.name == "label":
                continue
            yield from _walk(getattr(node, f.name))
