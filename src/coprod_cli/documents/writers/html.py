"""The HTML writer's blocks (see blocks.py): each block of the document model laid out as HTML.

Plan text goes through `inline_html`: escaped, with web addresses, emails and phone numbers as
links and clock times in <time>; every other text is escaped.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from markupsafe import Markup, escape

from coprod_cli.documents import model as m
from coprod_cli.documents.writers.blocks import Blocks, remembered
from coprod_cli.documents.writers.links import pieces

_CLOCK = re.compile(r"(?<![\d:])([01]?\d|2[0-3]):[0-5]\d(?![\d:])")


@remembered
def inline_html(value: str) -> Markup:
    """Escaped text with web addresses, emails and phone numbers as links, clock times in <time>."""
    out = []
    for text, href in pieces(value):
        if href is not None:
            out.append(Markup('<a href="{}">{}</a>').format(href, text))
        else:
            out.append(Markup(_CLOCK.sub(r"<time>\g<0></time>", str(escape(text)))))
    return Markup("").join(out)


def esc(value: str) -> str:
    """Text escaped for HTML exactly as markupsafe's `escape` does it, as a plain `str` to build with."""
    return (
        value.replace("&", "&amp;")
        .replace(">", "&gt;")
        .replace("<", "&lt;")
        .replace("'", "&#39;")
        .replace('"', "&#34;")
    )


