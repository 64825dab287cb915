"""The deadlines family: past-due-action, due-soon, missing-deadline, response-overdue.

Every case is judged as of 2024-06-30 unless it says otherwise.
"""

from __future__ import annotations

import datetime as dt

import pytest
from checkcases import Expected, assert_found, cases
from conftest import AS_OF


def response(deadline: str = "", status: str = "") -> str:
    """A management response with one action of this deadline and status (line 8)."""
    extra = (f", deadline: {deadline}" if deadline else "") + (
        f", status: {status}" if status else "")
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
    ("completed-is-not-due", response("2024-07-10", "completed"), None, []),
]

MISSING_DEADLINE = [
    ("action-without-deadline", response(), [("r0.yaml", 8, 9, "action 1.1 has no deadline")]),
    ("action-with-deadline", response("2024-12"), []),
    ("completed-action-with-deadline", response("2023-01-15", "completed"), []),
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


@pytest.mark.parametrize(("text", "options", "expected"), **cases(RESPONSE_OVERDUE))
def test_response_overdue(text: str, options: dict[str, int] | None,
                          expected: Expected) -> None:
    assert_found(text, "response-overdue", expected, options=options)
