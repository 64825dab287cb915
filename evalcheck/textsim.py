"""Text normalisation and similarity for the duplicate-text checks."""

from __future__ import annotations

import functools
import math
import re
import unicodedata
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from itertools import pairwise

from rapidfuzz.fuzz import ratio
from rapidfuzz.process import extract

_NUMBERING = re.compile(r"^\s*(?:[(\[]?(?:\d+(?:\.\d+)*|[a-zA-Z]|[ivxlcdm]+)[.)\]:]|[-*•·])\s+")
_WORDS = re.compile(r"\w+")


@functools.lru_cache(maxsize=4096)
def normalise(text: str) -> str:
    """Case, accents kept; punctuation, spacing and leading numbering ("3.", "b)", "-") dropped.

    Memoised (a pure function): a record's facts, duplicate-text and near-duplicate-text
    normalise the same texts one after another."""
    if not text.isascii():  # ASCII text is NFC already
        text = unicodedata.normalize("NFC", text)
    numbering = _NUMBERING.match(text)
    if numbering:
        text = text[numbering.end():]
    # punctuation and spacing dropped: the runs of word characters, one space between them
    return " ".join(_WORDS.findall(text.casefold()))


def similarity(a: str, b: str, threshold: float = 0.0) -> float:
    """Similarity in [0, 1] of two normalised texts: 2 x (longest common subsequence) / (total
    length), as difflib's ratio, computed by rapidfuzz in C++ (0.0 below the threshold)."""
    if not a or not b:
        return 0.0
    return float(ratio(a, b, score_cutoff=threshold * 100)) / 100


def _pairwise(texts: Sequence[str], threshold: float) -> Iterator[tuple[int, int, float]]:
    """near_duplicates by comparing each text with every earlier one: the best score, and
    the earliest text with it. Each text is measured against all earlier ones in one call
    into rapidfuzz (the scores are `similarity`'s)."""
    cutoff = threshold * 100
    seen: set[str] = set()
    earlier: list[int] = []  # the earlier non-empty texts, repeats included, and their texts
    before: list[str] = []
    for i, text in enumerate(texts):
        if not text:
            continue
        if text not in seen:
            seen.add(text)
            yield from _best(i, text, earlier, before, threshold, cutoff)
        earlier.append(i)
        before.append(text)


def _best(i: int, text: str, earlier: list[int], before: list[str], threshold: float,
          cutoff: float) -> Iterator[tuple[int, int, float]]:
    """The earliest of the earlier texts most similar to `text`, if similar enough."""
    if threshold <= 0:  # every pair qualifies, a score of 0 too: measure them one by one
        scores = [(similarity(other, text, threshold), -j) for j, other in zip(earlier, before,
                                                                             strict=True)]
        best = max(scores, default=(0.0, 0))
        if best[0] >= threshold:
            yield i, -best[1], best[0]
        return
    found = extract(text, before, scorer=ratio, score_cutoff=cutoff, limit=None)
    if found:
        top = max(score for _, score, _ in found)
        first = min(k for _, score, k in found if score == top)
        yield i, earlier[first], float(top) / 100


_WORD = re.compile(r"\w+")
TOKEN_OVERLAP = 0.5
POSTING_SCAN = 200
EXHAUSTIVE_UP_TO = 500


def near_duplicates(texts: Sequence[str], threshold: float,
                    max_checks: int = 20) -> Iterator[tuple[int, int, float]]:
    """(later, earlier, best score) for each normalised text similar to an earlier one.

    Exact repeats are left to duplicate-text. A group of up to EXHAUSTIVE_UP_TO texts (every
    real record) is compared pair by pair. Beyond that, pairwise comparison is quadratic and a
    record with hundreds of similar actions would take minutes, so candidates come from prefix
    filtering: each text is indexed under its rarest words, so texts sharing half their words
    meet, and only the `max_checks` candidates sharing most words are measured.
    """
    if len(texts) <= EXHAUSTIVE_UP_TO:
        yield from _pairwise(texts, threshold)
        return
    words = [set(_WORD.findall(text)) for text in texts]
    frequency = Counter(word for ws in words for word in ws)
    postings: dict[str, list[int]] = defaultdict(list)
    seen: set[str] = set()
    for i, text in enumerate(texts):
        if not text:
            continue
        ordered = sorted(words[i], key=lambda w: (frequency[w], w))
        prefix = ordered[: max(1, len(ordered) - math.ceil(TOKEN_OVERLAP * len(ordered)) + 1)]
        if text not in seen:
            shared: Counter[int] = Counter()
            for word in prefix:
                shared.update(postings[word][-POSTING_SCAN:])
            measured = ((similarity(texts[j], text, threshold), j)
                        for j, _ in shared.most_common(max_checks) if texts[j] != text)
            score, j = max(measured, default=(0.0, 0))
            if score >= threshold:
                yield i, j, score
            seen.add(text)
        for word in prefix:
            postings[word].append(i)


SIGNATURE_SIZE = 12
_MIX = 0x9E3779B1  # large odd constants (Fibonacci hashing) to combine two word hashes
_SKIP = 0x85EBCA6B


def signature(text: str, size: int = SIGNATURE_SIZE) -> tuple[int, ...]:
    """A few stable numbers that similar normalised texts tend to share: the `size` smallest
    hashes of the text's pairs of adjacent words and of words one apart (a bottom-k sketch;
    one number for a text of one word). Pairs one apart survive a word changed between them
    ("hold a meeting", "hold the meeting"). Two texts that share most of these pairs share
    some of the numbers with high probability, so an index on them finds similar texts among
    thousands without comparing every pair.

    CRC-32 rather than hash(): the numbers are kept in the cache and compared across runs,
    and Python salts str hashes per process."""
    words = [zlib.crc32(w.encode()) for w in text.split()]
    if len(words) < 2:
        return tuple(words)
    pairs = {(a * _MIX ^ b) & 0xFFFFFFFF for a, b in pairwise(words)}
    pairs.update((a * _SKIP ^ b) & 0xFFFFFFFF for a, b in zip(words, words[2:], strict=False))
    return tuple(sorted(pairs)[:size])
