"""A run that names files (pre-commit's) also reports what a named file breaks in another:
the problems the full run reports there that the named file causes, and nothing else there."""

from __future__ import annotations

import pytest
from checkcases import cases, files
from conftest import AS_OF, REPO, assert_targeted_runs_agree, records_from

from evalcheck import engine
from evalcheck.config import parse_config

EV = """
    kind: evaluation
    id: EV-1
    title: Final evaluation
    status: ongoing
    owner: u
    recommendations:
      - {id: R1, text: Hold a meeting., addressed_to: [u]}
"""
EV_TWO_RECS = EV + "      - {id: R2, text: Write a plan., addressed_to: [u]}\n"
ANSWERS_R1 = """
    kind: management-response
    id: MR-1
    evaluation: EV-1
    owner: u
    responses:
      - {recommendation: R1, decision: rejected, rationale: Out of scope.}
"""
ANSWERS_R1_R2 = ANSWERS_R1 + "      - {recommendation: R2, decision: rejected, rationale: No.}\n"
OWNERS = """
    kind: owners
    owners:
      - {id: u, name: Unit, type: unit}
"""

TABLE = [
    ("evaluation-lost-a-recommendation", [EV, ANSWERS_R1_R2, OWNERS],
     [("r1.yaml", "unknown-reference")]),
    ("evaluation-gained-a-recommendation", [EV_TWO_RECS, ANSWERS_R1, OWNERS],
     [("r1.yaml", "unanswered-recommendation")]),
    ("registry-lost-an-owner", [OWNERS, EV.replace("owner: u", "owner: gone")],
     [("r1.yaml", "unknown-owner")]),
    ("id-taken-by-the-named-record", [EV, EV.replace("Final", "Mid-term"), OWNERS],
     [("r1.yaml", "duplicate-id")]),
    ("title-and-year-taken", [EV, EV.replace("EV-1", "EV-2"), OWNERS],
     [("r1.yaml", "duplicate-record")]),
    ("evaluation-answered-twice", [ANSWERS_R1, ANSWERS_R1.replace("MR-1", "MR-2"), EV, OWNERS],
     [("r1.yaml", "duplicate-record")]),
    ("owner-defined-again-later", [OWNERS, OWNERS], [("r1.yaml", "duplicate-id")]),
    # what the named file does not cause stays with the full run
    ("unknown-evaluation-elsewhere", [EV, ANSWERS_R1.replace("EV-1", "EV-9"), OWNERS], []),
    ("duplicates-inside-another-record", [EV, EV.replace("EV-1", "EV-2").replace(
        "Final", "Other") + "      - {id: R1, text: Again., addressed_to: [u]}\n", OWNERS], []),
    ("unknown-owner-when-the-registry-is-not-named", [EV, EV.replace("EV-1", "EV-2").replace(
        "Final", "Other").replace("owner: u", "owner: gone"), OWNERS], []),
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
