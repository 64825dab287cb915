"""The consistency family: sum-mismatch, date-order, rating-out-of-scale, completed-without-date.

Every case is judged as of 2024-06-30.
"""

from __future__ import annotations

import pytest
from checkcases import Expected, assert_found, cases
from records_kit import action, evaluation, head, management_response

PROJECT = head("project", "PRJ-1", title="P", owner="me-unit")
EVALUATION = evaluation(recommendations=None)


def response(*, block: bool = False, **fields: str | list[str]) -> str:
    """A management response with one action 1.1 (description D, responsible u) of these
    fields, on line 9."""
    return management_response(actions=[action(description="D", responsible="u", block=block,
                                               **fields)])


SUM_MISMATCH = [
    ("financing-short-of-total", PROJECT + """\
total: 130000
financing:
  - {source: Member countries, amount: 65000}
  - {source: OAS contribution, amount: 46000}
""", [("r0.yaml", 7, 3, "the 2 financing sources add up to 111,000 but the total is 130,000 "
       "(19,000 short)")]),
    ("budget-lines-over-total", PROJECT + """\
total: 100
budget:
  - {id: "1", item: a, amount: 60}
  - {id: "2", item: b, amount: 50.5}
""", [("r0.yaml", 7, 3, "the 2 budget lines add up to 110.5 but the total is 100 (10.5 over)")]),
    ("sub-lines-do-not-add-up", PROJECT + """\
total: 100
budget:
  - id: "1"
    item: a
    amount: 100
    lines:
      - {id: "1.1", item: x, amount: 40}
      - {id: "1.2", item: y, amount: 50}
""", [("r0.yaml", 9, 13, "the 2 sub-lines of budget line 1 add up to 90 but its amount is 100")]),
    ("everything-adds-up", PROJECT + """\
total: 100
financing:
  - {source: A, amount: 70}
  - {source: B, amount: 30}
budget:
  - id: "1"
    item: a
    amount: 100
    lines:
      - {id: "1.1", item: x, amount: 40.25}
      - {id: "1.2", item: y, amount: 59.75}
""", []),
    ("no-total-nothing-to-compare", PROJECT + """\
financing:
  - {source: A, amount: 70}
""", []),
]

DATE_ORDER = [
    ("period-ends-before-it-starts",
     evaluation(recommendations=None, period="{start: 2019-06-01, end: 2018-05-31}"),
     [("r0.yaml", 6, 34, "the period ends (2018-05-31) before it starts (2019-06-01)")]),
    ("month-period-in-order",
     evaluation(recommendations=None, period="{start: 2019-06, end: 2019-06}"), []),
    ("completed-in-the-future", response(status="completed", completed_on="2024-07-02"),
     [("r0.yaml", 9, 88, "action 1.1 is completed on 2024-07-02, after today (2024-06-30)")]),
    ("update-in-the-future", response(block=True, updates=[
        "{date: 2024-05-02, text: Started.}", "{date: 2025-01-01, text: Typo.}"]),
     [("r0.yaml", 14, 20, "action 1.1 has an update dated 2025-01-01, after today")]),
    ("dates-in-the-past", response(block=True, status="completed", completed_on="2024-06-30",
                                   updates=["{date: 2024-05-02, text: Started.}"]), []),
    ("deadline-change-in-the-future", response(block=True, deadline="2025-Q1", deadline_changes=[
        "{date: 2024-07-15, from: 2024-12, to: 2025-Q1, reason: Late funds}"]),
     [("r0.yaml", 14, 20, "action 1.1 has a deadline change dated 2024-07-15, after today")]),
    ("validated-in-the-future", response(block=True, status="completed", completed_on="2024-06-01",
                                         validated="{by: u, on: 2024-08-01}"),
     [("r0.yaml", 14, 32, "action 1.1 has its closure validated on 2024-08-01, after today")]),
    ("validated-before-closed", response(block=True, status="no-longer-applicable",
                                         completed_on="2024-06-01",
                                         validated="{by: u, on: 2024-05-31}"),
     [("r0.yaml", 14, 32, "validated on 2024-05-31, before it was closed (2024-06-01)")]),
    ("response-dated-in-the-future", management_response(date="2062-06-30"),
     [("r0.yaml", 5, 7, "the management response is dated 2062-06-30, after today "
       "(2024-06-30)")]),
    ("response-dated-today", management_response(date="2024-06-30"), []),
    ("response-dated-this-month", management_response(date="2024-06"), []),
    ("response-dated-next-month", management_response(date="2024-07"),
     [("r0.yaml", 5, 7, "the management response is dated 2024-07, after today")]),
    ("completed-next-month", response(status="completed", completed_on="2024-07"),
     [("r0.yaml", 9, 88, "action 1.1 is completed on 2024-07, after today")]),
    ("v2-dates-in-order", response(
        block=True, status="completed", completed_on="2024-06", validated="{by: u, on: 2024-06-30}",
        deadline_changes=['{date: 2024-02-01, from: 2024-03, to: "2024", reason: Late funds}']),
     []),
]

