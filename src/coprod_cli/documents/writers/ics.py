"""calendar.ics: one event per dated workshop, in the plan's time zone, with stable UIDs."""

from __future__ import annotations

import hashlib
import os
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

from coprod_cli.documents.safe import calendar_url, one_line
from coprod_cli.plan.models import Plan
from coprod_cli.schedule import Schedule


def _stamp(revised: float | None) -> datetime:
    """DTSTAMP: when the plan was last revised (its file time), so unchanged plans give
    unchanged files; SOURCE_DATE_EPOCH wins for reproducible builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=UTC)
    if revised is not None:
        return datetime.fromtimestamp(int(revised), tz=UTC)
    return datetime.now(tz=UTC).replace(microsecond=0)


def event_uid(plan: Plan, workshop_id: str) -> str:
    """Stable across renders: the same series and workshop id give the same UID."""
    series = hashlib.sha256(plan.title.encode("utf-8")).hexdigest()[:16]
    return f"{workshop_id}-{series}@coprod"


def build_calendar(plan: Plan, schedules: list[Schedule], revised: float | None = None) -> bytes:
    cal = Calendar()
    cal.add("prodid", "-//coprod//co-production workshop planner//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", one_line(plan.title))  # an X- property is not escaped: no line breaks
    zone = ZoneInfo(plan.timezone) if plan.timezone else None
    stamp = _stamp(revised)
    for number, sched in enumerate(schedules, start=1):
        w = sched.workshop
        if w.date is None:
            continue
        event = Event()
        event.add("uid", event_uid(plan, w.id or str(number)))
        event.add("dtstamp", stamp)
        event.add("summary", one_line(f"{plan.title}: {w.title}"))
        if sched.start is None:
            event.add("dtstart", w.date)
            event.add("dtend", w.date + timedelta(days=1))
        else:
            start = datetime.combine(w.date, time(sched.start // 60, sched.start % 60), tzinfo=zone)
            minutes = max(sched.booked_minutes or 0, sched.total_minutes) or 60
            event.add("dtstart", start)
            event.add("dtend", start + timedelta(minutes=minutes))
        if w.venue:
            event.add("location", one_line(w.venue))
        lines = [f"Workshop {number} of {len(schedules)}."]
        lines += [f"- {goal}" for goal in w.goals]
        join = w.join
        if join is not None:
            joining = (("Join", join.link), ("Join by phone", join.dial_in), ("If joining fails", join.help))
            lines += [f"{label}: {value}" for label, value in joining if value]
        lines += [f"{name}: {url}" for name, url in w.links.items()]
        if plan.contact:
            lines.append(f"Contact: {plan.contact}")
        event.add("description", "\n".join(lines))
        candidates = [join.link] if join is not None and join.link else []
        web = [u for u in map(calendar_url, [*candidates, *w.links.values()]) if u]
        if web:  # a calendar client opens URL: only a web address may go there
            event.add("url", web[0])
        cal.add_component(event)
    if zone is not None:
        cal.add_missing_timezones()
    return cal.to_ical()
