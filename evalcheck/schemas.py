"""The JSON Schemas of schema/ and record validation in words an M&E officer understands.

schema/ is the single source of truth: an installed wheel carries those files as
evalcheck/schema/ (see pyproject.toml), a source checkout reads them in place.
"""

from __future__ import annotations

import difflib
import functools
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from evalcheck.dates import is_real_date
from evalcheck.problems import DataPath, Finding
from evalcheck.records import KINDS, Record, describe
from evalcheck.yamlload import TIMESTAMP, PlainScalar

_OWNER_REQUIRED = {"owner", "addressed_to", "responsible"}
_TYPE_WORDS = {
    "string": "text", "number": "a number", "integer": "a whole number", "boolean": "yes/no",
    "array": "a list", "object": "a mapping of fields", "null": "empty",
}


def schema_dir() -> Path:
    """Where the schemas are: inside the installed package, else the checkout's schema/."""
    here = Path(__file__).resolve().parent
    installed = here / "schema"
    return installed if installed.is_dir() else here.parent / "schema"


@functools.cache
def load_schema(kind: str) -> dict[str, Any]:
    with open(schema_dir() / f"{kind}.schema.json", encoding="utf-8") as fh:
        schema: dict[str, Any] = json.load(fh)
    return schema


@functools.lru_cache(maxsize=64)
def _validator(kind: str, only: tuple[str, ...] | None = None) -> Any:
    """python-jsonschema for a kind; with `only`, the top-level fields not named there are
    accepted as they are (jsonschema-rs found nothing wrong in them, see _failing_fields)."""
    from jsonschema import Draft202012Validator, FormatChecker

    checker = FormatChecker()
    checker.checks("date-or-month")(is_real_date)
    schema = load_schema(kind)
    if only is not None:
        schema = {**schema, "properties": {name: sub if name in only else True
                                           for name, sub in schema["properties"].items()}}
    return Draft202012Validator(schema, format_checker=checker)


@functools.cache
def _field_validators(kind: str) -> dict[str, Any]:
    """jsonschema-rs for each top-level field of a kind ({} without jsonschema-rs)."""
    if _fast_validator(kind) is None:
        return {}
    import jsonschema_rs

    schema = load_schema(kind)
    out: dict[str, Any] = {}
    for name, sub in schema["properties"].items():
        whole = {"$schema": schema.get("$schema"), "$defs": schema.get("$defs", {}),
                 **(sub if isinstance(sub, dict) else {})}
        try:
            out[name] = jsonschema_rs.validator_for(whole, validate_formats=True,
                                                    formats={"date-or-month": is_real_date})
        except Exception:  # pragma: no cover - then python-jsonschema checks all of it
            return {}
    return out


def _failing_fields(kind: str, data: dict[str, Any]) -> tuple[str, ...] | None:
    """The top-level fields of an invalid record that jsonschema-rs rejects (None: check them
    all). python-jsonschema, which words the messages, then walks only those: a long
    response missing its owner is checked in a fraction of the time. jsonschema-rs is at
    least as strict (see _fast_validator), so the fields it accepts hold no error."""
    validators = _field_validators(kind)
    if not validators:
        return None
    failing = []
    for name, value in data.items():
        validator = validators.get(name)
        if validator is None:
            continue
        try:
            ok = bool(validator.is_valid(value))
        except Exception:  # values JSON cannot hold: let python decide
            ok = False
        if not ok:
            failing.append(name)
    return tuple(sorted(failing))


@functools.cache
def _fast_validator(kind: str) -> Any:
    """jsonschema-rs, when installed: a yes/no answer ~50x faster than python-jsonschema.

    It is at least as strict as the python validator on our schemas (its email format is
    stricter, its `$` does not match before a final newline), so a record it accepts has no
    errors; a record it rejects goes to python-jsonschema, whose errors make the messages.
    """
    try:
        import jsonschema_rs
    except ImportError:
        return None
    try:
        return jsonschema_rs.validator_for(load_schema(kind), validate_formats=True,
                                           formats={"date-or-month": is_real_date})
    except Exception:  # pragma: no cover - an old or broken jsonschema-rs: use the slow path
        return None


