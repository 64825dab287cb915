"""A management response and its actions as they stood on a past date, from what the record
keeps of its own past.

Pure: record data and a date in, record data out. A report "as of" a date counts what was true
then: a response dated after it did not exist yet; an action closed after it (its
`completed_on`) was still open; a deadline moved after it (its `deadline_changes`) still had its
old value; an update, a validation written after it had not been written. The board rows
(boardrows.py) apply the same rules to the same fields, so the report's sections and the board
indicators of a period agree (tests/report/test_stood.py holds them together).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from evalcheck.checks.deadlines import CLOSED
from evalcheck.dates import parse_date

OPEN_THEN = "in-progress"
"""The status of an action closed after the date: it had begun, or it could not be closed."""


def _day(value: object, month_end: bool = True) -> dt.date | None:
    return parse_date(value, month_end) if isinstance(value, str) else None


def response_stood(response: Mapping[str, Any], at: dt.date) -> bool:
    """Whether a management response existed on `at`: undated, or dated on or before it (a
    month on its first day)."""
    day = _day(response.get("date"), month_end=False)
    return day is None or day <= at


def _later(entry: object, at: dt.date) -> bool:
    return isinstance(entry, dict) and (_day(entry.get("date")) or dt.date.min) > at


def action_stood(action: Mapping[str, Any], at: dt.date) -> Mapping[str, Any]:
    """The action as it stood on `at`; the same mapping when nothing in it is later."""
    changed: dict[str, Any] = {}
    status, completed = action.get("status"), _day(action.get("completed_on"))
    if isinstance(status, str) and status in CLOSED and completed is not None \
            and completed > at:
        changed["status"], changed["completed_on"] = OPEN_THEN, None
    moves = action.get("deadline_changes")
    if isinstance(moves, list) and any(_later(m, at) for m in moves):
        later = [m for m in moves if _later(m, at)]
        changed["deadline_changes"] = [m for m in moves if not _later(m, at)]
        first = min(later, key=lambda m: _day(m.get("date")) or dt.date.max)
        changed["deadline"] = first.get("from")
    updates = action.get("updates")
    if isinstance(updates, list) and any(_later(u, at) for u in updates):
        changed["updates"] = [u for u in updates if not _later(u, at)]
    validated = action.get("validated")
    if isinstance(validated, dict) and (_day(validated.get("on")) or dt.date.min) > at:
        changed["validated"] = None
    if not changed:
        return action
    return {k: v for k, v in {**action, **changed}.items() if v is not None}
