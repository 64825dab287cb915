"""Text helpers for reading documents: case- and accent-blind comparison, cell clean-up."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable


def fold(text: str) -> str:
    """Lower-case, accent-free text of the same length, so that a match found in it
    indexes the original text."""
    out = []
    for ch in text:
        base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
        low = base.lower()
        out.append(low if len(low) == 1 else (ch.lower() if len(ch.lower()) == 1 else ch))
    return "".join(out)


_LETTERS = str.maketrans({"\u0153": "oe", "\u0152": "OE", "\u00e6": "ae", "\u00c6": "AE",
                          "\u00df": "ss", "\u1e9e": "SS", "\u00f8": "o", "\u00d8": "O",
                          "\u0142": "l", "\u0141": "L", "\u0111": "d", "\u0110": "D",
                          "\u00fe": "th", "\u00de": "Th", "\u00f0": "d", "\u00d0": "D"})


def ascii_letters(text: str) -> str:
    """Letters that do not decompose into a base letter and an accent spelt the way people
    type them without the key: œ -> oe, æ -> ae, ß -> ss, ø -> o ("mise en œuvre" and
    "mise en oeuvre" are one name)."""
    return text.translate(_LETTERS)


_DASHES = re.compile(r"[\-\u2010-\u2015_]+")
_SPACES = re.compile(r"\s+")
_EDGE = " .,;:\u00b7\u2022*\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u00a0\t\n"


def key(text: str) -> str:
    """The form names are compared in: folded, dashes as spaces, one space, no edge punctuation."""
    return _SPACES.sub(" ", _DASHES.sub(" ", fold(ascii_letters(text)))).strip(_EDGE)


def clean(text: str) -> str:
    """A cell's text as a record keeps it: lines trimmed, empty lines dropped, paragraphs
    joined by one newline (how a folded YAML block with blank lines between paragraphs reads)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x0b", "\n")
    text = text.replace("\u00a0", " ").replace("\u200b", "")
    return "\n".join(line.strip() for line in text.split("\n") if line.strip())


_STOPWORDS = {
    "es": ("de", "la", "el", "los", "las", "y", "en", "del", "para", "con", "por", "una"),
    "en": ("the", "of", "and", "to", "in", "for", "with", "on", "by", "is", "be", "an"),
    "fr": ("le", "la", "les", "des", "et", "du", "pour", "dans", "une", "sur", "au", "aux"),
    "pt": ("de", "da", "do", "dos", "das", "e", "em", "para", "com", "uma", "os", "ao"),
}


def guess_language(texts: Iterable[str]) -> str | None:
    """es, en, fr or pt from function words, or None when no language clearly leads."""
    words = Counter(w for t in texts for w in re.findall(r"[a-z]+", fold(t)))
    scores = sorted(((sum(words[w] for w in stop), lang) for lang, stop in _STOPWORDS.items()),
                    reverse=True)
    (best, lang), (second, _) = scores[0], scores[1]
    return lang if best >= 20 and best >= 1.3 * second else None
