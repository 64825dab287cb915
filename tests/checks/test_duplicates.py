"""The duplicates family: duplicate-text, near-duplicate-text, duplicate-id, duplicate-record."""

from __future__ import annotations

import pytest
from checkcases import Expected, assert_found, cases
from records_kit import action, evaluation, head, management_response, owner, owners, response


def remarks(*conclusions: str) -> str:
    """An evaluation with these conclusions (C1, C2... from line 7; texts from column 20)."""
    return evaluation(recommendations=None,
                      conclusions=[(f"C{i}", text) for i, text in enumerate(conclusions, 1)])


def advice(*recommendations: str, addressed_to: str = "me-unit") -> str:
    """An evaluation with these recommendations (R1, R2... from line 7; texts from column
    20)."""
    return evaluation(addressed_to=addressed_to, recommendations=[
        (f"R{i}", text) for i, text in enumerate(recommendations, 1)])


def two_actions(first: tuple[str, str], second: tuple[str, str],
                responsible: str = "me-unit") -> str:
    """A response with one action, (id, description), for R1 and one for R2 (on line 13; its
    description from column 34)."""
    return management_response(responses=[
        response(rec, actions=[action(ident, description, responsible)])
        for rec, (ident, description) in (("R1", first), ("R2", second))])


PROJECT = head("project", "PRJ-1", title="P", owner="me-unit")

DUPLICATE_TEXT = [
    ("conclusion-repeated-after-normalising",
     remarks("The programme is relevant.", '"2. The  PROGRAMME is relevant"'),
     [("r0.yaml", 8, 20, "conclusion C2 repeats conclusion C1")]),
    ("recommendation-repeated-later",
     advice("Hold a meeting.", "Write a plan.", '"b) hold a meeting"'),
     [("r0.yaml", 9, 20, "recommendation R3 repeats recommendation R1")]),
    ("action-copied-to-another-recommendation",
     two_actions(("1.1", "Hold the meeting"), ("2.1", "Hold the meeting!")),
     [("r0.yaml", 13, 34, "action 2.1 repeats action 1.1")]),
    ("conclusion-equal-to-a-recommendation-is-fine",
     evaluation(conclusions=[("C1", "Hold a meeting.")],
                recommendations=[("R1", "Hold a meeting.")]), []),
    ("different-texts", remarks("The programme is relevant.", "The programme is efficient."),
     []),
]

NEAR_DUPLICATE = two_actions(("1.1", "Hold the regional meeting in March 2023."),
                             ("2.1", "Hold a regional meeting in March 2023"), responsible="u")
LOOSER_PAIR = remarks("The programme is relevant to the region.",
                      "The project was relevant for the whole region.")
NEAR_DUPLICATE_TEXT = [
    ("similar-actions", NEAR_DUPLICATE, None,
     [("r0.yaml", 13, 34, "action 2.1 is 95% similar to action 1.1")]),
    ("threshold-raised", NEAR_DUPLICATE, {"threshold": 0.99}, []),
    ("threshold-lowered-catches-looser-pairs", LOOSER_PAIR, {"threshold": 0.7},
     [("r0.yaml", 8, 20, "conclusion C2 is 76% similar to conclusion C1")]),
    ("looser-pair-at-default-threshold", LOOSER_PAIR, None, []),
    ("exact-copies-are-duplicate-text-not-near",
     remarks("The programme is relevant.", "The programme is relevant."), None, []),
]

