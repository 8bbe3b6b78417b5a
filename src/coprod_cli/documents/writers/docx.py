"""Word output (the `docx` extra): the document model laid out with python-docx.

Fit for print: A4 or Letter from the plan, the plan's language, real heading styles (the title
is Heading 1), dark headings (well over 4.5:1 contrast), header rows that repeat on every page,
column widths that fit, page numbers, and core properties (title, author, created now).
Only glyphs every Word font has: a tick box is U+25A1, in the WGL4 set of Arial and Calibri.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from coprod_cli.documents.model import (
    Blanks,
    Block,
    Bullets,
    Cards,
    Cue,
    Document,
    FillTable,
    Note,
    Paragraph,
    Points,
    Say,
    Section,
    Steps,
    Terms,
    Timetable,
)
from coprod_cli.documents.writers.docx_forms import BOX, Forms
from coprod_cli.documents.writers.links import pieces
from coprod_cli.errors import RenderError
from coprod_cli.language.messages import translator

INK = (0x1B, 0x1B, 0x1B)  # 17:1 on white
ACCENT = (0x0B, 0x3D, 0x6E)  # 11:1 on white: "Say:" and links
WARN = (0x7A, 0x3E, 0x00)  # 8:1 on white: notes and the draft banner
NBSP = "\u00a0"  # a phone number keeps its spaces but never breaks across lines at them


def build_docx(model: Document) -> bytes:
    """The .docx bytes of one document."""
    try:
        import docx
    except ImportError:
        raise RenderError("Word documents need the docx extra: pip install 'coprod[docx]'") from None
    document = docx.Document()
    _setup(document, model)
    writer = _Writer(document, translator(model.lang))
    if model.banner:
        writer.banner(model.banner)
    writer.para(model.kicker)
    document.add_heading(model.title, 1)
    if model.facts is not None:
        writer.terms(model.facts)
    for section in model.sections:
        writer.section(section, 2)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _setup(document: Any, model: Document) -> None:
    """Page size, margins, fonts, colours, language, footer and core properties."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt, RGBColor

    section = document.sections[0]
    width, height = (Mm(210), Mm(297)) if model.paper == "a4" else (Mm(215.9), Mm(279.4))
    section.page_width, section.page_height = width, height
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(18))
    normal = document.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(16 if "easy-read" in model.page.split() else 12)  # Easy Read: 16 pt or more
    rpr = normal.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.append(fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), "Arial")
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), model.lang)
    lang.set(qn("w:bidi"), model.lang)
    rpr.append(lang)
    for level, size in ((1, 20), (2, 16), (3, 14), (4, 13), (5, 12)):
        style = document.styles[f"Heading {level}"]
        style.font.color.rgb = RGBColor(*INK)
        style.font.name = "Arial"
        style.font.size = Pt(size)
        style.font.italic = False
        style.element.get_or_add_rPr()
    footer = section.footer.paragraphs[0]
    footer.text = model.footer + " · "
    footer.alignment = WD_ALIGN_PARAGRAPH.LEFT
    for piece in re.split(r"({page}|{pages})", translator(model.lang)("page {page} of {pages}")):
        if piece in ("{page}", "{pages}"):
            _field(footer, "PAGE" if piece == "{page}" else "NUMPAGES")
        elif piece:
            footer.add_run(piece)
    props = document.core_properties
    props.title = model.full_title or model.title
    props.author = model.author
    props.last_modified_by = model.author
    props.language = model.lang
    props.created = props.modified = datetime.now(UTC).replace(microsecond=0, tzinfo=None)
    props.revision = 1
    props.comments = ""


def _field(paragraph: Any, code: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), code)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


