"""The yaml and schema families through the engine: what the loader and the schemas report."""

from __future__ import annotations

import pytest
from checkcases import Expected, assert_found, cases
from records_kit import evaluation


def good(**fields: str) -> str:
    """A valid evaluation with no recommendations, these fields changed or added."""
    return evaluation(recommendations=None, **fields)


GOOD = good()

SOURCE = [
    ("yaml-syntax", "fires", "kind: evaluation\ntitle: [T\n",
     [("r0.yaml", 3, 1, "not valid YAML")]),
    ("yaml-syntax", "quiet", GOOD, []),
    ("duplicate-key", "fires", GOOD + "status: ongoing\n",
     [("r0.yaml", 6, 1, "the key 'status' appears twice")]),
    ("duplicate-key", "quiet", GOOD, []),
    ("ambiguous-scalar", "fires", good(title="off"),
     [("r0.yaml", 3, 8, "title: off is read as a yes/no value (false)")]),
    ("ambiguous-scalar", "quoted", good(title='"off"'), []),
    ("ambiguous-scalar", "number-where-numbers-belong", good(year="2022"), []),
    ("ambiguous-scalar", "date-where-dates-belong", good(report_date="2022-05-01"), []),
    ("unsafe-yaml", "fires", GOOD + "x-extra: !!python/name:os.system\n",
     [("r0.yaml", 6, 10, "!!python/name:os.system is not allowed")]),
    ("unsafe-yaml", "quiet", GOOD, []),
    ("schema", "fires", good(status="done"),
     [("r0.yaml", 4, 9, "status is 'done': did you mean 'completed'?")]),
    ("schema", "quiet", GOOD, []),
    ("unknown-kind", "fires", GOOD.replace("kind: evaluation", "kind: report"),
     [("r0.yaml", 1, 7, "unknown kind 'report'")]),
    ("unknown-kind", "quiet", GOOD, []),
]


@pytest.mark.parametrize(("check", "text", "expected"),
                         **cases([(f"{c[0]}-{c[1]}", c[0], *c[2:]) for c in SOURCE]))
def test_source_check(check: str, text: str, expected: Expected) -> None:
    assert_found(text, check, expected)
