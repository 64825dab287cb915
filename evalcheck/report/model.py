"""What a report says, as plain frozen data: built once, rendered by every output format.

Pure: records, lint problems and an as-of date in; numbers and rows out. Every renderer reads
the same ReportData, so the terminal, Markdown, HTML, CSV and JSON can never disagree.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from evalcheck.checks.duplicates import repeated
from evalcheck.dates import due_day, parse_date
from evalcheck.problems import Problem
from evalcheck.records import Record
from evalcheck.report.rows import (
    DECISIONS,
    NO_DECISION,
    NOT_ANSWERED,
    NOT_REPORTED,
    STATUSES,
    ActionRow,
    EvaluationRow,
    RecommendationRow,
    Rows,
    extract,
    natural_key,
)
from evalcheck.report.scope import Filters, narrow, problem_filter

if TYPE_CHECKING:
    from evalcheck.report.board import Board
    from evalcheck.report.changes import ChangeReport

EVALUATION_STATUSES = ("planned", "ongoing", "completed")
ACTION_STATUSES = (*STATUSES, NOT_REPORTED)
DAC_CRITERIA = ("relevance", "coherence", "effectiveness", "efficiency", "impact",
                "sustainability")
AGEING = ("no-deadline", "not-yet-due", "1-90", "91-180", "181-365", "over-365")
UNKNOWN = "not-stated"
SOON, LATER = 30, 90


@dataclass(frozen=True, slots=True)
class Portfolio:
    evaluations: tuple[EvaluationRow, ...]
    by_year: dict[str, int]
    by_type: dict[str, int]
    by_status: dict[str, int]


@dataclass(frozen=True, slots=True)
class CoverageRow:
    evaluation: str
    title: str
    total: int
    decisions: dict[str, int]
    """accepted, partially-accepted, rejected, no-decision, not-answered -> count."""


@dataclass(frozen=True, slots=True)
class Coverage:
    total: int
    answered: int
    decisions: dict[str, int]
    by_evaluation: tuple[CoverageRow, ...]
    recommendations: tuple[RecommendationRow, ...]


@dataclass(frozen=True, slots=True)
class StatusRow:
    evaluation: str
    title: str
    total: int
    statuses: dict[str, int]
    overdue: int


@dataclass(frozen=True, slots=True)
class OverdueGroup:
    key: str
    """An owner id or an evaluation id."""
    name: str
    count: int
    max_days: int


@dataclass(frozen=True, slots=True)
class MovedDeadline:
    action: ActionRow
    days: int | None
    """How far the deadline moved (positive: later), None when a date is unreadable."""


@dataclass(frozen=True, slots=True)
class Implementation:
    total: int
    statuses: dict[str, int]
    completed: int
    applicable: int
    """All actions except those no longer applicable: the rate's denominator."""
    rate: float | None
    by_evaluation: tuple[StatusRow, ...]
    actions: tuple[ActionRow, ...]
    overdue: tuple[ActionRow, ...]
    overdue_by_owner: tuple[OverdueGroup, ...]
    overdue_by_evaluation: tuple[OverdueGroup, ...]
    due_soon: tuple[ActionRow, ...]
    due_later: tuple[ActionRow, ...]
    """Open actions due within 30 days (due_soon) and within 90 days (due_later, a superset)."""
    moved: tuple[MovedDeadline, ...]
    ageing: dict[str, int]


@dataclass(frozen=True, slots=True)
class MissingResponse:
    evaluation: str
    title: str
    owner: str
    since: str
    """The report date (or the end of the evaluation's year when none), ISO; "" if unknown."""
    days: int | None
    recommendations: int


@dataclass(frozen=True, slots=True)
class Score:
    evaluation: str
    criterion: str
    score: float
    minimum: float | None
    maximum: float | None
    label: str


@dataclass(frozen=True, slots=True)
class CriterionSummary:
    criterion: str
    count: int
    mean: float | None
    """Mean score, when every score of the criterion uses the same scale."""
    scale: str
    """"1-4" for one shared scale, "mixed" otherwise, "" when no scale is declared."""
    mean_percent: float | None
    """Mean position on each score's own scale (0 = its minimum, 100 = its maximum)."""


