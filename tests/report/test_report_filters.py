"""--owner and --evaluation narrow every section of the report, lint problems included."""

from __future__ import annotations

import datetime as dt
import json

import pytest
import yaml
from conftest import REPO, SEED_AS_OF, parse_config, records_from, run_cli
from reportkit import OWNERS

from evalcheck import engine
from evalcheck.report.model import ReportData, build_report

AS_OF = dt.date(2024, 6, 30)
CORPUS = OWNERS.strip("\n") + """
---
kind: evaluation
id: EV-1
title: One
status: completed
owner: me-unit
report_date: 2023-12-01
recommendations:
  - {id: R1, text: First thing., addressed_to: [programme-unit]}
  - {id: R2, text: Second thing., addressed_to: [ana]}
ratings:
  scale: {min: 1, max: 4}
  scores:
    - {criterion: relevance, score: 3}
---
kind: management-response
id: MR-1
evaluation: EV-1
owner: me-unit
responses:
  - recommendation: R1
    decision: accepted
    actions:
      - {id: "1.1", description: Bo alone, responsible: [bo], deadline: 2024-01}
      - {id: "1.2", description: Ana with Bo, responsible: [ana], supporting: [bo],
         deadline: 2024-02}
  - recommendation: R2
    actions:
      - {id: "2.1", description: The unit, responsible: [programme-unit],
         deadline: 2024-07-10, original_deadline: 2024-05}
---
kind: evaluation
id: EV-2
title: Two
status: completed
owner: bo
report_date: 2023-01-10
recommendations:
  - {id: A, text: Another thing., addressed_to: [ana]}
---
kind: evaluation
id: EV-3
title: Three
status: ongoing
owner: programme-unit
"""


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
