"""What can happen on the day, as events, and which events a key press makes.

An event is plain data with the run clock's time `t` (seconds after midnight). The record
file is a list of them; the state of the day is a fold over them (`state.fold`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from coprod_cli.live.state import LiveState

# start: ITEM begins now (the one before ends); skip: ITEM is skipped and the next begins now;
# adjust: ITEM gets MINUTES more (or fewer); accept: the suggested re-plan is taken;
# end: the last item is over; open/quit: the view was opened or closed (no change to the day).
TYPES = ("open", "start", "skip", "adjust", "pause", "resume", "accept", "end", "quit")

# The events that begin the day: until one of them, nothing has happened that a record should keep.
BEGINS = ("start", "skip", "end")

KEYS_HELP = "n next · b back · +/- a minute · p pause · s skip · a accept re-plan · q quit"


@dataclass(frozen=True)
class Event:
    type: str
    t: float
    item: int | None = None
    minutes: int | None = None
    cuts: dict[int, int] = field(default_factory=dict)
    drops: tuple[int, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"type": self.type, "t": round(self.t, 1)}
        if self.item is not None:
            data["item"] = self.item
        if self.minutes is not None:
            data["minutes"] = self.minutes
        if self.cuts:
            data["cuts"] = {str(k): v for k, v in self.cuts.items()}
        if self.drops:
            data["drops"] = list(self.drops)
        return data

    @classmethod
    def from_dict(cls, data: Any) -> Event:
        """An event from its JSON form; ValueError says what is wrong with it."""
        if not isinstance(data, dict) or data.get("type") not in TYPES:
            raise ValueError(f"not an event coprod knows (the type should be one of {', '.join(TYPES)})")
        t = data.get("t")
        if not isinstance(t, int | float) or isinstance(t, bool):
            raise ValueError("the event has no time 't'")
        item = data.get("item")
        minutes = data.get("minutes")
        for name, value in (("item", item), ("minutes", minutes)):
            if value is not None and (not isinstance(value, int) or isinstance(value, bool)):
                raise ValueError(f"'{name}' should be a whole number")
        try:
            cuts = {int(k): int(v) for k, v in (data.get("cuts") or {}).items()}
            drops = tuple(int(i) for i in data.get("drops") or ())
        except (TypeError, ValueError, AttributeError):
            raise ValueError("'cuts' and 'drops' should name items by number") from None
        return cls(data["type"], float(t), item, minutes, cuts, drops)


def begun(events: list[Event]) -> bool:
    """Whether anything was started: a run opened and quit before the first item is no run at all."""
    return any(e.type in BEGINS for e in events)


def key_events(state: LiveState, key: str, t: float) -> list[Event]:
    """The events one key press makes in this state (none when the key does nothing here)."""
    if key == "q":
        return [Event("quit", t)]
    if state.ended:
        return []
    current = state.current
    if key in ("n", " "):
        following = state.following()
        return [Event("start", t, item=following)] if following is not None else [Event("end", t)]
    if key == "b":
        before = state.before()
        return [Event("start", t, item=before)] if before is not None else []
    if key == "s":
        target = current if current is not None else state.following()
        return [Event("skip", t, item=target)] if target is not None else []
    if current is None:
        return []
    if key == "+":
        return [Event("adjust", t, item=current, minutes=1)]
    if key == "-":
        return [Event("adjust", t, item=current, minutes=-1)] if state.items[current].minutes > 1 else []
    if key == "p":
        return [Event("resume" if state.paused else "pause", t)]
    if key == "a":
        plan = state.replan()
        if plan is None or plan.empty:
            return []
        return [Event("accept", t, cuts=dict(plan.cuts), drops=plan.drops)]
    return []
