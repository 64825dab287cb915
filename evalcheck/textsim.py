"""Text normalisation and similarity for the duplicate-text checks."""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher

_NUMBERING = re.compile(r"^\s*(?:[(\[]?(?:\d+(?:\.\d+)*|[a-zA-Z]|[ivxlcdm]+)[.)\]:]|[-*•·])\s+")
_PUNCT = re.compile(r"[^\w\s]")
_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Case, accents kept; punctuation, spacing and leading numbering ("3.", "b)", "-") dropped."""
    text = unicodedata.normalize("NFC", text)
    text = _NUMBERING.sub("", text)
    text = _PUNCT.sub(" ", text.casefold())
    return _SPACE.sub(" ", text).strip()


def similarity(a: str, b: str, threshold: float = 0.0) -> float:
    """Similarity in [0, 1] of two normalised texts (0.0 early when it cannot reach threshold)."""
    if not a or not b:
        return 0.0
    if 2 * min(len(a), len(b)) / (len(a) + len(b)) < threshold:
        return 0.0
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    if matcher.real_quick_ratio() < threshold or matcher.quick_ratio() < threshold:
        return 0.0
    return matcher.ratio()
