"""records.facts_of: what cross-record checks know of a record without its data; values of
the wrong type are left out, never guessed."""

from __future__ import annotations

from textwrap import dedent
from typing import Any

import pytest
from checks.checkcases import cases
from records_kit import head, owner, owners

from evalcheck.records import Facts, load_record
from evalcheck.textsim import signature

# The records that feed facts_of a wrong type, a missing id or an odd item stay as written:
# those values are what is tested.
TABLE: list[tuple[str, str, dict[str, Any]]] = [
    ("evaluation", """
        kind: evaluation
        id: EV-1
        title: "Mid-Term  Evaluation, of the Project"
        status: completed
        report_date: 2022-05-20
        project: PRJ-1
        owner: me-unit
        recommendations:
          - {id: R1, text: A., addressed_to: [programme-unit, me-unit]}
          - {text: No id.}
          - {id: 2, text: B.}
    """, {"kind": "evaluation", "id": "EV-1", "title": "mid term evaluation of the project",
          "year": "2022", "status": "completed", "project": "PRJ-1",
          "recommendations": ("R1", "2"), "owner_refs": ("me-unit", "programme-unit"),
          "report": "2022-05-20",
          "said": ((0, "R1", "a", signature("a")), (1, "", "no id", signature("no id")),
                   (2, "2", "b", signature("b")))}),
    ("report-day-a-month-ends-the-month", """
        kind: evaluation
        id: EV-1
        report_date: 2022-02
        recommendations:
          - {id: R1, text: "  "}
          - {id: R2, text: [not text]}
    """, {"report": "2022-02-28", "said": ()}),
    ("report-day-else-the-end-of-the-year", head("evaluation", "EV-1", year="2021"),
     {"report": "2021-12-31"}),
    ("no-report-day", head("evaluation", "EV-1", report_date="2022-13", year="'2021'"),
     {"report": ""}),
    ("year-wins-over-report-date", head("evaluation", "EV-1", year="2021",
                                       report_date="2022-05-20"), {"year": "2021", "title": ""}),
    ("response", """
        kind: management-response
        id: MR-1
        evaluation: EV-1
        responses:
          - {recommendation: R1, decision: accepted}
          - {recommendation: R2}
          - {decision: rejected}
          - {recommendation: 3, decision: rejected}
    """, {"kind": "management-response", "evaluation": "EV-1",
          "answered": (("R1", True), ("R2", False), ("3", True))}),
    ("registry", owners(owner("a", name="A", parent="b"), owner("b", name="B"), "{name: no id}",
                        owner("a", name="again")),
     {"kind": "owners", "id": "", "owner_ids": ("a", "b", "a"), "owner_refs": ("b",)}),
    ("wrong-types-left-out", """
        kind: management-response
        id: [not, text]
        evaluation: 12
    """, {"id": "", "evaluation": None}),
    ("unknown-kind-keeps-its-id", head("evalution", "EV-1"),
     {"kind": None, "id": "EV-1", "owner_refs": ()}),
    ("not-a-mapping", "- just\n- a list\n", {"kind": None, "id": ""}),
]


@pytest.mark.parametrize(("text", "expected"), **cases(TABLE))
def test_facts_of(text: str, expected: dict[str, Any]) -> None:
    facts = load_record("r.yaml", dedent(text).encode()).facts
    assert isinstance(facts, Facts)
    assert {k: getattr(facts, k) for k in expected} == expected
