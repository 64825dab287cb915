"""The templates family: skeleton values that nobody filled in."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from evalcheck.checks import Context, check
from evalcheck.problems import DataPath, Finding, Severity
from evalcheck.records import Record

PLACEHOLDER_PREFIX = "TODO-"


def _strings(data: Any, path: DataPath = ()) -> Iterator[tuple[DataPath, str]]:
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(value, (*path, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _strings(value, (*path, i))


@check("placeholder-text", family="templates", severity=Severity.ERROR)
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
    for path, text in _strings(record.data):
        if text.startswith(PLACEHOLDER_PREFIX):
            yield Finding(f"{'.'.join(map(str, path)) or 'value'} is still the placeholder "
                          f"{text!r}", path=path, hint="replace it with the real value")
