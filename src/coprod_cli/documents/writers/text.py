"""The Markdown and HTML writers: Jinja templates that lay out the document model.

The user's `--templates` folder is searched first, then the built-ins (also reachable as
`builtin/NAME`, so a user's handout.html can extend the built-in and replace one block).
User templates run in Jinja's sandbox; plan text is data, escaped, never template code.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup, escape

from coprod_cli.documents.safe import Markdown, is_linkable, md_escape, md_link
from coprod_cli.documents.writers.html import HtmlBlocks, inline_html
from coprod_cli.documents.writers.markdown import MarkdownBlocks, inline_md
from coprod_cli.errors import RenderError, UsageError

_BLANK_RUN = re.compile(r"\n{3,}")


def builtin_templates() -> Path:
    """The built-in templates, shipped as package data beside the documents package."""
    return Path(__file__).resolve().parent.parent / "templates"


FONTS = (("latin", "400"), ("latin", "700"), ("latin-ext", "400"), ("latin-ext", "700"))
# Fontsource's unicode ranges of the two subsets (its unicode.json).
RANGES = {
    "latin": "U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,"
    "U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD",
    "latin-ext": "U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,"
    "U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF",
}


_LATIN_EXT = re.compile("[\u0100-\u02ff\u1e00-\u1eff]")


def needs_latin_ext(text: str) -> bool:
    """Whether a text has letters beyond Latin-1 that the Latin Extended subset draws (Welsh ŵ, ŷ...)."""
    return _LATIN_EXT.search(text) is not None


@functools.cache
def font_faces(latin_ext: bool = True) -> Markup:
    """@font-face rules for the shipped Atkinson Hyperlegible (OFL), inline, so a document stays one
    file; the Latin Extended half only for plans that use it."""
    import base64

    folder = Path(__file__).resolve().parent.parent / "fonts"
    rules = []
    for subset, weight in FONTS:
        if subset == "latin-ext" and not latin_ext:
            continue
        data = (folder / f"atkinson-hyperlegible-{subset}-{weight}-normal.woff").read_bytes()
        rules.append(
            '@font-face { font-family: "Atkinson Hyperlegible"; font-style: normal; font-weight: '
            f'{weight}; src: url(data:font/woff;base64,{base64.b64encode(data).decode()}) format("woff"); '
            f"unicode-range: {RANGES[subset]}; }}"
        )
    return Markup("\n".join(rules))


def make_environment(user_templates: Path | None, markdown: bool, language: str = "en-GB") -> jinja2.Environment:
    """An environment searching the user's folder first, then the built-ins.

    Templates write their fixed words as `{{ _("What will happen") }}`, in the plan's `language`
    (language.messages); `{{ lang }}` is its tag. With a user's folder the environment is Jinja's
    sandbox, as their templates are not ours to trust; the built-ins alone run unsandboxed (the
    sandbox checks every attribute a template reads, and ours are part of coprod).
    """
    from coprod_cli.documents.easy import icon_uri
    from coprod_cli.language.messages import translator

    loaders: list[jinja2.BaseLoader] = []
    if user_templates is not None:
        if not user_templates.is_dir():
            raise UsageError(f"{user_templates}: there is no such templates folder")
        loaders.append(jinja2.FileSystemLoader(str(user_templates)))
    builtin = jinja2.FileSystemLoader(str(builtin_templates()))
    loaders += [builtin, jinja2.PrefixLoader({"builtin": builtin})]
    kind = SandboxedEnvironment if user_templates is not None else jinja2.Environment
    env = kind(
        loader=jinja2.ChoiceLoader(loaders),
        undefined=jinja2.StrictUndefined,
        autoescape=not markdown,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,  # templates do not change during a run: no stat per render
        finalize=md_escape if markdown else None,
    )
    env.filters["paragraphs"] = lambda text: [p.strip() for p in re.split(r"\n\s*\n", str(text)) if p.strip()]
    env.filters["inline"] = inline_md if markdown else inline_html
    env.filters["raw"] = Markdown if markdown else (lambda text: text)
    env.filters["md_link"] = md_link
    # Fixed words around marked-up plan text: `_("At {time}:")|fill(time=b.time|inline)`.
    env.filters["fill"] = lambda words, **values: Markup(escape(words)).format(**values)
    env.tests["linkable"] = is_linkable
    _ = translator(language)
    env.globals["_"] = _
    env.globals["lang"] = language
    env.globals["large_print"] = False
    env.globals["icon"] = icon_uri
    env.globals["m"] = MarkdownBlocks(_) if markdown else HtmlBlocks(_, icon_uri)  # the blocks of `doc`
    env.globals["page_counter"] = Markup(page_counter(_("page {page} of {pages}")))
    return env


def page_counter(words: str) -> str:
    """CSS `content` for the page number in the language's words: 'page {page} of {pages}' ->
    "page " counter(page) " of " counter(pages)."""
    parts = []
    for piece in re.split(r"({page}|{pages})", words):
        if piece in ("{page}", "{pages}"):
            parts.append(f"counter({piece[1:-1]})")
        elif piece:
            parts.append('"' + piece.replace("\\", "\\\\").replace('"', '\\"') + '"')
    return " ".join(parts)


def render_template(env: jinja2.Environment, name: str, context: dict[str, Any]) -> str:
    """Render one template; a template problem is a RenderError with its file and line."""
    try:
        text = env.get_template(name).render(**context)
    except jinja2.TemplateSyntaxError as err:
        raise RenderError(f"{err.filename or name}:{err.lineno}: template error: {err.message}") from None
    except jinja2.TemplateNotFound as err:
        raise RenderError(f"template '{err.name}' was not found in your templates folder or the built-ins") from None
    except jinja2.exceptions.SecurityError as err:
        raise RenderError(f"{name}: the template tried something unsafe and was stopped ({err})") from None
    except jinja2.UndefinedError as err:
        raise RenderError(f"{name}: template error: {err.message}") from None
    # Only documents with a run of blank lines go through the regex: most have none, and the
    # search for three newlines is far quicker than the regex over a page with its font inline.
    return _BLANK_RUN.sub("\n\n", text) if "\n\n\n" in text else text
