"""`coprod render paperwork`: sign-in sheet, name badges, Easy Read consent and feedback forms, receipts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers import EXAMPLES, run, write_tree

from coprod_cli.plan.loader import load_plan
from coprod_cli.plan.practice import Thanks

CARE = next(p for p in EXAMPLES if p.stem == "care-leavers")
MIN_SPARES = 2


def _expected_rows(plan) -> int:
    """Everyone expected (participant counts and facilitators), and a tenth more spare (2 at least)."""
    people = sum(g.count or 0 for g in plan.participants) + len(plan.facilitators)
    return people + max(MIN_SPARES, -(-people // 10))


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_render_paperwork_on_the_examples(example: Path, tmp_path: Path):
    result = run("render", "paperwork", "-p", str(example), "-o", str(tmp_path))
    assert result.exit_code == 0, result.stderr
    plan = load_plan(example).plan
    rows = _expected_rows(plan)
    paid = {g.group: (g.count or 0) for g in plan.participants if g.thanks and g.thanks.paid}
    written = {p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.*") if not p.name.startswith(".")}
    assert all("/paperwork/" in p for p in written), written
    for n, w in enumerate(plan.workshops, start=1):
        folder = tmp_path / f"{n:02d}-{w.id}" / "paperwork"
        assert (folder / "feedback-form.md").exists() and (folder / "feedback-form.html").exists()
        assert (folder / "consent-form.html").exists() == (plan.consent is not None)
        in_room = w.mode != "online"
        assert (folder / "sign-in-sheet.html").exists() == in_room
        assert (folder / "receipts.html").exists() == (in_room and bool(paid))
        if not in_room:
            continue
        sign_in = (folder / "sign-in-sheet.html").read_text()
        tbody = sign_in.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
        asked_elsewhere = plan.consent and (plan.consent.photos == "no" or plan.consent.question("photos"))
        columns = 3 if asked_elsewhere else 4  # "Photos OK?" only when the consent form does not ask
        assert tbody.count("<tr>") == rows and "<td></td>" * columns in tbody
        assert (folder / "sign-in-sheet.md").read_text().count("|     " * columns + "|\n") == rows
        badges = (folder / "name-badges.html").read_text()
        assert badges.count('class="card-item"') == rows
        assert badges.count('class="sheet"') == -(-rows // 8)
        if paid:
            receipts = (folder / "receipts.html").read_text()
            spares = rows - sum(g.count or 0 for g in plan.participants) - len(plan.facilitators)
            assert receipts.count('class="card-item"') == sum(paid.values()) + spares  # the spares once in all
            for group in paid:
                assert f"<dd>{group}</dd>" in receipts


def test_the_sign_in_sheet_has_a_blank_row_for_everyone_and_the_spares(tmp_path: Path):
    """Care leavers: 6 care leavers, 6 professionals, 2 facilitators and 2 spare: 16 blank rows, in HTML and Word."""
    docx = pytest.importorskip("docx")
    from docx.oxml.ns import qn

    result = run("render", "paperwork", "-w", "intro", "-f", "html,docx", "-p", str(CARE), "-o", str(tmp_path))
    assert result.exit_code == 0, result.stderr
    plan = load_plan(CARE).plan
    assert _expected_rows(plan) == 16
    html = (tmp_path / "01-intro/paperwork/sign-in-sheet.html").read_text()
    assert re.findall(r"<tr>((?:<td></td>)+)</tr>", html) == ["<td></td>" * 3] * 16
    headers = re.findall(r'<th scope="col">([^<]+)</th>', html)
    assert headers == ["Name", "Group", "Travel claimed"]  # the consent form asks about photos
    document = docx.Document(str(tmp_path / "01-intro/paperwork/sign-in-sheet.docx"))
    (table,) = document.tables
    assert [c.text for c in table.rows[0].cells] == headers
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None  # repeated on every page
    blank = table.rows[1:]
    assert len(blank) == 16 and all(c.text == "" for row in blank for c in row.cells)
    assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in blank)  # a row never breaks


def test_the_lines_to_write_on_are_15_mm_high_in_word_but_closer_on_a_receipt(tmp_path: Path):
    docx = pytest.importorskip("docx")
    from docx.enum.text import WD_LINE_SPACING
    from docx.shared import Mm

    result = run("render", "paperwork", "-w", "intro", "-f", "docx", "-p", str(CARE), "-o", str(tmp_path))
    assert result.exit_code == 0, result.stderr
    consent = docx.Document(str(tmp_path / "01-intro/paperwork/consent-form.docx"))
    lines = [p for p in consent.paragraphs if p.text.endswith("\t")]
    assert [p.text for p in lines] == ["Name: \t", "Date: \t"]
    for line in lines:
        fmt = line.paragraph_format
        assert fmt.line_spacing_rule == WD_LINE_SPACING.EXACTLY and fmt.line_spacing >= Mm(15)
    receipts = docx.Document(str(tmp_path / "01-intro/paperwork/receipts.docx"))
    cell = receipts.tables[0].rows[0].cells[0]
    signed = [p for p in cell.paragraphs if p.text.startswith("Signature")]
    assert signed and signed[0].paragraph_format.line_spacing is None  # a card's rows have a fixed height


def test_badges_are_sheets_of_eight_in_word_too(tmp_path: Path):
    docx = pytest.importorskip("docx")
    result = run("render", "paperwork", "-w", "intro", "-f", "docx", "-p", str(CARE), "-o", str(tmp_path))
    assert result.exit_code == 0, result.stderr
    document = docx.Document(str(tmp_path / "01-intro/paperwork/name-badges.docx"))
    sheets = [(len(t.rows), len(t.columns)) for t in document.tables]
    assert sheets == [(4, 2), (4, 2)]  # 16 badges
    caption = "Care Leavers Coproduction Project · An Introduction to Service Design"
    cells = [c for t in document.tables for row in t.rows for c in row.cells]
    assert sum(caption in c.text for c in cells) == 16
    receipts = docx.Document(str(tmp_path / "01-intro/paperwork/receipts.docx"))
    assert [(len(t.rows), len(t.columns)) for t in receipts.tables] == [(2, 1)] * 4  # 8 receipts, 2 to a page


PLAN = """\
title: S
participants:
  - {group: Young people, count: 5, lived_experience: true THANKS}
  - {group: Staff, count: 5}
