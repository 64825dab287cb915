"""The report on the bundled records as of 2026-11-22, checked against counts taken from the
record files themselves (read here with plain PyYAML, independently of evalcheck's loader)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import yaml
from conftest import REPO, SEED_AS_OF, run_cli

from evalcheck import engine, loading
from evalcheck.config import load_config
from evalcheck.report.model import ReportData, build_report

AS_OF = dt.date.fromisoformat(SEED_AS_OF)


def _docs() -> list[dict]:
    return [yaml.safe_load(p.read_text(encoding="utf-8"))
            for p in sorted((REPO / "records").rglob("*.yaml"))]


def _month_end(text: str) -> dt.date:
    year, month = map(int, text.split("-")[:2])
    nxt = dt.date(year + month // 12, month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


@pytest.fixture(scope="module")
def report() -> ReportData:
    config = load_config(REPO)
    records = loading.load(config, []).records
    return build_report(records, engine.lint(records, config, AS_OF), AS_OF)


def test_actions_of_the_roba_response_are_all_overdue(report: ReportData) -> None:
    (mr,) = [d for d in _docs() if d["id"] == "MR-2022-ROBA-UNNM"]
    actions = [a for r in mr["responses"] for a in r.get("actions", [])]
    assert len(actions) == 22 and not any("status" in a for a in actions)
    i = report.implementation
    assert i.total == len(actions) == len(i.overdue)
    assert i.statuses["not-reported"] == 22 and i.rate == 0.0
    expected = {a["id"]: (AS_OF - _month_end(a["deadline"])).days for a in actions}
    assert {a.id: a.days_overdue for a in i.overdue} == expected
    assert i.overdue[0].days_overdue == max(expected.values()) == 1453
    assert [g.key for g in i.overdue_by_evaluation] == ["EV-2022-ROBA-UNNM"]
    responsible: dict[str, int] = {}
    for a in actions:
        for who in a["responsible"]:
            responsible[who] = responsible.get(who, 0) + 1
    assert {g.key: g.count for g in i.overdue_by_owner} == responsible
    assert i.due_soon == i.due_later == i.moved == ()
    assert i.ageing["over-365"] == 22


def test_recommendations_and_decisions(report: ReportData) -> None:
    docs = _docs()
    recs = sum(len(d.get("recommendations", [])) for d in docs if d["kind"] == "evaluation")
    answers = [r for d in docs if d["kind"] == "management-response" for r in d["responses"]]
    c = report.coverage
    assert c.total == recs == 23
    assert c.answered == len(answers) == 13
    assert c.decisions["no-decision"] == sum("decision" not in a for a in answers) == 13
    assert c.decisions["not-answered"] == recs - len(answers)


def test_two_evaluations_wait_for_a_response(report: ReportData) -> None:
    docs = _docs()
    answered = {d["evaluation"] for d in docs if d["kind"] == "management-response"}
    waiting = sorted(d["id"] for d in docs if d["kind"] == "evaluation"
                     and d["status"] == "completed" and d.get("recommendations")
                     and d["id"] not in answered)
    assert waiting == ["EV-2001-PLACMI2", "EV-2021-BOL-IDF"]
    got = {m.evaluation: (m.since, m.days) for m in report.missing_responses}
    assert sorted(got) == waiting
    assert got["EV-2021-BOL-IDF"] == ("2021-05-20", (AS_OF - dt.date(2021, 5, 20)).days)
    assert got["EV-2001-PLACMI2"] == ("2001-07-31", (AS_OF - dt.date(2001, 7, 31)).days)


def test_ratings_of_the_bolivia_evaluation(report: ReportData) -> None:
    (bol,) = [d for d in _docs() if d["id"] == "EV-2021-BOL-IDF"]
    scores = {s["criterion"]: s["score"] for s in bol["ratings"]["scores"]}
    got = {s.criterion: s.score for s in report.ratings.scores if s.evaluation == bol["id"]}
    assert got == scores
    assert {c.criterion: c.mean for c in report.ratings.criteria} == scores
    assert {c.scale for c in report.ratings.criteria} == {"1-4"}


def test_portfolio(report: ReportData) -> None:
    evaluations = [d for d in _docs() if d["kind"] == "evaluation"]
    p = report.portfolio
    assert len(p.evaluations) == len(evaluations) == 4
    assert sum(p.by_status.values()) == 4
    assert p.by_status["completed"] == sum(d["status"] == "completed" for d in evaluations)
    assert p.by_year == {"2001": 1, "2018": 1, "2021": 1, "2022": 1}


def test_data_quality_matches_lint(report: ReportData, tmp_path: Path) -> None:
    done = run_cli("lint", "--as-of", SEED_AS_OF, "--no-baseline", "--format", "json")
    problems = json.loads(done.stdout)
    by_check: dict[tuple[str, str], int] = {}
    for p in problems:
        key = (p["check"], p["severity"])
        by_check[key] = by_check.get(key, 0) + 1
    q = report.data_quality
    assert {(c.check, c.severity): c.count for c in q.by_check} == by_check
    assert q.errors == sum(p["severity"] == "error" for p in problems) == 10
    assert q.warnings == len(problems) - q.errors
