"""Calendar files read back with icalendar: zones for the series' years, stable UIDs, updates, reminders."""

from __future__ import annotations

import os
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from helpers import EXAMPLES, run, write_tree

icalendar = pytest.importorskip("icalendar")

CARE = next(p for p in EXAMPLES if p.stem == "care-leavers")
SERIES = """\
title: {title}
uid: 3f9c2b1e-8d4a-4c55-9a0e-2f6b7c1d9e80
timezone: Europe/London
workshops:
  - id: kick-off
    title: {first}
    date: 2041-07-01
    start: 10:00
    end: 12:00
    venue: Town Hall
    agenda: [{{use: welcome-and-ground-rules}}, {{use: exit-words}}]
  - id: online-catch-up
    title: Catch up
    date: 2041-12-02
    start: 18:00
    length: 1h
    mode: online
    links: {{miro: "javascript:alert(1)", zoom: https://zoom.example/j/1}}
    agenda: [{{use: welcome-and-ground-rules}}, {{use: exit-words}}]
"""


def _render(folder: Path, title: str = "Spring series", first: str = "Kick-off", mtime: int | None = None):
    plan = write_tree(folder, {"coprod.yaml": SERIES.format(title=title, first=first)}) / "coprod.yaml"
    if mtime is not None:
        os.utime(plan, (mtime, mtime))
    result = run("render", "calendar", "-p", str(plan), "-o", str(folder / "out"))
    assert result.exit_code == 0, result.stderr
    return icalendar.Calendar.from_ical((folder / "out" / "calendar.ics").read_bytes())


@pytest.fixture(autouse=True)
def _no_fixed_epoch(monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)


def _offset_by_the_rules(zone, local: datetime) -> timedelta:
    """What a client that reads only the VTIMEZONE (not its own zone database) makes of a local time:
    the offset of the latest onset (DTSTART or RDATE) at or before it."""
    onsets = []
    for rule in zone.walk():
        if rule.name not in ("STANDARD", "DAYLIGHT"):
            continue
        times = [rule.decoded("dtstart")]
        rdates = rule.get("rdate", [])
        for group in rdates if isinstance(rdates, list) else [rdates]:
            times += [d.dt for d in group.dts]
        onsets += [(t.replace(tzinfo=None), rule.decoded("tzoffsetto")) for t in times]
    return max((o for o in onsets if o[0] <= local), default=(None, None))[1]


def test_time_zone_rules_cover_the_series_years(tmp_path: Path):
    cal = _render(tmp_path)
    [zone] = cal.walk("VTIMEZONE")
    # British Summer Time in July 2041 and Greenwich time in December, from the file alone
    assert _offset_by_the_rules(zone, datetime(2041, 7, 1, 10, 0)) == timedelta(hours=1)
    assert _offset_by_the_rules(zone, datetime(2041, 12, 2, 18, 0)) == timedelta(0)


def test_uids_survive_renaming_the_series_and_its_workshops(tmp_path: Path):
    before = _render(tmp_path / "a")
    after = _render(tmp_path / "b", title="Summer series", first="Getting started")
    uids = [str(e["uid"]) for e in before.walk("VEVENT")]
    assert uids == [str(e["uid"]) for e in after.walk("VEVENT")]
    assert uids[0] == "kick-off-3f9c2b1e-8d4a-4c55-9a0e-2f6b7c1d9e80@coprod"
    assert [str(e["summary"]) for e in after.walk("VEVENT")][0] == "Summer series: Getting started"


def test_an_updated_plan_gives_a_higher_sequence_and_a_later_last_modified(tmp_path: Path):
    old = _render(tmp_path / "a", mtime=1_900_000_000).walk("VEVENT")[0]
    new = _render(tmp_path / "b", mtime=1_900_000_000 + 3600).walk("VEVENT")[0]
    assert int(new["sequence"]) > int(old["sequence"]) >= 0
    assert new.decoded("last-modified") > old.decoded("last-modified")
    assert new.decoded("dtstamp") == new.decoded("last-modified")


def test_location_url_and_a_reminder_the_day_before(tmp_path: Path):
    in_person, online = _render(tmp_path).walk("VEVENT")
    assert str(in_person["location"]) == "Town Hall" and "url" not in in_person
    assert str(online["location"]) == "Online"
    assert str(online["url"]) == "https://zoom.example/j/1"  # the first web link; javascript: never
    for event in (in_person, online):
        [alarm] = event.walk("VALARM")
        assert str(alarm["action"]) == "DISPLAY" and alarm.decoded("trigger") == timedelta(days=-1)
        assert str(alarm["description"]).startswith("Tomorrow: ")


def test_one_invite_per_workshop_with_its_own_zone(tmp_path: Path):
    _render(tmp_path)
    series = icalendar.Calendar.from_ical((tmp_path / "out" / "calendar.ics").read_bytes())
    for n, event in enumerate(series.walk("VEVENT"), start=1):
        folder = next((tmp_path / "out").glob(f"{n:02d}-*"))
        invite = icalendar.Calendar.from_ical((folder / "invite.ics").read_bytes())
        [only] = invite.walk("VEVENT")
        assert str(only["uid"]) == str(event["uid"]) and only.decoded("dtstart") == event.decoded("dtstart")
        assert invite.walk("VTIMEZONE")
        assert str(only["description"]).startswith(f"Workshop {n} of 2.")


def test_new_series_plans_carry_a_uid_the_calendar_uses(tmp_path: Path):
    run("new", "series", str(tmp_path), "--title", "S", "--start", "2026-12-07")
    result = run("render", "calendar", "-p", str(tmp_path / "coprod.yaml"), "-o", str(tmp_path / "out"))
    assert result.exit_code == 1  # written, but a draft: the starter's "To fill in" texts are still there
    cal = icalendar.Calendar.from_ical((tmp_path / "out" / "calendar.ics").read_bytes())
    uid = (tmp_path / "coprod.yaml").read_text().split("uid: ", 1)[1].split()[0]
    assert all(str(e["uid"]).endswith(f"-{uid}@coprod") for e in cal.walk("VEVENT"))
