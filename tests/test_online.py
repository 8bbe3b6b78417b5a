"""Online and hybrid workshops: the mode decides what both audiences read, and how people join."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers import EXAMPLES, run, write_tree
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coprod_cli.documents.render import Renderer
from coprod_cli.plan.library import find_activities, load_library
from coprod_cli.plan.loader import load_plan_text
from coprod_cli.plan.models import OnlineVariant
from coprod_cli.plan.resolve import easy_line
from coprod_cli.schedule import schedule_plan

ONLINE = next(p for p in EXAMPLES if p.stem == "online-engagement")
LIBRARY = load_library()

# Words that belong to a room, not a video call.
IN_PERSON = re.compile(
    r"walk(s|ing)? round|round the room|flipchart|on the wall|clear wall|\bprint(ed)?\b|A1 paper|A4 paper|"
    r"paper roll|paper strips|stickers?\b|scissors|glue|name badges|biscuits|in a circle|\btables\b|"
    r"(your|each|one|the) table\b|stand up|"
    r"book the room|from the bag|the hat\b|plates|napkins",
    re.IGNORECASE,
)


def _words(path: Path) -> str:
    """A document's words: no style sheet (CSS says `@media print`), no tags (a phone number is a link)."""
    text = re.sub(r"<style.*?</style>", "", path.read_text(), flags=re.DOTALL)
    if path.suffix == ".html":
        return re.sub(r"<[^>]+>", "", text)
    return re.sub(r"<((?:https?://|mailto:)[^>]+)>", r"\1", text)  # Markdown autolinks read as their address


def _online_plan(mode: str = "online", join: str = "") -> str:
    uses = "".join(f"      - use: {key}\n" for key, a in LIBRARY.items() if a.online is not False)
    head = "title: S\ncontact: Sam, 07700 900123\nparticipants: [{group: People, count: 24}]\nworkshops:\n"
    where = "    venue: Town Hall\n" if mode != "online" else ""
    return (
        head
        + f"  - title: W\n    date: 2026-12-07\n    start: 10:00\n    mode: {mode}\n{where}{join}    agenda:\n"
        + uses
    )


def _render(tmp_path: Path, text: str, *what: str) -> Path:
    write_tree(tmp_path, {"p.yaml": text})
    result = run("render", *what, "-p", str(tmp_path / "p.yaml"), "-o", str(tmp_path / "out"), "-f", "md,html")
    assert result.exit_code == 0, result.stderr
    return tmp_path / "out"


@pytest.mark.parametrize("key", sorted(LIBRARY))
def test_every_activity_runs_online_or_says_it_does_not(key: str):
    variant = LIBRARY[key].online
    assert variant is False or (isinstance(variant, OnlineVariant) and variant.how and variant.handout)
    if variant:
        assert variant.materials, "say what online needs"
        assert not variant.steps or sum(s.duration or 0 for s in variant.steps) == LIBRARY[key].duration
    assert ("in-person" in LIBRARY[key].tags) == (variant is False)


def test_library_online_filter_follows_the_data():
    assert set(find_activities(online=True)) == {k for k, a in LIBRARY.items() if a.online is not False}
    listed = run("library", "list", "--online", "-f", "json").stdout
    assert '"shared-lunch"' not in listed and '"breakout-pairs"' in listed


def test_every_library_activity_reads_right_online():
    """In an online workshop, nothing either audience reads of a library activity belongs to a room."""
    plan = load_plan_text(_online_plan()).plan
    for item in plan.workshops[0].agenda:
        assert isinstance(item.online, OnlineVariant)
        assert item.easy, f"{item.use}: the Easy Read would show only the title"
        texts = [item.title, item.handout, item.easy, item.groups, item.say, item.notes, item.online.how]
        texts += item.materials
        texts += [s.do for s in item.steps]
        bad = [t for t in texts if t and IN_PERSON.search(t)]
        assert bad == [], (item.use, bad)


def test_online_handout_has_join_details_and_no_room_words(tmp_path: Path):
    """The example's online handout says how to join and what to do if it fails, and nothing about a room."""
    result = run("render", "handouts", "-p", str(ONLINE), "-o", str(tmp_path), "-f", "md,html")
    assert result.exit_code == 0, result.stderr
    for name in ("handout.md", "handout.html"):
        text = _words(tmp_path / "01-connections" / name)
        assert "https://zoom.example/j/123456789" in text
        assert "0203 000 0000, meeting ID 123 456 789" in text
        assert "Text Jordan on 07700 900456" in text
        assert IN_PERSON.search(text) is None, IN_PERSON.search(text)


