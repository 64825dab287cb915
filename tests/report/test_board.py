"""The board indicators, breakdowns, recommendation status and trend on a repository with a real
git history (tests/report/boardhistory.py tells its story). Every expected number is worked out
by hand from that story in the comments; each definition is pinned by a case where it differs
from the naive count (today's statuses, today's deadlines, any closure at any time)."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from pathlib import Path
from typing import Any

import pytest
from boardhistory import build
from conftest import git, run_cli

from evalcheck import loading
from evalcheck.config import load_config
from evalcheck.report.board import build_board
from evalcheck.report.model import build_report
from evalcheck.report.periods import parse_period

N = 60  # the response-overdue default: a response is timely within 60 days of the report


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    root = tmp_path_factory.mktemp("history")
    return root, build(root)


def _board(root: Path, period: str, as_of: str | None = None) -> Any:
    found = parse_period(period)
    assert not isinstance(found, str)
    day = dt.date.fromisoformat(as_of) if as_of else found.end
    records = loading.load(load_config(root), [], cache=False).records
    report = build_report(records, [], day)
    return build_board([r.data for r in records], report, day, found, N)


def _pairs(ratios: dict[str, Any]) -> dict[str, tuple[int, int]]:
    return {k: (r.numerator, r.denominator) for k, r in ratios.items()}


# (period, as-of or None for its end) -> {indicator: (numerator, denominator)}, by hand:
CASES: dict[tuple[str, str | None], dict[str, tuple[int, int]]] = {
    # 2023 as of 2023-12-31. Due in 2023 by the deadlines then in force: A1.1 (06-30),
    # A1.2 (moved to 12-31), B1.1 (12-31); A2.1 was then due 2024-06-30 -> 2 of 3 closed.
    # Closed in 2023: A1.1 on time; A1.2 on 11-30, after its FIRST deadline 09-30 (the naive
    # count against today's deadline 12-31 would call it on time) -> 1 of 2.
    # Applicable and agreed: A1.1, A1.2, A2.1, B1.1, B1.2 (its closure on 2024-02-10 came
    # later: open then), B1.3 (completed only in 2024) -> 2 of 6 (naive, with today's
    # statuses: 4 of 8). EV-A answered in 33 days, EV-B in 128 -> 1 of 2.
    # Open with a deadline: A2.1, B1.1 (due 12-31, not past it), B1.2, B1.3 -> 0 of 4.
    # Open: A2.1 moved twice by then, the rest never -> 1 of 4. Closed in 2023: A1.1 validated
    # 2023-07-01, A1.2 never -> 1 of 2.
    ("2023", None): {"closure_rate": (2, 3), "on_time_closure_rate": (1, 2),
                     "implementation_rate": (2, 6), "response_timeliness": (1, 2),
                     "overdue_share": (0, 4), "extended_share": (1, 4),
                     "validated_closure_share": (1, 2)},
    # First half of 2023, as of 06-30: MR-B (09-15) not agreed yet. A1.1 due and closed in it.
    # A1.2 and A2.1 then still due 09-30 (their moves came later). EV-B reported 05-10 had no
    # response yet (naive: "has a response" would count it answered). A1.1 was validated
    # only on 07-01 (naive, with today's record: 1 of 1).
    ("2023-01-01..2023-06-30", None): {
        "closure_rate": (1, 1), "on_time_closure_rate": (1, 1), "implementation_rate": (1, 3),
        "response_timeliness": (1, 2), "overdue_share": (0, 2), "extended_share": (0, 2),
        "validated_closure_share": (0, 1)},
    # 2023-Q3: A1.2 and A2.1 were first due 09-30 but both were moved (09-20, 09-25) before
    # the quarter ended: nothing was due in the quarter (naive, with the first deadlines: 0 of
    # 2, a 0% that is not true).
    ("2023-Q3", None): {
        "closure_rate": (0, 0), "on_time_closure_rate": (0, 0), "implementation_rate": (1, 6),
        "response_timeliness": (0, 0), "overdue_share": (0, 5), "extended_share": (2, 5),
        "validated_closure_share": (0, 0)},
    # December 2023: A1.2 and B1.1 due in it; A1.2 was closed in November, before the period
    # (WFP counts the actions "due in the reporting period and closed within" it; the naive
    # count of everything closed by the period's end says 1 of 2) -> 0 of 2, one closed
    # earlier shown beside it. Nothing closed in December.
    ("2023-12", None): {
        "closure_rate": (0, 2), "on_time_closure_rate": (0, 0), "implementation_rate": (2, 6),
        "response_timeliness": (0, 0), "overdue_share": (0, 4), "extended_share": (1, 4),
        "validated_closure_share": (0, 0)},
    # 2024-Q1 as of 03-31: B1.2 (due 2024-Q1, i.e. 03-31) and B1.3 (03-31) due; B1.2 closed
    # 02-10, B1.3 only on 05-15 (naive, with today's statuses: 2 of 2) -> 1 of 2. B1.2 closed
    # before its first deadline -> 1 of 1. Applicable: A1.1, A1.2, A2.1, B1.1, B1.3 -> 2 of 5.
    # EV-C reported 03-01, no response yet -> 0 of 1. Open with a deadline: A2.1 (06-30), B1.1
    # (91 days overdue), B1.3 (due that day) -> 1 of 3. A2.1 moved -> 1 of 3. B1.2's closure
    # never validated -> 0 of 1.
    ("2024-Q1", None): {
        "closure_rate": (1, 2), "on_time_closure_rate": (1, 1), "implementation_rate": (2, 5),
        "response_timeliness": (0, 1), "overdue_share": (1, 3), "extended_share": (1, 3),
        "validated_closure_share": (0, 1)},
    # 2024-Q2 as of 06-30: A2.1 moved a third time on 06-25 (to 12-31): nothing due. B1.3
    # closed 05-15, after its first deadline -> 0 of 1. Completed: A1.1, A1.2, B1.3 of 5.
    # EV-D reported 04-10, never answered -> 0 of 1. Open with a deadline: A2.1, B1.1 (182
    # days overdue) -> 1 of 2; both open, A2.1 moved -> 1 of 2.
    ("2024-Q2", None): {
        "closure_rate": (0, 0), "on_time_closure_rate": (0, 1), "implementation_rate": (3, 5),
        "response_timeliness": (0, 1), "overdue_share": (1, 2), "extended_share": (1, 2),
        "validated_closure_share": (0, 1)},
    # 2024 as of 2025-12-31: EV-C (answered 2025-03-05, 369 days after its report) and EV-D
    # (never) -> 0 of 2, although both evaluations "have a response or not" differently.
    ("2024", "2025-12-31"): {
        "closure_rate": (2, 3), "on_time_closure_rate": (1, 2), "implementation_rate": (4, 8),
        "response_timeliness": (0, 2), "overdue_share": (3, 4), "extended_share": (1, 4),
        "validated_closure_share": (0, 2)},
    # 2025-Q2 as of 06-30: MR-C agreed 03-05. Due in Q2: C1.1 (closed 05-20), C3.1 (no
    # status) -> 1 of 2. Closed in Q2: C1.1, on time, validated 06-10 -> 1 of 1 each.
    # Applicable: A1.1, A1.2, A2.1, B1.1, B1.3, C1.1, C2.1, C3.1 -> 4 of 8. Open with a
    # deadline: A2.1 (181 days overdue), B1.1 (547), C2.1, C3.1 (due that day) -> 2 of 4.
    ("2025-Q2", None): {
        "closure_rate": (1, 2), "on_time_closure_rate": (1, 1), "implementation_rate": (4, 8),
        "response_timeliness": (0, 0), "overdue_share": (2, 4), "extended_share": (1, 4),
        "validated_closure_share": (1, 1)},
}


@pytest.mark.parametrize(("period", "as_of"), list(CASES))
def test_indicators_by_hand(history: tuple[Path, dict[str, str]], period: str,
                            as_of: str | None) -> None:
    board = _board(history[0], period, as_of)
    assert _pairs(board.indicators) == CASES[(period, as_of)]


def test_the_extras_beside_the_ratios(history: tuple[Path, dict[str, str]]) -> None:
    root = history[0]
    year = _board(root, "2023").indicators
    # B1.1 never had a status: in the denominator, and said so
    assert year["implementation_rate"].extra["not_reported"] == 1
    assert year["implementation_rate"].value == 33.3
    # median of 33 and 128 days
    assert year["response_timeliness"].extra["median_delay_days"] == 80.5
    assert year["response_timeliness"].extra["days"] == N
    late = _board(root, "2024", "2025-12-31").indicators["response_timeliness"]
    assert late.extra == {"days": N, "median_delay_days": 369, "no_response": 1,
                          "response_undated": 0}
    # As of 2024-12-31 the EV-C response did not exist yet: no delay to take the median of.
    assert _board(root, "2024").indicators["response_timeliness"].extra["no_response"] == 2
    q1 = _board(root, "2024-Q1").indicators
    assert q1["overdue_share"].extra["ageing"] == {"1-30": 0, "31-90": 0, "91-180": 1,
                                                   "181-365": 0, "over-365": 0}
    q2 = _board(root, "2025-Q2").indicators
    assert q2["overdue_share"].extra["ageing"] == {"1-30": 0, "31-90": 0, "91-180": 0,
                                                   "181-365": 1, "over-365": 1}
    assert q2["overdue_share"].value == 50.0 and q2["closure_rate"].value == 50.0
    # A2.1 was moved twice by the end of 2023 (today's record shows three moves) and three
    # times by mid-2024
    assert _board(root, "2023").indicators["extended_share"].extra[
        "moved_more_than_twice"] == 0
    assert _board(root, "2024-Q2").indicators["extended_share"].extra[
        "moved_more_than_twice"] == 1
    # nothing to measure is null, not 0%
    assert _board(root, "2023-Q3").indicators["closure_rate"].value is None


def _values(groups: Any) -> dict[str, dict[str, tuple[int, int]]]:
    return {g.key: _pairs(g.indicators) for g in groups}


def test_breakdowns_of_2023_by_hand(history: tuple[Path, dict[str, str]]) -> None:
    b = _board(history[0], "2023").breakdowns
    unit = _values(b["unit"])
    # unit-a: A1.1, A1.2; evaluations addressed to it: EV-A (and EV-D, reported in 2024)
    assert unit["unit-a"] == {
        "closure_rate": (2, 2), "on_time_closure_rate": (1, 2), "implementation_rate": (2, 2),
        "response_timeliness": (1, 1), "overdue_share": (0, 0), "extended_share": (0, 0),
        "validated_closure_share": (1, 2)}
    # unit-b: A2.1, B1.1 (shared with unit-c), B1.3; EV-A (its R2) and EV-B
    assert unit["unit-b"] == {
        "closure_rate": (0, 1), "on_time_closure_rate": (0, 0), "implementation_rate": (0, 3),
        "response_timeliness": (1, 2), "overdue_share": (0, 3), "extended_share": (1, 3),
        "validated_closure_share": (0, 0)}
    # unit-c: B1.1 (shared: it counts for both units), B1.2; EV-B (its R2)
    assert unit["unit-c"] == {
        "closure_rate": (0, 1), "on_time_closure_rate": (0, 0), "implementation_rate": (0, 2),
        "response_timeliness": (0, 1), "overdue_share": (0, 2), "extended_share": (0, 2),
        "validated_closure_share": (0, 0)}
    region = _values(b["region"])
    assert set(region) == {"americas", "africa"}  # office-b is not a region: africa is on top
    # americas = unit-a + unit-c: A1.1, A1.2, B1.1, B1.2; EV-A and EV-B
    assert region["americas"] == {
        "closure_rate": (2, 3), "on_time_closure_rate": (1, 2), "implementation_rate": (2, 4),
        "response_timeliness": (1, 2), "overdue_share": (0, 2), "extended_share": (0, 2),
        "validated_closure_share": (1, 2)}
    # africa = unit-b (through office-b)
    assert region["africa"] == unit["unit-b"]
    kind = _values(b["type"])
    # final: A1.1, A1.2, A2.1 (C1.1-C3.1 not agreed yet); EV-A
    assert kind["final"] == {
        "closure_rate": (2, 2), "on_time_closure_rate": (1, 2), "implementation_rate": (2, 3),
        "response_timeliness": (1, 1), "overdue_share": (0, 1), "extended_share": (1, 1),
        "validated_closure_share": (1, 2)}
    assert kind["mid-term"] == {
        "closure_rate": (0, 1), "on_time_closure_rate": (0, 0), "implementation_rate": (0, 3),
        "response_timeliness": (0, 1), "overdue_share": (0, 3), "extended_share": (0, 3),
        "validated_closure_share": (0, 0)}
    year = _values(b["year"])
    assert year["2023"] == CASES[("2023", None)]
    assert year["2024"]["implementation_rate"] == (0, 0)  # EV-C's actions not agreed yet
    priority = _values(b["priority"])
    # priority 1: A1.1, A1.2 (EV-A R1) and B1.1-B1.3 (EV-B R1); no evaluation indicator
    assert priority["1"] == {
        "closure_rate": (2, 3), "on_time_closure_rate": (1, 2), "implementation_rate": (2, 5),
        "overdue_share": (0, 3), "extended_share": (0, 3), "validated_closure_share": (1, 2)}
    assert priority["2"] == {
        "closure_rate": (0, 0), "on_time_closure_rate": (0, 0), "implementation_rate": (0, 1),
        "overdue_share": (0, 1), "extended_share": (1, 1), "validated_closure_share": (0, 0)}
    assert [g.key for g in b["priority"]] == ["1", "2", "3", "not-stated"]


def test_recommendation_status_and_high_priority_overdue(
        history: tuple[Path, dict[str, str]]) -> None:
    board = _board(history[0], "2025-Q3")
    rs = board.recommendation_status
    status = {(r.evaluation, r.recommendation): r.status for r in rs.recommendations}
    assert status == {
        ("EV-A", "R1"): "implemented",            # A1.1 and A1.2 completed
        ("EV-A", "R2"): "partially-implemented",  # A2.1 in progress
        ("EV-A", "R3"): "not-accepted",
        ("EV-B", "R1"): "partially-implemented",  # B1.3 done, B1.2 n/a, B1.1 not reported
        ("EV-B", "R2"): "no-action",
        ("EV-C", "R1"): "implemented",
        ("EV-C", "R2"): "not-yet-due",            # C2.1 due 2026-06-30
        ("EV-C", "R3"): "not-started",            # C3.1 due 2025-06-30, no status
        ("EV-D", "R1"): "no-decision",            # never answered
    }
    assert rs.total == {"implemented": 2, "partially-implemented": 2, "not-started": 1,
                        "not-yet-due": 1, "no-action": 1, "not-accepted": 1, "no-decision": 1}
    assert rs.not_reported == 2  # EV-B R1 (B1.1) and EV-C R3 (C3.1)
    assert {r.evaluation: r.counts["implemented"] for r in rs.by_evaluation} == {
        "EV-A": 1, "EV-B": 0, "EV-C": 1, "EV-D": 0}
    # priority-1 overdue only: B1.1 and C3.1; A2.1 (priority 2) is overdue too but not listed
    assert [(a.id, a.days_overdue) for a in board.high_priority_overdue] == [
        ("B1.1", (dt.date(2025, 9, 30) - dt.date(2023, 12, 31)).days),
        ("C3.1", (dt.date(2025, 9, 30) - dt.date(2025, 6, 30)).days)]
    # Before MR-B was dated, EV-B had made no decision, whatever today's record says
    early = _board(history[0], "2023-Q2").recommendation_status
    assert {r.recommendation: r.status for r in early.recommendations
            if r.evaluation == "EV-B"} == {"R1": "no-decision", "R2": "no-decision"}


def _json(root: Path, *args: str) -> dict[str, Any]:
    done = run_cli("report", *args, "--format", "json", cwd=root)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)  # type: ignore[no-any-return]


def _plain(indicators: dict[str, Any]) -> dict[str, tuple[int, int]]:
    return {k: (v["numerator"], v["denominator"]) for k, v in indicators.items()}


def test_cli_period_json(history: tuple[Path, dict[str, str]]) -> None:
    data = _json(history[0], "--period", "2023")
    assert data["as_of"] == "2023-12-31"  # the period's end
    assert data["period"] == {"label": "2023", "start": "2023-01-01", "end": "2023-12-31"}
    assert _plain(data["indicators"]) == CASES[("2023", None)]
    assert data["indicators"]["implementation_rate"] == {
        "numerator": 2, "denominator": 6, "value": 33.3, "not_reported": 1}
    assert data["indicators"]["closure_rate"]["value"] == 66.7
    assert set(data["breakdowns"]) == {"unit", "region", "year", "type", "priority"}
    assert data["recommendation_status"]["total"]["implemented"] == 1


TREND_ARGS = ("--trend", "quarter", "--since", "2023-01-01", "--as-of", "2025-09-30")


def test_owner_filter_narrows_the_indicators(history: tuple[Path, dict[str, str]]) -> None:
    # unit-a sees the recommendations addressed to it (EV-A R1 and R3, EV-D R1): the actions
    # A1.1 and A1.2, and the evaluations EV-A and EV-D - its own row of the unit breakdown
    data = _json(history[0], "--period", "2023", "--owner", "unit-a")
    assert _plain(data["indicators"]) == {
        "closure_rate": (2, 2), "on_time_closure_rate": (1, 2), "implementation_rate": (2, 2),
        "response_timeliness": (1, 1), "overdue_share": (0, 0), "extended_share": (0, 0),
        "validated_closure_share": (1, 2)}
    assert {r["recommendation"] for r in data["recommendation_status"]["recommendations"]
            if r["evaluation"] == "EV-A"} == {"R1", "R3"}


def test_trend_gives_the_hand_numbers_of_each_quarter(
        history: tuple[Path, dict[str, str]]) -> None:
    root, made = history
    trend = _json(root, *TREND_ARGS)["trend"]
    assert [p["period"] for p in trend] == [f"{y}-Q{q}" for y in (2023, 2024, 2025)
                                            for q in (1, 2, 3, 4)][:11]
    assert [p["as_of"] for p in trend][-2:] == ["2025-06-30", "2025-09-30"]
    # the commit standing for each quarter is the last one made on or before its end
    assert [p["commit"] for p in trend] == [
        made[d] for d in ("2023-03-20", "2023-06-16", "2023-09-25", "2023-12-20",
                          "2024-03-02", "2024-06-25", "2024-06-25", "2024-06-25",
                          "2025-03-05", "2025-06-10", "2025-08-15")]
    by_period = {p["period"]: _plain(p["indicators"]) for p in trend}
    for (period, as_of), expected in CASES.items():
        if as_of is None and period in by_period:
            assert by_period[period] == expected, period
    # before the first commit there is nothing, so nothing to measure
    early = _json(root, "--trend", "year", "--since", "2021-05-01", "--as-of", "2022-12-31")
    assert [(p["period"], p["commit"], p["indicators"]["closure_rate"]["value"])
            for p in early["trend"]] == [("2021", "", None), ("2022", "", None)]


def test_trend_by_month_and_the_markdown(history: tuple[Path, dict[str, str]]) -> None:
    root = history[0]
    done = run_cli("report", "--trend", "month", "--since", "2023-10-01", "--period", "2023-12",
                   "--format", "md", cwd=root)
    assert done.returncode == 0, done.stderr
    md = done.stdout
    assert "## Board summary: 2023-12" in md
    assert ("| Closure rate | 0.0% | 0 of 2 actions due in the period closed within it (1 more "
            "closed before it began) |") in md
    assert "## Trend by month" in md
    # October and November: nothing due; in November A1.2 closed after its first deadline
    rows = [line for line in md.splitlines() if line.startswith("| 2023-")]
    assert [r.split(" | ")[0] for r in rows] == ["| 2023-10", "| 2023-11", "| 2023-12"]
    assert rows[2].split(" | ")[3] == "0.0% (0 / 2)"
    assert rows[1].split(" | ")[3:5] == ["n/a (0 / 0)", "0.0% (0 / 1)"]
    assert "### By region" in md and "| Africa Region (africa) |" in md


@pytest.mark.slow
def test_trend_matches_period_on_each_quarters_checkout(
        history: tuple[Path, dict[str, str]], tmp_path: Path) -> None:
    root = history[0]
    trend = _json(root, *TREND_ARGS)["trend"]
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(root), str(clone)], check=True)
    for point in trend:
        subprocess.run(["git", "-C", str(clone), "checkout", "-q", point["commit"]], check=True)
        checked = _json(clone, "--period", point["period"])
        assert checked["as_of"] == point["as_of"]
        assert checked["indicators"] == point["indicators"], point["period"]


def test_period_and_trend_usage_errors(history: tuple[Path, dict[str, str]]) -> None:
    root = history[0]
    for args, words in ((["--period", "2023-Q5"], "not a reporting period"),
                        (["--period", "2023-13"], "not a reporting period"),
                        (["--period", "2023-06-30..2023-01-01"], "ends before it starts"),
                        (["--since", "2023-01-01"], "--since goes with --trend"),
                        (["--trend", "week"], "week"),
                        (["--trend", "year", "--since", "yesterday"], "not a date"),
                        (["--trend", "year", "--owner", "unit-a"], "every record")):
        done = run_cli("report", *args, cwd=root)
        assert done.returncode == 2, (args, done.stdout)
        assert words in done.stderr and "Traceback" not in done.stderr, done.stderr


def test_terminal_shows_the_periods_indicators(history: tuple[Path, dict[str, str]]) -> None:
    done = run_cli("report", "--period", "2024-Q1", cwd=history[0])
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "Period 2024-Q1 (1 January 2024 to 31 March 2024), as of 2024-03-31" in out
    assert "Closure rate            50.0%  1 of 2 actions due in the period closed within it" \
        in out
    assert "2 of 5 applicable actions completed; 1 of them with no status reported" in out
    assert "1 of 3 open actions with a deadline past due (91\u2013180 days: 1)" in out
    plain = run_cli("report", "--as-of", "2024-03-31", cwd=history[0]).stdout
    assert "Closure rate" not in plain and "Status " in plain


def test_a_committed_file_over_the_size_limit_is_never_read(repo: Path) -> None:
    (repo / "records" / "huge.yaml").write_bytes(b"kind: evaluation\n# " + b"x" * 10_000_001)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "a file over the limit")
    done = run_cli("report", "--trend", "year", "--as-of", "2030-06-30", "--format", "json",
                   cwd=repo)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["trend"][-1]["indicators"]["implementation_rate"][
        "denominator"] == 0
    changed = run_cli("diff", "HEAD", cwd=repo)
    assert changed.returncode == 0 and "Traceback" not in changed.stderr, changed.stderr
