"""The Markdown writer's blocks (see blocks.py): each block of the document model laid out as Markdown.

Plan text goes through `inline_md` (escaped, addresses as autolinks); every other text through
`md_escape`, so nothing in a plan becomes a heading, a list, a table cell, a link or raw HTML.
"""

from __future__ import annotations

from collections.abc import Callable

from coprod_cli.documents import model as m
from coprod_cli.documents.safe import Markdown, md_escape, md_link
from coprod_cli.documents.writers.blocks import Blocks, remembered
from coprod_cli.documents.writers.links import pieces

E = md_escape
_SHORT_LINE, _LONG_LINE = "\\_" * 24, "\\_" * 36  # lines to write on


@remembered
def inline_md(value: str) -> Markdown:
    """Plan text as Markdown: escaped, with web addresses, emails and phone numbers as autolinks."""
    out = []
    for text, href in pieces(value):
        if href and href.startswith("mailto:"):
            out.append(f"<{text}>")  # a CommonMark email autolink
        elif href and not href.startswith("tel:"):
            out.append(md_link(href))
        else:
            out.append(md_escape(text))
    return Markdown("".join(out))


class MarkdownBlocks(Blocks):
    """Blocks as Markdown."""

    safe = Markdown

    def __init__(self, _: Callable[..., str]):
        super().__init__(_)
        self._at = _("At {time}:")

    def _banner(self, reasons: tuple[str, ...]) -> str:
        _ = self._
        title, fix = _("Draft: not ready to hand out"), _("Fix these in the plan, then render again:")
        items = "".join(f"> - {inline_md(reason)}\n" for reason in reasons)
        return f"> **{E(title)}.** {E(fix)}\n>\n{items}\n"

    def _section(self, s: m.Section, level: int) -> str:
        title = f"{'#' * level} {E(s.title)}\n\n" if s.title else ""
        return title + self._blocks(s.blocks, level + 1)

    def _lay_paragraph(self, b: m.Paragraph, level: int) -> str:
        star = "**" if b.style == "strong" else ""
        label = f"**{E(b.label)}** " if b.label else ""
        return f"{label}{star}{inline_md(b.text)}{star}\n\n"

    def _lay_say(self, b: m.Say, level: int) -> str:
        label = f"**{E(b.label)}** "
        return ">\n".join(f"> {label if n == 0 else ''}{inline_md(p)}\n" for n, p in enumerate(b.paragraphs)) + "\n"

    def _lay_note(self, b: m.Note, level: int) -> str:
        return f"> **{E(b.label)}** {inline_md(b.text)}\n\n"

    def _lay_cue(self, b: m.Cue, level: int) -> str:
        return f"**{E(self._at.format(time=b.time))}** {inline_md(b.text)}\n\n"

    def _lay_bullets(self, b: m.Bullets, level: int) -> str:
        box = "[ ] " if b.check else ""
        return "".join(f"- {box}{inline_md(line)}\n" for line in b.items) + "\n"

    def _lay_terms(self, b: m.Terms, level: int) -> str:
        out = []
        for term, meaning in b.pairs:
            if b.facts:  # "Date: ..." (a label that ends in ? or : keeps its own mark)
                out.append(f"- **{E(term)}{'' if term[-1:] in ('?', ':') else ':'}** {inline_md(meaning)}\n")
            else:
                out.append(f"- **{E(term)}**: {inline_md(meaning)}\n")
        return "".join(out) + "\n"

    def _lay_steps(self, b: m.Steps, level: int) -> str:
        steps = "".join(
            f"{n}. **{E(s.time)}{f' ({E(s.minutes)})' if s.minutes else ''}** {inline_md(s.text)}\n"
            for n, s in enumerate(b.steps, 1)
        )
        return steps + "\n"

    def _lay_timetable(self, t: m.Timetable, level: int) -> str:
        mins, who = (f" {E(t.minutes)} |" if t.minutes else ""), (f" {E(t.who)} |" if t.who else "")
        out = [f"| {E(t.time)} |{mins} {E(t.what)} |{who}\n"]
        out.append(f"|---|{'---|' if t.minutes else ''}---|{'---|' if t.who else ''}\n")
        for r in t.rows:
            mins = f" {E(r.minutes)} |" if t.minutes else ""
            who = f" {inline_md(r.who)} |" if t.who else ""
            out.append(f"| {E(r.time)} |{mins} {self._cell(t, r)} |{who}\n")
        out.append("\n\n")
        return "".join(out)

    def _cell(self, t: m.Timetable, r: m.Row) -> str:
        """A timetable row's title, its details and its tracks, in one cell."""
        title = inline_md(r.title)
        out = [f"**{title}**" if t.strong or r.end else title]
        out += [f"<br>{inline_md(detail)}" for detail in r.details]
        if r.groups and t.split_intro:
            out.append(f"<br>{E(t.split_intro)}")
        for g in r.groups:
            out.append(f"<br>**{E(g.name)}**{f' ({E(g.where)})' if g.where else ''}")
            for line in g.lines:
                detail = f": {inline_md(line.detail)}" if line.detail else ""
                out.append(f"<br>{E(line.time)} {inline_md(line.text)}{detail}")
        return "".join(out)

    def _lay_fill_table(self, b: m.FillTable, level: int) -> str:
        heads = "|" + "".join(f" {E(c)} |" for c in b.columns) + "\n"
        rule = "|" + "---|" * len(b.columns) + "\n"
        return heads + rule + ("|" + "     |" * len(b.columns) + "\n") * b.rows + "\n"

    def _lay_blanks(self, b: m.Blanks, level: int) -> str:
        labels = "".join(f"**{E(label)}:** {_SHORT_LINE}\n\n" for label in b.labels)
        return labels + f"{_LONG_LINE}\n\n" * b.lines

    def _lay_points(self, b: m.Points, level: int) -> str:
        answers = "<br>" + " · ".join(f"[ ] {E(a.word)}" for a in b.answers) if b.answers else ""
        points = "".join(
            f"- {f'**{inline_md(p.lead)}** ' if p.lead else ''}{inline_md(p.text)}{answers}\n" for p in b.points
        )
        return points + "\n"

    def _lay_cards(self, b: m.Cards, level: int) -> str:
        card = self._blocks(b.blocks, level) + "\n"
        return "- - -\n\n".join([card] * b.count)
