"""A run that names files (pre-commit's) also reports what a named file breaks in another:
the problems the full run reports there that the named file causes, and nothing else there."""

from __future__ import annotations

import pytest
from checkcases import cases, files
from conftest import AS_OF, REPO, assert_targeted_runs_agree, records_from
from records_kit import evaluation, management_response, owners, response

from evalcheck import engine
from evalcheck.config import parse_config

R1 = (("R1", "Hold a meeting."),)
R2 = (("R2", "Write a plan."),)


def ev(ident: str = "EV-1", title: str = "Final evaluation", owner: str = "u",
       recommendations: tuple[tuple[str, str], ...] = R1) -> str:
    return evaluation(ident, title=title, status="ongoing", owner=owner,
                      recommendations=recommendations, addressed_to="u")


def answers(*recommendations: str, ident: str = "MR-1", evaluation: str = "EV-1") -> str:
    """A response rejecting these recommendations (R1 "Out of scope.", others "No.")."""
    return management_response(ident, evaluation, owner="u", responses=[
        response(r, decision="rejected", rationale="Out of scope." if r == "R1" else "No.")
        for r in recommendations])


EV = ev()
ANSWERS_R1 = answers("R1")
OWNERS = owners("u")

TABLE = [
    ("evaluation-lost-a-recommendation", [EV, answers("R1", "R2"), OWNERS],
     [("r1.yaml", "unknown-reference")]),
    ("evaluation-gained-a-recommendation", [ev(recommendations=(*R1, *R2)), ANSWERS_R1, OWNERS],
     [("r1.yaml", "unanswered-recommendation")]),
    ("registry-lost-an-owner", [OWNERS, ev(owner="gone")],
     [("r1.yaml", "unknown-owner")]),
    ("id-taken-by-the-named-record", [EV, ev(title="Mid-term evaluation"), OWNERS],
     [("r1.yaml", "duplicate-id")]),
    ("title-and-year-taken", [EV, ev("EV-2"), OWNERS],
     [("r1.yaml", "duplicate-record")]),
    ("evaluation-answered-twice", [ANSWERS_R1, answers("R1", ident="MR-2"), EV, OWNERS],
     [("r1.yaml", "duplicate-record")]),
    ("owner-defined-again-later", [OWNERS, OWNERS], [("r1.yaml", "duplicate-id")]),
    # what the named file does not cause stays with the full run
    ("unknown-evaluation-elsewhere", [EV, answers("R1", evaluation="EV-9"), OWNERS], []),
    ("duplicates-inside-another-record",
     [EV, ev("EV-2", "Other evaluation", recommendations=(*R1, ("R1", "Again."))), OWNERS], []),
    ("unknown-owner-when-the-registry-is-not-named",
     [EV, ev("EV-2", "Other evaluation", owner="gone"), OWNERS], []),
]


@pytest.mark.parametrize(("docs", "expected"), **cases(TABLE))
def test_a_named_file_reports_what_it_breaks_elsewhere(
        docs: list[str], expected: list[tuple[str, str]]) -> None:
    records = records_from(files(*docs))
    config = parse_config({}, REPO)
    full = engine.lint(records, config, AS_OF)
    assert not [p for p in full if p.check in ("yaml-syntax", "schema")], full
    assert_targeted_runs_agree(records, config, AS_OF, full)
    named = engine.lint(records, config, AS_OF, targets={"r0.yaml"})
    assert sorted((p.path, p.check) for p in named if p.path != "r0.yaml") == expected
