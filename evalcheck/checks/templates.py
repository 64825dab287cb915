"""The templates family: skeleton values that nobody filled in."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from evalcheck.checks import Context, check
from evalcheck.problems import DataPath, Finding, Severity
from evalcheck.records import Record, describe

PLACEHOLDER_PREFIX = "TODO-"


def _any_placeholder(data: Any) -> bool:
    """Whether any text starts with the placeholder prefix: the same walk without building a
    path for every value, since almost no record has one (a third of the check's time)."""
    stack = [data]
    while stack:
        node = stack.pop()
        kind = type(node)
        if kind is str:
            if node.startswith(PLACEHOLDER_PREFIX):
                return True
        elif kind is dict or kind is list:
            stack.extend(node.values() if kind is dict else node)
    return False


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


def _where(data: Any, path: DataPath) -> str:
    """The field as a person names it: `title`, `description of action 1.1`, `responsible of
    action 1.1` (a list's item is named by its list)."""
    if not path:
        return "the value"
    field_at = len(path) - 2 if isinstance(path[-1], int) and len(path) > 1 else len(path) - 1
    thing = describe(data, path[:field_at])
    return f"{path[field_at]} of {thing}" if thing else ".".join(map(str, path))


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
    if not _any_placeholder(record.data):
        return
    for path, text in _placeholders(record.data):
        yield Finding(f"{_where(record.data, path)} is still the placeholder "
                      f"{text!r}", path=path, hint="replace it with the real value")
