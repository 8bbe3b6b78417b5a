"""Calendar files: calendar.ics for the series and an invite.ics per workshop.

What makes a re-sent file replace what people imported rather than add to it: a UID from the
series' `uid:` and the workshop id (so renaming either title keeps it), a SEQUENCE and
LAST-MODIFIED that grow with each revision of the plan, and a VTIMEZONE whose rules cover the
series' own dates (not only 1970-2038).
"""

from __future__ import annotations

import hashlib
import os
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from icalendar import Alarm, Calendar, Event

from coprod_cli.documents.safe import calendar_url, one_line
from coprod_cli.plan.models import Plan, Workshop
from coprod_cli.schedule import Schedule

# SEQUENCE counts minutes of revision from here, so each save of the plan gives a higher number.
_SEQUENCE_FROM = datetime(2020, 1, 1, tzinfo=UTC)


def _stamp(revised: float | None) -> datetime:
    """When the plan was last revised (its file time), so unchanged plans give unchanged files;
    SOURCE_DATE_EPOCH wins for reproducible builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=UTC)
    if revised is not None:
        return datetime.fromtimestamp(int(revised), tz=UTC)
    return datetime.now(tz=UTC).replace(microsecond=0)


def sequence(stamp: datetime) -> int:
    """The revision number of every event: minutes since 2020, never below 0."""
    return max(0, int((stamp - _SEQUENCE_FROM).total_seconds() // 60))


def event_uid(plan: Plan, workshop_id: str) -> str:
    """Stable across renders and renames: the series' `uid:` and the workshop id.

    A plan without `uid:` (written before `coprod new series` added one) falls back to its title.
    """
    series = plan.uid or hashlib.sha256(plan.title.encode("utf-8")).hexdigest()[:16]
    return f"{workshop_id}-{series}@coprod"


def join_link(workshop: Workshop) -> str | None:
    """The web address people join with: `join.link`, else the first web address among the links.
    A calendar client opens URL, so only a web address may go there."""
    candidates = [workshop.join.link] if workshop.join is not None and workshop.join.link else []
    return next((u for u in map(calendar_url, [*candidates, *workshop.links.values()]) if u), None)


def location(workshop: Workshop) -> str | None:
    if workshop.mode == "online":
        return "Online"
    if workshop.mode == "hybrid":
        return f"{workshop.venue} or online" if workshop.venue else "Online"
    return workshop.venue


def build_calendars(
    plan: Plan, numbered: list[tuple[int, Schedule]], revised: float | None = None
) -> tuple[bytes, dict[int, bytes]]:
    """The series' VCALENDAR, with an event (and a reminder the day before) per dated workshop, and
    an invitation of its own for each of them (by workshop number).

    `numbered`: each workshop's schedule with its number in the series (from 1), which the caller
    knows; looking it up here would scan the workshops before it for every event. Each event is
    made and laid out once, for the series and for its invitation."""
    zone = ZoneInfo(plan.timezone) if plan.timezone else None
    stamp = _stamp(revised)
    total = len(plan.workshops)
    events = {
        number: (sched.workshop.date, _event(plan, sched, number, total, zone, stamp))
        for number, sched in numbered
        if sched.workshop.date is not None
    }
    laid_out = {number: event.to_ical() for number, (_, event) in events.items()}
    series = _frame(plan, zone, list(events.values())) + b"".join(laid_out.values()) + _END
    same = _frame(plan, None, []) if zone is None else None  # without a zone every frame is the same
    invites = {number: (same or _frame(plan, zone, [events[number]])) + laid_out[number] + _END for number in events}
    return series, invites


_END = b"END:VCALENDAR\r\n"


def _frame(plan: Plan, zone: ZoneInfo | None, events: list[tuple[date, Event]]) -> bytes:
    """A VCALENDAR for `events` up to where they go (last, before its end): its properties and the
    time zones they need."""
    cal = Calendar()
    cal.add("prodid", "-//coprod//co-production workshop planner//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", one_line(plan.title))  # an X- property is not escaped: no line breaks
    if zone is not None and events:
        for _, event in events:  # the zones they need come from their times
            cal.add_component(event)
        dates = [day for day, _ in events]
        # Rules for the series' own years (the default stops in 2038), a day either side.
        cal.add_missing_timezones(min(dates) - timedelta(days=1), max(dates) + timedelta(days=2))
        cal.subcomponents = [c for c in cal.subcomponents if not isinstance(c, Event)]
    frame = cal.to_ical()
    assert frame.endswith(_END)
    return frame[: -len(_END)]


def _event(plan: Plan, sched: Schedule, number: int, total: int, zone: ZoneInfo | None, stamp: datetime) -> Event:
    w = sched.workshop
    assert w.date is not None
    event = Event()
    event.add("uid", event_uid(plan, w.id or str(number)))
    event.add("dtstamp", stamp)
    event.add("last-modified", stamp)
    event.add("sequence", sequence(stamp))
    event.add("summary", one_line(f"{plan.title}: {w.title}"))
    if sched.start is None:
        event.add("dtstart", w.date)
        event.add("dtend", w.date + timedelta(days=1))
    else:
        start = datetime.combine(w.date, time(sched.start // 60, sched.start % 60), tzinfo=zone)
        minutes = max(sched.booked_minutes or 0, sched.total_minutes) or 60
        event.add("dtstart", start)
        event.add("dtend", start + timedelta(minutes=minutes))
    where = location(w)
    if where:
        event.add("location", one_line(where))
    link = join_link(w)
    if link:
        event.add("url", link)
    lines = [f"Workshop {number} of {total}."]
    lines += [f"- {goal}" for goal in w.goals]
    if w.join is not None:
        joining = (("Join", w.join.link), ("Join by phone", w.join.dial_in), ("If joining fails", w.join.help))
        lines += [f"{label}: {value}" for label, value in joining if value]
    lines += [f"{name}: {url}" for name, url in w.links.items()]
    if plan.contact:
        lines.append(f"Contact: {plan.contact}")
    event.add("description", "\n".join(lines))
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", one_line(f"Tomorrow: {w.title}"))
    alarm.add("trigger", timedelta(days=-1))
    event.add_component(alarm)
    return event
