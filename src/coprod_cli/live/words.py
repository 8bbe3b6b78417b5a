"""The live view's sentences, shared by the terminal view and the report: one home for each wording."""

from __future__ import annotations

from coprod_cli.live.replan import Replan
from coprod_cli.plan.durations import format_clock, format_duration


def ahead_behind(minutes: int) -> str:
    if minutes > 0:
        return f"{format_duration(minutes)} behind"
    if minutes < 0:
        return f"{format_duration(-minutes)} ahead"
    return "on time"


def standing(behind: int, finish: int, deadline: int, booked: bool) -> tuple[str, str]:
    """'15 min ahead of the agenda', 'finish 14:08, 8 min past the booked end 14:00'.

    Ahead or behind is against the agenda as it stands (minutes given with + are part of it);
    the finish is against the end the day must keep to. When the two seem to disagree (ahead,
    yet finishing late: the + minutes pushed the agenda past the booking), the words say which is which.
    """
    late = finish - deadline
    where = ahead_behind(behind) + (" of the agenda" if behind < 0 and late > 0 else "")
    end, at = "booked" if booked else "planned", format_clock(deadline)
    if late > 0:
        return where, f"finish {format_clock(finish)}, {format_duration(late)} past the {end} end {at}"
    return where, f"finish {format_clock(finish)}" + (f" (booked to {at})" if booked else "")


def signed(minutes: int) -> str:
    """'+7 min', '-1h 5m': a difference from the plan, in the house's durations."""
    return ("+" if minutes > 0 else "") + format_duration(minutes)


def replan_sentence(plan: Replan, titles: dict[int, str]) -> str:
    """'take 5 min from Dot voting, 3 from Gallery walk; drop Recap of the day (10 min); still 4 min over'."""
    parts: list[str] = []
    cuts = sorted(plan.cuts.items(), key=lambda kv: kv[0])
    if cuts:
        pieces = [f"{m} min from {titles[i]}" if n == 0 else f"{m} from {titles[i]}" for n, (i, m) in enumerate(cuts)]
        parts.append("take " + ", ".join(pieces))
    if plan.drops:
        parts.append("drop " + ", ".join(titles[i] for i in plan.drops))
    if plan.over:
        parts.append(f"still {format_duration(plan.over)} over" if parts else f"{format_duration(plan.over)} over")
    return "; ".join(parts) if parts else "nothing to change"


def clock_seconds(seconds: float) -> str:
    whole = int(seconds)
    return f"{format_clock(whole // 60)}:{whole % 60:02d}"


def countdown(seconds: float) -> str:
    """'12:05' left, or '-3:10' over."""
    sign = "-" if seconds < 0 else ""
    whole = int(abs(seconds))
    return f"{sign}{whole // 60}:{whole % 60:02d}"
