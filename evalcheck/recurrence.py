"""Recommendations made again in a later evaluation: the search behind recurring-recommendation.

Pure: plain values in, plain values out. Every evaluation's recommendations come in once,
in report-date order, with their normalised texts and textsim.signature()s (kept in each
record's facts, so nothing is normalised again and no other record's data is read). The
search is not quadratic: a recommendation is compared only with the earlier ones that have the
same text or share a signature number that few texts have (an inverted index, as prefix
filtering does for near-duplicate-text), earliest first, and the first similar one ends it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import NamedTuple

from evalcheck.textsim import similarity

# A signature number that more texts than this share says nothing (the word pairs every
# recommendation has: "should be", "de la"); texts that share only those are not compared.
COMMON = 64


class Said(NamedTuple):
    """One recommendation as the search sees it; the caller lists them earliest first."""

    group: int  # the evaluation it belongs to (the caller's index)
    text: str  # normalised (textsim.normalise)
    signature: tuple[int, ...]  # textsim.signature(text)


class RepeatIndex:
    """The recommendations of every evaluation, indexed by text and signature numbers.

    `related(a, b)` says whether two evaluations (group numbers) must not be compared: the
    same one, or two that duplicate-id or duplicate-record already name.
    """

    def __init__(self, said: Sequence[Said], threshold: float,
                 related: Callable[[int, int], bool]) -> None:
        self.said = said
        self.threshold = threshold
        self.related = related
        self.same_text: dict[str, list[int]] = {}
        self.postings: dict[int, list[int]] = {}
        for i, item in enumerate(said):
            self.same_text.setdefault(item.text, []).append(i)
            for number in item.signature:
                self.postings.setdefault(number, []).append(i)

    def candidates(self, i: int) -> set[int]:
        """The other recommendations (earlier or later) that i may be compared with."""
        item = self.said[i]
        found = set(self.same_text[item.text])
        for number in item.signature:
            posting = self.postings[number]
            if len(posting) <= COMMON:
                found.update(posting)
        found.discard(i)
        return found

    def earliest(self, i: int) -> tuple[int, float] | None:
        """The earliest recommendation of another, unrelated evaluation that i repeats (its
        index and the similarity), or None."""
        item = self.said[i]
        low = self.threshold / (2 - self.threshold)  # shortest/longest of a pair that can pass
        size = len(item.text)
        for j in sorted(j for j in self.candidates(i) if j < i):
            other = self.said[j]
            if other.group == item.group or self.related(item.group, other.group):
                continue
            if min(size, len(other.text)) < low * max(size, len(other.text)):
                continue
            score = 1.0 if other.text == item.text else \
                similarity(item.text, other.text, self.threshold)
            if score >= self.threshold:
                return j, score
        return None

    def repeats(self, wanted: Sequence[int] | None = None) -> Iterator[tuple[int, int, float]]:
        """(later, earliest it repeats, similarity) for each of `wanted` (all when None) that
        repeats an earlier one."""
        for i in range(len(self.said)) if wanted is None else sorted(set(wanted)):
            found = self.earliest(i)
            if found is not None:
                yield i, found[0], found[1]
