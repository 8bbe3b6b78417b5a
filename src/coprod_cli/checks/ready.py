"""Ready to send: what a handout would go out without (a contact, a venue, a joining link, a date) and the
placeholder texts a starter plan left behind. Each finding points at the plan line to fill in."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from coprod_cli.findings import Finding, Loc, Severity
from coprod_cli.language.messages import short_date
from coprod_cli.plan.models import Plan, Workshop
from coprod_cli.plan.placeholders import placeholder_in
from coprod_cli.plan.source import SourceMap

if TYPE_CHECKING:
    import datetime as dt

    from coprod_cli.checks import Context

EMAIL = re.compile(r"[^\s@()<>,;]+@[^\s@()<>,;]+\.[A-Za-z]{2,}")
PHONE = re.compile(r"\+?\d[\d ()-]{6,}\d")  # at least 8 digits' worth: 0300 000 0000, +44 20 7946 0000
WEB = re.compile(r"https?://\S+")


def run(ctx: Context) -> list[Finding]:
    plan = ctx.loaded.plan
    findings = _placeholders(plan, ctx.loaded.source) + _contact(plan)
    for index, w in enumerate(plan.workshops):
        findings += _workshop(index, w, ctx.today)
    findings += _offline(plan)
    return findings


def reachable(contact: str) -> bool:
    """Whether a contact line says how to reach someone: an email, a phone number or a web address."""
    return bool(EMAIL.search(contact) or PHONE.search(contact) or WEB.search(contact))


def _step(value: Any, part: str | int) -> Any:
    if isinstance(value, dict):
        return value.get(part)
    if isinstance(value, list):
        return value[part] if isinstance(part, int) and part < len(value) else None
    return getattr(value, str(part), None) if value is not None else None


def _placeholders(plan: Plan, source: SourceMap) -> list[Finding]:
    """Starter placeholders still in the plan, only where the plan itself has them written."""
    findings = []
    workshop_ids = [w.id for w in plan.workshops]
    for path, text in source.texts(plan, _step):  # read from the resolved plan
        found = placeholder_in(text)
        if found is None:
            continue
        workshop = workshop_ids[path[1]] if path[0] == "workshops" and isinstance(path[1], int) else None
        item = path[3] if len(path) > 3 and path[2] == "agenda" and isinstance(path[3], int) else None
        findings.append(
            Finding(
                Severity.warning,
                "ready.placeholder",
                workshop,
                item,
                path,
                f"still says '{found}' from the starter plan; write your own words here",
            )
        )
    return findings


def _contact(plan: Plan) -> list[Finding]:
    if not plan.contact:
        path: Loc = ("title",)
        message = (
            "there is no contact, so handouts do not say who to ask; add a line like "
            "'contact: Sam Reid, 07700 900123, sam@example.org'"
        )
    elif not reachable(plan.contact):
        path = ("contact",)
        message = f"the contact '{plan.contact}' has no phone number or email, so people cannot reach them; add one"
    else:
        return []
    return [Finding(Severity.warning, "ready.contact", None, None, path, message)]


def _workshop(index: int, w: Workshop, today: dt.date) -> list[Finding]:
    path: Loc = ("workshops", index)
    findings = []
    if w.mode != "in-person" and (w.join is None or not w.join.link):
        findings.append(
            Finding(
                Severity.warning,
                "ready.join-link",
                w.id,
                None,
                (*path, "join") if w.join is not None else (*path, "mode"),
                f"'{w.title}' is {w.mode} but has no joining link, so participants cannot join; add "
                "'join: {link: https://..., dial_in: ..., help: what to do if it fails}'",
            )
        )
    if w.mode != "online" and not w.venue:
        findings.append(
            Finding(
                Severity.warning,
                "ready.venue",
                w.id,
                None,
                (*path, "title"),
                f"'{w.title}' has no venue, so participants do not know where to go; add 'venue: ...'",
            )
        )
    if w.date is None or w.start is None:
        missing = " or ".join(name for name, value in (("date", w.date), ("start time", w.start)) if value is None)
        findings.append(
            Finding(
                Severity.warning,
                "ready.date",
                w.id,
                None,
                (*path, "title"),
                f"'{w.title}' has no {missing}, so handouts cannot say when it is; add it",
            )
        )
    elif w.date < today:
        findings.append(
            Finding(
                Severity.info,
                "ready.date",
                w.id,
                None,
                (*path, "date"),
                f"'{w.title}' was on {short_date(w.date)}, which has passed; "
                "if this plan is for new workshops, change the date",
            )
        )
    return findings


def _offline(plan: Plan) -> list[Finding]:
    """Activities that say they do not work online, in an online workshop."""
    findings = []
    for index, w in enumerate(plan.workshops):
        if w.mode != "online":
            continue
        for i, item in enumerate(w.agenda):
            if item.online is False:
                findings.append(
                    Finding(
                        Severity.warning,
                        "ready.online",
                        w.id,
                        i,
                        ("workshops", index, "agenda", i),
                        f"'{item.title}' does not work online; choose another activity "
                        "(`coprod library list --online`)",
                    )
                )
    return findings
