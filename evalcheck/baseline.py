"""Baselines: accept today's known problems so only new ones fire.

Entries are keyed on (record id or file, item, check) — not line numbers — so edits above a
problem do not break them. Each entry carries a `reason` people fill in.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from evalcheck.problems import Problem
from evalcheck.textsafe import shown_path

Key = tuple[str, str, str]
HEADER = (
    "# evalcheck baseline: problems accepted on purpose, so that only new ones fail a run.\n"
    "# Each entry is matched on record, item and check; say in `reason` why it is kept.\n"
)


class BaselineError(ValueError):
    """A baseline file that cannot be read."""


def key(problem: Problem) -> Key:
    where = problem.record or shown_path(problem.path)
    item = problem.item or f"line {problem.line}"
    return (where, item, problem.check)


def dump(problems: Sequence[Problem], reasons: dict[Key, str] | None = None) -> str:
    """Baseline YAML for these problems (keeping reasons already written for the same keys)."""
    import yaml

    reasons = reasons or {}
    entries = []
    for p in sorted(acceptable(problems), key=key):
        k = key(p)
        entries.append({"record": k[0], "item": k[1], "check": k[2], "message": p.message,
                        "reason": reasons.get(k, "")})
    body = yaml.safe_dump({"version": 1, "entries": entries}, sort_keys=False,
                          allow_unicode=True, width=100)
    return HEADER + body


def load(raw: bytes, name: str) -> tuple[Counter[Key], dict[Key, str]]:
    """Read a baseline: how many problems each key accepts, and the reasons given."""
    from evalcheck.yamlload import parse

    doc = parse(raw)
    if doc.findings:
        f = doc.findings[0]
        raise BaselineError(f"{name}:{f.at[0] if f.at else 1}: {f.message}")
    data: Any = doc.data or {}
    entries = data.get("entries", []) if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise BaselineError(f"{name}: expected `entries:` with a list of accepted problems")
    counts: Counter[Key] = Counter()
    reasons: dict[Key, str] = {}
    for i, entry in enumerate(entries):
        if not isinstance(entry, dict) or not all(isinstance(entry.get(k), str)
                                                  for k in ("record", "item", "check")):
            raise BaselineError(f"{name}: entry {i + 1} needs record, item and check")
        k = (entry["record"], entry["item"], entry["check"])
        counts[k] += 1
        if isinstance(entry.get("reason"), str):
            reasons[k] = entry["reason"]
    return counts, reasons


def acceptable(problems: Iterable[Problem]) -> list[Problem]:
    """The problems a baseline may accept: not those of the gate's floor (config.LOCKED), which
    a pull request could otherwise add to its own baseline."""
    from evalcheck.config import LOCKED

    return [p for p in problems if p.check not in LOCKED]


def filter_new(problems: Iterable[Problem], accepted: Counter[Key]) -> list[Problem]:
    """The problems the baseline does not accept (each entry accepts one occurrence; never
    one of config.LOCKED)."""
    from evalcheck.config import LOCKED

    left = Counter(accepted)
    out = []
    for p in problems:
        k = key(p)
        if left[k] > 0 and p.check not in LOCKED:
            left[k] -= 1
        else:
            out.append(p)
    return out
