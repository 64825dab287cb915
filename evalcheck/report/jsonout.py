"""report.json: the whole report as data, for dashboards and scripts.

Keys are stable (the `format` number changes when they do); numbers are numbers, dates ISO
strings, floats rounded so that the file is byte-for-byte reproducible.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Iterator
from typing import Any

from evalcheck.problems import Problem
from evalcheck.report.board import Board
from evalcheck.report.changes import ChangeReport
from evalcheck.report.indicators import Ratio
from evalcheck.report.model import ReportData
from evalcheck.report.rows import ActionRow

FORMAT = 1


def _shallow(value: Any) -> Any:
    """One level of a report object as JSON data; what it holds is converted as the encoder
    reaches it, so the whole report never exists twice in memory."""
    if isinstance(value, (Problem, Ratio)):
        return value.as_dict()
    if isinstance(value, dt.date):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out = {f.name: _number(getattr(value, f.name)) for f in dataclasses.fields(value)}
        if isinstance(value, ChangeReport):
            out["total"] = value.total
        elif isinstance(value, ActionRow):
            out["open"] = value.is_open
        return out
    raise TypeError(f"cannot write {type(value).__name__} to report.json")


def _number(value: Any) -> Any:
    return round(value, 4) if isinstance(value, float) else value


def _chunks(data: dict[str, Any]) -> Iterator[str]:
    encoder = json.JSONEncoder(indent=2, ensure_ascii=False, default=_shallow)
    yield from encoder.iterencode(data)
    yield "\n"


def stream(report: ReportData) -> Iterator[str]:
    """report.json in pieces, for writing a large report without holding it whole."""
    data = _shallow(report)
    del data["owner_names"]
    board = data.pop("board")
    used = _owners_used(report)
    return _chunks({"format": FORMAT, **data, **_board(board),
                    "owners": {k: report.owner_name(k) for k in sorted(used)}})


def _board(board: Board | None) -> dict[str, Any]:
    """The board part at the top level, its keys there (null) even when it was not asked for."""
    if board is None:
        return {"period": None, "response_overdue_days": None, "indicators": None,
                "breakdowns": None, "recommendation_status": None, "high_priority_overdue": [],
                "trend_step": None, "trend": None}
    return {"period": board.period, "response_overdue_days": board.response_days,
            "indicators": board.indicators, "breakdowns": board.breakdowns,
            "recommendation_status": board.recommendation_status,
            "high_priority_overdue": board.high_priority_overdue,
            "trend_step": board.trend_step or None, "trend": board.trend}


def render(report: ReportData) -> str:
    return "".join(stream(report))


def render_changes(changes: ChangeReport) -> str:
    return "".join(_chunks({"format": FORMAT, **_shallow(changes)}))


def _owners_used(report: ReportData) -> set[str]:
    used = {a for row in report.implementation.actions for a in row.owners}
    used |= {o for r in report.coverage.recommendations for o in r.addressed_to}
    used |= {e.owner for e in report.portfolio.evaluations}
    return {u for u in used if u}
