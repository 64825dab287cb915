"""Parser errors in words: when libyaml stops on a mis-indented line, say which line to line
up with which, instead of "did not find expected key while parsing a block mapping".

Pure: the file's text and where the parser stopped in, a message and a hint out (or None when
the stop does not look like an indentation slip, and the parser's words stay).
"""

from __future__ import annotations

import re
from typing import NamedTuple

# The parser's words when a line is indented more or less than its neighbours.
_INDENTATION_PROBLEMS = ("mapping values are not allowed", "did not find expected key",
                         "did not find expected '-' indicator", "expected <block end>")
_KEY = re.compile(r"(?:- +)*[^\s#\-][^:#]*:(?:\s|$)")  # `key:`, or `- key:` in a list


class Slip(NamedTuple):
    """A mis-indented line and the line it should line up with (1-based numbers)."""

    message: str
    hint: str
    line: int
    column: int


def _spaces(n: int) -> str:
    return f"{n} space" + ("" if n == 1 else "s")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _shape(line: str) -> tuple[str, int] | None:
    """('item', column of its dash) for a list item, ('key', column of its key) for a
    `key: value` line (a list item's first key counts at its own column), None otherwise."""
    body = line.strip()
    if not body or body.startswith("#"):
        return None
    if body.startswith("- ") or body == "-":
        return "item", _indent(line)
    if _KEY.match(body):
        return "key", _indent(line)
    return None


def _key_column(line: str) -> int | None:
    """The column of the key in `key:` or `- key:` lines (what a sibling key lines up with)."""
    body = line.lstrip(" ")
    dashes = re.match(r"(?:- +)*", body)
    rest = body[dashes.end():] if dashes else body
    return _indent(line) + (dashes.end() if dashes else 0) if _KEY.match(rest) else None


def indentation_slip(text: str, problem: str, line: int) -> Slip | None:
    """What to say when the parser stopped on `line` (1-based) with `problem`, if it is an
    indentation slip: the nearest line above of the same shape (a list item, or a key) that is
    indented up to two spaces differently is the one to line up with."""
    if not any(problem.startswith(p) for p in _INDENTATION_PROBLEMS):
        return None
    lines = text.splitlines()
    if not 1 <= line <= len(lines):
        return None
    here = _shape(lines[line - 1])
    if here is None:
        return None
    kind, column = here
    for above in range(line - 1, 0, -1):
        other = lines[above - 1]
        if _shape(other) is None:
            continue
        target = _indent(other) if kind == "item" else _key_column(other)
        if kind == "item" and _shape(other) != ("item", target):
            target = None
        if target is None or abs(target - column) > 2:
            continue
        if target == column:
            return None  # it lines up with its neighbour: not an indentation slip
        return Slip(f"line {line} does not line up with line {above}: it is indented "
                    f"{_spaces(column)}, line {above} {_spaces(target)}",
                    f"indent line {line} like line {above}, with "
                    f"{_spaces(target) if target else 'no spaces'}", line, column + 1)
    return None


def colon_in_value(text: str, problem: str, line: int) -> str:
    """A hint for `title: Evaluation: final report`, which YAML reads as a mapping in a value."""
    lines = text.splitlines()
    if not problem.startswith("mapping values are not allowed") or not 1 <= line <= len(lines):
        return ""
    key, sep, value = lines[line - 1].strip().partition(": ")
    if not sep or ": " not in value or value.startswith(("'", '"')):
        return ""
    return f'put the value in quotes: {key}: "{value}"'
