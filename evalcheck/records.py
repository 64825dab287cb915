"""Records and the corpus: parsed files with kind, id, data and locator, indexed for checks."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterator
from typing import Any, NamedTuple

from evalcheck.dates import parse_date
from evalcheck.document import Document
from evalcheck.problems import DataPath, Finding, PathPart
from evalcheck.suppress import Suppressions, parse_suppressions
from evalcheck.textsim import normalise, signature
from evalcheck.yamlload import Limits, parse

KINDS = ("evaluation", "management-response", "project", "owners")
OWNER_FIELDS = ("owner", "commissioned_by", "managed_by", "proposed_by", "parent", "approved_by")
OWNER_LIST_FIELDS = ("addressed_to", "responsible", "supporting", "supported_by")

_ITEM_NOUNS = {
    "conclusions": "conclusion", "recommendations": "recommendation", "actions": "action",
    "responses": "response to", "budget": "budget line", "lines": "budget line",
    "owners": "owner", "scores": "rating", "financing": "financing source",
    "updates": "update",
}


class Facts(NamedTuple):
    """What the cross-record checks need to know of a record before (and mostly instead of)
    reading its data.

    Small enough for the cache to keep for every file beside its index, so a run over one
    changed file builds the corpus indexes without loading the other records' data, and a
    warm run reads the data only of the records it reports a problem on.
    """

    kind: str | None
    id: str
    evaluation: str | None = None  # management-response: the evaluation it answers
    recommendations: tuple[str, ...] = ()  # evaluation: its recommendation ids, in order
    title: str = ""  # evaluation: normalised title (duplicate-record)
    year: str = ""  # evaluation: its year, or the year of its report date
    owner_ids: tuple[str, ...] = ()  # owners: the ids it defines, in order
    owner_refs: tuple[str, ...] = ()  # every owner id it refers to, sorted, once each
    # management-response: (recommendation id, has a decision) of each answer, in order
    answered: tuple[tuple[str, bool], ...] = ()
    status: str = ""  # evaluation: planned, ongoing, completed
    project: str | None = None  # evaluation: the project it refers to
    # evaluation: how many recommendations it makes, and the date (and the field it comes
    # from) that its management response is due after (response-overdue)
    recommendation_items: int = 0
    due_from: str = ""
    due_field: str = ""
    # evaluation: the day of its report (YYYY-MM-DD; a month's last day, else its year's), ""
    # when it has none: which of two evaluations came first (recurring-recommendation)
    report: str = ""
    # evaluation: (position, id, normalised text, textsim.signature) of each recommendation
    # with a text, so that recurring-recommendation compares them without reading the data
    said: tuple[tuple[int, str, str, tuple[int, ...]], ...] = ()
    # part of the file was refused (unsafe-yaml, yaml-syntax): what it held is not known
    refused: bool = False
    # a file that cannot be read, or part of which was refused: the words of its text that
    # could be ids, since it might hold them (None: not read at all, it might hold anything)
    mentions: tuple[str, ...] | None = ()


_REFUSALS = ("unsafe-yaml", "yaml-syntax")


class Record:
    """One record file as the checks see it: its shown path, its document, and the digest of
    its bytes (the key of everything kept about its content; empty when not worked out).

    A plain object: what is known before the content is read (the facts, the findings and
    suppressions a cache keeps) lives beside a document that fetches the rest when asked."""

    __slots__ = ("digest", "doc", "known_facts", "path")

    def __init__(self, path: str, doc: Document, suppressions: Suppressions | None = None,
                 known_facts: Facts | None = None, digest: str = "") -> None:
        self.path = path
        self.doc = doc
        if suppressions is not None:
            doc.suppressions = suppressions
        self.known_facts = known_facts
        self.digest = digest

    def __repr__(self) -> str:
        return f"Record({self.path!r})"

    @property
    def suppressions(self) -> Suppressions:
        """{line: Suppression} of the file's `# evalcheck:` comments."""
        suppressions: Suppressions = self.doc.suppressions
        return suppressions

    @property
    def facts(self) -> Facts:
        """Worked out from the data once (or given by the cache)."""
        if self.known_facts is None:
            facts = facts_of(self.data)
            if any(f.check in _REFUSALS for f in self.doc.findings):  # its bytes were not
                facts = facts._replace(refused=True, mentions=None)  # kept: anything
            self.known_facts = facts
        return self.known_facts

    @property
    def data(self) -> Any:
        return self.doc.data

    @property
    def kind(self) -> str | None:
        if self.known_facts is not None:  # without reading data the cache has not loaded
            return self.known_facts.kind
        return _kind_of(self.data)

    @property
    def id(self) -> str:
        if self.known_facts is not None:
            return self.known_facts.id
        value = self.data.get("id") if isinstance(self.data, dict) else None
        return value if isinstance(value, str) else ""

    def get(self, key: str, default: Any = None) -> Any:
        return self.data.get(key, default) if isinstance(self.data, dict) else default


_DEFAULT_LIMITS = Limits()


