"""Other languages: the message catalogues are complete, and a Welsh plan gets Welsh fixed words and dates."""

from __future__ import annotations

import datetime as dt
import html
import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po
from helpers import EXAMPLES, run

from coprod_cli.checks import run_checks
from coprod_cli.language.messages import CATALOGUES, format_date, format_duration, format_time, po_file, t
from coprod_cli.plan.base import KINDS, MODES
from coprod_cli.plan.loader import load_plan_text

SRC = Path(__file__).resolve().parent.parent / "src" / "coprod_cli"
KEYWORDS = {"_": None, "t": (2,), "N_": None}
METHODS = [("**/templates/**.html", "jinja2"), ("**/templates/**.md", "jinja2"), ("**.py", "python")]
OPTIONS = {"**/templates/**": {"trim_blocks": "true", "lstrip_blocks": "true"}}


def _used() -> set[str]:
    """Every msgid the templates and the code ask for, found as gettext tools find them."""
    found = set()
    for _file, _line, message, _comments, _context in extract_from_dir(str(SRC), METHODS, OPTIONS, KEYWORDS):
        found.add(message[0] if isinstance(message, tuple) else message)
    return found


def _catalogue(code: str) -> dict[str, str]:
    with po_file(code).open("rb") as handle:
        return {m.id: m.string for m in read_po(handle) if m.id}


@pytest.mark.parametrize("code", sorted(CATALOGUES.values()))
def test_every_catalogue_has_every_msgid_and_no_stale_ones(code: str):
    used, catalogue = _used(), _catalogue(code)
    assert len(used) > 100
    # The document builders (documents/build/*.py) and writers are Python: their words are found too.
    assert {"Run sheet", "Leads on to:", "page {page} of {pages}", "Draft: not ready to hand out"} <= used
    assert sorted(used - set(catalogue)) == [], f"add these to {code}"
    assert sorted(set(catalogue) - used) == [], f"no template or code uses these in {code}"
    for msgid, msgstr in catalogue.items():
        assert msgstr.strip(), f"{code}: '{msgid}' has no translation"
        assert set(re.findall(r"{\w+}", msgid)) == set(re.findall(r"{\w+}", msgstr)), f"{code}: '{msgid}' placeholders"


def test_modes_and_kinds_are_in_the_catalogue():
    assert {*MODES, *KINDS} <= set(_catalogue("cy"))


def test_lookups_dates_and_times():
    assert t("cy", "What will happen") == "Beth fydd yn digwydd"
    assert t("cy-GB", "Workshop {number} of {total}", number=1, total=4) == "Gweithdy 1 o 4"
    assert t("en-GB", "in-person") == "in person"
    assert t("fr", "Words we use") == "Words we use"  # no French catalogue: English words
    day = dt.date(2016, 10, 3)
    assert format_date("cy", day) == "Dydd Llun, 3 Hydref 2016"
    assert format_date("en-GB", day) == "Monday, 3 October 2016"
    assert format_date("fr", day) == "lundi 3 octobre 2016"  # Babel knows French dates
    assert format_date("xx", day) == format_date("en-GB", day)
    assert format_time("cy", 9 * 60 + 5) == "09:05" and format_time("en-US", 13 * 60 + 30) == "1:30\u202fPM"
    assert format_duration("cy", 90) == "1 awr 30 mun" and format_duration("en-GB", 45) == "45 min"


def test_a_welsh_render_has_welsh_headings_and_dates(tmp_path):
    example = next(p for p in EXAMPLES if p.stem == "care-leavers")
    plan = tmp_path / "coprod.yaml"
    plan.write_text(example.read_text("utf-8").replace("timezone:", "language: cy\ntimezone:", 1), "utf-8")
    assert run("render", "handouts", "agendas", "scripts", "-p", str(plan), "-o", str(tmp_path / "out")).exit_code == 0
    page = (tmp_path / "out" / "01-intro" / "handout.html").read_text("utf-8")
    assert '<html lang="cy">' in page
    handout = html.unescape(re.sub(r"<[^>]+>", "", page.split("<body>", 1)[1]))  # times are in <time>
    assert "tudalen " in page  # the page numbers of the printed handout
    for welsh in (
        "Beth fydd yn digwydd",
        "Geiriau rydyn ni'n eu defnyddio",
        "Dydd Llun, 3 Hydref 2016",
        "10:00 tan 13:30",
    ):
        assert welsh in handout
    for english in ("What will happen", "Words we use", "Monday", "October", "Getting there"):
        assert english not in handout
    assert "An Introduction to Service Design" in handout  # the plan's own text stays as written
    markdown = (tmp_path / "out" / "01-intro" / "handout.md").read_text("utf-8")
    assert "## Beth fydd yn digwydd" in markdown and "Gweithdy 1 o 4" in markdown
    agenda = (tmp_path / "out" / "01-intro" / "agenda.html").read_text("utf-8")
    assert "Gorffen" in agenda and "Finish" not in agenda
    script = (tmp_path / "out" / "01-intro" / "facilitator-script.md").read_text("utf-8")
    assert "wyneb yn wyneb" in script and "Cam wrth gam" in script and "Step by step" not in script


def test_a_language_without_words_is_a_note():
    plan = "title: T\nlanguage: fr\nworkshops:\n  - title: W\n    agenda: [{use: welcome-and-ground-rules}]\n"
    [note] = [f for f in run_checks(load_plan_text(plan), ("language",)).findings if f.code == "language.catalogue"]
    assert note.severity == "info" and "no French words" in note.message and "Welsh (cy)" in note.message
    assert not [f for f in run_checks(load_plan_text(plan.replace("fr", "cy"))).findings if "catalogue" in f.code]
