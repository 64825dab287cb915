"""Lint output formats: each a pure function from problems to one string.

json is the contract of rules.md; github follows GitHub's workflow-command syntax; sarif is
SARIF 2.1.0 for code-scanning; markdown is for $GITHUB_STEP_SUMMARY and pull-request comments;
concise is one line per problem for editors' problem matchers; junit and gitlab are what other
CI systems read (JUnit XML test reports, GitLab's code-quality report).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from itertools import groupby
from json.encoder import encode_basestring
from typing import TYPE_CHECKING

from evalcheck import __version__
from evalcheck.about import REPOSITORY, check_url
from evalcheck.problems import Problem, Severity
from evalcheck.textsafe import md_escape, no_surrogates, shown_path, visible

if TYPE_CHECKING:
    from evalcheck.checks import Check


@dataclass(frozen=True, slots=True)
class RunInfo:
    """What a summary line needs beyond the problems."""

    files: int = 0
    color: bool = False
    suppressed_by_baseline: int = 0
    named: frozenset[str] | None = None  # the files the run was asked about (None: all)
    # with --config-from: what the working tree changes in the gate's settings (gate.py)
    gate: tuple[str, ...] | None = None
    gate_base: str = ""
    quiet: bool = False  # the problems only: no summary line
    # --show-source: the lines of each file with problems, by path (text format only)
    sources: Mapping[str, Sequence[str]] | None = None


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def totals(problems: Sequence[Problem], info: RunInfo) -> str:
    errors = sum(p.severity is Severity.ERROR for p in problems)
    warnings = len(problems) - errors
    files = len({p.path for p in problems})
    others = len({p.path for p in problems} - info.named) if info.named is not None else 0
    broken = f"; {_plural(others, 'other file')} broken by {'it' if info.files == 1 else 'them'}" \
        if others else ""
    checked = f" ({_plural(info.files, 'file')} checked{broken})" if info.files else ""
    base = (f"; {_plural(info.suppressed_by_baseline, 'known problem')} accepted by the baseline"
            if info.suppressed_by_baseline else "")
    if not problems:
        return f"No problems found{checked}{base}."
    return (f"Found {_plural(errors, 'error')} and {_plural(warnings, 'warning')} in "
            f"{_plural(files, 'file')}{checked}{base}.")


def format_text(problems: Sequence[Problem], info: RunInfo) -> str:
    import click

    def style(text: str, **kw: object) -> str:
        return click.style(text, **kw) if info.color else text  # type: ignore[arg-type]

    lines: list[str] = []
    for path, group in groupby(problems, key=lambda p: p.path):
        lines.append(style(shown_path(path), bold=True, underline=True))
        for p in group:
            colour = "red" if p.severity is Severity.ERROR else "yellow"
            where = f"{p.line}:{p.column}".ljust(8)
            lines.append(f"  {style(where, dim=True)}{style(p.severity.value.ljust(8), fg=colour)}"
                         f"{style(_name_column(p.check), fg='cyan')}{_one_line(p.message)}")
            if p.hint:
                lines.append(" " * 45 + style(f"hint: {_one_line(p.hint)}", dim=True))
            if info.sources is not None:
                lines += [style(line, dim=True) for line in
                          source_excerpt(info.sources.get(p.path, ()), p.line, p.column)]
        lines.append("")
    if info.quiet:
        return "\n".join(lines[:-1]) + "\n" if lines else ""
    lines += [visible(line) for line in _gate_lines(info)]
    lines.append(style(totals(problems, info), bold=True))
    return "\n".join(lines) + "\n"


def _gate_lines(info: RunInfo) -> list[str]:
    if info.gate is None:
        return []
    if not info.gate:
        return [f"The configuration, the baseline and the suppressions are as at "
                f"{info.gate_base}.", ""]
    return [f"Changes to the gate since {info.gate_base} (review them):",
            *(f"  - {_one_line(change)}" for change in info.gate), ""]


def source_excerpt(lines: Sequence[str], line: int, column: int) -> list[str]:
    """The offending line with a caret under the column (--show-source); nothing when the
    line is not there (an unreadable file, a problem about the whole file)."""
    if not 0 < line <= len(lines):
        return []
    text = visible(lines[line - 1].rstrip("\r\n").replace("\t", " "))
    number = str(line).rjust(6)
    return [f"{number} | {text}", f"{' ' * 6} | {' ' * (column - 1)}^"]


def format_concise(problems: Sequence[Problem], info: RunInfo) -> str:
    """One line per problem, `path:line:column: severity [check] message`, for editors and
    problem matchers; the summary line last (none with --quiet)."""
    out = [f"{shown_path(p.path)}:{p.line}:{p.column}: {p.severity.value} [{p.check}] "
           f"{_one_line(p.message)}" for p in problems]
    if not info.quiet:
        out.append(totals(problems, info))
    return "".join(line + "\n" for line in out)


def _one_line(text: str) -> str:
    return visible(" ".join(text.split()))


def format_json(problems: Sequence[Problem], info: RunInfo) -> str:
    """json.dumps(..., ensure_ascii=False, indent=2) of the problems' dicts, byte for byte,
    written out directly: the indenting encoder is pure Python, and a neglected portfolio
    has tens of thousands of problems."""
    if not problems:
        return "[]\n"
    text = encode_basestring  # json's own string encoder, in C
    # a path, check, severity, hint or record id repeats from one problem to the next (35,000
    # problems of a neglected portfolio hold a few thousand of each): each encoded once
    seen: dict[object, str] = {}

    def once(value: str) -> str:
        got = seen.get(value)
        if got is None:
            got = seen[value] = text(value)
        return got

    paths: dict[str, str] = {}
    for p in problems:
        if p.path not in paths:
            paths[p.path] = text(shown_path(p.path))
    items = [_JSON_ITEM % (paths[p.path], p.line, p.column, once(p.check),
                           once(p.severity), text(p.message), once(p.hint), once(p.record),
                           text(p.item)) for p in problems]
    return "[\n" + ",\n".join(items) + "\n]\n"


_JSON_ITEM = ('  {\n    "path": %s,\n    "line": %d,\n    "column": %d,\n    "check": %s,\n'
              '    "severity": %s,\n    "message": %s,\n    "hint": %s,\n    "record": %s,\n'
              '    "item": %s\n  }')


def _gh_data(text: str) -> str:
    return visible(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_property(text: str) -> str:
    return _gh_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(problems: Sequence[Problem], info: RunInfo) -> str:
    out = []
    for p in problems:
        level = "error" if p.severity is Severity.ERROR else "warning"
        message = p.message + (f" (hint: {p.hint})" if p.hint else "")
        where = f"file={_gh_property(shown_path(p.path))},line={p.line},col={p.column}"
        title = _gh_property("evalcheck " + p.check)
        out.append(f"::{level} {where},title={title}::{_gh_data(message)}")
    for change in info.gate or ():
        out.append(f"::warning title={_gh_property('evalcheck gate change')}::"
                   f"{_gh_data(change + ' (since ' + info.gate_base + ')')}")
    if not info.quiet:
        out.append(totals(problems, info))
    return "".join(line + "\n" for line in out)


def _uri(path: str) -> str:
    """A file path as the URI reference SARIF requires: its bytes percent-encoded (spaces,
    accents, control characters, and the bytes of a name that is not UTF-8, kept losslessly
    as surrogates)."""
    import os
    from urllib.parse import quote

    return quote(os.fsencode(path.replace("\\", "/")), safe="/")


def check_markdown(check: Check) -> str:
    """A check's documentation as Markdown: its paragraphs, and each indented bad or good
    example as a YAML code block (SARIF `help.markdown`, docs/checks.md)."""
    import inspect

    lines = inspect.cleandoc(check.doc).splitlines()
    out: list[str] = []
    block: list[str] = []

    def close() -> None:
        if block:
            out.extend(["", "```yaml", *inspect.cleandoc("\n".join(block)).splitlines(), "```",
                        ""])
            block.clear()

    for line in lines:
        if line.startswith("    ") and (block or (out and out[-1].endswith(":"))):
            block.append(line)
            continue
        close()
        out.append(line)
    close()
    text = "\n".join(out).strip()
    return re.sub(r"\n{3,}", "\n\n", text) + "\n"


def checks_reference() -> str:
    """docs/checks.md: every check's documentation, one section each (the page SARIF's
    helpUri points at; `evalcheck rules --format reference` prints it)."""
    from evalcheck import checks

    registry = sorted(checks.registry().values(), key=lambda c: (c.family, c.name))
    parts = ["# The checks", "",
             "Generated by `evalcheck rules --format reference`; `evalcheck explain NAME` "
             "prints one.", ""]
    for c in registry:
        parts += [f"## {c.name}", "",
                  f"Family `{c.family}`, default severity `{c.severity.value}`.", "",
                  check_markdown(c)]
    return "\n".join(parts).rstrip("\n") + "\n"


def _sarif_log(rules: list[dict[str, object]], results: list[dict[str, object]],
               notifications: list[dict[str, object]]) -> str:
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "evalcheck", "version": __version__,
                                "semanticVersion": __version__,
                                "informationUri": REPOSITORY,
                                "rules": rules}},
            "invocations": [{"executionSuccessful": not notifications,
                             "toolExecutionNotifications": notifications}],
            "results": results,
            "columnKind": "unicodeCodePoints",
        }],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def format_sarif(problems: Sequence[Problem], info: RunInfo) -> str:
    from evalcheck import checks

    registry = checks.registry()
    names = sorted(registry)
    index = {name: i for i, name in enumerate(names)}
    rules: list[dict[str, object]] = []
    for name in names:
        c = registry[name]
        rules.append({
            "id": name,
            "name": "".join(w.capitalize() for w in name.split("-")),
            "shortDescription": {"text": c.summary},
            "fullDescription": {"text": " ".join(c.doc.split())},
            "help": {"text": c.doc.strip(), "markdown": check_markdown(c)},
            "helpUri": check_url(name),
            "defaultConfiguration": {"level": c.severity.value},
            "properties": {"family": c.family,
                           "tags": ["evalcheck", c.family, c.severity.value]},
        })
    results: list[dict[str, object]] = []
    for p in problems:
        message = no_surrogates(p.message + (f" (hint: {p.hint})" if p.hint else ""))
        results.append({
            "ruleId": p.check,
            "ruleIndex": index[p.check],
            "level": p.severity.value,
            "message": {"text": message},
            "locations": [{"physicalLocation": {
                "artifactLocation": {"uri": _uri(p.path), "uriBaseId": "%SRCROOT%"},
                "region": {"startLine": p.line, "startColumn": p.column},
            }}],
            "partialFingerprints": {"evalcheck/v1": "|".join((
                p.record or shown_path(p.path), p.item, p.check))},
        })
    return _sarif_log(rules, results, [])


def sarif_failure(message: str) -> str:
    """The SARIF log of a run that could not check anything (exit 2): no results, and the
    error as a tool execution notification, so code scanning shows why."""
    return _sarif_log([], [], [{"level": "error", "message": {"text": message},
                                "descriptor": {"id": "usage-error"}}])


def format_markdown(problems: Sequence[Problem], info: RunInfo) -> str:
    lines = ["## evalcheck lint", "", totals(problems, info), ""]
    if info.gate is not None:
        lines += [f"### Changes to the gate since {md_escape(info.gate_base)}", ""]
        lines += [f"- {md_escape(change)}" for change in info.gate] or [
            "None: the configuration, the baseline and the suppressions are as they were.",
        ]
        lines.append("")
    if problems:
        by_check = Counter((p.check, p.severity.value) for p in problems)
        lines += ["| check | severity | problems |", "|---|---|---:|"]
        for (check, severity), n in sorted(by_check.items(), key=lambda kv: (-kv[1], kv[0])):
            lines.append(f"| `{check}` | {severity} | {n} |")
        lines.append("")
        for path, group in groupby(problems, key=lambda p: p.path):
            items = list(group)
            lines += [f"<details><summary>{md_escape(shown_path(path))} ({len(items)})</summary>",
                      ""]
            lines += ["| line | severity | check | message |", "|---:|---|---|---|"]
            for p in items:
                lines.append(f"| {p.line}:{p.column} | {p.severity.value} | `{p.check}` | "
                             f"{md_escape(p.message)} |")
            lines += ["", "</details>", ""]
    return "\n".join(lines) + "\n"


def format_junit(problems: Sequence[Problem], info: RunInfo) -> str:
    """JUnit XML, which GitLab, Jenkins, Azure Pipelines and others show as test results: one
    failing test case per problem (its severity in the message), or one passing case when
    there is none, so a clean run is visible too."""
    from xml.sax.saxutils import escape, quoteattr

    def attr(text: object) -> str:
        return quoteattr(_xml_text(str(text)))

    cases = []
    for p in problems:
        path = shown_path(p.path)
        where = f"{path}:{p.line}:{p.column}"
        body = f"{p.severity.value}: {p.message}" + (f"\nhint: {p.hint}" if p.hint else "")
        cases.append(f"    <testcase name={attr(f'{p.check} at {where}')} "
                     f"classname={attr(path)} file={attr(path)} line=\"{p.line}\">\n"
                     f"      <failure type={attr(p.check)} message={attr(p.message)}>"
                     f"{escape(_xml_text(body))}</failure>\n    </testcase>")
    if not problems:
        cases.append(f"    <testcase name={attr(totals(problems, info))} "
                     f"classname=\"evalcheck\"/>")
    failures, tests = len(problems), max(len(problems), 1)
    return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            f"<testsuites name=\"evalcheck\" tests=\"{tests}\" failures=\"{failures}\" "
            "errors=\"0\">\n"
            f"  <testsuite name=\"evalcheck\" tests=\"{tests}\" failures=\"{failures}\" "
            "errors=\"0\" skipped=\"0\">\n" + "\n".join(cases)
            + "\n  </testsuite>\n</testsuites>\n")


def _xml_text(text: str) -> str:
    """Characters XML 1.0 cannot hold at all (most control characters) shown as \\xNN."""
    return visible(text)


def format_gitlab(problems: Sequence[Problem], info: RunInfo) -> str:
    """GitLab's code-quality report (a JSON array; `artifacts: reports: codequality:`). The
    fingerprint is stable across runs: record, item and check (path when there is no record),
    numbered when one key has several problems."""
    import hashlib

    seen: Counter[str] = Counter()
    issues = []
    for p in problems:
        path = shown_path(p.path)
        key = "|".join((p.record or path, p.item, p.check, p.message if not p.record else ""))
        seen[key] += 1
        digest = hashlib.sha256(f"{key}|{seen[key]}".encode()).hexdigest()
        issues.append({
            "type": "issue",
            "check_name": p.check,
            "description": p.message + (f" (hint: {p.hint})" if p.hint else ""),
            "categories": ["Bug Risk" if p.severity is Severity.ERROR else "Style"],
            "severity": "major" if p.severity is Severity.ERROR else "minor",
            "fingerprint": digest,
            "location": {"path": path, "lines": {"begin": p.line}},
        })
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"


def _name_column(check: str) -> str:
    """A check's name padded to its column, and never run into the next one: the longest
    names (deadline-moved-without-reason) are wider than the column."""
    return check.ljust(26) + " "


def format_statistics(problems: Sequence[Problem], info: RunInfo, as_json: bool = False) -> str:
    """How many problems each check found, most first (--statistics), instead of the list."""
    counts = Counter((p.check, p.severity.value) for p in problems)
    rows = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    if as_json:
        return json.dumps([{"check": c, "severity": s, "count": n} for (c, s), n in rows],
                          indent=2) + "\n"
    width = max((len(f"{n:,}") for n in counts.values()), default=1)
    out = [f"{n:>{width},}  {_name_column(c)}{s}" for (c, s), n in rows]
    if not info.quiet:
        out.append(totals(problems, info))
    return "".join(line + "\n" for line in out)


Formatter = Callable[[Sequence[Problem], RunInfo], str]

FORMATTERS: dict[str, Formatter] = {
    "text": format_text,
    "json": format_json,
    "github": format_github,
    "sarif": format_sarif,
    "markdown": format_markdown,
    "concise": format_concise,
    "junit": format_junit,
    "gitlab": format_gitlab,
}
