"""The owners family: missing-owner (from the schemas) and unknown-owner (against the registry)."""

from __future__ import annotations

import pytest
from checkcases import Expected, assert_found, cases, files
from conftest import lint_text
from records_kit import action, evaluation, head, management_response, owner, owners

REGISTRY = owners(owner("me-unit", name="M&E Unit"),
                  owner("programme-unit", name="Programme Unit", parent="me-unit"))
ONGOING = {"status": "ongoing"}

# (id, YAML files separated by ---, expected [(file, line, column, message fragment)])
MISSING_OWNER = [
    ("record-without-owner", evaluation(**ONGOING, owner=None, recommendations=None),
     [("r0.yaml", 1, 1, "owner is required")]),
    ("recommendation-without-addressed-to", evaluation(**ONGOING, addressed_to=None),
     [("r0.yaml", 7, 5, "recommendations[0].addressed_to is required: recommendation R1")]),
    ("empty-addressed-to", evaluation(**ONGOING, addressed_to=""),
     [("r0.yaml", 7, 42, "recommendations[0].addressed_to is an empty list")]),
    ("action-without-responsible",
     management_response(actions=[action(responsible=None, deadline="2024-12")]),
     [("r0.yaml", 9, 9, "responses[0].actions[0].responsible is required: action 1.1")]),
    ("project-without-owner", head("project", "PRJ-1", title="P"),
     [("r0.yaml", 1, 1, "owner is required")]),
    ("all-owned", evaluation(**ONGOING), []),
    ("owners-registry-needs-no-owner", REGISTRY, []),
]

UNKNOWN_OWNER = [
    ("misspelt-record-owner",
     files(REGISTRY, evaluation(**ONGOING, owner="m-e-unit", recommendations=None)),
     [("r1.yaml", 5, 8, "'m-e-unit' is not in the owners registry: did you mean "
       "'me-unit' or 'programme-unit'?")]),
    ("nearest-ids",
     files(REGISTRY, evaluation(**ONGOING, owner="progamme-unit", recommendations=None)),
     [("r1.yaml", 5, 8, "'progamme-unit' is not in the owners registry: did you mean "
       "'programme-unit' or 'me-unit'?")]),
    ("v2-approved-by-and-validated-by", files(REGISTRY, management_response(actions=[action(
        block=True, deadline_changes=["{to: 2025-Q3, approved_by: eval-office}"],
        validated="{by: eval-ofice, on: 2025-04-02}")])),
     [("r1.yaml", 13, 40, "'eval-office' is not in the owners registry"),
      ("r1.yaml", 14, 25, "'eval-ofice'")]),
    ("unknown-in-lists", files(REGISTRY, management_response(actions=[action(
        responsible="me-unit, nobody", block=True, supporting="[ghost]")])),
     [("r1.yaml", 11, 32, "'nobody'"), ("r1.yaml", 12, 22, "'ghost'")]),
    ("unknown-addressed-to-and-commissioned-by", files(REGISTRY, evaluation(
        **ONGOING, commissioned_by="donor", addressed_to="programme-unit, board")),
     [("r1.yaml", 6, 18, "'donor'"), ("r1.yaml", 8, 59, "'board'")]),
    ("unknown-parent-in-registry",
     owners(owner("me-unit", name="M&E Unit", parent="headquarters")),
     [("r0.yaml", 3, 55, "'headquarters'")]),
    ("every-reference-known", files(REGISTRY, evaluation(
        **ONGOING, managed_by="programme-unit", addressed_to="programme-unit")), []),
]


@pytest.mark.parametrize(("text", "expected"), **cases(MISSING_OWNER))
def test_missing_owner(text: str, expected: Expected) -> None:
    assert_found(text, "missing-owner", expected)


@pytest.mark.parametrize(("text", "expected"), **cases(UNKNOWN_OWNER))
def test_unknown_owner(text: str, expected: Expected) -> None:
    assert_found(text, "unknown-owner", expected)


def test_unknown_owner_without_a_registry_says_so() -> None:
    (problem,) = lint_text(head("project", "P", title="P", owner="me-unit"),
                           only="unknown-owner")
    assert "no owners registry" in problem.hint


NEEDS_REVIEW = [
    ("added-by-an-import",
     owners(owner("me-unit", name="M&E Unit"),
            owner("chef-de-programme", name="Chef de programme", review="true")),
     [("r0.yaml", 4, 74, "owner 'chef-de-programme' (Chef de programme) was added by an "
       "import and still has to be confirmed")]),
    # kept as written: the block layout is what is tested (the position is the `review:` line)
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
    ("confirmed", owners(owner("me-unit", name="M&E Unit", review="false"),
                         owner("programme-unit", name="Programme Unit")), []),
]


@pytest.mark.parametrize(("text", "expected"), **cases(NEEDS_REVIEW))
def test_owner_needs_review(text: str, expected: Expected) -> None:
    assert_found(text, "owner-needs-review", expected)
