"""The Markdown and HTML writers: Jinja templates that lay out the document model.

The user's `--templates` folder is searched first, then the built-ins (also reachable as
`builtin/NAME`, so a user's handout.html can extend the built-in and replace one block).
User templates run in Jinja's sandbox; plan text is data, escaped, never template code.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup, escape

from coprod_cli.documents.model import Document
from coprod_cli.documents.safe import Markdown, is_linkable, md_escape, md_link
from coprod_cli.documents.writers.html import HtmlBlocks, inline_html
from coprod_cli.documents.writers.markdown import MarkdownBlocks, inline_md
from coprod_cli.documents.writers.page import Writer, builtin_templates, font_faces, page_counter, tidy
from coprod_cli.errors import RenderError, UsageError


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
    return tidy(text)


def template_writers(user_templates: Path, formats: Iterable[str], language: str, latin_ext: bool) -> dict[str, Writer]:
    """Markdown and HTML laid out by templates: the user's folder first, then the built-ins."""
    envs = {"md": make_environment(user_templates, True, language)} if "md" in formats else {}
    if "html" in formats or "pdf" in formats:
        envs["html"] = make_environment(user_templates, False, language)
        envs["html"].globals["fonts"] = font_faces(latin_ext)
    return {fmt: functools.partial(_render_document, env, fmt) for fmt, env in envs.items()}


def _render_document(env: jinja2.Environment, fmt: str, doc: Document, context: dict[str, Any]) -> bytes:
    return render_template(env, f"{doc.kind}.{fmt}", {**context, "doc": doc}).encode("utf-8")