Parser = Callable[[bytes, Limits], Document]


def load_record(path: str, raw: bytes, limits: Limits = _DEFAULT_LIMITS,
                parser: Parser = parse) -> Record:
    """Parse one file's bytes into a Record (parse problems stay in record.doc.findings).
    `parser` is the one replaceable step: bytes -> located document, or its problems."""
    doc = parser(raw, limits)
    comments = raw.count(b"evalcheck:")
    if comments > limits.max_nodes:  # each could become a problem: bounded like values are
        doc.findings.append(Finding(
            f"the file holds {comments:,} evalcheck comments, more than the limit of "
            f"{limits.max_nodes:,}", check="unsafe-yaml", at=(1, 1),
            hint="remove the repeated comments"))
        return Record(path, doc)
    facts = facts_of(doc.data)
    if facts.kind is None or any(f.check in _REFUSALS for f in doc.findings):
        facts = facts._replace(refused=True, mentions=mentions(raw))
    if doc.data is None:  # a file that cannot be read: only its own problem, not its comments
        return Record(path, doc, known_facts=facts)  # (nothing they could silence is reported)
    suppressions = parse_suppressions(raw) if comments else {}
    for line, s in list(suppressions.items()):
        if any((l1, c1) <= (s.line, s.column) < (l2, c2) for l1, c1, l2, c2 in doc.marker_spans):
            del suppressions[line]
    return Record(path, doc, suppressions, known_facts=facts)


_WORD = re.compile(rb"[A-Za-z0-9][A-Za-z0-9_.\-]*")


def mentions(raw: bytes) -> tuple[str, ...]:
    """Every word of a file's text that could be an id (what an unreadable file might hold)."""
    return tuple(sorted({w.decode("ascii") for w in _WORD.findall(raw)}))


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


def record_owner_refs(data: Any, kind: str | None) -> Iterator[tuple[DataPath, str]]:
    """The owner references unknown-owner checks: in a registry, those inside its entries."""
    if kind == "owners":
        return owner_refs(data.get("owners") if isinstance(data, dict) else None, ("owners",))
    return owner_refs(data)


def owner_refs(data: Any, path: DataPath = ()) -> Iterator[tuple[DataPath, str]]:
    """Every owner reference in a record, wherever it sits, with its data path (in no
    particular order; a loop, not recursion: records hold many values)."""
    stack: list[tuple[DataPath, Any]] = [(path, data)] if isinstance(data, (dict, list)) else []
    while stack:
        base, node = stack.pop()
        if isinstance(node, dict):
            for key, value in node.items():
                if isinstance(value, str):  # most values: tested once
                    if key in OWNER_FIELDS:
                        yield (*base, key), value
                elif key == "validated" and isinstance(value, dict) and \
                        isinstance(value.get("by"), str):
                    yield (*base, key, "by"), value["by"]  # who accepted an action's closure
                elif key in OWNER_LIST_FIELDS and isinstance(value, list):
                    for i, ref in enumerate(value):
                        if isinstance(ref, str):
                            yield (*base, key, i), ref
                elif isinstance(value, (dict, list)) and key != "owners":
                    stack.append(((*base, key), value))
        else:
            for i, item in enumerate(node):
                if isinstance(item, (dict, list)):
                    stack.append(((*base, i), item))


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


def _kind_of(data: Any) -> str | None:
    kind = data.get("kind") if isinstance(data, dict) else None
    return kind if isinstance(kind, str) and kind in KINDS else None


def _year_of(data: dict[str, Any]) -> str:
    """An evaluation's year: `year`, else the year of its report date."""
    year = data.get("year")
    if isinstance(year, int) and not isinstance(year, bool):
        return str(year)
    report = data.get("report_date")
    return report[:4] if isinstance(report, str) else ""


def _due_from(data: dict[str, Any]) -> tuple[str, str]:
    """The date an evaluation's response is due after: its report date, else the end of its
    year (YYYY-12), with the field it comes from; ("", "") when it has neither."""
    report = data.get("report_date")
    if isinstance(report, str) and parse_date(report) is not None:
        return report, "report_date"
    year = data.get("year")
    if isinstance(year, int) and not isinstance(year, bool):
        return f"{year}-12", "year"
    return "", ""
def _report_day(data: dict[str, Any]) -> str:
    """The day an evaluation reported: its report date (a month: the month's last day), else
    the last day of its year; "" when it gives neither."""
    day = parse_date(data.get("report_date"))
    if day is not None:
        return day.isoformat()
    year = data.get("year")
    return f"{year:04d}-12-31" if isinstance(year, int) and not isinstance(year, bool) \
        and 0 < year < 10000 else ""


def _said(data: dict[str, Any]) -> tuple[tuple[int, str, str, tuple[int, ...]], ...]:
    out = []
    for i, rec in mappings(data.get("recommendations")):
        text = normalise(text_of(rec.get("text")))
        if text:
            ident = rec.get("id")
            out.append((i, str(ident) if isinstance(ident, (str, int)) and
                        not isinstance(ident, bool) else "", text, signature(text)))
    return tuple(out)


