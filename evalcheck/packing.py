"""A record's parts as plain data: what worker processes send back and what a cache keeps.

A record splits in two. Its light part (loader findings, suppressions, facts and the positions
of its top-level fields) is what every run needs of every record; its heavy part (data, marks
and plain scalars) only a check run or a problem located below the top level needs, so it
travels as marshalled bytes that are decoded on first use. marshal is the fastest format
Python reads back, and everything here is plain data it can hold.
"""

from __future__ import annotations

import marshal
from typing import Any

from evalcheck.document import Document, Fetch, Locator, PlainScalar
from evalcheck.problems import Finding
from evalcheck.records import Facts, Record
from evalcheck.suppress import Suppression

Light = tuple[Any, ...]  # (findings, suppressions, facts, top)
LIGHT_SIZE = 4


def pack_heavy(doc: Document) -> bytes:
    """The document's content as bytes: its data, and apart its positions and plain scalars
    (read back only when something locates a problem in it)."""
    return marshal.dumps((marshal.dumps(doc.data), marshal.dumps((
        doc.locator.marks, tuple((p.path, p.text, p.value) for p in doc.plain_scalars)))))


def unpack_heavy(blob: bytes, whole: bool = True) -> Document:
    """The document pack_heavy packed (with no findings: those are in the light part); with
    `whole` False, its data alone."""
    data, rest = marshal.loads(blob)
    if not whole:
        return Document(marshal.loads(data), Locator(None))
    marks, plain = marshal.loads(rest)
    return Document(marshal.loads(data), Locator(marks), [], [PlainScalar(*p) for p in plain])


def pack_light(record: Record) -> Light:
    doc = record.doc
    return (tuple((f.message, f.path, f.hint, f.check, f.at, f.key) for f in doc.findings),
            tuple((s.line, s.column, s.checks, s.reason, s.directive)
                  for s in record.suppressions.values()),
            tuple(record.facts), doc.top)


def is_light(value: Any) -> bool:
    """Whether a value read back has the light part's shape (a damaged cache is a miss)."""
    return isinstance(value, tuple) and len(value) == LIGHT_SIZE and isinstance(value[3], dict)


def unpack_record(shown: str, digest: str, light: Light,
                  fetch: Fetch) -> Record:
    """A record from its light part; its content comes from `fetch` when first asked for.
    Raises TypeError or ValueError on a light part of the wrong shape."""
    findings, suppressions, facts, top = light
    return Record(shown, Document.deferred(
        fetch, [Finding(*f) for f in findings] if findings else [],
        {s[0]: Suppression(*s) for s in suppressions} if suppressions else {}, top),
        known_facts=facts if isinstance(facts, Facts) else Facts(*facts), digest=digest)
