"""After a render: files from earlier renders that no longer match what this one was made from.

A file coprod wrote that this render did not write, made from another plan (or coprod version,
templates, print size), could pass as current: a PDF with last month's venue. One of a document
this render made in other formats (a sibling) is removed when nobody edited it, as the plan
still makes it and one render remakes it; any other is named (`--clean` removes it). A draft
render (the plan is not ready) removes none of them: it names them as out of date, as the last
finished version may still be needed until the plan is ready again. A
NAME.new.EXT left beside a file that is coprod's own again is removed too. Files of unknown
origin (from before origins were kept) are left and nothing is said about them.
"""

from __future__ import annotations

import contextlib
from dataclasses import replace
from pathlib import Path

from coprod_cli.documents.origin import Origin, made_from, why_different
from coprod_cli.documents.record import Outcome, Record, beside, digest

# Outcomes of the documents this render made: in place now, as coprod wrote them.
_OURS_NOW = ("written", "overwritten", "unchanged")
_DOCUMENTS = (*_OURS_NOW, "kept-edited", "kept-foreign", "new-beside")
SHOWN = 5  # more files left from an older render than this are named together, by folder


def settle(
    record: Record,
    outcomes: list[Outcome],
    origin: Origin,
    plan_lines: list[str],
    before: dict[str, str],
    clean: bool,
    keep: bool = False,
) -> list[Outcome]:
    """The outcomes with each new version's reason, then the leftovers dealt with (the record kept in
    step); `keep` (a draft render): a leftover that would be removed is kept and named instead."""
    outcomes = [_explained(record, o, origin, plan_lines) for o in outcomes]
    mark(record, outcomes, origin)
    outcomes += _tidy_beside(record, outcomes)
    return outcomes + _older(record, outcomes, before, origin, clean, keep)


def origins_before(record: Record) -> dict[str, str]:
    """What each file was made from before this render; for a file only in the journal (a render was
    killed), what the journal says that render used (unknown in a journal from before origins)."""
    record.recover()
    return dict(record.made_from)


def mark(record: Record, outcomes: list[Outcome], origin: Origin | None) -> None:
    """Note what the files now in place were made from (also after a render stopped part-way)."""
    rels = [o.path for o in outcomes if o.status in _OURS_NOW]
    record.made(rels + [o.note for o in outcomes if o.status == "new-beside"], origin)


def _explained(record: Record, o: Outcome, origin: Origin, plan_lines: list[str]) -> Outcome:
    """A new version beside an edited file, with why it differs from what that file was made from."""
    if o.status != "new-beside" or o.changed:
        return o
    return replace(o, changed=why_different(record.origin(o.path), origin, plan_lines))


def _tidy_beside(record: Record, outcomes: list[Outcome]) -> list[Outcome]:
    """Remove NAME.new.EXT that coprod wrote, unedited, once NAME.EXT is coprod's own again."""
    removed = []
    for rel in (beside(o.path) for o in outcomes if o.status in _OURS_NOW):
        if rel not in record.known:
            continue
        path = record.inside(rel)
        if path.is_file() and not record.ours(rel, digest(path.read_bytes())):
            continue  # someone edited the new version: theirs to delete
        path.unlink(missing_ok=True)
        record.forget(rel)
        removed.append(Outcome(rel, "beside-removed"))
    return removed


def _stem(rel: str) -> str:
    return rel.rpartition(".")[0] or rel


