"""The board part of report.md: the period's indicators first (each with what it counts), the
high-priority overdue actions, recommendation status, the breakdowns and the trend."""

from __future__ import annotations

from collections.abc import Sequence

from evalcheck.report import boardwords as words
from evalcheck.report import labels
from evalcheck.report.board import Board
from evalcheck.report.breakdowns import DIMENSIONS
from evalcheck.report.indicators import NAMES, Ratio
from evalcheck.report.model import ReportData
from evalcheck.report.recstatus import REC_STATUSES
from evalcheck.textsafe import md_escape as esc


def _table(head: Sequence[str], rows: Sequence[Sequence[object]], right: Sequence[int] = (),
           limit: int = 0) -> list[str]:
    align = ["---:" if i in right else "---" for i in range(len(head))]
    out = ["| " + " | ".join(head) + " |", "| " + " | ".join(align) + " |"]
    shown = rows if not limit else rows[:limit]
    out += ["| " + " | ".join(str(c) for c in row) + " |" for row in shown]
    if limit and len(rows) > limit:
        out += ["", f"_Showing the first {limit:,} of {len(rows):,} rows; report.json holds "
                    "them all._"]
    return [*out, ""]


def _named(key: str, title: str, limit: int = 80) -> str:
    """An evaluation id with its title beside it."""
    return f"{esc(key)} {esc(labels.short(title, limit))}".strip()


def summary(report: ReportData, limit: int) -> list[str]:
    """The one-page summary: the period's indicators and the high-priority overdue actions."""
    board = report.board
    if board is None or board.period is None or board.indicators is None:
        return []
    out = [f"## Board summary: {esc(board.period.label)}", "",
           f"Reporting period {esc(board.period.label)} ({words.span(board.period)}), "
           f"measured as of {report.as_of}.", ""]
    out += _table(["indicator", "value", "what it counts"],
                  [(words.TITLES[n], words.value(r), esc(words.counts(n, r)))
                   for n, r in board.indicators.items()], right=(1,))
    out += _urgent(report, board, limit)
    return out


def _urgent(report: ReportData, board: Board, limit: int) -> list[str]:
    out = ["### High-priority overdue actions", ""]
    if not board.high_priority_overdue:
        return [*out, "No overdue action answers a priority-1 recommendation.", ""]
    return out + _table(
        ["evaluation", "rec.", "action", "description", "deadline", "responsible", "status",
         "overdue by"],
        [(_named(a.evaluation, a.evaluation_title), esc(a.recommendation), esc(a.id),
          esc(labels.short(a.text, 100)), esc(a.deadline),
          esc(labels.people(report, a.responsible)), esc(labels.status(a.status)),
          labels.days(a.days_overdue)) for a in board.high_priority_overdue],
        right=(7,), limit=limit)


def details(report: ReportData, limit: int) -> list[str]:
    """Recommendation status, breakdowns and the trend."""
    board = report.board
    if board is None:
        return []
    rs = board.recommendation_status
    total = sum(rs.total.values())
    out = ["## Recommendation status", "",
           f"{labels.plural(total, 'recommendation')} as of {report.as_of}"
           + (f"; {labels.plural(rs.not_reported, 'recommendation')} with an action whose "
              f"status is not reported (shown, not counted as not implemented)"
              if rs.not_reported else "") + ".", ""]
    out += _table(["status", "recommendations"],
                  [(words.REC_STATUS[k], n) for k, n in rs.total.items()], right=(1,))
    if rs.by_evaluation:
        out += _table(["evaluation", *(words.REC_STATUS[k] for k in REC_STATUSES),
                       "status not reported"],
                      [(_named(r.evaluation, r.title), *r.counts.values(), r.not_reported)
                       for r in rs.by_evaluation],
                      right=tuple(range(1, len(REC_STATUSES) + 2)), limit=limit)
    if rs.recommendations:
        out += _table(["evaluation", "rec.", "recommendation", "decision", "status",
                       "actions", "completed", "not reported"],
                      [(_named(r.evaluation, r.title, 40), esc(r.recommendation),
                        esc(labels.short(r.text, 100)), esc(labels.decision(r.decision)),
                        words.REC_STATUS[r.status], r.actions, r.completed, r.not_reported)
                       for r in rs.recommendations], right=(5, 6, 7), limit=limit)
    if board.breakdowns:
        out += [f"## Indicators by unit, region, year, type and priority "
                f"({esc(board.period.label if board.period else '')})", "",
                "Each cell is the value, then numerator / denominator. An action with two "
                "responsible units counts for both.", ""]
        for dimension in DIMENSIONS:
            groups = board.breakdowns.get(dimension, ())
            names = [n for n in NAMES if any(n in g.indicators for g in groups)]
            out += [f"### By {words.DIMENSIONS[dimension].lower()}", ""]
            out += _table([words.DIMENSIONS[dimension].lower(),
                           *(words.TITLES[n].lower() for n in names)],
                          [(esc(g.name if g.name == g.key else f"{g.name} ({g.key})"),
                            *(_cell(g.indicators.get(n)) for n in names)) for g in groups],
                          right=tuple(range(1, len(names) + 1)), limit=limit)
    if board.trend:
        out += [f"## Trend by {board.trend_step}", "",
                "Each indicator at the end of each period, from the records as committed then.",
                ""]
        out += _table(["period", "as of", "commit", *(words.TITLES[n].lower() for n in NAMES)],
                      [(esc(p.period), p.as_of, f"`{p.commit[:10]}`" if p.commit else "none",
                        *(_cell(p.indicators.get(n)) for n in NAMES)) for p in board.trend],
                      right=tuple(range(3, 3 + len(NAMES))))
    return out


def _cell(ratio: Ratio | None) -> str:
    if ratio is None:
        return ""
    return f"{words.value(ratio)} ({ratio.numerator:,} / {ratio.denominator:,})"