RATING = [
    ("score-above-scale", EVALUATION + """\
ratings:
  scale: {min: 1, max: 4}
  scores:
    - {criterion: relevance, score: 5}
    - {criterion: efficiency, score: 0}
""", [("r0.yaml", 9, 37, "the relevance score 5 is outside the scale 1-4"),
      ("r0.yaml", 10, 38, "the efficiency score 0 is outside the scale 1-4")]),
    ("scale-upside-down", EVALUATION + """\
ratings:
  scale: {min: 4, max: 1}
  scores:
    - {criterion: relevance, score: 3}
""", [("r0.yaml", 7, 24, "the rating scale runs from 4 down to 1")]),
    ("scores-on-scale", EVALUATION + """\
ratings:
  scale: {min: 1, max: 4}
  scores:
    - {criterion: relevance, score: 4}
    - {criterion: efficiency, score: 1}
""", []),
    ("no-scale-declared", EVALUATION + """\
ratings:
  scores:
    - {criterion: relevance, score: 9}
""", []),
]

COMPLETED_WITHOUT_DATE = [
    ("completed-no-date", response(status="completed"),
     [("r0.yaml", 9, 63, "action 1.1 is completed with no completed_on")]),
    ("completed-with-date", response(status="completed", completed_on="2024-03-02"), []),
    ("in-progress-needs-no-date", response(status="in-progress"), []),
]


@pytest.mark.parametrize(("text", "expected"), **cases(SUM_MISMATCH))
def test_sum_mismatch(text: str, expected: Expected) -> None:
    assert_found(text, "sum-mismatch", expected)


@pytest.mark.parametrize(("text", "expected"), **cases(DATE_ORDER))
def test_date_order(text: str, expected: Expected) -> None:
    assert_found(text, "date-order", expected)


@pytest.mark.parametrize(("text", "expected"), **cases(RATING))
def test_rating_out_of_scale(text: str, expected: Expected) -> None:
    assert_found(text, "rating-out-of-scale", expected)


@pytest.mark.parametrize(("text", "expected"), **cases(COMPLETED_WITHOUT_DATE))
def test_completed_without_date(text: str, expected: Expected) -> None:
    assert_found(text, "completed-without-date", expected)


def closed(status: str, *updates: str) -> str:
    """A response with one action 1.1 of this status (on line 12) and these updates, each
    `date|text` or just a text (no date)."""
    return management_response(actions=[action(
        description="Set up a task force", block=True, status=status, completed_on="2025-03-10",
        updates=[f'{{date: {u.split("|")[0]}, text: "{u.split("|")[1]}"}}' if "|" in u
                 else f'{{text: "{u}"}}' for u in updates])])


