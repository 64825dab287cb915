"""Flatten records into the rows every report section counts: evaluations, recommendations and
actions, each already judged against the as-of date and as it stood then (stood.py: a response
dated later is left out, an action closed or a deadline moved later is as it was before).

Reports never read record data directly; they read these rows, so every section agrees on what
an action's status, deadline or decision is, however oddly a record is written.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from evalcheck.checks.deadlines import CLOSED
from evalcheck.dates import due_day
from evalcheck.records import Record, mappings
from evalcheck.report.stood import action_stood, response_stood
from evalcheck.textsafe import shown_path

STATUSES = ("not-started", "in-progress", "completed", "no-longer-applicable")
DECISIONS = ("accepted", "partially-accepted", "rejected")
NOT_REPORTED = "not-reported"
NO_DECISION = "no-decision"
NOT_ANSWERED = "not-answered"
_DIGITS = re.compile(r"(\d+)")


def ident(value: Any) -> str:
    """An id as people read it; YAML may have turned `2` into an int."""
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return ""
    return str(value)


def text(value: Any) -> str:
    return " ".join(value.split()) if isinstance(value, str) else ""


def names(value: Any) -> tuple[str, ...]:
    return tuple(v for v in value if isinstance(v, str)) if isinstance(value, list) else ()


def natural_key(value: str) -> tuple[tuple[int, int | str], ...]:
    """Sort R2 before R10 and 4.2 before 4.10, the way the source documents number them."""
    return tuple((0, int(part)) if part.isdecimal() else (1, part)
                 for part in _DIGITS.split(value) if part)


@dataclass(frozen=True, slots=True)
class EvaluationRow:
    id: str
    title: str
    status: str
    type: str
    year: str
    report_date: str
    owner: str
    path: str
    recommendations: int
    responses: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class RecommendationRow:
    evaluation: str
    id: str
    text: str
    addressed_to: tuple[str, ...]
    decision: str
    """accepted, partially-accepted, rejected, no-decision or not-answered."""
    response: str
    actions: int
    decision_text: str = ""
    """The source's words for the decision ("Agree", "Pris note"), when the record keeps them."""
    rationale: str = ""
    response_date: str = ""
    """The date of the management response that answers it."""


@dataclass(frozen=True, slots=True)
class ActionRow:
    evaluation: str
    evaluation_title: str
    response: str
    recommendation: str
    decision: str
    id: str
    text: str
    deadline: str
    due: str
    """The day the deadline falls due (a month, quarter or year: its last day), ISO; "" if
    none."""
    original_deadline: str
    responsible: tuple[str, ...]
    supporting: tuple[str, ...]
    status: str
    completed_on: str
    path: str
    days_overdue: int | None
    """Days past due for an open action whose deadline is before the as-of date, else None."""
    days_left: int | None
    """Days until the deadline for an open action not yet past due, else None."""
    deadline_note: str = ""
    status_text: str = ""
    """The source's words for the status ("Overdue-Initiated", "En retard"), if kept."""
    latest_update_date: str = ""
    latest_update: str = ""
    """The latest entry of the action's `updates` (by date; the later one on a tie)."""
    comments: str = ""
    evidence: tuple[str, ...] = ()

    @property
    def is_open(self) -> bool:
        return self.status not in CLOSED

    @property
    def owners(self) -> tuple[str, ...]:
        return self.responsible + self.supporting


@dataclass(frozen=True, slots=True)
class Rows:
    """Everything a report counts, in a fixed order."""

    evaluations: tuple[EvaluationRow, ...]
    recommendations: tuple[RecommendationRow, ...]
    actions: tuple[ActionRow, ...]
    owner_names: dict[str, str]
    record_owners: dict[str, frozenset[str]]
    """Evaluation id -> owners of its evaluation and response records (they see all of it)."""


def year_of(record: Record) -> str:
    report = record.get("report_date")
    if isinstance(report, str) and re.match(r"[0-9]{4}", report):
        return report[:4]
    year = ident(record.get("year"))
    return year[:4] if re.fullmatch(r"[0-9]{4}", year[:4] or "-") else ""


def _action(response: Record, answer: dict[str, Any], action: Mapping[str, Any], evaluation: str,
            title: str, as_of: dt.date) -> ActionRow:
    status = action.get("status")
    status = status if isinstance(status, str) and status in STATUSES else NOT_REPORTED
    deadline = action.get("deadline") if isinstance(action.get("deadline"), str) else ""
    due = due_day(deadline)
    is_open = status not in CLOSED
    overdue = (as_of - due).days if due and is_open and due < as_of else None
    left = (due - as_of).days if due and is_open and due >= as_of else None
    decision = answer.get("decision")
    latest = latest_update(action.get("updates"))
    return ActionRow(
        evaluation=evaluation, evaluation_title=title, response=response.id,
        recommendation=ident(answer.get("recommendation")),
        decision=decision if decision in DECISIONS else NO_DECISION,
        id=ident(action.get("id")), text=text(action.get("description")),
        deadline=deadline or "", due=due.isoformat() if due else "",
        original_deadline=ident(action.get("original_deadline")),
        responsible=names(action.get("responsible")), supporting=names(action.get("supporting")),
        status=status, completed_on=ident(action.get("completed_on")),
        path=shown_path(response.path),
        days_overdue=overdue, days_left=left, deadline_note=text(action.get("deadline_note")),
        status_text=text(action.get("status_text")), latest_update_date=latest[0],
        latest_update=latest[1], comments=text(action.get("comments")),
        evidence=_evidence(action.get("evidence")))