def _surely_valid(kind: str, data: Any) -> bool:
    validator = _fast_validator(kind)
    if validator is None:
        return False
    try:
        return bool(validator.is_valid(data))
    except Exception:  # values JSON cannot hold (NaN, huge integers): let python decide
        return False


def resolve(schema: dict[str, Any], node: Any) -> Any:
    """Follow local $refs."""
    seen = 0
    while isinstance(node, dict) and "$ref" in node and seen < 20:
        ref = node["$ref"]
        target: Any = schema
        for part in ref.lstrip("#/").split("/"):
            target = target.get(part, {}) if isinstance(target, dict) else {}
        merged = {**target, **{k: v for k, v in node.items() if k != "$ref"}}
        node, seen = merged, seen + 1
    return node


def subschema_at(kind: str, path: DataPath) -> dict[str, Any] | None:
    """The schema that applies at a data path, or None where the schema says nothing."""
    schema = load_schema(kind)
    node: Any = schema
    for part in path:
        node = resolve(schema, node)
        if not isinstance(node, dict):
            return None
        if isinstance(part, int):
            node = node.get("items")
        else:
            props = node.get("properties", {})
            extra = node.get("additionalProperties")
            node = props.get(part) if part in props else (
                extra if isinstance(extra, dict) else None)
        if node is None:
            return None
    node = resolve(schema, node)
    return node if isinstance(node, dict) else None


def wants_text(kind: str, path: DataPath) -> bool:
    """Whether the schema wants text at this data path (list positions do not matter)."""
    return _wants_text(kind, tuple(0 if isinstance(p, int) else p for p in path))


@functools.lru_cache(maxsize=4096)
def _wants_text(kind: str, path: DataPath) -> bool:
    sub = subschema_at(kind, path)
    if sub is None:
        return False
    if sub.get("format") == "date-or-month":
        return False  # a date field: unquoted dates are what it wants
    types = sub.get("type")
    if types is None and isinstance(sub.get("enum"), list):
        return all(isinstance(v, str) for v in sub["enum"])
    return types == "string" or (isinstance(types, list) and "string" in types)


def _plain_value_words(scalar: PlainScalar) -> str:
    value = scalar.value
    if isinstance(value, bool):
        return f"a yes/no value ({str(value).lower()})"
    if isinstance(value, (int, float)):
        return f"the number {value!r}" if str(value) != scalar.text else "a number"
    if TIMESTAMP.fullmatch(scalar.text):
        return "a date by other YAML tools"
    return "a number by other YAML tools"


def ambiguous_scalars(record: Record, kind: str) -> Iterator[Finding]:
    """Unquoted scalars that YAML turns into yes/no, numbers or dates where text is wanted."""
    for scalar in record.doc.plain_scalars:
        if wants_text(kind, scalar.path):
            yield Finding(
                f"{_field(scalar.path)}: {scalar.text} is read as {_plain_value_words(scalar)}, "
                "not as text",
                path=scalar.path, check="ambiguous-scalar",
                hint=f'put it in quotes: "{scalar.text}"',
            )


def _field(path: DataPath) -> str:
    from evalcheck.problems import item_label

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