def test_online_script_has_an_online_set_up_list(tmp_path: Path):
    result = run("render", "scripts", "-p", str(ONLINE), "-o", str(tmp_path), "-f", "md")
    assert result.exit_code == 0, result.stderr
    script = _words(tmp_path / "01-connections" / "facilitator-script.md")
    setup = script.split("### Online set-up", 1)[1].split("##", 1)[0]
    assert "Test the joining link from a second device: https://zoom.example/j/123456789" in setup
    assert "Ring the dial-in number" in setup and "breakout rooms" in setup and "co-host" in setup
    assert "Print" not in script and "To bring" not in script
    assert IN_PERSON.search(script) is None, IN_PERSON.search(script)


def test_every_library_activity_in_an_online_workshop_renders_without_room_words(tmp_path: Path):
    out = _render(tmp_path, _online_plan(join="    join: {link: https://meet.example/x, help: Ring Sam}\n"))
    for path in (p for p in (out / "01-w").rglob("*") if p.is_file()):
        text = _words(path)
        assert IN_PERSON.search(text) is None, (path.name, IN_PERSON.search(text))
    script = _words(out / "01-w" / "facilitator-script.md")
    assert "breakout rooms of 4 to 6" in script and "Plan the breakout rooms" in script and "Hands up if..." in script
    handout = (out / "01-w" / "handout.md").read_text()
    assert "we will send you the link" not in handout and "https://meet.example/x" in handout
    assert "If it does not work: Ring Sam" in handout


def test_no_link_yet_says_it_will_come(tmp_path: Path):
    handout = (_render(tmp_path, _online_plan(), "handouts") / "01-w" / "handout.md").read_text()
    assert "we will send you the link before the day" in handout and "contact Sam, 07700 900123" in handout


def test_hybrid_shows_both(tmp_path: Path):
    out = _render(tmp_path, _online_plan("hybrid", "    join: https://meet.example/x\n"))
    handout = (out / "01-w" / "handout.md").read_text()
    assert "Town Hall" in handout and "https://meet.example/x" in handout
    assert LIBRARY["dot-voting"].handout in handout  # the room's version
    assert f"Online: {LIBRARY['dot-voting'].online.handout}" in handout  # type: ignore[union-attr]
    script = (out / "01-w" / "facilitator-script.md").read_text()
    assert "### To bring" in script and "### Online set-up" in script and "### To have ready online" in script
    assert "Print for the people in the room: " in script and "(24 participants, " in script
    assert "**Online materials:**" in script and "Dot stickers" in script and "In the room: " in handout


def test_a_hybrid_script_counts_prints_honestly_and_uses_the_named_host(tmp_path: Path):
    """The plan counts people, not where they join from; a host it names is not asked for again."""
    plan = _online_plan("hybrid").replace("workshops:\n", "facilitators: [{name: Jo, role: online host}]\nworkshops:\n")
    script = _words(_render(tmp_path, plan, "scripts") / "01-w" / "facilitator-script.md")
    todo = script.split("### To do", 1)[1].split("###", 1)[0]
    assert "(24 participants, 1 facilitator and 3 spare; this counts anyone joining online too: print fewer" in todo
    setup = script.split("### Online set-up", 1)[1].split("###", 1)[0]
    assert "Agree a co-host" not in setup
    assert "Make Jo (online host) co-host of the meeting, to let people in, watch the chat" in setup


@pytest.mark.parametrize(
    "roles, named",
    [
        (["online host"], ["A (online host)"]),
        (["lead", "Zoom host and breakout rooms"], ["B (Zoom host and breakout rooms)"]),
        (["co-host", "Co-Host"], ["A (co-host)", "B (Co-Host)"]),
        (["lead and Miro host"], []),  # a whiteboard's host does not let people in
        (["ghost writer", "hosting lunch", None], []),
    ],
)
def test_hosts_are_the_facilitators_whose_role_names_a_host(roles: list[str | None], named: list[str]):
    from coprod_cli.plan.models import Plan
    from coprod_cli.preparation import hosts

    people = [{"name": name, "role": role} for name, role in zip("ABC", roles, strict=False)]
    assert hosts(Plan.model_validate({"title": "S", "facilitators": people, "workshops": [{"title": "W"}]})) == named


def test_in_person_is_unchanged_by_online_variants(tmp_path: Path):
    out = _render(tmp_path, _online_plan("in-person"), "handouts", "scripts")
    script = (out / "01-w" / "facilitator-script.md").read_text()
    assert "Online set-up" not in script and "**Online:**" not in script and "(24 participants, " in script
    handout = (out / "01-w" / "handout.md").read_text()
    assert "How to join" not in handout and LIBRARY["dot-voting"].handout in handout


