"""report.json: the whole report as data, for dashboards and scripts.

Keys are stable (the `format` number changes when they do); numbers are numbers, dates ISO
strings, floats rounded so that the file is byte-for-byte reproducible.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Iterator
from json.encoder import encode_basestring
from typing import Any

from evalcheck.problems import Problem
from evalcheck.report.board import Board
from evalcheck.report.changes import ChangeReport
from evalcheck.report.indicators import Ratio
from evalcheck.report.model import ReportData
from evalcheck.report.rows import ActionRow

FORMAT = 1


def _shallow(value: Any) -> Any:
    """One level of a report object as JSON data; what it holds is converted as the encoder
    reaches it, so the whole report never exists twice in memory."""
    if isinstance(value, (Problem, Ratio)):
        return value.as_dict()
    if isinstance(value, dt.date):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out = {f.name: _number(getattr(value, f.name)) for f in dataclasses.fields(value)}
        if isinstance(value, ChangeReport):
            out["total"] = value.total
        elif isinstance(value, ActionRow):
            out["open"] = value.is_open
        return out
    raise TypeError(f"cannot write {type(value).__name__} to report.json")


def _number(value: Any) -> Any:
    return round(value, 4) if isinstance(value, float) else value


def _chunks(data: dict[str, Any]) -> Iterator[str]:
    """The bytes json.dumps(data, indent=2, ensure_ascii=False, default=_shallow) gives, in
    pieces of one list item or so (tests/report/test_jsonout.py holds them equal).

    json's indenting encoder is pure Python and yields a piece per token: 12 million pieces,
    most of a report's time, for a 10,000-record portfolio whose report.json is 130 MB. Here
    the pieces are whole items, built by a loop that knows only the types a report holds."""
    yield from _stream(data, 0)
    yield "\n"


_STREAM_BELOW = 2  # mappings nested less deep than this are written one value at a time
_LONG = 16  # lists longer than this, one item at a time


def _stream(value: Any, level: int) -> Iterator[str]:
    if type(value) not in _SIMPLE and not isinstance(value, (dict, list, tuple)):
        value = _shallow(value)
    is_dict = isinstance(value, dict)
    if not value or not ((is_dict and level < _STREAM_BELOW)
                         or (not is_dict and isinstance(value, (list, tuple))
                         and len(value) > _LONG)):
        out: list[str] = []
        _encode(value, level, out)
        yield "".join(out)
        return
    inner = "\n" + "  " * (level + 1)
    first = True
    if is_dict:
        for key, item in value.items():
            head = ("{" if first else ",") + inner + _key(key) + ": "
            first = False
            if isinstance(item, (dict, list, tuple)) or type(item) not in _SIMPLE:
                yield head
                yield from _stream(item, level + 1)
            else:
                out = [head]
                _encode(item, level + 1, out)
                yield "".join(out)
        yield "\n" + "  " * level + "}"
        return
    for item in value:
        out = ["[" if first else ",", inner]
        first = False
        _encode(item, level + 1, out)
        yield "".join(out)
    yield "\n" + "  " * level + "]"


_SIMPLE = frozenset({str, int, float, bool, type(None)})


def _key(key: Any) -> str:
    """A mapping key as json writes it: text, or a number or constant turned into text."""
    if isinstance(key, str):
        return encode_basestring(key)
    if isinstance(key, float):
        return encode_basestring(_float(key))
    if key is True or key is False or key is None:
        return encode_basestring(json.dumps(key))
    if isinstance(key, int):
        return encode_basestring(int.__repr__(key))
    raise TypeError(f"keys must be str, int, float, bool or None, not {type(key).__name__}")


def _float(value: float) -> str:
    return json.dumps(value)  # repr, and NaN/Infinity as json writes them


def _encode(value: Any, level: int, out: list[str]) -> None:
    """Append the pieces of `value`, indented as json.dumps(indent=2) indents at `level`."""
    if isinstance(value, str):
        out.append(encode_basestring(value))
    elif value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif isinstance(value, int):
        out.append(int.__repr__(value))
    elif isinstance(value, float):
        out.append(_float(value))
    elif isinstance(value, (list, tuple)):
        if not value:
            out.append("[]")
            return
        inner = "\n" + "  " * (level + 1)
        sep = "[" + inner
        for item in value:
            out.append(sep)
            sep = "," + inner
            _encode(item, level + 1, out)
        out.append("\n" + "  " * level + "]")
    elif isinstance(value, dict):
        if not value:
            out.append("{}")
            return
        inner = "\n" + "  " * (level + 1)
        sep = "{" + inner
        for key, item in value.items():
            out.append(sep)
            sep = "," + inner
            out.append(_key(key))
            out.append(": ")
            _encode(item, level + 1, out)
        out.append("\n" + "  " * level + "}")
    else:
        _encode(_shallow(value), level, out)


def stream(report: ReportData) -> Iterator[str]:
    """report.json in pieces, for writing a large report without holding it whole."""
    data = _shallow(report)
    del data["owner_names"]
    board = data.pop("board")
    used = _owners_used(report)
    return _chunks({"format": FORMAT, **data, **_board(board),
                    "owners": {k: report.owner_name(k) for k in sorted(used)}})


def _board(board: Board | None) -> dict[str, Any]:
    """The board part at the top level, its keys there (null) even when it was not asked for."""
    if board is None:
        return {"period": None, "response_overdue_days": None, "indicators": None,
                "breakdowns": None, "recommendation_status": None, "high_priority_overdue": [],
                "trend_step": None, "trend": None}
    return {"period": board.period, "response_overdue_days": board.response_days,
            "indicators": board.indicators, "breakdowns": board.breakdowns,
            "recommendation_status": board.recommendation_status,
            "high_priority_overdue": board.high_priority_overdue,
            "trend_step": board.trend_step or None, "trend": board.trend}


def render(report: ReportData) -> str:
    return "".join(stream(report))


def render_changes(changes: ChangeReport) -> str:
    return "".join(_chunks({"format": FORMAT, **_shallow(changes)}))


def _owners_used(report: ReportData) -> set[str]:
    used = {a for row in report.implementation.actions for a in row.owners}
    used |= {o for r in report.coverage.recommendations for o in r.addressed_to}
    used |= {e.owner for e in report.portfolio.evaluations}
    return {u for u in used if u}
