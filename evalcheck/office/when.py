"""Deadlines as matrices write them ("Noviembre 2023", "30 de junio de 2023", "Nov-23",
"30/06/2023") -> the ISO forms of the record contract (2023-11, 2023-06-30), or None.

None means "not a date I can read": the caller reports the cell and leaves the field out.
"""

from __future__ import annotations

import datetime as dt
import re

from evalcheck.office.text import fold

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
_ISO = re.compile(r"(\d{4})-(\d{1,2})(?:-(\d{1,2}))?")
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
        return _iso(int(m[1]), int(m[2]), int(m[3]) if m[3] else None)
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
