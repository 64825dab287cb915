"""report.json: the whole report as data, for dashboards and scripts.

Keys are stable (the `format` number changes when they do); numbers are numbers, dates ISO
strings, floats rounded so that the file is byte-for-byte reproducible.
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from evalcheck.problems import Problem
from evalcheck.report.changes import ChangeReport
from evalcheck.report.model import ReportData
from evalcheck.report.rows import ActionRow

FORMAT = 1


def _plain(value: Any) -> Any:
    if isinstance(value, Problem):
        return value.as_dict()
    if isinstance(value, ChangeReport):
        return {**{f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)},
                "total": value.total}
    if isinstance(value, ActionRow):
        return {**{f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)},
                "open": value.is_open}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, float):
        return round(value, 4)
    return value


def _dump(data: dict[str, Any]) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def render(report: ReportData) -> str:
    data = _plain(report)
    del data["owner_names"]
    used = _owners_used(report)
    return _dump({"format": FORMAT, **data,
                  "owners": {k: report.owner_name(k) for k in sorted(used)}})


def render_changes(changes: ChangeReport) -> str:
    return _dump({"format": FORMAT, **_plain(changes)})


def _owners_used(report: ReportData) -> set[str]:
    used = {a for row in report.implementation.actions for a in row.owners}
    used |= {o for r in report.coverage.recommendations for o in r.addressed_to}
    used |= {e.owner for e in report.portfolio.evaluations}
    return {u for u in used if u}
