"""The owners family: missing-owner (from the schemas) and unknown-owner (against the registry)."""

from __future__ import annotations

from textwrap import dedent

import pytest
from conftest import lint_text

REGISTRY = """
    kind: owners
    owners:
      - {id: me-unit, name: M&E Unit, type: unit}
      - {id: programme-unit, name: Programme Unit, type: unit, parent: me-unit}
"""


def files(*docs: str) -> str:
    """Several inline YAML files (each dedented on its own) as records_from expects them."""
    return "\n---\n".join(dedent(d).strip("\n") for d in docs)


def found(text: str, check: str) -> list[tuple[str, int, int, str]]:
    return [(p.path, p.line, p.column, p.message) for p in lint_text(text, only=check)]


# (id, YAML files separated by ---, expected [(file, line, column, message fragment)])
MISSING_OWNER = [
    ("record-without-owner", """
        kind: evaluation
        id: EV-1
        title: T
        status: ongoing
     """, [("r0.yaml", 1, 1, "owner is required")]),
    ("recommendation-without-addressed-to", """
        kind: evaluation
        id: EV-1
        title: T
        status: ongoing
        owner: me-unit
        recommendations:
          - id: R1
            text: Do it.
     """, [("r0.yaml", 7, 5, "recommendations[0].addressed_to is required: recommendation R1")]),
    ("empty-addressed-to", """
        kind: evaluation
        id: EV-1
        title: T
        status: ongoing
        owner: me-unit
        recommendations:
          - {id: R1, text: Do it., addressed_to: []}
     """, [("r0.yaml", 7, 42, "recommendations[0].addressed_to is an empty list")]),
    ("action-without-responsible", """
        kind: management-response
        id: MR-1
        evaluation: EV-1
        owner: me-unit
        responses:
          - recommendation: R1
            actions:
              - {id: "1.1", description: Do it, deadline: 2024-12}
     """, [("r0.yaml", 8, 9, "responses[0].actions[0].responsible is required: action 1.1")]),
    ("project-without-owner", """
        kind: project
        id: PRJ-1
        title: P
     """, [("r0.yaml", 1, 1, "owner is required")]),
    ("all-owned", """
        kind: evaluation
        id: EV-1
        title: T
        status: ongoing
        owner: me-unit
        recommendations:
          - {id: R1, text: Do it., addressed_to: [me-unit]}
     """, []),
    ("owners-registry-needs-no-owner", files(REGISTRY), []),
]

UNKNOWN_OWNER = [
    ("misspelt-record-owner", files(REGISTRY, """
        kind: evaluation
        id: EV-1
        title: T
        status: ongoing
        owner: m-e-unit
     """), [("r1.yaml", 5, 8, "'m-e-unit' is not in the owners registry: did you mean "
            "'me-unit' or 'programme-unit'?")]),
    ("nearest-ids", files(REGISTRY, """
        kind: evaluation
        id: EV-1
        title: T
        status: ongoing
        owner: progamme-unit
     """), [("r1.yaml", 5, 8, "'progamme-unit' is not in the owners registry: did you mean "
            "'programme-unit' or 'me-unit'?")]),
    ("v2-approved-by-and-validated-by", files(REGISTRY, """
        kind: management-response
        id: MR-1
        evaluation: EV-1
        owner: me-unit
        responses:
          - recommendation: R1
            actions:
              - id: "1.1"
                description: Do it
                responsible: [me-unit]
                deadline_changes:
                  - {to: 2025-Q3, approved_by: eval-office}
                validated: {by: eval-ofice, on: 2025-04-02}
     """), [("r1.yaml", 12, 40, "'eval-office' is not in the owners registry"),
            ("r1.yaml", 13, 25, "'eval-ofice'")]),
    ("unknown-in-lists", files(REGISTRY, """
        kind: management-response
        id: MR-1
        evaluation: EV-1
        owner: me-unit
        responses:
          - recommendation: R1
            actions:
              - id: "1.1"
                description: Do it
                responsible: [me-unit, nobody]
                supporting: [ghost]
     """), [("r1.yaml", 10, 32, "'nobody'"), ("r1.yaml", 11, 22, "'ghost'")]),
    ("unknown-addressed-to-and-commissioned-by", files(REGISTRY, """
        kind: evaluation
        id: EV-1
        title: T
        status: ongoing
        owner: me-unit
        commissioned_by: donor
        recommendations:
          - {id: R1, text: Do it., addressed_to: [programme-unit, board]}
     """), [("r1.yaml", 6, 18, "'donor'"), ("r1.yaml", 8, 59, "'board'")]),
    ("unknown-parent-in-registry", """
        kind: owners
        owners:
          - {id: me-unit, name: M&E Unit, type: unit, parent: headquarters}
     """, [("r0.yaml", 3, 55, "'headquarters'")]),
    ("every-reference-known", files(REGISTRY, """
        kind: evaluation
        id: EV-1
        title: T
        status: ongoing
        owner: me-unit
        managed_by: programme-unit
        recommendations:
          - {id: R1, text: Do it., addressed_to: [programme-unit]}
     """), []),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in MISSING_OWNER],
                         ids=[c[0] for c in MISSING_OWNER])
def test_missing_owner(text: str, expected: list[tuple[str, int, int, str]]) -> None:
    got = found(text, "missing-owner")
    assert [g[:3] for g in got] == [e[:3] for e in expected], got
    for g, e in zip(got, expected, strict=True):
        assert e[3] in g[3]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in UNKNOWN_OWNER],
                         ids=[c[0] for c in UNKNOWN_OWNER])
def test_unknown_owner(text: str, expected: list[tuple[str, int, int, str]]) -> None:
    got = found(text, "unknown-owner")
    assert [g[:3] for g in got] == [e[:3] for e in expected], got
    for g, e in zip(got, expected, strict=True):
        assert e[3] in g[3]


def test_unknown_owner_without_a_registry_says_so() -> None:
    (problem,) = lint_text("kind: project\nid: P\ntitle: P\nowner: me-unit\n",
                           only="unknown-owner")
    assert "no owners registry" in problem.hint


NEEDS_REVIEW = [
    ("added-by-an-import", """
        kind: owners
        owners:
          - {id: me-unit, name: M&E Unit, type: unit}
          - {id: chef-de-programme, name: Chef de programme, type: unit, review: true}
     """, [("r0.yaml", 4, 74, "owner 'chef-de-programme' (Chef de programme) was added by an "
                               "import and still has to be confirmed")]),
    ("block-style-two-waiting", """
        kind: owners
        owners:
          - id: partenaires-de-mise-en-oeuvre
            name: Partenaires de mise en œuvre
            type: external
            review: true
          - id: unite-s-e
            name: Unité S&E
            type: unit
            review: true
     """, [("r0.yaml", 6, 13, "'partenaires-de-mise-en-oeuvre'"),
           ("r0.yaml", 10, 13, "'unite-s-e' (Unité S&E)")]),
    ("confirmed", """
        kind: owners
        owners:
          - {id: me-unit, name: M&E Unit, type: unit, review: false}
          - {id: programme-unit, name: Programme Unit, type: unit}
     """, []),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in NEEDS_REVIEW],
                         ids=[c[0] for c in NEEDS_REVIEW])
def test_owner_needs_review(text: str, expected: list[tuple[str, int, int, str]]) -> None:
    got = found(text, "owner-needs-review")
    assert [g[:3] for g in got] == [e[:3] for e in expected], got
    for g, e in zip(got, expected, strict=True):
        assert e[3] in g[3]
