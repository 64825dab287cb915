"""Records and the corpus: parsed files with kind, id, data and locator, indexed for checks."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from evalcheck.problems import DataPath, Finding, PathPart
from evalcheck.suppress import Suppressions, parse_suppressions
from evalcheck.yamlload import Document, Limits, parse

KINDS = ("evaluation", "management-response", "project", "owners")
OWNER_FIELDS = ("owner", "commissioned_by", "managed_by", "proposed_by", "parent")
OWNER_LIST_FIELDS = ("addressed_to", "responsible", "supporting", "supported_by")

_ITEM_NOUNS = {
    "conclusions": "conclusion", "recommendations": "recommendation", "actions": "action",
    "responses": "response to", "budget": "budget line", "lines": "budget line",
    "owners": "owner", "scores": "rating", "financing": "financing source",
    "updates": "update",
}


@dataclass(slots=True)
class Record:
    """One record file as the checks see it."""

    path: str
    doc: Document
    suppressions: Suppressions = field(default_factory=dict)

    @property
    def data(self) -> Any:
        return self.doc.data

    @property
    def kind(self) -> str | None:
        kind = self.data.get("kind") if isinstance(self.data, dict) else None
        return kind if isinstance(kind, str) and kind in KINDS else None

    @property
    def id(self) -> str:
        value = self.data.get("id") if isinstance(self.data, dict) else None
        return value if isinstance(value, str) else ""

    def get(self, key: str, default: Any = None) -> Any:
        return self.data.get(key, default) if isinstance(self.data, dict) else default


_DEFAULT_LIMITS = Limits()


def load_record(path: str, raw: bytes, limits: Limits = _DEFAULT_LIMITS) -> Record:
    """Parse one file's bytes into a Record (parse problems stay in record.doc.findings)."""
    doc = parse(raw, limits)
    comments = raw.count(b"evalcheck:")
    if comments > limits.max_nodes:  # each could become a problem: bounded like values are
        doc.findings.append(Finding(
            f"the file holds {comments:,} evalcheck comments, more than the limit of "
            f"{limits.max_nodes:,}", check="unsafe-yaml", at=(1, 1),
            hint="remove the repeated comments"))
        return Record(path, doc)
    suppressions = parse_suppressions(raw) if comments else {}
    for line, s in list(suppressions.items()):
        if any((l1, c1) <= (s.line, s.column) < (l2, c2) for l1, c1, l2, c2 in doc.marker_spans):
            del suppressions[line]
    return Record(path, doc, suppressions)


def mappings(value: Any) -> Iterator[tuple[int, dict[str, Any]]]:
    """(index, item) for the mapping items of a list, skipping anything malformed."""
    if isinstance(value, list):
        for i, item in enumerate(value):
            if isinstance(item, dict):
                yield i, item


def text_of(value: Any) -> str:
    return value if isinstance(value, str) else ""


def iter_actions(record: Record) -> Iterator[tuple[DataPath, dict[str, Any], dict[str, Any]]]:
    """(path, response, action) for every action of a management response."""
    for r, response in mappings(record.get("responses")):
        for a, action in mappings(response.get("actions")):
            yield ("responses", r, "actions", a), response, action


def owner_refs(data: Any, path: DataPath = ()) -> Iterator[tuple[DataPath, str]]:
    """Every owner reference in a record, wherever it sits, with its data path."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key in OWNER_FIELDS and isinstance(value, str):
                yield (*path, key), value
            elif key in OWNER_LIST_FIELDS and isinstance(value, list):
                for i, ref in enumerate(value):
                    if isinstance(ref, str):
                        yield (*path, key, i), ref
            elif isinstance(value, (dict, list)) and key != "owners":
                yield from owner_refs(value, (*path, key))
    elif isinstance(data, list):
        for i, item in enumerate(data):
            if isinstance(item, (dict, list)):
                yield from owner_refs(item, (*path, i))


def item_id(item: Any) -> str | None:
    if isinstance(item, dict):
        for key in ("id", "recommendation", "criterion"):
            value = item.get(key)
            if isinstance(value, (str, int, float)) and not isinstance(value, bool):
                return str(value)
    return None


def _step(node: Any, part: PathPart) -> Any:
    """One step down a data path; None once the path leaves the data."""
    if isinstance(node, dict):
        return node.get(part)
    if isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
        return node[part]
    return None


def describe(data: Any, path: DataPath) -> str:
    """The name a person gives the thing at path: `action 4.2`, `recommendation R3`."""
    name = ""
    node = data
    for i, part in enumerate(path):
        if isinstance(part, int) and i and isinstance(node, list) and part < len(node):
            ident = item_id(node[part])
            noun = _ITEM_NOUNS.get(str(path[i - 1]), str(path[i - 1]))
            name = f"{noun} {ident}" if ident else f"{noun} #{part + 1}"
        node = _step(node, part)
    return name


def stable_item(data: Any, path: DataPath) -> str:
    """A data path that names list items by id, so it survives edits above it (for baselines)."""
    out: list[str] = []
    node = data
    for part in path:
        if isinstance(part, int):
            ident = item_id(node[part]) if isinstance(node, list) and part < len(node) else None
            out.append(f"[{ident}]" if ident else f"[{part}]")
        else:
            out.append(f".{part}" if out else str(part))
        node = _step(node, part)
    return "".join(out)


_WS = re.compile(r"\s+")


@dataclass(slots=True)
class Corpus:
    """Every record of the repository, with the indexes cross-record checks need."""

    records: list[Record]
    by_kind_id: dict[tuple[str, str], list[Record]] = field(default_factory=dict)
    owners: dict[str, dict[str, Any]] = field(default_factory=dict)
    responses_for: dict[str, list[Record]] = field(default_factory=dict)
    has_registry: bool = False

    def __post_init__(self) -> None:
        for record in self.records:
            kind = record.kind
            if kind is None:
                continue
            if kind == "owners":
                self.has_registry = True
                for _, owner in mappings(record.get("owners")):
                    ident = owner.get("id")
                    if isinstance(ident, str):
                        self.owners.setdefault(ident, owner)
                continue
            if record.id:
                self.by_kind_id.setdefault((kind, record.id), []).append(record)
            if kind == "management-response":
                evaluation = record.get("evaluation")
                if isinstance(evaluation, str):
                    self.responses_for.setdefault(evaluation, []).append(record)

    def of_kind(self, kind: str) -> Iterator[Record]:
        return (r for r in self.records if r.kind == kind)

    def find(self, kind: str, ident: str) -> Record | None:
        found = self.by_kind_id.get((kind, ident))
        return found[0] if found else None
