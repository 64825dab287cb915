"""recurring-recommendation on two real UNDAF evaluations of 2010 that carry the same three
recommendations (UNDP Evaluation Resource Centre, ERC; records in tests/realworld/records/).

The pages (read 2026-12-02, from a stored copy that holds the beginning of each page only):
  ERC 5135  https://erc.undp.org/evaluation/evaluations/detail/5135
            "UNDAF Mid Term Evaluation", Evaluation Plan 2008-2012, Samoa; Completion Date
            07/2010; joint with UN agencies, for the governments of the Cook Islands, Niue,
            Samoa and Tokelau. Recommendations 1-5 (the copy breaks off inside 5).
  ERC 2925  https://erc.undp.org/evaluation/managementresponses/detail/2925
            "Joint UNDAF Evaluation", Evaluation Plan 2008-2012, Fiji; Completion Date 10/2010.
            Recommendations 1-3 (the copy ends at 3's key actions).
Both are the one Pacific sub-regional UNDAF mid-term review of 2010 (the Samoa page's report
is "Pacific UNDAF MTR Final Report"), entered by the two offices under two titles.

The hand count, read on the two pages side by side:
  - Samoa 1 and Fiji 1 are the same sentence; both end in "?" after the closing parenthesis;
    Samoa writes "1. " before it.
  - Samoa 2 and Fiji 2 are the same sentence; Samoa writes "2. " before it and no full stop
    after it, Fiji a full stop.
  - Samoa 3 and Fiji 3 are the same sentence; Samoa writes "3. " before it; neither has a full
    stop.
  - Samoa 4 (the MSI+5 agenda) and Samoa 5 (agency M&E frameworks) have no counterpart among
    Fiji 1-3, and none of the three Fiji ones matches another Samoa one.
  - The project evaluations (ERC 9722, 9724: Myanmar; 9790: Tuvalu) share nothing with them or
    with each other.
So with the records paraphrasing each shared sentence once, in the same words in both files
(the headers of EV-ERC-5135.yaml and EV-ERC-2925.yaml say so), the only differences left are the
leading numbers and the final punctuation, which the check normalises away: three repeats, each
of similarity 1.00. Samoa reported first (07/2010, taken as 2010-07-31) and Fiji later (10/2010,
2010-10-31), so each finding is on Fiji's recommendation and names Samoa's as the earliest,
although Fiji's ERC number and file sort first. Nothing else.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from erckit import RECORDS, cli_json, isolated

AS_OF = "2021-07-31"  # as test_erc.py; the check does not read the date
FIJI = "records/evaluations/EV-ERC-2925.yaml"
SAMOA = "records/evaluations/EV-ERC-5135.yaml"

# (later recommendation, line of its `text:` key in EV-ERC-2925.yaml, earlier recommendation
# of EV-ERC-5135): one per later recommendation, naming the earliest (Samoa's, the only one).
REPEATS = [("R1", 25, "R1"), ("R2", 30, "R2"), ("R3", 35, "R3")]




@pytest.fixture(scope="module")
def erc(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return isolated(tmp_path_factory.mktemp("erc"))




def _recurring(root: Path, *paths: str) -> list[dict[str, Any]]:
    return list(cli_json(root, "lint", "--no-cache", "--as-of", AS_OF, "--select",
                      "recurring-recommendation", *paths))


def _expected() -> list[dict[str, Any]]:
    return [{"path": FIJI, "line": line, "check": "recurring-recommendation",
             "severity": "warning", "record": "EV-ERC-2925",
             "item": f"recommendations[{later}].text",
             "message": f"recommendation {later} repeats EV-ERC-5135 {earlier} (similarity 1.00)"}
            for later, line, earlier in REPEATS]


def _essentials(found: list[dict[str, Any]]) -> list[dict[str, Any]]:
    keys = ("path", "line", "check", "severity", "record", "item", "message")
    return [{k: p[k] for k in keys} for p in found]


def test_the_lines_are_the_texts() -> None:
    """REPEATS's lines are those of the three `text:` keys in the Fiji record (a guard: an edit
    of the record that moves them has to move them here too)."""
    lines = (RECORDS / "evaluations" / "EV-ERC-2925.yaml").read_text(encoding="utf-8").split("\n")
    for later, line, _ in REPEATS:
        assert lines[line - 2] == f"  - id: {later}"
        assert lines[line - 1] == "    text: >-"


def test_the_three_repeats(erc: Path) -> None:
    found = _recurring(erc)
    assert _essentials(found) == _expected()
    # and the hint points at the earlier record
    assert all(SAMOA in p["hint"] for p in found)


def test_the_whole_lint_says_the_same(erc: Path) -> None:
    everything = cli_json(erc, "lint", "--no-cache", "--as-of", AS_OF)
    assert _essentials([p for p in everything if p["check"] == "recurring-recommendation"]) == \
        _expected()
    # none between recommendations that differ: nothing about Samoa's R4 and R5, the project
    # evaluations, or any other pair of the five evaluations
    assert not [p for p in everything if p["check"] == "near-duplicate-text"
                or (p["path"].startswith("records/evaluations/") and p["path"] != FIJI)]


def test_they_are_identical_once_normalised(tmp_path: Path) -> None:
    """The pages differ only in the leading numbers and the final full stop: at the strictest
    threshold (1.0) the same three are found, each at similarity 1.00."""
    root = isolated(tmp_path, "[tool.evalcheck.checks.recurring-recommendation]\n"
                               "threshold = 1.0\n")
    assert _essentials(_recurring(root)) == _expected()


@pytest.mark.parametrize(("named", "expected"), [
    # the later evaluation: its three findings
    (FIJI, _expected()),
    # the earlier one: the findings it causes in the later record are shown where they are
    # (README: "report on these paths (and what they break elsewhere)")
    (SAMOA, _expected()),
    # Fiji's management response, and an unrelated evaluation: nothing
    ("records/responses/MR-ERC-2925.yaml", []),
    ("records/evaluations/EV-ERC-9790.yaml", []),
])
def test_lint_naming_one_file(erc: Path, named: str, expected: list[dict[str, Any]]) -> None:
    assert _essentials(_recurring(erc, named)) == expected


def _report_pairs(report: Any) -> list[tuple[str, str, str, str, float, str, int]]:
    return [(r["earlier_evaluation"], r["earlier_recommendation"], r["later_evaluation"],
             r["later_recommendation"], r["similarity"], r["path"], r["line"])
            for r in report["data_quality"]["recurring"]]


def _follow_up_count(report: Any) -> int:
    return next(f["count"] for f in report["data_quality"]["follow_up"]
                if f["check"] == "recurring-recommendation")


HAND_PAIRS = [("EV-ERC-5135", earlier, "EV-ERC-2925", later, 1.0, FIJI, line)
              for later, line, earlier in REPEATS]


def test_the_report_lists_them(erc: Path) -> None:
    report = cli_json(erc, "report", "--as-of", AS_OF)
    assert _report_pairs(report) == HAND_PAIRS
    assert _follow_up_count(report) == 3


@pytest.mark.parametrize(("narrowed", "expected"), [
    # the evaluation the findings are on, or its owner: all three
    (("--evaluation", "EV-ERC-2925"), HAND_PAIRS),
    (("--owner", "undp-fiji"), HAND_PAIRS),
    # the earlier evaluation, or its owner: none. docs/reports.md ("Filters") keeps the lint
    # problems of the records in scope, and the three are on the Fiji record, so a report on
    # the Samoa evaluation does not say that its recommendations were made again.
    (("--evaluation", "EV-ERC-5135"), []),
    (("--owner", "undp-samoa"), []),
])
def test_the_narrowed_report(erc: Path, narrowed: tuple[str, str],
                             expected: list[tuple[str, str, str, str, float, str, int]]) -> None:
    report = cli_json(erc, "report", "--as-of", AS_OF, *narrowed)
    assert _report_pairs(report) == expected
    assert _follow_up_count(report) == len(expected)
