"""Dates and deadlines as the record contract writes them.

A date is YYYY-MM-DD, or YYYY-MM meaning "by the end of that month". A deadline may also be a
quarter (YYYY-Qn) or a year (YYYY), as real matrices give them: it falls due on the period's
last day. `due_day` is the one place that says when a deadline falls due; every check, report
and export asks it, and messages show the deadline as written.

The schemas' patterns are built here too, so that an editor refuses 2023-02-30 exactly as lint
does (tests/test_dates.py checks the patterns against the calendar).
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re

_DATE = re.compile(r"([0-9]{4})-([0-9]{2})(?:-([0-9]{2}))?")
_DEADLINE = re.compile(r"([0-9]{4})(?:-(?:([0-9]{2})(?:-([0-9]{2}))?|Q([1-4])))?")

# --- the schema patterns (ECMA-262 and Python alike): only real calendar days ---------------
_YEAR = "(?:[0-9]{3}[1-9]|[0-9]{2}[1-9]0|[0-9][1-9]00|[1-9]000)"  # 0001-9999
_LEAP_YEAR = ("(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])"
              "|(?:0[48]|[2468][048]|[13579][26])00)")
_MONTH_DAY = ("(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])"
              "|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)"
              "|02-(?:0[1-9]|1[0-9]|2[0-8]))")
_DAY = f"(?:{_YEAR}-{_MONTH_DAY}|{_LEAP_YEAR}-02-29)"
_MONTH = f"{_YEAR}-(?:0[1-9]|1[0-2])"
_QUARTER = f"{_YEAR}-Q[1-4]"

DATE_PATTERN = f"^(?:{_DAY}|{_MONTH})$"
"""A real day (YYYY-MM-DD) or a month (YYYY-MM): the schemas' `$defs/date`."""
DEADLINE_PATTERN = f"^(?:{_DAY}|{_MONTH}|{_QUARTER}|{_YEAR})$"
"""A date, a month, a quarter (YYYY-Qn) or a year (YYYY): the schemas' `$defs/deadline`."""
PATTERN_FIELDS = {DATE_PATTERN: "date", DEADLINE_PATTERN: "deadline"}
"""What a schema pattern asks for, in the words messages use."""


def parse_date(value: object, month_end: bool = True) -> dt.date | None:
    """The day a date string stands for (for YYYY-MM the month's last day, or its first when
    `month_end` is False, as for the start of a period), or None if it is not a date."""
    return _date_of(value, month_end) if isinstance(value, str) else None


@functools.lru_cache(maxsize=8192)
def _date_of(value: str, month_end: bool) -> dt.date | None:
    """parse_date of a string, memoised: a portfolio repeats the same few hundred dates in
    hundreds of thousands of fields, and several checks read each."""
    m = _DATE.fullmatch(value)
    if not m:
        return None
    year, month = int(m.group(1)), int(m.group(2))
    try:
        if m.group(3) is None:
            return dt.date(year, month, calendar.monthrange(year, month)[1] if month_end else 1)
        return dt.date(year, month, int(m.group(3)))
    except ValueError:
        return None


def deadline_span(deadline: object) -> tuple[dt.date, dt.date] | None:
    """The first and last day a deadline covers (a date covers itself; 2024-Q3 covers
    2024-07-01..2024-09-30), or None when it is not a deadline the contract knows."""
    return _span_of(deadline) if isinstance(deadline, str) else None


@functools.lru_cache(maxsize=8192)
def _span_of(deadline: str) -> tuple[dt.date, dt.date] | None:
    """deadline_span of a string, memoised as _date_of is."""
    m = _DEADLINE.fullmatch(deadline)
    if not m:
        return None
    year, month, day, quarter = m.groups()
    y = int(year)
    try:
        if quarter is not None:
            last = int(quarter) * 3
            return dt.date(y, last - 2, 1), dt.date(y, last, calendar.monthrange(y, last)[1])
        if month is None:
            return dt.date(y, 1, 1), dt.date(y, 12, 31)
        mo = int(month)
        if day is None:
            return dt.date(y, mo, 1), dt.date(y, mo, calendar.monthrange(y, mo)[1])
        one = dt.date(y, mo, int(day))
        return one, one
    except ValueError:
        return None


def due_day(deadline: object) -> dt.date | None:
    """The day a deadline falls due: a date is due that day; a month (2024-11), a quarter
    (2024-Q3) or a year (2024) on its last day. None for anything else (no deadline, a
    non-text value, an impossible date)."""
    span = deadline_span(deadline)
    return span[1] if span else None


def parse_as_of(text: str) -> dt.date:
    """Parse the --as-of option: a full ISO date."""
    return dt.date.fromisoformat(text)
