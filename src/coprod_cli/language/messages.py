"""The fixed words of every document, in the plan's language, and dates and times in its own form.

Fixed words ("What will happen", "Words we use") are msgids in gettext catalogues under
locale/LANG/LC_MESSAGES/coprod.po, read at run time with Babel (no compile step). Dates and
times come from Babel's CLDR data, so each language writes them its own way. A language with
no catalogue gets English words and, where Babel knows the language, its own dates.

    t("cy", "What will happen")            -> "Beth fydd yn digwydd"
    t("cy", "Workshop {number} of {total}", number=1, total=4)
    format_date("cy", date(2016, 10, 3))   -> "Dydd Llun, 3 Hydref 2016"
    format_time("en-GB", 630)              -> "10:30"

A template calls `_("What will happen")`; Python code binds `_ = translator(plan.language)`,
so Babel's extractor finds every msgid and a test checks each catalogue has them all.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import lru_cache, partial
from importlib import resources
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from babel import Locale

DEFAULT = "en-GB"
# Languages with a complete catalogue of fixed words: the tag's language -> the catalogue folder.
CATALOGUES = {"en": "en_GB", "cy": "cy"}
NAMES = {"en-GB": "English", "cy": "Welsh"}
DOMAIN = "coprod"


def N_(msgid: str) -> str:
    """Marks words for the catalogue that are looked up later, by value (a mode, a kind)."""
    return msgid


# The plan's own fixed vocabulary, as documents print it: modes and kinds of activity.
VOCABULARY = (
    N_("in-person"),
    N_("online"),
    N_("hybrid"),
    N_("welcome"),
    N_("icebreaker"),
    N_("energiser"),
    N_("presentation"),
    N_("exercise"),
    N_("discussion"),
    N_("decision"),
    N_("feedback"),
    N_("closing"),
    N_("break"),
    N_("meal"),
)


@lru_cache(maxsize=16)
def catalogue_code(lang: str) -> str | None:
    """The catalogue for a language tag ('cy-GB' -> 'cy', 'en-US' -> 'en_GB'), or None."""
    return CATALOGUES.get(lang.split("-")[0].lower())


def po_file(code: str) -> Any:
    """The catalogue file (a Traversable) for a catalogue code."""
    return resources.files("coprod_cli.language").joinpath("locale", code, "LC_MESSAGES", f"{DOMAIN}.po")


@lru_cache(maxsize=8)
def _messages(code: str) -> dict[str, str]:
    from babel.messages.pofile import read_po  # Babel is imported only when documents need it

    with po_file(code).open("rb") as handle:
        catalog = read_po(handle, locale=code, domain=DOMAIN)
    return {str(m.id): str(m.string) for m in catalog if m.id and m.string and not m.fuzzy}


def t(lang: str, msgid: str, **values: object) -> str:
    """The fixed words `msgid` in `lang` (English when there is no catalogue or no entry)."""
    code = catalogue_code(lang)
    text = _messages(code).get(msgid, msgid) if code else msgid
    return text.format(**values) if values else text


def translator(lang: str) -> Callable[..., str]:
    """`_` bound to one language: `_("Words we use")`, `_("Workshop {number} of {total}", number=1, total=4)`."""
    return partial(t, lang)


@lru_cache(maxsize=16)
def babel_locale(lang: str) -> Locale:
    """Babel's locale for a language tag; en-GB when Babel does not know it."""
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(lang.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return Locale.parse(DEFAULT.replace("-", "_"))


def short_date(d: dt.date) -> str:
    """The check report's date, short and in English as its findings are: 'Mon 7 Nov 2016' (no leading zero)."""
    return f"{d:%a} {d.day} {d:%b %Y}"


def format_date(lang: str, d: dt.date) -> str:
    """A date written out in full, the language's own way: 'Monday, 3 October 2016'."""
    from babel.dates import format_date as babel_format_date

    return babel_format_date(d, format="full", locale=babel_locale(lang))


@lru_cache(maxsize=4096)  # a series prints the same few clock times again and again
def format_time(lang: str, minutes: int) -> str:
    """A clock time from minutes after midnight, the language's own short form: '13:30' (en-US '1:30 PM')."""
    from babel.dates import format_time as babel_format_time

    days, rest = divmod(minutes, 24 * 60)
    text = babel_format_time(dt.time(rest // 60, rest % 60), format="short", locale=babel_locale(lang))
    return text if days == 0 else t(lang, "{time} (+{days}d)", time=text, days=days)


@lru_cache(maxsize=1024)
def format_duration(lang: str, minutes: int) -> str:
    """'1h 30m', '45 min', '2h' in the language's own units."""
    hours, mins = divmod(abs(minutes), 60)
    sign = "-" if minutes < 0 else ""
    if hours and mins:
        return sign + t(lang, "{hours}h {minutes}m", hours=hours, minutes=mins)
    if hours:
        return sign + t(lang, "{hours}h", hours=hours)
    return sign + t(lang, "{minutes} min", minutes=mins)


def spoken_time(lang: str, minutes: int) -> str:
    """A clock time as people say it, for Easy Read: 'half past 10 in the morning', '12 o'clock midday'."""
    _ = translator(lang)
    rest = minutes % (24 * 60)
    hour, mins = divmod(rest, 60)
    if rest == 12 * 60:
        return _("12 o'clock midday")
    if rest == 0:
        return _("12 o'clock midnight")
    said_hour = hour if mins <= 30 else hour + 1
    said = (said_hour - 1) % 12 + 1
    if mins == 0:
        words = _("{hour} o'clock", hour=said)
    elif mins == 15:
        words = _("quarter past {hour}", hour=said)
    elif mins == 30:
        words = _("half past {hour}", hour=said)
    elif mins == 45:
        words = _("quarter to {hour}", hour=said)
    elif mins < 30:
        words = _("{minutes} minutes past {hour}", minutes=mins, hour=said)
    else:
        words = _("{minutes} minutes to {hour}", minutes=60 - mins, hour=said)
    if hour < 12:
        return _("{time} in the morning", time=words)
    if hour < 17:
        return _("{time} in the afternoon", time=words)
    return _("{time} in the evening", time=words)
