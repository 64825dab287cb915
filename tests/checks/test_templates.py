"""The templates family: placeholder-text, wherever a `TODO-` value is left (a top-level field,
deep in an action, in a list), and never on text that only contains the prefix later on."""

from __future__ import annotations

import pytest
from checkcases import Expected, assert_found, cases

EVALUATION = "kind: evaluation\nid: EV-1\nstatus: completed\nowner: me-unit\n"
MR_HEAD = ("kind: management-response\nid: MR-1\nevaluation: EV-1\nowner: me-unit\n"
           "responses:\n  - recommendation: R1\n    actions:\n")

PLACEHOLDER = [
    ("top-level-title", EVALUATION + "title: TODO-title\n",
     [("r0.yaml", 5, 8, "title is still the placeholder 'TODO-title'")]),
    ("deep-in-an-action", MR_HEAD + "      - {id: '1.1', description: TODO-description, "
     "responsible: [me-unit]}\n",
     [("r0.yaml", 8, 34, "description of action 1.1 is still the placeholder 'TODO-desc")]),
    ("in-a-list", MR_HEAD + "      - {id: '1.1', description: Do it, "
     "responsible: [TODO-owner]}\n",
     [("r0.yaml", 8, 55, "responsible of action 1.1 is still the placeholder 'TODO-owner'")]),
    ("two-in-one-record", EVALUATION + "title: TODO-title\ntype: TODO-type\n",
     [("r0.yaml", 5, 8, "title"), ("r0.yaml", 6, 7, "type")]),
    ("prefix-inside-the-text", EVALUATION + "title: Evaluation of TODO-lists\n", []),
    ("lower-case", EVALUATION + "title: todo-title\n", []),
    ("filled-in", EVALUATION + "title: Final evaluation of the school meals project\n", []),
]


@pytest.mark.parametrize(("text", "expected"), **cases(PLACEHOLDER))
def test_placeholder_text(text: str, expected: Expected) -> None:
    assert_found(text, "placeholder-text", expected)
