"""The deadlines family: past-due-action, due-soon, missing-deadline, no-fixed-deadline,
response-overdue.

Every case is judged as of 2024-06-30 unless it says otherwise.
"""

from __future__ import annotations

import datetime as dt

import pytest
from checkcases import Expected, assert_found, cases
from conftest import AS_OF


def response(deadline: str = "", status: str = "", note: str = "") -> str:
    """A management response with one action of this deadline, status and deadline_note
    (line 8)."""
    extra = (f", deadline: {deadline}" if deadline else "") + (
        f", status: {status}" if status else "") + (f", deadline_note: {note}" if note else "")
    return ("kind: management-response\nid: MR-1\nevaluation: EV-1\nowner: me-unit\n"
            "responses:\n  - recommendation: R1\n    actions:\n"
            f"      - {{id: \"1.1\", description: Do it, responsible: [me-unit]{extra}}}\n")


DEADLINE_COL = 75  # where the deadline value starts in response()'s action line

PAST_DUE = [
    ("month-deadline-open", response("2023-11"), AS_OF,
     [("r0.yaml", 8, DEADLINE_COL, "action 1.1 is 213 days past due (deadline 2023-11, "
       "status not reported)")]),
    ("in-progress-is-open", response("2024-06-29", "in-progress"), AS_OF,
     [("r0.yaml", 8, DEADLINE_COL, "1 day past due (deadline 2024-06-29, status in-progress)")]),
    ("month-deadline-due-on-its-last-day", response("2024-06"), AS_OF, []),
    ("month-deadline-a-day-later", response("2024-06"), dt.date(2024, 7, 1),
     [("r0.yaml", 8, DEADLINE_COL, "1 day past due")]),
    ("completed", response("2023-11", "completed"), AS_OF, []),
    ("no-longer-applicable", response("2023-11", "no-longer-applicable"), AS_OF, []),
    ("future-deadline", response("2024-12"), AS_OF, []),
    ("no-deadline", response(), AS_OF, []),
    ("quarter-due-on-its-last-day", response("2024-Q2"), AS_OF, []),
    ("quarter-a-day-later", response("2024-Q2"), dt.date(2024, 7, 1),
     [("r0.yaml", 8, DEADLINE_COL, "action 1.1 is 1 day past due (deadline 2024-Q2, status not "
       "reported)")]),
    ("first-quarter", response("2024-Q1"), AS_OF,
     [("r0.yaml", 8, DEADLINE_COL, "is 91 days past due (deadline 2024-Q1,")]),
    ("year-due-on-31-december", response('"2023"'), AS_OF,
     [("r0.yaml", 8, DEADLINE_COL, "is 182 days past due (deadline 2023,")]),
    ("this-year-is-not-yet-due", response('"2024"'), AS_OF, []),
    ("leap-day", response("2024-02-29"), AS_OF, [("r0.yaml", 8, DEADLINE_COL, "122 days")]),
    ("impossible-date-is-the-schema's", response("2023-02-30"), AS_OF, []),
    ("quarter-completed", response("2023-Q4", "completed"), AS_OF, []),
]

DUE_SOON = [
    ("within-window", response("2024-07-10"), None,
     [("r0.yaml", 8, DEADLINE_COL, "action 1.1 is due in 10 days (deadline 2024-07-10)")]),
    ("due-today", response("2024-06-30"), None, [("r0.yaml", 8, DEADLINE_COL, "due today")]),
    ("month-deadline-counts-from-its-last-day", response("2024-07"), None, []),
    ("month-deadline-within-a-31-day-window", response("2024-07"), {"days": 31},
     [("r0.yaml", 8, DEADLINE_COL, "due in 31 days (deadline 2024-07)")]),
    ("outside-default-window", response("2024-08-15"), None, []),
    ("window-widened", response("2024-08-15"), {"days": 60},
     [("r0.yaml", 8, DEADLINE_COL, "due in 46 days")]),
    ("window-narrowed", response("2024-07-10"), {"days": 5}, []),
    ("already-past-is-not-soon", response("2024-06-01"), None, []),
    ("quarter-counts-from-its-last-day", response("2024-Q3"), {"days": 92},
     [("r0.yaml", 8, DEADLINE_COL, "due in 92 days (deadline 2024-Q3)")]),
    ("quarter-a-day-outside-the-window", response("2024-Q3"), {"days": 91}, []),
    ("year-counts-from-31-december", response('"2024"'), {"days": 184},
     [("r0.yaml", 8, DEADLINE_COL, "due in 184 days (deadline 2024)")]),
    ("completed-is-not-due", response("2024-07-10", "completed"), None, []),
]

MISSING_DEADLINE = [
    ("action-without-deadline", response(), [("r0.yaml", 8, 9, "action 1.1 has no deadline")]),
    ("action-with-deadline", response("2024-12"), []),
    ("completed-action-with-deadline", response("2023-01-15", "completed"), []),
    ("quarter-deadline", response("2024-Q4"), []),
    ("a-note-instead", response(note="No due date"), []),
    ("a-note-and-a-deadline", response("2024-12", note="Continuous"), []),
]

NOTE_COL = 80  # where the deadline_note value starts in response(note=...)'s action line
NO_FIXED_DEADLINE = [
    ("no-due-date", response(note="No due date"),
     [("r0.yaml", 8, NOTE_COL, "action 1.1 has no fixed deadline (deadline_note: 'No due date')")]),
    ("event", response(note="Before the next country programme"),
     [("r0.yaml", 8, NOTE_COL, "(deadline_note: 'Before the next country programme')")]),
    ("in-progress-is-open", response(status="in-progress", note="Continuous"),
     [("r0.yaml", 8, NOTE_COL + len(", status: in-progress"), "no fixed deadline")]),
    ("with-a-deadline-too", response("2025-Q2", note="Continuous"), []),
    ("completed", response(status="completed", note="Continuous"), []),
    ("no-longer-applicable", response(status="no-longer-applicable", note="Continuous"), []),
    ("neither-is-missing-deadline's", response(), []),
]


def evaluation(extra: str = "report_date: 2024-03-01\n", status: str = "completed",
               recommendations: bool = True) -> str:
    recs = ("recommendations:\n  - {id: R1, text: Do it., addressed_to: [me-unit]}\n"
            if recommendations else "")
    return (f"kind: evaluation\nid: EV-1\ntitle: T\nstatus: {status}\nowner: me-unit\n"
            f"{extra}{recs}")


RESPONSE_OVERDUE = [
    ("no-response-61-days-after", evaluation("report_date: 2024-04-30\n"), None,
     [("r0.yaml", 6, 14, "evaluation 'EV-1' has 1 recommendation and no management response "
       "61 days after its report")]),
    ("exactly-60-days-is-not-yet", evaluation("report_date: 2024-05-01\n"), None, []),
    ("days-option", evaluation("report_date: 2024-04-30\n"), {"days": 90}, []),
    ("days-option-shorter", evaluation("report_date: 2024-06-01\n"), {"days": 10},
     [("r0.yaml", 6, 14, "29 days after its report")]),
    ("judged-from-the-year-end", evaluation("year: 2023\n"), None,
     [("r0.yaml", 6, 7, "182 days after its report")]),
    ("has-a-response", evaluation() + "---\nkind: management-response\nid: MR-1\n"
     "evaluation: EV-1\n", None, []),
    ("ongoing-evaluation", evaluation(status="ongoing"), None, []),
    ("no-recommendations", evaluation(recommendations=False), None, []),
    ("no-date-at-all", evaluation(""), None, []),
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
