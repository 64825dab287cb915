"""The board indicators of a reporting period, as the agencies define them (docs/reports.md
names the source of each).

Pure: rows judged at the measuring date (boardrows) and a period in, ratios out. Each ratio is
{numerator, denominator, value}: value is the percentage rounded half up to one decimal, None
when the denominator is 0 (nothing to measure is not 0%).
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from evalcheck.report.boardrows import BoardAction, BoardEvaluation
from evalcheck.report.periods import Period

NAMES = ("closure_rate", "on_time_closure_rate", "implementation_rate", "response_timeliness",
         "overdue_share", "extended_share", "validated_closure_share")
ACTION_NAMES = tuple(n for n in NAMES if n != "response_timeliness")
AGEING = ("1-30", "31-90", "91-180", "181-365", "over-365")


@dataclass(frozen=True, slots=True)
class Ratio:
    numerator: int
    denominator: int
    extra: dict[str, Any] = field(default_factory=dict)
    """What is shown beside the ratio (not_reported, median_delay_days, ageing, ...)."""

    @property
    def value(self) -> float | None:
        if not self.denominator:
            return None
        share = Decimal(self.numerator * 100) / Decimal(self.denominator)
        return float(share.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))

    def as_dict(self) -> dict[str, Any]:
        return {"numerator": self.numerator, "denominator": self.denominator,
                "value": self.value, **self.extra}


def _closed_in(a: BoardAction, period: Period) -> bool:
    return a.closed and a.closed_on is not None and a.closed_on in period


def closure_rate(actions: Sequence[BoardAction], period: Period) -> Ratio:
    """Actions due in the period and closed (with `completed_on`) within it ÷ actions due in
    the period: WFP's evaluation action closure rate (KPI C2629.MR12.K06, "the actions due in
    the reporting year and closed within the same reporting year"). An action closed before
    its period began is counted beside it (`closed_earlier`), not in it."""
    due = [a for a in actions if a.agreed and a.due is not None and a.due in period]
    done = [a for a in due if _closed_in(a, period)]
    earlier = sum(a.closed and a.closed_on is not None and a.closed_on < period.start
                  for a in due)
    return Ratio(len(done), len(due), {"closed_earlier": earlier})


def on_time_closure_rate(actions: Sequence[BoardAction], period: Period) -> Ratio:
    """Actions closed in the period on or before their first agreed deadline ÷ actions closed
    in the period (Global Fund)."""
    closed = [a for a in actions if a.agreed and _closed_in(a, period)]
    on_time = [a for a in closed if a.first_due is not None and a.closed_on is not None
               and a.closed_on <= a.first_due]
    return Ratio(len(on_time), len(closed),
                 {"without_deadline": sum(a.first_due is None for a in closed)})


def implementation_rate(actions: Sequence[BoardAction]) -> Ratio:
    """Completed ÷ applicable actions agreed by the measuring date; `not_reported` counts the
    applicable ones with no status (in the denominator, not counted as done or not done)."""
    applicable = [a for a in actions if a.agreed and a.status != "no-longer-applicable"]
    return Ratio(sum(a.status == "completed" for a in applicable), len(applicable),
                 {"not_reported": sum(a.status == "not-reported" for a in applicable)})


def response_timeliness(evaluations: Sequence[BoardEvaluation], period: Period,
                        days: int) -> Ratio:
    """Evaluations reported in the period, with recommendations, whose management response is
    dated within `days` of the report ÷ evaluations reported in the period with
    recommendations (UNICEF, UNDP); also the median delay of the dated responses."""
    due = [e for e in evaluations if e.recommendations and e.report_date is not None
           and e.report_date in period]
    delays = [d for e in due if (d := e.response_delay) is not None]
    return Ratio(sum(d <= days for d in delays), len(due), {
        "days": days,
        "median_delay_days": statistics.median(delays) if delays else None,
        "no_response": sum(not e.responded for e in due),
        "response_undated": sum(e.responded and e.response_date is None for e in due)})


def _bucket(days: int) -> str:
    return ("1-30" if days <= 30 else "31-90" if days <= 90 else "91-180" if days <= 180
            else "181-365" if days <= 365 else "over-365")


def overdue_share(actions: Sequence[BoardAction], at: dt.date) -> Ratio:
    """Open actions past due on the measuring date ÷ open actions with a deadline; and the
    overdue ones by days overdue."""
    dated = [a for a in actions if a.agreed and not a.closed and a.due is not None]
    late = [(at - a.due).days for a in dated if a.due is not None and a.due < at]
    ageing = dict.fromkeys(AGEING, 0)
    for days in late:
        ageing[_bucket(days)] += 1
    return Ratio(len(late), len(dated), {"ageing": ageing})


def extended_share(actions: Sequence[BoardAction]) -> Ratio:
    """Open actions whose deadline was moved at least once ÷ open actions; and the open actions
    moved more than twice."""
    open_ = [a for a in actions if a.agreed and not a.closed]
    return Ratio(sum(a.moves >= 1 for a in open_), len(open_),
                 {"moved_more_than_twice": sum(a.moves > 2 for a in open_)})


def validated_closure_share(actions: Sequence[BoardAction], period: Period) -> Ratio:
    """Actions closed in the period whose closure the evaluation office validated ÷ actions
    closed in the period."""
    closed = [a for a in actions if a.agreed and _closed_in(a, period)]
    return Ratio(sum(a.validated for a in closed), len(closed))


def indicators(actions: Sequence[BoardAction], evaluations: Sequence[BoardEvaluation] | None,
               period: Period, at: dt.date, days: int) -> dict[str, Ratio]:
    """Every indicator, in NAMES order; response_timeliness is left out when `evaluations` is
    None (a group of actions, such as a priority, has no evaluations of its own)."""
    out = {
        "closure_rate": closure_rate(actions, period),
        "on_time_closure_rate": on_time_closure_rate(actions, period),
        "implementation_rate": implementation_rate(actions),
    }
    if evaluations is not None:
        out["response_timeliness"] = response_timeliness(evaluations, period, days)
    out["overdue_share"] = overdue_share(actions, at)
    out["extended_share"] = extended_share(actions)
    out["validated_closure_share"] = validated_closure_share(actions, period)
    return out
