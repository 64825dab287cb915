"""Recommendations made again in a later evaluation: the search behind recurring-recommendation.

Pure: plain values in, plain values out. Every evaluation's recommendations come in once,
in report-date order, with their normalised texts and textsim.signature()s (kept in each
record's facts, so nothing is normalised again and no other record's data is read). The
search is not quadratic: a recommendation is compared only with the earlier ones that have the
same text or share two signature numbers that few texts have (one, for a text of a few words),
earliest first; the first similar one ends it. Pairs come from an inverted index on the
numbers, as prefix filtering does for near-duplicate-text. Texts with a ratio of 0.8 share
most of their word pairs, so they nearly always share two of the numbers; unrelated texts
rarely do, which keeps a 10,000-record repository's search to a fraction of a second.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from itertools import chain, combinations
from typing import NamedTuple

from evalcheck.textsim import similarity

# A signature number that more texts than this share says nothing (the word pairs every
# recommendation has: "should be", "de la"); texts that share only those are not compared.
COMMON = 16
SHORT = 4  # a signature of fewer numbers than this (a text of a few words) needs one shared


class Said(NamedTuple):
    """One recommendation as the search sees it; the caller lists them earliest first."""

    group: int  # the evaluation it belongs to (the caller's index)
    text: str  # normalised (textsim.normalise)
    signature: tuple[int, ...]  # textsim.signature(text)


class RepeatIndex:
    """The recommendations of every evaluation, and the pairs worth comparing.

    `related(a, b)` says whether two evaluations (group numbers) must not be compared: the
    same one, or two that duplicate-id or duplicate-record already name.
    """

    def __init__(self, said: Sequence[Said], threshold: float,
                 related: Callable[[int, int], bool]) -> None:
        self.said = said
        self.threshold = threshold
        self.related = related
        self._items: dict[int, list[int]] | None = None

    def _numbers(self) -> dict[int, list[int]]:
        """Signature number -> the items that have it, in order; built once, on first use."""
        if self._items is None:
            items: dict[int, list[int]] = {}
            for i, item in enumerate(self.said):
                for n in item.signature:
                    items.setdefault(n, []).append(i)
            self._items = items
        return self._items

    def _postings(self, focus: Collection[int] | None) -> list[list[int]]:
        """The items of each signature number that few texts share, for every number (None)
        or for the numbers of `focus` (a run that names files: no other number is counted)."""
        items = self._numbers()
        if focus is None:
            lists: Iterable[list[int]] = items.values()
        else:
            numbers = set(chain.from_iterable(self.said[f].signature for f in focus))
            lists = (items[n] for n in numbers)
        return [p for p in lists if 1 < len(p) <= COMMON]

    def _same_text(self, focus: Collection[int] | None) -> dict[str, list[int]]:
        """The items of each text (of every text, or of those of `focus`), in order."""
        said = self.said
        texts = None if focus is None else {said[f].text for f in focus}
        out: dict[str, list[int]] = {}
        for i, item in enumerate(said):
            if texts is None or item.text in texts:
                out.setdefault(item.text, []).append(i)
        return out

    def neighbours(self, focus: Collection[int] | None = None) -> dict[int, set[int]]:
        """For each of `focus` (all when None), the others it is to be compared with: two
        signature numbers shared (one, if either text is short). Symmetric, and the same for
        an item whichever focus it is asked in."""
        said = self.said
        wanted = None if focus is None else set(focus)
        shared = Counter(pair for posting in self._postings(focus)
                         for pair in combinations(posting, 2))
        out: dict[int, set[int]] = {}
        for (a, b), count in shared.items():
            if count < 2 and len(said[a].signature) >= SHORT and \
                    len(said[b].signature) >= SHORT:
                continue
            if wanted is None or a in wanted:
                out.setdefault(a, set()).add(b)
            if wanted is None or b in wanted:
                out.setdefault(b, set()).add(a)
        return out

    def later(self, items: Collection[int]) -> set[int]:
        """The later recommendations that may repeat one of `items`."""
        found = {j for i, near in self.neighbours(items).items() for j in near if j > i}
        same = self._same_text(items)
        for i in items:
            found.update(j for j in same[self.said[i].text] if j > i)
        return found

    def _earliest(self, i: int, near: Iterable[int], same_text: list[int]
                  ) -> tuple[int, float] | None:
        item = self.said[i]
        same = next((j for j in same_text if j < i and self._comparable(item, j)), None)
        low = self.threshold / (2 - self.threshold)  # shortest/longest of a pair that can pass
        size = len(item.text)
        for j in sorted(j for j in near if j < i and (same is None or j < same)):
            other = self.said[j]
            if not self._comparable(item, j) or \
                    min(size, len(other.text)) < low * max(size, len(other.text)):
                continue
            score = similarity(item.text, other.text, self.threshold)
            if score >= self.threshold:
                return j, score
        return None if same is None else (same, 1.0)

    def _comparable(self, item: Said, j: int) -> bool:
        group = self.said[j].group
        return group != item.group and not self.related(item.group, group)

    def repeats(self, wanted: Collection[int] | None = None
                ) -> Iterator[tuple[int, int, float]]:
        """(later, earliest it repeats, similarity) for each of `wanted` (all when None) that
        repeats an earlier one, in order."""
        near = self.neighbours(wanted)
        same_text, said = self._same_text(wanted), self.said
        for i in range(len(said)) if wanted is None else sorted(set(wanted)):
            same = same_text[said[i].text]
            if i not in near and len(same) < 2:
                continue  # nothing to compare it with: most recommendations
            found = self._earliest(i, near.get(i, ()), same)
            if found is not None:
                yield i, found[0], found[1]
