"""Run the checks: records in, sorted located problems out. Pure: no files, no clock, no output.

The engine is the one place that knows policy: which checks are enabled, their severities,
per-path ignores, inline suppressions and which files the caller asked about. Checks only
say what is wrong and where in the data.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from evalcheck import checks, schemas
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


SCHEMA_KEY = "schema"


def _memo(record: Record) -> dict[str, Any] | None:
    """The per-content memo a cached record carries (see evalcheck.cache), else None."""
    return getattr(record, "memo", None)


def _pack(found: Iterable[Finding]) -> tuple[Any, ...]:
    return tuple((f.message, f.path, f.hint, f.check, f.at, f.key) for f in found)


def _remembered(record: Record, key: str, compute: Callable[[], Iterable[Finding]]
                ) -> list[Finding]:
    memo = _memo(record)
    if memo is None:
        return list(compute())
    kept = memo.get(key)
    if kept is not None:
        return [Finding(*f) for f in kept]
    found = list(compute())
    memo[key] = _pack(found)
    return found


def check_key(check: Check, options: Mapping[str, Any]) -> str | None:
    """The memo key of a built-in record-scope check with these options; None for others
    (plugins always run: their code is not part of the cache's namespace)."""
    if check.scope != "record" or check.func is None \
            or not check.func.__module__.startswith("evalcheck.checks."):
        return None
    return f"{check.name}|{sorted(options.items())!r}"


def source_findings(record: Record, validate: bool = True) -> list[Finding]:
    """What the loader and the schema validator say about one record."""
    found = list(record.doc.findings)
    if validate:
        schema = _remembered(record, SCHEMA_KEY, lambda: schemas.validate(record))
        # a value refused as unsafe-yaml is not validated again (rules.md, "One problem, one
        # message"): the schema's complaint about what is left in its place is dropped
        refused = {f.at for f in found if f.check == "unsafe-yaml" and f.at is not None}
        if refused and schema:
            locate = record.doc.locator.locate
            schema = [f for f in schema if (f.at or locate(f.path, f.key)) not in refused]
        found.extend(schema)
    return found


_UNSET = "\0"  # a memo key no check has: work it out


def dated_key(check: Check, key: str, as_of: dt.date) -> str:
    """The memo key of a check's findings on this date: those of a check that reads the date
    are kept for one date at a time."""
    return f"{key}@{as_of.isoformat()}" if check.reads_as_of else key


def _record_findings(check: Check, record: Record, ctx: Context,
                     given: str | None = _UNSET) -> Iterable[Finding]:
    assert check.func is not None
    memo = _memo(record)
    key = (check_key(check, ctx.options) if memo is not None else None) \
        if given == _UNSET else given
    if memo is None or key is None:
        return check.func(record, ctx)
    dated = dated_key(check, key, ctx.as_of)
    kept = memo.get(dated)
    if kept is not None:
        return [Finding(*f) for f in kept]
    found = list(check.func(record, ctx))
    if check.reads_as_of:
        for old in [k for k in memo if k.startswith(key + "@")]:
            del memo[old]
    memo[dated] = _pack(found)
    return found


def precompute_plan(config: Config, checks_too: bool = True,
                    as_of: dt.date | None = None) -> Callable[[Record], None]:
    """A function that fills a cached record's memo with its schema findings and (with
    `checks_too`) its record-scope check findings: what a later lint asks for (for checks
    that read the date, only with `as_of`). Lets the loader do this work in parallel workers
    and keep it."""
    specs: list[tuple[Check, Context, str]] = []
    if checks_too:
        for check in checks.registry().values():
            if check.scope != "record" or check.func is None or not config.enabled(check.name):
                continue
            if check.reads_as_of and as_of is None:
                continue  # no date to judge by: worked out when one is given
            options = config.options_for(check.name)
            key = check_key(check, options)
            if key is not None:
                specs.append((check, Context(as_of or dt.date.min, options), key))

    def missing(record: Record) -> list[tuple[Check, Context, str]] | None:
        """What the memo lacks (None: the schema findings too)."""
        memo = _memo(record)
        if memo is None:
            return []
        if SCHEMA_KEY not in memo:
            return None
        if not specs or record.kind is None:
            return []
        kind = record.kind
        return [s for s in specs if (not s[0].applies_to or kind in s[0].applies_to)
                and dated_key(s[0], s[2], s[1].as_of) not in memo]

    def fill(record: Record) -> None:
        todo = missing(record)
        if todo is None:
            source_findings(record)
            todo = missing(record)
        for check, ctx, key in todo or ():
            _record_findings(check, record, ctx, key)

    fill.missing = missing  # type: ignore[attr-defined]
    return fill


def lint(records: Sequence[Record], config: Config, as_of: dt.date,
         targets: Collection[str] | None = None, only_source: bool = False) -> list[Problem]:
    """Every enabled check over the corpus, reported on `targets` (all records when None),
    and the cross-record problems the targets cause in other records.

    `only_source` limits the run to the yaml and schema families (`evalcheck validate`).
    """
    run = _Run(config, set(targets) if targets is not None else None, [], set())
    registry = checks.registry()
    for record in records:
        if run.targets is None or record.path in run.targets:
            for finding in source_findings(record):
                _emit(run, record, finding, finding.check)
    if not only_source:
        corpus = Corpus(list(records), run.targets)
        # the records each record check looks at, by kind, worked out once (in corpus order)
        in_scope = [r for r in records if run.targets is None or r.path in run.targets]
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
                chosen = [r for r, kind in zip(in_scope, kinds, strict=True)
                          if kind is not None and (not check.applies_to
                                                   or kind in check.applies_to)] \
                    if len(check.applies_to) != 1 else by_kind.get(check.applies_to[0], [])
                for record in chosen:
                    for finding in _record_findings(check, record, ctx, key):
                        _emit(run, record, finding, check.name)
                if check.across is not None:
                    for record, finding in check.across(corpus, ctx):
                        _emit(run, record, finding, check.name, anywhere=True)
            else:
                for record, finding in check.func(corpus, ctx):
                    _emit(run, record, finding, check.name, anywhere=True)
        _unused_suppressions(run, records)
    return sorted(run.problems)


def _emit(run: _Run, record: Record, finding: Finding, name: str,
          anywhere: bool = False) -> None:
    """Stamp, locate and keep one finding. Only cross-record checks may report `anywhere`:
    on a record the run does not name, the problems a named one causes there."""
    config = run.config
    if not anywhere and run.targets is not None and record.path not in run.targets:
        return
    if not config.enabled(name) or config.ignored_at(record.path, name):
        return
    if finding.at is not None:
        line, column = finding.at
    else:
        line, column = record.doc.locator.locate(finding.path, finding.key)
    suppression = covering(record.suppressions, line, name) if name not in LOCKED else None
    if suppression is not None:
        run.used.add((record.path, suppression.line))
        return
    item = stable_item(record.data, finding.path) if finding.at is None else ""
    run.problems.append(Problem(record.path, line, column, name, config.severity_of(name),
                                no_surrogates(finding.message), no_surrogates(finding.hint),
                                record.id, item))


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
