"""The timing engine: properties over any valid agenda, and each timing finding."""

from __future__ import annotations

from helpers import plan_text
from hypothesis import given, settings
from hypothesis import strategies as st

from coprod_cli.plan.base import KINDS
from coprod_cli.plan.loader import load_plan_text
from coprod_cli.plan.models import Settings, Workshop
from coprod_cli.schedule import schedule

durations = st.integers(min_value=1, max_value=120)


@st.composite
def items(draw, allow_tracks=True, allow_pins=True, start=600):
    minutes = draw(durations)
    item = {"title": draw(st.text(min_size=1, max_size=12)), "duration": minutes, "kind": draw(st.sampled_from(KINDS))}
    if draw(st.booleans()):
        item["flex"] = draw(st.integers(min_value=1, max_value=minutes))
    if allow_pins and draw(st.integers(0, 5)) == 0:
        at = min(start + draw(st.integers(min_value=-30, max_value=600)), 23 * 60 + 59)
        item["at"] = f"{at // 60:02d}:{at % 60:02d}"
    if allow_tracks and draw(st.integers(0, 6)) == 0:
        item["tracks"] = [
            {"group": f"G{n}", "agenda": draw(st.lists(items(False, False), min_size=1, max_size=3))}
            for n in range(draw(st.integers(1, 3)))
        ]
        if draw(st.booleans()):
            del item["duration"]
            item.pop("flex", None)
    if draw(st.integers(0, 4)) == 0:
        item["steps"] = [{"do": "step", "duration": d} for d in draw(st.lists(durations, max_size=3))]
    return item


@st.composite
def workshops(draw):
    start = draw(st.integers(min_value=6 * 60, max_value=14 * 60))
    data = {
        "id": "w",
        "title": "W",
        "start": f"{start // 60:02d}:{start % 60:02d}",
        "mode": draw(st.sampled_from(["in-person", "online", "hybrid"])),
        "agenda": draw(st.lists(items(start=start), min_size=1, max_size=12)),
    }
    if draw(st.booleans()):
        data["length"] = draw(st.integers(min_value=30, max_value=600))
    return Workshop.model_validate(data)


@settings(max_examples=300, deadline=None)
@given(workshops())
def test_items_tile_the_day_without_overlap(workshop: Workshop):
    sched = schedule(workshop, Settings())
    cursor = 0
    for t in sched.items:
        assert t.gap_before >= 0
        assert t.minutes > 0
        assert t.offset == cursor + t.gap_before
        cursor = t.end_offset
    assert sched.total_minutes == cursor


@settings(max_examples=300, deadline=None)
@given(workshops())
def test_planned_end_is_start_plus_durations_and_gaps(workshop: Workshop):
    sched = schedule(workshop, Settings())
    expected = sum(t.minutes + t.gap_before for t in sched.items)
    assert sched.planned_end == workshop.start + expected


@settings(max_examples=300, deadline=None)
@given(workshops())
def test_every_pin_is_honoured_or_reported(workshop: Workshop):
    sched = schedule(workshop, Settings())
    late = {f.item for f in sched.findings if f.code == "timing.pinned"}
    for t in sched.items:
        if t.item.at is not None:
            assert (workshop.start + t.offset == t.item.at) or t.index in late
            if t.index in late:
                assert workshop.start + t.offset != t.item.at


@settings(max_examples=300, deadline=None)
@given(workshops())
def test_slack_is_booked_minus_planned(workshop: Workshop):
    sched = schedule(workshop, Settings())
    overrun = [f for f in sched.findings if f.code == "timing.overrun"]
    if workshop.length is None:
        assert sched.slack_minutes is None and not overrun
    else:
        assert sched.slack_minutes == workshop.length - sched.total_minutes
        assert sched.booked_end - sched.planned_end == sched.slack_minutes
        assert bool(overrun) == (sched.slack_minutes < 0)


@settings(max_examples=200, deadline=None)
@given(workshops())
def test_split_items_last_as_long_as_their_longest_track(workshop: Workshop):
    for t in schedule(workshop, Settings()).items:
        if t.tracks:
            assert t.minutes == max(t.item.minutes, *(track.minutes for track in t.tracks))
            for track in t.tracks:
                assert track.items[0].offset == t.offset


def _sched(agenda: str, **workshop: str):
    loaded = load_plan_text(plan_text(agenda, **workshop))
    return schedule(loaded.plan.workshops[0], loaded.plan.settings)


def _codes(sched) -> list[str]:
    return [f.code for f in sched.findings]


