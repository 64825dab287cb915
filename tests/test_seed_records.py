"""The pinned defect list: lint on the bundled seed records finds exactly the real defects
that the source documents contain, and the committed baseline accepts each with a reason."""

from __future__ import annotations

import json
from collections import Counter

import yaml
from conftest import REPO, SEED_AS_OF, run_cli

EV_000 = "EV-2001-PLACMI2"
MR_002 = "MR-2022-ROBA-UNNM"

# Seed 002: 13 recommendations, 22 actions (id -> count per recommendation).
ACTIONS_002 = {1: 1, 2: 1, 3: 3, 4: 3, 5: 2, 6: 2, 7: 1, 8: 2, 9: 2, 10: 1, 11: 1, 12: 2, 13: 1}


def expected_defects() -> Counter[tuple[str, str, str]]:
    expected: list[tuple[str, str, str]] = []
    # Seed 000 prints section 5 twice: C8..C14 repeat C1..C7, R3..R4 repeat R1..R2.
    expected += [(EV_000, f"conclusions[C{n}].text", "duplicate-text") for n in range(8, 15)]
    expected += [(EV_000, f"recommendations[R{n}].text", "duplicate-text") for n in (3, 4)]
    # Seed 002: every action past due, every recommendation answered with no decision.
    expected += [(MR_002, f"responses[R{r}].actions[{r}.{a}].deadline", "past-due-action")
                 for r, count in ACTIONS_002.items() for a in range(1, count + 1)]
    expected += [(MR_002, f"responses[R{r}]", "unanswered-recommendation") for r in ACTIONS_002]
    expected += [(MR_002, "responses[R12].actions[12.1].description", "near-duplicate-text")]
    # Seed 004: the financing does not add up to the total.
    expected += [("PRJ-2011-OAS-INCOMI", "financing", "sum-mismatch")]
    # Completed evaluations with recommendations and no management response.
    expected += [(EV_000, "report_date", "response-overdue"),
                 ("EV-2021-BOL-IDF", "report_date", "response-overdue")]
    return Counter(expected)


def test_expected_list_has_the_documented_sizes() -> None:
    expected = expected_defects()
    by_check = Counter(check for _, _, check in expected.elements())
    assert by_check == {"duplicate-text": 9, "past-due-action": 22,
                        "unanswered-recommendation": 13, "near-duplicate-text": 1,
                        "sum-mismatch": 1, "response-overdue": 2}


def test_lint_finds_exactly_the_seed_defects() -> None:
    result = run_cli("lint", "--as-of", SEED_AS_OF, "--no-baseline", "--format", "json")
    assert "Traceback" not in result.stderr
    assert result.returncode == 1  # duplicate-text and sum-mismatch are errors
    problems = json.loads(result.stdout)
    found = Counter((p["record"], p["item"], p["check"]) for p in problems)
    assert found == expected_defects(), (found - expected_defects(),
                                         expected_defects() - found)
    near = [p for p in problems if p["check"] == "near-duplicate-text"]
    assert "action 12.1" in near[0]["message"] and "action 4.1" in near[0]["message"]
    unanswered = [p for p in problems if p["check"] == "unanswered-recommendation"]
    assert all("answered with no decision" in p["message"] for p in unanswered)


def test_committed_baseline_accepts_them_all_with_reasons() -> None:
    result = run_cli("lint", "--as-of", SEED_AS_OF, "--format", "json")
    assert "Traceback" not in result.stderr
    assert (result.returncode, json.loads(result.stdout)) == (0, [])
    baseline = yaml.safe_load((REPO / "evalcheck-baseline.yaml").read_text(encoding="utf-8"))
    entries = baseline["entries"]
    assert Counter((e["record"], e["item"], e["check"]) for e in entries) == expected_defects()
    assert all(isinstance(e.get("reason"), str) and e["reason"].strip() for e in entries)
