"""Each recommendation's implementation status, the level at which UNDP, UNICEF, UNFPA and the
World Bank report to their boards.

Pure. A recommendation is, on the measuring date:
  not-accepted           management rejected it;
  no-decision            not answered, or answered with no decision yet;
  no-action              accepted (fully or partly) with no action that still applies;
  implemented            every action that still applies is completed;
  partially-implemented  some are completed or in progress;
  not-yet-due            none has begun and none is due yet;
  not-started            none has begun and one is due (or has no deadline).
Statuses nobody reported are never read as "not done": each row and each count says how many
of its actions have no status reported.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from evalcheck.report.boardrows import BoardAction
from evalcheck.report.rows import NO_DECISION, NOT_ANSWERED, RecommendationRow

REC_STATUSES = ("implemented", "partially-implemented", "not-started", "not-yet-due",
                "no-action", "not-accepted", "no-decision")


@dataclass(frozen=True, slots=True)
class RecStatus:
    evaluation: str
    title: str
    recommendation: str
    text: str
    decision: str
    status: str
    actions: int
    """Actions agreed by the measuring date that still apply."""
    completed: int
    not_reported: int
    """Of `actions`, those with no status reported."""


@dataclass(frozen=True, slots=True)
class RecStatusCount:
    evaluation: str
    title: str
    counts: dict[str, int]
    not_reported: int
    """Recommendations counted here whose actions include one with no status reported."""


@dataclass(frozen=True, slots=True)
class RecStatuses:
    total: dict[str, int]
    not_reported: int
    by_evaluation: tuple[RecStatusCount, ...]
    recommendations: tuple[RecStatus, ...]


def status_of(decision: str, actions: Sequence[BoardAction], at: dt.date) -> str:
    if decision == "rejected":
        return "not-accepted"
    if decision in (NO_DECISION, NOT_ANSWERED):
        return "no-decision"
    applicable = [a for a in actions if a.status != "no-longer-applicable"]
    if not applicable:
        return "no-action"
    done = sum(a.status == "completed" for a in applicable)
    if done == len(applicable):
        return "implemented"
    if done or any(a.status == "in-progress" for a in applicable):
        return "partially-implemented"
    if all(a.due is not None and a.due >= at for a in applicable):
        return "not-yet-due"
    return "not-started"


def rec_statuses(recommendations: Sequence[RecommendationRow], actions: Sequence[BoardAction],
                 titles: dict[str, str], answered: frozenset[str], at: dt.date) -> RecStatuses:
    """Each recommendation's status on `at`; `answered` are the evaluations with a management
    response by then (a response dated later has made no decision yet)."""
    by_rec: dict[tuple[str, str], list[BoardAction]] = {}
    for a in actions:
        if a.agreed:
            by_rec.setdefault((a.evaluation, a.recommendation), []).append(a)
    rows = []
    for r in recommendations:
        mine = [a for a in by_rec.get((r.evaluation, r.id), [])
                if a.status != "no-longer-applicable"]
        rows.append(RecStatus(
            r.evaluation, titles.get(r.evaluation, ""), r.id, r.text, r.decision,
            status_of(r.decision if r.evaluation in answered else NO_DECISION,
                      by_rec.get((r.evaluation, r.id), []), at), len(mine),
            sum(a.status == "completed" for a in mine),
            sum(a.status == "not-reported" for a in mine)))
    per_eval: dict[str, list[RecStatus]] = {}
    for row in rows:
        per_eval.setdefault(row.evaluation, []).append(row)

    def counts(group: Sequence[RecStatus]) -> dict[str, int]:
        found = Counter(g.status for g in group)
        return {s: found.get(s, 0) for s in REC_STATUSES}

    return RecStatuses(
        total=counts(rows), not_reported=sum(r.not_reported > 0 for r in rows),
        by_evaluation=tuple(RecStatusCount(k, titles.get(k, ""), counts(g),
                                           sum(r.not_reported > 0 for r in g))
                            for k, g in sorted(per_eval.items())),
        recommendations=tuple(rows))