class HtmlBlocks(Blocks):
    """Blocks as HTML; `icon` gives a picture's data: URI."""

    safe = Markup

    def __init__(self, _: Callable[..., str], icon: Callable[[str], str]):
        super().__init__(_)
        self.icon = icon
        self._at = esc(_("At {time}:"))

    def _banner(self, reasons: tuple[str, ...]) -> str:
        _ = self._
        draft, title = _("Draft"), _("Draft: not ready to hand out")
        fix = _("Fix these in the plan, then render again:")
        items = "".join(f"<li>{inline_html(reason)}</li>\n" for reason in reasons)
        return (
            f'<div class="banner" role="note" aria-label="{esc(draft)}">\n<p class="banner-title">{esc(title)}</p>\n'
            f"<p>{esc(fix)}</p>\n<ul>\n{items}</ul>\n</div>\n"
        )

    def _section(self, s: m.Section, level: int) -> str:
        classes = esc(s.name.replace("_", "-")) + " card" * s.card + " pause" * s.pause
        title = f"<h{level}>{inline_html(s.title)}</h{level}>\n" if s.title else ""
        return f'<section class="{classes}">\n{title}{self._blocks(s.blocks, level + 1)}</section>\n'

    def _lay_paragraph(self, b: m.Paragraph, level: int) -> str:
        style = f' class="{esc(b.style)}"' if b.style else ""
        label = f'<span class="label">{esc(b.label)}</span> ' if b.label else ""
        return f"<p{style}>{label}{inline_html(b.text)}</p>\n"

    def _lay_say(self, b: m.Say, level: int) -> str:
        label = f'<span class="label">{esc(b.label)}</span> '
        paras = "".join(f"<p>{label if n == 0 else ''}{inline_html(p)}</p>" for n, p in enumerate(b.paragraphs))
        return f'<div class="say">{paras}</div>\n'

    def _lay_note(self, b: m.Note, level: int) -> str:
        return f'<p class="note"><span class="label">{esc(b.label)}</span> {inline_html(b.text)}</p>\n'

    def _lay_cue(self, b: m.Cue, level: int) -> str:
        at = self._at.format(time=inline_html(b.time))
        return f'<p class="cue"><span class="label">{at}</span> {inline_html(b.text)}</p>\n'

    def _lay_bullets(self, b: m.Bullets, level: int) -> str:
        items = "".join(f"<li>{inline_html(line)}</li>\n" for line in b.items)
        return ('<ul class="checklist">\n' if b.check else "<ul>\n") + f"{items}</ul>\n"

    def _lay_terms(self, b: m.Terms, level: int) -> str:
        pairs = "".join(f"<dt>{esc(term)}</dt><dd>{inline_html(meaning)}</dd>\n" for term, meaning in b.pairs)
        return f'<dl class="{"facts" if b.facts else "terms"}">\n{pairs}</dl>\n'

    def _lay_steps(self, b: m.Steps, level: int) -> str:
        steps = "".join(
            f'<li><span class="label">{inline_html(s.time)}{f" ({esc(s.minutes)})" if s.minutes else ""}</span> '
            f"{inline_html(s.text)}</li>\n"
            for s in b.steps
        )
        return f'<ol class="steps">\n{steps}</ol>\n'

    def _lay_timetable(self, t: m.Timetable, level: int) -> str:
        mins = f'<th class="mins" scope="col">{esc(t.minutes)}</th>' if t.minutes else ""
        who = f'<th scope="col">{esc(t.who)}</th>' if t.who else ""
        out = [
            '<table class="timetable">\n<thead><tr>'
            f'<th class="time" scope="col">{esc(t.time)}</th>{mins}<th scope="col">{esc(t.what)}</th>{who}'
            "</tr></thead>\n<tbody>\n"
        ]
        for r in t.rows:
            mark = f' class="{"pause" if r.pause else "end"}"' if r.pause or r.end else ""
            title = inline_html(r.title)
            out.append(f'<tr{mark}><td class="time">{inline_html(r.time)}</td>')
            if t.minutes:
                out.append(f'<td class="mins">{esc(r.minutes)}</td>')
            out.append(f"<td><strong>{title}</strong>" if t.strong or r.end else f"<td>{title}")
            out += [f'<span class="detail">{inline_html(detail)}</span>' for detail in r.details]
            if r.groups:
                out.append(self._groups(t, r))
            out.append(f"</td><td>{inline_html(r.who)}</td></tr>\n" if t.who else "</td></tr>\n")
        out.append("</tbody>\n</table>\n\n")
        return "".join(out)

    def _groups(self, t: m.Timetable, r: m.Row) -> str:
        """The tracks of a split session, in the row's cell."""
        out = [f'<span class="detail">{esc(t.split_intro)}</span>' if t.split_intro else "", '<ul class="tracks">']
        for g in r.groups:
            out.append(f"<li><strong>{esc(g.name)}</strong>{f' ({esc(g.where)})' if g.where else ''}")
            for line in g.lines:
                detail = f": {inline_html(line.detail)}" if line.detail else ""
                out.append(f'<span class="detail">{inline_html(line.time)} {inline_html(line.text)}{detail}</span>')
            out.append("</li>")
        out.append("</ul>")
        return "".join(out)

    def _lay_fill_table(self, b: m.FillTable, level: int) -> str:
        heads = "".join(f'<th scope="col">{esc(c)}</th>' for c in b.columns)
        row = "<tr>" + "<td></td>" * len(b.columns) + "</tr>\n"
        head = f'<table class="fill-table">\n<thead><tr>{heads}</tr></thead>\n'
        return f"{head}<tbody>\n{row * b.rows}</tbody>\n</table>\n"

    def _lay_blanks(self, b: m.Blanks, level: int) -> str:
        labels = "".join(f'<p class="blank"><span class="label">{esc(label)}</span></p>\n' for label in b.labels)
        return f'<div class="blanks">\n{labels}' + '<p class="blank"></p>\n' * b.lines + "</div>\n"

    def _lay_points(self, b: m.Points, level: int) -> str:
        answers = ""
        if b.answers:
            answers = '<p class="answers">' + "".join(self._answer(a) for a in b.answers) + "</p>\n"
        out = [f'<ul class="points{" questions" if b.answers else ""}">\n']
        for p in b.points:
            lead = f'<p class="lead">{inline_html(p.lead)}</p>' if p.lead else ""
            out.append(
                f'<li class="point"><img class="picture" src="{esc(self.icon(p.icon))}" alt="{esc(p.alt)}" '
                f'width="64" height="64"><div class="words">{lead}<p>{inline_html(p.text)}</p>\n{answers}</div></li>\n'
            )
        out.append("</ul>\n\n")
        return "".join(out)

    def _answer(self, a: m.Answer) -> str:
        face = f'<img class="face" src="{esc(self.icon(a.face))}" alt="" width="40" height="40">' if a.face else ""
        return (
            f'<span class="answer"><span class="box" aria-hidden="true"></span>{face}'
            f'<span class="word">{esc(a.word)}</span></span>'
        )

    def _lay_cards(self, b: m.Cards, level: int) -> str:
        """The same card over and over, a sheet of `across` by `down` to a printed page, cut along the dashed lines."""
        per = b.across * b.down
        height = ((297 if b.paper == "a4" else 279.4) - 30) / b.down  # the page less its margins, shared by the rows
        card = f'<div class="card-item" style="height: {height:.1f}mm">\n{self._blocks(b.blocks, level)}</div>\n'
        sheets = [
            '<div class="sheet">\n' + card * min(per, b.count - sheet * per) + "</div>\n"
            for sheet in range((b.count + per - 1) // per)
        ]
        return f'<div class="cards across-{b.across}">\n{"".join(sheets)}</div>\n\n'