DUPLICATE_ID = [
    ("two-records-of-one-kind",
     evaluation(recommendations=None) + "---\n" + evaluation(title="U", recommendations=None),
     [("r1.yaml", 2, 5, "evaluation id 'EV-1' is also used by r0.yaml")]),
    ("same-id-different-kinds", evaluation(recommendations=None) + "---\n" +
     head("project", "EV-1", title="P", owner="me-unit"), []),
    ("recommendation-ids", evaluation(addressed_to="u", recommendations=[
        ("R1", "Hold a meeting."), ("R1", "Write a plan.")]),
     [("r0.yaml", 8, 10, "id used twice: 'R1' (first at recommendation R1)")]),
    ("action-ids-across-responses", two_actions(("1.1", "A"), ("1.1", "B"), responsible="u"),
     [("r0.yaml", 13, 14, "id used twice: '1.1'")]),
    ("recommendation-answered-twice", management_response(responses=[
        response("R1", decision="rejected", rationale="No."), response("R1")]),
     [("r0.yaml", 7, 22, "recommendation answered twice: 'R1'")]),
    ("budget-line-ids", PROJECT + """\
budget:
  - id: "1"
    amount: 10
    lines:
      - {id: "1.1", amount: 5}
      - {id: "1.1", amount: 5}
""", [("r0.yaml", 10, 14, "id used twice: '1.1'")]),
    ("owner-defined-twice", owners(owner("me-unit", name="A"), owner("me-unit", name="B")),
     [("r0.yaml", 4, 10, "owner id 'me-unit' is defined twice")]),
    ("distinct-ids", evaluation(conclusions=[("C1", "A.")], addressed_to="u", recommendations=[
        ("R1", "Hold a meeting."), ("R2", "Write a plan.")]), []),
]


def titled(ident: str, title: str, **date: str) -> str:
    """An evaluation with just this title (line 3, from column 8) and date (year or
    report_date)."""
    return evaluation(ident, title=title, status=None, owner=None, recommendations=None, **date)


MID_TERM = "Mid-term evaluation of the project"
DUPLICATE_RECORD = [
    ("same-title-and-year", titled("EV-A", MID_TERM, year="2022") + "---\n" +
     titled("EV-B", '"Mid-Term Evaluation of the Project."', year="2022"),
     [("r1.yaml", 3, 8, "evaluation 'EV-B' has the same title and year as 'EV-A'")]),
    ("same-title-other-year", titled("EV-A", MID_TERM, report_date="2022-05-01") + "---\n" +
     titled("EV-B", MID_TERM, report_date="2024-05-01"), []),
    ("two-responses-for-one-evaluation",
     management_response("MR-A", "EV-1") + "---\n" + management_response("MR-B", "EV-1"),
     [("r1.yaml", 3, 13, "evaluation 'EV-1' already has a management response: 'MR-A'")]),
    ("responses-for-two-evaluations",
     management_response("MR-A", "EV-1") + "---\n" + management_response("MR-B", "EV-2"), []),
]


@pytest.mark.parametrize(("text", "expected"), **cases(DUPLICATE_TEXT))
def test_duplicate_text(text: str, expected: Expected) -> None:
    assert_found(text, "duplicate-text", expected)


@pytest.mark.parametrize(("text", "options", "expected"), **cases(NEAR_DUPLICATE_TEXT))
def test_near_duplicate_text(text: str, options: dict[str, float] | None,
                             expected: Expected) -> None:
    assert_found(text, "near-duplicate-text", expected, options=options)


@pytest.mark.parametrize(("text", "expected"), **cases(DUPLICATE_ID))
def test_duplicate_id(text: str, expected: Expected) -> None:
    assert_found(text, "duplicate-id", expected)


@pytest.mark.parametrize(("text", "expected"), **cases(DUPLICATE_RECORD))
def test_duplicate_record(text: str, expected: Expected) -> None:
    assert_found(text, "duplicate-record", expected)


def dated(ident: str, when: str, *texts: str, title: str = "") -> str:
    """An evaluation dated `when` (a report_date, or a `name: value` field) with one
    recommendation per text (R1, R2... from line 6)."""
    fields = {"status": None, "owner": None,
              **(dict([when.split(": ")]) if ": " in when else {"report_date": when})}
    return evaluation(ident, title=title or f"Evaluation {ident}", recommendations=[
        (f"R{i}", f'"{text}"') for i, text in enumerate(texts, 1)], **fields)


JOINT = "UNDAF should set up a joint monitoring and evaluation group for all agencies."
OVER = "UNDAF should set up a joint evaluation group for the agency."  # 0.8148 to JOINT
UNDER = "UNDAF should set up a monitoring group for its agencies."  # 0.7939 to JOINT
REC_TEXT = 20  # the column where a recommendation's text starts in dated()

