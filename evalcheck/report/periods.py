"""Reporting periods as boards use them: a year (`2025`), a quarter (`2025-Q3`), a month
(`2025-07`) or a range of days (`2025-01-01..2025-06-30`), and the run of periods a trend walks.

Pure: text in, a Period (or a plain-words reason it is not one) out.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

_YEAR = re.compile(r"([0-9]{4})")
_QUARTER = re.compile(r"([0-9]{4})-[Qq]([1-4])")
_MONTH = re.compile(r"([0-9]{4})-([0-9]{2})")
STEPS = ("quarter", "month", "year")
EXAMPLES = "2025, 2025-Q3, 2025-07 or 2025-01-01..2025-06-30"


@dataclass(frozen=True, slots=True)
class Period:
    label: str
    """As people write it: 2025, 2025-Q3, 2025-07, 2025-01-01..2025-06-30."""
    start: dt.date
    end: dt.date
    """The last day of the period, included."""

    def __contains__(self, day: object) -> bool:
        return isinstance(day, dt.date) and self.start <= day <= self.end


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def year(y: int) -> Period:
    return Period(str(y), dt.date(y, 1, 1), dt.date(y, 12, 31))


def quarter(y: int, q: int) -> Period:
    return Period(f"{y}-Q{q}", dt.date(y, 3 * q - 2, 1), _month_end(y, 3 * q))


def month(y: int, m: int) -> Period:
    return Period(f"{y}-{m:02d}", dt.date(y, m, 1), _month_end(y, m))


def parse_period(text: str) -> Period | str:
    """The period `text` names, or a one-line reason why it names none."""
    value = text.strip()
    bad = f"{text!r} is not a reporting period (use {EXAMPLES})"
    try:
        if _YEAR.fullmatch(value):
            return year(int(value))
        if m := _QUARTER.fullmatch(value):
            return quarter(int(m.group(1)), int(m.group(2)))
        if m := _MONTH.fullmatch(value):
            if not 1 <= int(m.group(2)) <= 12:
                return bad
            return month(int(m.group(1)), int(m.group(2)))
        if ".." in value:
            first, _, last = value.partition("..")
            start, end = dt.date.fromisoformat(first.strip()), dt.date.fromisoformat(last.strip())
            if end < start:
                return f"{text!r}: the period ends before it starts"
            return Period(f"{start.isoformat()}..{end.isoformat()}", start, end)
    except ValueError:
        return bad
    return bad


def containing(step: str, day: dt.date) -> Period:
    """The quarter, month or year that holds `day`."""
    if step == "year":
        return year(day.year)
    if step == "month":
        return month(day.year, day.month)
    return quarter(day.year, (day.month - 1) // 3 + 1)


def walk(step: str, since: dt.date, until: dt.date) -> list[Period]:
    """Every quarter, month or year from the one holding `since` to the one holding `until`."""
    out: list[Period] = []
    current = containing(step, since)
    while current.start <= until:
        out.append(current)
        current = containing(step, current.end + dt.timedelta(days=1))
    return out
