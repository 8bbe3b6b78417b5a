"""Any plan of N bytes is checked with work linear in N: aliases and merge keys cannot multiply it.

Work is counted, not timed: every Python function call made while the plan is read,
validated, resolved, timed and checked (sys.setprofile), so the test means the same on any
machine. A plan that shares one agenda among many workshops through an anchor and merge
keys (`- {<<: *w, id: w2}`) is the shape that took minutes before the expansion budget.
"""

from __future__ import annotations

import sys

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coprod_cli.checks import run_checks
from coprod_cli.errors import PlanError
from coprod_cli.plan.loader import load_plan_text
from coprod_cli.plan.source import BASE_NODES, NODES_PER_BYTE

# Calls allowed per byte of plan, over the budget's fixed allowance (BASE_NODES / NODES_PER_BYTE bytes).
# Each expanded agenda item costs about 60 calls to validate, time and check, and the budget
# allows 2 values a byte: so about 120, with room for the series-wide checks.
CALLS_PER_BYTE = 150
ALLOWANCE_BYTES = BASE_NODES // NODES_PER_BYTE

words = st.text(alphabet="abcdefghij klmnop", min_size=1, max_size=30).map(lambda s: s.strip() or "x")


@st.composite
def plans(draw) -> str:
    """A plan whose first workshop is an anchor that later ones share, by merge key or alias."""
    shared = draw(st.integers(1, 40))
    copies = draw(st.integers(0, 80))
    merge = draw(st.booleans())
    items = "".join(
        f"      - {{title: {draw(words)}, kind: discussion, duration: {draw(st.integers(1, 30))}m}}\n"
        for _ in range(shared)
    )
    text = f"title: {draw(words)}\nworkshops:\n  - &w\n    id: w0\n    title: {draw(words)}\n"
    text += f"    start: '10:00'\n    agenda: &a\n{items}"
    for i in range(1, copies + 1):
        text += f"  - {{<<: *w, id: w{i}}}\n" if merge else f"  - {{id: w{i}, title: T{i}, agenda: *a}}\n"
    return text


def work(text: str) -> int:
    """Python function calls made while loading and checking `text`."""
    calls = 0

    def count(frame, event, arg):  # noqa: ANN001 - the profiler's signature
        nonlocal calls
        if event == "call":
            calls += 1

    sys.setprofile(count)
    try:
        run_checks(load_plan_text(text))
    except PlanError:
        pass  # refusing the plan is an answer too; its work is counted
    finally:
        sys.setprofile(None)
    return calls


def test_work_is_counted():
    work(plans_example(1, 0))  # first-use caches (the jargon list) are not the plan's work
    small, bigger = work(plans_example(10, 0)), work(plans_example(10, 40))
    assert 0 < small < bigger


def plans_example(shared: int, copies: int) -> str:
    items = "".join(f"      - {{title: Item {i}, kind: discussion, duration: 5m}}\n" for i in range(shared))
    text = f"title: S\nworkshops:\n  - &w\n    id: w0\n    title: W\n    start: '10:00'\n    agenda: &a\n{items}"
    return text + "".join(f"  - {{<<: *w, id: w{i}}}\n" for i in range(1, copies + 1))


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(plans())
def test_any_plan_is_checked_with_work_linear_in_its_size(text: str):
    run_checks(load_plan_text("title: warm\nworkshops: [{title: x}]\n"))  # first-use caches (the jargon list)
    # are not the plan's work
    size = len(text.encode("utf-8"))
    assert work(text) <= CALLS_PER_BYTE * (size + ALLOWANCE_BYTES)


def test_a_shared_agenda_merged_into_hundreds_of_workshops_is_refused_early():
    text = plans_example(60, 300)  # 10 KB that expands to 18,000 agenda items
    assert work(text) <= CALLS_PER_BYTE * (len(text) + ALLOWANCE_BYTES)
    try:
        load_plan_text(text)
    except PlanError as err:
        assert "once its aliases (*name) and merges (<<) are expanded" in str(err)
    else:
        raise AssertionError("a plan that multiplies itself 300 times was accepted")
