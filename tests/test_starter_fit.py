"""A starter fills the time booked: whatever the start and length, `coprod check` right after
`coprod new series` finds no timing problem and no spare time, a long day over lunchtime has
lunch at a sensible time, and the closing items stay last."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from coprod_cli.checks import run_checks
from coprod_cli.documents.fitting import STEP, limit_for
from coprod_cli.documents.starter import STARTERS, Options, load_blueprint, most_sessions, render_starter
from coprod_cli.plan.answers import Rhythm
from coprod_cli.plan.library import load_library
from coprod_cli.plan.loader import load_plan_text

LIBRARY = load_library()
MODES = ("in-person", "online", "hybrid")
CLOSING_USES = {"recap", "set-homework", "whats-next", "exit-words", "feedback-round", "check-out"}


def _plan(template: str, sessions: int, start: int, length: int, mode: str):
    window = (start, start + length)
    options = Options(template, "Test series", sessions, dt.date(2026, 12, 7), Rhythm(7), window, mode, None)
    loaded = load_plan_text(render_starter(options, LIBRARY))
    return loaded, run_checks(loaded, ("timings", "agenda"))


@settings(max_examples=40, deadline=None)  # a second or two
@given(
    template=st.sampled_from(STARTERS),
    start=st.integers(8 * 4, 11 * 4).map(lambda q: q * 15),  # 08:00 to 11:00 in quarter hours
    length=st.integers(6, 32).map(lambda q: q * 15),  # 1h 30m to 8h
    mode=st.sampled_from(MODES),
    which=st.integers(0, 7),
)
def test_a_starter_fills_its_booking_with_breaks_and_lunch(template: str, start: int, length: int, mode: str, which):
    sessions = 1 + which % min(3, most_sessions(load_blueprint(template)))
    loaded, report = _plan(template, sessions, start, length, mode)
    timing = [f for f in report.findings if f.code.startswith("timing.")]
    assert [(f.code, f.message) for f in timing if f.severity != "info" or f.code == "timing.slack"] == []
    assert not [f for f in report.findings if f.code.startswith("agenda.")]
    for workshop, sched in zip(loaded.plan.workshops, report.schedules, strict=True):
        assert sched.booked_minutes is not None
        assert 0 <= sched.booked_minutes - sched.total_minutes < 15  # filled, within a quarter of an hour
        meals = [t for t in sched.items if t.item.kind == "meal"]
        over_lunch = start <= 12 * 60 and start + length >= 14 * 60 and length >= 4 * 60 + 30
        assert len(meals) == over_lunch, workshop.id
        for meal in meals:
            assert meal.item.at is not None and 12 * 60 <= meal.item.at <= 13 * 60 + 30
            assert meal.gap_before == 0  # pinned where the morning ends: nobody waits for lunch
            later = {t.item.use for t in sched.items[sched.items.index(meal) :]}
            assert later & {"exit-words", "feedback-round", "check-out"}  # closing after lunch, never before
        uses = [t.item.use for t in sched.items]
        last = max(i for i, u in enumerate(uses) if u not in CLOSING_USES)  # the last item that is not closing
        assert all(u in CLOSING_USES for u in uses[last + 1 :]) and uses[-1] in CLOSING_USES
        assert all(t.minutes % STEP == 0 for t in sched.items)
        assert max(t.minutes for t in sched.items if not t.item.is_pause) <= limit_for(mode)


def test_the_reported_citizen_lab_day_has_lunch_and_ends_on_time():
    """The trial's case: 09:30-16:30 hybrid ended 13:45 with no lunch, and put lunch after the recap."""
    loaded, report = _plan("citizen-lab", 2, 9 * 60 + 30, 7 * 60, "hybrid")
    for sched in report.schedules:
        assert sched.total_minutes == 7 * 60
        uses = [t.item.use or t.item.kind for t in sched.items]
        assert uses.index("meal") < uses.index("recap")
    assert not [f for f in report.findings if f.code.startswith("timing.")]