class _Writer(Forms):
    """Lays out blocks into one python-docx document (`body`: the document, or a card's cell)."""

    def __init__(self, document: Any, _: Callable[..., str]) -> None:
        self.document, self._, self.body = document, _, document

    def text(self, paragraph: Any, text: str, bold: bool = False) -> None:
        """Runs of text, with web addresses, emails and phones as hyperlinks."""
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn
        from docx.shared import RGBColor

        for part, href in pieces(text):
            if href is None:
                paragraph.add_run(part).bold = bold or None
                continue
            rel = paragraph.part.relate_to(
                href, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink", True
            )
            link = OxmlElement("w:hyperlink")
            link.set(qn("r:id"), rel)
            run = paragraph.add_run(part.replace(" ", NBSP) if href.startswith("tel:") else part)  # one line
            run.font.underline = True
            run.font.color.rgb = RGBColor(*ACCENT)
            run.bold = bold or None
            link.append(run._r)
            paragraph._p.append(link)

    def para(self, text: str, label: str = "", style: str | None = None, colour: tuple[int, int, int] | None = None):
        from docx.shared import Mm, RGBColor

        paragraph = self.body.add_paragraph(style=style)
        if label:
            run = paragraph.add_run(label + " ")
            run.bold = True
            if colour:
                run.font.color.rgb = RGBColor(*colour)
        self.text(paragraph, text)
        if colour:
            paragraph.paragraph_format.left_indent = Mm(6)
        return paragraph

    def banner(self, reasons: tuple[str, ...]) -> None:
        from docx.shared import Pt, RGBColor

        head = self.document.add_paragraph()
        run = head.add_run(self._("Draft: not ready to hand out"))
        run.bold = True
        run.font.size = Pt(16)
        run.font.color.rgb = RGBColor(*WARN)
        self.para(self._("Fix these in the plan, then render again:"))
        for reason in reasons:
            self.para(reason, style="List Bullet")

    def terms(self, terms: Terms) -> None:
        for term, meaning in terms.pairs:
            label = term if term.endswith(("?", ":")) else f"{term}:"
            self.para(meaning, label=label)

    def section(self, section: Section, level: int) -> None:
        if section.title:
            self.document.add_heading(section.title, min(level, 9))
        for block in section.blocks:
            self.block(block, level + 1)

    def block(self, block: Block, level: int) -> None:
        if isinstance(block, Section):
            self.section(block, level)
        elif isinstance(block, Paragraph) and block.style == "strong" and not block.label:
            self.text(self.body.add_paragraph(), block.text, bold=True)
        elif isinstance(block, Paragraph):
            self.para(block.text, label=block.label)
        elif isinstance(block, Say):
            for n, text in enumerate(block.paragraphs):
                self.para(text, label=block.label if n == 0 else "", colour=ACCENT)
        elif isinstance(block, Note):
            self.para(block.text, label=block.label, colour=WARN)
        elif isinstance(block, Cue):
            self.para(block.text, label=self._("At {time}:", time=block.time))
        elif isinstance(block, Bullets):
            for line in block.items:
                if block.check:
                    self.para(line, label=BOX)
                else:
                    self.para(line, style="List Bullet")
        elif isinstance(block, Steps):
            for step in block.steps:
                minutes = f" ({step.minutes})" if step.minutes else ""
                self.para(step.text, label=f"{step.time}{minutes}", style="List Bullet")
        elif isinstance(block, Terms):
            self.terms(block)
        elif isinstance(block, Timetable):
            self.timetable(block)
        elif isinstance(block, FillTable):
            self.fill_table(block)
        elif isinstance(block, Blanks):
            self.blanks(block)
        elif isinstance(block, Points):
            self.points(block)
        elif isinstance(block, Cards):
            self.cards(block, level)

    def timetable(self, t: Timetable) -> None:
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn
        from docx.shared import Mm

        columns: list[tuple[str, Any]] = [(t.time, Mm(20)), *([(t.minutes, Mm(20))] if t.minutes else [])]
        columns.append((t.what, None))
        if t.who:
            columns.append((t.who, Mm(42)))
        fixed = sum(w for _, w in columns if w is not None)
        widths = [w if w is not None else self.usable() - fixed for _, w in columns]
        table = self.grid(tuple(label for label, _ in columns))
        for row in t.rows:
            values = [row.time, *([row.minutes] if t.minutes else []), None, *([row.who] if t.who else [])]
            cells = table.add_row().cells
            for cell, value in zip(cells, values, strict=True):
                if value is None:
                    self._what(cell, t, row)
                else:
                    self.text(cell.paragraphs[0], value, bold=row.end)
                if row.pause:  # breaks are shaded, as in the HTML; the title says what they are
                    shade = OxmlElement("w:shd")
                    shade.set(qn("w:val"), "clear")
                    shade.set(qn("w:fill"), "F1F1EC")
                    cell._tc.get_or_add_tcPr().append(shade)
        for row in table.rows:
            for cell, width in zip(row.cells, widths, strict=True):
                cell.width = width
        self.document.add_paragraph()

    def _what(self, cell: Any, t: Timetable, row: Any) -> None:
        first = cell.paragraphs[0]
        self.text(first, row.title, bold=t.strong or row.end)
        for detail in row.details:
            self.text(cell.add_paragraph(), detail)
        if row.groups and t.split_intro:
            cell.add_paragraph(t.split_intro)
        for group in row.groups:
            head = cell.add_paragraph()
            head.add_run(group.name).bold = True
            if group.where:
                head.add_run(f" ({group.where})")
            for line in group.lines:
                self.text(
                    cell.add_paragraph(), f"{line.time} {line.text}" + (f": {line.detail}" if line.detail else "")
                )
