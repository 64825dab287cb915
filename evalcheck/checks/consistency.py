"""The consistency family: numbers that add up, dates in order, ratings on their scale."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from evalcheck.checks import Context, check
from evalcheck.dates import parse_date
from evalcheck.problems import DataPath, Finding, Severity
from evalcheck.records import Record, describe, iter_actions, mappings


def _number(value: Any) -> float | None:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) \
        else None


def _money(value: float) -> str:
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def _sum(items: Any) -> tuple[float, int] | None:
    amounts = [_number(item.get("amount")) for _, item in mappings(items)]
    if not amounts or any(a is None for a in amounts):
        return None
    return sum(a for a in amounts if a is not None), len(amounts)


def _mismatch(what: str, total: float, expected: float, label: str) -> str:
    gap = total - expected
    side = "over" if gap > 0 else "short"
    return (f"{what} add up to {_money(total)} but {label} is {_money(expected)} "
            f"({_money(abs(gap))} {side})")


@check("sum-mismatch", family="consistency", severity=Severity.ERROR,
       applies_to=("project",))
def sum_mismatch(record: Record, ctx: Context) -> Iterator[Finding]:
    """Budget sub-lines that do not add up to their line, lines to the total, or financing to
    the total.

    Why: a budget whose parts do not add up was mistyped or is missing a line; boards and
    donors notice, and reports built on it are wrong.

    Bad:
        kind: project
        total: 130000
        financing:
          - {source: Member countries, amount: 65000}
          - {source: OAS contribution, amount: 46000}
    Good:
        kind: project
        total: 111000
        financing:
          - {source: Member countries, amount: 65000}
          - {source: OAS contribution, amount: 46000}
    """
    total = _number(record.get("total"))
    if total is not None:
        for field, what in (("financing", "financing sources"), ("budget", "budget lines")):
            summed = _sum(record.get(field))
            if summed is not None and abs(summed[0] - total) > 0.005:
                yield Finding(_mismatch(f"the {summed[1]} {what}", summed[0], total,
                                        "the total"), path=(field,),
                              hint="correct the amounts or the total, as the source says")
    stack: list[tuple[DataPath, Any]] = [(("budget",), record.get("budget"))]
    while stack:
        base, items = stack.pop()
        for i, line in mappings(items):
            amount = _number(line.get("amount"))
            summed = _sum(line.get("lines"))
            if amount is not None and summed is not None and abs(summed[0] - amount) > 0.005:
                yield Finding(_mismatch(f"the {summed[1]} sub-lines of "
                                        f"{describe(record.data, (*base, i))}", summed[0],
                                        amount, "its amount"), path=(*base, i, "amount"))
            stack.append(((*base, i, "lines"), line.get("lines")))


def _periods(data: Any) -> Iterator[tuple[DataPath, dict[str, Any]]]:
    """Every `period` mapping, wherever it is (a loop, not recursion: records are large)."""
    stack: list[tuple[DataPath, Any]] = [((), data)] if isinstance(data, (dict, list)) else []
    while stack:
        path, node = stack.pop()
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "period" and isinstance(value, dict):
                    yield (*path, key), value
                elif isinstance(value, (dict, list)):
                    stack.append(((*path, key), value))
        else:
            for i, item in enumerate(node):
                if isinstance(item, (dict, list)):
                    stack.append(((*path, i), item))


@check("date-order", family="consistency", severity=Severity.ERROR,
       reads_as_of=True)
def date_order(record: Record, ctx: Context) -> Iterator[Finding]:
    """A period that ends before it starts, `completed_on` in the future, an update dated after
    the as-of date.

    Why: dates out of order are typing mistakes (a swapped month and day, a wrong year) that
    make overdue and ageing figures wrong.

    Bad (as of 2024-06-30):
        kind: evaluation
        period: {start: 2019-06-01, end: 2018-05-31}
    Good (as of 2024-06-30):
        kind: evaluation
        period: {start: 2016-11-01, end: 2018-10-31}
    """
    for path, period in _periods(record.data):
        start = parse_date(period.get("start"), month_end=False)
        end = parse_date(period.get("end"))
        if start and end and end < start:
            yield Finding(f"the period ends ({period['end']}) before it starts "
                          f"({period['start']})", path=(*path, "end"))
    for path, _, action in iter_actions(record):
        done = parse_date(action.get("completed_on"))
        if done is not None and done > ctx.as_of and len(action["completed_on"]) == 10:
            yield Finding(f"{describe(record.data, path)} is completed on "
                          f"{action['completed_on']}, after today ({ctx.as_of.isoformat()})",
                          path=(*path, "completed_on"))
        for u, update in mappings(action.get("updates")):
            when = parse_date(update.get("date"))
            if when is not None and when > ctx.as_of and len(update["date"]) == 10:
                yield Finding(f"{describe(record.data, path)} has an update dated "
                              f"{update['date']}, after today ({ctx.as_of.isoformat()})",
                              path=(*path, "updates", u, "date"))


@check("rating-out-of-scale", family="consistency", severity=Severity.ERROR,
       applies_to=("evaluation",))
def rating_out_of_scale(record: Record, ctx: Context) -> Iterator[Finding]:
    """A rating outside its declared scale.

    Why: a score of 5 on a 1-4 scale is a typing mistake, or the scale is wrong; averages
    across evaluations would be wrong either way.

    Bad:
        kind: evaluation
        ratings:
          scale: {min: 1, max: 4}
          scores:
            - {criterion: relevance, score: 5}
    Good:
        kind: evaluation
        ratings:
          scale: {min: 1, max: 4}
          scores:
            - {criterion: relevance, score: 4}
    """
    ratings = record.get("ratings")
    if not isinstance(ratings, dict) or not isinstance(ratings.get("scale"), dict):
        return
    low, high = _number(ratings["scale"].get("min")), _number(ratings["scale"].get("max"))
    if low is None or high is None:
        return
    if low > high:
        yield Finding(f"the rating scale runs from {low:g} down to {high:g}",
                      path=("ratings", "scale", "max"))
        return
    for i, score in mappings(ratings.get("scores")):
        value = _number(score.get("score"))
        if value is not None and not low <= value <= high:
            yield Finding(f"the {score.get('criterion', 'rating')} score {value:g} is outside "
                          f"the scale {low:g}-{high:g}", path=("ratings", "scores", i, "score"))


@check("completed-without-date", family="consistency", severity=Severity.WARNING,
       applies_to=("management-response",))
def completed_without_date(record: Record, ctx: Context) -> Iterator[Finding]:
    """An action with status `completed` but no `completed_on`.

    Why: the completion date is what shows whether actions finish on time; without it the
    implementation rate is known but not the delay.

    Bad:
        kind: management-response
        responses:
          - recommendation: R1
            actions:
              - {id: "1.1", description: Hold a meeting, responsible: [u], status: completed}
    Good:
        kind: management-response
        responses:
          - recommendation: R1
            actions:
              - {id: "1.1", description: Hold a meeting, responsible: [u], status: completed,
                 completed_on: 2024-03-02}
    """
    for path, _, action in iter_actions(record):
        if action.get("status") == "completed" and "completed_on" not in action:
            yield Finding(f"{describe(record.data, path)} is completed with no completed_on",
                          path=(*path, "status"), hint="add completed_on: YYYY-MM-DD")
