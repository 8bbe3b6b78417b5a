"""Cross-references inside a plan: workshop ids, `use:` activities, principles, flex.

Pure functions over validated models. Each problem is returned as (path, message) so the
loader can pin it to a line; resolved items get every field of the activity they use.
"""

from __future__ import annotations

import re
from collections import ChainMap
from collections.abc import Mapping

from pydantic import ConfigDict

from coprod_cli.plan.base import KindField
from coprod_cli.plan.durations import format_clock
from coprod_cli.plan.frameworks import FRAMEWORKS, all_principle_ids
from coprod_cli.plan.models import (
    ACTIVITY_FIELDS,
    Activity,
    Item,
    OnlineVariant,
    Plan,
    Step,
    Workshop,
)
from coprod_cli.plan.online import VARIANT_FIELDS
from coprod_cli.plan.suggest import did_you_mean

Problem = tuple[tuple[str | int, ...], str]


class ResolvedItem(Item):
    """An agenda item once `use:` and shorthands are resolved: its title and kind are always there."""

    # Made only by `resolved`, never validated: pydantic builds its validator if ever asked, not at
    # every start-up (some 2 ms).
    model_config = ConfigDict(defer_build=True)

    title: str
    kind: KindField


def resolved(item: Item) -> ResolvedItem:
    """`item` as a ResolvedItem (itself when it already is one); a `use:` not yet resolved is a bug."""
    if isinstance(item, ResolvedItem):
        return item
    if item.title is None or item.kind is None:
        raise ValueError(f"the agenda item using '{item.use}' has not been resolved")
    # What model_construct does, less its per-field work (a tenth of checking a big plan): the
    # fields, the set the user wrote and the private per-person sum, carried across as they are.
    out = ResolvedItem.__new__(ResolvedItem)
    object.__setattr__(out, "__dict__", dict(item.__dict__))
    object.__setattr__(out, "__pydantic_fields_set__", set(item.model_fields_set))
    object.__setattr__(out, "__pydantic_extra__", None)
    object.__setattr__(out, "__pydantic_private__", dict(item.__pydantic_private__ or {}))
    return out


def slugify(text: str, limit: int = 48) -> str:
    """'An Introduction to Service Design' -> 'an-introduction-to-service-design'."""
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug[:limit].rstrip("-")


def resolve_plan(plan: Plan, library: Mapping[str, Activity]) -> list[Problem]:
    """Fill ids and `use:` references in place; return every problem found."""
    problems: list[Problem] = []
    catalog = ChainMap(plan.activities, library)  # type: ignore[arg-type]  # read only; the plan's own first
    principles = FRAMEWORKS[plan.framework].ids() if plan.framework else all_principle_ids()
    framework_name = f"the '{plan.framework}' framework" if plan.framework else "any framework"

    def check_principles(names: list[str], path: tuple[str | int, ...]) -> None:
        for i, name in enumerate(names):
            if name not in principles:
                problems.append(
                    (
                        (*path, "principles", i),
                        f"'{name}' is not a principle of {framework_name}{did_you_mean(name, principles)}",
                    )
                )

    counts = {
        "person": sum(g.count for g in plan.participants if g.count) if all(g.count for g in plan.participants) else 0,
        "group": len(plan.participants),
    }
    for key, activity in plan.activities.items():
        check_principles(activity.principles, ("activities", key))
        if activity.per is None and activity.flex is not None and activity.flex > activity.duration:
            problems.append((("activities", key, "flex"), _flex_message(activity.flex, activity.duration)))

    seen: dict[str, int] = {}
    for w_index, workshop in enumerate(plan.workshops):
        w_path: tuple[str | int, ...] = ("workshops", w_index)
        if workshop.id is None:
            workshop.id = slugify(workshop.title) or f"workshop-{w_index + 1}"
            id_path = (*w_path, "title")
        else:
            id_path = (*w_path, "id")
        if workshop.id in seen:
            problems.append(
                (
                    id_path,
                    f"two workshops have the id '{workshop.id}' (the other is workshop "
                    f"{seen[workshop.id] + 1}); give this one its own 'id:'",
                )
            )
        seen.setdefault(workshop.id, w_index)
        problems.extend(_booking_problems(workshop, w_path))
        for i_index, item in enumerate(workshop.agenda):
            _resolve_item(
                item, (*w_path, "agenda", i_index), catalog, check_principles, problems, counts, workshop.mode
            )
        _settle(workshop.agenda)
    return problems


