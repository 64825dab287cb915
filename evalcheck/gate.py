"""What a pull request changed in its own gate: the configuration, the baseline and the
suppression comments, compared with a revision (`lint --config-from REV`), in words for the
reviewer.

Pure: settings tables, baseline entries and suppressions in, sentences out. With
--config-from the pull request's configuration and baseline are not used (those of REV are),
but its suppressions are (they sit in the records); all three are named, so a reviewer sees
every attempt to loosen the gate.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

from evalcheck.suppress import Suppression


def setting_changes(now: Mapping[str, Any] | None, then: Mapping[str, Any], rev: str,
                    now_error: str = "") -> list[str]:
    """The settings the working tree's configuration adds, removes or changes (`now` None:
    it could not be read, `now_error` says why)."""
    if now is None:
        return [f"the configuration cannot be read ({now_error}); the one at {rev} is used"]
    keys = sorted(k for k in {*now, *then} if now.get(k) != then.get(k))
    if not keys:
        return []
    return [f"the configuration changes {_list(keys)}; not used: the configuration at {rev} "
            "is"]


def baseline_changes(name: str, now: Iterable[tuple[str, str, str]] | None,
                     then: Iterable[tuple[str, str, str]] | None, rev: str) -> list[str]:
    """Entries (record, item, check) the working tree's baseline adds or removes."""
    if now is None and then is None:
        return []
    before, after = Counter(then or ()), Counter(now or ())
    added, removed = after - before, before - after
    if not added and not removed:
        return []
    parts = []
    if added:
        shown = ", ".join(f"{c} on {r} {i}" for r, i, c in sorted(added)[:5])
        more = f" and {sum(added.values()) - 5} more" if sum(added.values()) > 5 else ""
        parts.append(f"adds {_count(sum(added.values()), 'entry', 'entries')} ({shown}{more})")
    if removed:
        parts.append(f"removes {_count(sum(removed.values()), 'entry', 'entries')}")
    return [f"the baseline {name} {' and '.join(parts)}; not used: the baseline at {rev} is"]


def suppression_changes(path: str, now: Mapping[int, Suppression],
                        then: Mapping[int, Suppression]) -> list[str]:
    """Suppression comments added to or removed from one file (matched on what they say,
    not where they are, so moving lines is not a change)."""
    def said(s: Suppression) -> tuple[str, tuple[str, ...], str]:
        return (s.directive, s.checks, s.reason)

    before = Counter(said(s) for s in then.values())
    out = []
    for s in sorted(now.values(), key=lambda s: s.line):
        if before[said(s)] > 0:
            before[said(s)] -= 1
            continue
        why = f" ({s.reason})" if s.reason else " (no reason given)"
        out.append(f"{path} line {s.line}: a suppression of {', '.join(s.checks) or 'nothing'} "
                   f"was added{why}")
    gone = sum(before.values())
    if gone:
        out.append(f"{path}: {_count(gone, 'suppression', 'suppressions')} removed")
    return out


def _list(names: list[str]) -> str:
    return ", ".join(names)


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"
