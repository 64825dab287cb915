"""The templates family: skeleton values that nobody filled in."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from evalcheck.checks import Context, check
from evalcheck.problems import DataPath, Finding, Severity
from evalcheck.records import Record

PLACEHOLDER_PREFIX = "TODO-"


def _placeholders(data: Any) -> Iterator[tuple[DataPath, str]]:
    """Every text that starts with the placeholder prefix, wherever it is (a loop, not
    recursion: records hold millions of values in all)."""
    if isinstance(data, str):
        if data.startswith(PLACEHOLDER_PREFIX):
            yield (), data
        return
    stack: list[tuple[DataPath, Any]] = [((), data)] if isinstance(data, (dict, list)) else []
    while stack:
        path, node = stack.pop()
        for key, value in node.items() if isinstance(node, dict) else enumerate(node):
            if isinstance(value, str):
                if value.startswith(PLACEHOLDER_PREFIX):
                    yield (*path, key), value
            elif isinstance(value, (dict, list)):
                stack.append(((*path, key), value))


@check("placeholder-text", family="templates", severity=Severity.ERROR, reads_as_of=False)
def placeholder_text(record: Record, ctx: Context) -> Iterator[Finding]:
    """A `TODO-` placeholder from `evalcheck new` that is still in the record.

    Why: a skeleton is valid YAML so editors can help while it is filled in; a placeholder
    left behind would otherwise pass every other check and reach the reports as a title, an
    owner or an action.

    Bad:
        kind: evaluation
        id: EV-2024-01
        title: TODO-title
        status: planned
        owner: me-unit
    Good:
        kind: evaluation
        id: EV-2024-01
        title: Final evaluation of the school meals project
        status: planned
        owner: me-unit
    """
    for path, text in _placeholders(record.data):
        yield Finding(f"{'.'.join(map(str, path)) or 'value'} is still the placeholder "
                      f"{text!r}", path=path, hint="replace it with the real value")
