"""The --owner and --evaluation filters: which rows and which lint problems a narrowed report
keeps.

One definition serves every section, so a programme manager's report never shows an overdue
action in one table that another table leaves out. With --owner, whoever owns an evaluation or
its management response sees all of it; anyone else sees the recommendations addressed to them,
the actions they are responsible for or support (and the actions of recommendations addressed
to them), and the evaluations those belong to.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from evalcheck.problems import Problem
from evalcheck.records import Record, mappings
from evalcheck.report.rows import ActionRow, RecommendationRow, Rows, ident


@dataclass(frozen=True, slots=True)
class Filters:
    owner: str | None = None
    evaluation: str | None = None

    @property
    def active(self) -> bool:
        return bool(self.owner or self.evaluation)


def _owned(rows: Rows, evaluation: str, owner: str) -> bool:
    return owner in rows.record_owners.get(evaluation, frozenset())


def _rec_keys(rows: Rows, owner: str) -> set[tuple[str, str]]:
    return {(r.evaluation, r.id) for r in rows.recommendations if owner in r.addressed_to}


def _action_in(a: ActionRow, rows: Rows, owner: str, addressed: set[tuple[str, str]]) -> bool:
    return (_owned(rows, a.evaluation, owner) or owner in a.owners
            or (a.evaluation, a.recommendation) in addressed)


def narrow(rows: Rows, filters: Filters) -> Rows:
    """The rows a filtered report counts (all of them when no filter is set)."""
    if filters.evaluation:
        wanted = filters.evaluation
        rows = replace(rows,
                       evaluations=tuple(e for e in rows.evaluations if e.id == wanted),
                       recommendations=tuple(r for r in rows.recommendations
                                             if r.evaluation == wanted),
                       actions=tuple(a for a in rows.actions if a.evaluation == wanted))
    owner = filters.owner
    if not owner:
        return rows
    addressed = _rec_keys(rows, owner)
    actions = tuple(a for a in rows.actions if _action_in(a, rows, owner, addressed))
    with_actions = {(a.evaluation, a.recommendation) for a in actions}

    def rec_in(r: RecommendationRow) -> bool:
        key = (r.evaluation, r.id)
        return _owned(rows, r.evaluation, owner) or key in addressed or key in with_actions

    recommendations = tuple(r for r in rows.recommendations if rec_in(r))
    touched = {r.evaluation for r in recommendations} | {a.evaluation for a in actions}
    evaluations = tuple(e for e in rows.evaluations
                        if e.id in touched or _owned(rows, e.id, owner))
    return replace(rows, evaluations=evaluations, recommendations=recommendations,
                   actions=actions)


@dataclass(frozen=True, slots=True)
class _Items:
    """Parts of a record in scope: whole subtrees, and nodes without their actions."""

    trees: frozenset[str]
    nodes: frozenset[str]

    def covers(self, item: str) -> bool:
        if any(item == t or item.startswith((t + ".", t + "[")) for t in self.trees):
            return True
        return any((item == n or item.startswith(n + ".")) and not item.startswith(n + ".actions")
                   for n in self.nodes)


def problem_filter(records: Sequence[Record], full: Rows, narrowed: Rows,
                   filters: Filters) -> Callable[[Problem], bool]:
    """Whether a lint problem belongs in the narrowed report: problems of records wholly in
    scope, and, in records only partly in scope, problems of the items that are."""
    if not filters.active:
        return lambda problem: True
    owner = filters.owner
    kept = {e.id for e in narrowed.evaluations} | {r.evaluation for r in narrowed.recommendations}
    projects: dict[str, set[str]] = {}
    for record in records:
        if record.kind == "evaluation" and isinstance(record.get("project"), str):
            projects.setdefault(record.get("project"), set()).add(record.id)
    whole: set[str] = set()
    parts: dict[str, _Items] = {}
    for record in records:
        kind = record.kind
        if kind == "project":
            linked = projects.get(record.id, set()) & kept
            if (not filters.evaluation or linked) and (not owner or record.get("owner") == owner):
                whole.add(record.path)
        elif kind == "owners":
            if owner and not filters.evaluation:
                parts[record.path] = _Items(frozenset({f"owners[{owner}]"}), frozenset())
        elif kind in ("evaluation", "management-response"):
            evaluation = record.id if kind == "evaluation" else ident(record.get("evaluation"))
            if evaluation not in kept:
                continue
            if not owner or _owned(full, evaluation, owner):
                whole.add(record.path)
            else:
                parts[record.path] = _items(record, narrowed, evaluation)

    def keep(problem: Problem) -> bool:
        if problem.path in whole:
            return True
        found = parts.get(problem.path)
        return found is not None and found.covers(problem.item)

    return keep


def _items(record: Record, rows: Rows, evaluation: str) -> _Items:
    recs = {r.id for r in rows.recommendations if r.evaluation == evaluation}
    if record.kind == "evaluation":
        return _Items(frozenset(f"recommendations[{rid}]" for rid in recs), frozenset())
    mine = {(a.recommendation, a.id) for a in rows.actions if a.response == record.id}
    trees: set[str] = set()
    nodes: set[str] = set()
    for _, answer in mappings(record.get("responses")):
        rid = ident(answer.get("recommendation"))
        if rid in recs:
            nodes.add(f"responses[{rid}]")
            trees.update(f"responses[{rid}].actions[{ident(a.get('id'))}]"
                         for _, a in mappings(answer.get("actions"))
                         if (rid, ident(a.get("id"))) in mine)
    return _Items(frozenset(trees), frozenset(nodes))
