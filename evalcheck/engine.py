"""Run the checks: records in, sorted located problems out. Pure: no files, no clock, no output.

The engine is the one place that knows policy: which checks are enabled, their severities,
per-path ignores, inline suppressions and which files the caller asked about. Checks only
say what is wrong and where in the data.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

from evalcheck import checks, schemas
from evalcheck.checks import Check, Context
from evalcheck.config import Config
from evalcheck.problems import Finding, Problem, Severity
from evalcheck.records import Corpus, Record, stable_item
from evalcheck.suppress import Suppression, covering
import datetime as dt


@dataclass
class _Run:
    config: Config
    targets: Collection[str] | None
    problems: list[Problem]
    used: set[tuple[str, int]]


def source_findings(record: Record, validate: bool = True) -> list[Finding]:
    """What the loader and the schema validator say about one record."""
    found = list(record.doc.findings)
    if validate:
        found.extend(schemas.validate(record))
    return found


def lint(records: Sequence[Record], config: Config, as_of: dt.date,
         targets: Collection[str] | None = None, only_source: bool = False) -> list[Problem]:
    """Every enabled check over the corpus, reported on `targets` (all records when None).

    `only_source` limits the run to the yaml and schema families (`evalcheck validate`).
    """
    run = _Run(config, set(targets) if targets is not None else None, [], set())
    registry = checks.registry()
    for record in records:
        if run.targets is None or record.path in run.targets:
            for finding in source_findings(record):
                _emit(run, record, finding, finding.check)
    if not only_source:
        corpus = Corpus(list(records))
        for check in registry.values():
            if check.func is None or not config.enabled(check.name):
                continue
            ctx = Context(as_of, config.options_for(check.name))
            if check.scope == "record":
                for record in records:
                    if _applies(check, record) and (run.targets is None
                                                    or record.path in run.targets):
                        for finding in check.func(record, ctx):
                            _emit(run, record, finding, check.name)
            else:
                for record, finding in check.func(corpus, ctx):
                    _emit(run, record, finding, check.name)
        _unused_suppressions(run, records)
    return sorted(run.problems)


def _applies(check: Check, record: Record) -> bool:
    kind = record.kind
    return kind is not None and (not check.applies_to or kind in check.applies_to)


def _emit(run: _Run, record: Record, finding: Finding, name: str) -> None:
    config = run.config
    if run.targets is not None and record.path not in run.targets:
        return
    if not config.enabled(name) or config.ignored_at(record.path, name):
        return
    if finding.at is not None:
        line, column = finding.at
    else:
        line, column = record.doc.locator.locate(finding.path, finding.key)
    suppression = covering(record.suppressions, line, name)
    if suppression is not None:
        run.used.add((record.path, suppression.line))
        return
    item = stable_item(record.data, finding.path) if finding.at is None else ""
    run.problems.append(Problem(record.path, line, column, name, config.severity_of(name),
                                finding.message, finding.hint, record.id, item))


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
                                           run.config)
            if message:
                run.problems.append(Problem(record.path, s.line, s.column, name,
                                            run.config.severity_of(name), message[0],
                                            message[1], record.id, f"line {s.line}"))


def _suppression_problem(s: Suppression, registry: dict[str, Check], used: bool,
                         config: Config) -> tuple[str, str] | None:
    example = "# evalcheck: ignore[check-name] why it is kept"
    if s.directive != "ignore":
        return (f"unknown evalcheck directive {s.directive!r}", f"write: {example}")
    if not s.checks:
        return ("the suppression names no check", f"write: {example}")
    unknown = [c for c in s.checks if c not in registry]
    if unknown:
        return (f"the suppression names an unknown check {unknown[0]!r}",
                "`evalcheck rules` lists the checks")
    if not s.reason:
        return ("the suppression gives no reason", f"write: {example}")
    if not used and all(config.enabled(c) for c in s.checks):
        return (f"the suppression of {', '.join(s.checks)} suppresses nothing",
                "remove the comment: the problem it was written for is gone")
    return None


def worst(problems: Iterable[Problem]) -> Severity | None:
    ranks = [p.severity for p in problems]
    return max(ranks, key=lambda s: s.rank) if ranks else None
