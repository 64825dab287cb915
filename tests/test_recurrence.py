"""recurrence.RepeatIndex: the earliest similar recommendation of another evaluation, found
without comparing every pair."""

from __future__ import annotations

import random

from evalcheck.recurrence import RepeatIndex, Said
from evalcheck.textsim import normalise, signature


def said(group: int, text: str) -> Said:
    norm = normalise(text)
    return Said(group, norm, signature(norm))


def unrelated(a: int, b: int) -> bool:
    return False


def test_earliest_of_several_and_not_within_one_group() -> None:
    texts = [said(0, "Set up a joint monitoring group."), said(0, "Write a plan."),
             said(1, "Set up a joint monitoring group!"),
             said(2, "2. set up a JOINT monitoring group"),
             said(2, "Set up a joint monitoring group")]
    found = list(RepeatIndex(texts, 0.8, unrelated).repeats())
    assert found == [(2, 0, 1.0), (3, 0, 1.0), (4, 0, 1.0)]


def test_related_groups_are_skipped_for_the_next_earliest() -> None:
    texts = [said(0, "Hold a meeting."), said(1, "Hold a meeting."), said(2, "Hold a meeting.")]
    index = RepeatIndex(texts, 0.8, lambda a, b: {a, b} == {0, 2})
    assert list(index.repeats()) == [(1, 0, 1.0), (2, 1, 1.0)]


def test_wanted_limits_the_search() -> None:
    texts = [said(0, "Hold a meeting."), said(1, "Hold a meeting."), said(2, "Hold a meeting.")]
    assert list(RepeatIndex(texts, 0.8, unrelated).repeats([2])) == [(2, 0, 1.0)]


def test_thousands_of_texts_compare_few_pairs() -> None:
    """5,000 distinct texts of a 3,000-word vocabulary and 50 planted repeats: every repeat is
    found, nothing else, and the pairs that may be measured are a tiny share of 12.5 million."""
    rng = random.Random(5)
    vocabulary = [f"w{n}" for n in range(3000)]
    texts = [said(g, " ".join(rng.choices(vocabulary, k=rng.randint(8, 40))))
             for g in range(5000)]
    for k in range(50):  # evaluation 100 + k repeats evaluation k, a word changed
        words = texts[k].text.split()
        words[len(words) // 2] = "changed"
        texts[100 + k] = said(100 + k, ". ".join(words))
    index = RepeatIndex(texts, 0.8, unrelated)
    found = list(index.repeats())
    assert [(later, earlier) for later, earlier, _ in found] == [(100 + k, k) for k in range(50)]
    assert sum(len(near) for near in index.neighbours().values()) < 50_000
