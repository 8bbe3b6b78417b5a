"""The reading-level warning says what to change: the words that raise a sentence's level, or its length."""

from __future__ import annotations

import pytest
from helpers import plan_text
from hypothesis import given
from hypothesis import strategies as st

from coprod_cli.checks import run_checks
from coprod_cli.language.readability import everyday_age, long_words, syllables
from coprod_cli.plan.loader import load_plan_text

WORDS = ["we", "meet", "services", "together", "people", "care", "organisational", "run", "it"]


def _purpose_levels(purpose: str, aim: int) -> list[str]:
    settings = f"settings: {{reading_age: {aim}, sentence_words: 40}}"
    text = plan_text("- use: welcome-and-ground-rules\n- use: exit-words\n").replace(
        "workshops:", f'purpose: "{purpose}"\n{settings}\nworkshops:'
    )
    findings = run_checks(load_plan_text(text, "p.yaml"), ("language",)).findings
    return [f.message for f in findings if f.code == "language.reading-level" and f.path == ("purpose",)]


def test_a_level_raised_by_long_words_names_them():
    """The trial's purpose: short enough, but 'services' and 'together' lift it; say so, not 'use shorter words'."""
    purpose = "To design better services for young people leaving care, together with the people who run them."
    [message] = _purpose_levels(purpose, 12)
    assert "reads at about age 14" in message
    assert message.endswith("try shorter words for 'services', 'together'"), message
    assert "split" not in message


def test_a_level_raised_by_length_says_split_it():
    """Twenty-odd everyday words read above 12 whatever the words: the length is the cause."""
    purpose = (
        "We will meet every Monday morning in the village hall to talk about the money the council gives to families"
        " and what could change"
    )
    assert round(everyday_age(len(purpose.split()))) > 13
    [message] = _purpose_levels(purpose, 12)
    assert f"it is long ({len(purpose.split())} words): split it into shorter sentences" in message
    assert "try shorter words" not in message


@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=30))
def test_the_named_words_are_the_most_syllabic_of_the_sentence(words: list[str]):
    named = long_words(" ".join(words))
    assert len(named) <= 3 and all(w in words for w in named)
    unnamed = [w for w in words if w not in named]
    if named:
        assert min(syllables(w) for w in named) >= 2
        assert all(syllables(w) <= min(syllables(n) for n in named) for w in unnamed)
    else:
        assert all(syllables(w) < 2 for w in words)


@pytest.mark.parametrize(
    "text, sentences",
    [
        ("You can always say no. We will watch a short film.", 2),  # consent wording says no often
        ("It is OK to say no. We will watch a short TV clip.", 2),
        ("Go to room No. 5 on the left. Then sit down.", 2),  # a number sign is no sentence's end
    ],
)
def test_saying_no_ends_a_sentence_but_a_number_sign_does_not(text: str, sentences: int):
    from coprod_cli.language.readability import split_sentences

    assert len(split_sentences(text)) == sentences
