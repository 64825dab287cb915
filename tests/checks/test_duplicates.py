"""The duplicates family: duplicate-text, near-duplicate-text, duplicate-id, duplicate-record."""

from __future__ import annotations

import pytest
from checkcases import Expected, assert_found, cases
from records_kit import evaluation

EVALUATION_HEAD = evaluation(recommendations=None)

DUPLICATE_TEXT = [
    ("conclusion-repeated-after-normalising", EVALUATION_HEAD + """\
conclusions:
  - {id: C1, text: The programme is relevant.}
  - {id: C2, text: "2. The  PROGRAMME is relevant"}
""", [("r0.yaml", 8, 20, "conclusion C2 repeats conclusion C1")]),
    ("recommendation-repeated-later", EVALUATION_HEAD + """\
recommendations:
  - {id: R1, text: Hold a meeting., addressed_to: [me-unit]}
  - {id: R2, text: Write a plan., addressed_to: [me-unit]}
  - {id: R3, text: "b) hold a meeting", addressed_to: [me-unit]}
""", [("r0.yaml", 9, 20, "recommendation R3 repeats recommendation R1")]),
    ("action-copied-to-another-recommendation", """\
kind: management-response
id: MR-1
evaluation: EV-1
owner: me-unit
responses:
  - recommendation: R1
    actions:
      - {id: "1.1", description: Hold the meeting, responsible: [me-unit]}
  - recommendation: R2
    actions:
      - {id: "2.1", description: Hold the meeting!, responsible: [me-unit]}
""", [("r0.yaml", 11, 34, "action 2.1 repeats action 1.1")]),
    ("conclusion-equal-to-a-recommendation-is-fine", EVALUATION_HEAD + """\
conclusions:
  - {id: C1, text: Hold a meeting.}
recommendations:
  - {id: R1, text: Hold a meeting., addressed_to: [me-unit]}
""", []),
    ("different-texts", EVALUATION_HEAD + """\
conclusions:
  - {id: C1, text: The programme is relevant.}
  - {id: C2, text: The programme is efficient.}
""", []),
]

NEAR_DUPLICATE = """\
kind: management-response
id: MR-1
evaluation: EV-1
owner: me-unit
responses:
  - recommendation: R1
    actions:
      - {id: "1.1", description: Hold the regional meeting in March 2023., responsible: [u]}
  - recommendation: R2
    actions:
      - {id: "2.1", description: Hold a regional meeting in March 2023, responsible: [u]}
"""
NEAR_DUPLICATE_TEXT = [
    ("similar-actions", NEAR_DUPLICATE, None,
     [("r0.yaml", 11, 34, "action 2.1 is 95% similar to action 1.1")]),
    ("threshold-raised", NEAR_DUPLICATE, {"threshold": 0.99}, []),
    ("threshold-lowered-catches-looser-pairs", EVALUATION_HEAD + """\
conclusions:
  - {id: C1, text: The programme is relevant to the region.}
  - {id: C2, text: The project was relevant for the whole region.}
""", {"threshold": 0.7}, [("r0.yaml", 8, 20, "conclusion C2 is 76% similar to conclusion C1")]),
    ("looser-pair-at-default-threshold", EVALUATION_HEAD + """\
conclusions:
  - {id: C1, text: The programme is relevant to the region.}
  - {id: C2, text: The project was relevant for the whole region.}
""", None, []),
    ("exact-copies-are-duplicate-text-not-near", EVALUATION_HEAD + """\
conclusions:
  - {id: C1, text: The programme is relevant.}
  - {id: C2, text: The programme is relevant.}
""", None, []),
]

