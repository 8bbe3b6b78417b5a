"""The practical side of co-production as plan fields: access, thanks, support, consent, "you said, we did".

These are participant-facing (they are printed on handouts) except where a field says otherwise.
Shapes follow DESIGN.md section 1; each accepts plain text where a person would write a sentence.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from pydantic import ConfigDict, Field, field_validator, model_validator

from coprod_cli.plan.base import Strict, TextList, WebAddress, optional, optional_list
from coprod_cli.plan.suggest import did_you_mean


def _or_text(schema: dict[str, Any]) -> None:
    """In the JSON Schema, a model that also takes a plain sentence."""
    obj = {k: schema.pop(k) for k in list(schema) if k not in ("title", "description")}
    schema["anyOf"] = [{"type": "string"}, obj]


def _text_means_notes(data: Any) -> Any:
    """`access: Step-free, hearing loop` (a sentence) is kept as free text."""
    return {"notes": data} if isinstance(data, str) else data


def _sentence(text: str) -> str:
    """Text as a sentence: a capital first letter and a full stop."""
    text = text.strip()
    text = text[:1].upper() + text[1:]
    return text if text[-1:] in ".!?" else text + "."


class Access(Strict):
    """How people get in and take part, and how to ask for an adjustment."""

    model_config = ConfigDict(json_schema_extra=_or_text)

    step_free: bool | None = optional("Step-free access to the room (or: no steps online)", True)
    hearing_loop: bool | None = optional("A hearing loop in the room", True)
    interpreters: TextList = optional_list("Interpreters booked, e.g. [BSL, Polish]", ["BSL"])
    captions: bool | None = optional("Live captions (online or on a screen)", True)
    quiet_room: str | None = optional("Where people can take a break on their own, e.g. Room 3", "Room 3")
    toilets: str | None = optional(
        "Where the toilets are, accessible toilets too", "Accessible toilet on the ground floor"
    )
    food: str | None = optional(
        "Food and drink, and how dietary needs are met", "Lunch provided; tell us what you cannot eat"
    )
    travel: str | None = optional(
        "Help with travel: parking, buses, taxis", "Free parking behind the building; bus 42 stops outside"
    )
    adjustments: str | None = optional(
        "How to ask for an adjustment, and by when, e.g. 'Tell Laura by the Friday before'",
        "Tell Laura by the Friday before (07700 900000)",
    )
    notes: str | None = optional(
        "Anything else about access, in plain words", "The lift is small; ask us if you use a large wheelchair"
    )

    @model_validator(mode="before")
    @classmethod
    def _plain_text(cls, data: Any) -> Any:
        return _text_means_notes(data)

    def sentences(self, _: Callable[..., str] | None = None, ask: bool = True) -> list[str]:
        """The access details as plain sentences for a handout, in a fixed order (`ask`: with how to ask).

        `_` gives the fixed words in the plan's language (language.messages.translator); English without it."""
        return [sentence for _topic, sentence in self.points(_, ask)]

    def points(self, _: Callable[..., str] | None = None, ask: bool = True) -> list[tuple[str, str]]:
        """(topic, sentence) for each access detail: the topic picks an Easy Read picture."""
        _ = _ or _english
        out: list[tuple[str, str]] = []
        if self.step_free is True:
            out.append(("step-free", _("There is step-free access.")))
        elif self.step_free is False:
            out.append(("step-free", _("There is no step-free access.")))
        if self.hearing_loop:
            out.append(("hearing", _("There is a hearing loop.")))
        if self.interpreters:
            out.append(("interpreters", _("Interpreters: {names}.", names=", ".join(self.interpreters))))
        if self.captions:
            out.append(("hearing", _("There are live captions.")))
        for topic, label, value in (
            ("quiet room", _("Quiet room"), self.quiet_room),
            ("toilet", _("Toilets"), self.toilets),
            ("food", _("Food and drink"), self.food),
            ("travel", _("Travel"), self.travel),
        ):
            if value:
                out.append((topic, _sentence(f"{label}: {value}")))
        if self.notes:
            out.append(("ask", _sentence(self.notes)))
        if self.adjustments and ask:
            out.append(("ask", _sentence(_("To ask for anything you need: {how}", how=self.adjustments))))
        return out


def _english(msgid: str, **values: object) -> str:
    return msgid.format(**values) if values else msgid


def N_(msgid: str) -> str:  # noqa: N802 - gettext's name, which the catalogue test looks for
    """A msgid to translate later (plan/ sits below language/, which holds the catalogues)."""
    return msgid


# Thanks that is money or a voucher: a currency sign, an amount in pounds, euros or dollars, or the words
# people use for money (English and Welsh). The one home of the rule: receipts follow it.
MONEY = re.compile(
    r"[£$€]|\b\d+(?:[.,]\d+)?\s*(?:pounds?|quid|euros?|dollars?|p)\b"
    r"|\b(?:vouchers?|gift[ -]?cards?|cash|payments?|paid|taleb(?:au)?|arian parod|tâl|taliad(?:au)?)\b",
    re.IGNORECASE,
)


