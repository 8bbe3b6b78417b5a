"""Compare coprod's reading age with textstat's on a corpus, and print where and why they differ.

    pip install ".[bench]" && python benchmarks/bench_language.py

The corpus: every prose sentence of the example plans and of the activity library, and the
sentences of the jargon corpus (tests/cases/language/jargon-corpus.yaml). Both tools use the
Flesch-Kincaid grade + 5; they differ in counting syllables (textstat: the CMU dictionary, then
Pyphen; coprod: a small rule set, so nothing is downloaded) and in how one sentence is scored
(coprod blends a sentence's syllables per word with a few words of everyday English).
"""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

import yaml

from coprod_cli.language.readability import grade, score, split_sentences, syllables, words_of
from coprod_cli.language.texts import participant_texts
from coprod_cli.plan.library import load_library
from coprod_cli.plan.loader import load_plan

ROOT = Path(__file__).resolve().parent.parent
TARGET = 11


def corpus() -> list[str]:
    sentences: list[str] = []
    for example in sorted((ROOT / "examples").glob("*.yaml")):
        plan = load_plan(example).plan
        sentences += [s for t in participant_texts(plan) if t.is_prose for s in split_sentences(t.text)]
    for activity in load_library().values():
        sentences += split_sentences(activity.handout or "")
    cases = yaml.safe_load((ROOT / "tests" / "cases" / "language" / "jargon-corpus.yaml").read_text("utf-8"))
    sentences += [s for s, _ in cases["flagged"]] + cases["not_flagged"]
    return list(dict.fromkeys(sentences))


def main() -> int:
    try:
        import textstat
    except ImportError:
        print("textstat is not installed: pip install '.[bench]'")
        return 2
    sentences = corpus()
    rows = []
    same_syllables = total_words = 0
    word_gaps: dict[str, tuple[int, int]] = {}
    for s in sentences:
        words = words_of(s)
        ours_raw = grade(len(words), sum(syllables(w) for w in words)) + 5
        theirs = textstat.flesch_kincaid_grade(s) + 5
        rows.append((s, score(s).age, ours_raw, theirs))
        for w in words:
            a, b = syllables(w), textstat.syllable_count(w)
            total_words += 1
            same_syllables += a == b
            if a != b:
                word_gaps[w.lower()] = (a, b)
    blended = [r[1] for r in rows]
    raw = [r[2] for r in rows]
    theirs = [r[3] for r in rows]
    print(f"corpus: {len(sentences)} sentences, {total_words} words")
    print(f"syllables: same as textstat for {same_syllables / total_words:.0%} of words")
    print(
        "words counted differently (ours, textstat):",
        ", ".join(f"{w} {a}/{b}" for w, (a, b) in sorted(word_gaps.items())[:25]),
    )
    print(
        f"mean reading age: textstat {statistics.mean(theirs):.1f}, ours unblended {statistics.mean(raw):.1f}, "
        f"ours per sentence (blended) {statistics.mean(blended):.1f}"
    )
    gap = statistics.mean(abs(a - b) for a, b in zip(raw, theirs, strict=True))
    print(f"mean |ours unblended - textstat|: {gap:.2f} years")
    print(
        f"correlation with textstat: unblended {statistics.correlation(raw, theirs):.3f}, "
        f"blended {statistics.correlation(blended, theirs):.3f}"
    )
    spread = statistics.pstdev
    print(f"spread (sd) of sentence scores: textstat {spread(theirs):.1f}, ours blended {spread(blended):.1f}")
    flag_theirs = {r[0] for r in rows if round(r[3]) > TARGET + 1}
    flag_ours = {r[0] for r in rows if round(r[1]) > TARGET + 1}
    print(
        f"flagged at reading age {TARGET} (with coprod's one-year margin): textstat {len(flag_theirs)}, "
        f"ours {len(flag_ours)}, both {len(flag_ours & flag_theirs)}"
    )
    print("\nlargest differences (blended ours vs textstat):")
    for s, ours, _raw, ts in sorted(rows, key=lambda r: -abs(r[1] - r[3]))[:8]:
        print(f"  ours {ours:5.1f}  textstat {ts:5.1f}  {s[:80]}")
    print("\nonly textstat flags:", *sorted(flag_theirs - flag_ours)[:6], sep="\n  ")
    print("only coprod flags:", *sorted(flag_ours - flag_theirs)[:6], sep="\n  ")
    return 0


if __name__ == "__main__":
    sys.exit(main())
