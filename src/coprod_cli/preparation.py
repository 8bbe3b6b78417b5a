"""Before the day: what to do, what to bring to the room, and how to set up an online or hybrid workshop.

The workshop's mode decides the list. In person: the plan's `prepare` list, printing, the materials
to bring. Online: the plan's `prepare` list, an online set-up list (joining link tested, dial-in
checked, breakout rooms made, whiteboard frames ready, a co-host) and what to have ready on screen.
Hybrid: both.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from coprod_cli.plan.models import Item, OnlineVariant, Plan, Workshop
from coprod_cli.schedule import Schedule, TimedItem

NOTHING = ("none", "none needed", "nothing")
SPARE_SHARE = 0.1  # spare handouts, badges and sign-in rows: a tenth more, and at least MIN_SPARES
MIN_SPARES = 2
SET_UP_ONCE = ("breakout room", "co-host")
# A facilitator whose role names a host ("online host", "Zoom host", "co-host") runs the meeting with the lead;
# the word before "host" tells a whiteboard's host ("Miro host"), who does not let people in, apart.
HOST = re.compile(r"(?:(\w+)[ -])?\b(?:co-?)?hosts?\b")
BOARD_HOSTS = ("miro", "mural", "whiteboard", "board", "jamboard")


@dataclass(frozen=True)
class Checklist:
    todo: list[str]  # the plan's own `prepare` list, and printing for the room
    setup: list[str]  # online and hybrid: the online set-up list
    bring: list[str]  # to bring to the room, each with the items that use it
    ready: list[str]  # online and hybrid: what to have ready on screen


@dataclass(frozen=True)
class PrintCounts:
    """How many of each printed thing a workshop needs: everyone expected, and spares."""

    participants: int
    facilitators: int
    spares: int

    @property
    def copies(self) -> int:
        return self.participants + self.facilitators + self.spares

    def why(self) -> str:
        people = f"{self.facilitators} facilitator{'s' if self.facilitators != 1 else ''}"
        return f"{self.participants} participants, {people} and {self.spares} spare"


def print_counts(plan: Plan) -> PrintCounts | None:
    """Copies of handouts, badges and sign-in rows from the plan's counts; None when it gives none."""
    participants = sum(g.count or 0 for g in plan.participants)
    if not participants:
        return None
    facilitators = len(plan.facilitators)
    spares = max(MIN_SPARES, -(-(participants + facilitators) // int(1 / SPARE_SHARE)))
    return PrintCounts(participants, facilitators, spares)


def _items(timed: Iterable[TimedItem]) -> Iterable[Item]:
    for t in timed:
        yield t.item
        for track in t.tracks:
            yield from _items(track.items)


def _gather(items: list[Item], materials: Callable[[Item], list[str]]) -> list[str]:
    """Every material once, in first-use order, with the titles of the items that need it."""
    seen: dict[str, list[str]] = {}
    names: dict[str, str] = {}
    for item in items:
        for material in materials(item):
            key = material.strip().lower()
            if key in NOTHING:
                continue
            names.setdefault(key, material.strip())
            seen.setdefault(key, []).append(item.title or "")
    return [
        f"{names[key][:1].upper()}{names[key][1:]} (for {', '.join(dict.fromkeys(used))})" for key, used in seen.items()
    ]


def _not_set_up(materials: list[str]) -> list[str]:
    """Online materials the set-up list does not already cover (breakout rooms and a co-host are set up once)."""
    return [m for m in materials if not any(word in m.lower() for word in SET_UP_ONCE)]


def _variant(item: Item) -> OnlineVariant | None:
    return item.online if isinstance(item.online, OnlineVariant) else None


def _online_words(item: Item) -> str:
    """Everything an item says about how it runs online, lower-cased, to spot breakout rooms and boards."""
    variant = _variant(item)
    parts = [item.groups or "", *item.materials]
    if variant is not None:
        parts += [variant.how or "", variant.groups or "", *variant.materials]
    return " ".join(parts).lower()


def _titles(items: list[Item], *words: str) -> str:
    return ", ".join(dict.fromkeys(i.title or "" for i in items if any(w in _online_words(i) for w in words)))


def hosts(plan: Plan) -> list[str]:
    """'Jo Hart (online host)' for each facilitator the plan names to host the meeting."""
    return [
        f"{f.name} ({f.role})"
        for f in plan.facilitators
        if f.role and any(m.group(1) not in BOARD_HOSTS for m in HOST.finditer(f.role.lower()))
    ]


def _co_host(plan: Plan) -> str:
    """The co-host step: agree one, or, when the plan names one already, make them co-host of the meeting."""
    duties = "to let people in, watch the chat and help anyone who cannot connect"
    named = hosts(plan)
    if not named:
        return f"Agree a co-host {duties}"
    return f"Make {' and '.join(named)} co-host{'s' if len(named) > 1 else ''} of the meeting, {duties}"


def online_setup(plan: Plan, w: Workshop, items: list[Item]) -> list[str]:
    """The online set-up list: joining, dial-in, breakout rooms, the whiteboard, a co-host, sending."""
    join = w.join
    steps = []
    if join is not None and join.link:
        steps.append(f"Test the joining link from a second device: {join.link}")
    else:
        steps.append("Set up the online meeting and put its joining link on the handout (join: link in the plan)")
    if join is not None and join.dial_in:
        steps.append(f"Ring the dial-in number to check it works: {join.dial_in}")
    else:
        steps.append("Get a dial-in number for anyone joining by phone (join: dial_in in the plan)")
    rooms = _titles(items, "breakout")
    if rooms:
        steps.append(f"Plan the breakout rooms (sizes, who goes where) and practise opening them (for {rooms})")
    boards = _titles(items, "whiteboard", "miro", "frame")
    if boards:
        steps.append(f"Set up the whiteboard frames and check everyone can edit them (for {boards})")
    steps.append(_co_host(plan))
    for name in w.links:
        steps.append(f"Check the link works for people outside your organisation: {name}")
    steps.append("Email the handout and agenda a week before: they say how to join and what to do if it fails")
    return steps


def _people(plan: Plan, w: Workshop, items: list[Item]) -> list[str]:
    """What the people in the room need ready: the thank-you, the interpreters, someone to talk to."""
    todo = []
    paid = [g for g in plan.participants if g.thanks is not None]
    if paid:
        whom = ", ".join(f"{g.count} {g.group.lower()}" if g.count else g.group for g in paid)
        verb = "Arrange" if w.mode == "online" else "Bring"
        receipt = ", and a receipt for each" if any(g.thanks and g.thanks.paid for g in paid) else ""
        todo.append(f"{verb} the thank-you for {whom}{receipt}")
    interpreters = [i for a in (plan.access, w.access) if a is not None for i in a.interpreters]
    if interpreters:
        todo.append(f"Confirm the interpreters ({', '.join(interpreters)}) and send them the agenda")
    if w.sensitive or any(i.sensitive for i in items):
        who = ", ".join(c.name for c in (*w.support, *plan.support)) or "someone"
        todo.append(f"This workshop touches hard experiences: make sure {who} is free to talk, during and after")
    return todo


def checklist(plan: Plan, w: Workshop, sched: Schedule) -> Checklist:
    """The day's preparation for the workshop's mode."""
    items = list(_items(sched.items))
    todo = list(w.prepare) + _people(plan, w, items)
    if w.mode == "online":
        return Checklist(todo, online_setup(plan, w, items), [], _gather(items, lambda i: _not_set_up(i.materials)))
    counts = print_counts(plan)
    if counts:
        n = counts.copies
        room = "" if w.mode == "in-person" else "for the people in the room: "
        # The plan counts people, not where they join from: say so rather than guess how many are in the room.
        online = (
            ""
            if w.mode == "in-person"
            else "; this counts anyone joining online too: print fewer if you know how many will"
        )
        todo.insert(
            len(w.prepare),
            f"Print {room}{n} handouts and {n} agendas, {n} name badges and a sign-in sheet with {n} rows "
            f"({counts.why()}{online}); `coprod render paperwork` makes the badges, forms and receipts",
        )
    if w.mode == "in-person":
        if w.links:
            todo.append("Send the links: " + ", ".join(w.links))
        return Checklist(todo, [], _gather(items, lambda i: i.materials), [])
    ready = _gather(items, lambda i: _not_set_up(v.materials) if (v := _variant(i)) else [])
    return Checklist(todo, online_setup(plan, w, items), _gather(items, lambda i: i.materials), ready)
