"""Inline suppressions: parsing the comments, and silencing through the real engine."""

from __future__ import annotations

import pytest
from conftest import REPO, lint_text

from evalcheck.config import parse_config
from evalcheck.suppress import Suppression, covering, parse_suppressions

PARSED = [
    (b"id: x  # evalcheck: ignore[duplicate-text] source repeats section 5\n",
     Suppression(1, 8, ("duplicate-text",), "source repeats section 5", "ignore")),
    (b"a: 1\n# evalcheck: ignore[past-due-action, due-soon]   kept on purpose  \n",
     Suppression(2, 1, ("past-due-action", "due-soon"), "kept on purpose", "ignore")),
    (b"a: 1 #evalcheck:ignore[schema]\r\n", Suppression(1, 6, ("schema",), "", "ignore")),
    (b"#  evalcheck: ignore[] why\n", Suppression(1, 1, (), "why", "ignore")),
    (b"# evalcheck: disable[schema] because\n",
     Suppression(1, 1, ("schema",), "because", "disable")),
    ("t: ñ  # evalcheck: ignore[schema] razón\n".encode(),
     Suppression(1, 7, ("schema",), "razón", "ignore")),
]


@pytest.mark.parametrize(("raw", "expected"), PARSED)
def test_parse(raw: bytes, expected: Suppression) -> None:
    assert list(parse_suppressions(raw).values()) == [expected]


@pytest.mark.parametrize("raw", [b"# a plain comment\n", b"a: 1  # evalcheck is great\n",
                                 b"text: evalcheck: ignore[x]\n"])
def test_not_a_suppression(raw: bytes) -> None:
    assert parse_suppressions(raw) == {}


def test_covering_this_line_or_the_line_above_only() -> None:
    found = parse_suppressions(b"a: 1\n# evalcheck: ignore[schema] why\nb: 2\nc: 3\n")
    assert covering(found, 2, "schema") is not None
    assert covering(found, 3, "schema") is not None
    assert covering(found, 4, "schema") is None
    assert covering(found, 1, "schema") is None
    assert covering(found, 3, "duplicate-text") is None


DUPLICATE = """\
kind: evaluation
id: EV-1
title: T
status: completed
owner: me-unit
conclusions:
  - {{id: C1, text: The programme is relevant.}}
{above}  - {{id: C2, text: The programme is relevant.}}{same}
"""


def checks_found(above: str = "", same: str = "", config_table: dict | None = None) -> list[str]:
    text = DUPLICATE.format(above=above, same=same)
    config = parse_config(config_table or {}, REPO)
    return [p.check for p in lint_text(text, config=config)
            if p.check in ("duplicate-text", "unused-suppression")]


@pytest.mark.parametrize(("above", "same", "expected"), [
    ("", "", ["duplicate-text"]),
    ("", "  # evalcheck: ignore[duplicate-text] the source repeats it", []),
    ("  # evalcheck: ignore[duplicate-text] the source repeats it\n", "", []),
    ("  # evalcheck: ignore[schema, duplicate-text] the source repeats it\n", "", []),
    ("  # evalcheck: ignore[duplicate-text] the source repeats it\n\n", "", ["duplicate-text",
                                                                             "unused-suppression"]),
    ("", "  # evalcheck: ignore[near-duplicate-text] similar on purpose",
     ["duplicate-text", "unused-suppression"]),
    ("", "  # evalcheck: ignore[duplicate-text]", ["unused-suppression"]),
    ("", "  # evalcheck: ignore[duplicate-txt] typo", ["duplicate-text", "unused-suppression"]),
], ids=["none", "same-line", "line-above", "one-of-two-names", "two-lines-above", "other-check",
        "no-reason", "unknown-name"])
def test_suppression_through_the_engine(above: str, same: str, expected: list[str]) -> None:
    assert sorted(checks_found(above, same)) == expected


def test_unused_suppression_can_be_ignored() -> None:
    same = "  # evalcheck: ignore[duplicate-txt] typo"
    assert checks_found(same=same, config_table={"ignore": ["unused-suppression"]}) == [
        "duplicate-text"]


def test_suppression_of_a_disabled_check_is_not_called_unused() -> None:
    same = "  # evalcheck: ignore[duplicate-text] kept"
    assert checks_found(same=same, config_table={"ignore": ["duplicate-text"]}) == []


def test_suppression_of_a_check_ignored_for_the_path_is_not_stale() -> None:
    """A check switched off for the file by per-path-ignores cannot fire, so a suppression of
    it is not reported as suppressing nothing."""
    config = parse_config({"per-path-ignores": {"r0.yaml": ["duplicate-text"]}}, REPO)
    problems = lint_text("""
        kind: evaluation
        id: EV-1
        title: T
        status: ongoing
        owner: u
        conclusions:
          - {id: C1, text: Same text.}
          # evalcheck: ignore[duplicate-text] the report repeats it
          - {id: C2, text: Same text.}
    """, config=config)
    assert [p.check for p in problems if p.check in ("unused-suppression", "duplicate-text")] == []


@pytest.mark.parametrize("text", [
    'text: "Same text. # evalcheck: ignore[duplicate-text] spoofed"',
    "text: |\n              Same text.\n              # evalcheck: ignore[duplicate-text] spoofed",
], ids=["quoted", "block"])
def test_a_suppression_written_inside_a_text_value_is_not_a_comment(text: str) -> None:
    """Record text comes from pull requests: a comment-like line inside a value must not
    silence real problems."""
    problems = lint_text(f"""
        kind: evaluation
        id: EV-1
        title: T
        status: ongoing
        owner: u
        recommendations:
          - id: R1
            addressed_to: [u]
            {text}
          - id: R2
            addressed_to: [u]
            {text}
    """, only="duplicate-text")
    assert [p.message for p in problems] == [
        "recommendation R2 repeats recommendation R1 word for word"]