def _older(
    record: Record, outcomes: list[Outcome], before: dict[str, str], origin: Origin, clean: bool, keep: bool
) -> list[Outcome]:
    """Files this render did not write, made from something else than it was: removed or named."""
    documents = [o for o in outcomes if o.status in _DOCUMENTS]
    handled = {o.path for o in outcomes} | {beside(o.path) for o in documents}
    folders = tuple(o.path for o in outcomes if o.path.endswith("/"))  # stale folders are named already
    siblings: dict[str, list[Outcome]] = {}
    for o in documents:
        siblings.setdefault(_stem(o.path), []).append(o)
    found = []
    for rel in sorted(record.now):
        key = record.made_from.get(rel)
        if key is None or key == origin.key or rel in handled or rel.startswith(folders):
            continue
        family = siblings.get(_stem(rel), [])
        if any(o.status == "unchanged" and before.get(o.path) == key for o in family):
            record.made([rel], origin)  # made in another format from the same origin, it came out the same
            continue
        path = record.inside(rel)
        if not path.is_file():
            record.forget(rel)
            continue
        why = made_from(record.origins[key], origin)
        ours = record.ours(rel, digest(path.read_bytes()))
        if ours and family and keep:
            found.append(Outcome(rel, "draft-kept", why))  # the last finished version: not current, not lost
        elif ours and (family or clean):
            path.unlink()
            record.forget(rel)
            found.append(Outcome(rel, "superseded", why))
            if path.parent != record.out_dir.resolve():
                with contextlib.suppress(OSError):  # a workshop folder with nothing left in it goes too
                    path.parent.rmdir()
        else:
            found.append(Outcome(rel, "older-sibling" if family else "older", why))
    return found


def older_warnings(folder: Path, outcomes: list[Outcome]) -> list[str]:
    """Plain lines naming what was removed as superseded and what was left from an older render."""
    from coprod_cli.documents.render import FORMATS

    def again(rel: str) -> str:
        ext = rel.rpartition(".")[2]
        if ext == "ics":
            return "render calendar"
        return f"render with -f {ext}" if ext in FORMATS else "render again"

    lines = []
    removed: dict[tuple[str, str], list[str]] = {}
    for o in outcomes:
        if o.status == "superseded":
            removed.setdefault((o.note, again(o.path)), []).append(str(folder / o.path))
    for (why, how), paths in removed.items():
        if len(paths) == 1:
            lines.append(f"removed {paths[0]}: it {why}; {how} to make it again")
        else:
            shown = ", ".join(paths[:SHOWN]) + (f" and {len(paths) - SHOWN} more" if len(paths) > SHOWN else "")
            lines.append(
                f"removed {len(paths)} files that {why.replace('was ', 'were ', 1)} ({shown}); {how} to make them again"
            )
    lines += [
        f"warning: {folder / o.path} {o.note} and was edited by hand, so it was kept: delete it, or "
        f"{again(o.path)} --force to replace it (until then render exits 1)"
        for o in outcomes
        if o.status == "older-sibling"
    ]
    older = [o for o in outcomes if o.status == "older"]
    if len(older) > SHOWN:
        lines.append(
            f"warning: {len(older)} files in {folder}/ {_were(older)} and this render did not update them "
            f"({_where(older)}): render them again, or `coprod render --clean` removes them (files you edited stay)"
        )
    else:
        lines += [f"warning: {folder / o.path} {o.note}: {again(o.path)} to update it, or delete it" for o in older]
    return lines + _draft_kept(folder, [o for o in outcomes if o.status == "draft-kept"])


def _draft_kept(folder: Path, kept: list[Outcome]) -> list[str]:
    """What a draft render kept although it no longer matches the plan, named as out of date."""
    why = "because this render is a draft: the next render of a ready plan replaces or removes"
    if len(kept) > SHOWN:
        return [
            f"warning: {len(kept)} files in {folder}/ no longer match the plan ({_where(kept)}); "
            f"they were kept {why} them (or delete them)"
        ]
    return [
        f"warning: {folder / o.path} {o.note}, so it no longer matches the plan; it was kept {why} it (or delete it)"
        for o in kept
    ]


def _where(outcomes: list[Outcome]) -> str:
    """'in 01-intro/, 02-map/ and more': the folders of many files, for one line about them all."""
    where = sorted({o.path.rpartition("/")[0] + "/" if "/" in o.path else o.path for o in outcomes})
    return f"in {', '.join(where[:SHOWN])}{' and more' if len(where) > SHOWN else ''}"


def _were(outcomes: list[Outcome]) -> str:
    """'were made from an older plan' when all say so, else the general words."""
    whys = {o.note for o in outcomes}
    return (
        whys.pop().replace("was ", "were ", 1)
        if len(whys) == 1
        else "were made from an older plan, templates or coprod"
    )
