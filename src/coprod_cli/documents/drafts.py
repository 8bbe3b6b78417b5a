"""Which documents are drafts, and why: a problem in one workshop marks only that workshop's
documents, so next week's handout can still go out; a problem of the whole series marks every
document; the series' own documents (overview, the series' "You said, we did") are drafts when
any workshop is, since they print every workshop.

A reason is an error finding in the words the check used, or the starter's 'To fill in' texts,
which documents would print for people to read.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from coprod_cli.findings import Finding, Severity
from coprod_cli.plan.loader import LoadedPlan

PLACEHOLDER = "ready.placeholder"
# How many draft workshops (and reasons of each) stderr names one by one; `coprod check` lists them all.
SHOWN = 5


@dataclass(frozen=True)
class Drafts:
    """Why documents are not ready to hand out: `series`, reasons that hold for every document;
    `workshops`, each draft workshop's own reasons by id (in plan order); `titles`, every workshop's
    number and title by id, to name them."""

    series: tuple[str, ...] = ()
    workshops: dict[str, tuple[str, ...]] = field(default_factory=dict)
    titles: dict[str, tuple[int, str]] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.series or self.workshops)

    def of_workshop(self, wid: str | None) -> tuple[str, ...]:
        """The banner of one workshop's documents: the series' reasons and its own."""
        return self.series + self.workshops.get(wid or "", ())

    def of_series(self) -> tuple[str, ...]:
        """The banner of the series' documents: every reason, each naming its workshop."""
        named = (f"{self.titles[wid][1]}: {reason}" for wid, reasons in self.workshops.items() for reason in reasons)
        return self.series + tuple(named)

    def summary(self, workshop: str | None = None, series: bool = False) -> list[str]:
        """What stderr says about drafts after a render of the series (or of one `workshop`), in plain
        words, one reason a line; `series`: the run wrote the series' own documents (the overview)."""
        if not self:
            return []
        draft = "say 'Draft: not ready to hand out'"
        if self.series:
            return ["every document says 'Draft: not ready to hand out':", *_listed(self.series, "  ")]
        if workshop is not None:
            if workshop in self.workshops:
                return [f"the documents of {self._name(workshop)} {draft}:", *_listed(self.workshops[workshop], "  ")]
            others = ", ".join(self._name(w) for w in list(self.workshops)[:SHOWN])
            more = f" and {len(self.workshops) - SHOWN} more" if len(self.workshops) > SHOWN else ""
            return [
                f"the documents written are ready to hand out, but the plan has problems in {others}{more}; "
                "coprod check shows them"
            ]
        which = "this workshop" if len(self.workshops) == 1 else "these workshops"
        lines = [f"the documents of {which}{' and of the whole series' if series else ''} {draft}:"]
        for wid, reasons in list(self.workshops.items())[:SHOWN]:
            lines += [f"  {self._name(wid)}:", *_listed(reasons, "    ")]
        if len(self.workshops) > SHOWN:
            lines.append(f"  and {len(self.workshops) - SHOWN} more workshops; coprod check shows them")
        ready = len(self.titles) - len(self.workshops)
        if ready:
            those = "workshop's documents are" if ready == 1 else f"{ready} workshops' documents are"
            lines.append(f"The other {those} ready to hand out.")
        return lines

    def _name(self, wid: str) -> str:
        number, title = self.titles[wid]
        return f"workshop {number} '{title}'"


def _listed(reasons: tuple[str, ...], indent: str) -> list[str]:
    """The first few reasons, one a line; how many more there are."""
    lines = [f"{indent}{reason}" for reason in reasons[:SHOWN]]
    if len(reasons) > SHOWN:
        lines.append(f"{indent}and {len(reasons) - SHOWN} more; coprod check shows them")
    return lines


def draft_reasons(loaded: LoadedPlan, findings: Iterable[Finding]) -> Drafts:
    """Why documents are not ready to hand out: each error finding, in the words the check used, and
    the starter's 'To fill in' texts, each kept with the workshop it is about (or the whole series)."""
    titles = {w.id or "": (n, w.title) for n, w in enumerate(loaded.plan.workshops, 1)}
    reasons: dict[str | None, list[str]] = {}
    placeholders: dict[str | None, int] = {}
    for f in findings:
        wid = f.workshop if f.workshop in titles else None
        if f.severity == Severity.error:
            reasons.setdefault(wid, []).append(f"{f.message[:1].upper()}{f.message[1:]}")
        elif f.code == PLACEHOLDER:  # 'To fill in: ...' would be printed for people to read
            placeholders[wid] = placeholders.get(wid, 0) + 1
    for wid, count in placeholders.items():
        texts = "a 'To fill in' text" if count == 1 else f"{count} 'To fill in' texts"
        where = "The plan" if wid is None else "This workshop"
        reasons.setdefault(wid, []).append(f"{where} still has {texts} from the starter plan; coprod check shows where")
    series = tuple(dict.fromkeys(reasons.pop(None, [])))
    ordered = {wid: tuple(dict.fromkeys(reasons[wid])) for wid in titles if wid in reasons}
    return Drafts(series, ordered, titles)
