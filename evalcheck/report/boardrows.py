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
from dataclasses import dataclass, replace
from typing import Any

from evalcheck.checks.deadlines import CLOSED
from evalcheck.dates import due_day, parse_date
from evalcheck.report.rows import NOT_REPORTED, STATUSES, ident, names, text

NOT_STATED = "not-stated"


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
    """The day of its report (a month given: the month's last day)."""
    recommendations: int
    response_date: dt.date | None
    """The earliest management response dated on or before the date (a month: its last day)."""
    responded: bool
    """Some management response exists on the date (dated or not)."""
    units: tuple[str, ...]
    """The owners its recommendations are addressed to."""
    year: str
    type: str
    report_from: dt.date | None = None
    """The first day the report date allows (a month given: its first day)."""
    response_from: dt.date | None = None
    """The first day the earliest response's date allows."""

    @property
    def response_delay(self) -> int | None:
        """Days from the report to its management response: the least the two dates allow
        (a report dated by month and answered within that month took 0 days, not -9)."""
        if self.response_date is None or self.report_date is None:
            return None
        start = self.report_from or self.report_date
        if self.response_date < start:  # answered before the report: a data error, shown
            return (self.response_date - start).days
        return max(0, ((self.response_from or self.response_date) - self.report_date).days)


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
    if isinstance(report, str) and report[:4].isascii() and report[:4].isdigit():
        return report[:4]
    y = ident(data.get("year"))[:4]
    return y if len(y) == 4 and y.isascii() and y.isdigit() else NOT_STATED


def _priority(value: object) -> str:
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else NOT_STATED


@dataclass(frozen=True, slots=True)
class _Action:
    """What an action's record says, whatever the date: read once per file version."""

    id: str
    recommendation: str
    status: str
    completed_on: dt.date | None
    due: dt.date | None
    changes: tuple[tuple[dt.date | None, dt.date | None], ...]
    """(the day of each move, the due day it moved from), oldest first."""
    first_due: dt.date | None
    moved_once: bool
    """No `deadline_changes`, and an `original_deadline` other than `deadline`."""
    validated: dt.date | bool
    """The day the closure was validated, True when undated, False when not validated."""
    units: tuple[str, ...]

    def on(self, at: dt.date, evaluation: str, priority: str, agreed: bool) -> BoardAction:
        """The action as it stood on `at`."""
        status, closed_on = self.status, self.completed_on if self.status in CLOSED else None
        if closed_on is not None and closed_on > at:
            status, closed_on = "in-progress", None
        due, moves = self.due, len(self.changes)
        later = [c for c in self.changes if (c[0] or dt.date.min) > at]
        if later:
            due = min(later, key=lambda c: c[0] or dt.date.max)[1]
            moves -= len(later)
        elif not self.changes:
            moves = int(self.moved_once)
        validated = self.validated is True or (
            isinstance(self.validated, dt.date) and self.validated <= at)
        return BoardAction(
            evaluation=evaluation, recommendation=self.recommendation, id=self.id,
            status=status, agreed=agreed, due=due, first_due=self.first_due,
            closed_on=closed_on, moves=moves, validated=status in CLOSED and validated,
            units=self.units, priority=priority)


def _read_action(action: Mapping[str, Any], recommendation: str) -> _Action:
    status = action.get("status")
    changes = list(_mappings(action.get("deadline_changes")))
    first = action.get("original_deadline")
    value = action.get("validated")
    validated: dt.date | bool = (_day(value.get("on")) or True) if isinstance(value, dict) \
        else value is True
    return _Action(
        id=ident(action.get("id")), recommendation=recommendation,
        status=status if isinstance(status, str) and status in STATUSES else NOT_REPORTED,
        completed_on=_day(action.get("completed_on")), due=due_day(action.get("deadline")),
        changes=tuple((_day(c.get("date")), due_day(c.get("from"))) for c in changes),
        first_due=due_day(first if first is not None else
                          changes[0].get("from") if changes else action.get("deadline")),
        moved_once=not changes and first is not None
        and due_day(first) != due_day(action.get("deadline")),
        validated=validated, units=names(action.get("responsible")))