def test_what_a_plan_writes_beats_the_library_variant():
    """Own `online:` fields beat everything; a field written on the item beats the library's online one."""
    text = (
        "title: S\nworkshops:\n  - title: W\n    mode: online\n    agenda:\n"
        "      - {use: dot-voting, handout: Ours, materials: [our voting tool]}\n"
        "      - {use: dot-voting, handout: Ours, online: {handout: Ours online}}\n"
        "      - {use: dot-voting, online: Use the poll.}\n"
        "      - {title: Own, duration: 10m, handout: Room words, online: {handout: Online words, materials: [poll]}}\n"
    )
    a, b, c, d = load_plan_text(text).plan.workshops[0].agenda
    library = LIBRARY["dot-voting"].online
    assert isinstance(library, OnlineVariant)
    assert (a.handout, a.materials, a.steps) == ("Ours", ["our voting tool"], library.steps)
    assert b.handout == "Ours online" and b.materials == library.materials
    assert isinstance(c.online, OnlineVariant) and c.online.how == "Use the poll."
    assert c.handout == library.handout and c.materials == library.materials
    assert (d.handout, d.materials) == ("Online words", ["poll"])


def test_the_easy_read_line_follows_the_handout_shown():
    """Online, the library's online easy line goes with its online handout; the room's line stays where the
    online handout is the same words; a handout written in the plan without an easy line leaves none."""
    text = (
        "title: S\nworkshops:\n  - title: W\n    mode: MODE\n    agenda:\n"
        "      - {use: dot-voting}\n"
        "      - {use: people-bingo-chat}\n"
        "      - {use: dot-voting, handout: Ours}\n"
        "      - {use: dot-voting, online: {handout: Ours online}}\n"
        "      - {use: dot-voting, online: {handout: Ours online, easy: We vote.}}\n"
        "      - {use: dot-voting, easy: Our line.}\n"
        "      - {title: Own, duration: 5m, handout: Room, easy: In the room., online: {handout: On screen}}\n"
        "      - {title: Own, duration: 5m, handout: Room, easy: In the room., online: {handout: Room}}\n"
    )
    voting, bingo = LIBRARY["dot-voting"], LIBRARY["people-bingo-chat"]
    assert isinstance(voting.online, OnlineVariant) and voting.online.easy
    online = [i.easy for i in load_plan_text(text.replace("MODE", "online")).plan.workshops[0].agenda]
    assert online == [voting.online.easy, bingo.easy, None, None, "We vote.", "Our line.", None, "In the room."]
    for mode in ("in-person", "hybrid"):  # the room's words: the online variant changes nothing
        room = [i.easy for i in load_plan_text(text.replace("MODE", mode)).plan.workshops[0].agenda]
        assert room == [
            voting.easy,
            bingo.easy,
            None,
            voting.easy,
            voting.easy,
            "Our line.",
            "In the room.",
            "In the room.",
        ]


TEXTS = st.sampled_from(["A", "B", "C", None])
LAYERS = st.lists(st.fixed_dictionaries({}, optional={"handout": TEXTS, "easy": TEXTS}), min_size=1, max_size=4)


@given(LAYERS, st.fixed_dictionaries({}, optional={"handout": TEXTS}))
def test_an_easy_line_is_kept_or_dropped_only_by_a_change_of_words(layers, last):
    """A layer's own easy line decides; a layer that repeats the handout shown keeps the line; one that
    changes the words without its own line leaves none; the line is always one some layer wrote."""
    before = easy_line(layers)
    assert before is None or any(layer.get("easy") == before for layer in layers)
    shown = next((layer["handout"] for layer in reversed(layers) if "handout" in layer), None)
    after = easy_line([*layers, last])
    if last.get("handout", shown) == shown:
        assert after == before
    else:
        assert after is None
    assert easy_line([*layers, {**last, "easy": "Own"}]) == "Own"


def test_online_steps_follow_a_new_length():
    text = (
        "title: S\nworkshops:\n  - title: W\n    mode: online\n    agenda:\n      - {use: journey-map, duration: 90m}\n"
    )
    item = load_plan_text(text).plan.workshops[0].agenda[0]
    assert sum(s.duration or 0 for s in item.steps) == 90
    assert [s.do for s in item.steps] == [s.do for s in LIBRARY["journey-map"].online.steps]  # type: ignore[union-attr]


