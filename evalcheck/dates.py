"""ISO dates as the record contract writes them: YYYY-MM-DD, or YYYY-MM meaning the month's end."""

from __future__ import annotations

import calendar
import datetime as dt
import re

_DATE = re.compile(r"([0-9]{4})-([0-9]{2})(?:-([0-9]{2}))?")


def parse_date(value: object, month_end: bool = True) -> dt.date | None:
    """The day a date string stands for (for YYYY-MM the month's last day, or its first when
    `month_end` is False, as for the start of a period), or None if it is not a date."""
    if not isinstance(value, str):
        return None
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


def is_real_date(value: object) -> bool:
    """False for 2023-02-30 and other calendar impossibilities; True for anything else."""
    return not isinstance(value, str) or not _DATE.fullmatch(value) or parse_date(value) is not None


def parse_as_of(text: str) -> dt.date:
    """Parse the --as-of option: a full ISO date."""
    return dt.date.fromisoformat(text)
