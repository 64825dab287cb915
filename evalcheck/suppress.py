"""Inline suppressions: `# evalcheck: ignore[check-name, other] reason` on or above a line."""

from __future__ import annotations

import re
from dataclasses import dataclass

_COMMENT = re.compile(
    rb"#[ \t]*evalcheck:[ \t]*([\w-]+)(?:\[([^\]\n]*)\])?(?:[ \t]+([^\n]*?))?[ \t]*\r?$", re.M)


@dataclass(frozen=True, slots=True)
class Suppression:
    """One suppression comment: the line it sits on, the checks it names, and why."""

    line: int
    column: int
    checks: tuple[str, ...]
    reason: str
    directive: str


Suppressions = dict[int, Suppression]


def parse_suppressions(raw: bytes) -> Suppressions:
    """Find every `# evalcheck:` comment; keyed by its 1-based line."""
    found: Suppressions = {}
    line, counted = 1, 0
    for m in _COMMENT.finditer(raw):
        start = m.start()
        line += raw.count(b"\n", counted, start)  # only since the last one: stays linear
        counted = start
        # columns count characters, as the YAML parser's do, not UTF-8 bytes
        column = len(raw[raw.rfind(b"\n", 0, start) + 1:start].decode("utf-8", "replace")) + 1
        names = m.group(2).decode("utf-8", "replace") if m.group(2) is not None else ""
        checks = tuple(n.strip() for n in names.split(",") if n.strip())
        reason = (m.group(3) or b"").decode("utf-8", "replace").strip()
        found[line] = Suppression(line, column, checks, reason,
                                  m.group(1).decode("utf-8", "replace"))
    return found


def covering(suppressions: Suppressions, line: int, check: str) -> Suppression | None:
    """The suppression that silences `check` at `line`: on that line or the line above."""
    for at in (line, line - 1):
        s = suppressions.get(at)
        if s is not None and s.directive == "ignore" and check in s.checks:
            return s
    return None
