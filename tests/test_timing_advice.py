"""Timing advice a facilitator can follow once: it says what to change (shorten 'X' to 35 min, move
the pin to 12:40, book the room until 13:40), and doing what it says leaves no timing error."""

from __future__ import annotations

import copy
import re
from pathlib import Path

from helpers import EXAMPLES, plan_text, run, write_tree
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from coprod_cli.plan.durations import parse_duration
from coprod_cli.plan.models import Settings, Workshop
from coprod_cli.plan.when import read_clock
from coprod_cli.schedule import schedule

START = 10 * 60
LENGTH = r"\d+h(?: \d+m)?|\d+ min"
SHORTEN = re.compile(rf"'(I\d+)' to ({LENGTH})(?: and its flex to ({LENGTH})|( with no flex))?")
MOVE = re.compile(r"(the pin|'I\d+') to (\d\d:\d\d)")
TIMING_ERRORS = ("timing.pinned", "timing.overrun")


@st.composite
def items(draw, most: int) -> list[dict]:
    """Up to `most` items named I0, I1, ..., some flexible."""
    agenda = []
    for n in range(draw(st.integers(min_value=1, max_value=most))):
        minutes = draw(st.integers(min_value=1, max_value=90))
        item: dict = {"title": f"I{n}", "kind": "exercise", "duration": minutes}
        if draw(st.booleans()):
            item["flex"] = draw(st.integers(min_value=1, max_value=minutes))
        agenda.append(item)
    return agenda


@st.composite
def agendas(draw) -> dict:
    """A workshop from 10:00 with a booked length, items named I0, I1, ... some flexible, some pinned."""
    length = draw(st.integers(min_value=30, max_value=480))
    agenda = draw(items(8))
    for item in agenda:
        if draw(st.integers(0, 2)) == 0:  # a split item: it cannot be shortened below its longest track
            track = {"title": "T", "kind": "exercise", "duration": draw(st.integers(min_value=1, max_value=90))}
            item["tracks"] = [{"group": "G", "agenda": [track]}]
        if draw(st.integers(0, 3)) == 0:  # pinned inside the booking (a pin after it is said apart)
            at = START + draw(st.integers(min_value=0, max_value=length - 1))
            item["at"] = f"{at // 60:02d}:{at % 60:02d}"
    # Pins in the order of the agenda, as a plan is written: pins out of order (lunch at 12:15 written
    # after an item pinned at 14:00) can push a day past midnight, where moving a pin cannot help.
    pinned = [item for item in agenda if "at" in item]
    for item, at in zip(pinned, sorted(item["at"] for item in pinned), strict=True):
        item["at"] = at
    return {"id": "w", "title": "W", "start": "10:00", "length": length, "agenda": agenda}


def _timing_errors(data: dict) -> list:
    sched = schedule(Workshop.model_validate(data), Settings())
    return [f for f in sched.findings if f.code in TIMING_ERRORS and f.severity == "error"]


def follow(data: dict) -> dict:
    """The workshop after doing what each timing error says: its flexible items shortened as said when
    that is enough; else a late pin moved (with what it pushes), and the room booked for longer."""
    data = copy.deepcopy(data)
    items = {i["title"]: i for i in data["agenda"]}
    pins: dict[str, int] = {}
    booked = [data["length"]]
    for f in _timing_errors(data):
        advice = f.message.split("; ")[-1]
        options = advice.split(", or ")
        if len(options) == 1 and options[0].startswith("shorten '"):  # the flexible items give back enough
            for title, length, flex, no_flex in SHORTEN.findall(options[0]):
                items[title]["duration"] = parse_duration(length)
                if flex:
                    items[title]["flex"] = parse_duration(flex)
                elif no_flex:
                    items[title].pop("flex")
            continue
        if advice.startswith("that is only because"):  # fixed by following the pin it names
            continue
        if f.code == "timing.pinned":
            [chosen] = [o for o in options if o.startswith("move ")]
            for which, clock in MOVE.findall(chosen):
                title = data["agenda"][f.item]["title"] if which == "the pin" else which.strip("'")
                pins[title] = max(pins.get(title, 0), read_clock(clock))
        else:
            [chosen] = [o for o in options if o.startswith("book the room until ")]
        if "book the room until " in chosen:
            until = chosen.split("book the room until ")[1]
            days = int(until[8]) if until[5:8] == " (+" else 0  # "00:00 (+1d)": past midnight
            booked.append(read_clock(until[:5]) + days * 24 * 60 - START)
    for title, at in pins.items():
        items[title]["at"] = f"{at // 60:02d}:{at % 60:02d}"
    return {**data, "length": max(booked)}


SPLIT_90 = [{"group": "G", "agenda": [{"title": "T", "kind": "exercise", "duration": 90}]}]
PAST_MIDNIGHT = {  # pins out of order push the day past midnight: "book the room until 00:00 (+1d)"
    "id": "w",
    "title": "W",
    "start": "10:00",
    "length": 370,
    "agenda": [
        {"title": "I0", "kind": "exercise", "duration": 64, "at": "16:09"},
        {"title": "I1", "kind": "exercise", "duration": 1, "tracks": SPLIT_90, "at": "10:00"},
        {"title": "I2", "kind": "exercise", "duration": 1, "tracks": SPLIT_90, "at": "10:00"},
        *(
            {"title": f"I{n}", "kind": "exercise", "duration": d}
            for n, d in ((3, 1), (4, 1), (5, 45), (6, 90), (7, 90))
        ),
    ],
}