def latest_update(updates: Any) -> tuple[str, str]:
    """(date, text) of the latest update: the greatest ISO date, the later entry on a tie, an
    undated entry only when none is dated; ("", "") when there is none."""
    best: tuple[str, int, str] | None = None
    for n, (_, entry) in enumerate(mappings(updates)):
        day, words = ident(entry.get("date")), text(entry.get("text"))
        if not day and not words:
            continue
        candidate = (day, n, words)
        if best is None or candidate[:2] > best[:2]:
            best = candidate
    return (best[0], best[2]) if best else ("", "")


def _evidence(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    return tuple(" ".join(v.split()) for v in names(value) if v.strip())


def _owner_names(records: Iterable[Record]) -> dict[str, str]:
    found: dict[str, str] = {}
    for record in records:
        if record.kind == "owners":
            for _, owner in mappings(record.get("owners")):
                key = ident(owner.get("id"))
                if key and key not in found:
                    found[key] = text(owner.get("name")) or key
    return dict(sorted(found.items()))


def _decision(answered: tuple[Record, dict[str, Any]] | None) -> str:
    if answered is None:
        return NOT_ANSWERED
    decision = answered[1].get("decision")
    return decision if isinstance(decision, str) and decision in DECISIONS else NO_DECISION


def extract(records: Sequence[Record], as_of: dt.date, as_stood: bool = True) -> Rows:
    """Rows from records: evaluations by id, then each evaluation's recommendations and actions
    in the order of the source documents; with `as_stood`, as they stood on the as-of date
    (stood.py), else as the files say now (an export of the files: every action in them)."""
    evaluations: dict[str, Record] = {}
    for record in sorted(records, key=lambda r: (r.id, r.path)):
        if record.kind == "evaluation" and record.id:
            evaluations.setdefault(record.id, record)
    responses: dict[str, list[Record]] = {}
    for record in sorted(records, key=lambda r: (r.id, r.path)):
        target = record.get("evaluation")
        if record.kind == "management-response" and isinstance(target, str) and target \
                and (not as_stood or response_stood(record.data, as_of)):  # not there yet
            responses.setdefault(target, []).append(record)

    eval_rows, rec_rows, action_rows = [], [], []
    record_owners: dict[str, frozenset[str]] = {}
    for key in sorted({*evaluations, *responses}):
        found = evaluations.get(key)
        mrs = responses.get(key, [])
        title = text(found.get("title")) if found else ""
        record_owners[key] = frozenset(
            ident(r.get("owner")) for r in ([found] if found else []) + mrs) - {""}
        answers: dict[str, tuple[Record, dict[str, Any]]] = {}
        actions: list[ActionRow] = []
        for mr in mrs:
            for _, answer in mappings(mr.get("responses")):
                answers.setdefault(ident(answer.get("recommendation")), (mr, answer))
                actions.extend(_action(mr, answer, action_stood(a, as_of) if as_stood else a,
                                       key, title, as_of)
                               for _, a in mappings(answer.get("actions")))
        recommendations = [(ident(r.get("id")), r) for _, r in
                           mappings(found.get("recommendations") if found else None)]
        known = {rid for rid, _ in recommendations}
        recommendations += [(rid, {}) for rid in answers if rid not in known]
        for rid, rec in recommendations:
            answered = answers.get(rid)
            rec_rows.append(RecommendationRow(
                evaluation=key, id=rid, text=text(rec.get("text")),
                addressed_to=names(rec.get("addressed_to")), decision=_decision(answered),
                response=answered[0].id if answered else "",
                actions=sum(1 for a in actions if a.recommendation == rid),
                decision_text=text(answered[1].get("decision_text")) if answered else "",
                rationale=text(answered[1].get("rationale")) if answered else "",
                response_date=ident(answered[0].get("date")) if answered else ""))
        action_rows.extend(actions)
        if found is not None:
            eval_rows.append(EvaluationRow(
                id=key, title=title, status=ident(found.get("status")),
                type=text(found.get("type")), year=year_of(found),
                report_date=ident(found.get("report_date")), owner=ident(found.get("owner")),
                path=shown_path(found.path), recommendations=len(recommendations),
                responses=tuple(mr.id for mr in mrs)))
    return Rows(tuple(eval_rows), tuple(rec_rows), tuple(action_rows), _owner_names(records),
                record_owners)
