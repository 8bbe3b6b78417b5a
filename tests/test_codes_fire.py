"""Every finding code of an implemented check family fires on a plan made to trigger it, and
stays silent on a near twin of that plan that does not."""

from __future__ import annotations

import pytest
from test_people import CASES as PEOPLE_CASES
from test_people import GOOD as PEOPLE_GOOD

from coprod_cli.checks import FAMILIES, run_checks
from coprod_cli.findings import codes
from coprod_cli.plan.loader import load_plan_text

OPEN, CLOSE = "- use: welcome-and-ground-rules", "- use: exit-words"


def plan(agenda: str, head: str = "", **w: str) -> str:
    """A one-workshop plan: `agenda` lines (without indentation), extra series lines in `head`."""
    fields = {"title": "Workshop", "date": "2030-03-04", "start": "10:00", **w}
    lines = ["title: Test series", *head.splitlines(), "workshops:"]
    lines += [("  - " if i == 0 else "    ") + f"{k}: {v}" for i, (k, v) in enumerate(fields.items())]
    lines += ["    agenda:"] + [f"      {a}" for a in agenda.strip().splitlines()]
    return "\n".join(lines) + "\n"


def two(first: str, second: str, second_date: str = "2030-03-11") -> str:
    """A two-workshop plan; each agenda as lines, the first workshop sets homework."""
    text = plan(first, homework="Think of one idea")
    return (
        text
        + f"  - title: Second\n    date: {second_date}\n    start: 10:00\n    agenda:\n"
        + "".join(f"      {a}\n" for a in second.strip().splitlines())
    )


WORK = "- {title: Work, duration: 30m}"
HOMEWORK_BACK = "- {title: Your homework, kind: welcome, duration: 10m}"
HARD = (
    "Institutional representatives systematically operationalise interdisciplinary methodological considerations, "
    "notwithstanding organisational complexities, administrative responsibilities and contemporaneous legislative "
    "requirements. Consequently, multidisciplinary institutional collaboration necessitates comprehensive "
    "documentation, considerable organisational investment and unprecedented administrative coordination."
)
LONG_DAY = "\n".join(["- {title: Work, duration: 60m}", "- break: 15m"] * 3)  # 3h 45m of work and breaks
TALK = "- {title: Talk, kind: presentation, duration: 60m}"