def rescale_steps(steps: list[Step], minutes: int) -> list[Step]:
    """Steps stretched or squeezed to add up to `minutes` (whole minutes, largest remainder)."""
    timed = [s.duration for s in steps if s.duration]
    old = sum(timed)
    if not old or len(timed) > minutes:
        return list(steps)
    shares = [(s.duration or 0) * minutes / old for s in steps]
    new = [max(int(share), 1) if s.duration else 0 for share, s in zip(shares, steps, strict=True)]
    order = sorted(range(len(steps)), key=lambda i: shares[i] - int(shares[i]), reverse=True)
    short = minutes - sum(new)
    for i in order:
        if short <= 0:
            break
        if steps[i].duration:
            new[i] += 1
            short -= 1
    while sum(new) > minutes:  # the one-minute floor overshot: take from the longest
        longest = max(range(len(new)), key=lambda i: new[i])
        new[longest] -= 1
    return [s.model_copy(update={"duration": d or None}) for s, d in zip(steps, new, strict=True)]


def _settle(agenda: list[Item]) -> None:
    """Make each resolved item a ResolvedItem, tracks too; unresolved ones stay for the error.

    The items are the plan's own, just validated, so each becomes one where it stands: the same
    object, its class changed (a copy each, as `resolved` makes, cost a tenth of resolving a big plan).
    """
    for item in agenda:
        for track in item.tracks:
            _settle(track.agenda)
        if item.title is not None and item.kind is not None:
            object.__setattr__(item, "__class__", ResolvedItem)


def _booking_problems(workshop: Workshop, path: tuple[str | int, ...]) -> list[Problem]:
    if workshop.end is not None and workshop.length is not None:
        return [((*path, "length"), "give either 'end' or 'length', not both")]
    if workshop.end is not None and workshop.start is None:
        return [((*path, "end"), "'end' needs a 'start' time too")]
    if workshop.end is not None and workshop.start is not None and workshop.end <= workshop.start:
        end, start = format_clock(workshop.end), format_clock(workshop.start)
        return [((*path, "end"), f"'end' ({end}) must be after 'start' ({start}), on the 24-hour clock")]
    return []


def _flex_message(flex: int, duration: int) -> str:
    return f"'flex' ({flex} min) cannot be more than the item's duration ({duration} min)"


def _apply_online(item: Item, written: set[str], own: OnlineVariant | None, library: OnlineVariant | None, mode: str):
    """Merge the item's own `online:` over its activity's; in an online workshop the variant's texts then replace
    the in-person ones. What the item writes for itself beats its activity's variant; its own `online:` beats all.
    The Easy Read line is left to `easy_line`: it follows whichever handout is shown."""
    if own is not None and library is not None:
        item.online = library.model_copy(update={k: getattr(own, k) for k in own.model_fields_set})
    variant = item.online
    if mode != "online" or not isinstance(variant, OnlineVariant):
        return
    own_fields = own.model_fields_set if own is not None else set()
    for name in VARIANT_FIELDS:
        if name != "easy" and name in variant.model_fields_set and (name in own_fields or name not in written):
            setattr(item, name, getattr(variant, name))
            if name == "steps" and item.duration:
                item.steps = rescale_steps(item.steps, item.duration)


HANDOUT_TEXTS = ("handout", "easy")