def test_online_starter_never_books_a_room(tmp_path: Path):
    args = ["new", "series", str(tmp_path), "--title", "T", "--template", "online-engagement", "--start", "2026-12-07"]
    assert run(*args).exit_code == 0
    plan = (tmp_path / "coprod.yaml").read_text()
    assert "Book the room" not in plan and "# join:" in plan
    out = tmp_path / "out"
    assert (
        run("render", "-p", str(tmp_path / "coprod.yaml"), "-o", str(out), "-f", "md").exit_code == 1
    )  # a draft: "To fill in" texts remain
    for path in out.rglob("*.md"):
        assert IN_PERSON.search(_words(path)) is None, (path, IN_PERSON.search(_words(path)))


@pytest.mark.parametrize(
    "item, workshop, problem",
    [
        ("online: {hwo: x}", "", "5:48: workshops[0].agenda[0].online.hwo: unknown key 'hwo'; did you mean 'how'?"),
        ("online: true", "", "5:47: workshops[0].agenda[0].online: 'true' does not say how it runs online"),
        ("", "    join: {link: x, dialin: 2}\n", "5:21: workshops[0].join.dialin: unknown key 'dialin'; did you mean"),
    ],
)
def test_misspelt_online_fields_are_named(tmp_path: Path, item: str, workshop: str, problem: str):
    agenda = "    agenda: [{title: T, duration: 5m" + (f", {item}" if item else "") + "}]\n"
    write_tree(tmp_path, {"p.yaml": "title: S\nworkshops:\n  - title: W\n    mode: online\n" + workshop + agenda})
    result = run("check", "-p", str(tmp_path / "p.yaml"))
    assert result.exit_code == 2 and len(result.stderr.splitlines()) == 1, result.stderr
    assert problem in result.stderr, result.stderr


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(["online", "hybrid"]),
    st.lists(st.sampled_from(["how", "say", "notes", "steps"]), min_size=1, unique=True),
    st.sampled_from([None, "dot-voting", "journey-map"]),
)
def test_online_facilitator_words_reach_only_the_script(mode: str, fields: list[str], use: str | None):
    """Whatever an item's `online:` holds for the facilitator shows in the script and in no participant document."""
    import json

    secrets = {name: f"Zq{name}secretword" for name in fields}
    online: dict = {k: v for k, v in secrets.items() if k != "steps"}
    if "steps" in secrets:
        online["steps"] = [{"do": secrets["steps"], "duration": 5}]
    item: dict = {"online": {**online, "handout": "Plain online words"}, "duration": 20}
    item.update({"use": use} if use else {"title": "Own", "handout": "Plain words"})
    workshop = {"title": "W", "start": "10:00", "mode": mode, "venue": "Hall", "agenda": [item]}
    loaded = load_plan_text(json.dumps({"title": "S", "workshops": [workshop]}), "p.yaml")
    schedules = schedule_plan(loaded.plan)
    public = Renderer.start(
        loaded, schedules, ("handouts", "agendas", "paperwork", "overview", "calendar"), ("md",)
    ).render_all()
    script = "".join(d.content.decode() for d in Renderer.start(loaded, schedules, ("scripts",), ("md",)).render_all())
    participant = "".join(d.content.decode() for d in public)
    assert "Plain online words" in participant
    for name, token in secrets.items():
        assert token not in participant, name
        # online: the variant replaces the room's words; hybrid: the script shows how it runs online
        assert token in script or (mode == "hybrid" and name != "how"), name


def test_check_says_where_an_online_easy_line_goes():
    from coprod_cli.checks import run_checks

    text = (
        "title: S\nworkshops:\n  - title: W\n    mode: online\n    agenda:\n"
        "      - {title: Own, duration: 5m, handout: Room, easy: In the room., online: {handout: On screen}}\n"
        "      - {title: Mine, duration: 5m, handout: Room}\n"
        "      - {use: people-bingo-chat}\n"
    )
    findings = run_checks(load_plan_text(text), ["language"]).findings
    notes = [f.message for f in findings if f.code == "language.easy-read"]
    assert notes == [  # one note a workshop, naming each item and where its line goes
        "2 items have no easy: line ('Own' for its online handout (write it under online:), 'Mine'), so the "
        "Easy Read shows only their titles; add one to each that says what happens, in short sentences of "
        "everyday words"
    ]
    one = run_checks(
        load_plan_text(text.replace("      - {title: Mine, duration: 5m, handout: Room}\n", "")), ["language"]
    )
    [note] = [f.message for f in one.findings if f.code == "language.easy-read"]
    assert note.startswith("'Own' has no easy: line for its online handout (write it under online:), so the Easy Read")
