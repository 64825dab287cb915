"""The deadlines family: past-due-action, due-soon, missing-deadline, no-fixed-deadline,
response-overdue.

Every case is judged as of 2024-06-30 unless it says otherwise.
"""

from __future__ import annotations

import datetime as dt

import pytest
from checkcases import Expected, assert_found, cases
from conftest import AS_OF
from records_kit import action, evaluation, management_response


def response(deadline: str | None = None, status: str | None = None,
             note: str | None = None) -> str:
    """A management response with one action of this deadline, status and deadline_note
    (line 9)."""
    fields = {"deadline": deadline, "status": status, "deadline_note": note}
    return management_response(actions=[
        action(**{name: value for name, value in fields.items() if value is not None})])


DEADLINE_COL = 75  # where the deadline value starts in response()'s action line

PAST_DUE = [
    ("month-deadline-open", response("2023-11"), AS_OF,
     [("r0.yaml", 9, DEADLINE_COL, "action 1.1 is 213 days past due (deadline 2023-11, "
       "status not reported)")]),
    ("in-progress-is-open", response("2024-06-29", "in-progress"), AS_OF,
     [("r0.yaml", 9, DEADLINE_COL, "1 day past due (deadline 2024-06-29, status in-progress)")]),
    ("month-deadline-due-on-its-last-day", response("2024-06"), AS_OF, []),
    ("month-deadline-a-day-later", response("2024-06"), dt.date(2024, 7, 1),
     [("r0.yaml", 9, DEADLINE_COL, "1 day past due")]),
    ("completed", response("2023-11", "completed"), AS_OF, []),
    ("no-longer-applicable", response("2023-11", "no-longer-applicable"), AS_OF, []),
    ("future-deadline", response("2024-12"), AS_OF, []),
    ("no-deadline", response(), AS_OF, []),
    ("quarter-due-on-its-last-day", response("2024-Q2"), AS_OF, []),
    ("quarter-a-day-later", response("2024-Q2"), dt.date(2024, 7, 1),
     [("r0.yaml", 9, DEADLINE_COL, "action 1.1 is 1 day past due (deadline 2024-Q2, status not "
       "reported)")]),
    ("first-quarter", response("2024-Q1"), AS_OF,
     [("r0.yaml", 9, DEADLINE_COL, "is 91 days past due (deadline 2024-Q1,")]),
    ("year-due-on-31-december", response('"2023"'), AS_OF,
     [("r0.yaml", 9, DEADLINE_COL, "is 182 days past due (deadline 2023,")]),
    ("this-year-is-not-yet-due", response('"2024"'), AS_OF, []),
    ("leap-day", response("2024-02-29"), AS_OF, [("r0.yaml", 9, DEADLINE_COL, "122 days")]),
    ("impossible-date-is-the-schema's", response("2023-02-30"), AS_OF, []),
    ("quarter-completed", response("2023-Q4", "completed"), AS_OF, []),
]

DUE_SOON = [
    ("within-window", response("2024-07-10"), None,
     [("r0.yaml", 9, DEADLINE_COL, "action 1.1 is due in 10 days (deadline 2024-07-10)")]),
    ("due-today", response("2024-06-30"), None, [("r0.yaml", 9, DEADLINE_COL, "due today")]),
    ("month-deadline-counts-from-its-last-day", response("2024-07"), None, []),
    ("month-deadline-within-a-31-day-window", response("2024-07"), {"days": 31},
     [("r0.yaml", 9, DEADLINE_COL, "due in 31 days (deadline 2024-07)")]),
    ("outside-default-window", response("2024-08-15"), None, []),
    ("window-widened", response("2024-08-15"), {"days": 60},
     [("r0.yaml", 9, DEADLINE_COL, "due in 46 days")]),
    ("window-narrowed", response("2024-07-10"), {"days": 5}, []),
    ("already-past-is-not-soon", response("2024-06-01"), None, []),
    ("quarter-counts-from-its-last-day", response("2024-Q3"), {"days": 92},
     [("r0.yaml", 9, DEADLINE_COL, "due in 92 days (deadline 2024-Q3)")]),
    ("quarter-a-day-outside-the-window", response("2024-Q3"), {"days": 91}, []),
    ("year-counts-from-31-december", response('"2024"'), {"days": 184},
     [("r0.yaml", 9, DEADLINE_COL, "due in 184 days (deadline 2024)")]),
    ("completed-is-not-due", response("2024-07-10", "completed"), None, []),
]

