"""Deadlines as matrices write them ("Noviembre 2023", "30 de junio de 2023", "Nov-23",
"30/06/2023", "T3 2024", "2025", "Continu") -> the forms of the record contract.

`parse_when` reads one day or month (2023-06-30, 2023-11), or None: also what `set` uses for
completion dates. `map_deadline` reads a whole deadline cell: a day, month, quarter (2024-Q3)
or year (2024), or else keeps the words as the action's `deadline_note`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from evalcheck.words.text import fold

_MONTH_NAMES = {
    1: "enero january janvier janeiro ene jan janv",
    2: "febrero february fevrier fevereiro feb fevr fev",
    3: "marzo march mars marco mar",
    4: "abril april avril abr apr avr",
    5: "mayo may mai maio",
    6: "junio june juin junho jun",
    7: "julio july juillet julho jul juil",
    8: "agosto august aout ago aug",
    9: "septiembre setiembre september septembre setembro sep sept set",
    10: "octubre october octobre outubro oct out",
    11: "noviembre november novembre novembro nov",
    12: "diciembre december decembre dezembro dic dec dez",
}
MONTHS = {name: number for number, names in _MONTH_NAMES.items() for name in names.split()}

_LEAD = re.compile(
    r"^(?:para|hasta|antes\s+del?|a\s+mas\s+tardar(?:\s+(?:el|en))?|a\s+finales\s+de|finales\s+de"
    r"|fin(?:al)?(?:\s+de)?|by|before|until|no\s+later\s+than|end(?:\s+of)?|by\s+the\s+end\s+of"
    r"|d'ici(?:\s+(?:a|au|fin))?|avant(?:\s+le)?|jusqu'(?:a|au)|a\s+la\s+fin\s+de|ate(?:\s+o)?"
    r"|em|en|in|the|le|el|o)\s+"
)
# year first: 2024-03-15, and ERC's 2012/10/07 (one separator throughout)
_ISO = re.compile(r"(\d{4})([-/.])(\d{1,2})(?:\2(\d{1,2}))?")
_NUMERIC = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})")
_MONTH_YEAR_NUMERIC = re.compile(r"(\d{1,2})[/.\-](\d{4})|(\d{4})[/.](\d{1,2})")
_DAY = r"(\d{1,2})(?:er|ro|o|º|°|st|nd|rd|th)?"
_DAY_MONTH_YEAR = re.compile(
    _DAY + r"(?:\s+de)?[\s\-/.]+([a-z]+)\.?(?:,|\s+de|\s+del|\s+of)?[\s\-/.]+(\d{4})")
_MONTH_DAY_YEAR = re.compile(r"([a-z]+)\.?\s+" + _DAY + r",?\s+(\d{4})")
_MONTH_YEAR = re.compile(r"([a-z]+)\.?(?:,|\s+de|\s+del|\s+of)?[\s\-/.']+(\d{4}|\d{2})")


def _iso(year: int, month: int, day: int | None = None) -> str | None:
    if year < 100:
        year += 2000
    try:
        dt.date(year, month, day or 1)
    except ValueError:
        return None
    return f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day else "")


def parse_when(text: str, day_first: bool | None = True) -> str | None:
    """The ISO date or month a deadline cell gives, or None when it gives no single one.

    day_first decides 03/04/2023 (True: 3 April; False: March 4; None: unreadable), as the
    matrix's language does; 30/06/2023 and 06/30/2023 are read either way.
    """
    s = re.sub(r"\s+", " ", fold(text)).strip().rstrip(".").strip()
    for _ in range(3):
        s = _LEAD.sub("", s)
    if m := _ISO.fullmatch(s):
        return _iso(int(m[1]), int(m[3]), int(m[4]) if m[4] else None)
    if m := _NUMERIC.fullmatch(s):
        a, b, year = int(m[1]), int(m[2]), int(m[3])
        if a > 12 or (a == b):
            return _iso(year, b, a)
        if b > 12:
            return _iso(year, a, b)
        if day_first is None:
            return None
        return _iso(year, b, a) if day_first else _iso(year, a, b)
    if m := _MONTH_YEAR_NUMERIC.fullmatch(s):
        month_text, year_text = (m[1], m[2]) if m[1] else (m[4], m[3])
        return _iso(int(year_text), int(month_text))
    if (m := _DAY_MONTH_YEAR.fullmatch(s)) and m[2] in MONTHS:
        return _iso(int(m[3]), MONTHS[m[2]], int(m[1]))
    if (m := _MONTH_DAY_YEAR.fullmatch(s)) and m[1] in MONTHS:
        return _iso(int(m[3]), MONTHS[m[1]], int(m[2]))
    if (m := _MONTH_YEAR.fullmatch(s)) and m[1] in MONTHS:
        return _iso(int(m[2]), MONTHS[m[1]])
    return None


_ORDINALS = {
    1: "1 first primer primero primera premier premiere primeiro",
    2: "2 second segundo segunda deuxieme seconde",
    3: "3 third tercer tercero tercera troisieme terceiro",
    4: "4 fourth cuarto cuarta quatrieme quarto",
}
_ORDINAL = {word: n for n, words in _ORDINALS.items() for word in words.split()}
_NTH = (r"(" + "|".join(sorted(_ORDINAL, key=len, reverse=True))
        + r")(?:st|nd|rd|th|er|re|eme|e|o|a|ro|do|to|º|°|ª)?\.?")
_YEAR = r"(\d{4})"
_QUARTER_FORMS = (
    # (pattern, group of the quarter, group of the year)
    (re.compile(r"[qt]([1-4])[\s\-/.,']*" + _YEAR), 1, 2),            # Q3 2024, T3 2024, Q1-2018
    (re.compile(_YEAR + r"[\s\-/.,]*[qt]([1-4])"), 2, 1),             # 2018-Q1, 2024 T3
    (re.compile(r"([1-4])t[\s\-/.,]*" + _YEAR), 1, 2),                # 3T 2024 (es)
    (re.compile(_NTH + r"\s*(?:quarter|qtr|trimestre|trim)\.?(?:\s+(?:of|de|del|du|da|do))?"
                r"[\s,]*" + _YEAR), 1, 2),                            # 1st Quarter, 2018
    (re.compile(r"(?:quarter|trimestre)\s*([1-4])(?:\s+(?:of|de|del|du))?[\s,]*" + _YEAR), 1, 2),
)
_HALF_FORMS = (
    (re.compile(r"[sh]([12])[\s\-/.,']*" + _YEAR), 1, 2),             # S1 2024, H2 2024
    (re.compile(_YEAR + r"[\s\-/.,]*[sh]([12])"), 2, 1),
    (re.compile(_NTH + r"\s*(?:semester|semestre|half)(?:\s+(?:of|de|del|du|da|do))?"
                r"[\s,]*" + _YEAR), 1, 2),                            # 1er semestre 2024
)
_JUST_YEAR = re.compile(_YEAR)

# Words that say the action has no date: kept as `deadline_note`, understood.
NO_DATE: tuple[str, ...] = (
    "no due date", "no deadline", "no deadline established", "no date", "no specific date",
    "no fixed date", "not applicable", "n/a", "tbd", "tbc", "to be determined",
    "to be confirmed", "to be defined", "continuous", "continuously", "continual", "ongoing",
    "on going", "on-going", "permanent", "permanently", "recurrent", "recurring", "regularly",
    "annual", "annually", "yearly", "as needed", "as required", "immediate", "immediately",
    "sans echeance", "pas d'echeance", "aucune echeance", "sans date", "continu", "continue",
    "en continu", "de facon continue", "de maniere continue", "permanente", "en permanence",
    "a determiner", "a definir", "a preciser", "immediat", "immediatement", "annuel",
    "annuelle", "recurrent", "au besoin",
    "sin plazo", "sin plazo establecido", "sin fecha", "sin fecha limite", "continuo",
    "continua", "de forma continua", "de manera continua", "de forma permanente",
    "de manera permanente", "por definir", "por determinar", "a determinar", "inmediato",
    "inmediata", "anual", "anualmente", "recurrente", "segun necesidad",
    "sem prazo", "sem prazo definido", "sem data", "continuamente", "imediato", "imediata",
)
_NO_DATE = re.compile(r"(?:" + "|".join(sorted(map(re.escape, NO_DATE), key=len, reverse=True))
                      + r")(?![a-z0-9])")


@dataclass(frozen=True)
class Deadline:
    """A deadline cell read in the contract's terms.

    value:      2024-12-31, 2024-12, 2024-Q3 or 2024 (due on the period's last day), or None.
    note:       the source's words for `deadline_note` when they are no date ("No due date",
                "Continu", "Before the next country programme") or a date that needed
                rounding ("1er semestre 2024" -> 2024-06); "" otherwise.
    understood: False when the words were kept as a note because no date could be read in
                them (an event, a typo): the caller lists them.
    """

    value: str | None
    note: str = ""
    understood: bool = True


def _period(s: str) -> str | None:
    for pattern, q, y in _QUARTER_FORMS:
        if (m := pattern.fullmatch(s)) and (n := _ORDINAL.get(m[q])) and int(m[y]) >= 1900:
            return f"{m[y]}-Q{n}"
    if (m := _JUST_YEAR.fullmatch(s)) and 1900 <= int(m[1]) <= 2199:
        return m[1]
    return None


def _half(s: str) -> str | None:
    for pattern, h, y in _HALF_FORMS:
        if (m := pattern.fullmatch(s)) and (n := _ORDINAL.get(m[h])) in (1, 2):
            return f"{m[y]}-{6 * n:02d}"
    return None


def map_deadline(text: str, day_first: bool | None = True) -> Deadline:
    """A deadline as written -> the contract's deadline and/or deadline_note.

    "Q3 2024", "T3 2024", "3er trimestre 2024", "1st Quarter, 2018", "2018-Q1" -> 2024-Q3 ...;
    "2025", "Fin 2025" -> 2025; "2010/12", "Décembre 2024" -> 2010-12, 2024-12;
    "31/12/2024" -> 2024-12-31 (day_first as in `parse_when`); "No due date", "Continu",
    "Sans échéance" -> note (understood); anything else -> note, not understood.
    """
    words = " ".join(text.split())
    if not words:
        return Deadline(None)
    iso = parse_when(words, day_first)
    if iso is not None:
        return Deadline(iso)
    s = re.sub(r"\s+", " ", fold(words)).strip().rstrip(".").strip()
    s = re.sub(r"[\u2019\u2018`]", "'", s)
    for _ in range(3):
        s = _LEAD.sub("", s)
    if (period := _period(s)) is not None:
        return Deadline(period)
    if (half := _half(s)) is not None:
        return Deadline(half, words)
    return Deadline(None, words, _NO_DATE.match(s) is not None)
