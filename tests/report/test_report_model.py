"""build_report: the numbers every renderer shows, on tiny inline corpora (judged as of
2024-06-30 unless a case says otherwise)."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from conftest import records_from
from records_kit import action, evaluation, management_response, response
from reportkit import OWNERS, report_of

from evalcheck.report import jsonout
from evalcheck.report.model import build_report


def corpus(*docs: str) -> str:
    return "\n---\n".join([OWNERS.strip("\n"), *docs])


@pytest.mark.parametrize(("statuses", "rate", "completed", "applicable"), [
    (["completed", "completed", "not-started", "no-longer-applicable"], 2 / 3, 2, 3),
    (["completed", None], 0.5, 1, 2),
    (["no-longer-applicable", "no-longer-applicable"], None, 0, 0),
    ([], None, 0, 0),
    (["in-progress"], 0.0, 0, 1),
])
def test_implementation_rate(statuses: list[str | None], rate: float | None, completed: int,
                             applicable: int) -> None:
    actions = [action(f"1.{i}", deadline="2025-01", status=s) for i, s in enumerate(statuses, 1)]
    report = report_of(corpus(evaluation(), management_response(actions=actions)))
    i = report.implementation
    assert (i.rate, i.completed, i.applicable, i.total) == (rate, completed, applicable,
                                                           len(statuses))


@pytest.mark.parametrize(("deadline", "status", "overdue", "left"), [
    ("2024-05", None, 30, None),               # month deadline: due on 2024-05-31
    ("2024-06-29", "not-started", 1, None),
    ("2024-06", "in-progress", None, 0),       # due on 2024-06-30: today, not overdue
    ("2024-06-30", None, None, 0),
    ("2023-06-30", "completed", None, None),   # closed actions are never overdue
    ("2023-06-30", "no-longer-applicable", None, None),
    ("2024-07-15", None, None, 15),
    (None, None, None, None),                  # no deadline: neither
])
def test_overdue_follows_the_as_of_rule(deadline: str | None, status: str | None,
                                        overdue: int | None, left: int | None) -> None:
    report = report_of(corpus(evaluation(), management_response(
        actions=[action("1.1", deadline=deadline, status=status)])))
    (row,) = report.implementation.actions
    assert (row.days_overdue, row.days_left) == (overdue, left)
    assert len(report.implementation.overdue) == (overdue is not None)


def test_due_windows_and_ageing() -> None:
    deadlines = {"1.1": "2024-07-15", "1.2": "2024-09-15", "1.3": "2024-12", "1.4": "2024-06-01",
                 "1.5": "2024-02-01", "1.6": "2023-10-01", "1.7": "2022-01-01", "1.8": None}
    actions = [action(k, deadline=v) for k, v in deadlines.items()]
    i = report_of(corpus(evaluation(), management_response(actions=actions))).implementation
    assert [a.id for a in i.due_soon] == ["1.1"]
    assert [a.id for a in i.due_later] == ["1.1", "1.2"]
    assert [a.id for a in i.overdue] == ["1.7", "1.6", "1.5", "1.4"]   # longest overdue first
    assert [a.days_overdue for a in i.overdue] == [911, 273, 150, 29]
    assert i.ageing == {"no-deadline": 1, "not-yet-due": 3, "1-90": 1, "91-180": 1,
                        "181-365": 1, "over-365": 1}


def test_overdue_grouped_by_owner_and_evaluation() -> None:
    report = report_of(corpus(
        evaluation("EV-1"), evaluation("EV-2"),
        management_response(actions=[
            action("1.1", responsible="ana, bo", deadline="2024-01"),
            action("1.2", responsible="ana", deadline="2024-03"),
            action("1.3", responsible="bo", deadline="2024-03", status="completed")]),
        management_response("MR-2", "EV-2",
                            actions=[action("1.1", responsible="bo", deadline="2024-06-01")])))
    i = report.implementation
    assert [(g.key, g.name, g.count, g.max_days) for g in i.overdue_by_owner] == [
        ("ana", "Ana Pérez", 2, 151), ("bo", "Bo Li", 2, 151)]
    assert [(g.key, g.count, g.max_days) for g in i.overdue_by_evaluation] == [
        ("EV-1", 2, 151), ("EV-2", 1, 29)]
    assert [(r.evaluation, r.total, r.overdue, r.statuses["completed"],
             r.statuses["not-reported"]) for r in i.by_evaluation] == [
        ("EV-1", 3, 2, 1, 2), ("EV-2", 1, 1, 0, 1)]


def test_statuses_count_absent_and_unknown_as_not_reported() -> None:
    """An unknown status is a schema problem (shown under data quality); the report counts
    the action as not reported, so it stays open and every renderer knows its column."""
    actions = [action("1.1", status="completed"), action("1.2"), action("1.3", status="odd")]
    i = report_of(corpus(evaluation(), management_response(actions=actions))).implementation
    assert i.statuses == {"not-started": 0, "in-progress": 0, "completed": 1,
                          "no-longer-applicable": 0, "not-reported": 2}


def test_deadlines_moved() -> None:
    actions = [action("1.1", deadline="2024-09-30", original_deadline="2024-03"),
               action("1.2", deadline="2024-09", original_deadline="2024-09"),
               action("1.3", deadline="2024-01-10", original_deadline="2024-02-10")]
    moved = report_of(corpus(evaluation(), management_response(actions=actions))
                      ).implementation.moved
    assert [(m.action.id, m.action.original_deadline, m.action.deadline, m.days)
            for m in moved] == [("1.1", "2024-03", "2024-09-30", 183),
                                ("1.3", "2024-02-10", "2024-01-10", -31)]


def test_coverage_counts_every_decision() -> None:
    report = report_of(corpus(
        evaluation("EV-1", recommendations=("R1", "R2", "R3", "R4", "R5")),
        management_response(responses=(response("R1", actions=[action("1.1")]),
                                        response("R2", decision="partially-accepted"),
                                        response("R3", decision="rejected"),
                                        response("R4", decision=None))),
        evaluation("EV-2", recommendations=("A",))))
    c = report.coverage
    assert (c.total, c.answered) == (6, 4)
    assert c.decisions == {"accepted": 1, "partially-accepted": 1, "rejected": 1,
                           "no-decision": 1, "not-answered": 2}
    assert [(r.evaluation, r.total, r.decisions["not-answered"]) for r in c.by_evaluation] == [
        ("EV-1", 5, 1), ("EV-2", 1, 1)]
    assert [(r.id, r.decision, r.actions) for r in c.recommendations][:2] == [
        ("R1", "accepted", 1), ("R2", "partially-accepted", 0)]


def test_answers_to_recommendations_the_evaluation_lacks_still_count() -> None:
    report = report_of(corpus(management_response(evaluation="EV-GONE", responses=(
        response("R9", actions=[action("9.1", deadline="2024-01")]),))))
    assert report.coverage.total == 1 and report.implementation.total == 1
    assert report.portfolio.evaluations == ()


def test_portfolio_by_year_type_and_status() -> None:
    report = report_of(corpus(
        evaluation("EV-A", recommendations=None, report_date="2021-05-20", type="final"),
        evaluation("EV-B", recommendations=None, status="ongoing", year="2021"),
        evaluation("EV-C", recommendations=None, status="planned", report_date="2019-02"),
        evaluation("EV-D", recommendations=None)))
    p = report.portfolio
    assert p.by_year == {"2019": 1, "2021": 2, "not-stated": 1}
    assert p.by_status == {"planned": 1, "ongoing": 1, "completed": 2}
    assert p.by_type == {"final": 1, "not-stated": 3}
    assert [e.id for e in p.evaluations] == ["EV-A", "EV-B", "EV-C", "EV-D"]


@pytest.mark.parametrize(("date", "status", "since", "days"), [
    ({"report_date": "2024-01-15"}, "completed", "2024-01-15", 167),
    ({"report_date": "2024-01"}, "completed", "2024-01-31", 151),
    ({"year": "2023"}, "completed", "2023-12-31", 182),
    ({}, "completed", "", None),
])
def test_missing_responses(date: dict[str, str], status: str, since: str,
                           days: int | None) -> None:
    (m,) = report_of(corpus(evaluation("EV-1", recommendations=("R1", "R2"), status=status,
                                       **date))).missing_responses
    assert (m.evaluation, m.since, m.days, m.recommendations) == ("EV-1", since, days, 2)


@pytest.mark.parametrize("docs", [
    (evaluation("EV-1", status="ongoing"),),
    (evaluation("EV-1", recommendations=None),),
    (evaluation("EV-1"), management_response(decision=None, actions=())),
])
def test_no_missing_response(docs: tuple[str, ...]) -> None:
    assert report_of(corpus(*docs)).missing_responses == ()


def _rated(ident: str, scale: tuple[int, int], scores: dict[str, int]) -> str:
    listed = ", ".join(f"{{criterion: {c}, score: {s}}}" for c, s in scores.items())
    ratings = f"{{scale: {{min: {scale[0]}, max: {scale[1]}}}, scores: [{listed}]}}"
    return evaluation(ident, recommendations=None, ratings=ratings)


def test_ratings_by_criterion() -> None:
    report = report_of(corpus(_rated("EV-1", (1, 4), {"impact": 2, "relevance": 4}),
                              _rated("EV-2", (1, 4), {"relevance": 3, "Coherence": 1}),
                              _rated("EV-3", (1, 6), {"impact": 6})))
    summary = {c.criterion: (c.count, c.mean, c.scale, c.mean_percent)
               for c in report.ratings.criteria}
    assert list(summary) == ["relevance", "coherence", "impact"]    # OECD-DAC order
    assert summary["relevance"] == (2, 3.5, "1-4", pytest.approx(500 / 6))
    assert summary["coherence"] == (1, 1.0, "1-4", 0.0)
    assert summary["impact"] == (2, None, "mixed", pytest.approx((100 / 3 + 100) / 2))
    assert [(s.evaluation, s.criterion, s.score) for s in report.ratings.scores] == [
        ("EV-1", "relevance", 4), ("EV-1", "impact", 2), ("EV-2", "relevance", 3),
        ("EV-2", "coherence", 1), ("EV-3", "impact", 6)]


def test_malformed_records_do_not_break_the_report() -> None:
    # Written out: the broken shapes are the case, and no builder makes them.
    text = corpus("kind: evaluation\nid: EV-1\nrecommendations: oops",
                  "kind: management-response\nid: MR-1\nevaluation: EV-1\nresponses:\n"
                  "  - 3\n  - recommendation: 2\n    actions: [1, {id: 1, deadline: 5}]",
                  "kind: evaluation\nid: EV-2\nratings: {scores: [{criterion: x, score: a}]}",
                  ": not yaml [")
    report = report_of(text)
    assert report.implementation.total == 1
    assert report.coverage.recommendations[0].id == "2"


def test_output_does_not_depend_on_record_order() -> None:
    text = corpus(evaluation("EV-1", recommendations=("R1", "R2")),
                  evaluation("EV-2", recommendations=("A",)),
                  management_response(responses=(
                      response("R1", actions=[action("1.1", deadline="2024-01"),
                                              action("1.2", deadline="2024-08")]),
                      response("R2", decision="rejected"))),
                  _rated("EV-3", (1, 4), {"impact": 2}))
    records = records_from(text)
    first = jsonout.render(build_report(records, [], dt.date(2024, 6, 30)))
    for seed in range(5):
        shuffled = records[:]
        random.Random(seed).shuffle(shuffled)
        assert jsonout.render(build_report(shuffled, [], dt.date(2024, 6, 30))) == first


def _enum(schema: dict[str, object], *path: str) -> tuple[object, ...]:
    node: object = schema
    for part in path:
        assert isinstance(node, dict)
        node = node[part]
    assert isinstance(node, dict)
    return tuple(v for v in node["enum"] if v is not None)


def test_report_vocabularies_are_the_schemas() -> None:
    """The report spells out the statuses and decisions (in the order it shows them); they
    must be the schema's, which the record model fixes."""
    import json

    from evalcheck.checks.deadlines import CLOSED
    from evalcheck.report.rows import DECISIONS, STATUSES
    from evalcheck.schemas import schema_dir

    schema = json.loads((schema_dir() / "management-response.schema.json").read_text("utf-8"))
    response = ("properties", "responses", "items", "properties")
    action = (*response, "actions", "items", "properties")
    assert _enum(schema, *response, "decision") == DECISIONS
    assert _enum(schema, *action, "status") == STATUSES
    assert set(STATUSES) >= CLOSED


