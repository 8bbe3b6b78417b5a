"""Parity: every text of each document's model appears in every format (habit 13).

Each example is rendered in md, html, docx and pdf; each file is read back as text (HTML by
its parser, DOCX with python-docx, PDF with pdftotext) and must hold every text the model
has: item titles, track groups, leads, notes, steps, materials, times.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from helpers import EXAMPLES

from coprod_cli.documents.model import Document as Model
from coprod_cli.documents.render import Renderer, build_models
from coprod_cli.plan.loader import load_plan
from coprod_cli.schedule import schedule_plan

DOCUMENTS = ("scripts", "handouts", "agendas", "overview", "said-did")


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        self.skip += tag in ("style", "title")
        if tag in ("p", "li", "td", "th", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "span", "br", "div"):
            self.parts.append(" ")

    def handle_endtag(self, tag):
        self.skip -= tag in ("style", "title")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def html_text(data: bytes) -> str:
    parser = _Text()
    parser.feed(data.decode())
    return _flat("".join(parser.parts))


def md_text(data: bytes) -> str:
    text = data.decode().replace("**", "").replace("<br>", " ")
    text = re.sub(r"<([^<>\s]+(?:@|://)[^<>\s]+)>", r"\1", text)  # autolinks read as their address
    return _flat(re.sub(r"\\(.)", r"\1", text))  # escaped Markdown reads as typed


def docx_text(data: bytes) -> str:
    docx = pytest.importorskip("docx")
    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in [*document.paragraphs, *document.sections[0].footer.paragraphs]]
    for table in document.tables:
        parts += [p.text for row in table.rows for cell in row.cells for p in cell.paragraphs]
    return _flat(" ".join(parts))


def pdf_text(data: bytes, model: Model) -> str:
    exe = shutil.which("pdftotext")
    if exe is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    text = subprocess.run([exe, "-", "-"], input=data, capture_output=True, check=True).stdout.decode()
    # The running footer and page numbers sit in the margin, between a page's last line and the next.
    text = re.sub(r"page \d+ of \d+", " ", _flat(text))
    footer = model.footer if model.footer in text else ""
    return _flat(text.replace(model.footer, " ") + " " + footer)


def missing(model: Model, text: str, hyphens: bool = True) -> list[str]:
    """Texts of the model not in `text`; without `hyphens`, hyphens are ignored (pdftotext joins
    "role-" at a line end and "play" on the next into "roleplay")."""

    def same(t: str) -> str:
        return t if hyphens else t.replace("-", "")

    return [t for t in dict.fromkeys(_flat(t) for t in model.texts()) if same(t) not in same(text)]


@pytest.fixture(scope="module", params=EXAMPLES, ids=lambda p: p.stem)
def rendered(request) -> tuple[dict[str, Model], dict[str, bytes]]:
    """Every document of one example: its models, and its files in all four formats."""
    pytest.importorskip("weasyprint")
    pytest.importorskip("docx")
    loaded = load_plan(request.param)
    schedules = schedule_plan(loaded.plan)
    models = {stem: model for stem, model, _ in build_models(loaded, schedules, DOCUMENTS)}
    formats = ("md", "html", "docx", "pdf")
    files = {d.path: d.content for d in Renderer.start(loaded, schedules, DOCUMENTS, formats).render_all()}
    # The paperwork of the first workshop: every paperwork document is one of its kinds there.
    first = loaded.plan.workshops[0].id
    models |= {stem: model for stem, model, _ in build_models(loaded, schedules, ("paperwork",), first)}
    files |= {d.path: d.content for d in Renderer.start(loaded, schedules, ("paperwork",), formats, first).render_all()}
    return models, files


def test_every_text_of_the_model_is_in_every_format(rendered):
    models, files = rendered
    assert len(files) == 4 * len(models)
    for stem, model in models.items():
        assert len(model.texts()) > 10
        for fmt in ("md", "html", "docx", "pdf"):
            data = files[f"{stem}.{fmt}"]
            if fmt == "pdf":
                text = pdf_text(data, model)
            else:
                text = {"md": md_text, "html": html_text, "docx": docx_text}[fmt](data)
            lacking = missing(model, text, hyphens=fmt != "pdf")
            assert not lacking, f"{stem}.{fmt} lacks {lacking[:5]}"


def _pdfinfo(data: bytes, tmp_path: Path) -> dict[str, str]:
    exe = shutil.which("pdfinfo")
    if exe is None:
        pytest.skip("pdfinfo (poppler-utils) is not installed")
    path = tmp_path / "doc.pdf"
    path.write_bytes(data)
    out = subprocess.run([exe, str(path)], capture_output=True, text=True, check=True).stdout
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in out.splitlines())}


def test_pdfs_are_tagged_titled_a4_and_agendas_one_page(rendered, tmp_path: Path):
    models, files = rendered
    for stem, model in models.items():
        info = _pdfinfo(files[f"{stem}.pdf"], tmp_path)
        assert info["Tagged"] == "yes", stem
        assert info["Title"] == model.full_title, stem
        assert "(A4)" in info["Page size"], stem
        if model.kind == "agenda":
            assert info["Pages"] == "1", f"{stem}.pdf runs to {info['Pages']} pages"
        if stem == "01-intro/facilitator-script":  # 3.5 hours, every word: activities flow across pages
            assert int(info["Pages"]) <= 6, "the script was 8 mostly empty pages when each activity took a page"
        pypdf = pytest.importorskip("pypdf")
        reader = pypdf.PdfReader(io.BytesIO(files[f"{stem}.pdf"]))
        assert reader.trailer["/Root"]["/Lang"] == model.lang
        assert reader.metadata is not None and reader.metadata.author == model.author


def _contrast(rgb: tuple[int, int, int]) -> float:
    """WCAG contrast of a colour against white."""

    def channel(c: int) -> float:
        v = c / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05)


def test_docx_is_fit_for_print(rendered):
    docx = pytest.importorskip("docx")
    from docx.oxml.ns import qn
    from docx.shared import Mm

    models, files = rendered
    for stem, model in models.items():
        document = docx.Document(io.BytesIO(files[f"{stem}.docx"]))
        section = document.sections[0]
        assert abs(section.page_width - Mm(210)) < Mm(1) and abs(section.page_height - Mm(297)) < Mm(1)
        props = document.core_properties
        assert (props.title, props.author, props.language) == (model.full_title, model.author, model.lang)
        assert props.created is not None and props.created.year >= 2025
        lang = document.styles["Normal"].element.rPr.find(qn("w:lang"))
        assert lang is not None and lang.get(qn("w:val")) == model.lang
        title = next(p for p in document.paragraphs if p.style.name.startswith("Heading"))
        assert (title.style.name, title.text) == ("Heading 1", model.title)
        for level in range(1, 6):
            colour = document.styles[f"Heading {level}"].font.color.rgb
            assert colour is not None and _contrast(tuple(colour)) >= 4.5
        for table in document.tables if model.page != "cards-page" else ():  # sheets of cards have no header
            if table.rows and table.rows[0].cells[0]._tc.xpath(".//w:drawing"):
                continue  # Easy Read points: a picture beside its words, laid out, not a table of data
            assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None, f"{stem}: header row does not repeat"
        text = docx_text(files[f"{stem}.docx"])
        assert "⏱" not in text and "☐" not in text
        if model.kind in ("agenda", "handout", "facilitator-script"):
            assert "Finish" in text or "We finish" in text


def test_the_parity_check_can_fail():
    """A text dropped by a writer is found missing."""
    from coprod_cli.documents.model import Paragraph, Section

    model = Model(
        "handout",
        "Title",
        "Kicker",
        "en-GB",
        "participant",
        "",
        "Footer",
        None,
        (Section("Part", "purpose", (Paragraph("Kept"), Paragraph("Dropped"))),),
    )
    assert missing(model, "Kicker Title Part Kept Footer") == ["Dropped"]


def test_language_and_paper_come_from_the_plan(tmp_path: Path):
    from helpers import run, write_tree

    plan = (
        "title: Cyfres yr Ŵyl\nlanguage: cy\nsettings: {paper: letter}\nworkshops:\n  - title: Gweithdy\n"
        "    agenda: [{use: welcome-and-ground-rules}, {use: exit-words}]\n"
    )
    write_tree(tmp_path, {"p.yaml": plan})
    pytest.importorskip("docx")
    out = str(tmp_path / "out")
    result = run("render", "handouts", "-f", "md,html,docx", "-p", str(tmp_path / "p.yaml"), "-o", out)
    assert result.exit_code == 0, result.stderr
    html = (tmp_path / "out/01-gweithdy/handout.html").read_text()
    assert '<html lang="cy">' in html and "@page { size: letter;" in html
    assert "unicode-range: U+0100" in html  # the Latin Extended half of the font, for Ŵ
    import docx
    from docx.oxml.ns import qn
    from docx.shared import Mm

    document = docx.Document(str(tmp_path / "out/01-gweithdy/handout.docx"))
    assert abs(document.sections[0].page_width - Mm(215.9)) < Mm(1)
    assert document.styles["Normal"].element.rPr.find(qn("w:lang")).get(qn("w:val")) == "cy"
