"""Print quality rules the stylesheet and the HTML keep (issue 9, point 6)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers import EXAMPLES, ROOT, run

STYLE = (ROOT / "src/coprod_cli/documents/templates/style.css").read_text()
FONTS = ROOT / "src/coprod_cli/documents/fonts"
CARE = next(p for p in EXAMPLES if p.stem == "care-leavers")


def test_the_stylesheet_names_only_the_shipped_font():
    names = set()
    for families in re.findall(
        r"font(?:-family)?:[^;]*?((?:\"[^\"]+\"|[a-z-]+)(?:,\s*(?:\"[^\"]+\"|[a-z-]+))*)\s*[;}]", STYLE
    ):
        names |= {n.strip().strip('"') for n in families.split(",")}
    assert names == {"Atkinson Hyperlegible", "sans-serif"}
    assert "SIL Open Font License" in (FONTS / "OFL.txt").read_text()
    assert len(list(FONTS.glob("atkinson-hyperlegible-*.woff"))) == 4


def test_no_meaning_rests_on_italics_capitals_or_small_grey_text():
    rules = re.sub(r"/\*.*?\*/", "", STYLE, flags=re.DOTALL)
    assert "italic" not in rules and "uppercase" not in rules
    detail = re.search(r"\.detail \{([^}]*)\}", STYLE)
    assert detail and "font-size" not in detail.group(1) and "color" not in detail.group(1)
    participant = re.search(r"main\.participant \{ font-size: ([\d.]+)pt", STYLE)
    assert participant and float(participant.group(1)) >= 12


def test_contacts_are_links_and_times_are_time_elements(tmp_path: Path):
    assert run("render", "handouts", "-f", "html", "-w", "intro", "-p", str(CARE), "-o", str(tmp_path)).exit_code == 0
    html = (tmp_path / "01-intro/handout.html").read_text()
    assert '<a href="mailto:laura.park@example.org">laura.park@example.org</a>' in html
    assert '<a href="tel:03000000000">0300 000 0000</a>' in html
    assert '<td class="time"><time>10:00</time></td>' in html


def _lines(html: str) -> list[str]:
    """The text of each line of a page as WeasyPrint lays it out for print."""
    weasyprint = pytest.importorskip("weasyprint")
    from weasyprint.formatting_structure.boxes import LineBox, TextBox

    lines = []
    for page in weasyprint.HTML(string=html).render().pages:
        for box in page._page_box.descendants():
            if isinstance(box, LineBox):
                lines.append("".join(b.text for b in box.descendants() if isinstance(b, TextBox)))
    return lines


def test_phone_numbers_and_times_never_break_across_lines_in_print():
    """'07700 / 900111' on two lines cannot be read (nor tapped) as one number; nor can '10: / 30'."""
    from coprod_cli.documents.writers.text import inline_html

    said = [inline_html(f"{'Ask ' * n}Jo on 07700 900111 or at 10:30–11:45 please.") for n in range(24)]
    body = "".join(f"<p>{s}</p>" for s in said)
    main = f'<main class="easy-read participant">{body}</main>'
    html = f"<html><head><style>{STYLE}</style></head><body>{main}</body></html>"
    lines = _lines(html)
    assert len(lines) > len(said)  # the sentences do wrap, at other places
    assert sum("07700 900111" in line for line in lines) == len(said)
    assert sum("10:30" in line for line in lines) == len(said) and not [x for x in lines if x.rstrip().endswith("10:")]


def test_phone_numbers_stay_on_one_line_in_word_documents_too(tmp_path: Path):
    docx = pytest.importorskip("docx")
    assert run("render", "handouts", "-f", "docx", "-w", "intro", "-p", str(CARE), "-o", str(tmp_path)).exit_code == 0
    document = docx.Document(str(tmp_path / "01-intro/handout.docx"))
    texts = [r.text for p in document.paragraphs for r in p.iter_inner_content() if hasattr(r, "text")]
    assert "0300\u00a0000\u00a00000" in texts and "0300 000 0000" not in "".join(texts)
