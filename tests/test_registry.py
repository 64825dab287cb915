"""The registry is the catalogue of rules.md, and every check's documented examples are true."""

from __future__ import annotations

import datetime as dt
import re
from textwrap import dedent

import pytest
from conftest import AS_OF, lint_text

from evalcheck import checks

# The catalogue of shared/design/rules.md: (family, name, default severity). Copied here on
# purpose: users' clones do not have the design folder, and a change must be made in both.
CATALOGUE = [
    ("yaml", "yaml-syntax", "error"),
    ("yaml", "duplicate-key", "error"),
    ("yaml", "ambiguous-scalar", "error"),
    ("yaml", "unsafe-yaml", "error"),
    ("schema", "schema", "error"),
    ("schema", "unknown-kind", "error"),
    ("owners", "missing-owner", "error"),
    ("owners", "unknown-owner", "error"),
    ("owners", "owner-needs-review", "warning"),
    ("duplicates", "duplicate-id", "error"),
    ("duplicates", "duplicate-text", "error"),
    ("duplicates", "near-duplicate-text", "warning"),
    ("duplicates", "duplicate-record", "error"),
    ("deadlines", "past-due-action", "warning"),
    ("deadlines", "due-soon", "warning"),
    ("deadlines", "missing-deadline", "warning"),
    ("deadlines", "no-fixed-deadline", "warning"),
    ("deadlines", "response-overdue", "warning"),
    ("references", "unknown-reference", "error"),
    ("references", "unanswered-recommendation", "warning"),
    ("references", "accepted-without-action", "warning"),
    ("references", "rejected-without-rationale", "error"),
    ("consistency", "sum-mismatch", "error"),
    ("consistency", "date-order", "error"),
    ("consistency", "rating-out-of-scale", "error"),
    ("consistency", "completed-without-date", "warning"),
    ("deadlines", "deadline-before-response", "warning"),
    ("deadlines", "deadline-moved-without-reason", "warning"),
    ("deadlines", "stale-action", "warning"),
    ("duplicates", "recurring-recommendation", "warning"),
    ("consistency", "status-contradicts-update", "warning"),
]
# Checks of ours beyond the catalogue.
EXTRA = [("suppressions", "unused-suppression", "warning"),
         ("templates", "placeholder-text", "error")]

# Options the catalogue promises, with their defaults.
OPTIONS = {
    "near-duplicate-text": {"threshold": 0.85},
    "due-soon": {"days": 30},
    "response-overdue": {"days": 60},
    "stale-action": {"days": 180},
    "recurring-recommendation": {"threshold": 0.8},
    "status-contradicts-update": {"words": ()},
}


def builtin() -> dict[str, checks.Check]:
    """The checks evalcheck ships (plugins installed in the environment are left out)."""
    return {name: c for name, c in checks.registry().items()
            if c.func is None or c.func.__module__.startswith("evalcheck.checks.")}


def test_registry_is_the_catalogue() -> None:
    got = sorted((c.family, c.name, c.severity.value) for c in builtin().values())
    assert got == sorted(CATALOGUE + EXTRA)


def test_names_are_kebab_case() -> None:
    assert all(re.fullmatch(r"[a-z]+(?:-[a-z]+)*", name) for name in builtin())


@pytest.mark.parametrize(("name", "options"), OPTIONS.items())
def test_promised_options(name: str, options: dict[str, object]) -> None:
    declared = checks.get(name).options
    assert {k: default for k, (_, default) in declared.items()} == options


def test_unknown_check_suggests_a_name() -> None:
    with pytest.raises(checks.UnknownCheck, match="did you mean 'due-soon'"):
        checks.get("due-son")


NAMES = sorted(n for _, n, _ in CATALOGUE + EXTRA)
_HEADING = re.compile(r"^\s*(Bad|Good)(?: \(as of (\d{4}-\d{2}-\d{2})\))?:\s*$")


def examples(doc: str) -> dict[str, tuple[str, dt.date]]:
    """The Bad and Good blocks of a check's doc, dedented, with the as-of date each is for."""
    blocks: dict[str, tuple[list[str], dt.date]] = {}
    current = None
    for line in doc.splitlines():
        m = _HEADING.match(line)
        if m:
            current = m.group(1)
            day = dt.date.fromisoformat(m.group(2)) if m.group(2) else AS_OF
            blocks[current] = ([], day)
        elif current is not None:
            blocks[current][0].append(line)
    return {k: (dedent("\n".join(lines)).strip("\n") + "\n", day)
            for k, (lines, day) in blocks.items()}


@pytest.mark.parametrize("name", NAMES)
def test_doc_has_summary_why_bad_and_good(name: str) -> None:
    c = checks.get(name)
    assert c.summary and c.summary.endswith(".")
    assert re.search(r"^\s*Why: \S", c.doc, re.M)
    blocks = examples(c.doc)
    assert set(blocks) == {"Bad", "Good"}
    assert all(text.strip() for text, _ in blocks.values())


@pytest.mark.parametrize("name", NAMES)
def test_bad_example_fires(name: str) -> None:
    text, day = examples(checks.get(name).doc)["Bad"]
    assert lint_text(text, as_of=day, only=name), text


@pytest.mark.parametrize("name", NAMES)
def test_good_example_does_not_fire(name: str) -> None:
    text, day = examples(checks.get(name).doc)["Good"]
    assert lint_text(text, as_of=day, only=name) == []


def test_examples_parser_reads_as_of() -> None:
    blocks = examples("X.\n\nWhy: y\n\nBad (as of 2020-01-02):\n    a: 1\nGood:\n    a: 2\n")
    assert blocks == {"Bad": ("a: 1\n", dt.date(2020, 1, 2)), "Good": ("a: 2\n", AS_OF)}
