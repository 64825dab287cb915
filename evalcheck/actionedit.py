"""Update one action of a management response: `RESPONSE_ID#ACTION_ID key=value ...`.

The edit goes through evalcheck.roundtrip, so the record keeps its comments, key order,
quoting and layout; only the lines of the changed fields differ. Pure apart from nothing:
text in, text out; the command validates the result and writes it.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from evalcheck import roundtrip
from evalcheck.discover import UsageError
from evalcheck.emit import plain_ok
from evalcheck.office.when import parse_when
from evalcheck.records import Record, mappings

SETTABLE = ("status", "completed_on", "deadline", "responsible", "supporting")
_ORDER = ("id", "description", "deadline", "original_deadline", "responsible", "supporting",
          "status", "completed_on", "updates")
_LISTS = ("responsible", "supporting")
_DATES = ("deadline", "completed_on")
EXAMPLE = "MR-2022-ROBA-UNNM#4.1"


class NotFound(UsageError):
    """No such management response or action (exit 2, with the nearest names)."""


@dataclass(frozen=True)
class ActionRef:
    """RESPONSE_ID#ACTION_ID; the action part may be RECOMMENDATION/ACTION_ID when action
    ids repeat across recommendations (MR-1#R2/1)."""

    response: str
    action: str

    def __str__(self) -> str:
        return f"{self.response}#{self.action}"


def parse_ref(text: str) -> ActionRef:
    response, sep, action = text.partition("#")
    if not sep or not response.strip() or not action.strip():
        raise UsageError(f"name the action as RESPONSE_ID#ACTION_ID, e.g. {EXAMPLE} "
                         f"(got {text!r})")
    return ActionRef(response.strip(), action.strip())


def parse_assignments(pairs: Sequence[str]) -> dict[str, str]:
    """{"status": "completed", ...} from key=value words; an empty value removes the field."""
    out: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        name = name.strip()
        if not sep or not name:
            raise UsageError(f"{pair!r} is not key=value (e.g. status=completed)")
        if name not in SETTABLE:
            close = difflib.get_close_matches(name, SETTABLE, n=1)
            hint = f"did you mean {close[0]}? " if close else ""
            raise UsageError(f"cannot set {name!r}: {hint}settable: {', '.join(SETTABLE)}")
        if name in out:
            raise UsageError(f"{name} is given twice")
        out[name] = value.strip()
    return out


def _action_id(action: dict[str, Any]) -> str:
    value = action.get("id")
    return str(value) if isinstance(value, (str, int, float)) else ""


def find_action(records: Iterable[Record], ref: ActionRef) -> tuple[Record, int, int]:
    """The record and the (response, action) list positions of the action named by ref."""
    responses = [r for r in records if r.kind == "management-response"]
    same = [r for r in responses if r.id == ref.response]
    if len(same) > 1:
        raise NotFound(f"{ref.response} is the id of {len(same)} records ("
                       + ", ".join(r.path for r in same) + "); give one of them another id")
    record = same[0] if same else None
    if record is None:
        close = difflib.get_close_matches(ref.response, [r.id for r in responses], n=3)
        hint = f"; did you mean {' or '.join(close)}?" if close else (
            "; the management responses are: " + ", ".join(sorted(r.id for r in responses))
            if responses else "")
        raise NotFound(f"no management response with id {ref.response!r}{hint}")
    found, names = [], []
    for ri, response in mappings(record.get("responses")):
        rec = str(response.get("recommendation", ""))
        for ai, action in mappings(response.get("actions")):
            names.append((f"{rec}/{_action_id(action)}", _action_id(action)))
            if ref.action in (_action_id(action), f"{rec}/{_action_id(action)}"):
                found.append((ri, ai, rec))
    if len(found) > 1:
        choices = ", ".join(f"{ref.response}#{rec}/{ref.action}" for _, _, rec in found)
        raise NotFound(f"{ref} names {len(found)} actions; say which: {choices}")
    if not found:
        ids = list(dict.fromkeys(short for _, short in names))
        close = difflib.get_close_matches(ref.action, ids, n=3, cutoff=0.5)
        hint = f"did you mean {' or '.join(f'{ref.response}#{c}' for c in close)}? " \
            if close else ""
        raise NotFound(f"{ref.response} has no action {ref.action!r}; {hint}its actions: "
                       + ", ".join(ids))
    return record, found[0][0], found[0][1]


@dataclass(frozen=True)
class Change:
    field: str
    old: str
    new: str


def _shown(value: Any) -> str:
    if value is None:
        return "(none)"
    if isinstance(value, list):
        return "[" + ", ".join(str(v) for v in value) + "]"
    return str(value)


def _scalar(text: str) -> Any:
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    return text if plain_ok(text) else DoubleQuotedScalarString(text)


def _date(text: str) -> Any:
    """A date field's new value: 2026-11-20 written bare, "Nov 2026" read as 2026-11; what is
    not a date stays as typed so that validation names the problem."""
    iso = parse_when(text, day_first=None)
    if iso is None:
        return _scalar(text)
    return dt.date.fromisoformat(iso) if len(iso) == 10 else iso


def _ids(text: str, old: Any) -> Any:
    from ruamel.yaml.comments import CommentedSeq

    seq = CommentedSeq(_scalar(part.strip()) for part in text.split(",") if part.strip())
    if hasattr(old, "fa") and old.fa.flow_style():
        seq.fa.set_flow_style()
    return seq


def _insert(action: Any, key: str, value: Any) -> None:
    """Put a new field where the record model lists it (original_deadline after deadline)."""
    rank = _ORDER.index(key)
    position = 0
    for i, existing in enumerate(action):
        if existing in _ORDER and _ORDER.index(existing) < rank:
            position = i + 1
    action.insert(position, key, value)


def _put(action: Any, key: str, value: Any) -> None:
    if key in action:
        action[key] = value
    else:
        _insert(action, key, value)


def _shared(node: Any, top: bool = False) -> str | None:
    """How node may stand in several places of the file: "the YAML anchor &name" (it or, unless
    top, a node below it is anchored, so an alias repeats it) or "a merge (<<)"; else None."""
    anchor = getattr(getattr(node, "anchor", None), "value", None)
    if anchor:
        return f"the YAML anchor &{anchor}"
    if getattr(node, "merge", None):
        return "a merge (<<)"
    if top:
        return None
    children = node.values() if isinstance(node, dict) else node if isinstance(node, list) \
        else ()
    return next((found for child in children if (found := _shared(child))), None)


def apply(text: str, response: int, action: int, values: dict[str, str], note: str | None,
          today: dt.date) -> tuple[str, list[Change]]:
    """The record's new text and the list of changes made to the action."""
    changes: list[Change] = []

    def change(data: Any, yaml: Any) -> None:
        from ruamel.yaml.comments import CommentedMap, CommentedSeq

        path = [data.get("responses")]
        path.append(path[-1][response])
        path.append(path[-1]["actions"])
        target = path[-1][action]
        label = f"action {_action_id(target)}"
        for node in path:
            if getattr(getattr(node, "anchor", None), "value", None):
                raise roundtrip.EditError(f"{label} sits inside a part of the file that is "
                                          "shared through a YAML anchor (&name) and alias "
                                          "(*name); write it out in full first")
        touched = [*values, "original_deadline", "updates"]
        found = _shared(target, top=True)
        shared = (label, found) if found else next(
            ((f"{label}'s {key}", how) for key in touched if (how := _shared(target.get(key)))),
            None)
        if shared:
            raise roundtrip.EditError(f"{shared[0]} is shared through {shared[1]}, so an edit "
                                      "would also change its twin elsewhere in the file; "
                                      "write it out in full first")
        for key, raw in values.items():
            old = target.get(key)
            if raw == "":
                if key in target:
                    del target[key]
                    changes.append(Change(key, _shown(old), "(none)"))
                continue
            new = _ids(raw, old) if key in _LISTS else _date(raw) if key in _DATES \
                else _scalar(raw)
            if _shown(new) == _shown(old):
                continue
            _put(target, key, new)
            changes.append(Change(key, _shown(old), _shown(new)))
            if key == "deadline" and old is not None and "original_deadline" not in target:
                _insert(target, "original_deadline", old)
                changes.append(Change("original_deadline", "(none)", _shown(old)))
        if note:
            updates = target.get("updates")
            if updates is None:
                updates = CommentedSeq()
                _insert(target, "updates", updates)
            entry = CommentedMap([("date", today), ("text", _scalar(note))])
            if updates and hasattr(updates[-1], "fa") and updates[-1].fa.flow_style():
                entry.fa.set_flow_style()
            updates.append(entry)
            changes.append(Change("updates", "", f"+ {today.isoformat()}: {note}"))

    return roundtrip.edit(text, change), changes
