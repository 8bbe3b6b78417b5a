"""The people in the room: balance, thanks, access, support, feedback loop and interpreting.

Co-production lives on practical things: people with lived experience are not outnumbered and
lead something, are thanked and told how up front, can get in and ask for what they need, are
looked after when a topic is hard, and hear back what happened to what they said.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from coprod_cli.checks.interpreting import interpreting
from coprod_cli.findings import Finding, Loc, Severity
from coprod_cli.plan.models import Item, Plan, Workshop
from coprod_cli.schedule import Schedule, TimedItem

if TYPE_CHECKING:
    from coprod_cli.checks import Context

CHECK_OUT_KINDS = frozenset({"closing", "feedback"})
CHECK_OUT_TAGS = frozenset({"check-out", "check-in", "wellbeing"})
REPORT_BACK_TAG = "report-back"
# An item reports back what people said before when tagged so or titled "You said, we did".
REPORT_BACK = re.compile(r"\byou said,? we did\b", re.IGNORECASE)


def run(ctx: Context) -> list[Finding]:
    plan = ctx.loaded.plan
    return (
        _balance(plan, ctx.schedules)
        + _thanks(plan)
        + _access(plan)
        + _support(plan, ctx.schedules)
        + _feedback_loop(ctx.schedules)
        + interpreting(plan, ctx.schedules)
    )


# ---------------------------------------------------------------- balance


def _lived_names(plan: Plan) -> list[str]:
    """How a lead may name people with lived experience: their group's name, or its first words."""
    names = []
    for g in plan.participants:
        if g.lived_experience:
            names.append(g.group.lower())
            head = re.split(r"\s+(?:with|who|from|of|in)\s+", g.group.lower(), maxsplit=1)[0]
            if head != g.group.lower() and head not in ("people", "the people"):
                names.append(head)
    names += [f.name.lower() for f in plan.facilitators if f.lived_experience]
    return names


def _leads(items: list[TimedItem]):
    for t in items:
        if t.item.lead:
            yield t.item.lead
        for track in t.tracks:
            if track.lead:
                yield track.lead
            yield from _leads(track.items)


def _balance(plan: Plan, schedules: list[Schedule]) -> list[Finding]:
    groups = plan.participants
    if not groups:
        return []
    lived = sum(g.count or 0 for g in groups if g.lived_experience)
    others = sum(g.count or 0 for g in groups if not g.lived_experience)
    findings: list[Finding] = []
    first_lived = next((i for i, g in enumerate(groups) if g.lived_experience), None)
    counted = all(g.count is not None for g in groups)  # without every count, there is nothing to compare
    if counted and lived < others:
        where = first_lived if first_lived is not None else 0
        if first_lived is None:
            why = (
                f"no group is marked `lived_experience: true`, so the {others} people coming are all "
                "professionals; mark the group(s) who use the service, or invite them"
            )
        else:
            why = (
                f"{lived} people with lived experience and {others} professionals: people with lived "
                "experience are outnumbered; invite more of them or fewer professionals"
            )
        findings.append(Finding(Severity.warning, "people.balance", None, None, ("participants", where, "count"), why))
    if first_lived is None:
        return findings
    if any(f.lived_experience for f in plan.facilitators):
        return findings
    names = _lived_names(plan)
    if any(n in lead.lower() for s in schedules for lead in _leads(s.items) for n in names):
        return findings
    findings.append(
        Finding(
            Severity.warning,
            "people.balance",
            None,
            None,
            ("participants", first_lived, "group"),
            "nobody with lived experience leads or co-leads anything; name them as `lead:` of an item "
            f"(like `lead: {groups[first_lived].group}, with {_a_facilitator(plan)}`), or add a peer "
            "facilitator with `lived_experience: true` under `facilitators:`",
        )
    )
    return findings


def _a_facilitator(plan: Plan) -> str:
    return plan.facilitators[0].name if plan.facilitators else "a facilitator"


# ---------------------------------------------------------------- thanks


def _thanks(plan: Plan) -> list[Finding]:
    return [
        Finding(
            Severity.warning,
            "people.thanks",
            None,
            None,
            ("participants", i, "group"),
            f"'{g.group}' give their time as people with lived experience but the plan does not say how they "
            "are thanked; add `thanks:` (what, when, how, travel, and a note for people on benefits) so "
            "nobody is out of pocket and everyone knows before they come",
        )
        for i, g in enumerate(plan.participants)
        if g.lived_experience and g.thanks is None
    ]


# ---------------------------------------------------------------- access


def _has_details(plan: Plan, w: Workshop) -> bool:
    return any(a is not None and a.sentences() for a in (plan.access, w.access))


def _has_adjustments(plan: Plan, w: Workshop) -> bool:
    return any(a is not None and a.adjustments for a in (plan.access, w.access))


