"""What the tracker workbook holds: the report's implementation section (the same rows,
numbers and columns as the report's actions.csv) as spreadsheet cell values.

Built on evalcheck.report, so the workbook, the CSV and the HTML report never disagree about
what is overdue or what the implementation rate is.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from evalcheck.dates import parse_date
from evalcheck.records import Record
from evalcheck.report.csv import COLUMNS
from evalcheck.report.model import Implementation, build_report
from evalcheck.report.rows import ActionRow

__all__ = ["COLUMNS", "HEADERS", "Day", "cells", "implementation"]

HEADERS = tuple(name.replace("_", " ").capitalize() for name in COLUMNS)
"""The CSV's columns as a spreadsheet shows them: days_overdue -> Days overdue."""


@dataclass(frozen=True)
class Day:
    """A date cell; month_only when the record gives a month (2023-11 is due on the 30th)."""

    date: dt.date
    month_only: bool = False


def _day(value: str) -> Day | str:
    day = parse_date(value)
    if day is None:
        return value
    return Day(day, month_only=len(value) == 7)


def cells(a: ActionRow) -> tuple[object, ...]:
    """One action's cells, in the order of COLUMNS."""
    return (a.evaluation, a.evaluation_title, a.response, a.recommendation, a.decision, a.id,
            a.text, _day(a.deadline), _day(a.due), _day(a.original_deadline),
            "; ".join(a.responsible), "; ".join(a.supporting), a.status, _day(a.completed_on),
            a.days_overdue)


def implementation(records: Sequence[Record], as_of: dt.date) -> Implementation:
    """Actions, counts by status, overdue and the implementation rate, as the report has them."""
    return build_report(records, [], as_of).implementation