@settings(max_examples=150, deadline=None)
@given(agendas())
@example(PAST_MIDNIGHT)
def test_doing_what_the_timing_advice_says_once_leaves_no_timing_error(data: dict):
    errors = _timing_errors(data)
    assume(errors)
    for f in errors:  # it says what to change, never only that something could
        assert "which is enough" not in f.message and "earlier" not in f.message, f.message
    assert _timing_errors(follow(data)) == []


@st.composite
def overruns(draw) -> dict:
    """A workshop that runs past its booking by no more than its flexible items can give back."""
    agenda = draw(items(10))
    total = sum(i["duration"] for i in agenda)
    can_give = sum(min(i.get("flex", 0), i["duration"] - 1) for i in agenda)
    assume(can_give > 0)
    over = draw(st.integers(min_value=1, max_value=can_give))
    return {"id": "w", "title": "W", "start": "10:00", "length": total - over, "agenda": agenda}


@settings(max_examples=150, deadline=None)
@given(overruns())
def test_shortening_as_said_always_removes_the_overrun(data: dict):
    """When the flexible items can give back enough, 'shorten X to N' names each one and its new length."""
    [overrun] = _timing_errors(data)
    advice = overrun.message.split("; ")[-1]
    assert advice.startswith("shorten '") and ", or " not in advice, overrun.message
    assert not _timing_errors(follow(data))
    for title, length, *_ in SHORTEN.findall(advice):  # never shorter than the flex allows
        [item] = [i for i in data["agenda"] if i["title"] == title]
        assert item["duration"] - item["flex"] <= parse_duration(length) < item["duration"]


CARE = next(p for p in EXAMPLES if p.stem == "care-leavers")


def test_check_says_which_item_to_shorten_and_to_what(tmp_path: Path):
    """The new user's case: workshop 1 runs 10 min into its pinned lunch; check says which item to
    shorten and to what length, and writing that length in the plan fixes it."""
    blueprint = "      - use: service-blueprint\n        duration: 35m\n"
    assert blueprint in CARE.read_text()
    write_tree(tmp_path, {"p.yaml": CARE.read_text().replace(blueprint, blueprint.replace("35m", "45m"), 1)})
    result = run("check", "-p", str(tmp_path / "p.yaml"))
    assert result.exit_code == 1
    [line] = [line for line in result.stdout.splitlines() if "[timing.pinned]" in line]
    assert line.endswith(
        "'Lunch together' is pinned at 13:00, but the items before it run until 13:10 (10 min late); "
        "shorten 'Behind the scenes of a service' to 35 min  [timing.pinned]"
    )
    assert "[timing.overrun]" in result.stdout and "that is only because 'Lunch together' starts late" in result.stdout
    write_tree(tmp_path, {"p.yaml": CARE.read_text().replace(blueprint, blueprint.replace("35m", "35 min"), 1)})
    assert run("check", "-p", str(tmp_path / "p.yaml")).exit_code == 0


def test_advice_for_a_late_pin_counts_what_moving_it_pushes(tmp_path: Path):
    """Items run to 12:40 with lunch pinned at 12:00: moving the pin to 12:40 makes the end late, so the
    advice says that too, and following it leaves no error (it used to go round in circles)."""
    agenda = (
        "- {title: Welcome, kind: welcome, duration: 40m, flex: 8m}\n- {title: Talk, duration: 1h, flex: 15m}\n"
        "- {title: Game, duration: 1h}\n- {lunch: 30m, at: '12:00'}\n- {title: Plan, duration: 25m, flex: 5m}\n"
        "- {title: Close, kind: closing, duration: 5m}"
    )
    write_tree(tmp_path, {"p.yaml": plan_text(agenda, end="13:30")})
    result = run("check", "timings", "-p", str(tmp_path / "p.yaml"))
    assert result.exit_code == 1
    assert (
        "'Lunch' is pinned at 12:00, but the items before it run until 12:40 (40 min late); shorten 'Welcome' to "
        "32 min and 'Talk' to 45 min, then cut 17 min more before it, or move the pin to 12:40 and book the room "
        "until 13:40"
    ) in " ".join(result.stdout.split())
    assert "that is only because 'Lunch' starts late: once it starts at 12:00, as pinned, the workshop ends 13:00" in (
        " ".join(result.stdout.split())
    )
    moved = plan_text(agenda.replace("'12:00'", "'12:40'"), end="13:40")
    write_tree(tmp_path, {"p.yaml": moved})
    assert run("check", "timings", "-p", str(tmp_path / "p.yaml")).exit_code == 0


def test_moving_a_pin_names_at_most_ten_pins_it_pushes():
    """A plan pinning every item, each late: a move names the first ten pins it pushes, not every one
    after it (which would make the advice, and the work, grow with the square of the pins)."""
    agenda = [
        {"title": f"I{n}", "kind": "exercise", "duration": 10, "at": f"{10 + n // 12:02d}:{n * 5 % 60:02d}"}
        for n in range(30)
    ]
    errors = _timing_errors({"id": "w", "title": "W", "start": "10:00", "agenda": agenda})
    first = errors[0].message
    assert first.startswith("'I1' is pinned at 10:05, but 'I0' is pinned at 10:00 and runs until 10:10: the two ")
    assert first.endswith("'I11' to 11:50 (and the pins after it, as far as that pushes them)")
    assert len(MOVE.findall(first)) == 11  # the pin itself and ten it pushes
    assert errors[-1].message.endswith("the two pinned times overlap; move 'I29' to 12:30")