DUPLICATE_ID = [
    ("two-records-of-one-kind", EVALUATION_HEAD + "---\n" + EVALUATION_HEAD.replace("T", "U"),
     [("r1.yaml", 2, 5, "evaluation id 'EV-1' is also used by r0.yaml")]),
    ("same-id-different-kinds", EVALUATION_HEAD + """---
kind: project
id: EV-1
title: P
owner: me-unit
""", []),
    ("recommendation-ids", EVALUATION_HEAD + """\
recommendations:
  - {id: R1, text: Hold a meeting., addressed_to: [u]}
  - {id: R1, text: Write a plan., addressed_to: [u]}
""", [("r0.yaml", 8, 10, "id used twice: 'R1' (first at recommendation R1)")]),
    ("action-ids-across-responses", """\
kind: management-response
id: MR-1
evaluation: EV-1
owner: me-unit
responses:
  - recommendation: R1
    actions:
      - {id: "1.1", description: A, responsible: [u]}
  - recommendation: R2
    actions:
      - {id: "1.1", description: B, responsible: [u]}
""", [("r0.yaml", 11, 14, "id used twice: '1.1'")]),
    ("recommendation-answered-twice", """\
kind: management-response
id: MR-1
evaluation: EV-1
owner: me-unit
responses:
  - {recommendation: R1, decision: rejected, rationale: No.}
  - {recommendation: R1, decision: accepted}
""", [("r0.yaml", 7, 22, "recommendation answered twice: 'R1'")]),
    ("budget-line-ids", """\
kind: project
id: PRJ-1
title: P
owner: me-unit
budget:
  - id: "1"
    amount: 10
    lines:
      - {id: "1.1", amount: 5}
      - {id: "1.1", amount: 5}
""", [("r0.yaml", 10, 14, "id used twice: '1.1'")]),
    ("owner-defined-twice", """\
kind: owners
owners:
  - {id: me-unit, name: A, type: unit}
  - {id: me-unit, name: B, type: unit}
""", [("r0.yaml", 4, 10, "owner id 'me-unit' is defined twice")]),
    ("distinct-ids", EVALUATION_HEAD + """\
conclusions:
  - {id: C1, text: A.}
recommendations:
  - {id: R1, text: Hold a meeting., addressed_to: [u]}
  - {id: R2, text: Write a plan., addressed_to: [u]}
""", []),
]

