"""What the tracker workbook holds: per recommendation its decision and each of its actions with
its progress story, as spreadsheet cell values a manager reads (names, not ids).

Built on evalcheck.report, so the workbook and the report never disagree about what is overdue,
what an action's latest update is or what the implementation rate is; actions.csv carries the
same facts as ids for scripts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from evalcheck.dates import parse_date
from evalcheck.records import Record
from evalcheck.report import labels
from evalcheck.report.model import ReportData, build_report
from evalcheck.report.rows import ActionRow, RecommendationRow

__all__ = ["COLUMNS", "HEADERS", "Day", "Row", "report_of", "rows"]

COLUMNS = ("evaluation", "evaluation_title", "recommendation", "recommendation_text",
           "decision", "decision_text", "rationale", "response_date", "action", "description",
           "deadline", "deadline_note", "due_date", "original_deadline", "responsible",
           "supporting", "status", "status_text", "completed_on", "days_overdue",
           "latest_update_date", "latest_update", "comments", "evidence", "management_response")
"""The Actions sheet's columns, in order."""

HEADERS = ("Evaluation", "Evaluation title", "Rec.", "Recommendation", "Decision",
           "Decision (as written)", "Rationale", "Response date", "Action", "Description",
           "Deadline", "Deadline (as written)", "Due date", "First deadline", "Responsible",
           "Supporting", "Status", "Status (as written)", "Completed on", "Days overdue",
           "Latest update on", "Latest update", "Comments", "Evidence", "Management response")


@dataclass(frozen=True)
class Day:
    """A date cell; month_only when the record gives a month (2023-11 is due on the 30th)."""

    date: dt.date
    month_only: bool = False


@dataclass(frozen=True)
class Row:
    """One line of the Actions sheet: an action, or a recommendation that has none."""

    cells: tuple[object, ...]
    overdue: bool


def _day(value: str) -> Day | str:
    if len(value) not in (7, 10):
        return value  # a quarter or a year (2024-Q3, 2025) stays as written
    day = parse_date(value)
    if day is None:
        return value
    return Day(day, month_only=len(value) == 7)


def _when(value: str) -> Day | str:
    """A date cell, or "" when there is none (so the cell stays empty)."""
    return _day(value) if value else ""


def _names(report: ReportData, ids: Sequence[str]) -> str:
    return "; ".join(report.owner_name(i) for i in ids)


def _recommendation_cells(report: ReportData, rec: RecommendationRow | None,
                          evaluation: str, title: str, rec_id: str) -> tuple[object, ...]:
    return (evaluation, title, rec_id, rec.text if rec else "",
            labels.decision(rec.decision) if rec else "", rec.decision_text if rec else "",
            rec.rationale if rec else "", _when(rec.response_date) if rec else "")


def _action_row(report: ReportData, a: ActionRow, rec: RecommendationRow | None) -> Row:
    cells = (*_recommendation_cells(report, rec, a.evaluation, a.evaluation_title,
                                    a.recommendation),
             a.id, a.text, _when(a.deadline), a.deadline_note, _when(a.due),
             _when(a.original_deadline),
             _names(report, a.responsible), _names(report, a.supporting),
             labels.status(a.status), a.status_text, _when(a.completed_on), a.days_overdue,
             _when(a.latest_update_date), a.latest_update, a.comments, "\n".join(a.evidence),
             a.response)
    return Row(cells, a.days_overdue is not None)


def rows(report: ReportData, evaluations: Collection[str] | None = None) -> list[Row]:
    """Each recommendation's actions in the order of the documents, and one row for each
    recommendation that has none (rejected, not answered, or answered without actions);
    only the evaluations named when `evaluations` is given."""
    titles = {e.id: e.title for e in report.portfolio.evaluations}
    by_rec: dict[tuple[str, str], list[ActionRow]] = {}
    for a in report.implementation.actions:
        by_rec.setdefault((a.evaluation, a.recommendation), []).append(a)
    out: list[Row] = []
    seen: set[tuple[str, str]] = set()
    for rec in report.coverage.recommendations:
        if evaluations is not None and rec.evaluation not in evaluations:
            continue
        key = (rec.evaluation, rec.id)
        seen.add(key)
        actions = by_rec.get(key, [])
        if not actions:
            cells = _recommendation_cells(report, rec, rec.evaluation,
                                          titles.get(rec.evaluation, ""), rec.id)
            out.append(Row(cells + ("",) * (len(COLUMNS) - len(cells) - 1) + (rec.response,),
                           False))
        out.extend(_action_row(report, a, rec) for a in actions)
    for key, actions in by_rec.items():
        if key not in seen:
            out.extend(_action_row(report, a, None) for a in actions)
    return out


def report_of(records: Sequence[Record], as_of: dt.date) -> ReportData:
    """The report the workbook shows: actions, decisions, counts and the implementation rate,
    of every action the files hold (a response dated after the as-of date, a mistyped year
    say, is not left out of an export as it is of a report)."""
    return build_report(records, [], as_of, as_stood=False)