def facts_of(data: Any) -> Facts:
    """A record's Facts, from its data."""
    ident = data.get("id") if isinstance(data, dict) else None
    ident = ident if isinstance(ident, str) else ""
    kind = _kind_of(data)
    if kind is None:
        return Facts(None, ident)
    refs = tuple(sorted({ref for _, ref in record_owner_refs(data, kind)}))
    if kind == "evaluation":
        project = data.get("project")
        recommendations = [r for _, r in mappings(data.get("recommendations"))]
        due_from, due_field = _due_from(data)
        return Facts(kind, ident, None,
                     tuple(str(r["id"]) for r in recommendations if "id" in r),
                     normalise(text_of(data.get("title"))), _year_of(data), (), refs,
                     status=text_of(data.get("status")),
                     project=project if isinstance(project, str) else None,
                     recommendation_items=len(recommendations), due_from=due_from,
                     due_field=due_field, report=_report_day(data), said=_said(data))
    if kind == "management-response":
        evaluation = data.get("evaluation")
        return Facts(kind, ident, evaluation if isinstance(evaluation, str) else None,
                     owner_refs=refs, answered=tuple(
                         (str(r["recommendation"]), r.get("decision") is not None)
                         for _, r in mappings(data.get("responses"))
                         if r.get("recommendation") is not None))
    if kind == "owners":
        return Facts(kind, ident, owner_ids=tuple(
            o["id"] for _, o in mappings(data.get("owners")) if isinstance(o.get("id"), str)),
            owner_refs=refs)
    return Facts(kind, ident, owner_refs=refs)


class Corpus:
    """Every record of the repository, with the indexes cross-record checks need.

    The indexes are built from each record's facts, never its full data, and `targets` are the
    records problems are reported on (all of them unless the run names files). A cross-record
    check reports every problem of its targets, and on other records only the problems a
    target causes there (a recommendation a named evaluation no longer has, say), so that a
    pre-commit run catches a change that breaks another file; it reads the full data of the
    records it reports on only.
    """

    def __init__(self, records: list[Record], targets: Collection[str] | None = None) -> None:
        self.records = records
        self.targets = records if targets is None else [r for r in records if r.path in targets]
        self._target_paths = None if targets is None else frozenset(targets)
        self.by_kind_id: dict[tuple[str, str], list[Record]] = {}
        self.responses_for: dict[str, list[Record]] = {}
        self.registries: list[Record] = []
        self.owner_ids: set[str] = set()
        self.titles: dict[tuple[str, str], list[Record]] = {}
        self.unreadable: list[Record] = []
        self._mentioned: set[str] | None = set()  # None: a file might hold anything
        for record in records:
            facts = record.facts
            kind = facts.kind
            if kind is None or facts.refused:
                self.unreadable.append(record)
                if facts.mentions is None:
                    self._mentioned = None
                elif self._mentioned is not None:
                    self._mentioned.update(facts.mentions)
            if kind is None:
                continue
            if kind == "owners":
                self.registries.append(record)
                self.owner_ids.update(facts.owner_ids)
                continue
            if facts.id:
                self.by_kind_id.setdefault((kind, facts.id), []).append(record)
            if kind == "management-response" and facts.evaluation is not None:
                self.responses_for.setdefault(facts.evaluation, []).append(record)
            elif kind == "evaluation" and facts.title:
                self.titles.setdefault((facts.title, facts.year), []).append(record)

    def may_hold(self, ident: str) -> bool:
        """Whether a file that cannot be read (yaml-syntax, unsafe-yaml, an unknown kind), or
        a refused part of one, might hold this id (rules.md, "One problem, one message"): its
        text names it, or it was not read at all. The checks that report an absence (a
        response, an evaluation, a project, an owner) make no such claim then; the file's own
        problem is reported."""
        return self._mentioned is None or ident in self._mentioned

    @property
    def has_registry(self) -> bool:
        return bool(self.registries)

    @property
    def owners(self) -> dict[str, dict[str, Any]]:
        """Each registered owner's entry (the first, where one is defined twice)."""
        found: dict[str, dict[str, Any]] = {}
        for record in self.registries:
            for _, owner in mappings(record.get("owners")):
                ident = owner.get("id")
                if isinstance(ident, str):
                    found.setdefault(ident, owner)
        return found

    def is_target(self, record: Record) -> bool:
        return self._target_paths is None or record.path in self._target_paths

    def others(self, records: list[Record]) -> list[Record]:
        """Those of `records` that are not targets (none when the run names no files)."""
        return [] if self._target_paths is None else [r for r in records
                                                     if r.path not in self._target_paths]

    def of_kind(self, kind: str) -> Iterator[Record]:
        return (r for r in self.records if r.facts.kind == kind)

    def find(self, kind: str, ident: str) -> Record | None:
        found = self.by_kind_id.get((kind, ident))
        return found[0] if found else None