@dataclass(frozen=True, slots=True)
class Part:
    """What one record file adds to the rows, read once per file version (a trend reuses it
    for every period whose commit holds that version)."""

    kind: str
    evaluation_id: str
    """The evaluation it is or answers ("" for an owners registry)."""
    record_id: str
    evaluation: BoardEvaluation | None = None
    priorities: tuple[tuple[str, str], ...] = ()
    response_from: dt.date | None = None
    """A management response's date: its first day (a month's first) and last day."""
    response_to: dt.date | None = None
    actions: tuple[_Action, ...] = ()
    owners: tuple[tuple[str, str, str], ...] = ()
    """(id, parent, name) of each owner in a registry."""


def read_part(data: object) -> Part | None:
    """The part of a record file, or None for a file the board does not count."""
    if not isinstance(data, dict):
        return None
    kind = data.get("kind")
    if kind == "evaluation" and isinstance(data.get("id"), str):
        recs = list(_mappings(data.get("recommendations")))
        units = tuple(dict.fromkeys(u for r in recs for u in names(r.get("addressed_to"))))
        row = BoardEvaluation(
            id=data["id"], title=text(data.get("title")),
            report_date=_day(data.get("report_date")), recommendations=len(recs),
            report_from=_day(data.get("report_date"), month_end=False),
            response_date=None, responded=False, units=units, year=_year(data),
            type=text(data.get("type")) or NOT_STATED)
        return Part("evaluation", data["id"], data["id"], evaluation=row, priorities=tuple(
            (ident(r.get("id")), _priority(r.get("priority"))) for r in recs))
    if kind == "management-response" and isinstance(data.get("evaluation"), str):
        actions = tuple(_read_action(a, ident(answer.get("recommendation")))
                        for answer in _mappings(data.get("responses"))
                        for a in _mappings(answer.get("actions")))
        return Part("management-response", data["evaluation"], ident(data.get("id")),
                    response_from=_day(data.get("date"), month_end=False),
                    response_to=_day(data.get("date")), actions=actions)
    if kind == "owners":
        return Part("owners", "", "", owners=tuple(
            (ident(o.get("id")), ident(o.get("parent")), text(o.get("name")))
            for o in _mappings(data.get("owners"))))
    return None


def board_rows(records: Iterable[Mapping[str, Any]], at: dt.date) -> BoardRows:
    """Rows from the records' data (one mapping per record file) as they stood on `at`."""
    return rows_of((read_part(data) for data in records), at)


def rows_of(parts: Iterable[Part | None], at: dt.date) -> BoardRows:
    """Rows from the parts of the record files as they stood on `at`."""
    evaluations: dict[str, Part] = {}
    responses: dict[str, list[Part]] = {}
    parents: dict[str, str] = {}
    owner_names: dict[str, str] = {}
    for part in parts:
        if part is None:
            continue
        if part.kind == "evaluation":
            evaluations.setdefault(part.evaluation_id, part)
        elif part.kind == "management-response":
            responses.setdefault(part.evaluation_id, []).append(part)
        else:
            for key, parent, name in part.owners:
                if key and parent and key not in parents:
                    parents[key] = parent
                if key and key not in owner_names:
                    owner_names[key] = name or key
    actions: list[BoardAction] = []
    rows: list[BoardEvaluation] = []
    answered: set[str] = set()
    for key in sorted({*evaluations, *responses}):
        found = evaluations.get(key)
        priorities = dict(found.priorities) if found else {}
        dates: list[tuple[dt.date, dt.date]] = []  # (last, first day) of each response's date
        responded = False
        for mr in sorted(responses.get(key, []), key=lambda m: m.record_id):
            agreed = mr.response_from is None or mr.response_from <= at
            responded = responded or agreed
            if agreed:
                answered.add(key)
                if mr.response_to is not None:
                    dates.append((mr.response_to, mr.response_from or mr.response_to))
            actions.extend(a.on(at, key, priorities.get(a.recommendation, NOT_STATED), agreed)
                           for a in mr.actions)
        if found is not None and found.evaluation is not None:
            first = min(dates) if dates else None
            rows.append(replace(found.evaluation, response_date=first and first[0],
                                response_from=first and first[1], responded=responded))
    titles = {e.id: e.title for e in rows}
    return BoardRows(at, tuple(actions), tuple(rows), dict(sorted(parents.items())),
                     dict(sorted(owner_names.items())), titles, frozenset(answered))
