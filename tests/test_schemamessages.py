"""Schema problems in plain words, one pinned case per message of issue 13 (item 6) and 14
(item 13): what a programme officer trips on gets one problem, saying what to write."""

from __future__ import annotations

import pytest
from conftest import schema_findings
from records_kit import action, evaluation, management_response

RESPONSE = management_response(actions=[action(block=True, deadline="2024-11",
                                               status="in-progress")])
EVALUATION = evaluation(title="A title", report_date="2023-05-20", block=True)


def variant(base: str, old: str, new: str) -> str:
    assert old in base, old
    return base.replace(old, new, 1)


# (id, file text, [(check, line, column, message, hint fragment)]): exactly these problems
CASES = [
    ("wrong-case-decision", variant(RESPONSE, "decision: accepted", "decision: Accepted"),
     [("schema", 7, 15, "responses[0].decision is 'Accepted': did you mean 'accepted'?",
       "accepted, partially-accepted, rejected, or leave it out")]),
    ("synonym-status", variant(RESPONSE, "status: in-progress", "status: done"),
     [("schema", 13, 17, "responses[0].actions[0].status is 'done': did you mean 'completed'?",
       "not-started, in-progress, completed, no-longer-applicable, or leave it out")]),
    ("wrong-case-status", variant(RESPONSE, "status: in-progress", "status: Completed"),
     [("schema", 13, 17, "status is 'Completed': did you mean 'completed'?", "")]),
    ("french-status", variant(RESPONSE, "status: in-progress", "status: Initiée"),
     [("schema", 13, 17, "status is 'Initiée': did you mean 'in-progress'?", "")]),
    ("evaluation-status-synonym", variant(EVALUATION, "status: completed", "status: Finished"),
     [("schema", 4, 9, "status is 'Finished': did you mean 'completed'?",
       "planned, ongoing, completed")]),
    ("allowed-empty-says-leave-it-out", variant(RESPONSE, "status: in-progress",
                                                "status: maybe"),
     [("schema", 13, 17, "responses[0].actions[0].status is 'maybe', which is not one of: "
       "not-started, in-progress, completed, no-longer-applicable, or leave it out", "")]),
    ("noted-is-no-decision", variant(RESPONSE, "decision: accepted", "decision: Noted"),
     [("schema", 7, 15, "responses[0].decision: 'Noted' is no decision",
       "leave decision out and keep the words in decision_text")]),
    ("late-is-no-status", variant(RESPONSE, "status: in-progress", "status: En retard"),
     [("schema", 13, 17, "status: 'En retard' is no status",
       "leave status out and keep the words in status_text")]),
    ("other-date-layout", variant(EVALUATION, "report_date: 2023-05-20",
                                  "report_date: 31/12/2024"),
     [("schema", 6, 14, "report_date: '31/12/2024' is not a date in the form YYYY-MM-DD or "
       "YYYY-MM: write 2024-12-31", "")]),
    ("impossible-date-one-error", variant(EVALUATION, "report_date: 2023-05-20",
                                          "report_date: 2024-13-01"),
     [("schema", 6, 14, "report_date: '2024-13-01' is not a real calendar date: there is no "
       "month 13", "")]),
    ("misspelt-field-one-error", variant(RESPONSE, "description: Do it", "descripton: Do it"),
     [("schema", 10, 9, "responses[0].actions[0]: unknown field 'descripton'",
       "did you mean description?")]),
    ("misspelt-owner-field-one-error", variant(RESPONSE, "responsible: [me-unit]",
                                               "responsable: [me-unit]"),
     [("schema", 11, 9, "responses[0].actions[0]: unknown field 'responsable'",
       "did you mean responsible?")]),
    ("every-unknown-field", variant(RESPONSE, "        status: in-progress\n",
                                    "        status: in-progress\n        colour: red\n"
                                    "        stauts_note: late\n"),
     [("schema", 14, 9, "unknown field 'colour'", "known fields: id, description"),
      ("schema", 15, 9, "unknown field 'stauts_note'", "did you mean status_text?")]),
    ("scalar-for-a-list", variant(EVALUATION, "addressed_to: [me-unit]",
                                  "addressed_to: undp-fiji"),
     [("schema", 10, 19, "recommendations[0].addressed_to should be a list, not the text "
       "'undp-fiji': write [undp-fiji]", "")]),
    ("scalar-list-of-two", variant(EVALUATION, "addressed_to: [me-unit]",
                                   "addressed_to: undp-fiji, unicef"),
     [("schema", 10, 19, "write [undp-fiji, unicef]", "")]),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_message(text: str, expected: list[tuple[str, int, int, str, str]]) -> None:
    got = schema_findings(text)
    assert [g[:3] for g in got] == [e[:3] for e in expected], got
    for g, e in zip(got, expected, strict=True):
        assert e[3] in g[3], g
        assert e[4] in g[4], g
        assert "None" not in g[3] + g[4], g
