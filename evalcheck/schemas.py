"""The JSON Schemas of schema/ and record validation in words an M&E officer understands.

schema/ is the single source of truth: an installed wheel carries those files as
evalcheck/schema/ (see pyproject.toml), a source checkout reads them in place.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterator
from typing import Any

from evalcheck.about import schema_dir
from evalcheck.dates import DEADLINE_PATTERN, PATTERN_FIELDS
from evalcheck.document import PlainScalar
from evalcheck.problems import DataPath, Finding
from evalcheck.records import KINDS, Record
from evalcheck.schemamessages import CONTROL, explained_by_typo, field_label, translate, typos
from evalcheck.yamlload import TIMESTAMP


@functools.cache
def load_schema(kind: str) -> dict[str, Any]:
    with open(schema_dir() / f"{kind}.schema.json", encoding="utf-8") as fh:
        schema: dict[str, Any] = json.load(fh)
    return schema


def _pattern(validator: Any, pattern: str, instance: Any, schema: Any) -> Iterator[Any]:
    """The `pattern` keyword as ECMA-262 means it: no control characters (so no final newline
    slips past `$`), then the pattern itself."""
    from jsonschema import ValidationError

    if not validator.is_type(instance, "string"):
        return
    if CONTROL.search(instance):
        yield ValidationError(f"{instance!r} contains a control character")
    elif re.search(pattern, instance) is None:
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


@functools.lru_cache(maxsize=64)
def _validator(kind: str, only: tuple[str, ...] | None = None) -> Any:
    """python-jsonschema for a kind; with `only`, the top-level fields not named there are
    accepted as they are (jsonschema-rs found nothing wrong in them, see _failing_fields)."""
    from jsonschema import Draft202012Validator, FormatChecker, validators

    schema = load_schema(kind)
    if only is not None:
        schema = {**schema, "properties": {name: sub if name in only else True
                                           for name, sub in schema["properties"].items()}}
    strict = validators.extend(Draft202012Validator, {"pattern": _pattern})
    return strict(schema, format_checker=FormatChecker())


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
            out[name] = jsonschema_rs.validator_for(whole, validate_formats=True)
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
    stricter; its `$` does not match before a final newline, and our patterns' character
    classes leave out control characters), so a record it accepts has no errors; a record it
    rejects goes to python-jsonschema, whose errors make the messages.
    """
    try:
        import jsonschema_rs
    except ImportError:
        return None
    try:
        return jsonschema_rs.validator_for(load_schema(kind), validate_formats=True)
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
    if sub.get("pattern") in PATTERN_FIELDS:
        return False  # a date field: unquoted dates are what it wants (see date_field)
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


def date_field(kind: str, path: DataPath) -> str | None:
    """'date' or 'deadline' where the schema wants one at this data path, else None."""
    return _date_field(kind, tuple(0 if isinstance(p, int) else p for p in path))


@functools.lru_cache(maxsize=4096)
def _date_field(kind: str, path: DataPath) -> str | None:
    sub = subschema_at(kind, path)
    return PATTERN_FIELDS.get(sub.get("pattern", "")) if sub else None


def ambiguous_scalars(record: Record, kind: str) -> Iterator[Finding]:
    """Unquoted scalars that YAML turns into yes/no, numbers or dates where text is wanted,
    and a year deadline written unquoted (`deadline: 2025` is a number until quoted)."""
    for scalar in record.doc.plain_scalars:
        year = (not isinstance(scalar.value, str) and date_field(kind, scalar.path) == "deadline"
                and re.fullmatch(DEADLINE_PATTERN, scalar.text) is not None)
        if year or wants_text(kind, scalar.path):
            yield Finding(
                f"{field_label(scalar.path)}: {scalar.text} is read as "
                f"{_plain_value_words(scalar)}, not as text",
                path=scalar.path, check="ambiguous-scalar",
                hint=f'put it in quotes: "{scalar.text}"',
            )


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
    errors = list(_validator(kind, _failing_fields(kind, data)).iter_errors(data))
    explained = typos(errors)
    for error in errors:
        if tuple(error.absolute_path) in ambiguous:
            continue  # the value is not what was typed: quoting it comes first
        if explained_by_typo(error, explained):
            continue  # `descripton` is the `description` it lacks: one problem, one message
        findings.extend(translate(error, data))
    return findings