def _access(plan: Plan) -> list[Finding]:
    missing = [(i, w) for i, w in enumerate(plan.workshops) if not _has_details(plan, w)]
    no_ask = [(i, w) for i, w in enumerate(plan.workshops) if _has_details(plan, w) and not _has_adjustments(plan, w)]
    findings: list[Finding] = []

    def warn(workshop: str | None, path: Loc, message: str) -> None:
        findings.append(Finding(Severity.warning, "people.access", workshop, None, path, message))

    if missing and len(missing) == len(plan.workshops) and len(missing) > 1:
        warn(
            None,
            ("title",),
            "no workshop says how people get in and take part; add `access:` at the top of the plan "
            "(step_free, hearing_loop, interpreters, captions, quiet_room, adjustments: how to ask for "
            "what you need); it is printed on every handout",
        )
    else:
        for i, w in missing:
            warn(
                w.id,
                ("workshops", i, "title"),
                f"'{w.title}' says nothing about access; add `access:` ({_access_keys(w)}) "
                "so people know before they come",
            )
    series_wide = [(i, w) for i, w in no_ask if w.access is None or not w.access.sentences()]
    if len(series_wide) > 1:  # the series' access is what every one of them prints: say it once, there
        warn(
            None,
            ("access",),
            "the access details do not say how to ask for an adjustment; add `adjustments:` under "
            "`access:`, like 'Tell Laura by the Friday before (07700 900000)'",
        )
        no_ask = [pair for pair in no_ask if pair not in series_wide]
    for i, w in no_ask:
        warn(
            w.id,
            ("workshops", i, "access") if w.access is not None else ("access",),
            f"'{w.title}' does not say how to ask for an adjustment; add `adjustments:` under `access:`, "
            "like 'Tell Laura by the Friday before (07700 900000)'",
        )
    return findings


def _access_keys(w: Workshop) -> str:
    if w.online:
        return "captions, joining by phone in `notes`, and `adjustments:` how to ask for what you need"
    return "step_free, hearing_loop, quiet_room, toilets, and `adjustments:` how to ask for what you need"


# ---------------------------------------------------------------- support


def _checks_out(item: Item) -> bool:
    return item.is_pause or item.kind in CHECK_OUT_KINDS or bool(CHECK_OUT_TAGS & set(item.tags))


def _support(plan: Plan, schedules: list[Schedule]) -> list[Finding]:
    findings: list[Finding] = []

    def warn(w: Workshop, item: int | None, path: Loc, message: str) -> None:
        findings.append(Finding(Severity.warning, "people.support", w.id, item, path, message))

    for w_index, sched in enumerate(schedules):
        w = sched.workshop
        sensitive = [t for t in sched.items if t.item.sensitive]
        if not (w.sensitive or sensitive):
            continue
        if not (plan.support or w.support):
            warn(
                w,
                None,
                ("workshops", w_index, "sensitive" if w.sensitive else "title"),
                f"'{w.title}' touches hard experiences but names nobody to talk to; add `support:` "
                "(name, role, phone: who people can talk to during and after)",
            )
        for t in sensitive:
            after = sched.items[t.index + 1] if t.index + 1 < len(sched.items) else None
            if after is None or not _checks_out(after.item):
                warn(
                    w,
                    t.index,
                    (*t.path, "sensitive"),
                    f"'{t.item.title}' touches hard experiences; follow it with a break or a check-out "
                    "so people can step back (try `use: tea-break` or `use: check-out` next)",
                )
        if w.sensitive and sched.items and not any(_checks_out(t.item) and not t.item.is_pause for t in sched.items):
            warn(
                w,
                None,
                ("workshops", w_index, "sensitive"),
                f"'{w.title}' touches hard experiences but does not end with a check-out; "
                "add one so nobody leaves upset (try `use: check-out`)",
            )
    return findings


# ---------------------------------------------------------------- feedback loop


def reports_back(item: Item) -> bool:
    """Does this item tell people what happened to what they said before?"""
    if REPORT_BACK_TAG in item.tags:
        return True
    return any(REPORT_BACK.search(text) for text in (item.title or "", item.handout or "", item.say or ""))


def _feedback_loop(schedules: list[Schedule]) -> list[Finding]:
    if len(schedules) < 2:
        return []
    reporting = [any(reports_back(t.item) for t in s.items) for s in schedules]
    findings: list[Finding] = []
    for index, sched in enumerate(schedules[:-1]):
        w = sched.workshop
        if w.heard and not any(reporting[index + 1 :]):
            findings.append(
                Finding(
                    Severity.info,
                    "people.feedback-loop",
                    w.id,
                    None,
                    ("workshops", index, "heard"),
                    f"what people said at '{w.title}' is never reported back: no later workshop has a "
                    "'you said, we did' item; add `use: you-said-we-did` to the next one",
                )
            )
    if not any(s.workshop.heard for s in schedules) and not any(reporting[1:]):
        second = schedules[1].workshop
        findings.append(
            Finding(
                Severity.info,
                "people.feedback-loop",
                second.id,
                None,
                ("workshops", 1, "title"),
                "no workshop after the first reports back what people said before; add "
                f"`use: you-said-we-did` to '{second.title}', and write what you heard under `heard:` "
                "after each workshop",
            )
        )
    return findings
