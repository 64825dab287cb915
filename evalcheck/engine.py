"""Run the checks: records in, sorted located problems out. Pure: no files, no clock, no output.

The engine is the one place that knows policy: which checks are enabled, their severities,
per-path ignores and inline suppressions, and which records a run reports on - the targets,
decided once here and handed to every cross-record check as `corpus.targets`. A cross-record
check may add only what a target breaks in another record (`corpus.others`; unknown-owner
looks at every record when a named file is an owners registry). Checks only say what is wrong
and where in the data. The engine keeps what it found in a Memo (located findings by content
digest, check, options and, for checks that read it, the as-of date) that the loader fills in
worker processes and a cache keeps between runs.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import sys
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from evalcheck import checks
from evalcheck.checks import Check, Context
from evalcheck.config import LOCKED, Config
from evalcheck.problems import Finding, Problem, Severity
from evalcheck.records import Corpus, Record, stable_item
from evalcheck.suppress import Suppression, covering
from evalcheck.textsafe import no_surrogates


@dataclass
class _Run:
    config: Config
    targets: Collection[str] | None
    problems: list[Problem]
    used: set[tuple[str, int]]
    # per check name: its severity when enabled, else None (asked once per name, not per
    # problem: a neglected portfolio has tens of thousands)
    graded: dict[str, Severity | None] = field(default_factory=dict)

    def severity(self, name: str) -> Severity | None:
        if name not in self.graded:
            self.graded[name] = self.config.severity_of(name) \
                if self.config.enabled(name) else None
        return self.graded[name]


SCHEMA_KEY = "schema"
# A located finding, as the memo keeps it: check, message, hint, line, column, stable item.
Located = tuple[str, str, str, int, int, str]


class Memo:
    """What the schema and the built-in record-scope checks found in each record content,
    located: {content digest: {memo key: (Located, ...)}}. Keys carry the check's options and,
    for a check that reads the as-of date, that date (one date at a time). Replaying a located
    finding needs neither the record's data nor its marks; a store may keep the memo between
    runs (evalcheck.cache). Records with no digest are never memoised."""

    __slots__ = ("changed", "cross", "cross_changed", "entries")

    def __init__(self, entries: dict[str, dict[str, Any]] | None = None) -> None:
        self.entries: dict[str, dict[str, Any]] = {} if entries is None else entries
        self.changed: set[str] = set()  # digests whose entries this run added to
        # cross-record checks: {memo key: (fingerprint of the whole run, ((path, Located), ...))}
        # - what they found when every record had the same content and the same targets
        self.cross: dict[str, Any] = {}
        self.cross_changed = False

    def get(self, record: Record, key: str) -> tuple[Located, ...] | None:
        kept = self.entries.get(record.digest)
        return None if kept is None else kept.get(key)

    def put(self, record: Record, key: str, found: tuple[Located, ...],
            replaces: str = "") -> None:
        """Keep findings under `key` (dropping those under other keys that start with
        `replaces`: the same check on another date)."""
        if not record.digest:
            return
        kept = self.entries.setdefault(record.digest, {})
        if replaces:
            for old in [k for k in kept if k.startswith(replaces)]:
                del kept[old]
        kept[key] = found
        self.changed.add(record.digest)


def check_key(check: Check, options: Mapping[str, Any]) -> str | None:
    """The memo key of a built-in record-scope check with these options; None for others
    (plugins always run: their code is not part of the cache's namespace)."""
    if check.scope != "record" or check.func is None \
            or not check.func.__module__.startswith("evalcheck.checks."):
        return None
    return f"{check.name}|{sorted(options.items())!r}"


def dated_key(check: Check, key: str, as_of: dt.date) -> str:
    """The memo key of a check's findings on this date: those of a check that reads the date
    are kept for one date at a time."""
    return f"{key}@{as_of.isoformat()}" if check.reads_as_of else key


def fingerprint(records: Sequence[Record], targets: Collection[str] | None) -> str:
    """What a built-in cross-record check's findings depend on besides its options and the
    date: every record's path and content, and the targets ("" when a record has no digest:
    then nothing is replayed)."""
    if any(not r.digest for r in records):
        return ""
    h = hashlib.blake2b(digest_size=16)
    for r in records:
        h.update(f"{r.path}\0{r.digest}\n".encode("utf-8", "surrogateescape"))
    h.update(repr(sorted(targets) if targets is not None else None).encode())
    return h.hexdigest()


def _cross_key(check: Check, options: Mapping[str, Any], as_of: dt.date,
               half: str = "") -> str | None:
    """The memo key of a built-in cross-record check (None for plugins)."""
    func = check.across if half else check.func
    if func is None or not func.__module__.startswith("evalcheck.checks."):
        return None
    key = f"{check.name}{half}|{sorted(options.items())!r}"
    dated = check.across_reads_as_of if half else check.reads_as_of
    return f"{key}@{as_of.isoformat()}" if dated else key


def locate(record: Record, finding: Finding, name: str) -> Located:
    """Where a finding is: its own position, else its data path's line and column and the
    path named by item ids (for baselines). A top-level field is located without the data."""
    if finding.at is not None:
        return (name, finding.message, finding.hint, finding.at[0], finding.at[1], "")
    path = finding.path
    line, column = record.doc.locate(path, finding.key)
    item = path[0] if len(path) == 1 and isinstance(path[0], str) else \
        stable_item(record.data, path) if path else ""
    return (name, finding.message, finding.hint, line, column, item)


def _schema(record: Record, memo: Memo) -> tuple[Located, ...]:
    kept = memo.get(record, SCHEMA_KEY)
    if kept is None:
        from evalcheck import schemas  # not imported by a run whose memo has every record

        kept = tuple(locate(record, f, f.check) for f in schemas.validate(record))
        memo.put(record, SCHEMA_KEY, kept)
    return kept


def source_findings(record: Record, memo: Memo | None = None) -> list[Located]:
    """What the loader and the schema validator say about one record, located."""
    found = [locate(record, f, f.check) for f in record.doc.findings]
    schema = _schema(record, memo if memo is not None else Memo())
    # a value refused as unsafe-yaml is not validated again (rules.md, "One problem, one
    # message"): the schema's complaint about what is left in its place is dropped
    refused = {(f[3], f[4]) for f in found if f[0] == "unsafe-yaml"}
    if refused and schema:
        schema = tuple(f for f in schema if (f[3], f[4]) not in refused)
    found.extend(schema)
    return found


def _record_findings(check: Check, record: Record, ctx: Context, key: str | None,
                     memo: Memo, dated: str = "") -> Iterable[Located]:
    """A record-scope check's located findings on one record, from the memo when it has them
    (`dated`: the memo key on this date, when worked out already)."""
    assert check.func is not None
    if key is None or not record.digest:
        return [locate(record, f, check.name) for f in check.func(record, ctx)]
    dated = dated or dated_key(check, key, ctx.as_of)
    kept = memo.get(record, dated)
    if kept is None:
        kept = tuple(locate(record, f, check.name) for f in check.func(record, ctx))
        memo.put(record, dated, kept, key + "@" if check.reads_as_of else "")
    return kept


Spec = tuple[Check, Context, str, str]  # check, context, memo key, memo key on the date


@dataclass(frozen=True)
class Plan:
    """The content-only work a run wants done per record, so the loader can have it done in
    its worker processes and a store can keep it: the schema findings and (with `checks_too`)
    the findings of every enabled built-in record-scope check (of a check that reads the
    as-of date, only when a date is given)."""

    specs: tuple[Spec, ...]
    wanted: dict[str, frozenset[str]] = field(default_factory=dict, compare=False)
    """Kind -> the memo keys the specs want of a record of that kind (filled on first use): a
    warm run asks for each of 10,000 records whether its memo has them all."""

    def missing(self, memo: Memo, record: Record) -> list[Spec] | None:
        """What the memo lacks for this record (None: the schema findings too)."""
        kept = memo.entries.get(record.digest) if record.digest else None
        if kept is None or SCHEMA_KEY not in kept:
            return None
        kind = record.kind
        if not self.specs or kind is None:
            return []
        wanted = self.wanted.get(kind)
        if wanted is None:
            wanted = self.wanted[kind] = frozenset(
                s[3] for s in self.specs if not s[0].applies_to or kind in s[0].applies_to)
        if wanted <= kept.keys():
            return []
        return [s for s in self.specs if s[3] in wanted and s[3] not in kept]

    def fill(self, memo: Memo, record: Record) -> None:
        """Work out what the memo lacks for this record."""
        todo = self.missing(memo, record)
        if todo is None:
            _schema(record, memo)
            todo = self.missing(memo, record)
        for check, ctx, key, dated in todo or ():
            _record_findings(check, record, ctx, key, memo, dated)


def plan(config: Config, checks_too: bool = True, as_of: dt.date | None = None) -> Plan:
    specs: list[Spec] = []
    if checks_too:
        for check in checks.registry().values():
            if check.scope != "record" or check.func is None or not config.enabled(check.name):
                continue
            if check.reads_as_of and as_of is None:
                continue  # no date to judge by: worked out when one is given
            options = config.options_for(check.name)
            key = check_key(check, options)
            if key is not None:
                ctx = Context(as_of or dt.date.min, options)
                specs.append((check, ctx, key, sys.intern(dated_key(check, key, ctx.as_of))))
    return Plan(tuple(specs))


def lint(records: Sequence[Record], config: Config, as_of: dt.date,
         targets: Collection[str] | None = None, only_source: bool = False,
         memo: Memo | None = None) -> list[Problem]:
    """Every enabled check over the corpus, reported on `targets` (all records when None),
    and the cross-record problems the targets cause in other records.

    `only_source` limits the run to the yaml and schema families (`evalcheck validate`).
    `memo` holds what is known of the records' contents already (evalcheck.loading fills it).
    """
    memo = Memo() if memo is None else memo
    run = _Run(config, set(targets) if targets is not None else None, [], set())
    registry = checks.registry()
    # which records this run reports on, decided once: the targets; cross-record checks see
    # them as corpus.targets and may add only what a target breaks in another record
    in_scope = [r for r in records if run.targets is None or r.path in run.targets]
    for record in in_scope:
        for found in source_findings(record, memo):
            _emit(run, record, found)
    if not only_source:
        corpus = Corpus(list(records), run.targets)
        print_ = fingerprint(records, run.targets)
        kinds = [r.kind for r in in_scope]
        by_kind: dict[str, list[Record]] = {}
        for record, kind in zip(in_scope, kinds, strict=True):
            if kind is not None:
                by_kind.setdefault(kind, []).append(record)
        for check in registry.values():
            if check.func is None or not config.enabled(check.name):
                continue
            ctx = Context(as_of, config.options_for(check.name))
            if check.scope == "record":
                key = check_key(check, ctx.options)
                dated = dated_key(check, key, as_of) if key is not None else ""
                chosen = [r for r, kind in zip(in_scope, kinds, strict=True)
                          if kind is not None and (not check.applies_to
                                                   or kind in check.applies_to)] \
                    if len(check.applies_to) != 1 else by_kind.get(check.applies_to[0], [])
                for record in chosen:
                    for found in _record_findings(check, record, ctx, key, memo, dated):
                        _emit(run, record, found)
                if check.across is not None:
                    _cross(run, check, ctx, corpus, memo, print_, "/across")
            else:
                _cross(run, check, ctx, corpus, memo, print_)
        _unused_suppressions(run, records)
    return Problem.order(run.problems)


def _cross(run: _Run, check: Check, ctx: Context, corpus: Corpus, memo: Memo, print_: str,
           half: str = "") -> None:
    """A cross-record check's findings: on the targets, and on another record what a target
    causes there (the check yields those for corpus.others only). A built-in one's located
    findings are replayed from the memo when nothing it depends on changed."""
    key = _cross_key(check, ctx.options, ctx.as_of, half) if print_ else None
    kept = memo.cross.get(key) if key is not None else None
    if kept is not None and kept[0] == print_:
        by_path = {r.path: r for r in corpus.records}
        found = [(by_path[path], located) for path, located in kept[1]]
    else:
        func = check.across if half else check.func
        assert func is not None
        found = [(record, locate(record, finding, check.name))
                 for record, finding in func(corpus, ctx)]
        if key is not None:
            memo.cross[key] = (print_, tuple((r.path, located) for r, located in found))
            memo.cross_changed = True
    for record, located in found:
        if not (run.config.per_path_ignores and run.config.ignored_at(record.path, check.name)):
            _emit(run, record, located)


def _emit(run: _Run, record: Record, found: Located) -> None:
    """Stamp and keep one located finding, unless config or a suppression drops it."""
    name, message, hint, line, column, item = found
    severity = run.severity(name)
    if severity is None or (run.config.per_path_ignores
                            and run.config.ignored_at(record.path, name)):
        return
    suppressions = record.suppressions
    suppression = covering(suppressions, line, name) \
        if suppressions and name not in LOCKED else None
    if suppression is not None:
        run.used.add((record.path, suppression.line))
        return
    run.problems.append(Problem(record.path, line, column, name, severity,
                                no_surrogates(message), no_surrogates(hint), record.id, item))


def _unused_suppressions(run: _Run, records: Iterable[Record]) -> None:
    name = "unused-suppression"
    if not run.config.enabled(name):
        return
    registry = checks.registry()
    for record in records:
        if run.targets is not None and record.path not in run.targets:
            continue
        for s in record.suppressions.values():
            message = _suppression_problem(s, registry, (record.path, s.line) in run.used,
                                           run.config, record.path)
            if message:
                run.problems.append(Problem(record.path, s.line, s.column, name,
                                            run.config.severity_of(name), message[0],
                                            message[1], record.id, f"line {s.line}"))


def _suppression_problem(s: Suppression, registry: dict[str, Check], used: bool,
                         config: Config, path: str) -> tuple[str, str] | None:
    example = "# evalcheck: ignore[check-name] why it is kept"
    if s.directive != "ignore":
        return (f"unknown evalcheck directive {s.directive!r}", f"write: {example}")
    if not s.checks:
        return ("the suppression names no check", f"write: {example}")
    unknown = [c for c in s.checks if c not in registry]
    if unknown:
        return (f"the suppression names an unknown check {unknown[0]!r}",
                "`evalcheck rules` lists the checks")
    locked = sorted(LOCKED.intersection(s.checks))
    if locked:
        return (f"{' and '.join(locked)} cannot be suppressed: a file evalcheck cannot read "
                "safely is always an error", "fix the file instead")
    if not s.reason:
        return ("the suppression gives no reason", f"write: {example}")
    if not used and all(config.enabled(c) and not config.ignored_at(path, c) for c in s.checks):
        return (f"the suppression of {', '.join(s.checks)} suppresses nothing",
                "remove the comment: the problem it was written for is gone")
    return None


def worst(problems: Iterable[Problem]) -> Severity | None:
    ranks = [p.severity for p in problems]
    return max(ranks, key=lambda s: s.rank) if ranks else None
