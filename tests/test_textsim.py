"""near-duplicate texts: the pairwise search measured in one rapidfuzz call per text says
exactly what comparing every pair one by one says."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from evalcheck.textsim import near_duplicates, normalise, similarity

WORDS = ["hold", "the", "a", "regional", "meeting", "in", "march", "plan", "write", ""]


def one_by_one(texts: list[str], threshold: float) -> list[tuple[int, int, float]]:
    out = []
    for i, text in enumerate(texts):
        if not text or text in texts[:i]:
            continue
        scores = [(similarity(texts[j], text, threshold), -j) for j in range(i) if texts[j]]
        best = max(scores, default=(0.0, 0))
        if best[0] >= threshold:
            out.append((i, -best[1], best[0]))
    return out


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.sampled_from(WORDS), max_size=6).map(" ".join), max_size=12),
       st.sampled_from([0.0, 0.5, 0.85, 1.0]))
def test_pairwise_search_is_pair_by_pair(texts: list[str], threshold: float) -> None:
    texts = [normalise(t) for t in texts]
    assert list(near_duplicates(texts, threshold)) == one_by_one(texts, threshold)


def by_substitution(text: str) -> str:
    """normalise as first written: three substitutions."""
    text = unicodedata.normalize("NFC", text)
    text = re.sub(r"^\s*(?:[(\[]?(?:\d+(?:\.\d+)*|[a-zA-Z]|[ivxlcdm]+)[.)\]:]|[-*•·])\s+", "", text)
    text = re.sub(r"[^\w\s]", " ", text.casefold())
    return re.sub(r"\s+", " ", text).strip()


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from([*"ab1.-() \t\n,;:!?éE\u0301ßİ_•*[]\x1c\u3000", "iv", "3."]),
                max_size=30).map("".join))
def test_normalise_keeps_words_and_drops_the_rest(text: str) -> None:
    assert normalise(text) == by_substitution(text)
