"""What a parsed record file is to the rest of evalcheck: its data, where each value sits
(line and column), what the parser found wrong, and the plain scalars another YAML reader
would take for something other than text.

A Document may be deferred: its content fetched on first use (from the cache's heavy file),
so a run that needs only a record's findings and top-level positions never reads the rest.
The parser that makes Documents is evalcheck.yamlload; nothing here knows which one it is.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from evalcheck.problems import DataPath, Finding


@dataclass(frozen=True, slots=True)
class PlainScalar:
    """An unquoted scalar that some YAML reader takes for something other than text."""

    path: DataPath
    text: str
    value: Any


# A mark node is [pos, children]; children is {key: (key_pos, node)} for mappings, [node] for
# sequences, None for scalars. pos packs a 0-based (line, column) into one int to stay small.
SHIFT = 24
COLUMN_MAX = (1 << SHIFT) - 1
Mark = list


class Locator:
    """Finds the 1-based line and column of any data path (the nearest existing node for a
    path that goes past the data, e.g. a missing field is located at its parent mapping)."""

    __slots__ = ("_root",)

    def __init__(self, root: Mark | None) -> None:
        self._root = root

    @property
    def marks(self) -> Mark | None:
        """The mark tree (plain lists, dicts and ints): what a cache keeps to locate later."""
        return self._root

    def locate(self, path: DataPath, key: bool = False) -> tuple[int, int]:
        node = self._root
        if node is None:
            return (1, 1)
        pos = node[0]
        for part in path:
            children = node[1]
            if isinstance(children, dict) and part in children:
                key_pos, node = children[part]
                pos = key_pos if key else node[0]
            elif isinstance(children, list) and isinstance(part, int) and 0 <= part < len(children):
                node = children[part]
                pos = node[0]
            else:
                break
        return line_col(pos)


_LATER: Any = object()  # a part of a deferred document not fetched yet
Top = dict[str, tuple[int, int]]  # top-level key -> (key position, value position), packed
Fetch = Callable[[bool], "Document"]
"""Fetches a deferred document's content: all of it (True), or at least its data (False: a
report reads every record's data and none of its positions, which weigh as much)."""


class Document:
    """One parsed file: its data (None when unreadable), where each node is, what went wrong,
    and the suppression comments it holds (records.load_record adds those).

    A document known from a cache may come without its content: made with `deferred`, it
    fetches the parts it was not given on first use, so a record nobody looks into costs
    nothing to hold; its data alone when only the data is asked for; its top-level positions
    (`top`) locate a problem on a top-level field without fetching anything."""

    __slots__ = ("_data", "_fetch", "_findings", "_locator", "_plain", "_spans",
                 "_suppressions", "_top")

    def __init__(self, data: Any, locator: Locator, findings: list[Finding] | None = None,
                 plain_scalars: list[PlainScalar] | None = None,
                 marker_spans: list[tuple[int, int, int, int]] | None = None) -> None:
        self._data = data
        self._locator = locator
        self._findings = [] if findings is None else findings
        self._plain = [] if plain_scalars is None else plain_scalars
        # Spans (1-based line, column from; line, column to) of text values that contain
        # "evalcheck:", so a suppression written inside a text is not taken for a comment.
        self._spans = [] if marker_spans is None else marker_spans
        self._suppressions: Any = {}
        self._top: Top | None = None
        self._fetch: Fetch | None = None

    @classmethod
    def deferred(cls, fetch: Fetch, findings: list[Finding] | None = None,
                 suppressions: Any = None, top: Top | None = None) -> Document:
        """A document whose content (and findings and suppressions, when not given) `fetch`
        returns when first asked for."""
        doc = cls(_LATER, Locator(None), findings, None, None)
        doc._plain = doc._spans = _LATER
        doc._findings = _LATER if findings is None else findings
        doc._suppressions = _LATER if suppressions is None else suppressions
        doc._top, doc._fetch = top, fetch
        return doc

    @property
    def loaded(self) -> bool:
        """Whether the whole content is in memory (a deferred document's fetch has run)."""
        return self._fetch is None

    def _load(self) -> None:
        fetch, self._fetch = self._fetch, None
        if fetch is None:
            return
        got = fetch(True)
        if self._data is _LATER:  # data fetched alone before stays the same object
            self._data = got.data
        self._locator = got.locator
        self._plain, self._spans = got.plain_scalars, got.marker_spans
        if self._findings is _LATER:
            self._findings = got.findings
        if self._suppressions is _LATER:
            self._suppressions = got.suppressions

    @property
    def data(self) -> Any:
        if self._data is _LATER and self._fetch is not None:
            self._data = self._fetch(False).data
        return self._data

    @property
    def locator(self) -> Locator:
        if self._fetch is not None:
            self._load()
        return self._locator

    @property
    def findings(self) -> list[Finding]:
        if self._findings is _LATER:
            self._load()
        return self._findings

    @property
    def plain_scalars(self) -> list[PlainScalar]:
        if self._fetch is not None:
            self._load()
        return self._plain

    @property
    def marker_spans(self) -> list[tuple[int, int, int, int]]:
        if self._fetch is not None:
            self._load()
        return self._spans

    @property
    def suppressions(self) -> Any:
        """{line: Suppression} of its `# evalcheck:` comments."""
        if self._suppressions is _LATER:
            self._load()
        return self._suppressions

    @suppressions.setter
    def suppressions(self, value: Any) -> None:
        self._suppressions = value

    @property
    def top(self) -> Top:
        """(key position, value position) of each top-level field."""
        if self._top is None:
            root = self.locator.marks
            children = root[1] if root is not None else None
            self._top = {k: (kp, node[0]) for k, (kp, node) in children.items()} \
                if isinstance(children, dict) else {}
        return self._top

    def locate(self, path: DataPath, key: bool = False) -> tuple[int, int]:
        """1-based line and column of a data path; a top-level field of a document whose
        content is not fetched is located from `top` alone."""
        if self._fetch is not None and len(path) == 1 and self._top is not None \
                and path[0] in self._top:
            return line_col(self._top[path[0]][0 if key else 1])
        return self.locator.locate(path, key)


def line_col(pos: int) -> tuple[int, int]:
    """The 1-based (line, column) a packed position stands for."""
    return ((pos >> SHIFT) + 1, (pos & COLUMN_MAX) + 1)
