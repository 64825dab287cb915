"""The suppressions family: unused-suppression, the check that keeps suppressions honest."""

from __future__ import annotations

import pytest
from checkcases import Expected, assert_found, cases
from records_kit import evaluation

EVALUATION = evaluation(recommendations=None, conclusions=(("C1", "The programme is relevant."),))
REPEAT = "  - {id: C2, text: The programme is relevant.}"

UNUSED_SUPPRESSION = [
    ("used-with-reason",
     EVALUATION + REPEAT + "  # evalcheck: ignore[duplicate-text] as in source\n", []),
    ("suppresses-nothing", EVALUATION + "  # evalcheck: ignore[duplicate-text] old problem\n",
     [("r0.yaml", 8, 3, "the suppression of duplicate-text suppresses nothing")]),
    ("no-reason", EVALUATION + REPEAT + "  # evalcheck: ignore[duplicate-text]\n",
     [("r0.yaml", 8, 49, "the suppression gives no reason")]),
    ("unknown-check", "kind: evaluation  # evalcheck: ignore[duplicate-txt] typo\n",
     [("r0.yaml", 1, 19, "the suppression names an unknown check 'duplicate-txt'")]),
    ("no-check-named", "# evalcheck: ignore[] why\nkind: evaluation\n",
     [("r0.yaml", 1, 1, "the suppression names no check")]),
    ("no-brackets", "# evalcheck: ignore everything\nkind: evaluation\n",
     [("r0.yaml", 1, 1, "the suppression names no check")]),
    ("unknown-directive", "# evalcheck: disable[schema] why\nkind: evaluation\n",
     [("r0.yaml", 1, 1, "unknown evalcheck directive 'disable'")]),
    ("no-suppressions", EVALUATION, []),
]


@pytest.mark.parametrize(("text", "expected"), **cases(UNUSED_SUPPRESSION))
def test_unused_suppression(text: str, expected: Expected) -> None:
    assert_found(text, "unused-suppression", expected)