consent: {photos: yes, quotes: no}
workshops:
  - title: W
    start: "10:00"
    agenda:
      - {title: Draw a map, duration: 30, easy: We draw a map of where we live.}
      - {title: Talk it over, duration: 20, kind: discussion}
"""


@pytest.mark.parametrize(
    "thanks, receipts",
    [
        ("", False),
        (", thanks: {benefits: Ask us about benefits}", False),  # no money or voucher: nothing to sign for
        (", thanks: £20 voucher", True),
        (", thanks: {travel: bus fares paid back}", True),
        (", thanks: {amount: a certificate and a free lunch}", False),  # a thank-you, but not money
    ],
)
def test_receipts_only_when_a_group_is_paid_or_given_a_voucher(thanks: str, receipts: bool, tmp_path: Path):
    write_tree(tmp_path, {"p.yaml": PLAN.replace(" THANKS", thanks)})
    result = run("render", "paperwork", "-f", "md", "-p", str(tmp_path / "p.yaml"), "-o", str(tmp_path / "out"))
    assert result.exit_code in (0, 1), result.stderr
    folder = tmp_path / "out/01-w/paperwork"
    assert (folder / "receipts.md").exists() == receipts
    if receipts:
        text = (folder / "receipts.md").read_text()
        assert text.count("**Received by:**") == 5 + 2  # the group's 5 and 2 spare
        assert "**Print:** 7 receipts: 5 for Young people and 2 spare\n" in text
        assert "**Paid by:**" in text and "**Signature:**" in text and "**Date:**" in text


def test_easy_read_forms_ask_yes_or_no_and_draw_a_smiley_scale(tmp_path: Path):
    write_tree(tmp_path, {"p.yaml": PLAN.replace(" THANKS", "")})
    result = run("render", "paperwork", "-p", str(tmp_path / "p.yaml"), "-o", str(tmp_path / "out"))
    assert result.exit_code in (0, 1), result.stderr
    folder = tmp_path / "out/01-w/paperwork"
    consent = (folder / "consent-form.html").read_text()
    assert '<main class="easy-read form participant">' in consent
    question = consent.split("Can we take photos of you?", 1)[1].split("</li>", 1)[0]
    assert question.count('class="box"') == 2 and ">Yes<" in question and ">No<" in question
    assert "We will not write down what you say." in consent  # quotes: no is said, not asked
    assert 'alt="A camera"' in consent
    feedback = (folder / "feedback-form.html").read_text()
    item = feedback.split("We draw a map of where we live.", 1)[1].split("</li>", 1)[0]
    assert [w for w in re.findall(r'<span class="word">([^<]+)</span>', item)] == ["Good", "OK", "Not good"]
    assert item.count('<img class="face"') == 3 and 'alt=""' in item  # the word says it: the face is decoration
    assert '<p class="lead">Draw a map</p>' in feedback and "Talk it over" in feedback
    assert "What should we change?" in feedback
    md = (folder / "feedback-form.md").read_text()
    assert "[ ] Good · [ ] OK · [ ] Not good" in md and md.count("[ ] Good") == 2


def test_welsh_paperwork_has_welsh_words(tmp_path: Path):
    text = PLAN.replace(" THANKS", ", thanks: £20").replace("title: S\n", "title: S\nlanguage: cy\n")
    write_tree(tmp_path, {"p.yaml": text})
    result = run("render", "paperwork", "-f", "md", "-p", str(tmp_path / "p.yaml"), "-o", str(tmp_path / "out"))
    assert result.exit_code in (0, 1), result.stderr
    folder = tmp_path / "out/01-w/paperwork"
    assert "| Enw | Grŵp |" in (folder / "sign-in-sheet.md").read_text()
    assert "[ ] Da · [ ] Iawn · [ ] Ddim yn dda" in (folder / "feedback-form.md").read_text()
    assert "**Llofnod:**" in (folder / "receipts.md").read_text()


def test_the_index_lists_the_paperwork_under_its_workshop(tmp_path: Path):
    assert run("render", "-p", str(CARE), "-o", str(tmp_path)).exit_code == 0
    index = (tmp_path / "index.html").read_text()
    intro = index.split("<h2>1. ", 1)[1].split("<h2>", 1)[0]
    for label in ("Sign-in sheet", "Name badges", "Consent form (Easy Read)", "Feedback form (Easy Read)", "Receipts"):
        assert f"<li>{label}: " in intro, label
    assert '<a href="01-intro/paperwork/name-badges.html">' in intro
    assert "paperwork</h2>" not in index  # not a heading of its own


def test_paperwork_the_plan_no_longer_needs_is_removed_unless_edited(tmp_path: Path):
    """Nobody is paid any more: the receipts go. The workshop goes online: the sign-in sheet and badges
    go too, but an edited sign-in sheet is kept and named."""
    paid = PLAN.replace(" THANKS", ", thanks: £20 voucher")
    write_tree(tmp_path, {"p.yaml": paid})
    args = ("render", "paperwork", "-f", "md", "-p", str(tmp_path / "p.yaml"), "-o", str(tmp_path / "out"))
    assert run(*args).exit_code in (0, 1)
    folder = tmp_path / "out/01-w/paperwork"
    assert {p.stem for p in folder.iterdir()} == {
        "sign-in-sheet",
        "name-badges",
        "consent-form",
        "feedback-form",
        "receipts",
    }
    write_tree(tmp_path, {"p.yaml": PLAN.replace(" THANKS", "")})
    result = run(*args)
    assert not (folder / "receipts.md").exists() and "receipts.md" in result.stdout
    (folder / "sign-in-sheet.md").write_text("edited by hand\n")
    write_tree(
        tmp_path, {"p.yaml": PLAN.replace(" THANKS", "").replace('start: "10:00"', 'start: "10:00"\n    mode: online')}
    )
    result = run(*args)
    assert {p.stem for p in folder.iterdir()} == {"sign-in-sheet", "consent-form", "feedback-form"}
    assert (folder / "sign-in-sheet.md").read_text() == "edited by hand\n"


@pytest.mark.parametrize(
    "thanks, paid",
    [
        ({"amount": "£25"}, True),
        ({"amount": "25 pounds for each session"}, True),
        ({"amount": "a Love2Shop voucher"}, True),
        ({"amount": "a gift card"}, True),
        ({"amount": "€40"}, True),
        ({"how": "cash on the day"}, True),
        ({"amount": "a payment for your time"}, True),
        ({"how": "paid into your bank"}, True),
        ({"travel": "bus fares paid back"}, True),
        ({"amount": "taleb £20"}, True),
        ({"amount": "a certificate and a free lunch"}, False),
        ({"amount": "a certificate", "when": "at the end"}, False),
        ({"amount": "lunch, and 2 hours of training"}, False),  # a number, but not an amount of money
        ({"benefits": "Ask us about benefits"}, False),
        ({"amount": "a thank-you card"}, False),
    ],
)
def test_thanks_is_paid_only_for_money_a_voucher_or_travel(thanks: dict[str, str], paid: bool):
    """The one rule for receipts (Thanks.paid): money, a voucher, or travel paid back."""
    assert Thanks(**thanks).paid is paid


TWO_PAID = """\
title: S
facilitators: [{name: A}, {name: B}, {name: C}]
participants:
  - {group: Young people, count: 6, thanks: £20 voucher}
  - {group: Parents, count: 9, thanks: {amount: £30, travel: paid back on the day}}
  - {group: Staff, count: 6}