@dataclass(frozen=True, slots=True)
class Ratings:
    criteria: tuple[CriterionSummary, ...]
    scores: tuple[Score, ...]


@dataclass(frozen=True, slots=True)
class CheckCount:
    check: str
    severity: str
    count: int


@dataclass(frozen=True, slots=True)
class Recurring:
    """A recommendation made again: the earliest evaluation that made it, the later one that
    repeats it, and how similar the two texts are (recurring-recommendation's finding)."""

    earlier_evaluation: str
    earlier_recommendation: str
    later_evaluation: str
    later_recommendation: str
    similarity: float
    path: str
    line: int


# What an experienced evaluation officer asks about (issue 16), in the order a board would:
# the checks the data-quality section groups under their own heading.
FOLLOW_UP = ("recurring-recommendation", "stale-action", "status-contradicts-update",
             "deadline-moved-without-reason", "deadline-before-response")


@dataclass(frozen=True, slots=True)
class DataQuality:
    errors: int
    warnings: int
    by_check: tuple[CheckCount, ...]
    by_file: dict[str, int]
    problems: tuple[Problem, ...]
    # FOLLOW_UP's checks with their counts (zeros kept), and the recurring recommendations
    follow_up: tuple[CheckCount, ...] = ()
    recurring: tuple[Recurring, ...] = ()


@dataclass(frozen=True, slots=True)
class ReportData:
    as_of: str
    filters: Filters
    owner_names: dict[str, str]
    portfolio: Portfolio
    coverage: Coverage
    implementation: Implementation
    missing_responses: tuple[MissingResponse, ...]
    ratings: Ratings
    data_quality: DataQuality
    changes: ChangeReport | None = None
    board: Board | None = None
    """The board paper's part (report/board.py): recommendation status, and with a period its
    indicators and breakdowns; None when the report was built without it."""

    def owner_name(self, owner: str) -> str:
        return self.owner_names.get(owner, owner)

    def with_changes(self, changes: ChangeReport) -> ReportData:
        return replace(self, changes=changes)

    def with_board(self, board: Board) -> ReportData:
        return replace(self, board=board)


def _ordered(counts: Counter[str], order: Iterable[str], last: str = UNKNOWN) -> dict[str, int]:
    """Known keys in their natural order (zeros kept), then the rest by name, `last` at the end."""
    known = list(order)
    extra = sorted(k for k in counts if k not in known and k != last)
    out = {k: counts.get(k, 0) for k in known}
    out.update((k, counts[k]) for k in extra)
    if counts.get(last):
        out[last] = counts[last]
    return out


def _portfolio(rows: Rows) -> Portfolio:
    evaluations = rows.evaluations
    years = Counter(e.year or UNKNOWN for e in evaluations)
    return Portfolio(
        evaluations=evaluations,
        by_year=_ordered(years, sorted(k for k in years if k != UNKNOWN)),
        by_type=_ordered(Counter(e.type or UNKNOWN for e in evaluations), ()),
        by_status=_ordered(Counter(e.status or UNKNOWN for e in evaluations),
                           EVALUATION_STATUSES))


def _titles(rows: Rows) -> dict[str, str]:
    titles = {e.id: e.title for e in rows.evaluations}
    for a in rows.actions:
        titles.setdefault(a.evaluation, a.evaluation_title)
    return titles


def _coverage(rows: Rows) -> Coverage:
    order = (*DECISIONS, NO_DECISION, NOT_ANSWERED)
    titles = _titles(rows)
    by_eval: dict[str, Counter[str]] = {}
    for r in rows.recommendations:
        by_eval.setdefault(r.evaluation, Counter())[r.decision] += 1
    decisions = _ordered(Counter(r.decision for r in rows.recommendations), order)
    return Coverage(
        total=len(rows.recommendations),
        answered=len(rows.recommendations) - decisions[NOT_ANSWERED],
        decisions=decisions,
        by_evaluation=tuple(CoverageRow(key, titles.get(key, ""), sum(c.values()),
                                        _ordered(c, order)) for key, c in sorted(by_eval.items())),
        recommendations=rows.recommendations)