def test_overrun_names_flexible_items():
    s = _sched("- {title: Talk, duration: 100m, flex: 5m}\n- {title: Game, duration: 20m, flex: 10m}", end="11:50")
    [f] = [f for f in s.findings if f.code == "timing.overrun"]
    assert f.severity == "error"
    assert f.message.startswith("ends 12:00, 10 min after the room is booked until 11:50")
    # The fewest items that give back enough, and the length to write for each: doing it once is enough.
    assert f.message.endswith("; shorten 'Game' to 10 min")
    s = _sched("- {title: Talk, duration: 100m, flex: 5m}\n- {title: Game, duration: 20m, flex: 10m}", end="11:45")
    [f] = [f for f in s.findings if f.code == "timing.overrun"]
    assert f.message.endswith("; shorten 'Talk' to 1h 35m and 'Game' to 10 min")


def test_overrun_without_start_uses_lengths():
    s = _sched("- {title: Talk, duration: 100m}", start="null", length="90m")
    [f] = [f for f in s.findings if f.code == "timing.overrun"]
    assert f.message.startswith("runs 1h 40m, 10 min longer than the 1h 30m booked")
    assert s.slack_minutes is None and s.planned_end is None


def test_slack_note_from_15_minutes():
    assert "timing.slack" in _codes(_sched("- {title: A, duration: 45m}", end="11:00"))
    assert "timing.slack" not in _codes(_sched("- {title: A, duration: 46m}", end="11:00"))


def test_no_break_limits_differ_by_mode():
    agenda = "- {title: A, duration: 40m}\n- {title: B, duration: 30m}"
    assert "timing.no-break" not in _codes(_sched(agenda))
    s = _sched(agenda, mode="online")
    [f] = [f for f in s.findings if f.code == "timing.no-break"]
    assert f.item == 1 and "1h 10m without a break from 10:00" in f.message
    assert "add a break before 'B'" in f.message


def test_breaks_reset_the_stretch():
    agenda = "- {title: A, duration: 80m}\n- break: 10m\n- {title: B, duration: 80m}"
    assert "timing.no-break" not in _codes(_sched(agenda))
    assert "timing.no-break" in _codes(_sched(agenda.replace("- break: 10m\n", "")))


def test_pinned_item_unreachable_is_an_error():
    s = _sched("- {title: A, duration: 3h}\n- lunch: 30m\n  at: 12:30")
    [f] = [f for f in s.findings if f.code == "timing.pinned"]
    assert f.severity == "error" and f.item == 1
    assert "the items before it run until 13:00 (30 min late)" in f.message
    assert s.items[1].offset == 180  # it starts when the earlier items end


def test_a_short_wait_for_a_pinned_item_is_a_note():
    s = _sched("- {title: A, duration: 1h}\n- lunch: 30m\n  at: 11:20")
    [f] = [f for f in s.findings if f.code == "timing.gap"]
    assert f.severity == "info" and s.items[1].gap_before == 20
    assert (
        f.message
        == "'Lunch' is pinned at 11:20, so the room waits 20 min from 11:00; lengthen an item before it or add a break"
    )


def test_a_wait_of_half_an_hour_or_more_is_a_warning_a_room_of_people_waiting():
    s = _sched("- {title: A, duration: 1h}\n- lunch: 30m\n  at: 11:30")
    [f] = [f for f in s.findings if f.code == "timing.gap"]
    assert f.severity == "warning" and s.items[1].gap_before == 30
    assert (
        "waits 30 min from 11:00 with nothing planned; plan what people do in that time, or move the pin to 11:00"
        in f.message
    )
    [f] = [f for f in _sched("- lunch: 45m\n  at: 12:30", end="14:00").findings if f.code == "timing.gap"]
    assert f.severity == "warning" and f.message.endswith(
        "start the workshop at 12:30, or plan what people do before it"
    )


def test_two_pinned_times_that_overlap_are_said_with_the_pin_to_move():
    agenda = "- {title: A, duration: 1h, flex: 10m}\n- {lunch: 45m, at: '12:30'}\n"
    agenda += "- {title: News, duration: 10m, flex: 5m, at: '12:45'}"
    [f] = [f for f in _sched(agenda).findings if f.code == "timing.pinned"]
    assert f.item == 2 and f.message == (
        "'News' is pinned at 12:45, but 'Lunch' is pinned at 12:30 and runs until 13:15: "
        "the two pinned times overlap; move 'News' to 13:15"
    )


def test_flex_before_a_pin_that_holds_is_not_offered():
    # A's flex would only lengthen the wait for lunch, not bring the end or the next pin sooner
    before = "- {title: A, duration: 1h, flex: 10m}\n- {lunch: 30m, at: '11:30'}\n"
    s = _sched(before + "- {title: B, duration: 40m, flex: 5m}\n- {title: C, duration: 10m, at: '12:35'}")
    [f] = [f for f in s.findings if f.code == "timing.pinned"]
    assert f.message == (
        "'C' is pinned at 12:35, but the items after 'Lunch' run until 12:40 (5 min late); shorten 'B' to 35 min"
    )
    s = _sched(before + "- {title: B, duration: 40m, flex: 5m}", end="12:30")
    [f] = [f for f in s.findings if f.code == "timing.overrun"]
    assert f.message == (
        "ends 12:40, 10 min after the room is booked until 12:30; shorten 'B' to 35 min, then cut 5 min more "
        "after 'Lunch', or move 'Lunch' to 11:20, or book the room until 12:40"
    )
    s = _sched(before + "- {title: B, duration: 40m}", end="12:30")
    [f] = [f for f in s.findings if f.code == "timing.overrun"]
    assert "'A'" not in f.message and f.message.endswith(
        "shorten the items after 'Lunch' by 10 min, or move 'Lunch' to 11:20, or book the room until 12:40"
    )


