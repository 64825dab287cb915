"""Every board indicator broken down by unit, region, evaluation year, evaluation type and
recommendation priority.

Pure. An action counts for each of its responsible units (an action shared by two units counts
for both) and once for each region they belong to; a region is the top of a unit's `parent`
chain in the owners registry (a unit with no parent is its own region). Evaluations count for
the units their recommendations are addressed to. Priority is a recommendation's, so
response timeliness, an evaluation's indicator, has no priority breakdown.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from evalcheck.report.boardrows import NOT_STATED, BoardAction, BoardEvaluation, BoardRows
from evalcheck.report.indicators import Ratio, indicators
from evalcheck.report.periods import Period
from evalcheck.report.rows import natural_key

DIMENSIONS = ("unit", "region", "year", "type", "priority")
NO_UNIT = "no-unit"


@dataclass(frozen=True, slots=True)
class Group:
    key: str
    name: str
    indicators: dict[str, Ratio]


def region_of(unit: str, parents: dict[str, str]) -> str:
    """The top of `unit`'s parent chain (a loop stops where it would come back)."""
    seen = {unit}
    while unit in parents and parents[unit] not in seen:
        unit = parents[unit]
        seen.add(unit)
    return unit


def _keys(dimension: str, rows: BoardRows) -> tuple[
        Callable[[BoardAction], Iterable[str]], Callable[[BoardEvaluation], Iterable[str]] | None]:
    year = {e.id: e.year for e in rows.evaluations}
    kind = {e.id: e.type for e in rows.evaluations}
    if dimension == "unit":
        return (lambda a: a.units or (NO_UNIT,)), (lambda e: e.units or (NO_UNIT,))
    if dimension == "region":
        return ((lambda a: {region_of(u, rows.parents) for u in a.units} or {NO_UNIT}),
                (lambda e: {region_of(u, rows.parents) for u in e.units} or {NO_UNIT}))
    if dimension == "year":
        return (lambda a: (year.get(a.evaluation, NOT_STATED),)), (lambda e: (e.year,))
    if dimension == "type":
        return (lambda a: (kind.get(a.evaluation, NOT_STATED),)), (lambda e: (e.type,))
    return (lambda a: (a.priority,)), None


def _order(key: str) -> tuple[int, object]:
    return (key in (NOT_STATED, NO_UNIT), natural_key(key))


def breakdown(dimension: str, rows: BoardRows, period: Period, at: dt.date,
              days: int) -> tuple[Group, ...]:
    """One group per key of the dimension that has an action or an evaluation."""
    of_action, of_evaluation = _keys(dimension, rows)
    actions: dict[str, list[BoardAction]] = {}
    for a in rows.actions:
        for key in of_action(a):
            actions.setdefault(key, []).append(a)
    evaluations: dict[str, list[BoardEvaluation]] = {}
    for e in rows.evaluations if of_evaluation is not None else ():
        for key in of_evaluation(e):  # type: ignore[misc]
            evaluations.setdefault(key, []).append(e)
    groups = []
    for key in sorted({*actions, *evaluations}, key=_order):
        name = rows.owner_names.get(key, key) if dimension in ("unit", "region") else key
        groups.append(Group(key, name, indicators(
            actions.get(key, []), evaluations.get(key, []) if of_evaluation else None,
            period, at, days)))
    return tuple(groups)


def breakdowns(rows: BoardRows, period: Period, at: dt.date,
               days: int) -> dict[str, tuple[Group, ...]]:
    return {d: breakdown(d, rows, period, at, days) for d in DIMENSIONS}