def _bucket(a: ActionRow) -> str:
    if not a.due:
        return "no-deadline"
    days = a.days_overdue
    if days is None:
        return "not-yet-due"
    return "1-90" if days <= 90 else "91-180" if days <= 180 else "181-365" if days <= 365 \
        else "over-365"


def _overdue_groups(overdue: Sequence[ActionRow], keys: Callable[[ActionRow], Iterable[str]],
                    name: Callable[[str], str]) -> tuple[OverdueGroup, ...]:
    counts: Counter[str] = Counter()
    worst: dict[str, int] = {}
    for a in overdue:
        for key in dict.fromkeys(keys(a)):
            counts[key] += 1
            worst[key] = max(worst.get(key, 0), a.days_overdue or 0)
    groups = [OverdueGroup(k, name(k), n, worst[k]) for k, n in counts.items()]
    return tuple(sorted(groups, key=lambda g: (-g.count, -g.max_days, g.key)))


def _action_order(a: ActionRow) -> tuple[object, ...]:
    return (a.evaluation, natural_key(a.recommendation), natural_key(a.id))


def _implementation(rows: Rows, names: dict[str, str]) -> Implementation:
    actions = rows.actions
    statuses = _ordered(Counter(a.status for a in actions), ACTION_STATUSES)
    completed = statuses.get("completed", 0)
    applicable = len(actions) - statuses.get("no-longer-applicable", 0)
    overdue = tuple(sorted((a for a in actions if a.days_overdue is not None),
                           key=lambda a: (-(a.days_overdue or 0), *_action_order(a))))
    upcoming = sorted((a for a in actions if a.days_left is not None and a.days_left <= LATER),
                      key=lambda a: (a.due, *_action_order(a)))
    titles = _titles(rows)
    per_eval: dict[str, list[ActionRow]] = {}
    for a in actions:
        per_eval.setdefault(a.evaluation, []).append(a)
    by_eval = tuple(StatusRow(key, titles.get(key, ""), len(group),
                              _ordered(Counter(a.status for a in group), ACTION_STATUSES),
                              sum(a.days_overdue is not None for a in group))
                    for key, group in sorted(per_eval.items()))
    moved = []
    for a in actions:
        if a.original_deadline and a.original_deadline != a.deadline:
            old, new = due_day(a.original_deadline), due_day(a.deadline)
            moved.append(MovedDeadline(a, (new - old).days if old and new else None))
    return Implementation(
        total=len(actions), statuses=statuses, completed=completed, applicable=applicable,
        rate=completed / applicable if applicable else None,
        by_evaluation=by_eval, actions=actions, overdue=overdue,
        overdue_by_owner=_overdue_groups(overdue, lambda a: a.responsible or ("",),
                                         lambda k: names.get(k, k) if k else "no one"),
        overdue_by_evaluation=_overdue_groups(overdue, lambda a: (a.evaluation,),
                                              lambda k: titles.get(k, "")),
        due_soon=tuple(a for a in upcoming if (a.days_left or 0) <= SOON),
        due_later=tuple(upcoming),
        moved=tuple(sorted(moved, key=lambda m: _action_order(m.action))),
        ageing=_ordered(Counter(_bucket(a) for a in actions if a.is_open), AGEING))


def _missing(rows: Rows, as_of: dt.date) -> tuple[MissingResponse, ...]:
    out = []
    for e in rows.evaluations:
        if e.status != "completed" or e.responses or not e.recommendations:
            continue
        since = parse_date(e.report_date) or (parse_date(f"{e.year}-12") if e.year else None)
        if since is not None and since > as_of:
            continue  # not reported yet on the as-of date
        out.append(MissingResponse(e.id, e.title, e.owner, since.isoformat() if since else "",
                                   (as_of - since).days if since else None, e.recommendations))
    return tuple(sorted(out, key=lambda m: (-(m.days or 0), m.evaluation)))


def _number(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value)