# code: (family, plan that fires it, plan that does not[, the history of past runs both are checked with])
CASES: dict[str, tuple] = {
    "agenda.empty": ("agenda", plan(WORK).split("    agenda:")[0], plan(f"{OPEN}\n{WORK}\n{CLOSE}")),
    "agenda.opening": ("agenda", plan(f"{WORK}\n{CLOSE}"), plan(f"{OPEN}\n{WORK}\n{CLOSE}")),
    "agenda.closing": ("agenda", plan(f"{OPEN}\n{WORK}"), plan(f"{OPEN}\n{WORK}\n{CLOSE}")),
    "timing.overrun": ("timings", plan(f"{OPEN}\n{WORK}\n{CLOSE}", end="10:30"), plan(WORK, end="10:30")),
    "timing.slack": ("timings", plan(WORK, end="11:00"), plan(WORK, end="10:40")),
    "timing.no-break": (
        "timings",
        plan("- {title: Long, duration: 100m}"),
        plan("- {title: Long, duration: 50m}\n- break: 10m\n- {title: Longer, duration: 50m}"),
    ),
    "timing.no-meal": (
        "timings",
        plan(f"{OPEN}\n{LONG_DAY}\n{LONG_DAY}\n{CLOSE}", start="09:00", mode="hybrid"),
        plan(f"{OPEN}\n{LONG_DAY}\n- {{lunch: 45m, at: '12:45'}}\n{LONG_DAY}\n{CLOSE}", start="09:00", mode="hybrid"),
    ),
    "timing.pinned": (
        "timings",
        plan(f"{WORK}\n- {{lunch: 30m, at: '10:15'}}"),
        plan(f"{WORK}\n- {{lunch: 30m, at: '10:30'}}"),
    ),
    "timing.gap": (
        "timings",
        plan(f"{WORK}\n- {{lunch: 30m, at: '11:00'}}"),
        plan(f"{WORK}\n- {{lunch: 30m, at: '10:30'}}"),
    ),
    "timing.steps": (
        "timings",
        plan("- {title: W, duration: 10m, steps: [{do: a, duration: 8m}, {do: b, duration: 5m}]}"),
        plan("- {title: W, duration: 15m, steps: [{do: a, duration: 8m}, {do: b, duration: 5m}]}"),
    ),
    "timing.tracks": (
        "timings",
        plan("- {title: Split, duration: 20m, tracks: [{group: A, agenda: [{title: x, duration: 30m}]}]}"),
        plan("- {title: Split, duration: 30m, tracks: [{group: A, agenda: [{title: x, duration: 30m}]}]}"),
    ),
    "timing.no-start": (
        "timings",
        plan(f"{WORK}\n- {{lunch: 30m, at: '12:00'}}", start="null"),
        plan(WORK, start="null"),
    ),
    "timing.history": (
        "timings",
        plan("- {title: Work, duration: 30m}"),
        plan("- {title: Work, duration: 40m}"),
        {"title:work": [(30, 38.0), (30, 41.0)]},
    ),
    "series.dates": ("series", two(WORK, HOMEWORK_BACK, "2030-03-01"), two(WORK, HOMEWORK_BACK)),
    "series.homework": ("series", two(WORK, WORK), two(WORK, HOMEWORK_BACK)),
    "language.jargon": (
        "language",
        plan("- {title: Touchpoint mapping, duration: 30m}"),
        plan("- {title: Map the places we meet, duration: 30m}"),
    ),
    "language.reading-level": (
        "language",
        plan(
            WORK,
            head="purpose: " + HARD,
        ),
        plan(WORK, head="purpose: We meet to talk about what works and what does not."),
    ),
    "language.catalogue": ("language", plan(WORK, head="language: fr"), plan(WORK, head="language: cy")),
    "language.easy-read": (
        "language",
        plan(f"{OPEN}\n- use: people-bingo-chat\n{WORK}\n{CLOSE}", mode="online"),
        # the room's easy line is kept online when the handout is the same; breaks read well as titles
        plan(
            f"{OPEN}\n- use: people-bingo-chat\n- {{title: Work, duration: 30m, easy: We work.}}\n- break: 5m\n{CLOSE}",
            mode="online",
        ),
    ),
    "principles.uncovered": (
        "principles",
        plan(f"{OPEN}\n- use: dot-voting\n{CLOSE}", head="framework: citizen-lab"),
        plan(f"{OPEN}\n- use: dot-voting\n{CLOSE}"),
    ),
    "ready.placeholder": ("ready", plan(f"{OPEN}\n- {{title: Your activity, duration: 9m}}"), plan(f"{OPEN}\n{WORK}")),
    "ready.contact": (
        "ready",
        plan(WORK, head="contact: Sam Reid"),
        plan(WORK, head="contact: Sam Reid, 07700 900123"),
    ),
    "ready.join-link": ("ready", plan(WORK, mode="online"), plan(WORK, mode="online", join="https://meet.example/x")),
    "ready.venue": ("ready", plan(WORK, mode="hybrid", join="https://x.example"), plan(WORK, mode="online")),
    "ready.date": ("ready", plan(WORK, date="2016-10-03"), plan(WORK)),
    "ready.online": (
        "ready",
        plan(f"{OPEN}\n- use: shared-lunch", mode="online"),
        plan(f"{OPEN}\n- lunch: 45m", mode="online"),
    ),
    "participation.balance": (
        "principles",
        plan(f"{TALK}\n- break: 10m\n{TALK}", head="purpose: A co-production series"),
        plan(f"{TALK}\n- break: 10m\n{TALK}", head="purpose: A talk series"),
    ),
}


# The people checks' own cases (tests/test_people.py): one firing plan per code, and the quiet plan.
for _case in ("outnumbered", "no thanks", "no access", "no support", "no report back", "interpreted round"):
    _text, _code, _line = PEOPLE_CASES[_case]
    CASES[_code] = ("people", _text, PEOPLE_GOOD)


def _implemented(code: str) -> bool:
    family = "timings" if codes()[code].family == "timing" else codes()[code].family
    return family in FAMILIES or codes()[code].family == "participation"


def test_every_code_of_an_implemented_family_has_a_case():
    missing = [code for code in codes() if _implemented(code) and code not in CASES]
    assert not missing, f"add a firing and a quiet plan for {missing} to CASES"


@pytest.mark.parametrize("code", sorted(CASES))
def test_code_fires_and_its_twin_stays_quiet(code: str):
    family, fires, quiet, *history = CASES[code]
    past = history[0] if history else None
    fired = [f.code for f in run_checks(load_plan_text(fires, "p.yaml"), [family], past).findings]
    assert code in fired, fired
    calm = [f.code for f in run_checks(load_plan_text(quiet, "p.yaml"), [family], past).findings]
    assert code not in calm, calm
