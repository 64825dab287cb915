"""--owner and --evaluation narrow every section of the report, lint problems included."""

from __future__ import annotations

import datetime as dt
import json

import pytest
import yaml
from conftest import REPO, SEED_AS_OF, parse_config, records_from, run_cli
from records_kit import action, evaluation, management_response, response
from reportkit import OWNERS

from evalcheck import engine
from evalcheck.report.model import ReportData, build_report

AS_OF = dt.date(2024, 6, 30)
CORPUS = "---\n".join([
    OWNERS,
    evaluation("EV-1", title="One", report_date="2023-12-01", addressed_to="programme-unit",
               recommendations=(("R1", "First thing."), ("R2", "Second thing.", "ana")),
               ratings="{scale: {min: 1, max: 4}, scores: [{criterion: relevance, score: 3}]}"),
    management_response(responses=(
        response("R1", actions=[
            action("1.1", "Bo alone", "bo", deadline="2024-01"),
            action("1.2", "Ana with Bo", "ana", supporting=["bo"], deadline="2024-02")]),
        response("R2", decision=None, actions=[
            action("2.1", "The unit", "programme-unit", deadline="2024-07-10",
                   original_deadline="2024-05")]))),
    evaluation("EV-2", title="Two", owner="bo", report_date="2023-01-10", addressed_to="ana",
               recommendations=(("A", "Another thing."),)),
    evaluation("EV-3", title="Three", status="ongoing", owner="programme-unit",
               recommendations=None),
])


def _summary(report: ReportData) -> dict[str, object]:
    i = report.implementation
    q = report.data_quality
    return {
        "evaluations": [e.id for e in report.portfolio.evaluations],
        "recommendations": [f"{r.evaluation}/{r.id}" for r in report.coverage.recommendations],
        "actions": [a.id for a in i.actions],
        "overdue": [a.id for a in i.overdue],
        "owners": [g.key for g in i.overdue_by_owner],
        "due": [a.id for a in i.due_later],
        "moved": [m.action.id for m in i.moved],
        "waiting": [m.evaluation for m in report.missing_responses],
        "ratings": [s.evaluation for s in report.ratings.scores],
        "problems": sorted({(p.check, p.record, p.item.split(".")[0]) for p in q.problems}),
    }


@pytest.fixture(scope="module")
def corpus() -> tuple[list, list]:
    records = records_from(CORPUS)
    problems = engine.lint(records, parse_config({}, REPO), AS_OF)
    return records, problems


def _report(corpus: tuple[list, list], **filters: str) -> dict[str, object]:
    return _summary(build_report(corpus[0], corpus[1], AS_OF, **filters))  # type: ignore[arg-type]


def test_no_filter_shows_everything(corpus: tuple[list, list]) -> None:
    got = _report(corpus)
    assert got["evaluations"] == ["EV-1", "EV-2", "EV-3"]
    assert got["actions"] == ["1.1", "1.2", "2.1"]
    assert got["overdue"] == ["1.1", "1.2"]
    assert ("response-overdue", "EV-2", "report_date") in got["problems"]  # type: ignore[operator]


def test_owner_sees_what_is_addressed_to_them(corpus: tuple[list, list]) -> None:
    assert _report(corpus, owner="ana") == {
        "evaluations": ["EV-1", "EV-2"],
        "recommendations": ["EV-1/R1", "EV-1/R2", "EV-2/A"],
        "actions": ["1.2", "2.1"],          # 1.2 is hers; 2.1 answers R2, addressed to her
        "overdue": ["1.2"],
        "owners": ["ana"],
        "due": ["2.1"],
        "moved": ["2.1"],
        "waiting": ["EV-2"],
        "ratings": ["EV-1"],
        # 2.1 moved from its original deadline with no deadline_changes to say why
        "problems": [("deadline-moved-without-reason", "MR-1", "responses[R2]"),
                     ("due-soon", "MR-1", "responses[R2]"),
                     ("past-due-action", "MR-1", "responses[R1]"),
                     ("unanswered-recommendation", "MR-1", "responses[R2]")],
    }


def test_supporting_counts_and_a_record_owner_sees_all_of_it(corpus: tuple[list, list]) -> None:
    got = _report(corpus, owner="bo")
    assert got["actions"] == ["1.1", "1.2"]
    assert got["recommendations"] == ["EV-1/R1", "EV-2/A"]
    assert got["waiting"] == ["EV-2"]
    assert ("response-overdue", "EV-2", "report_date") in got["problems"]  # type: ignore[operator]
    assert all(p[0] != "unanswered-recommendation" for p in got["problems"])  # type: ignore[attr-defined]
    owner = _report(corpus, owner="me-unit")
    assert owner["evaluations"] == ["EV-1"] and owner["actions"] == ["1.1", "1.2", "2.1"]
    assert owner["waiting"] == []


def test_evaluation_filter(corpus: tuple[list, list]) -> None:
    got = _report(corpus, evaluation="EV-2")
    assert got == {"evaluations": ["EV-2"], "recommendations": ["EV-2/A"], "actions": [],
                   "overdue": [], "owners": [], "due": [], "moved": [], "waiting": ["EV-2"],
                   "ratings": [], "problems": [("response-overdue", "EV-2", "report_date")]}
    both = _report(corpus, evaluation="EV-1", owner="ana")
    assert both["actions"] == ["1.2", "2.1"] and both["waiting"] == []


def test_cli_owner_filter_on_the_bundled_records() -> None:
    done = run_cli("report", "--as-of", SEED_AS_OF, "--owner", "psu", "--format", "json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    mr = yaml.safe_load((REPO / "records/responses/MR-2022-ROBA-UNNM.yaml").read_text("utf-8"))
    ev = yaml.safe_load((REPO / "records/evaluations/EV-2022-ROBA-UNNM.yaml").read_text("utf-8"))
    addressed = {r["id"] for r in ev["recommendations"] if "psu" in r["addressed_to"]}
    mine = [a["id"] for r in mr["responses"] for a in r.get("actions", [])
            if "psu" in a["responsible"] + a.get("supporting", [])
            or r["recommendation"] in addressed]
    i = data["implementation"]
    assert [a["id"] for a in i["actions"]] == mine == ["1.1", "6.2", "13.1"]   # 6.2: supporting
    assert sorted(a["id"] for a in i["overdue"]) == sorted(mine)
    assert data["filters"] == {"owner": "psu", "evaluation": None}
    assert [e["id"] for e in data["portfolio"]["evaluations"]] == ["EV-2022-ROBA-UNNM"]
    assert data["coverage"]["total"] == 3 and data["missing_responses"] == []
    assert [(g["key"], g["count"]) for g in i["overdue_by_owner"]] == [
        ("psu", 2), ("roba-policy-liaison-officer", 2), ("roba-data-officer", 1)]
    items = {p["item"] for p in data["data_quality"]["problems"]}
    assert items == {f"responses[R{r}]" for r in (1, 6, 13)} | {
        f"responses[R{a.split('.')[0]}].actions[{a}].deadline" for a in mine}


def test_cli_evaluation_filter_on_the_bundled_records() -> None:
    done = run_cli("report", "--as-of", SEED_AS_OF, "--evaluation", "EV-2021-BOL-IDF")
    assert done.returncode == 0, done.stderr
    assert "evaluation EV-2021-BOL-IDF" in done.stdout.splitlines()[0]
    assert "1 evaluation (1 completed), 0 management responses" in done.stdout
    assert "6 recommendations: 0 answered, 6 not answered" in done.stdout
    assert "EV-2021-BOL-IDF: 2,012 days since 2021-05-20" in done.stdout
    assert "EV-2001" not in done.stdout