RECURRING = [
    ("numbering-and-punctuation-baked-in",
     dated("EV-2010-FJI-UNDAF", "2010-05-01", "Hold a meeting.", JOINT) + "---\n" +
     dated("EV-2014", "2014-03-01", "1. " + JOINT.rstrip(".") + "?"), None,
     [("r1.yaml", 6, REC_TEXT, "recommendation R1 repeats EV-2010-FJI-UNDAF R2 "
       "(similarity 1.00)")]),
    ("just-over-the-threshold",
     dated("EV-A", "2010-05-01", JOINT) + "---\n" + dated("EV-B", "2012-01-01", OVER),
     None, [("r1.yaml", 6, REC_TEXT, "recommendation R1 repeats EV-A R1 (similarity 0.81)")]),
    ("just-under-the-threshold",
     dated("EV-A", "2010-05-01", JOINT) + "---\n" + dated("EV-B", "2012-01-01", UNDER),
     None, []),
    ("threshold-lowered",
     dated("EV-A", "2010-05-01", JOINT) + "---\n" + dated("EV-B", "2012-01-01", UNDER),
     {"threshold": 0.79},
     [("r1.yaml", 6, REC_TEXT, "recommendation R1 repeats EV-A R1 (similarity 0.79)")]),
    ("threshold-raised",
     dated("EV-A", "2010-05-01", JOINT) + "---\n" + dated("EV-B", "2012-01-01", OVER),
     {"threshold": 0.9}, []),
    ("reported-on-the-later-naming-the-earliest",
     dated("EV-C", "2016-01-01", JOINT) + "---\n" +
     dated("EV-A", "2010-05-01", "Write a plan.", JOINT) + "---\n" +
     dated("EV-B", "2012-01-01", JOINT), None,
     [("r0.yaml", 6, REC_TEXT, "recommendation R1 repeats EV-A R2"),
      ("r2.yaml", 6, REC_TEXT, "recommendation R1 repeats EV-A R2")]),
    ("equal-dates-ordered-by-id",
     dated("EV-B", "2012-01-01", JOINT) + "---\n" + dated("EV-A", "2012-01-01", JOINT),
     None, [("r0.yaml", 6, REC_TEXT, "recommendation R1 repeats EV-A R1")]),
    ("a-month-report-date-counts-from-its-end",
     dated("EV-A", "2012-01", JOINT) + "---\n" + dated("EV-B", "2012-01-15", JOINT),
     None, [("r0.yaml", 6, REC_TEXT, "recommendation R1 repeats EV-B R1")]),
    ("year-when-no-report-date",
     dated("EV-A", "year: 2011", JOINT) + "---\n" + dated("EV-B", "2011-06-01", JOINT),
     None, [("r0.yaml", 6, REC_TEXT, "recommendation R1 repeats EV-B R1")]),
    ("no-date-at-all-is-not-compared",
     dated("EV-A", "status: completed", JOINT) + "---\n" +
     dated("EV-B", "2011-06-01", JOINT), None, []),
    ("within-one-evaluation-is-near-duplicate-text",
     dated("EV-A", "2010-05-01", JOINT, JOINT), None, []),
    ("not-between-records-duplicate-id-names",
     dated("EV-A", "2010-05-01", JOINT, title="One") + "---\n" +
     dated("EV-A", "2012-01-01", JOINT, title="Two"), None, []),
    ("not-between-records-duplicate-record-names",
     dated("EV-A", "2010-05-01", JOINT, title="Same") + "---\n" +
     dated("EV-B", "2010-09-01", JOINT, title="Same"), None, []),
    ("different-recommendations",
     dated("EV-A", "2010-05-01", JOINT) + "---\n" +
     dated("EV-B", "2012-01-01", "Publish the annual report on time."), None, []),
    ("spanish-text",
     dated("EV-A", "2010-05-01", "Fortalecer la coordinación con las instituciones.") +
     "---\n" + dated("EV-B", "2012-01-01",
                          "a) Fortalecer la coordinacion con las instituciones"), None,
     [("r1.yaml", 6, REC_TEXT, "recommendation R1 repeats EV-A R1 (similarity 0.9")]),
]


@pytest.mark.parametrize(("text", "options", "expected"), **cases(RECURRING))
def test_recurring_recommendation(text: str, options: dict[str, float] | None,
                                  expected: Expected) -> None:
    assert_found(text, "recurring-recommendation", expected, options=options)
