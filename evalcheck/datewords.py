"""What to tell someone whose date or deadline is not in the contract's form: the exact
rewrite when the value can be read ("31/12/2024" -> "write 2024-12-31"), why it is impossible
when it is shaped right but not on the calendar (2024-13-01), else the forms allowed.

Pure: the value in, one message and one hint out (used by evalcheck.schemas).
"""

from __future__ import annotations

import calendar
import re

from evalcheck.dates import DATE_PATTERN, DEADLINE_PATTERN
from evalcheck.words.when import map_deadline, parse_when

_FORMS = {"date": "YYYY-MM-DD or YYYY-MM",
          "deadline": "YYYY-MM-DD, YYYY-MM, YYYY-Qn or YYYY"}
_PATTERNS = {"date": DATE_PATTERN, "deadline": DEADLINE_PATTERN}
_HINTS = {"date": "e.g. 2023-11-30, or 2023-11 for 'November 2023'",
          "deadline": "e.g. 2023-11-30, 2023-11 for 'November 2023', 2024-Q3 for a quarter "
                      "or \"2025\" for a year; when there is no date, leave deadline out and "
                      "write the source's words in deadline_note"}
_SHAPED = re.compile(r"([0-9]{4})-([0-9]{2})(?:-([0-9]{2}))?|([0-9]{4})-Q([0-9])")


def _impossible(value: str, field: str) -> str | None:
    """Why a value shaped like the contract's forms is not on the calendar, or None if it is
    not shaped like them (or is fine)."""
    m = _SHAPED.fullmatch(value)
    if not m or (m.group(4) and field != "deadline"):
        return None
    year = int(m.group(1) or m.group(4))
    if year == 0:
        return "there is no year 0"
    if m.group(4):
        return f"a year has quarters Q1 to Q4, not Q{m.group(5)}"
    month = int(m.group(2))
    if not 1 <= month <= 12:
        return f"there is no month {month}"
    if m.group(3) is None:
        return None
    day, last = int(m.group(3)), calendar.monthrange(year, month)[1]
    if day == 0:
        return "there is no day 0"
    if day > last:
        return f"{calendar.month_name[month]} {year} has {last} days"
    return None


def rewrites(value: str, field: str) -> list[str]:
    """The contract's form of a date written another way: one reading, or two when the day and
    the month could be either way round (03/04/2024), day first; [] when it cannot be read.
    A deadline is read as the importer reads a cell ("T3 2024", "1st Quarter, 2018")."""
    fits = re.compile(_PATTERNS[field])
    found: list[str] = []
    for day_first in (True, False):
        if field == "deadline":
            read = map_deadline(value, day_first)
            iso = read.value if not read.note else None
        else:
            iso = parse_when(value, day_first)
        if iso and iso not in found and fits.fullmatch(iso):
            found.append(iso)
    return found


def date_words(value: str, field: str) -> tuple[str, str]:
    """(message, hint) for a `field` ('date' or 'deadline') whose value does not fit."""
    why = _impossible(value, field)
    if why:
        return f"{value!r} is not a real calendar date: {why}", ""
    message = f"{value!r} is not a {field} in the form {_FORMS[field]}"
    found = rewrites(value, field)
    if len(found) == 1:
        return f"{message}: write {found[0]}", ""
    if len(found) == 2:
        return (f"{message}: write {found[0]} (or {found[1]} if the month comes first)", "")
    if field == "deadline" and (read := map_deadline(value)).value is None and read.understood:
        return (f"{value!r} is no date", "leave deadline out and keep the words in "
                f"deadline_note: {read.note}")
    return message, _HINTS[field]
