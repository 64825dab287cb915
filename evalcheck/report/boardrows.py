"""Actions and evaluations as the board indicators count them, judged at one date.

Pure: the records' plain data and a date in, rows out. Each row says what was true of its
action on that date, worked out from what the record keeps of its past: an action closed after
the date (its `completed_on`) was still open then, a deadline moved after the date (its
`deadline_changes`) still had its old value, and an action of a management response dated after
the date was not agreed yet. So the indicators of a past period, worked out from today's
records, agree with those worked out from the records as they were committed then.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from evalcheck.checks.deadlines import CLOSED
from evalcheck.dates import parse_date
from evalcheck.report.rows import NOT_REPORTED, STATUSES, ident, names, text

NOT_STATED = "not-stated"


def due_day(value: object) -> dt.date | None:
    """The day a deadline falls due: YYYY-MM-DD; YYYY-MM the month's last day; YYYY-Qn the
    quarter's last day; YYYY the year's last day (record model, version 2)."""
    if isinstance(value, str) and len(value) == 7 and value[4:6] in ("-Q", "-q") \
            and value[:4].isdigit() and value[6] in "1234":
        return parse_date(f"{value[:4]}-{int(value[6]) * 3:02d}")
    if isinstance(value, str) and len(value) == 4 and value.isdigit():
        return dt.date(int(value), 12, 31)
    if isinstance(value, int) and not isinstance(value, bool) and 1000 <= value <= 9999:
        return dt.date(value, 12, 31)
    return parse_date(value)


def _day(value: object, month_end: bool = True) -> dt.date | None:
    """A date field (YYYY-MM-DD, or YYYY-MM: its last day, or first with month_end False)."""
    return parse_date(value, month_end) if isinstance(value, str) else None


@dataclass(frozen=True, slots=True)
class BoardAction:
    evaluation: str
    recommendation: str
    id: str
    status: str
    """The contract status on the date (an action closed after it was then `in-progress`), or
    not-reported."""
    agreed: bool
    """Its management response is dated on or before the date (or undated)."""
    due: dt.date | None
    """The deadline in force on the date."""
    first_due: dt.date | None
    """The first agreed deadline: `original_deadline`, else the first move's `from`, else the
    deadline."""
    closed_on: dt.date | None
    """`completed_on` of an action closed by the date; None when open or undated."""
    moves: int
    """Times the deadline was moved by the date."""
    validated: bool
    units: tuple[str, ...]
    """The responsible owners."""
    priority: str
    """The recommendation's priority (1-3), or not-stated."""

    @property
    def closed(self) -> bool:
        return self.status in CLOSED


@dataclass(frozen=True, slots=True)
class BoardEvaluation:
    id: str
    title: str
    report_date: dt.date | None
    recommendations: int
    response_date: dt.date | None
    """The earliest management response dated on or before the date."""
    responded: bool
    """Some management response exists on the date (dated or not)."""
    units: tuple[str, ...]
    """The owners its recommendations are addressed to."""
    year: str
    type: str


@dataclass(frozen=True, slots=True)
class BoardRows:
    at: dt.date
    actions: tuple[BoardAction, ...]
    evaluations: tuple[BoardEvaluation, ...]
    parents: dict[str, str]
    """Owner id -> its `parent` in the owners registry."""
    owner_names: dict[str, str]
    titles: dict[str, str]
    """Evaluation id -> title."""
    answered: frozenset[str]
    """Evaluations with a management response on the date."""


def _mappings(value: Any) -> Iterable[Mapping[str, Any]]:
    return (v for v in value if isinstance(v, dict)) if isinstance(value, list) else ()


def _year(data: Mapping[str, Any]) -> str:
    report = data.get("report_date")
    if isinstance(report, str) and report[:4].isdigit():
        return report[:4]
    y = ident(data.get("year"))[:4]
    return y if len(y) == 4 and y.isdigit() else NOT_STATED


def _deadline_at(action: Mapping[str, Any], at: dt.date) -> tuple[object, int]:
    """(the deadline in force on `at`, times it was moved by then)."""
    changes = list(_mappings(action.get("deadline_changes")))
    deadline = action.get("deadline")
    later = [c for c in changes if (_day(c.get("date")) or dt.date.min) > at]
    moves = len(changes) - len(later)
    if later:
        deadline = min(later, key=lambda c: _day(c.get("date")) or dt.date.max).get("from")
    elif not changes:
        first = action.get("original_deadline")
        moves = int(first is not None and due_day(first) != due_day(deadline))
    return deadline, moves