def _translate(error: Any, data: Any) -> Finding:
    """One jsonschema error -> one finding with a plain-language message and the right check."""
    path: DataPath = tuple(error.absolute_path)
    where = _field(path)
    v = error.validator
    if v == "required":
        missing = _missing(error)
        thing = describe(data, path)
        label = f"{where}.{missing}" if path else missing
        if missing in _OWNER_REQUIRED:
            return Finding(f"{label} is required: {thing or 'the record'} names no owner",
                           path=path, check="missing-owner",
                           hint="name who is accountable: an owner id from the owners registry")
        return Finding(f"{label} is required" + (f" ({thing})" if thing else ""),
                       path=path, check="schema")
    if v == "minItems" and path and path[-1] in _OWNER_REQUIRED:
        thing = describe(data, path[:-1]) or "the record"
        return Finding(f"{where} is an empty list: {thing} names no owner", path=path,
                       check="missing-owner", hint="name at least one owner id")
    if v == "additionalProperties" or (v == "patternProperties" and error.instance):
        allowed = list(error.schema.get("properties", {}))
        extras = [k for k in error.instance if k not in allowed and not str(k).startswith("x-")]
        name = extras[0] if extras else ""
        close = difflib.get_close_matches(str(name), allowed, n=1)
        hint = f"did you mean {close[0]}?" if close else (
            "known fields: " + ", ".join(allowed) + "; or prefix your own field with x-")
        return Finding(f"{where}: unknown field {name!r}" if path else f"unknown field {name!r}",
                       path=(*path, name), key=True, check="schema", hint=hint)
    if v == "type":
        return Finding(f"{where} should be {_type_words(error.validator_value)}, "
                       f"not {_actual_words(error.instance)}", path=path, check="schema")
    if v == "enum":
        options = ", ".join(str(o) for o in error.validator_value)
        shown = "empty" if error.instance is None else repr(error.instance)
        return Finding(f"{where} is {shown}, which is not one of: {options}",
                       path=path, check="schema")
    if v == "const":
        return Finding(f"{where} must be {error.validator_value!r}", path=path, check="schema")
    if v in ("pattern", "format") and "date" in str(error.schema.get("format", "")):
        real = v == "format"
        return Finding(
            f"{where}: {error.instance!r} is not a real calendar date" if real else
            f"{where}: {error.instance!r} is not a date in the form YYYY-MM-DD or YYYY-MM",
            path=path, check="schema",
            hint="e.g. 2023-11-30, or 2023-11 for 'November 2023'")
    if v == "pattern":
        return Finding(f"{where}: {error.instance!r} does not have the expected form",
                       path=path, check="schema",
                       hint=str(error.schema.get("description", ""))[:200])
    if v in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        word = "at least" if "inimum" in v else "at most"
        return Finding(f"{where} is {error.instance}, but must be {word} {error.validator_value}",
                       path=path, check="schema")
    if v == "minLength":
        return Finding(f"{where} is empty", path=path, check="schema")
    if v == "minItems":
        return Finding(f"{where} needs at least {error.validator_value} item(s)",
                       path=path, check="schema")
    return Finding(f"{where}: {error.message}", path=path, check="schema")


def validate(record: Record) -> list[Finding]:
    """Schema findings for one record: unknown-kind, missing-owner, ambiguous-scalar or schema."""
    data = record.data
    if record.doc.data is None and record.doc.findings:
        return []
    if not isinstance(data, dict):
        what = "empty" if data is None else "not a mapping of fields"
        return [Finding(f"the file is {what}: a record is a mapping that starts with kind:",
                        check="unknown-kind", hint="kinds: " + ", ".join(KINDS))]
    kind = data.get("kind")
    if kind not in KINDS:
        message = (f"unknown kind {kind!r}" if "kind" in data else "the record has no kind")
        return [Finding(message, path=("kind",) if "kind" in data else (), check="unknown-kind",
                        hint="kind is one of: " + ", ".join(KINDS))]
    findings = list(ambiguous_scalars(record, kind))
    if _surely_valid(kind, data):
        return findings
    ambiguous = {f.path for f in findings}
    for error in _validator(kind, _failing_fields(kind, data)).iter_errors(data):
        finding = _translate(error, data)
        if tuple(error.absolute_path) in ambiguous:
            continue  # the value is not what was typed: quoting it comes first
        findings.append(finding)
    return findings