def test_follow_up_findings_are_grouped_and_recurring_ones_listed() -> None:
    from conftest import REPO

    from evalcheck import engine
    from evalcheck.config import parse_config
    from evalcheck.report import html, markdown

    joint = "UNDAF should set up a joint monitoring and evaluation group for all agencies."
    text = corpus(
        evaluation("EV-2010-A", report_date="2010-05-01",
                   recommendations=(("R1", "Do it."), ("R2", joint))),
        evaluation("EV-2014-B", report_date="2014-03-01",
                   recommendations=(("R1", f'"1. {joint}"'),)),
        evaluation("EV-2016-C", report_date="2016-01-01", recommendations=(
            ("R1", "Publish the annual report."),
            ("R2", "UNDAF should set up a joint evaluation group for the agencies."))))
    records = records_from(text)
    as_of = dt.date(2024, 6, 30)
    problems = engine.lint(records, parse_config({}, REPO), as_of)
    q = build_report(records, problems, as_of).data_quality
    assert [(r.earlier_evaluation, r.earlier_recommendation, r.later_evaluation,
             r.later_recommendation, r.similarity) for r in q.recurring] == [
        ("EV-2010-A", "R2", "EV-2014-B", "R1", 1.0),
        ("EV-2010-A", "R2", "EV-2016-C", "R2", 0.85)]
    assert [(c.check, c.count) for c in q.follow_up] == [
        ("recurring-recommendation", 2), ("stale-action", 0), ("status-contradicts-update", 0),
        ("deadline-moved-without-reason", 0), ("deadline-before-response", 0)]
    report = build_report(records, problems, as_of)
    md = markdown.render(report)
    assert "### Recurring recommendations" in md
    assert "| EV-2010-A R2 | EV-2016-C R2 | 0.85 |" in md  # ids as they are
    page = html.render(report)
    assert 'id="t-recurring"' in page and "EV-2014-B R1" in page
    assert "Deadlines moved with no reason recorded" in page


@pytest.mark.parametrize(("values", "ordered"), [
    (["R10", "R2", "R1"], ["R1", "R2", "R10"]),
    (["4.10", "4.2", "4.1"], ["4.1", "4.2", "4.10"]),
    (["R²", "R1", "R³"], ["R1", "R²", "R³"]),      # superscripts are digits to str, not to int
    (["٣", "١٠", "٢"], ["٢", "٣", "١٠"]),  # noqa: RUF001 - Arabic-Indic digits are numbers
    (["", "b", "a2"], ["", "a2", "b"]),
])
def test_natural_order(values: list[str], ordered: list[str]) -> None:
    from evalcheck.report.rows import natural_key

    assert sorted(values, key=natural_key) == ordered
