"""The board paper's part of a report: the period's indicators and their breakdowns, the status
of each recommendation, the high-priority overdue actions, and the trend.

Pure: the records' data, the report already built (its rows are narrowed by --owner and
--evaluation, so the board part counts the same actions), a period and a date in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from evalcheck.report.boardrows import BoardRows, board_rows
from evalcheck.report.breakdowns import Group, breakdowns
from evalcheck.report.indicators import Ratio, indicators
from evalcheck.report.periods import Period
from evalcheck.report.recstatus import RecStatuses, rec_statuses
from evalcheck.report.rows import ActionRow

if TYPE_CHECKING:
    from evalcheck.report.model import ReportData


@dataclass(frozen=True, slots=True)
class TrendPoint:
    period: str
    as_of: str
    commit: str
    """The last commit on or before `as_of` ("" when the history starts later)."""
    indicators: dict[str, Ratio]


@dataclass(frozen=True, slots=True)
class Board:
    period: Period | None
    response_days: int
    indicators: dict[str, Ratio] | None
    breakdowns: dict[str, tuple[Group, ...]] | None
    recommendation_status: RecStatuses
    high_priority_overdue: tuple[ActionRow, ...]
    """Overdue actions answering a priority-1 recommendation, longest overdue first."""
    trend: tuple[TrendPoint, ...] | None = None
    trend_step: str = ""

    def with_trend(self, step: str, points: Iterable[TrendPoint]) -> Board:
        return replace(self, trend=tuple(points), trend_step=step)


def _narrowed(rows: BoardRows, report: ReportData) -> BoardRows:
    """Only the actions and evaluations the (possibly filtered) report counts."""
    if not report.filters.active:
        return rows
    keep = {(a.evaluation, a.recommendation, a.id) for a in report.implementation.actions}
    evaluations = {e.id for e in report.portfolio.evaluations}
    return replace(rows, actions=tuple(a for a in rows.actions
                                       if (a.evaluation, a.recommendation, a.id) in keep),
                   evaluations=tuple(e for e in rows.evaluations if e.id in evaluations))


def build_board(records: Iterable[Mapping[str, Any]], report: ReportData, at: dt.date,
                period: Period | None, days: int) -> Board:
    """The board part for `report` (a ReportData), measured on `at`."""
    rows = _narrowed(board_rows(records, at), report)
    priority = {(a.evaluation, a.recommendation): a.priority for a in rows.actions}
    urgent = tuple(a for a in report.implementation.overdue
                   if priority.get((a.evaluation, a.recommendation)) == "1")
    return Board(
        period=period, response_days=days,
        indicators=indicators(rows.actions, rows.evaluations, period, at, days)
        if period else None,
        breakdowns=breakdowns(rows, period, at, days) if period else None,
        recommendation_status=rec_statuses(
            report.coverage.recommendations, rows.actions, rows.titles, rows.answered, at),
        high_priority_overdue=urgent)