def _first_deadline(action: Mapping[str, Any]) -> object:
    if action.get("original_deadline") is not None:
        return action.get("original_deadline")
    for change in _mappings(action.get("deadline_changes")):
        return change.get("from")
    return action.get("deadline")


def _validated(action: Mapping[str, Any], at: dt.date) -> bool:
    value = action.get("validated")
    if isinstance(value, dict):
        on = _day(value.get("on"))
        return on is None or on <= at
    return value is True


def _action(action: Mapping[str, Any], evaluation: str, recommendation: str, priority: str,
            agreed: bool, at: dt.date) -> BoardAction:
    status = action.get("status")
    status = status if isinstance(status, str) and status in STATUSES else NOT_REPORTED
    closed_on = _day(action.get("completed_on")) if status in CLOSED else None
    if closed_on is not None and closed_on > at:
        status, closed_on = "in-progress", None
    deadline, moves = _deadline_at(action, at)
    return BoardAction(
        evaluation=evaluation, recommendation=recommendation, id=ident(action.get("id")),
        status=status, agreed=agreed, due=due_day(deadline),
        first_due=due_day(_first_deadline(action)), closed_on=closed_on, moves=moves,
        validated=status in CLOSED and _validated(action, at),
        units=names(action.get("responsible")), priority=priority)


def _priority(value: object) -> str:
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else NOT_STATED


def board_rows(records: Iterable[Mapping[str, Any]], at: dt.date) -> BoardRows:
    """Rows from the records' data (one mapping per record file) as they stood on `at`."""
    evaluations: dict[str, Mapping[str, Any]] = {}
    responses: dict[str, list[Mapping[str, Any]]] = {}
    parents: dict[str, str] = {}
    owner_names: dict[str, str] = {}
    for data in records:
        if not isinstance(data, dict):
            continue
        kind = data.get("kind")
        if kind == "evaluation" and isinstance(data.get("id"), str):
            evaluations.setdefault(data["id"], data)
        elif kind == "management-response" and isinstance(data.get("evaluation"), str):
            responses.setdefault(data["evaluation"], []).append(data)
        elif kind == "owners":
            for owner in _mappings(data.get("owners")):
                key = ident(owner.get("id"))
                parent = ident(owner.get("parent"))
                if key and parent and key not in parents:
                    parents[key] = parent
                if key and key not in owner_names:
                    owner_names[key] = text(owner.get("name")) or key
    actions: list[BoardAction] = []
    rows: list[BoardEvaluation] = []
    answered: set[str] = set()
    for key in sorted({*evaluations, *responses}):
        found = evaluations.get(key, {})
        priorities = {ident(r.get("id")): _priority(r.get("priority"))
                      for r in _mappings(found.get("recommendations"))}
        dates: list[dt.date] = []
        responded = False
        for mr in sorted(responses.get(key, []), key=lambda m: ident(m.get("id"))):
            on = _day(mr.get("date"), month_end=False)
            agreed = on is None or on <= at
            responded = responded or agreed
            if agreed:
                answered.add(key)
            if on is not None and agreed:
                dates.append(_day(mr.get("date")) or on)
            for answer in _mappings(mr.get("responses")):
                rec = ident(answer.get("recommendation"))
                actions.extend(_action(a, key, rec, priorities.get(rec, NOT_STATED), agreed, at)
                               for a in _mappings(answer.get("actions")))
        if found:
            recs = list(_mappings(found.get("recommendations")))
            units = tuple(dict.fromkeys(u for r in recs for u in names(r.get("addressed_to"))))
            rows.append(BoardEvaluation(
                id=key, title=text(found.get("title")), report_date=_day(found.get("report_date")),
                recommendations=len(recs), response_date=min(dates) if dates else None,
                responded=responded, units=units, year=_year(found),
                type=text(found.get("type")) or NOT_STATED))
    titles = {e.id: e.title for e in rows}
    return BoardRows(at, tuple(actions), tuple(rows), dict(sorted(parents.items())),
                     dict(sorted(owner_names.items())), titles, frozenset(answered))