class Thanks(Strict):
    """How a participant group is thanked for its time: said up front, so nobody is worse off."""

    model_config = ConfigDict(json_schema_extra=_or_text)

    amount: str | None = optional("What people get, e.g. '£25 voucher per session'", "£25 voucher per session")
    when: str | None = optional("When, e.g. 'at the end of each session'", "at the end of each session")
    how: str | None = optional(
        "How, e.g. 'a Love2Shop voucher' or 'bank transfer within 2 weeks'", "a Love2Shop voucher"
    )
    travel: str | None = optional("Travel expenses, e.g. 'paid back on the day'", "paid back on the day")
    benefits: str | None = optional(
        "A note for people on benefits", "Vouchers do not affect benefits; ask us if you are unsure"
    )

    @model_validator(mode="before")
    @classmethod
    def _plain_text(cls, data: Any) -> Any:
        """`thanks: £25 voucher` is the amount."""
        return {"amount": data} if isinstance(data, str) else data

    @property
    def paid(self) -> bool:
        """Money or a voucher (a receipt to sign for), or travel expenses paid back; not a certificate or lunch."""
        return bool(self.travel) or any(MONEY.search(part) for part in (self.amount, self.how) if part)

    def sentences(self, _: Callable[..., str] | None = None) -> list[str]:
        """How people are thanked, as plain sentences for a handout (`_`: the plan's language)."""
        _ = _ or _english
        what = ", ".join(part for part in (self.amount, self.when, self.how) if part)
        out = [_sentence(what)] if what else []
        if self.travel:
            out.append(_sentence(_("Travel: {travel}.", travel=self.travel.strip().rstrip("."))))
        if self.benefits:
            out.append(_sentence(self.benefits))
        return out


class SupportContact(Strict):
    """Someone participants can talk to during and after a workshop (participant-facing)."""

    name: str = Field(description="Their name", examples=["Sam Reid"])
    role: str | None = optional("What they do, e.g. 'wellbeing lead'", "wellbeing lead")
    phone: str | None = optional("A phone number, kept exactly as written", "07700 900123")
    email: str | None = optional("An email address", "sam.reid@example.org")
    when: str | None = optional(
        "When to reach them, e.g. 'during the day and for a week after'", "during the day and for a week after"
    )

    def line(self) -> str:
        """'Jo Hart, personal adviser: 07700 900123 (on the day and for a week after)'."""
        who = ", ".join(part for part in (self.name, self.role) if part)
        reach = ", ".join(part for part in (self.phone, self.email) if part)
        return who + (f": {reach}" if reach else "") + (f" ({self.when})" if self.when else "")


class Consent(Strict):
    """What participants are asked to agree to, and how to say no."""

    photos: str | None = optional("ask | yes | no, or a sentence", "ask")
    recording: str | None = optional("ask | yes | no, or a sentence", "no")
    quotes: str | None = optional("anonymous | named | no, or a sentence", "anonymous")
    opt_out: str | None = optional("How to say no or change your mind", "Tell a facilitator at any time")

    @field_validator(*("photos", "recording", "quotes"))
    @classmethod
    def _known_word_or_sentence(cls, value: str | None, info: Any) -> str | None:
        """One word must be a word we know ('maybe' would print as 'Maybe.'); more words are a sentence."""
        if value is None or len(value.split()) != 1 or not value.strip().isalpha():
            return value
        words = [w for (field, w) in CONSENT_WORDS if field == info.field_name]
        if value.strip().lower() not in words:
            raise ValueError(
                f"'{value.strip()}' is not one of {', '.join(words)}{did_you_mean(value.strip().lower(), words)} "
                "(or write a whole sentence)"
            )
        return value

    def _ours(self, field: str, mode: str) -> tuple[str, str | None] | None:
        """Our sentence and question for the plan's word, if it is one we know, for the workshop's mode:
        online, photos are screenshots; hybrid, photos or screenshots."""
        value = getattr(self, field)
        word = value.strip().lower() if value else ""
        photos = PHOTOS_BY_MODE.get(mode, {}) if field == "photos" else {}
        return photos[word] if word in photos else CONSENT_WORDS.get((field, word))

    def sentence(self, field: str, _: Callable[..., str] | None = None, mode: str = "in-person") -> str | None:
        """One of photos, recording, quotes as a plain sentence; known words become our sentences,
        in the plan's language with `_`."""
        value = getattr(self, field)
        if not value:
            return None
        ours = self._ours(field, mode)
        return (_ or _english)(ours[0]) if ours else _sentence(value)

    def question(self, field: str, mode: str = "in-person") -> str | None:
        """The yes/no question (a msgid) the consent form asks for one of photos, recording, quotes;
        None when the plan's word asks nothing ('no') or is a sentence of its own."""
        ours = self._ours(field, mode)
        return ours[1] if ours else None

    def sentences(self, _: Callable[..., str] | None = None, mode: str = "in-person") -> list[str]:
        """What people are asked to agree to, in plain sentences, and how to say no."""
        _ = _ or _english
        out = [s for s in (self.sentence(f, _, mode) for f in CONSENT_FIELDS) if s]
        if self.opt_out:
            out.append(_sentence(_("To say no or change your mind: {how}.", how=self.opt_out.strip().rstrip("."))))
        return out


