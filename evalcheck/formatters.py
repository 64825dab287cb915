"""Lint output formats: each a pure function from problems to one string.

json is the contract of rules.md; github follows GitHub's workflow-command syntax; sarif is
SARIF 2.1.0 for code-scanning; markdown is for $GITHUB_STEP_SUMMARY and pull-request comments.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import groupby
from json.encoder import encode_basestring

from evalcheck import __version__
from evalcheck.problems import Problem, Severity
from evalcheck.textsafe import md_escape, no_surrogates, shown_path, visible


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
                         f"{style(p.check.ljust(27), fg='cyan')}{_one_line(p.message)}")
            if p.hint:
                lines.append(" " * 45 + style(f"hint: {_one_line(p.hint)}", dim=True))
        lines.append("")
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


def _one_line(text: str) -> str:
    return visible(" ".join(text.split()))


def format_json(problems: Sequence[Problem], info: RunInfo) -> str:
    """json.dumps(..., ensure_ascii=False, indent=2) of the problems' dicts, byte for byte,
    written out directly: the indenting encoder is pure Python, and a neglected portfolio
    has tens of thousands of problems."""
    if not problems:
        return "[]\n"
    text = encode_basestring  # json's own string encoder, in C
    items = [_JSON_ITEM % (text(shown_path(p.path)), p.line, p.column, text(p.check),
                           text(p.severity.value), text(p.message), text(p.hint),
                           text(p.record), text(p.item)) for p in problems]
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
    out.append(totals(problems, info))
    return "\n".join(out) + "\n"


def _uri(path: str) -> str:
    """A file path as the URI reference SARIF requires: its bytes percent-encoded (spaces,
    accents, control characters, and the bytes of a name that is not UTF-8, kept losslessly
    as surrogates)."""
    import os
    from urllib.parse import quote

    return quote(os.fsencode(path.replace("\\", "/")), safe="/")


def format_sarif(problems: Sequence[Problem], info: RunInfo) -> str:
    from evalcheck import checks

    registry = checks.registry()
    names = sorted(registry)
    index = {name: i for i, name in enumerate(names)}
    rules = []
    for name in names:
        c = registry[name]
        rules.append({
            "id": name,
            "name": "".join(w.capitalize() for w in name.split("-")),
            "shortDescription": {"text": c.summary},
            "fullDescription": {"text": " ".join(c.doc.split())},
            "help": {"text": c.doc.strip()},
            "defaultConfiguration": {"level": c.severity.value},
            "properties": {"family": c.family},
        })
    results = []
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
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "evalcheck", "version": __version__,
                                "informationUri": "https://pypi.org/project/evalcheck/",
                                "rules": rules}},
            "results": results,
            "columnKind": "unicodeCodePoints",
        }],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


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


Formatter = Callable[[Sequence[Problem], RunInfo], str]

FORMATTERS: dict[str, Formatter] = {
    "text": format_text,
    "json": format_json,
    "github": format_github,
    "sarif": format_sarif,
    "markdown": format_markdown,
}