workshops:
  - {title: W, start: "10:00", agenda: [{title: Talk, duration: 30}]}
"""


def test_receipts_are_one_for_each_person_and_the_spares_once_in_all(tmp_path: Path):
    """6 and 9 paid, 24 expected with facilitators: 3 spare in all, one for each group in turn (not 3 for each)."""
    write_tree(tmp_path, {"p.yaml": TWO_PAID})
    result = run("render", "paperwork", "-f", "md", "-p", str(tmp_path / "p.yaml"), "-o", str(tmp_path / "out"))
    assert result.exit_code in (0, 1), result.stderr
    text = (tmp_path / "out/01-w/paperwork/receipts.md").read_text()
    cards = text.split("**Receipt**")[1:]
    assert len(cards) == 6 + 9 + 3
    assert sum("Young people" in c for c in cards) == 6 + 2 and sum("Parents" in c for c in cards) == 9 + 1
    assert "18 receipts: 6 for Young people and 2 spare; 9 for Parents and 1 spare\n" in text
    assert "Staff" not in text


def _paperwork(tmp_path: Path, plan: str, fmt: str = "md,html") -> Path:
    write_tree(tmp_path, {"p.yaml": plan})
    result = run("render", "paperwork", "-f", fmt, "-p", str(tmp_path / "p.yaml"), "-o", str(tmp_path / "out"))
    assert result.exit_code in (0, 1), result.stderr
    return tmp_path / "out/01-w/paperwork"


@pytest.mark.parametrize("photos, column", [("no", False), ("ask", False), ("yes", False), ("Only of hands", True)])
def test_photos_are_asked_about_once_the_sign_in_sheet_only_when_the_consent_form_does_not(
    photos: str, column: bool, tmp_path: Path
):
    """No photos: no column. 'ask' or 'yes': the consent form asks, so the sheet everyone sees does not."""
    folder = _paperwork(tmp_path, PLAN.replace(" THANKS", "").replace("photos: yes", f"photos: {photos}"))
    sign_in = (folder / "sign-in-sheet.md").read_text()
    assert ("Photos OK?" in sign_in) is column and ("Tick if photos of you are OK." in sign_in) is column
    assert "| Name | Group |" in sign_in and "Write any travel you claim." in sign_in


@pytest.mark.parametrize("opt_out", ["", ", opt_out: Tell Sam at any time"])
def test_a_consent_form_that_asks_nothing_is_an_information_sheet(opt_out: str, tmp_path: Path):
    consent = "consent: {photos: no, recording: no, quotes: no" + opt_out + "}"
    folder = _paperwork(tmp_path, PLAN.replace(" THANKS", "").replace("consent: {photos: yes, quotes: no}", consent))
    sheet = (folder / "consent-form.md").read_text()
    assert "We will not take photos." in sheet and "We will not record the workshop." in sheet
    assert "This sheet tells you what we will and will not record" in sheet
    assert "Name:" not in sheet and "Date:" not in sheet and "tick yes or no" not in sheet
    assert "You choose what is OK for you." not in sheet  # there is nothing to choose
    assert ("If you want to say no" in sheet) is bool(opt_out) and ("Tell Sam at any time" in sheet) is bool(opt_out)
    assert "Photos OK?" not in (folder / "sign-in-sheet.md").read_text()


ONLINE = PLAN.replace(" THANKS", "").replace("title: S\n", "title: S\ncontact: Becky (b@example.org)\n")
ONLINE = ONLINE.replace('start: "10:00"', 'start: "10:00"\n    mode: online').replace("photos: yes", "photos: ask")


HYBRID = ONLINE.replace("mode: online", "mode: hybrid")


def _forms(tmp_path: Path, plan: str) -> tuple[str, str]:
    """The consent and feedback forms of the plan's one workshop, in Markdown."""
    folder = _paperwork(tmp_path, plan, "md")
    return (folder / "consent-form.md").read_text(), (folder / "feedback-form.md").read_text()