def _ratings(records: Sequence[Record], rows: Rows) -> Ratings:
    wanted = {e.id for e in rows.evaluations}
    scores: list[Score] = []
    for record in records:
        if record.kind != "evaluation" or record.id not in wanted:
            continue
        ratings = record.get("ratings")
        if not isinstance(ratings, dict):
            continue
        scale = ratings.get("scale")
        scale = scale if isinstance(scale, dict) else {}
        low, high = _number(scale.get("min")), _number(scale.get("max"))
        found = ratings.get("scores")
        for item in found if isinstance(found, list) else ():
            if not isinstance(item, dict):
                continue
            criterion, value = item.get("criterion"), _number(item.get("score"))
            if isinstance(criterion, str) and criterion and value is not None:
                label = item.get("label")
                scores.append(Score(record.id, criterion.strip().lower(), value, low, high,
                                    label if isinstance(label, str) else ""))
    order = [*DAC_CRITERIA, *sorted({s.criterion for s in scores} - set(DAC_CRITERIA))]
    summaries = []
    for criterion in order:
        group = [s for s in scores if s.criterion == criterion]
        if not group:
            continue
        scales = {(s.minimum, s.maximum) for s in group}
        shared = next(iter(scales)) if len(scales) == 1 else None
        scale = ("mixed" if shared is None else "" if None in shared
                 else f"{_plain(shared[0])}-{_plain(shared[1])}")
        spread = [(s.score - s.minimum) / (s.maximum - s.minimum) * 100 for s in group
                  if s.minimum is not None and s.maximum is not None and s.maximum > s.minimum]
        summaries.append(CriterionSummary(
            criterion, len(group),
            sum(s.score for s in group) / len(group) if shared is not None else None, scale,
            sum(spread) / len(spread) if len(spread) == len(group) else None))
    ranked = {c: i for i, c in enumerate(order)}
    return Ratings(tuple(summaries),
                   tuple(sorted(scores, key=lambda s: (s.evaluation, ranked[s.criterion]))))


def _plain(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def _data_quality(problems: Sequence[Problem]) -> DataQuality:
    counts = Counter((p.check, p.severity.value) for p in problems)
    by_check = sorted((CheckCount(c, s, n) for (c, s), n in counts.items()),
                      key=lambda c: (c.severity != "error", -c.count, c.check))
    errors = sum(p.severity.value == "error" for p in problems)
    severity = {c: s for c, s in counts}
    named = Counter(p.check for p in problems)
    follow_up = tuple(CheckCount(c, severity.get(c, "warning"), named.get(c, 0))
                      for c in FOLLOW_UP)
    return DataQuality(errors, len(problems) - errors, tuple(by_check),
                       dict(sorted(Counter(p.path for p in problems).items())),
                       tuple(Problem.order(problems)), follow_up, _recurring(problems))


def _recurring(problems: Sequence[Problem]) -> tuple[Recurring, ...]:
    """recurring-recommendation's findings as pairs, earliest evaluation first."""
    found = []
    for p in problems:
        pair = repeated(p.message) if p.check == "recurring-recommendation" else None
        if pair is not None:
            later, evaluation, earlier, score = pair
            found.append(Recurring(evaluation, earlier, p.record, later, score, p.path, p.line))
    return tuple(sorted(found, key=lambda r: (
        natural_key(r.earlier_evaluation), natural_key(r.earlier_recommendation),
        natural_key(r.later_evaluation), natural_key(r.later_recommendation))))


def build_report(records: Sequence[Record], problems: Sequence[Problem], as_of: dt.date,
                 owner: str | None = None, evaluation: str | None = None,
                 as_stood: bool = True) -> ReportData:
    """The whole report for records as of a date, narrowed by an owner and/or an evaluation;
    the records as they stood on that date, unless `as_stood` is False (an export of the
    files as they are, as the tracker workbook is)."""
    filters = Filters(owner or None, evaluation or None)
    full = extract(records, as_of, as_stood)
    rows = narrow(full, filters)
    keep = problem_filter(records, full, rows, filters)
    return ReportData(
        as_of=as_of.isoformat(), filters=filters, owner_names=full.owner_names,
        portfolio=_portfolio(rows), coverage=_coverage(rows),
        implementation=_implementation(rows, full.owner_names),
        missing_responses=_missing(rows, as_of), ratings=_ratings(records, rows),
        data_quality=_data_quality([p for p in problems if keep(p)]))
