"""`coprod run`'s logic: the fold over events, the keys, the re-plan's promises, the record, the report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import plan_text
from hypothesis import given, settings
from hypothesis import strategies as st

from coprod_cli.errors import UsageError
from coprod_cli.live.display import display_data, page
from coprod_cli.live.events import Event, key_events
from coprod_cli.live.record import read_run, record_path, rehearsal_path
from coprod_cli.live.replan import Slot, project, replan
from coprod_cli.live.report import activities, history, summarize
from coprod_cli.live.session import open_session
from coprod_cli.live.state import Day, PlannedItem, day_of, fold
from coprod_cli.live.words import replan_sentence
from coprod_cli.plan.loader import load_plan_text
from coprod_cli.schedule import schedule_plan

AGENDA = """
- {title: Welcome, kind: welcome, duration: 10m, notes: SECRET-NOTE, say: SECRET-SAY, handout: We say hello.}
- {title: Dot voting, kind: decision, duration: 15m, flex: 5m}
- {title: Gallery walk, kind: exercise, duration: 20m, flex: 3m}
- {title: Recap, kind: discussion, duration: 10m}
- {lunch: 30m, at: "10:55"}
"""


def _sched(agenda: str = AGENDA, **workshop: str):
    loaded = load_plan_text(plan_text(agenda, **{"start": "10:00", "end": "11:25", **workshop}))
    return schedule_plan(loaded.plan)[0]


def _press(day: Day, keys: list[tuple[str, float]]) -> list[Event]:
    """Key presses at clock minutes, as the live loop makes them."""
    events: list[Event] = []
    for key, minute in keys:
        t = minute * 60
        events.extend(key_events(fold(day, events, t), key, t))
    return events


def test_on_time_then_behind_gives_a_concrete_replan():
    day = day_of(_sched())
    events = _press(day, [("n", 600)])
    assert fold(day, events, 600 * 60).behind == 0
    assert fold(day, events, 600 * 60).replan() is None
    late = fold(day, events, 618 * 60)  # the welcome has run 8 minutes over
    assert late.behind == 8 and late.items[0].status == "running"
    plan = late.replan()
    assert plan is not None and not plan.drops and plan.over == 0
    assert plan.cuts == {1: 5, 2: 3}
    titles = {i: it.planned.title for i, it in enumerate(late.items)}
    assert replan_sentence(plan, titles) == "take 5 min from Dot voting, 3 from Gallery walk"
    accepted = _press(day, [("n", 600), ("a", 618)])
    after = fold(day, accepted, 618 * 60)
    # on time for the agenda as it now stands: the finish and the lunch are back on time
    assert after.behind == 0 and after.replan() is None and round(after.finish) == 11 * 60 + 25
    given = fold(day, _press(day, [("n", 600), ("+", 601), ("+", 602)]), 612 * 60)
    assert given.behind == 0 and round(given.finish) == 11 * 60 + 27  # two minutes given: the finish moves
    assert [it.minutes for it in after.items][:3] == [10, 10, 17]


def test_no_replan_is_offered_before_the_first_item_begins():
    """Opened a little after the start (a rehearsal's fast clock gets there in seconds): behind, but
    nothing has run late, and `a` could not take a re-plan before an item is on."""
    day = day_of(_sched())
    waiting = fold(day, [Event("open", 600 * 60)], 602 * 60)
    assert waiting.behind == 2 and round(waiting.finish) == 11 * 60 + 27
    assert waiting.replan() is None and key_events(waiting, "a", 602 * 60) == []
    begun = fold(day, _press(day, [("n", 602)]), 602 * 60)  # began 2 minutes late: now it is behind
    plan = begun.replan()
    assert plan is not None and plan.cuts == {1: 2} and key_events(begun, "a", 602 * 60)[0].type == "accept"


def test_when_flex_cannot_cover_it_says_what_to_drop_and_what_is_left():
    day = day_of(_sched())
    titles = {i: p.title for i, p in enumerate(day.items)}
    thirty = fold(day, _press(day, [("n", 600)]), 640 * 60).replan()  # 30 minutes over; flex gives 8
    assert thirty is not None and thirty.drops == (2, 3) and not thirty.cuts and thirty.over == 0
    assert replan_sentence(thirty, titles) == "drop Gallery walk, Recap"
    state = fold(day, _press(day, [("n", 600)]), 660 * 60)  # 50 over: more than all the rest
    plan = state.replan()
    assert plan is not None and sorted(plan.drops) == [1, 2, 3] and plan.over == 5  # never the welcome or lunch
    starts, finish = state.projection(plan)
    assert starts[4] == 11 * 60 and round(finish) == 11 * 60 + 30
    assert replan_sentence(plan, titles).endswith("; still 5 min over")


def test_keys_move_back_skip_pause_and_adjust():
    day = day_of(_sched())
    events = _press(day, [("n", 600), ("n", 610), ("b", 612), ("+", 612), ("p", 613), ("p", 618), ("s", 620)])
    state = fold(day, events, 620 * 60)
    assert [e.type for e in events] == ["start", "start", "start", "adjust", "pause", "resume", "skip"]
    assert state.items[0].minutes == 11 and state.items[0].status == "skipped"
    assert state.current == 1 and state.started_at == 620 * 60
    assert round(state.items[0].actual / 60) == 10 + 3  # 10 + (612..613) + (618..620); the pause not counted
    assert key_events(state, "x", 0) == [] and key_events(state, "q", 0)[0].type == "quit"


def test_the_last_next_ends_the_day():
    day = day_of(_sched("- {title: Only, duration: 5m}"))
    events = _press(day, [("n", 600), ("n", 605)])
    state = fold(day, events, 700 * 60)
    assert events[-1].type == "end" and state.ended and key_events(state, "n", 0) == []


def test_cues_tell_the_last_minutes_the_lunch_and_its_pin():
    day = day_of(_sched())
    state = fold(day, _press(day, [("n", 600), ("n", 610), ("n", 625), ("n", 645)]), 653 * 60)
    cues = state.cues()
    assert any("2 min left for 'Recap'" in c for c in cues)
    assert "'Lunch' is pinned at 10:55" in cues and "tell the room: lunch in 2 min" in cues
    late = fold(day, _press(day, [("n", 600), ("n", 620)]), 621 * 60).cues()
    assert "'Lunch' is pinned at 10:55, but on the way to start 10 min late" in late


def test_cues_say_hours_and_minutes_and_a_break_now():
    day = day_of(_sched())
    long = fold(day, _press(day, [("n", 600)]), 831 * 60).cues()  # the welcome has run 3h 41m over
    assert "'Welcome' is 3h 41m over its time" in long
    assert "'Lunch' is pinned at 10:55, but on the way to start 3h 41m late" in long
    over = fold(day, _press(day, [("n", 600), ("n", 610), ("n", 625), ("n", 645)]), 656 * 60).cues()
    assert "tell the room: lunch now" in over and not any("in 0 min" in c for c in over)


slot_lists = st.lists(
    st.tuples(
        st.integers(1, 60), st.integers(0, 59), st.booleans(), st.integers(0, 4), st.floats(0, 1, allow_nan=False)
    ),
    min_size=1,
    max_size=8,
)


def _slots(draw_list, now: float) -> list[Slot]:
    slots, cursor = [], now
    for index, (minutes, flex, droppable, pin_roll, pin_at) in enumerate(draw_list):
        pin = None
        if pin_roll == 0 and index:
            pin = int(now + pin_at * 240)
        slots.append(Slot(index, float(minutes), min(flex, minutes - 1), pin, droppable and pin is None))
        cursor += minutes
    return slots


@settings(max_examples=400, deadline=None)
@given(slot_lists, st.floats(540, 660, allow_nan=False), st.integers(-60, 240))
def test_replan_keeps_its_promises(raw, now, spare):
    slots = _slots(raw, now)
    deadline = now + sum(s.minutes for s in slots) + spare
    plan = replan(slots, now, deadline)
    by_index = {s.index: s for s in slots}
    for index, cut in plan.cuts.items():
        assert 0 < cut <= by_index[index].give  # never more than its flex
    assert all(by_index[i].droppable for i in plan.drops)
    starts, finish = project(slots, now, plan)
    for s in slots:
        if s.pin is not None and s.index in starts:
            assert starts[s.index] >= s.pin  # never before its pin
    full = type(plan)({s.index: s.give for s in slots if s.give})
    full_starts, full_finish = project(slots, now, full)
    reachable = full_finish <= deadline + 1e-6 and all(
        full_starts[s.index] <= s.pin + 1e-6 for s in slots if s.pin is not None
    )
    if reachable:  # total flex allows: on time, every pin reached, nothing dropped
        assert not plan.drops and plan.over == 0 and finish <= deadline + 1e-6
        assert all(starts[s.index] <= s.pin + 1e-6 for s in slots if s.pin is not None)
    assert plan.over == max(0, -int(-(finish - deadline - 1e-6) // 1))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["n", " ", "b", "+", "p", "s", "a"]), st.integers(0, 20)), max_size=25))
def test_no_key_sequence_takes_more_than_an_items_flex(presses):
    day = day_of(_sched())
    minute, keys = 600, []
    for key, wait in presses:
        minute += wait
        keys.append((key, minute))
    state = fold(day, _press(day, keys), minute * 60)
    for it in state.items:
        assert it.minutes >= it.planned.minutes - it.planned.flex
        if it.planned.at is not None and state.current != it.planned.index and not it.out:
            starts, _ = state.projection()
            assert it.planned.index not in starts or starts[it.planned.index] >= it.planned.at


def test_record_resumes_and_survives_a_torn_last_line(tmp_path: Path):
    sched = _sched()
    day = day_of(sched)
    path = record_path(tmp_path / "coprod.yaml", "w", "2026-01-01")
    session = open_session(path, sched.workshop, day, "2026-01-01", 600 * 60)
    for event in _press(day, [("n", 600), ("n", 612)]):
        session.add(event)
    with path.open("a") as handle:
        handle.write('{"type": "start", "t": 3')  # the power went mid-line
    again = open_session(path, sched.workshop, day, "2026-01-01", 615 * 60)
    state = again.state(615 * 60)
    assert state.current == 1 and round(state.elapsed / 60) == 3
    assert [e.type for e in read_run(path).events] == ["open", "start", "start", "open"]


def test_a_broken_record_line_is_named(tmp_path: Path):
    sched = _sched()
    path = tmp_path / "r.jsonl"
    open_session(path, sched.workshop, day_of(sched), "d", 0).add(Event("start", 1, item=0))
    with path.open("a") as handle:
        handle.write("nonsense\n" + json.dumps({"type": "open", "t": 1}) + "\n")
    with pytest.raises(UsageError, match=r"r\.jsonl:4:1: this line is not JSON"):
        read_run(path)


def test_two_rehearsals_started_at_once_each_keep_their_own_record(tmp_path: Path):
    """Both open before either starts an item, so both were offered the same free name: the one
    that starts second takes the next number, and neither record is lost or overwritten."""
    sched = _sched()
    day = day_of(sched, {})
    path = rehearsal_path(tmp_path / "coprod.yaml", "w", "2026-11-25")
    one = open_session(path, sched.workshop, day, "2026-11-25", 600 * 60, rehearsal=True)
    two = open_session(path, sched.workshop, day, "2026-11-25", 700 * 60, rehearsal=True)
    one.add(Event("start", 600 * 60, item=0))
    two.add(Event("start", 700 * 60, item=0))
    two.add(Event("start", 710 * 60, item=1))
    one.add(Event("start", 605 * 60, item=1))
    assert one.path == path and two.path == path.with_name("2026-11-25-w-2.jsonl")
    assert [e.t for e in read_run(one.path).events] == [600 * 60, 600 * 60, 605 * 60]
    assert [e.t for e in read_run(two.path).events] == [700 * 60, 700 * 60, 710 * 60]
    assert rehearsal_path(tmp_path / "coprod.yaml", "w", "2026-11-25").name == "2026-11-25-w-3.jsonl"
    named = tmp_path / "mine.jsonl"  # a rehearsal's own --record FILE taken meanwhile: the next name
    three = open_session(named, sched.workshop, day, "2026-11-25", 800 * 60, rehearsal=True)
    named.write_text("someone else's notes\n")
    three.add(Event("start", 800 * 60, item=0))
    assert three.path == tmp_path / "mine-2.jsonl" and named.read_text() == "someone else's notes\n"


def test_a_real_run_whose_record_another_run_started_says_so(tmp_path: Path):
    sched = _sched()
    day = day_of(sched, {})
    path = record_path(tmp_path / "coprod.yaml", "w", "2026-11-25")
    one = open_session(path, sched.workshop, day, "2026-11-25", 600 * 60)
    two = open_session(path, sched.workshop, day, "2026-11-25", 601 * 60)
    one.add(Event("start", 600 * 60, item=0))
    with pytest.raises(UsageError, match="another coprod run of this workshop started recording"):
        two.add(Event("start", 601 * 60, item=0))
    assert [e.t for e in read_run(path).events] == [600 * 60, 600 * 60]


def test_a_record_of_another_agenda_is_not_resumed(tmp_path: Path):
    path = tmp_path / "r.jsonl"
    first = _sched()
    open_session(path, first.workshop, day_of(first), "d", 0).add(Event("start", 1, item=0))
    other = _sched("- {title: Something else, duration: 5m}")
    with pytest.raises(UsageError, match="different agenda"):
        open_session(path, other.workshop, day_of(other), "d", 0)


def test_a_rehearsal_is_marked_kept_apart_and_never_carried_on(tmp_path: Path):
    sched = _sched()
    day = day_of(sched, {})
    plan = tmp_path / "coprod.yaml"
    first = rehearsal_path(plan, "w", "2026-11-25")
    assert first == tmp_path / "runs" / "rehearsals" / "2026-11-25-w-1.jsonl"
    session = open_session(first, sched.workshop, day, "2026-11-25", 600 * 60, rehearsal=True)
    for e in _press(day, [("n", 600), ("n", 610), ("n", 625)]):
        session.add(e)
    assert json.loads(first.read_text().splitlines()[0])["rehearsal"] is True and read_run(first).rehearsal
    assert rehearsal_path(plan, "w", "2026-11-25").name == "2026-11-25-w-2.jsonl"  # the next one starts afresh
    real = record_path(plan, "w", "2026-11-25")
    assert real.parent != first.parent
    with pytest.raises(UsageError, match="a real run never carries on from a rehearsal"):
        open_session(first, sched.workshop, day, "2026-11-25", 900 * 60)
    open_session(real, sched.workshop, day, "2026-11-25", 900 * 60).add(Event("start", 900 * 60, item=0))
    assert not read_run(real).rehearsal and read_run(real).events[0].type == "open"
    with pytest.raises(UsageError, match="a rehearsal never adds to it"):
        open_session(real, sched.workshop, day, "2026-11-25", 600 * 60, rehearsal=True)
    with pytest.raises(UsageError, match="each rehearsal starts afresh"):
        open_session(first, sched.workshop, day, "2026-11-25", 600 * 60, rehearsal=True)
    # What a rehearsal took is not what an activity really takes.
    done = summarize(read_run(first))
    assert done.items[1].status == "done" and done.to_dict()["rehearsal"] is True
    assert activities([done]) == [] and history([done]) == {}


def test_report_and_history_from_runs(tmp_path: Path):
    sched = _sched()
    results = []
    for n, late in enumerate((7, 9)):
        day = day_of(sched, {})
        path = tmp_path / f"r{n}.jsonl"
        session = open_session(path, sched.workshop, day, "d", 0)
        for e in _press(day, [("n", 600), ("n", 610), ("n", 625 + late), ("s", 640 + late)]):
            session.add(e)
        results.append(summarize(read_run(path)))
    first = results[0]
    # Gallery walk ran 15 minutes before it was skipped: that time shows, and is not its real length.
    assert [i.status for i in first.items][:4] == ["done", "done", "cut short", "running"]
    assert first.to_dict()["items"][2]["actual_minutes"] == 15.0 and first.items[2].ran
    assert first.items[1].difference == 7 and first.long[0].title == "Dot voting"
    [dot] = [a for a in activities(results) if a.title == "Dot voting"]
    assert dot.actual == (22.0, 24.0) and dot.always_over
    assert dot.sentence() == "Dot voting: planned 15 min, took 23 min on average over 2 runs"
    assert history(results)["title:dot voting"] == [(15, 22.0), (15, 24.0)]
    assert first.to_dict()["items"][1] == {
        "index": 1,
        "title": "Dot voting",
        "use": None,
        "planned_minutes": 15,
        "replanned_minutes": None,
        "actual_minutes": 22.0,
        "difference_minutes": 7,
        "status": "done",
    }


def test_the_projector_never_shows_a_facilitator_field():
    sched = _sched()
    day = day_of(sched)
    state = fold(day, _press(day, [("n", 600)]), 603 * 60)
    data = display_data(sched, state)
    assert (
        data["current"]["title"] == "Welcome"
        and data["current"]["countdown"] == "7"
        and data["current"]["label"] == "minutes left"
    )
    html = page(data)
    assert "We say hello." in html and "SECRET" not in json.dumps(data) + html
    assert [n["title"] for n in data["next"]] == ["Dot voting", "Gallery walk", "Recap"]


def test_planned_items_round_trip():
    item = PlannedItem(3, "T", "exercise", 10, 2, 600, "dot-voting", 15)
    assert PlannedItem.from_dict(json.loads(json.dumps(item.to_dict()))) == item


def test_an_item_cut_off_by_quitting_is_neither_short_nor_an_activity_length(tmp_path: Path):
    sched = _sched()
    day = day_of(sched, {})
    path = tmp_path / "r.jsonl"
    session = open_session(path, sched.workshop, day, "d", 0)
    for e in _press(day, [("n", 600), ("q", 602)]):
        session.add(e)
    result = summarize(read_run(path))
    assert result.items[0].status == "stopped" and result.items[0].difference < -1
    assert result.short == []
    assert activities([result]) == []


@pytest.mark.parametrize("rehearsal", [False, True])
def test_a_run_opened_and_quit_before_anything_started_leaves_no_record(tmp_path: Path, rehearsal: bool):
    sched = _sched()
    day = day_of(sched, {})
    path = tmp_path / "runs" / "r.jsonl"
    quit_at_once = open_session(path, sched.workshop, day, "d", 600 * 60, rehearsal)
    for key, minute in [("+", 601), ("p", 602), ("a", 603), ("q", 604)]:  # keys that start nothing
        for e in key_events(quit_at_once.state(minute * 60), key, minute * 60):
            quit_at_once.add(e)
    assert not path.exists() and not quit_at_once.written
    session = open_session(path, sched.workshop, day, "d", 605 * 60, rehearsal)
    for e in key_events(session.state(606 * 60), "n", 606 * 60):
        session.add(e)
    assert session.written
    run = read_run(path)
    assert run.rehearsal is rehearsal and [(e.type, e.t) for e in run.events] == [
        ("open", 605 * 60),
        ("start", 606 * 60),
    ]
    session.add(Event("quit", 607 * 60))
    assert [e.type for e in read_run(path).events] == ["open", "start", "quit"]


def test_the_difference_is_against_the_length_an_item_had_when_it_ran(tmp_path: Path):
    day = day_of(_sched(), {})
    path = tmp_path / "r.jsonl"
    session = open_session(path, _sched().workshop, day, "d", 0, True)
    # The welcome runs 8 over; the re-plan takes 3 from Gallery walk (20 -> 17), which then takes 12.
    for e in _press(day, [("n", 600), ("a", 618), ("n", 618), ("n", 628), ("n", 640)]):
        session.add(e)
    result = summarize(read_run(path))
    assert result.to_dict()["items"][2]["difference_minutes"] == -5  # not -8, against the 20 first planned
    gallery = result.items[2]
    assert (gallery.planned, gallery.length, round(gallery.actual)) == (20, 17, 12)
    assert gallery.changed and gallery.difference == -5
    assert result.items[0].difference == 8 and not result.items[0].changed
