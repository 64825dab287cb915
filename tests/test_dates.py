"""Dates and deadlines: when a deadline falls due, and the schemas' patterns, which must refuse
exactly the days the calendar does not have."""

from __future__ import annotations

import calendar
import datetime as dt
import json
import re

import pytest
from conftest import REPO

from evalcheck.dates import (
    DATE_PATTERN,
    DEADLINE_PATTERN,
    deadline_span,
    due_day,
    parse_date,
)
from evalcheck.datewords import date_words, rewrites

D = dt.date

DUE = [
    ("day", "2024-06-30", D(2024, 6, 30)),
    ("month", "2023-11", D(2023, 11, 30)),
    ("february-leap", "2024-02", D(2024, 2, 29)),
    ("february", "2023-02", D(2023, 2, 28)),
    ("q1", "2024-Q1", D(2024, 3, 31)),
    ("q2", "2024-Q2", D(2024, 6, 30)),
    ("q3", "2024-Q3", D(2024, 9, 30)),
    ("q4", "2018-Q4", D(2018, 12, 31)),
    ("year", "2025", D(2025, 12, 31)),
    ("leap-day", "2024-02-29", D(2024, 2, 29)),
    ("no-leap-day", "2023-02-29", None),
    ("impossible-month", "2024-13-01", None),
    ("month-13", "2024-13", None),
    ("quarter-5", "2024-Q5", None),
    ("lower-q", "2024-q3", None),
    ("year-0", "0000", None),
    ("trailing-newline", "2022-11\n", None),
    ("spaces", " 2022-11", None),
    ("other-layout", "31/12/2024", None),
    ("words", "No due date", None),
    ("empty", "", None),
    ("none", None, None),
    ("number", 2024, None),
    ("date-object", D(2024, 1, 1), None),
]


@pytest.mark.parametrize(("value", "expected"), [c[1:] for c in DUE], ids=[c[0] for c in DUE])
def test_due_day(value: object, expected: dt.date | None) -> None:
    assert due_day(value) == expected


def test_span_of_a_quarter_and_a_year() -> None:
    assert deadline_span("2024-Q3") == (D(2024, 7, 1), D(2024, 9, 30))
    assert deadline_span("2025") == (D(2025, 1, 1), D(2025, 12, 31))
    assert deadline_span("2024-05-02") == (D(2024, 5, 2), D(2024, 5, 2))


def test_dates_are_days_and_months_only() -> None:
    assert parse_date("2024-Q3") is None and parse_date("2024") is None
    assert parse_date("2024-02", month_end=False) == D(2024, 2, 1)


def _every_shape(years: range) -> list[str]:
    """Every YYYY-MM-DD with a day 00-31 and month 00-13, months, quarters 0-5, years."""
    out = []
    for y in years:
        out += [f"{y:04d}", f"{y:04d}-Q0", f"{y:04d}-Q5"] + [f"{y:04d}-Q{q}" for q in range(1, 5)]
        for m in range(14):
            out.append(f"{y:04d}-{m:02d}")
            out += [f"{y:04d}-{m:02d}-{d:02d}" for d in range(32)]
    return out


YEARS = [*range(0, 12), *range(1896, 1905), *range(1996, 2105), *range(2396, 2404), 9999]


def test_patterns_refuse_exactly_what_the_calendar_does() -> None:
    """Leap years included (1900 and 2100 are not, 2000 and 2400 are): the editor-level rule
    and lint agree on every day of these years."""
    date, deadline = re.compile(DATE_PATTERN), re.compile(DEADLINE_PATTERN)
    for value in _every_shape(range(0)) + [v for y in YEARS for v in _every_shape(range(y, y + 1))]:
        is_deadline = due_day(value) is not None
        is_date = parse_date(value) is not None
        assert bool(deadline.fullmatch(value)) == is_deadline, value
        assert bool(date.fullmatch(value)) == is_date, value


def test_leap_years_by_the_pattern() -> None:
    date = re.compile(DATE_PATTERN)
    for year in range(1, 10000):
        assert bool(date.fullmatch(f"{year:04d}-02-29")) == calendar.isleap(year), year


@pytest.mark.parametrize("kind", ["evaluation", "management-response", "project"])
def test_schemas_use_these_patterns(kind: str) -> None:
    schema = json.loads((REPO / "schema" / f"{kind}.schema.json").read_text(encoding="utf-8"))
    assert schema["$defs"]["date"]["pattern"] == DATE_PATTERN
    if kind == "management-response":
        assert schema["$defs"]["deadline"]["pattern"] == DEADLINE_PATTERN
    assert '"format": "date' not in json.dumps(schema)


# (id, value, field, message)
WORDS = [
    ("day-first", "31/12/2024", "date",
     "'31/12/2024' is not a date in the form YYYY-MM-DD or YYYY-MM: write 2024-12-31"),
    ("month-first", "12/31/2024", "date", "write 2024-12-31"),
    ("either-way", "03/04/2024", "date",
     "write 2024-04-03 (or 2024-03-04 if the month comes first)"),
    ("dots", "31.12.2024", "deadline", "write 2024-12-31"),
    ("erc-month", "2010/12", "deadline", "write 2010-12"),
    ("month-name", "Noviembre 2023", "deadline", "write 2023-11"),
    ("quarter-words", "Q3 2024", "deadline", "write 2024-Q3"),
    ("french-quarter", "T3 2024", "deadline", "write 2024-Q3"),
    ("lower-q", "2024-q3", "deadline", "write 2024-Q3"),
    ("no-quarter-for-a-date", "Q3 2024", "date",
     "'Q3 2024' is not a date in the form YYYY-MM-DD or YYYY-MM"),
    ("impossible-month", "2024-13-01", "date",
     "'2024-13-01' is not a real calendar date: there is no month 13"),
    ("impossible-day", "2023-02-30", "deadline",
     "'2023-02-30' is not a real calendar date: February 2023 has 28 days"),
    ("not-a-leap-year", "2100-02-29", "date", "February 2100 has 28 days"),
    ("day-0", "2024-05-00", "date", "there is no day 0"),
    ("quarter-5", "2024-Q5", "deadline", "a year has quarters Q1 to Q4, not Q5"),
    ("no-date-words", "No due date", "deadline", "'No due date' is no date"),
    ("spanish-quarter", "3er trimestre 2024", "deadline", "write 2024-Q3"),
    ("erc-quarter", "1st Quarter, 2018", "deadline", "write 2018-Q1"),
    ("words", "when funds arrive", "deadline",
     "'when funds arrive' is not a deadline in the form YYYY-MM-DD, YYYY-MM, YYYY-Qn or YYYY"),
]


@pytest.mark.parametrize(("value", "field", "message"), [c[1:] for c in WORDS],
                         ids=[c[0] for c in WORDS])
def test_date_words(value: str, field: str, message: str) -> None:
    said, hint = date_words(value, field)
    assert message in said
    if "no date" in said:
        assert hint == f"leave deadline out and keep the words in deadline_note: {value}"
    elif "write" not in said and "calendar" not in said:
        assert "e.g." in hint


def test_every_rewrite_is_itself_valid() -> None:
    for value in ("31/12/2024", "Q1 2018", "1/2/2023", "2010/12", "30 de junio de 2023"):
        for iso in rewrites(value, "deadline"):
            assert due_day(iso) is not None, (value, iso)