MISSING_DEADLINE = [
    ("action-without-deadline", response(), [("r0.yaml", 9, 9, "action 1.1 has no deadline")]),
    ("action-with-deadline", response("2024-12"), []),
    ("completed-action-with-deadline", response("2023-01-15", "completed"), []),
    ("quarter-deadline", response("2024-Q4"), []),
    ("a-note-instead", response(note="No due date"), []),
    ("a-note-and-a-deadline", response("2024-12", note="Continuous"), []),
]

NOTE_COL = 80  # where the deadline_note value starts in response(note=...)'s action line
NO_FIXED_DEADLINE = [
    ("no-due-date", response(note="No due date"),
     [("r0.yaml", 9, NOTE_COL, "action 1.1 has no fixed deadline (deadline_note: 'No due date')")]),
    ("event", response(note="Before the next country programme"),
     [("r0.yaml", 9, NOTE_COL, "(deadline_note: 'Before the next country programme')")]),
    ("in-progress-is-open", response(status="in-progress", note="Continuous"),
     [("r0.yaml", 9, NOTE_COL + len(", status: in-progress"), "no fixed deadline")]),
    ("with-a-deadline-too", response("2025-Q2", note="Continuous"), []),
    ("completed", response(status="completed", note="Continuous"), []),
    ("no-longer-applicable", response(status="no-longer-applicable", note="Continuous"), []),
    ("neither-is-missing-deadline's", response(), []),
]


RESPONSE_OVERDUE = [
    ("no-response-61-days-after", evaluation(report_date="2024-04-30"), None,
     [("r0.yaml", 6, 14, "evaluation 'EV-1' has 1 recommendation and no management response "
       "61 days after its report")]),
    ("exactly-60-days-is-not-yet", evaluation(report_date="2024-05-01"), None, []),
    ("days-option", evaluation(report_date="2024-04-30"), {"days": 90}, []),
    ("days-option-shorter", evaluation(report_date="2024-06-01"), {"days": 10},
     [("r0.yaml", 6, 14, "29 days after its report")]),
    ("judged-from-the-year-end", evaluation(year="2023"), None,
     [("r0.yaml", 6, 7, "182 days after its report")]),
    ("has-a-response", evaluation(report_date="2024-03-01") + "---\n" + management_response(),
     None, []),
    ("ongoing-evaluation", evaluation(status="ongoing", report_date="2024-03-01"), None, []),
    ("no-recommendations", evaluation(recommendations=None, report_date="2024-03-01"), None, []),
    ("no-date-at-all", evaluation(), None, []),
]


@pytest.mark.parametrize(("text", "as_of", "expected"), **cases(PAST_DUE))
def test_past_due_action(text: str, as_of: dt.date, expected: Expected) -> None:
    assert_found(text, "past-due-action", expected, as_of=as_of)


@pytest.mark.parametrize(("text", "options", "expected"), **cases(DUE_SOON))
def test_due_soon(text: str, options: dict[str, int] | None, expected: Expected) -> None:
    assert_found(text, "due-soon", expected, options=options)


@pytest.mark.parametrize(("text", "expected"), **cases(MISSING_DEADLINE))
def test_missing_deadline(text: str, expected: Expected) -> None:
    assert_found(text, "missing-deadline", expected)


@pytest.mark.parametrize(("text", "expected"), **cases(NO_FIXED_DEADLINE))
def test_no_fixed_deadline(text: str, expected: Expected) -> None:
    assert_found(text, "no-fixed-deadline", expected)


@pytest.mark.parametrize(("text", "options", "expected"), **cases(RESPONSE_OVERDUE))
def test_response_overdue(text: str, options: dict[str, int] | None,
                          expected: Expected) -> None:
    assert_found(text, "response-overdue", expected, options=options)