def easy_line(layers: list[Mapping[str, str | None]]) -> str | None:
    """The Easy Read line that goes with the handout shown. `layers` are what each source sets of `handout`
    and `easy`, weakest first: the activity, its online variant, the plan's item, the item's own `online:`.
    A layer's easy line wins; a layer that changes the handout's words without one leaves no line (the
    title stands in), and one that repeats the same words keeps the line that fits them."""
    handout = easy = None
    for layer in layers:
        if "easy" in layer:
            easy = layer["easy"]
        elif "handout" in layer and layer["handout"] != handout:
            easy = None
        handout = layer.get("handout", handout)
    return easy


def _texts(source: Activity | Item | OnlineVariant | None, fields: set[str]) -> dict[str, str | None]:
    return {name: getattr(source, name) for name in HANDOUT_TEXTS if name in fields}


def _resolve_item(
    item: Item, path, catalog, check_principles, problems: list[Problem], counts, mode: str, nested=False
) -> None:
    written = set(item.model_fields_set)  # before merging: setattr adds to the set
    own_online = item.online if isinstance(item.online, OnlineVariant) else None
    plan_texts = _texts(item, written)
    activity = None
    if item.use is not None:
        activity = catalog.get(item.use)
        if activity is None:
            problems.append(
                (
                    (*path, "use"),
                    f"there is no activity '{item.use}' in the library or the plan's "
                    f"'activities'{did_you_mean(item.use, catalog)} "
                    "(see `coprod library list`)",
                )
            )
            return
        # What setattr does for each field (a tenth of resolving a big plan), in one go: the value, and
        # the name among the fields set.
        inherited = {name: activity.__dict__[name] for name in ACTIVITY_FIELDS if name not in written}
        item.__dict__.update(inherited)
        item.__pydantic_fields_set__.update(inherited)
        if "duration" in written and item.duration != activity.duration:
            # Inherited steps and flex follow the new length; the user never wrote them.
            minutes = item.duration or activity.duration
            if "steps" not in written:
                item.steps = rescale_steps(activity.steps, minutes)
            if "flex" not in written and activity.flex:
                item.flex = (activity.flex * minutes) // activity.duration or None
        if "duration" in written and "per" not in written:
            item.per = None  # a length written beside `use:` is the whole length
    if item.per is not None and item.duration is not None:
        if not counts[item.per]:
            what = "each group's 'count:'" if item.per == "person" else "the groups"
            problems.append(
                (
                    (*path, "duration"),
                    f"'{item.duration} min per {item.per}' needs {what} under 'participants:' to add up; "
                    "write them there, or give the whole length",
                )
            )
        else:
            item.scale(item.duration, counts[item.per])
    library = activity.online if activity is not None and isinstance(activity.online, OnlineVariant) else None
    _apply_online(item, written, own_online, library, mode)
    online = mode == "online"
    if activity is not None or own_online is not None:  # else the item's own texts are the only layer
        easy = easy_line(
            [
                _texts(activity, set(HANDOUT_TEXTS) if activity else set()),
                _texts(library, library.model_fields_set if library and online else set()),
                plan_texts,
                _texts(own_online, own_online.model_fields_set if own_online and online else set()),
            ]
        )
        if easy != item.easy:
            item.easy = easy
    if "principles" in written:
        check_principles(item.principles, path)
    if item.flex is not None and item.duration is not None and item.flex > item.duration:
        problems.append(((*path, "flex"), _flex_message(item.flex, item.duration)))
    if nested and item.tracks:
        problems.append(((*path, "tracks"), "a track's agenda cannot split into tracks again"))
        return
    if nested and item.at is not None:
        problems.append(((*path, "at"), "items inside a track cannot be pinned; pin the whole split item instead"))
    for t_index, track in enumerate(item.tracks):
        for s_index, sub in enumerate(track.agenda):
            _resolve_item(
                sub,
                (*path, "tracks", t_index, "agenda", s_index),
                catalog,
                check_principles,
                problems,
                counts,
                mode,
                True,
            )