def test_online_forms_say_how_to_answer_and_photos_are_screenshots(tmp_path: Path):
    consent, feedback = _forms(tmp_path, ONLINE)
    assert "Can we take screenshots with you in them?" in consent and "photos" not in consent.lower()
    assert "Tell us in the chat, or send this form back to Becky (<b@example.org>)." in consent
    assert "Please answer yes or no" in consent and "tick" not in consent.lower()
    assert "If you send this form back, write your name." in consent and "Date:" not in consent
    assert "Tell us in the chat, or send this form back to Becky (<b@example.org>)." in feedback
    assert "Choose one face" in feedback and "Write here, or tell us in the chat." in feedback
    assert "Tick one face" not in feedback and "Write or draw here." not in feedback


def test_hybrid_forms_work_on_paper_and_say_how_people_online_answer(tmp_path: Path):
    """In the room the forms are ticked on paper; those joining online are told how to answer; photos cover both."""
    consent, feedback = _forms(tmp_path, HYBRID)
    online = "Joining online? Tell us in the chat, or send this form back to Becky (<b@example.org>)."
    assert "Can we take photos or screenshots with you in them?" in consent
    assert "# Photos, screenshots, recordings and notes" in consent
    assert online in consent and online in feedback
    assert "Please tick yes or no" in consent and "Please write your name and the date." in consent
    assert "Date:" in consent  # the paper form in the room keeps its date line
    assert "Tick one face" in feedback and "Write or draw here." in feedback
    assert (tmp_path / "out/01-w/paperwork/sign-in-sheet.md").exists()  # the room still signs in