def matrix(date: str | None, **fields: str | list[str]) -> str:
    """A management response dated `date` (None: no date) with one action 2.1 (line 10) whose
    further fields are `fields`, block style, one a line from line 13 (undated: from line 12)."""
    return management_response(date=date, actions=[action("2.1", block=True, **fields)])


DEADLINE_BEFORE_RESPONSE = [
    ("day-deadline-before-a-day-response",
     matrix("2012-10-07", deadline="2010-12-31"),
     [("r0.yaml", 13, 19, "action 2.1 was due 2010-12-31, before the response of 2012-10-07 "
       "that set it")]),
    ("the-day-before", matrix("2012-10-07", deadline="2012-10-06"),
     [("r0.yaml", 13, 19, "was due 2012-10-06")]),
    ("on-the-response-day-is-fine", matrix("2012-10-07", deadline="2012-10-07"), []),
    ("month-deadline-ends-after-a-day-response", matrix("2012-10-07", deadline="2012-10"), []),
    ("month-deadline-ended-before-a-day-response", matrix("2012-10-07", deadline="2012-09"),
     [("r0.yaml", 13, 19, "action 2.1 was due 2012-09, before the response of 2012-10-07")]),
    ("a-month-response-counts-from-its-first-day", matrix("2012-10", deadline="2012-10-05"),
     []),
    ("before-a-month-response", matrix("2012-10", deadline="2012-09-30"),
     [("r0.yaml", 13, 19, "was due 2012-09-30, before the response of 2012-10 that set it")]),
    ("original-deadline-is-the-first-agreed",
     matrix("2012-10-07", deadline="2013-06", original_deadline="2012-06"),
     [("r0.yaml", 14, 28, "was due 2012-06, before the response")]),
    ("first-from-of-deadline-changes",
     matrix("2012-10-07", deadline="2013-06", deadline_changes=[
         "{date: 2013-01-10, from: 2012-08-31, to: 2013-06, reason: Late funds}"]),
     [("r0.yaml", 15, 38, "was due 2012-08-31")]),
    ("quarter-deadline-ended-before-the-response", matrix("2012-10-07", deadline="2012-Q3"),
     [("r0.yaml", 13, 19, "action 2.1 was due 2012-Q3, before the response of 2012-10-07")]),
    ("quarter-deadline-ends-after-the-response", matrix("2012-10-07", deadline="2012-Q4"), []),
    ("year-deadline-ends-after-the-response", matrix("2012-10-07", deadline="'2012'"), []),
    ("moved-later-but-first-agreed-in-time",
     matrix("2012-10-07", deadline="2013-06", original_deadline="2012-12"), []),
    ("no-response-date", matrix(None, deadline="2010-12-31"), []),
    ("no-deadline", matrix("2012-10-07"), []),
]

DEADLINE_MOVED = [
    ("moved-with-no-record", matrix(None, deadline="2025-09", original_deadline="2024-12"),
     [("r0.yaml", 12, 19, "action 2.1's deadline moved from 2024-12 (original_deadline) to "
       "2025-09 with no reason recorded")]),
    ("same-due-day-has-not-moved",
     matrix(None, deadline="2024-12-31", original_deadline="2024-12"), []),
    ("same-deadline", matrix(None, deadline="2024-12", original_deadline="2024-12"), []),
    ("a-quarter-and-its-last-day-are-one-deadline",
     matrix(None, deadline="2024-12-31", original_deadline="2024-Q4"), []),
    ("moved-to-the-next-quarter",
     matrix(None, deadline="2025-Q1", original_deadline="2024-Q4"),
     [("r0.yaml", 12, 19, "moved from 2024-Q4 (original_deadline) to 2025-Q1")]),
    ("change-with-reason",
     matrix(None, deadline="2025-09", original_deadline="2024-12", deadline_changes=[
         "{date: 2025-02-01, from: 2024-12, to: 2025-09, reason: Elections moved}"]), []),
    ("change-without-reason",
     matrix(None, deadline="2025-09", original_deadline="2024-12", deadline_changes=[
         "{date: 2025-02-01, from: 2024-12, to: 2025-09, approved_by: me-unit}"]),
     [("r0.yaml", 15, 13, "action 2.1's deadline change from 2024-12 to 2025-09 has no reason "
       "recorded")]),
    ("blank-reason-and-second-change",
     matrix(None, deadline="2026-03", deadline_changes=[
         "{date: 2025-02-01, from: 2024-12, to: 2025-09, reason: Elections}",
         "{date: 2025-08-01, from: 2025-09, to: 2026-03, reason: ' '}"]),
     [("r0.yaml", 15, 13, "deadline change from 2025-09 to 2026-03 has no reason")]),
    ("no-original-deadline", matrix(None, deadline="2025-09"), []),
]

