"""Before the day: what to do, what to bring to the room, and how to set up an online or hybrid workshop.

The workshop's mode decides the list. In person: the plan's `prepare` list, printing, the materials
to bring. Online: the plan's `prepare` list, an online set-up list (joining link tested, dial-in
checked, breakout rooms made, whiteboard frames ready, a co-host) and what to have ready on screen.
Hybrid: both.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from coprod_cli.plan.models import Item, OnlineVariant, Plan, Workshop
from coprod_cli.schedule import Schedule, TimedItem

NOTHING = ("none", "none needed", "nothing")
SET_UP_ONCE = ("breakout room", "co-host")


@dataclass(frozen=True)
class Checklist:
    todo: list[str]  # the plan's own `prepare` list, and printing for the room
    setup: list[str]  # online and hybrid: the online set-up list
    bring: list[str]  # to bring to the room, each with the items that use it
    ready: list[str]  # online and hybrid: what to have ready on screen


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


def online_setup(w: Workshop, items: list[Item]) -> list[str]:
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
    steps.append("Agree a co-host to let people in, watch the chat and help anyone who cannot connect")
    for name in w.links:
        steps.append(f"Check the link works for people outside your organisation: {name}")
    steps.append("Email the handout and agenda a week before: they say how to join and what to do if it fails")
    return steps


def checklist(plan: Plan, w: Workshop, sched: Schedule) -> Checklist:
    """The day's preparation for the workshop's mode."""
    items = list(_items(sched.items))
    todo = list(w.prepare)
    people = sum(g.count or 0 for g in plan.participants)
    if w.mode == "online":
        return Checklist(todo, online_setup(w, items), [], _gather(items, lambda i: _not_set_up(i.materials)))
    if people:
        for_whom = "one per participant" if w.mode == "in-person" else "for the people in the room"
        todo.append(f"Print {people} handouts and agendas ({for_whom})")
    if w.mode == "in-person":
        if w.links:
            todo.append("Send the links: " + ", ".join(w.links))
        return Checklist(todo, [], _gather(items, lambda i: i.materials), [])
    ready = _gather(items, lambda i: _not_set_up(v.materials) if (v := _variant(i)) else [])
    return Checklist(todo, online_setup(w, items), _gather(items, lambda i: i.materials), ready)
