"""The page around a document's blocks, in plain Python, for a render without a templates folder.

templates/base.html and base.md are the page for a user's templates to extend (one named block
each can be replaced); with none of theirs, a built-in document is laid out here, the same to the
byte (a test renders every example both ways). A Jinja page took three times longer than its
blocks, and a series prints thousands of pages. The stylesheet and the inline font are the same in
every HTML page: they are put together once.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from markupsafe import Markup

from coprod_cli.documents import model as m
from coprod_cli.documents.safe import md_escape
from coprod_cli.documents.writers.html import HtmlBlocks, esc
from coprod_cli.documents.writers.markdown import MarkdownBlocks

# Lays out one document: its model and the context a template would get -> the page, in UTF-8.
Writer = Callable[[m.Document, dict[str, Any]], bytes]
_BLANK_RUN = re.compile(r"\n{3,}")


def builtin_templates() -> Path:
    """The built-in templates, shipped as package data beside the documents package."""
    return Path(__file__).resolve().parent.parent / "templates"


FONTS = (("latin", "400"), ("latin", "700"), ("latin-ext", "400"), ("latin-ext", "700"))
# Fontsource's unicode ranges of the two subsets (its unicode.json).
RANGES = {
    "latin": "U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,"
    "U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD",
    "latin-ext": "U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,"
    "U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF",
}


_LATIN_EXT = re.compile("[\u0100-\u02ff\u1e00-\u1eff]")


def needs_latin_ext(text: str) -> bool:
    """Whether a text has letters beyond Latin-1 that the Latin Extended subset draws (Welsh ŵ, ŷ...)."""
    return _LATIN_EXT.search(text) is not None


@functools.cache
def font_faces(latin_ext: bool = True) -> Markup:
    """@font-face rules for the shipped Atkinson Hyperlegible (OFL), inline, so a document stays one
    file; the Latin Extended half only for plans that use it."""
    import base64

    folder = Path(__file__).resolve().parent.parent / "fonts"
    rules = []
    for subset, weight in FONTS:
        if subset == "latin-ext" and not latin_ext:
            continue
        data = (folder / f"atkinson-hyperlegible-{subset}-{weight}-normal.woff").read_bytes()
        rules.append(
            '@font-face { font-family: "Atkinson Hyperlegible"; font-style: normal; font-weight: '
            f'{weight}; src: url(data:font/woff;base64,{base64.b64encode(data).decode()}) format("woff"); '
            f"unicode-range: {RANGES[subset]}; }}"
        )
    return Markup("\n".join(rules))


def page_counter(words: str) -> str:
    """CSS `content` for the page number in the language's words: 'page {page} of {pages}' ->
    "page " counter(page) " of " counter(pages)."""
    parts = []
    for piece in re.split(r"({page}|{pages})", words):
        if piece in ("{page}", "{pages}"):
            parts.append(f"counter({piece[1:-1]})")
        elif piece:
            parts.append('"' + piece.replace("\\", "\\\\").replace('"', '\\"') + '"')
    return " ".join(parts)


def tidy(text: str) -> str:
    """At most one blank line in a row: what a template's skipped lines leave is taken out."""
    # Most pages have no run of blank lines, and looking for one is far quicker than the regex.
    return _BLANK_RUN.sub("\n\n", text) if "\n\n\n" in text else text


class HtmlPage:
    """base.html's page: the head (its stylesheet and font put together once), the footer, the
    draft banner, the header and each section."""

    def __init__(self, blocks: HtmlBlocks, fonts: str, style: str, page_counter: str):
        self.blocks = blocks
        self.page_counter = page_counter
        # Tidied on its own: it starts and ends next to text that is not a line break, so no run of
        # blank lines can go across its edges, and each page looks only at what is its own.
        # Encoded once too: a page with a letter beyond Latin-1 in it (an en dash) is a wide string
        # in Python, and the font would be widened and encoded again for every page.
        self.style = tidy(f"{fonts}\n{style}").encode("utf-8")

    def __call__(self, doc: m.Document, large_print: bool) -> bytes:
        author = f'<meta name="author" content="{esc(doc.author)}">\n' if doc.author else ""
        head = (
            f'<!DOCTYPE html>\n<html lang="{esc(doc.lang)}">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{esc(doc.full_title or doc.title)}</title>\n{author}<style>\n"
        )
        size = "A4" if doc.paper == "a4" else "letter"
        large = " large-print" if large_print else ""
        facts = self.blocks.block(doc.facts, 2) if doc.facts and doc.facts.pairs else ""
        sections = "".join([self.blocks.section(s, 2) for s in doc.sections])
        body = (
            f"@page {{ size: {size}; @bottom-right {{ content: {self.page_counter}; }} }}\n</style>\n</head>\n"
            f'<body>\n<main class="{esc(doc.page)} {esc(doc.audience)}{large}">\n'
            f"<footer>{esc(doc.footer)}</footer>\n{self.blocks.banner(doc)}"
            f'<header>\n<p class="kicker">{esc(doc.kicker)}</p>\n<h1>{esc(doc.title)}</h1>\n{facts}</header>\n'
            f"{sections}</main>\n</body>\n</html>\n"
        )
        return tidy(head).encode("utf-8") + self.style + tidy(body).encode("utf-8")


class MarkdownPage:
    """base.md's page: the draft banner, the header, each section and the footer."""

    def __init__(self, blocks: MarkdownBlocks):
        self.blocks = blocks

    def __call__(self, doc: m.Document, large_print: bool) -> bytes:
        facts = self.blocks.block(doc.facts, 2) if doc.facts and doc.facts.pairs else ""
        sections = "".join([self.blocks.section(s, 2) for s in doc.sections])
        return tidy(
            f"{self.blocks.banner(doc)}{md_escape(doc.kicker)}\n\n# {md_escape(doc.title)}\n\n{facts}"
            f"{sections}---\n\n{md_escape(doc.footer)}\n"
        ).encode("utf-8")


def page_writers(formats: Iterable[str], language: str, latin_ext: bool) -> dict[str, Writer]:
    """The built-in pages for Markdown and HTML (PDF is printed from the HTML), in the plan's language;
    `latin_ext`: the font's Latin Extended half is needed (needs_latin_ext)."""
    from coprod_cli.documents.easy import icon_uri
    from coprod_cli.language.messages import translator

    _ = translator(language)
    writers: dict[str, Writer] = {}
    if "md" in formats:
        md = MarkdownPage(MarkdownBlocks(_))
        writers["md"] = lambda doc, context: md(doc, context.get("large_print", False))
    if "html" in formats or "pdf" in formats:
        style = (builtin_templates() / "style.css").read_text(encoding="utf-8")
        counter = page_counter(_("page {page} of {pages}"))
        html = HtmlPage(HtmlBlocks(_, icon_uri), font_faces(latin_ext), style, counter)
        writers["html"] = lambda doc, context: html(doc, context.get("large_print", False))
    return writers
