"""The templates family: placeholder-text, wherever a `TODO-` value is left (a top-level field,
deep in an action, in a list), and never on text that only contains the prefix later on."""

from __future__ import annotations

import pytest
from checkcases import Expected, assert_found, cases
from records_kit import action, evaluation, management_response


def titled(title: str, **fields: str) -> str:
    """An evaluation with this title (line 3, from column 8) and fields (from line 6)."""
    return evaluation(title=title, recommendations=None, **fields)


def response_with(**fields: str) -> str:
    """A response whose one action (line 9) has these fields."""
    return management_response(actions=[action(**fields)])


PLACEHOLDER = [
    ("top-level-title", titled("TODO-title"),
     [("r0.yaml", 3, 8, "title is still the placeholder 'TODO-title'")]),
    ("deep-in-an-action", response_with(description="TODO-description"),
     [("r0.yaml", 9, 34, "description of action 1.1 is still the placeholder 'TODO-desc")]),
    ("in-a-list", response_with(responsible="TODO-owner"),
     [("r0.yaml", 9, 55, "responsible of action 1.1 is still the placeholder 'TODO-owner'")]),
    ("two-in-one-record", titled("TODO-title", type="TODO-type"),
     [("r0.yaml", 3, 8, "title"), ("r0.yaml", 6, 7, "type")]),
    ("prefix-inside-the-text", titled("Evaluation of TODO-lists"), []),
    ("lower-case", titled("todo-title"), []),
    ("filled-in", titled("Final evaluation of the school meals project"), []),
]


@pytest.mark.parametrize(("text", "expected"), **cases(PLACEHOLDER))
def test_placeholder_text(text: str, expected: Expected) -> None:
    assert_found(text, "placeholder-text", expected)