@pytest.mark.parametrize(
    "plan, question, joining",
    [
        (ONLINE, "Gawn ni dynnu sgrinluniau sy'n eich dangos chi?", ""),
        (HYBRID, "Gawn ni dynnu lluniau neu sgrinluniau sy'n eich dangos chi?", "Yn ymuno ar-lein? "),
    ],
    ids=["online", "hybrid"],
)
def test_online_and_hybrid_forms_in_welsh(plan: str, question: str, joining: str, tmp_path: Path):
    consent, feedback = _forms(tmp_path, plan.replace("title: S\n", "title: S\nlanguage: cy\n"))
    assert question in consent
    assert f"{joining}Dywedwch wrthon ni yn y sgwrs, neu anfonwch y ffurflen hon yn ôl at Becky" in feedback


def test_a_hybrid_handout_says_photos_or_screenshots_as_its_consent_form_does(tmp_path: Path):
    write_tree(tmp_path, {"p.yaml": HYBRID})
    result = run("render", "handouts", "-f", "md", "-p", str(tmp_path / "p.yaml"), "-o", str(tmp_path))
    assert result.exit_code in (0, 1), result.stderr
    handout = (tmp_path / "01-w/handout.md").read_text()
    assert "We will ask you before we take any photos or screenshots." in handout
    assert "## Photos, screenshots, recordings and notes" in handout  # the consent form's heading too


