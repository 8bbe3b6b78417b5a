"""A link written without https:// ("miro.com/app/board/abc") is a link all the same, in every document;
a joining line that is no web address ("Room 4", a phone number) stays text, as typed."""

from __future__ import annotations

import re
import string

import pytest
from helpers import ACCESS, write_tree
from helpers import run as cli
from hypothesis import given
from hypothesis import strategies as st

from coprod_cli.documents.writers.links import pieces
from coprod_cli.plan.base import web_address
from coprod_cli.plan.loader import load_plan_text

PLAN = (
    """\
title: Online series
contact: Jo, 07700 900123
workshops:
  - title: Online one
    date: 2030-03-02
    start: 10:00
    mode: online
    join: zoom.us/j/123456789
    links: {Miro board: miro.com/app/board/uXjVabc=, Padlet: www.padlet.com/ours, Notes: sent by email}
    agenda:
      - use: welcome-and-ground-rules
      - use: exit-words
  - title: In the hub
    date: 2030-03-09
    start: 10:00
    mode: hybrid
    venue: Care Leavers Hub
    join: Room 4
    agenda:
      - use: welcome-and-ground-rules
      - use: exit-words
"""
    + ACCESS
)


def test_bare_links_render_as_clickable_https_links(tmp_path):
    write_tree(tmp_path, {"coprod.yaml": PLAN})
    result = cli(
        "render", "handouts", "agendas", "scripts", "-p", str(tmp_path / "coprod.yaml"), "-o", str(tmp_path / "out")
    )
    assert result.exit_code == 0, result.stdout + result.stderr
    for name in ("handout.html", "agenda.html", "facilitator-script.html"):
        page = (tmp_path / "out" / "01-online-one" / name).read_text("utf-8")
        assert '<a href="https://zoom.us/j/123456789">https://zoom.us/j/123456789</a>' in page, name
        assert '<a href="https://miro.com/app/board/uXjVabc=">https://miro.com/app/board/uXjVabc=</a>' in page, name
        assert '<a href="https://www.padlet.com/ours">' in page, name
        assert "sent by email" in page and 'href="sent' not in page, name
    handout = (tmp_path / "out" / "01-online-one" / "handout.md").read_text("utf-8")
    assert "Miro board: <https://miro.com/app/board/uXjVabc=>" in handout


def test_a_bare_joining_link_is_the_calendar_events_web_address(tmp_path):
    write_tree(tmp_path, {"coprod.yaml": PLAN})
    result = cli("render", "calendar", "-p", str(tmp_path / "coprod.yaml"), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.stdout + result.stderr
    urls = re.findall(r"^URL[^:]*:(.*)\r?$", (tmp_path / "out" / "calendar.ics").read_text("utf-8"), re.M)
    assert [u.strip() for u in urls] == ["https://zoom.us/j/123456789"]  # "Room 4" is no web address to open


def test_a_join_line_that_is_no_web_address_stays_text(tmp_path):
    write_tree(tmp_path, {"coprod.yaml": PLAN})
    result = cli("render", "handouts", "-p", str(tmp_path / "coprod.yaml"), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.stdout + result.stderr
    page = (tmp_path / "out" / "02-in-the-hub" / "handout.html").read_text("utf-8")
    assert "Room 4" in page and "https://Room" not in page and 'href="Room' not in page
    checked = cli("check", "ready", "-p", str(tmp_path / "coprod.yaml"), "--format", "json")
    assert "ready.join-link" not in checked.stdout  # a joining line is there, as the facilitator wrote it


def test_the_plan_keeps_the_link_with_https():
    plan = load_plan_text(PLAN, "p.yaml").plan
    first, second = plan.workshops
    assert first.join is not None and first.join.link == "https://zoom.us/j/123456789"
    assert first.links == {
        "Miro board": "https://miro.com/app/board/uXjVabc=",
        "Padlet": "https://www.padlet.com/ours",
        "Notes": "sent by email",
    }
    assert second.join is not None and second.join.link == "Room 4"


def test_a_link_of_the_wrong_shape_is_still_a_one_line_error(tmp_path):
    bad = PLAN.replace("links: {Miro board: miro.com/app/board/uXjVabc=, ", "links: [miro.com/app/board/uXjVabc=, ")
    bad = bad.replace("Notes: sent by email}", "sent by email]")
    write_tree(tmp_path, {"coprod.yaml": bad})
    result = cli("check", "-p", str(tmp_path / "coprod.yaml"))
    assert result.exit_code == 2
    [line] = result.stderr.strip().splitlines()
    assert re.match(rf"{re.escape(str(tmp_path / 'coprod.yaml'))}:9:\d+: .*links", line), line


_LABEL = st.text(string.ascii_lowercase + string.digits, min_size=1, max_size=12)
_HOST = st.builds(
    lambda labels, tld: ".".join([*labels, tld]),
    st.lists(_LABEL, min_size=1, max_size=3),
    st.sampled_from(["com", "org", "co.uk", "us", "ac.uk", "io", "example"]),
)
# A path; a last "." or "?" would read as the end of a sentence, which the writers leave out of a link.
_PATH = st.text(string.ascii_letters + string.digits + "/-_=?#&.", max_size=20).map(
    lambda p: "" if not p else "/" + p.rstrip(".?")
)


@given(host=_HOST, path=_PATH, www=st.booleans())
def test_any_bare_web_address_becomes_one_https_link(host, path, www):
    bare = ("www." if www else "") + host + path
    link = web_address(bare)
    assert link == "https://" + bare
    assert web_address(link) == link  # written twice, changed once
    assert list(pieces(f"Board: {link}")) == [("Board: ", None), (link, link)]


_WORD = st.text(string.ascii_letters + string.digits + ".,/'", min_size=1, max_size=12)


@given(st.lists(_WORD, min_size=2, max_size=4))
def test_words_stay_as_typed(words):
    """Words with a space between ("Room 4", "0203 000 0000, ID 123 456", "miro.com board") are no web address."""
    text = " ".join(words)
    assert web_address(text) == text


@pytest.mark.parametrize(
    "text", ["Room 4", "Teams", "St.Mary", "1.10", "jo@example.org", "http://example.org", "https://miro.com/x", "e.g."]
)
def test_what_is_not_a_bare_web_address(text):
    assert web_address(text) == text