def test_an_item_pinned_after_the_room_is_booked_to_end_is_said_at_the_pin():
    s = _sched("- {title: A, duration: 1h, flex: 10m}\n- {title: B, duration: 10m, at: '13:00'}", end="12:00")
    assert "timing.gap" not in _codes(s)  # the wait is not the problem; the pin is
    [f] = [f for f in s.findings if f.code == "timing.overrun"]
    assert f.item == 1 and f.path[-2:] == ("agenda", 1)
    assert f.message == (
        "'B' is pinned at 13:00, after the room is booked to end at 12:00, so the workshop ends 13:10; "
        "move the pin to before 12:00, or book the room for longer"
    )


def test_a_long_wait_rests_people_and_is_not_counted_as_work():
    s = _sched("- {title: A, duration: 80m}\n- {title: B, duration: 20m, at: '13:00'}")
    assert "timing.no-break" not in _codes(s)


def test_pin_before_start_and_pin_without_start():
    s = _sched("- lunch: 30m\n  at: 9:00")
    assert "before the workshop starts" in s.findings[0].message
    s = _sched("- lunch: 30m\n  at: 12:00", start="null")
    assert _codes(s) == ["timing.no-start"]


def test_steps_longer_than_item():
    s = _sched("- title: A\n  duration: 10m\n  steps:\n    - {do: x, duration: 8m}\n    - {do: y, duration: 5m}")
    [f] = [f for f in s.findings if f.code == "timing.steps"]
    assert "add up to 13 min, 3 min more than its 10 min" in f.message
    assert [(st.offset, st.minutes) for st in s.items[0].steps] == [(0, 8), (8, 5)]


def test_tracks_longer_than_item():
    agenda = (
        "- title: Split\n  duration: 20m\n  tracks:\n"
        "    - {group: Young people, agenda: [{title: X, duration: 30m}]}\n"
        "    - {group: Adults, agenda: [{title: Y, duration: 10m}]}"
    )
    s = _sched(agenda)
    [f] = [f for f in s.findings if f.code == "timing.tracks"]
    assert "the Young people group needs 30 min" in f.message
    assert s.items[0].minutes == 30


def test_break_inside_every_track_resets_stretch():
    agenda = (
        "- {title: A, duration: 60m}\n- title: Split\n  tracks:\n"
        "    - {group: G1, agenda: [{title: X, duration: 20m}, {break: 10m}]}\n"
        "    - {group: G2, agenda: [{title: Y, duration: 20m}, {break: 10m}]}\n"
        "- {title: B, duration: 60m}"
    )
    assert "timing.no-break" not in _codes(_sched(agenda))


PER_PLAN = """title: S
participants:
  - {group: Care leavers, count: 3}
  - {group: Staff, count: COUNT}
activities:
  check-in: {title: Check-in round, kind: icebreaker, duration: 1m per person}
workshops:
  - title: W
    start: 10:00
    agenda:
      - use: check-in
      - {title: Report back, kind: feedback, duration: 3m per group, flex: 2m}
      - {use: check-in, duration: 5m}
"""


def test_lengths_per_person_and_per_group_use_the_plans_counts():
    sched = schedule(*_loaded_workshop(PER_PLAN.replace("COUNT", "6")))
    assert [t.minutes for t in sched.items] == [9, 6, 5]  # 1 x (3+6); 3 x 2 groups; a written length is the whole
    assert sched.items[0].item.scale_note == "1 min per person × 9"
    assert sched.items[2].item.scale_note is None and sched.total_minutes == 20


def test_a_length_per_person_needs_every_groups_count():
    import pytest

    from coprod_cli.errors import PlanError

    with pytest.raises(PlanError) as caught:
        load_plan_text(PER_PLAN.replace("{group: Staff, count: COUNT}", "{group: Staff}"))
    [line] = caught.value.lines()
    assert ":11:9:" in line and "needs each group's 'count:'" in line
    with pytest.raises(PlanError, match="per person or per group, not per 'grop'; did you mean 'per group'"):
        load_plan_text(PER_PLAN.replace("3m per group", "3m per grop").replace("COUNT", "6"))


def _loaded_workshop(text: str):
    plan = load_plan_text(text).plan
    return plan.workshops[0], plan.settings