DUPLICATE_RECORD = [
    ("same-title-and-year", """\
kind: evaluation
id: EV-A
title: Mid-term evaluation of the project
year: 2022
---
kind: evaluation
id: EV-B
title: "Mid-Term Evaluation of the Project."
year: 2022
""", [("r1.yaml", 3, 8, "evaluation 'EV-B' has the same title and year as 'EV-A'")]),
    ("same-title-other-year", """\
kind: evaluation
id: EV-A
title: Mid-term evaluation of the project
report_date: 2022-05-01
---
kind: evaluation
id: EV-B
title: Mid-term evaluation of the project
report_date: 2024-05-01
""", []),
    ("two-responses-for-one-evaluation", """\
kind: management-response
id: MR-A
evaluation: EV-1
---
kind: management-response
id: MR-B
evaluation: EV-1
""", [("r1.yaml", 3, 13, "evaluation 'EV-1' already has a management response: 'MR-A'")]),
    ("responses-for-two-evaluations", """\
kind: management-response
id: MR-A
evaluation: EV-1
---
kind: management-response
id: MR-B
evaluation: EV-2
""", []),
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


def evaluation(ident: str, when: str, *texts: str, title: str = "") -> str:
    """An evaluation dated `when` (a report_date line, or any other line) with one
    recommendation per text (R1, R2... from line 6)."""
    recs = "".join(f"  - {{id: R{i}, text: \"{t}\", addressed_to: [me-unit]}}\n"
                   for i, t in enumerate(texts, 1))
    dated = when if ":" in when else f"report_date: {when}"
    return (f"kind: evaluation\nid: {ident}\ntitle: {title or 'Evaluation ' + ident}\n"
            f"{dated}\nrecommendations:\n{recs}")


JOINT = "UNDAF should set up a joint monitoring and evaluation group for all agencies."
OVER = "UNDAF should set up a joint evaluation group for the agency."  # 0.8148 to JOINT
UNDER = "UNDAF should set up a monitoring group for its agencies."  # 0.7939 to JOINT
REC_TEXT = 20  # the column where a recommendation's text starts in evaluation()

RECURRING = [
    ("numbering-and-punctuation-baked-in",
     evaluation("EV-2010-FJI-UNDAF", "2010-05-01", "Hold a meeting.", JOINT) + "---\n" +
     evaluation("EV-2014", "2014-03-01", "1. " + JOINT.rstrip(".") + "?"), None,
     [("r1.yaml", 6, REC_TEXT, "recommendation R1 repeats EV-2010-FJI-UNDAF R2 "
       "(similarity 1.00)")]),
    ("just-over-the-threshold",
     evaluation("EV-A", "2010-05-01", JOINT) + "---\n" + evaluation("EV-B", "2012-01-01", OVER),
     None, [("r1.yaml", 6, REC_TEXT, "recommendation R1 repeats EV-A R1 (similarity 0.81)")]),
    ("just-under-the-threshold",
     evaluation("EV-A", "2010-05-01", JOINT) + "---\n" + evaluation("EV-B", "2012-01-01", UNDER),
     None, []),
    ("threshold-lowered",
     evaluation("EV-A", "2010-05-01", JOINT) + "---\n" + evaluation("EV-B", "2012-01-01", UNDER),
     {"threshold": 0.79},
     [("r1.yaml", 6, REC_TEXT, "recommendation R1 repeats EV-A R1 (similarity 0.79)")]),
    ("threshold-raised",
     evaluation("EV-A", "2010-05-01", JOINT) + "---\n" + evaluation("EV-B", "2012-01-01", OVER),
     {"threshold": 0.9}, []),
    ("reported-on-the-later-naming-the-earliest",
     evaluation("EV-C", "2016-01-01", JOINT) + "---\n" +
     evaluation("EV-A", "2010-05-01", "Write a plan.", JOINT) + "---\n" +
     evaluation("EV-B", "2012-01-01", JOINT), None,
     [("r0.yaml", 6, REC_TEXT, "recommendation R1 repeats EV-A R2"),
      ("r2.yaml", 6, REC_TEXT, "recommendation R1 repeats EV-A R2")]),
    ("equal-dates-ordered-by-id",
     evaluation("EV-B", "2012-01-01", JOINT) + "---\n" + evaluation("EV-A", "2012-01-01", JOINT),
     None, [("r0.yaml", 6, REC_TEXT, "recommendation R1 repeats EV-A R1")]),
    ("a-month-report-date-counts-from-its-end",
     evaluation("EV-A", "2012-01", JOINT) + "---\n" + evaluation("EV-B", "2012-01-15", JOINT),
     None, [("r0.yaml", 6, REC_TEXT, "recommendation R1 repeats EV-B R1")]),
    ("year-when-no-report-date",
     evaluation("EV-A", "year: 2011", JOINT) + "---\n" + evaluation("EV-B", "2011-06-01", JOINT),
     None, [("r0.yaml", 6, REC_TEXT, "recommendation R1 repeats EV-B R1")]),
    ("no-date-at-all-is-not-compared",
     evaluation("EV-A", "status: completed", JOINT) + "---\n" +
     evaluation("EV-B", "2011-06-01", JOINT), None, []),
    ("within-one-evaluation-is-near-duplicate-text",
     evaluation("EV-A", "2010-05-01", JOINT, JOINT), None, []),
    ("not-between-records-duplicate-id-names",
     evaluation("EV-A", "2010-05-01", JOINT, title="One") + "---\n" +
     evaluation("EV-A", "2012-01-01", JOINT, title="Two"), None, []),
    ("not-between-records-duplicate-record-names",
     evaluation("EV-A", "2010-05-01", JOINT, title="Same") + "---\n" +
     evaluation("EV-B", "2010-09-01", JOINT, title="Same"), None, []),
    ("different-recommendations",
     evaluation("EV-A", "2010-05-01", JOINT) + "---\n" +
     evaluation("EV-B", "2012-01-01", "Publish the annual report on time."), None, []),
    ("spanish-text",
     evaluation("EV-A", "2010-05-01", "Fortalecer la coordinación con las instituciones.") +
     "---\n" + evaluation("EV-B", "2012-01-01",
                          "a) Fortalecer la coordinacion con las instituciones"), None,
     [("r1.yaml", 6, REC_TEXT, "recommendation R1 repeats EV-A R1 (similarity 0.9")]),
]


@pytest.mark.parametrize(("text", "options", "expected"), **cases(RECURRING))
def test_recurring_recommendation(text: str, options: dict[str, float] | None,
                                  expected: Expected) -> None:
    assert_found(text, "recurring-recommendation", expected, options=options)
