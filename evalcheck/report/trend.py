"""The indicators at each period's end, from the records as committed then.

Pure: the commits (newest first, with their dates) and the records' data at the chosen commits
in, one point per period out. Which commit stands for a period is the last one made on or
before the period's end (or before the as-of date, for a period not over yet); a period before
the first commit has no records, and its indicators count nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from evalcheck.report.board import TrendPoint
from evalcheck.report.boardrows import Part, read_part, rows_of
from evalcheck.report.indicators import indicators
from evalcheck.report.periods import Period, walk


def last_on_or_before(commits: Sequence[tuple[str, dt.date]], day: dt.date) -> str:
    """The newest commit of `commits` (newest first) made on or before `day`, or ""."""
    return next((c for c, when in commits if when <= day), "")


def plan(step: str, since: dt.date, until: dt.date,
         commits: Sequence[tuple[str, dt.date]]) -> list[tuple[Period, dt.date, str]]:
    """(period, the day it is measured on, the commit that stands for it) for each period."""
    out = []
    for period in walk(step, since, until):
        at = min(period.end, until)
        out.append((period, at, last_on_or_before(commits, at)))
    return out


def points(planned: Sequence[tuple[Period, dt.date, str]],
           data: Mapping[str, Sequence[Any]], days: int) -> tuple[TrendPoint, ...]:
    """The trend: each period's indicators from the records at its commit. A file version
    held by many commits is the same object in `data`: it is read into its part once."""
    parts: dict[int, Part | None] = {}

    def part(record: Any) -> Part | None:
        key = id(record)
        if key not in parts:
            parts[key] = read_part(record)
        return parts[key]

    out = []
    for period, at, commit in planned:
        rows = rows_of([part(r) for r in data.get(commit, ())], at)
        out.append(TrendPoint(period.label, at.isoformat(), commit,
                              indicators(rows.actions, rows.evaluations, period, at, days)))
    return tuple(out)