STALE = [
    ("412-days-since-the-last-update",
     matrix("2024-06", deadline="2027-06", status="in-progress", updates=[
         "{date: 2025-02-01, text: Started.}", "{date: 2025-10-06, text: Drafted.}"]),
     dt.date(2026, 11, 22), None,
     [("r0.yaml", 17, 20, "no update on action 2.1 for 412 days (last: 2025-10-06)")]),
    ("exactly-180-days-is-not-yet",
     matrix("2024-06", deadline="2027-06", updates=["{date: 2024-01-02, text: A.}"]),
     AS_OF, None, []),
    ("181-days",
     matrix("2024-06", deadline="2027-06", updates=["{date: 2024-01-01, text: A.}"]), AS_OF, None,
     [("r0.yaml", 15, 20, "no update on action 2.1 for 181 days (last: 2024-01-01)")]),
    ("from-the-response-date-a-month-counts-from-its-end",
     matrix("2023-12", deadline="2027-06"), AS_OF, None,
     [("r0.yaml", 10, 9, "no update on action 2.1 for 182 days (none since the response of "
       "2023-12)")]),
    ("days-option", matrix("2023-12", deadline="2027-06"), AS_OF, {"days": 200}, []),
    ("days-option-shorter", matrix("2024-05-01", deadline="2027-06"), AS_OF, {"days": 30},
     [("r0.yaml", 10, 9, "for 60 days")]),
    ("past-due-is-past-due-actions-business",
     matrix("2023-01", deadline="2024-03"), AS_OF, None, []),
    ("due-today-is-not-past-due", matrix("2023-01", deadline="2024-06-30"), AS_OF, None,
     [("r0.yaml", 10, 9, "no update on action 2.1 for 516 days")]),
    ("quarter-deadline-not-yet-past", matrix("2023-01", deadline="2024-Q2"), AS_OF, None,
     [("r0.yaml", 10, 9, "no update on action 2.1 for 516 days")]),
    ("quarter-deadline-past-is-past-due", matrix("2023-01", deadline="2024-Q1"), AS_OF, None,
     []),
    ("completed", matrix("2023-01", deadline="2027-06", status="completed"), AS_OF, None, []),
    ("no-longer-applicable",
     matrix("2023-01", deadline="2027-06", status="no-longer-applicable"), AS_OF, None, []),
    ("no-date-to-count-from", matrix(None, deadline="2027-06"), AS_OF, None, []),
    ("recent-update",
     matrix("2023-01", deadline="2027-06", updates=["{date: 2024-05-01, text: A.}"]), AS_OF, None,
     []),
]


@pytest.mark.parametrize(("text", "expected"), **cases(DEADLINE_BEFORE_RESPONSE))
def test_deadline_before_response(text: str, expected: Expected) -> None:
    assert_found(text, "deadline-before-response", expected)


@pytest.mark.parametrize(("text", "expected"), **cases(DEADLINE_MOVED))
def test_deadline_moved_without_reason(text: str, expected: Expected) -> None:
    assert_found(text, "deadline-moved-without-reason", expected)


@pytest.mark.parametrize(("text", "as_of", "options", "expected"), **cases(STALE))
def test_stale_action(text: str, as_of: dt.date, options: dict[str, int] | None,
                      expected: Expected) -> None:
    assert_found(text, "stale-action", expected, as_of=as_of, options=options)