def test_an_online_handout_says_screenshots_as_its_consent_form_does(tmp_path: Path):
    """The handout and the consent form of one online workshop promise the same thing."""
    room = PLAN.replace(" THANKS", "").replace("photos: yes", "photos: ask")
    for name, plan in (("online", ONLINE), ("room", room)):
        write_tree(tmp_path / name, {"p.yaml": plan})
        folder = str(tmp_path / name)
        result = run("render", "handouts", "-f", "md", "-p", f"{folder}/p.yaml", "-o", folder)
        assert result.exit_code in (0, 1), result.stderr
    handout = (tmp_path / "online/01-w/handout.md").read_text()
    assert "We will ask you before we take any screenshots." in handout and "photos." not in handout
    assert "## Screenshots, recordings and notes" in handout and "Photos" not in handout
    assert "We will ask you before we take any photos." in (tmp_path / "room/01-w/handout.md").read_text()


def test_the_care_leavers_consent_form_fits_one_page_with_the_name_and_date(tmp_path: Path):
    """The name and date stay with the last question; on care-leavers they all fit one A4 page."""
    weasyprint = pytest.importorskip("weasyprint")
    result = run("render", "paperwork", "-w", "intro", "-f", "html", "-p", str(CARE), "-o", str(tmp_path))
    assert result.exit_code == 0, result.stderr
    html = (tmp_path / "01-intro/paperwork/consent-form.html").read_text()
    sign = html.split('<section class="sign">', 1)[1]
    assert "Can we write down what you say?" in sign.split("Please write your name", 1)[0]  # the last question
    pages = weasyprint.HTML(string=html).render().pages
    assert len(pages) == 1
    # Room to write by hand: each line 15 mm high or more in print (a line of 16 pt words is about 8).
    blanks: dict[int, object] = {}  # the outer box of each line (WeasyPrint 63 nests a block and a line box in it)
    for box in pages[0]._page_box.descendants():
        if _classes(box) == ["blank"]:
            blanks.setdefault(id(box.element), box)
    assert len(blanks) == 2 and min(b.border_height() * 25.4 / 96 for b in blanks.values()) >= 15


def _classes(box) -> list[str]:
    element = getattr(box, "element", None)
    return (element.get("class") or "").split() if element is not None and box.element_tag == "p" else []


def test_the_script_asks_for_receipts_only_when_thanks_is_paid(tmp_path: Path):
    """The same rule (Thanks.paid) decides the preparation list's receipts and the receipts themselves."""
    plan = PLAN.replace(" THANKS", ", thanks: {amount: a certificate and a free lunch}")
    write_tree(tmp_path, {"p.yaml": plan})
    result = run("render", "scripts", "-f", "md", "-p", str(tmp_path / "p.yaml"), "-o", str(tmp_path / "out"))
    assert result.exit_code in (0, 1), result.stderr
    script = (tmp_path / "out/01-w/facilitator-script.md").read_text()
    assert "Bring the thank-you for 5 young people" in script and "a receipt for each" not in script
