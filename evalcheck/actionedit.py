"""Update one action of a management response (`RESPONSE_ID#ACTION_ID key=value ...`), or
the decision on one recommendation (`RESPONSE_ID#RECOMMENDATION_ID decision=...`).

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
from evalcheck.records import Record, mappings
from evalcheck.words.vocabulary import map_decision, map_status
from evalcheck.words.when import map_deadline, parse_when

SETTABLE = ("status", "status_text", "completed_on", "deadline", "deadline_note", "responsible",
            "supporting", "comments", "evidence", "validated")
_ORDER = ("id", "description", "deadline", "original_deadline", "deadline_note",
          "deadline_changes", "responsible", "supporting", "status", "status_text",
          "completed_on", "validated", "evidence", "comments", "updates")
RESPONSE_SETTABLE = ("decision", "decision_text", "rationale")
_RESPONSE_ORDER = ("recommendation", "decision", "decision_text", "rationale", "actions")
_LISTS = ("responsible", "supporting", "evidence")
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
        if name not in SETTABLE + RESPONSE_SETTABLE:
            close = difflib.get_close_matches(name, SETTABLE + RESPONSE_SETTABLE, n=1)
            hint = f"did you mean {close[0]}? " if close else ""
            raise UsageError(f"cannot set {name!r}: {hint}settable: {', '.join(SETTABLE)} "
                             f"on an action; {', '.join(RESPONSE_SETTABLE)} on a "
                             "recommendation's response")
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


def _insert(action: Any, key: str, value: Any, order: tuple[str, ...] = _ORDER) -> None:
    """Put a new field where the record model lists it (original_deadline after deadline)."""
    rank = order.index(key)
    position = 0
    for i, existing in enumerate(action):
        if existing in order and order.index(existing) < rank:
            position = i + 1
    action.insert(position, key, value)


def _put(action: Any, key: str, value: Any, order: tuple[str, ...] = _ORDER) -> None:
    if key in action:
        action[key] = value
    else:
        _insert(action, key, value, order)


def interpret(values: dict[str, str]) -> tuple[dict[str, str], str]:
    """The fields to write for the words given: status and deadline as a matrix writes them
    ("Initiée", "T3 2025", "No due date") mapped the way `import matrix` maps them, with the
    words kept in status_text / deadline_note where they differ. A value given explicitly
    wins over a derived one; "" removes a field. Also returns the deadline note that a status
    such as "No deadline established" asks for when the action has no deadline."""
    out = dict(values)
    note_if_undated = ""
    words = values.get("status", "")
    reading = map_status(words) if words else None
    if reading is not None and reading.understood:
        out["status"] = reading.value or ""
        out.setdefault("status_text", reading.text)
        note_if_undated = reading.deadline_note
    words = values.get("deadline", "")
    deadline = map_deadline(words, day_first=None) if words else None
    if deadline is not None and deadline.understood:
        out["deadline"] = deadline.value or ""
        out.setdefault("deadline_note", deadline.note)
    return out, note_if_undated


def _fresh(value: Any) -> Any:
    """A new node for a value written in a second place: ruamel writes one object found in two
    places as an anchor and an alias (&id001 / *id001), which no one wants in a record."""
    if isinstance(value, dt.date):
        return dt.date(value.year, value.month, value.day)
    return _date(str(value))


def _mapping(pairs: list[tuple[str, Any]], flow: bool) -> Any:
    from ruamel.yaml.comments import CommentedMap

    entry = CommentedMap(pairs)
    if flow:
        entry.fa.set_flow_style()
    return entry


def _flow(items: Any) -> bool:
    return bool(items) and hasattr(items[-1], "fa") and items[-1].fa.flow_style()


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


@dataclass(frozen=True)
class Log:
    """What `set` records beside the fields: why a deadline moved, and a dated note."""

    today: dt.date
    note: str | None = None
    note_date: dt.date | None = None
    reason: str | None = None
    approved_by: str | None = None


def apply(text: str, response: int, action: int, values: dict[str, str], log: Log,
          ) -> tuple[str, list[Change]]:
    """The record's new text and the list of changes made to the action."""
    changes: list[Change] = []
    fields, note_if_undated = interpret(values)
    today = log.today

    def change(data: Any, yaml: Any) -> None:
        from ruamel.yaml.comments import CommentedSeq

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
        touched = [*fields, "original_deadline", "deadline_changes", "updates"]
        found = _shared(target, top=True)
        shared = (label, found) if found else next(
            ((f"{label}'s {key}", how) for key in touched if (how := _shared(target.get(key)))),
            None)
        if shared:
            raise roundtrip.EditError(f"{shared[0]} is shared through {shared[1]}, so an edit "
                                      "would also change its twin elsewhere in the file; "
                                      "write it out in full first")
        old_deadline = target.get("deadline")
        for key, raw in fields.items():
            old = target.get(key)
            if raw == "":
                if key in target:
                    del target[key]
                    changes.append(Change(key, _shown(old), "(none)"))
                continue
            new = _ids(raw, old) if key in _LISTS else _date(raw) if key in _DATES \
                else _mapping([("by", _scalar(raw)), ("on", _fresh(today))], True) \
                if key == "validated" else _scalar(raw)
            if _shown(new) == _shown(old) and key != "validated":
                continue
            _put(target, key, new)
            changes.append(Change(key, _shown(old), _shown(new)))
        new_deadline = target.get("deadline")
        moved = old_deadline is not None and new_deadline is not None \
            and _shown(old_deadline) != _shown(new_deadline)
        if moved and "original_deadline" not in target:
            _insert(target, "original_deadline", _fresh(old_deadline))
            changes.append(Change("original_deadline", "(none)", _shown(old_deadline)))
        if log.reason is not None and not moved:
            raise roundtrip.EditError(
                f"--reason explains a moved deadline, and this edit moves none for {label}"
                + ("" if old_deadline is not None else " (it had no deadline to move)"))
        if moved and (log.reason is not None or "deadline_changes" in target):
            history = target.get("deadline_changes")
            if history is None:
                history = CommentedSeq()
                _insert(target, "deadline_changes", history)
            entry = [("date", _fresh(today)), ("from", _fresh(old_deadline)),
                     ("to", _fresh(new_deadline))]
            entry += [("reason", _scalar(log.reason))] if log.reason else []
            entry += [("approved_by", _scalar(log.approved_by))] if log.approved_by else []
            history.append(_mapping(entry, _flow(history)))
            changes.append(Change("deadline_changes", "", f"+ {today.isoformat()}: "
                                  f"{_shown(old_deadline)} -> {_shown(new_deadline)}"
                                  + (f" ({log.reason})" if log.reason else "")))
        if note_if_undated and "deadline" not in target and "deadline_note" not in target:
            _insert(target, "deadline_note", _scalar(note_if_undated))
            changes.append(Change("deadline_note", "(none)", note_if_undated))
        if log.note:
            updates = target.get("updates")
            if updates is None:
                updates = CommentedSeq()
                _insert(target, "updates", updates)
            day = log.note_date or today
            entry = _mapping([("date", _fresh(day)), ("text", _scalar(log.note))],
                             _flow(updates))
            later = [i for i, u in enumerate(updates)
                     if isinstance(u, dict) and str(u.get("date", "")) > day.isoformat()]
            updates.insert(later[0] if later else len(updates), entry)
            changes.append(Change("updates", "", f"+ {day.isoformat()}: {log.note}"))

    return roundtrip.edit(text, change), changes