STATUS_LINE = (12, 17)
STATUS_CONTRADICTS = [
    ("english-disbanded", closed("completed", "2025-01-10|Terms of reference agreed.",
                                 "2025-03-02|The task force was disbanded."), None,
     [("r0.yaml", *STATUS_LINE, "action 1.1 is completed but its latest update (2025-03-02) "
       "says 'disbanded'")]),
    ("latest-by-date-not-by-place", closed("completed", "2025-03-02|The meeting was cancelled.",
                                           "2025-01-10|Terms of reference agreed."), None,
     [("r0.yaml", *STATUS_LINE, "says 'cancelled'")]),
    ("an-earlier-update-does-not-count", closed("completed", "2025-01-10|Work suspended.",
                                                "2025-03-02|Work resumed and finished."),
     None, []),
    ("negated-is-fine", closed("completed", "2025-03-02|The task force was not dropped."),
     None, []),
    ("numbers-that-dropped", closed("completed",
                                    "2025-03-02|Waiting times dropped by 40 percent."), None, []),
    ("english-not-done", closed("completed", "2025-03-02|The survey was not carried out."),
     None, [("r0.yaml", *STATUS_LINE, "says 'not carried out'")]),
    ("english-no-longer-applicable",
     closed("completed", "2025-03-02|No longer applicable after the reform."), None,
     [("r0.yaml", *STATUS_LINE, "says 'No longer applicable'")]),
    ("spanish-cancelada", closed("completed", "2025-03-02|La actividad fue cancelada."),
     None, [("r0.yaml", *STATUS_LINE, "says 'cancelada'")]),
    ("spanish-no-realizado", closed("completed", "2025-03-02|El taller no se realizó."),
     None, [("r0.yaml", *STATUS_LINE, "says 'no se realizó'")]),
    ("spanish-negated", closed("completed", "2025-03-02|El taller no fue suspendido."),
     None, []),
    ("french-annulee", closed("completed", "2025-03-02|La mission a été annulée."), None,
     [("r0.yaml", *STATUS_LINE, "says 'annulée'")]),
    ("french-sans-objet", closed("completed", "2025-03-02|Sans objet depuis la réforme."),
     None, [("r0.yaml", *STATUS_LINE, "says 'Sans objet'")]),
    ("french-negated", closed("completed", "2025-03-02|La mission n'a pas été annulée."),
     None, []),
    ("portuguese-abandonado", closed("completed", "2025-03-02|O projeto foi abandonado."),
     None, [("r0.yaml", *STATUS_LINE, "says 'abandonado'")]),
    ("portuguese-nao-realizada", closed("completed", "2025-03-02|A oficina não foi realizada."),
     None, [("r0.yaml", *STATUS_LINE, "says 'não foi realizada'")]),
    ("portuguese-negated", closed("completed", "2025-03-02|A oficina não foi cancelada."),
     None, []),
    ("no-longer-applicable-status-is-right",
     closed("no-longer-applicable", "2025-03-02|The task force was disbanded."), None, []),
    ("undated-updates-the-last-listed", closed("completed", "Started.", "Abandoned in March."),
     None, [("r0.yaml", *STATUS_LINE, "its latest update says 'Abandoned'")]),
    ("comments-when-no-updates", management_response(actions=[action(
        description="Set up a task force", block=True, status="completed",
        comments="The task force has now been disbanded.")]), None,
     [("r0.yaml", *STATUS_LINE, "action 1.1 is completed but its comments say 'disbanded'")]),
    ("updates-before-comments", closed("completed", "2025-03-02|Finished on time.")
     + "        comments: The task force was disbanded.\n", None, []),
    ("words-from-config", closed("completed", "2025-03-02|Put on hold by the ministry."),
     {"words": ["put on hold"]}, [("r0.yaml", *STATUS_LINE, "says 'Put on hold'")]),
    ("words-from-config-unused", closed("completed", "2025-03-02|Finished on time."),
     {"words": ["put on hold"]}, []),
]


@pytest.mark.parametrize(("text", "options", "expected"), **cases(STATUS_CONTRADICTS))
def test_status_contradicts_update(text: str, options: dict[str, list[str]] | None,
                                   expected: Expected) -> None:
    assert_found(text, "status-contradicts-update", expected, options=options)
