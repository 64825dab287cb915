"""The references family: unknown-reference, unanswered-recommendation, accepted-without-action,
rejected-without-rationale."""

from __future__ import annotations

import pytest
from checkcases import Expected, assert_found, cases
from records_kit import action, evaluation, head, response

EVALUATION = evaluation(recommendations=(("R1", "Do it."), ("R2", "Do that.")))
MR_HEAD = head("management-response", "MR-1", evaluation="EV-1", owner="me-unit")
ANSWERS = ("responses:\n" + response("R1", decision="rejected", rationale="Out of scope.")
           + response("R2", decision="rejected", rationale="Done already."))


def mr(body: str = ANSWERS, head: str = MR_HEAD) -> str:
    return EVALUATION + "---\n" + head + body


UNKNOWN_REFERENCE = [
    ("misspelt-evaluation", mr(head=MR_HEAD.replace("EV-1", "EV-01")),
     [("r1.yaml", 3, 13, "evaluation 'EV-01' is not in the records")]),
    ("recommendation-not-in-the-evaluation", mr(ANSWERS.replace("R2,", "R9,")),
     [("r1.yaml", 7, 22, "recommendation 'R9' is not a recommendation of 'EV-1'")]),
    ("unknown-project", EVALUATION + "project: PRJ-404\n",
     [("r0.yaml", 9, 10, "project 'PRJ-404' is not in the records")]),
    ("known-project", EVALUATION + "project: PRJ-1\n---\nkind: project\nid: PRJ-1\ntitle: P\n"
     "owner: me-unit\n", []),
    ("all-references-known", mr(), []),
]

UNANSWERED = [
    ("not-answered", mr(ANSWERS.split("  - {recommendation: R2")[0]),
     [("r1.yaml", 6, 3, "recommendation R2 of 'EV-1' is not answered")]),
    ("answered-without-decision", mr("responses:\n  - recommendation: R1\n"
                                     "  - {recommendation: R2, decision: accepted}\n"),
     [("r1.yaml", 6, 5, "recommendation R1 is answered with no decision")]),
    ("decision-left-blank", mr("responses:\n  - recommendation: R1\n    decision:\n"
                               "  - {recommendation: R2, decision: accepted}\n"),
     [("r1.yaml", 6, 5, "recommendation R1 is answered with no decision")]),
    ("noted-is-not-a-decision", mr("responses:\n  - {recommendation: R1, decision_text: Noted}\n"
                                   "  - {recommendation: R2, decision: accepted}\n"),
     [("r1.yaml", 6, 41, "recommendation R1 is answered 'Noted', which is not a decision")]),
    ("pris-note-block-style", mr("responses:\n  - recommendation: R1\n"
                                 "    decision_text: Pris note\n"
                                 "  - {recommendation: R2, decision: accepted}\n"),
     [("r1.yaml", 7, 20, "recommendation R1 is answered 'Pris note', which is not a decision")]),
    ("no-responses-at-all", mr(""), [("r1.yaml", 1, 1, "recommendation R1 of 'EV-1'"),
                                     ("r1.yaml", 1, 1, "recommendation R2 of 'EV-1'")]),
    ("every-recommendation-decided", mr(), []),
    ("no-response-record-is-response-overdues-business", EVALUATION, []),
]

ACCEPTED_WITHOUT_ACTION = [
    ("accepted-no-actions", MR_HEAD + "responses:\n" + response("R1"),
     [("r0.yaml", 6, 36, "response to R1 is accepted but has no action")]),
    ("partially-accepted-empty-actions", MR_HEAD + "responses:\n  - recommendation: R1\n"
     "    decision: partially-accepted\n    actions: []\n",
     [("r0.yaml", 7, 15, "partially-accepted but has no action")]),
    ("accepted-with-action",
     MR_HEAD + "responses:\n" + response("R1", actions=[action(deadline="2024-12")]), []),
    ("rejected-needs-no-action", MR_HEAD + ANSWERS, []),
]

REJECTED_WITHOUT_RATIONALE = [
    ("rejected-no-rationale",
     MR_HEAD + "responses:\n" + response("R1", decision="rejected"),
     [("r0.yaml", 6, 36, "response to R1 is rejected with no rationale")]),
    ("rejected-blank-rationale",
     MR_HEAD + "responses:\n" + response("R1", decision="rejected", rationale="'  '"),
     [("r0.yaml", 6, 36, "rejected with no rationale")]),
    ("rejected-with-rationale", MR_HEAD + ANSWERS, []),
    ("accepted-needs-no-rationale", MR_HEAD + "responses:\n"
     "  - {recommendation: R1, decision: accepted, actions: []}\n", []),
]


@pytest.mark.parametrize(("text", "expected"), **cases(UNKNOWN_REFERENCE))
def test_unknown_reference(text: str, expected: Expected) -> None:
    assert_found(text, "unknown-reference", expected)


@pytest.mark.parametrize(("text", "expected"), **cases(UNANSWERED))
def test_unanswered_recommendation(text: str, expected: Expected) -> None:
    assert_found(text, "unanswered-recommendation", expected)


@pytest.mark.parametrize(("text", "expected"), **cases(ACCEPTED_WITHOUT_ACTION))
def test_accepted_without_action(text: str, expected: Expected) -> None:
    assert_found(text, "accepted-without-action", expected)


@pytest.mark.parametrize(("text", "expected"), **cases(REJECTED_WITHOUT_RATIONALE))
def test_rejected_without_rationale(text: str, expected: Expected) -> None:
    assert_found(text, "rejected-without-rationale", expected)
