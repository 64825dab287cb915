"""What changed in the records between two revisions, in the words a reviewer uses: records
added or removed, decisions made or changed, actions added, removed, closed or reopened,
deadlines moved, owners changed.

Pure: two lists of Records in, a ChangeReport out. Records are matched by kind and id, items
inside them by id, so moving a file or reordering a list is not a change. Item-level changes
are listed for records present on both sides; a new or deleted record is one line.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, fields, replace
from typing import Any

from evalcheck.dates import due_day
from evalcheck.records import Record, mappings
from evalcheck.report.rows import CLOSED, NOT_REPORTED, ident, names, natural_key, text


@dataclass(frozen=True, slots=True)
class RecordChange:
    kind: str
    id: str
    title: str
    path: str
    evaluation: str
    owner: str


@dataclass(frozen=True, slots=True)
class ItemChange:
    """A change to one recommendation's answer or one action: `old` and `new` are the values
    before and after (a decision, a status, a deadline, or owner ids joined by ", ")."""

    evaluation: str
    response: str
    recommendation: str
    action: str
    text: str
    old: str
    new: str
    concerns: tuple[str, ...]
    """Owner ids this change concerns: the records' owners and the action's people."""
    days: int | None = None
    """For a moved deadline: how many days later (negative: earlier)."""


@dataclass(frozen=True, slots=True)
class OwnerChange:
    kind: str
    """evaluation, management-response, project, recommendation or action."""
    record: str
    item: str
    evaluation: str
    old: tuple[str, ...]
    new: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ChangeReport:
    base: str
    added: tuple[RecordChange, ...] = ()
    removed: tuple[RecordChange, ...] = ()
    decisions: tuple[ItemChange, ...] = ()
    actions_added: tuple[ItemChange, ...] = ()
    actions_removed: tuple[ItemChange, ...] = ()
    closed: tuple[ItemChange, ...] = ()
    reopened: tuple[ItemChange, ...] = ()
    status_changed: tuple[ItemChange, ...] = ()
    """Other status changes (e.g. not-started to in-progress)."""
    deadlines_moved: tuple[ItemChange, ...] = ()
    owners_changed: tuple[OwnerChange, ...] = ()

    @property
    def total(self) -> int:
        return sum(len(getattr(self, f.name)) for f in fields(self) if f.name != "base")


_Key = tuple[str, str]


def _index(records: Sequence[Record]) -> dict[_Key, Record]:
    out: dict[_Key, Record] = {}
    for record in sorted(records, key=lambda r: r.path):
        if record.kind and record.kind != "owners" and record.id:
            out.setdefault((record.kind, record.id), record)
    return out


def _evaluation_of(record: Record) -> str:
    return record.id if record.kind == "evaluation" else ident(record.get("evaluation"))


def _record_change(record: Record) -> RecordChange:
    title = text(record.get("title"))
    return RecordChange(record.kind or "", record.id, title, record.path,
                        _evaluation_of(record), ident(record.get("owner")))


def _answers(record: Record) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for _, answer in mappings(record.get("responses")):
        out.setdefault(ident(answer.get("recommendation")), answer)
    return out


def _actions(answer: dict[str, Any]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for i, action in mappings(answer.get("actions")):
        out.setdefault(ident(action.get("id")) or f"#{i + 1}", action)
    return out


def _people(action: dict[str, Any]) -> tuple[str, ...]:
    return names(action.get("responsible")) + names(action.get("supporting"))


def _status(action: dict[str, Any]) -> str:
    status = action.get("status")
    return status if isinstance(status, str) and status else NOT_REPORTED


_Found = Iterator[tuple[str, "ItemChange | OwnerChange"]]


def _response_changes(old: Record, new: Record, owners: tuple[str, ...]) -> _Found:
    evaluation = ident(new.get("evaluation"))
    before, after = _answers(old), _answers(new)
    for rid in sorted(before.keys() | after.keys(), key=natural_key):
        o, n = before.get(rid, {}), after.get(rid, {})
        od, nd = ident(o.get("decision")), ident(n.get("decision"))
        if od != nd and rid in after:
            people = tuple(p for a in _actions(n).values() for p in _people(a))
            yield "decisions", ItemChange(evaluation, new.id, rid, "", "", od, nd,
                                          owners + people)
        old_actions, new_actions = _actions(o), _actions(n)
        for aid in sorted(old_actions.keys() | new_actions.keys(), key=natural_key):
            yield from _action_changes(evaluation, new.id, rid, aid, old_actions.get(aid),
                                       new_actions.get(aid), owners)


def _action_changes(evaluation: str, response: str, rid: str, aid: str,
                    old: dict[str, Any] | None, new: dict[str, Any] | None,
                    owners: tuple[str, ...]) -> _Found:
    current = new if new is not None else old
    assert current is not None
    item = ItemChange(evaluation, response, rid, aid, text(current.get("description")), "", "",
                      owners + _people(current) + (_people(old) if old and new else ()))
    if old is None or new is None:
        yield ("actions_added" if old is None else "actions_removed"), item
        return
    os_, ns = _status(old), _status(new)
    if os_ != ns:
        kind = ("closed" if ns in CLOSED and os_ not in CLOSED else
                "reopened" if os_ in CLOSED and ns not in CLOSED else "status_changed")
        yield kind, replace(item, old=os_, new=ns)
    od, nd = ident(old.get("deadline")), ident(new.get("deadline"))
    if od != nd:
        a, b = due_day(od), due_day(nd)
        yield "deadlines_moved", replace(item, old=od, new=nd,
                                         days=(b - a).days if a and b else None)
    ro, rn = names(old.get("responsible")), names(new.get("responsible"))
    if sorted(ro) != sorted(rn):
        yield "owners_changed", OwnerChange("action", response, f"{rid}/{aid}", evaluation,
                                            ro, rn)


def _owner_changes(old: Record, new: Record) -> Iterator[OwnerChange]:
    kind = new.kind or ""
    oo, no = ident(old.get("owner")), ident(new.get("owner"))
    if oo != no:
        yield OwnerChange(kind, new.id, "", _evaluation_of(new), (oo,) if oo else (),
                          (no,) if no else ())
    if kind == "evaluation":
        before = {ident(r.get("id")): names(r.get("addressed_to"))
                  for _, r in mappings(old.get("recommendations"))}
        for _, rec in mappings(new.get("recommendations")):
            rid = ident(rec.get("id"))
            now = names(rec.get("addressed_to"))
            if rid in before and sorted(before[rid]) != sorted(now):
                yield OwnerChange("recommendation", new.id, rid, new.id, before[rid], now)


def compare(old_records: Sequence[Record], new_records: Sequence[Record],
            base: str = "") -> ChangeReport:
    """The changes from `old_records` (e.g. at a git revision) to `new_records`."""
    old, new = _index(old_records), _index(new_records)
    found: dict[str, list[Any]] = {f.name: [] for f in fields(ChangeReport) if f.name != "base"}
    for key in sorted(new.keys() - old.keys()):
        found["added"].append(_record_change(new[key]))
    for key in sorted(old.keys() - new.keys()):
        found["removed"].append(_record_change(old[key]))
    for key in sorted(old.keys() & new.keys()):
        before, after = old[key], new[key]
        found["owners_changed"].extend(_owner_changes(before, after))
        if key[0] == "management-response":
            evaluation = new.get(("evaluation", ident(after.get("evaluation"))))
            owners = tuple(o for o in (ident(after.get("owner")),
                                       ident(evaluation.get("owner")) if evaluation else "") if o)
            for section, change in _response_changes(before, after, owners):
                found[section].append(change)
    return ChangeReport(base, **{k: tuple(v) for k, v in found.items()})


def narrow(changes: ChangeReport, owner: str | None = None,
           evaluation: str | None = None) -> ChangeReport:
    """Only the changes that concern an evaluation and/or an owner (as report filters do)."""

    def keep(change: RecordChange | ItemChange | OwnerChange) -> bool:
        if evaluation and change.evaluation != evaluation:
            return False
        if not owner:
            return True
        if isinstance(change, RecordChange):
            return change.owner == owner
        if isinstance(change, OwnerChange):
            return owner in change.old or owner in change.new
        return owner in change.concerns

    kept: dict[str, Any] = {f.name: tuple(c for c in getattr(changes, f.name) if keep(c))
                            for f in fields(changes) if f.name != "base"}
    return replace(changes, **kept)
