"""JSON Schema errors in words an M&E officer understands: one finding per problem, saying what
to write instead ("did you mean 'accepted'?", "write [undp-fiji]", "write 2024-12-31", "leave
it out"), never the validator's jargon or Python's `None`.

Pure: jsonschema's errors and the record's data in, findings out (used by evalcheck.schemas).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from typing import Any

from evalcheck.dates import PATTERN_FIELDS
from evalcheck.datewords import date_words
from evalcheck.problems import DataPath, Finding, item_label
from evalcheck.records import describe
from evalcheck.words.text import fold
from evalcheck.words.vocabulary import DECISION_VALUES, STATUS_VALUES, map_decision, map_status

CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
"""No value a pattern describes (ids, dates, codes) may hold one: Python's `$` matches before a
final newline, so "EV-1\\n" would pass a pattern written for "EV-1"."""

_OWNER_REQUIRED = {"owner", "addressed_to", "responsible"}
_TYPE_WORDS = {
    "string": "text", "number": "a number", "integer": "a whole number", "boolean": "yes/no",
    "array": "a list", "object": "a mapping of fields", "null": "empty",
}
# Where the words are kept when they are the source's, not the contract's value.
_OWN_WORDS = {"status": "status_text", "decision": "decision_text"}


def field_label(path: DataPath) -> str:
    return item_label(path) or "the record"


def _type_words(expected: Any) -> str:
    if isinstance(expected, list):
        return " or ".join(_TYPE_WORDS.get(t, str(t)) for t in expected)
    return _TYPE_WORDS.get(expected, str(expected))


def _actual_words(value: Any) -> str:
    if isinstance(value, bool):
        return "a yes/no value"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the text {value!r}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return "empty"


def _missing(error: Any) -> str:
    """The property a `required` error is about: jsonschema raises one error per missing
    property, all with the same list, so the first absent one would name only that one."""
    absent = [m for m in error.validator_value
              if isinstance(error.instance, dict) and m not in error.instance]
    named = [m for m in absent if error.message.startswith(repr(m))]
    return (named or absent or [""])[0]


def _unknown_fields(error: Any) -> list[tuple[str, str | None]]:
    """(unknown field, the known field it is closest to) for every unknown field of a mapping;
    a known field the mapping lacks is the likelier meaning, so it is preferred."""
    allowed = list(error.schema.get("properties", {}))
    present = set(error.instance)
    absent = [k for k in allowed if k not in present]
    out = []
    for name in error.instance:
        if name in allowed or str(name).startswith("x-"):
            continue
        close = (difflib.get_close_matches(str(name), absent, n=1)
                 or difflib.get_close_matches(str(name), allowed, n=1))
        out.append((name, close[0] if close else None))
    return out


def typos(errors: Iterable[Any]) -> set[tuple[DataPath, str]]:
    """(mapping path, required field) pairs that a misspelt field explains: `descripton` is
    reported once, as an unknown field, not also as a missing `description`."""
    out: set[tuple[DataPath, str]] = set()
    for error in errors:
        if error.validator == "additionalProperties" and isinstance(error.instance, dict):
            required = set(error.schema.get("required", []))
            for _, close in _unknown_fields(error):
                if close is not None and close in required and close not in error.instance:
                    out.add((tuple(error.absolute_path), close))
    return out


def explained_by_typo(error: Any, explained: set[tuple[DataPath, str]]) -> bool:
    return error.validator == "required" and \
        (tuple(error.absolute_path), _missing(error)) in explained


def _suggestion(value: Any, allowed: list[str], field: str) -> tuple[str | None, str]:
    """(the allowed value meant, "") or (None, a note when the words are no value at all)."""
    if not isinstance(value, str):
        return None, ""
    folded = re.sub(r"[\s_]+", "-", fold(value).strip())
    for option in allowed:
        if folded == option:
            return option, ""
    if field == "status" and set(allowed) & set(STATUS_VALUES):
        reading = map_status(value)
    elif field == "decision" and set(allowed) <= set(DECISION_VALUES):
        reading = map_decision(value)
    else:
        close = difflib.get_close_matches(folded, allowed, n=1, cutoff=0.75)
        return (close[0] if close else None), ""
    if reading.value in allowed:
        return reading.value, ""
    if reading.understood and reading.value is None and _OWN_WORDS.get(field):
        return None, f"{value!r} is no {field}"
    close = difflib.get_close_matches(folded, allowed, n=1, cutoff=0.75)
    return (close[0] if close else None), ""


def _enum(where: str, path: DataPath, value: Any, options: list[Any]) -> Finding:
    allowed = [str(o) for o in options if o is not None]
    empty_ok = len(allowed) < len(options)
    listing = ", ".join(allowed) + (", or leave it out" if empty_ok else "")
    field = str(path[-1]) if path else ""
    meant, note = _suggestion(value, allowed, field)
    own = _OWN_WORDS.get(field)
    if meant is not None:
        return Finding(f"{where} is {value!r}: did you mean {meant!r}?", path=path,
                       check="schema", hint=f"{field or 'it'} is one of: {listing}")
    if note and empty_ok and own:
        return Finding(f"{where}: {note}", path=path, check="schema",
                       hint=f"leave {field} out and keep the words in {own}")
    shown = "empty" if value is None else repr(value)
    return Finding(f"{where} is {shown}, which is not one of: {listing}", path=path,
                   check="schema")


def _scalar_for_list(value: Any) -> str:
    text = str(value).lower() if isinstance(value, bool) else str(value)
    return "[" + ", ".join(p.strip() for p in text.split(",")) + "]"


def _pattern(where: str, value: str, pattern: str, path: DataPath,
             description: str) -> Finding:
    if CONTROL.search(value):
        return Finding(f"{where}: {value!r} holds a line break or other control character",
                       path=path, check="schema",
                       hint="remove it: write the value on one line, with no escapes like \\n")
    field = PATTERN_FIELDS.get(pattern)
    if field is None:
        return Finding(f"{where}: {value!r} does not have the expected form",
                       path=path, check="schema", hint=description[:200])
    message, hint = date_words(value, field)
    return Finding(f"{where}: {message}", path=path, check="schema", hint=hint)


def translate(error: Any, data: Any) -> list[Finding]:
    """One jsonschema error -> its findings (one, or one per unknown field of a mapping), in
    plain words and under the right check."""
    path: DataPath = tuple(error.absolute_path)
    where = field_label(path)
    v = error.validator
    if v == "required":
        missing = _missing(error)
        thing = describe(data, path)
        label = f"{where}.{missing}" if path else missing
        if missing in _OWNER_REQUIRED:
            return [Finding(f"{label} is required: {thing or 'the record'} names no owner",
                            path=path, check="missing-owner",
                            hint="name who is accountable: an owner id from the owners registry")]
        return [Finding(f"{label} is required" + (f" ({thing})" if thing else ""),
                        path=path, check="schema")]
    if v == "minItems" and path and path[-1] in _OWNER_REQUIRED:
        thing = describe(data, path[:-1]) or "the record"
        return [Finding(f"{where} is an empty list: {thing} names no owner", path=path,
                        check="missing-owner", hint="name at least one owner id")]
    if v == "additionalProperties" and isinstance(error.instance, dict):
        allowed = list(error.schema.get("properties", {}))
        return [Finding(f"{where}: unknown field {name!r}" if path else f"unknown field {name!r}",
                        path=(*path, name), key=True, check="schema",
                        hint=f"did you mean {close}?" if close else (
                            "known fields: " + ", ".join(allowed)
                            + "; or prefix your own field with x-"))
                for name, close in _unknown_fields(error)]
    if v == "type":
        expected, value = error.validator_value, error.instance
        if expected == "array" and isinstance(value, (str, int, float)) and value != "":
            return [Finding(f"{where} should be a list, not {_actual_words(value)}: write "
                            f"{_scalar_for_list(value)}", path=path, check="schema")]
        return [Finding(f"{where} should be {_type_words(expected)}, not {_actual_words(value)}",
                        path=path, check="schema")]
    if v == "enum":
        return [_enum(where, path, error.instance, list(error.validator_value))]
    if v == "const":
        return [Finding(f"{where} must be {error.validator_value!r}", path=path, check="schema")]
    if v == "pattern" and isinstance(error.instance, str):
        return [_pattern(where, error.instance, error.validator_value, path,
                         str(error.schema.get("description", "")))]
    if v in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        word = "at least" if "inimum" in v else "at most"
        return [Finding(f"{where} is {error.instance}, but must be {word} "
                        f"{error.validator_value}", path=path, check="schema")]
    if v == "minLength":
        return [Finding(f"{where} is empty", path=path, check="schema")]
    if v == "minItems":
        return [Finding(f"{where} needs at least {error.validator_value} item(s)",
                        path=path, check="schema")]
    return [Finding(f"{where}: {error.message}", path=path, check="schema")]
