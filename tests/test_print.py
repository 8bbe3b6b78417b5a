"""Print quality rules the stylesheet and the HTML keep (issue 9, point 6)."""

from __future__ import annotations

import re
from pathlib import Path

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
