"""Hypothesis strategies for records, built from the JSON Schemas in schema/, and a YAML dumper.

A deliberately small reader of the schema keywords our schemas use (type, properties, required,
additionalProperties, $ref, const, enum, pattern, format (email), min/max, items, minItems,
uniqueItems): the tests must not borrow evalcheck's own schema code as their oracle.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

import yaml
from conftest import REPO
from hypothesis import strategies as st

KINDS = ("evaluation", "management-response", "project", "owners")
MAX_DEPTH = 6  # schema levels; budget lines nest through $ref, deeper lists stay empty

# Text a person could type: any character except controls, surrogates and the Unicode line and
# paragraph separators (which evalcheck rejects on purpose: YAML counts them as line breaks).
TEXT_CHARS = st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp"))


@cache
def schema(kind: str) -> dict[str, Any]:
    with open(REPO / "schema" / f"{kind}.schema.json", encoding="utf-8") as fh:
        loaded: dict[str, Any] = json.load(fh)
    return loaded


def resolve(root: dict[str, Any], node: Any) -> Any:
    """Follow local $refs, keeping the referring node's own keywords."""
    while isinstance(node, dict) and "$ref" in node:
        target: Any = root
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = {**target, **{k: v for k, v in node.items() if k != "$ref"}}
    return node


def subschema(kind: str, path: tuple[Any, ...]) -> dict[str, Any] | None:
    """The schema that applies at a data path (None where the schema says nothing)."""
    root = schema(kind)
    node: Any = root
    for part in path:
        node = resolve(root, node)
        if isinstance(part, int):
            node = node.get("items")
        else:
            extra = node.get("additionalProperties")
            node = node.get("properties", {}).get(part, extra if isinstance(extra, dict) else None)
        if node is None:
            return None
    resolved = resolve(root, node)
    return resolved if isinstance(resolved, dict) else None


def _string(node: dict[str, Any]) -> st.SearchStrategy[str]:
    if node.get("format") == "email":
        return st.emails()
    low, high = node.get("minLength", 0), node.get("maxLength", 40)
    if "pattern" in node:
        return st.from_regex(node["pattern"], fullmatch=True, alphabet=TEXT_CHARS).filter(
            lambda s: low <= len(s) <= high)
    return st.text(TEXT_CHARS, min_size=low, max_size=min(high, 40))


def _number(node: dict[str, Any], integer: bool) -> st.SearchStrategy[Any]:
    low, high = node.get("minimum"), node.get("maximum")
    ints = st.integers(min_value=None if low is None else int(low),
                       max_value=None if high is None else int(high))
    if integer:
        return ints
    floats = st.floats(min_value=low, max_value=high, allow_nan=False, allow_infinity=False)
    return st.one_of(ints, floats)


def _object(root: dict[str, Any], node: dict[str, Any], depth: int) -> st.SearchStrategy[Any]:
    props = node.get("properties", {})
    required = {k: strategy(root, props[k], depth + 1) for k in node.get("required", [])}
    optional = {k: strategy(root, v, depth + 1) for k, v in props.items() if k not in required}
    extra = node.get("additionalProperties")
    fixed = st.fixed_dictionaries(required, optional=optional)
    if isinstance(extra, dict) and not props:
        return st.dictionaries(st.text(TEXT_CHARS, min_size=1, max_size=8),
                               strategy(root, extra, depth + 1), max_size=4)
    return fixed


def _array(root: dict[str, Any], node: dict[str, Any], depth: int) -> st.SearchStrategy[Any]:
    low = node.get("minItems", 0)
    if depth >= MAX_DEPTH and low == 0:
        return st.just([])
    items = strategy(root, node.get("items", {}), depth + 1)
    high = low + 3
    if node.get("uniqueItems"):
        return st.lists(items, min_size=low, max_size=high, unique_by=repr)
    return st.lists(items, min_size=low, max_size=high)


def strategy(root: dict[str, Any], node: Any, depth: int = 0) -> st.SearchStrategy[Any]:
    """Values that satisfy one schema node."""
    node = resolve(root, node)
    if "const" in node:
        return st.just(node["const"])
    if "enum" in node:
        return st.sampled_from(node["enum"])
    kind = node.get("type")
    if kind == "object":
        return _object(root, node, depth)
    if kind == "array":
        return _array(root, node, depth)
    if kind == "string":
        return _string(node)
    if kind in ("integer", "number"):
        return _number(node, kind == "integer")
    if kind == "boolean":
        return st.booleans()
    return st.text(TEXT_CHARS, min_size=1, max_size=20)  # no type: our x- extension fields


@cache
def records(kind: str) -> st.SearchStrategy[dict[str, Any]]:
    """Records of one kind that satisfy its schema."""
    return strategy(schema(kind), schema(kind))


class QuotingDumper(yaml.SafeDumper):
    """Every string double-quoted: what a careful writer does, and never ambiguous."""


QuotingDumper.add_representer(
    str, lambda dumper, text: dumper.represent_scalar("tag:yaml.org,2002:str", text, style='"'))


def dump(data: Any, quoted: bool = True) -> str:
    """YAML text for data: every string quoted, or as yaml.safe_dump writes it."""
    if quoted:
        return yaml.dump(data, Dumper=QuotingDumper, allow_unicode=True, sort_keys=False)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