CONSENT_FIELDS = ("photos", "recording", "quotes")
# What each word we know means: the sentence we tell people (handouts, scripts), then the yes/no
# question of the Easy Read consent form (None: nothing to ask). msgids: `N_` marks them for the
# catalogues (language/locale), which print them in the plan's language.
CONSENT_WORDS: dict[tuple[str, str], tuple[str, str | None]] = {
    ("photos", "ask"): (N_("We will ask you before we take any photos."), N_("Can we take photos of you?")),
    ("photos", "yes"): (
        N_("We will take photos. Tell us if you do not want to be in them."),
        N_("Can we take photos of you?"),
    ),
    ("photos", "no"): (N_("We will not take photos."), None),
    ("recording", "ask"): (N_("We will ask you before we record anything."), N_("Can we record what you say?")),
    ("recording", "yes"): (
        N_("We will record the workshop. Tell us if you do not want to be recorded."),
        N_("Can we record what you say?"),
    ),
    ("recording", "no"): (N_("We will not record the workshop."), None),
    ("quotes", "anonymous"): (
        N_("We may write down what you say, but never with your name."),
        N_("Can we write down what you say? We will not write your name."),
    ),
    ("quotes", "named"): (
        N_("We may write down what you say with your name, only if you agree."),
        N_("Can we write down what you say, with your name?"),
    ),
    ("quotes", "ask"): (
        N_("We will ask you before we write down what you say."),
        N_("Can we write down what you say?"),
    ),
    ("quotes", "no"): (N_("We will not write down what you say."), None),
}
# Online, a photo is a screenshot: our sentence and question for the photo words say so.
ONLINE_PHOTOS: dict[str, tuple[str, str | None]] = {
    "ask": (N_("We will ask you before we take any screenshots."), N_("Can we take screenshots with you in them?")),
    "yes": (
        N_("We will take screenshots. Tell us if you do not want to be in them."),
        N_("Can we take screenshots with you in them?"),
    ),
    "no": (N_("We will not take screenshots."), None),
}
# Hybrid, some people are in the room and some online: a photo of the room or a screenshot of the call.
HYBRID_PHOTOS: dict[str, tuple[str, str | None]] = {
    "ask": (
        N_("We will ask you before we take any photos or screenshots."),
        N_("Can we take photos or screenshots with you in them?"),
    ),
    "yes": (
        N_("We will take photos and screenshots. Tell us if you do not want to be in them."),
        N_("Can we take photos or screenshots with you in them?"),
    ),
    "no": (N_("We will not take photos or screenshots."), None),
}
PHOTOS_BY_MODE = {"online": ONLINE_PHOTOS, "hybrid": HYBRID_PHOTOS}
# The heading over what we record, on the handout and the consent form alike (msgids).
CONSENT_HEADINGS = {
    "in-person": N_("Photos, recordings and notes"),
    "online": N_("Screenshots, recordings and notes"),
    "hybrid": N_("Photos, screenshots, recordings and notes"),
}


class Heard(Strict):
    """'You said, we did': one thing people said at a workshop and what was done about it."""

    said: str = Field(
        description="What people said, in their words where possible",
        examples=["The leaving care letter is hard to read"],
    )
    did: str | None = optional("What was done about it (empty: not yet)", "We rewrote it with two care leavers")


class Facilitator(Strict):
    """Someone who runs the workshops."""

    name: str = Field(description="Their name", examples=["Laura Park"])
    role: str | None = optional("Their part in the series", "lead", "co-facilitator")
    lived_experience: bool = Field(
        False,
        description="A peer facilitator who has used the service: co-leads as someone with lived experience",
        examples=[True],
    )


class ParticipantGroup(Strict):
    """A group of people taking part: a kind of person and how many, never names."""

    group: str = Field(description="Who they are, as a group", examples=["Care leavers"])
    count: int | None = Field(None, ge=0, le=100_000, description="How many are expected", examples=[6])
    lived_experience: bool = Field(
        False, description="They bring lived experience of the service (not a professional role)", examples=[True]
    )
    thanks: Thanks | None = optional(
        "How this group is thanked for its time (payment, voucher)", "£25 voucher per session"
    )


class Join(Strict):
    """How participants join an online or hybrid workshop (participant-facing: printed on the handout)."""

    model_config = ConfigDict(json_schema_extra=_or_text)

    link: WebAddress | None = optional(
        "The meeting link, e.g. https://zoom.us/j/123456789 (https:// is added to zoom.us/...)",
        "https://zoom.us/j/123456789",
    )
    dial_in: str | None = optional(
        "How to join by phone: the number, meeting ID and passcode, e.g. '0203 000 0000, ID 123 456'",
        "0203 000 0000, ID 123 456",
    )
    help: str | None = optional(
        "What to do if joining fails, e.g. 'Text Becky on 07700 900123 and we will call you'",
        "Text Becky on 07700 900123 and we will call you",
    )

    @model_validator(mode="before")
    @classmethod
    def _plain_text(cls, data: Any) -> Any:
        """`join: https://...` is the link."""
        return {"link": data} if isinstance(data, str) else data
