"""Easy Read handouts and large print: pictures with alt text, times in words, 16 pt and more,
no tables, the icons' licence in the wheel, an agenda that stays on one page in large print."""

from __future__ import annotations

import re
import zipfile
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest
from helpers import EXAMPLES, ROOT, run, write_tree

from coprod_cli.checks import run_checks
from coprod_cli.checks.language import EASY_READ_WORDS
from coprod_cli.documents.easy import ICONS, easy_read
from coprod_cli.documents.model import Point, Points, Section
from coprod_cli.language.messages import spoken_time
from coprod_cli.language.readability import split_sentences, words_of
from coprod_cli.plan.library import load_library
from coprod_cli.plan.loader import load_plan
from coprod_cli.schedule import schedule_plan
from coprod_cli.views.participant import participant_view


class _Page(HTMLParser):
    """The tags, image alt texts and class names of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.images: list[dict[str, str | None]] = []
        self.main_class = ""

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag == "img":
            self.images.append(dict(attrs))
        if tag == "main":
            self.main_class = dict(attrs).get("class") or ""


def _easy(plan, number):
    schedules = schedule_plan(plan)
    return easy_read(plan, schedules, participant_view(plan, schedules), number)


def _points(section: Section) -> tuple[Point, ...]:
    [block] = section.blocks
    assert isinstance(block, Points)
    return block.points


def _page(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text("utf-8"))
    return page


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.stem for e in EXAMPLES])
def test_every_example_renders_easy_read_with_a_picture_and_alt_text_for_each_point(example, tmp_path):
    assert run("render", "easy-read", "-p", str(example), "-o", str(tmp_path)).exit_code == 0
    pages = sorted(tmp_path.glob("*/easy-read.html"))
    assert len(pages) == len(load_plan(example).plan.workshops)
    assert not list(tmp_path.glob("*/easy-read.md")), "Easy Read has no Markdown: a point is its picture too"
    for html in pages:
        page = _page(html)
        assert "table" not in page.tags and "em" not in page.tags and "i" not in page.tags
        assert len(page.images) >= 8
        for image in page.images:
            assert (image.get("alt") or "").strip(), image
            assert (image.get("src") or "").startswith("data:image/svg+xml;base64,")
        assert "easy-read" in page.main_class.split()


def test_what_will_happen_is_said_in_short_sentences_with_times_in_words():
    example = next(p for p in EXAMPLES if p.stem == "care-leavers")
    plan = load_plan(example).plan
    model = _easy(plan, 1)
    [happens] = [s for s in model.sections if s.title == "What will happen"]
    assert [p.lead for p in _points(happens)][:2] == ["10 o'clock in the morning", "20 minutes past 10 in the morning"]
    assert _points(happens)[0].text == "We say hello. We agree how we work together."  # the library's easy: line
    assert "Quarter past 11 in the morning" in [p.lead for p in _points(happens)]  # a heading starts with a capital
    for point in _points(happens):
        assert point.icon in ICONS and not re.search(r"\d:\d\d", point.lead or "")
        for sentence in split_sentences(point.text):
            assert len(words_of(sentence)) <= EASY_READ_WORDS, sentence


def test_every_point_is_a_whole_sentence_thanks_included(tmp_path):
    """'at the end of each session' alone is a piece of a sentence; Easy Read says it whole."""
    example = next(p for p in EXAMPLES if p.stem == "care-leavers")
    text = example.read_text("utf-8")
    plan = load_plan(example).plan
    for number in range(1, len(plan.workshops) + 1):
        for section in _easy(plan, number).sections:
            if section.title not in ("Things to know", "If you need help"):
                continue  # activities are their easy: lines (see below), words their meanings
            for point in _points(section):
                assert point.text[:1].isupper() and point.text[-1:] in ".!?", point.text
    # the example writes `when:` and `travel:` in lower case: we make them sentences
    assert "when: at the end of each workshop" in text
    [know] = [s for s in _easy(plan, 1).sections if s.title == "Things to know"]
    assert "You get it at the end of each workshop." in [p.text for p in _points(know)]


@pytest.mark.parametrize(
    "minutes, said",
    [
        (600, "10 o'clock in the morning"),
        (630, "half past 10 in the morning"),
        (615, "quarter past 10 in the morning"),
        (645, "quarter to 11 in the morning"),
        (720, "12 o'clock midday"),
        (810, "half past 1 in the afternoon"),
        (1140, "7 o'clock in the evening"),
        (655, "5 minutes to 11 in the morning"),
    ],
)
def test_times_in_words(minutes: int, said: str):
    assert spoken_time("en-GB", minutes) == said


def test_welsh_times_in_words():
    assert spoken_time("cy", 630) == "hanner awr wedi 10 y bore"
    assert spoken_time("cy", 13 * 60 + 15) == "chwarter wedi 1 y prynhawn"


def test_easy_read_and_large_print_sizes_in_the_stylesheet():
    css = (ROOT / "src" / "coprod_cli" / "documents" / "templates" / "style.css").read_text("utf-8")

    def size(selector: str) -> float:
        match = re.search(rf"(?m)^\s*{re.escape(selector)}[^{{]*\{{[^}}]*font-size:\s*([\d.]+)pt", css)
        assert match, selector
        return float(match.group(1))

    assert size(".easy-read") >= 16 and size(".easy-read footer") >= 16
    assert size(".large-print, .large-print th") == 18
    assert re.search(r"\.large-print[^{]*\{[^}]*line-height:\s*1\.5", css)


def test_large_print_applies_to_participant_documents(tmp_path):
    example = next(p for p in EXAMPLES if p.stem == "care-leavers")
    assert run("render", "handouts", "agendas", "scripts", "--large-print", "-p", str(example), "-o", str(tmp_path))
    assert "large-print" in _page(tmp_path / "01-intro" / "handout.html").main_class
    assert "large-print" in _page(tmp_path / "01-intro" / "agenda.html").main_class
    assert "large-print" not in _page(tmp_path / "01-intro" / "facilitator-script.html").main_class
    plan = tmp_path / "plan.yaml"
    plan.write_text(example.read_text("utf-8").replace("timezone:", "settings: {print: large}\ntimezone:", 1))
    assert run("render", "agendas", "-p", str(plan), "-o", str(tmp_path / "b")).exit_code == 0
    assert "large-print" in _page(tmp_path / "b" / "01-intro" / "agenda.html").main_class
    assert run("render", "agendas", "-p", str(example), "-o", str(tmp_path / "c")).exit_code == 0
    assert "large-print" not in _page(tmp_path / "c" / "01-intro" / "agenda.html").main_class


def test_large_print_agendas_stay_on_one_a4_page(tmp_path):
    weasyprint = pytest.importorskip("weasyprint")
    for example in EXAMPLES:
        out = tmp_path / example.stem
        assert (
            run("render", "agendas", "-f", "html", "--large-print", "-p", str(example), "-o", str(out)).exit_code == 0
        )
        for agenda in out.glob("*/agenda.html"):
            pages = weasyprint.HTML(string=agenda.read_text("utf-8")).render().pages
            assert len(pages) == 1, agenda
            assert (round(pages[0].width * 0.75), round(pages[0].height * 0.75)) == (595, 842)  # A4 in points


def test_easy_read_is_in_all_and_pdf_renders(tmp_path):
    example = next(p for p in EXAMPLES if p.stem == "online-engagement")
    assert run("render", "all", "-p", str(example), "-o", str(tmp_path)).exit_code == 0
    assert (tmp_path / "01-connections" / "easy-read.html").is_file()
    pytest.importorskip("weasyprint")
    assert run("render", "easy-read", "-f", "pdf", "-p", str(example), "-o", str(tmp_path / "p")).exit_code == 0
    assert (tmp_path / "p" / "01-connections" / "easy-read.pdf").read_bytes().startswith(b"%PDF")


def test_the_icons_and_their_licence_are_in_the_wheel(tmp_path):
    from hatchling.builders.wheel import WheelBuilder

    [wheel] = list(WheelBuilder(str(ROOT)).build(directory=str(tmp_path), versions=["standard"]))
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "coprod_cli/library/icons/LICENSE" in names
    assert "MIT License" in zipfile.ZipFile(wheel).read("coprod_cli/library/icons/LICENSE").decode()
    for stem, _alt in ICONS.values():
        assert {f"coprod_cli/library/icons/{stem}.svg", f"coprod_cli/library/icons/png/{stem}.png"} <= names
    data = {"coprod_cli/language/jargon.yaml", "coprod_cli/language/acronyms.yaml", "coprod_cli/codes.yaml"}
    assert data | {"coprod_cli/language/locale/cy/LC_MESSAGES/coprod.po"} <= names


def test_a_retitled_library_activity_does_not_keep_the_librarys_easy_read_line():
    example = next(p for p in EXAMPLES if p.stem == "citizen-lab")
    plan = load_plan(example).plan
    model = _easy(plan, 1)
    [happens] = [s for s in model.sections if s.title == "What will happen"]
    texts = [p.text for p in _points(happens)]
    assert "We show you how many pupils are sent out of school." in texts  # the plan's own easy: line
    assert "We tell you what we will do today. You can ask questions." not in texts


def _happens(page: Path) -> list[str]:
    """The words of each "What will happen" point of a rendered Easy Read page, as a person reads them."""
    [points] = re.findall(r"<h2>What will happen</h2>\s*<ul class=\"points\">(.*?)</ul>", page.read_text("utf-8"), re.S)
    return [
        unescape(text)
        for text in re.findall(r"<div class=\"words\">(?:<p class=\"lead\">.*?</p>)?<p>(.*?)</p>", points)
    ]


def test_the_online_examples_easy_read_says_what_happens_not_the_librarys_titles(tmp_path):
    """Online, every library activity reads as its Easy Read line, never as its bare title."""
    example = next(p for p in EXAMPLES if p.stem == "online-engagement")
    assert run("render", "easy-read", "-p", str(example), "-o", str(tmp_path)).exit_code == 0
    plan = load_plan(example).plan
    library = load_library()
    for workshop, page in zip(plan.workshops, sorted(tmp_path.glob("*/easy-read.html")), strict=True):
        texts = _happens(page)
        assert len(texts) == len(workshop.agenda)
        for item, text in zip(workshop.agenda, texts, strict=True):
            activity = library.get(item.use or "")
            online = activity.online if activity is not None else None
            if activity is not None and (activity.easy or getattr(online, "easy", None)):
                assert text not in (item.title, activity.title), item.use
        assert "We go into small groups online. We agree what our words mean. Then we tell everyone." in texts


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.stem for e in EXAMPLES])
def test_every_example_gives_each_item_an_easy_read_line(example):
    """The examples show what to copy: no point of their Easy Read is a title alone."""
    findings = run_checks(load_plan(example), ["language"]).findings
    assert [f.message for f in findings if f.code == "language.easy-read"] == []


def test_a_users_template_can_replace_one_section_of_the_easy_read(tmp_path):
    """The Easy Read is a document like the others: each section a named block of base.html."""
    tpl = '{% extends "builtin/easy-read.html" %}{% block happens %}<h2>Our day</h2>{% endblock %}'
    write_tree(tmp_path / "tpl", {"easy-read.html": tpl})
    care = next(p for p in EXAMPLES if p.stem == "care-leavers")
    only = ("easy-read", "-w", "intro", "-p", str(care), "-o", str(tmp_path / "out"))
    result = run("render", *only, "--templates", str(tmp_path / "tpl"))
    assert result.exit_code == 0, result.stderr
    page = (tmp_path / "out" / "01-intro" / "easy-read.html").read_text("utf-8")
    assert "<h2>Our day</h2>" in page and "What will happen" not in page
    assert "<h2>About the workshop</h2>" in page and "<h2>If you need help</h2>" in page


def _texts(model, title: str) -> list[str]:
    [section] = [s for s in model.sections if s.title == title]
    return [p.text for p in _points(section)]


def test_the_easy_read_says_how_to_join_online_and_how_to_reach_support_by_email():
    """Online, the Easy Read gives the link, the phone number and what to do if it fails, as the handout does."""
    example = next(p for p in EXAMPLES if p.stem == "online-engagement")
    model = _easy(load_plan(example).plan, 1)
    joining = _texts(model, "How to join")
    assert "Join on a computer, tablet or phone: https://zoom.example/j/123456789" in joining
    assert any(t.startswith("Or join by phone: 0203 000 0000") for t in joining)
    assert any(t.startswith("If it does not work:") for t in joining)
    assert "Email engagement@example.gov.uk." in _texts(model, "If you need help")


def test_the_easy_read_reports_back_what_the_last_workshop_heard():
    example = next(p for p in EXAMPLES if p.stem == "care-leavers")
    plan = load_plan(example).plan
    assert not [s for s in _easy(plan, 1).sections if s.title == "You said, we did"]
    said = _texts(_easy(plan, 2), "You said, we did")
    assert "The words professionals use are hard to follow" in said
    assert plan.workshops[0].heard[0].did in said
    assert [s.title for s in _easy(plan, 1).sections if s.title == "How to join"] == []  # in person: nothing to join


def test_the_easy_read_in_word_has_a_picture_with_alt_text_beside_each_point(tmp_path):
    """Organisations edit Easy Read in Word: each point keeps its picture (a PNG: Word shows no SVG)."""
    docx = pytest.importorskip("docx")
    care = next(p for p in EXAMPLES if p.stem == "care-leavers")
    assert run(
        "render", "easy-read", "paperwork", "-f", "docx", "-w", "intro", "-p", str(care), "-o", str(tmp_path)
    ).exit_code in (0, 1)
    for name in ("easy-read.docx", "paperwork/consent-form.docx", "paperwork/feedback-form.docx"):
        document = docx.Document(str(tmp_path / "01-intro" / name))
        words = [row.cells[1].text for table in document.tables for row in table.rows]
        pictures = [shape._inline.docPr.get("descr") for shape in document.inline_shapes]
        assert len(pictures) == len(words) >= 3 and all(pictures), name
    easy = docx.Document(str(tmp_path / "01-intro" / "easy-read.docx"))
    words = [row.cells[1].text for table in easy.tables for row in table.rows]
    assert "We say hello. We agree how we work together." in "\n".join(words)
    assert not list(tmp_path.glob("*/easy-read.md"))


def test_every_picture_has_a_png_for_word():
    for stem, _alt in ICONS.values():
        png = ROOT / "src/coprod_cli/library/icons/png" / f"{stem}.png"
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", stem


def test_an_online_workshop_with_a_venue_left_in_the_plan_is_online_in_the_easy_read():
    """A starter made for a venue, then switched to online: nobody is sent to the building."""
    example = next(p for p in EXAMPLES if p.stem == "online-engagement")
    plan = load_plan(example).plan
    plan.workshops[0].venue = "Town Hall"
    about = _texts(_easy(plan, 1), "About the workshop")
    assert "It is online." in about and not [t for t in about if "Town Hall" in t]


def test_the_easy_read_handout_prints_its_pictures_full_size_the_forms_smaller(tmp_path):
    """The forms squeeze their pictures to fit a page; the Easy Read handout keeps them 56 pt."""
    weasyprint = pytest.importorskip("weasyprint")
    care = next(p for p in EXAMPLES if p.stem == "care-leavers")
    assert run("render", "easy-read", "paperwork", "-w", "intro", "-p", str(care), "-o", str(tmp_path)).exit_code == 0
    sizes = {}
    for name in ("easy-read", "paperwork/consent-form"):
        page = weasyprint.HTML(filename=str(tmp_path / "01-intro" / f"{name}.html")).render().pages[0]
        pictures = [b for b in page._page_box.descendants() if getattr(b, "element_tag", "") == "img"]
        sizes[name] = round(min(b.width for b in pictures) * 72 / 96)  # CSS px to pt
    assert sizes == {"easy-read": 56, "paperwork/consent-form": 34}