def find_response(records: Iterable[Record], ref: ActionRef) -> tuple[Record, int]:
    """The record and list position of the response to the recommendation named by ref
    (RESPONSE_ID#RECOMMENDATION_ID)."""
    responses = [r for r in records if r.kind == "management-response" and r.id == ref.response]
    if len(responses) != 1:
        find_action(records, ref)  # says why: no such response, or its id used twice
    record = responses[0]
    answered = [(i, str(item.get("recommendation", "")))
                for i, item in mappings(record.get("responses"))]
    found = [i for i, rec in answered if rec == ref.action]
    if len(found) > 1:
        raise NotFound(f"{ref.response} answers recommendation {ref.action} {len(found)} "
                       "times; merge the answers first")
    if not found:
        recs = list(dict.fromkeys(rec for _, rec in answered if rec))
        close = difflib.get_close_matches(ref.action, recs, n=3, cutoff=0.5)
        hint = f"did you mean {' or '.join(f'{ref.response}#{c}' for c in close)}? " \
            if close else ""
        raise NotFound(f"{ref.response} answers no recommendation {ref.action!r}; {hint}"
                       "it answers: " + ", ".join(recs))
    return record, found[0]


def interpret_decision(values: dict[str, str]) -> dict[str, str]:
    """The fields to write for a decision given in words: "Agree" -> accepted, keeping
    "Agree" in decision_text; "Noted" -> no decision, the words in decision_text. Words that
    are no decision evalcheck knows stay as typed, so validation names them."""
    out = dict(values)
    words = values.get("decision", "")
    reading = map_decision(words) if words else None
    if reading is not None and reading.understood:
        out["decision"] = reading.value or ""
        out.setdefault("decision_text", reading.text)
    return out


def apply_decision(text: str, response: int, values: dict[str, str]
                   ) -> tuple[str, list[Change]]:
    """The record's new text and the changes made to one recommendation's response."""
    changes: list[Change] = []
    fields = interpret_decision(values)

    def change(data: Any, yaml: Any) -> None:
        answers = data.get("responses")
        target = answers[response]
        label = f"the response to recommendation {target.get('recommendation')}"
        shared = _shared(answers, top=True) or _shared(target, top=True) or next(
            (how for key in fields if (how := _shared(target.get(key)))), None)
        if shared:
            raise roundtrip.EditError(f"{label} is shared through {shared}, so an edit would "
                                      "also change its twin elsewhere in the file; write it "
                                      "out in full first")
        for key, raw in fields.items():
            old = target.get(key)
            if raw == "":
                if key in target:
                    del target[key]
                    changes.append(Change(key, _shown(old), "(none)"))
                continue
            new = _scalar(raw)
            if _shown(new) != _shown(old):
                _put(target, key, new, _RESPONSE_ORDER)
                changes.append(Change(key, _shown(old), _shown(new)))

    return roundtrip.edit(text, change), changes
