"""Word layout of the blocks people fill in by hand (the paperwork): tables of blank rows, lines to
write on, Easy Read questions with boxes to tick, and sheets of cards with dashed cut lines.

A mixin of the DOCX writer (docx.py): `body` is where paragraphs go (the document, or a card).
An Easy Read point has its picture beside it (Word shows no SVG: library/icons/png holds each
icon drawn as a PNG); the boxes are U+25A1.
"""

from __future__ import annotations

import math
from functools import cache
from importlib import resources
from typing import Any

from coprod_cli.documents.model import Blanks, Block, Cards, FillTable, Points

BOX = "□"  # U+25A1 WHITE SQUARE, in the WGL4 set of Arial and Calibri
ROW_MM = 10  # a sign-in row: room to write a name
WRITE_MM = 15  # a line to write on by hand (a name, a date, what to change), as the stylesheet's print
SHEET_MM = 200  # the height the cards of one page share: the first page also holds the title
PICTURE_MM = 16  # an Easy Read picture, as in HTML and PDF (56 pt, about 20 mm, less the cell's margins)


class Forms:
    document: Any
    body: Any
    width: Any = None  # the width of the card being written; None: the page's
    sheets = 0  # sheets of cards so far: each after the first starts a new page

    def block(self, block: Block, level: int) -> None: ...  # docx.py's writer lays out any block
    def text(self, paragraph: Any, text: str, bold: bool = False) -> None: ...

    def usable(self) -> Any:
        """The width between the margins (of the page, or of the card being written)."""
        if self.width is not None:
            return self.width
        section = self.document.sections[0]
        return section.page_width - section.left_margin - section.right_margin

    def grid(self, labels: tuple[str, ...]) -> Any:
        """A gridded table whose header row (the labels, in bold) repeats on every page."""
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        table = self.document.add_table(rows=1, cols=len(labels))
        table.style = "Table Grid"
        table.autofit = False
        repeat = OxmlElement("w:tblHeader")
        repeat.set(qn("w:val"), "true")
        table.rows[0]._tr.get_or_add_trPr().append(repeat)
        for cell, label in zip(table.rows[0].cells, labels, strict=True):
            cell.paragraphs[0].add_run(label).bold = True
        return table

    def fill_table(self, t: FillTable) -> None:
        from docx.shared import Mm

        table = self.grid(t.columns)
        for _ in range(t.rows):
            _fixed_height(table.add_row(), Mm(ROW_MM))
        widths = (0.36, 0.26, 0.14, 0.24) if len(t.columns) == 4 else (1 / len(t.columns),) * len(t.columns)
        for row in table.rows:
            for cell, share in zip(row.cells, widths, strict=True):
                cell.width = int(self.usable() * share)
        self.document.add_paragraph()

    def blanks(self, b: Blanks) -> None:
        """Each label, then a line to write on to the right margin (a tab with an underscore leader).

        On a page each line is WRITE_MM high, room to write by hand; on a card (a badge, a receipt,
        in a row of fixed height) the lines keep closer."""
        from docx.enum.text import WD_LINE_SPACING, WD_TAB_ALIGNMENT, WD_TAB_LEADER
        from docx.shared import Pt, Twips

        for label in (*(f"{label}:" for label in b.labels), *([""] * b.lines)):
            paragraph = self.body.add_paragraph()
            if self.width is None:  # Word sets the extra height of an exact line above the words
                paragraph.paragraph_format.line_spacing = Twips(math.ceil(WRITE_MM * 1440 / 25.4))  # not under
                paragraph.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
                paragraph.paragraph_format.space_after = 0  # the line's own height is the room; a form fits a page
            else:
                paragraph.paragraph_format.space_before = Pt(12)
            paragraph.paragraph_format.tab_stops.add_tab_stop(
                self.usable() - Pt(12), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.LINES
            )
            if label:
                paragraph.add_run(label + " ").bold = True
            paragraph.add_run("\t")

    def points(self, b: Points) -> None:
        """Easy Read: each point a row of a borderless table, its picture (with its alt text) on the
        left, the lead in bold and the idea on the right, then a box to tick for each answer."""
        from docx.shared import Mm, Pt

        table = self.body.add_table(rows=0, cols=2)
        table.autofit = False
        words_width = self.usable() - Mm(PICTURE_MM + 6)
        table.columns[0].width, table.columns[1].width = Mm(PICTURE_MM + 6), words_width  # the grid Word reads
        for point in b.points:
            row = table.add_row()
            _keep_together(row)
            picture, words = row.cells
            picture.width, words.width = Mm(PICTURE_MM + 6), words_width
            shape = picture.paragraphs[0].add_run().add_picture(icon_png(point.icon), width=Mm(PICTURE_MM))
            shape._inline.docPr.set("descr", point.alt)  # what the picture shows, for a screen reader
            first = words.paragraphs[0]
            if point.lead:
                self.text(first, point.lead, bold=True)
                first = words.add_paragraph()
            self.text(first, point.text)
            if b.answers:
                line = words.add_paragraph()
                for answer in b.answers:
                    line.add_run(BOX).font.size = Pt(24)
                    line.add_run(f" {answer.word}      ")
        self.body.add_paragraph()  # a table needs a paragraph after it before the next one

    def cards(self, c: Cards, level: int) -> None:
        """Sheets of `across` by `down` cards, a page each, in a table with dashed cut lines."""
        from docx.shared import Mm

        per = c.across * c.down
        body, width = self.body, self.width
        for first in range(0, c.count, per):
            if self.sheets:
                self.document.add_page_break()
            self.sheets += 1
            n = min(per, c.count - first)
            table = self.document.add_table(rows=-(-n // c.across), cols=c.across)
            _dashed(table)
            for row in table.rows:
                _fixed_height(row, Mm(SHEET_MM / c.down))
            for i, cell in enumerate(cell for row in table.rows for cell in row.cells):
                cell.width = int(self.usable() / c.across)
                if i >= n:
                    continue
                self.body, self.width = cell, cell.width - Mm(4)
                for block in c.blocks:
                    self.block(block, level)
                self.body, self.width = body, width


def icon_png(key: str) -> Any:
    """The picture of an Easy Read key (documents.easy.ICONS) as a PNG file object for Word."""
    import io

    from coprod_cli.documents.easy import ICONS

    return io.BytesIO(_png(ICONS[key][0]))


@cache
def _png(stem: str) -> bytes:
    return resources.files("coprod_cli.library").joinpath("icons", "png", f"{stem}.png").read_bytes()


def _keep_together(row: Any) -> None:
    """A row of the table is never split across two pages."""
    from docx.oxml import OxmlElement

    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def _fixed_height(row: Any, height: Any) -> None:
    """A row of exactly `height` that never breaks across pages."""
    from docx.enum.table import WD_ROW_HEIGHT_RULE

    row.height, row.height_rule = height, WD_ROW_HEIGHT_RULE.EXACTLY
    _keep_together(row)


def _dashed(table: Any) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        line = OxmlElement(f"w:{edge}")
        for key, value in (("val", "dashed"), ("sz", "6"), ("space", "0"), ("color", "8C8C8C")):
            line.set(qn(f"w:{key}"), value)
        borders.append(line)
    table._tbl.tblPr.append(borders)
