"""report.json's own encoder writes exactly what json.dumps(indent=2, ensure_ascii=False)
writes: on a whole report with a board part, and on any JSON value (hypothesis)."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from boardhistory import build
from hypothesis import given
from hypothesis import strategies as st

from evalcheck import loading
from evalcheck.config import load_config
from evalcheck.report import jsonout
from evalcheck.report.board import build_board
from evalcheck.report.model import build_report
from evalcheck.report.periods import parse_period


def _reference(data: Any) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False, default=jsonout._shallow) + "\n"


def test_a_whole_report_is_what_json_writes(tmp_path: Any) -> None:
    build(tmp_path)
    records = loading.load(load_config(tmp_path), [], cache=False).records
    period = parse_period("2024")
    assert not isinstance(period, str)
    report = build_report(records, [], period.end)
    report = report.with_board(build_board([r.data for r in records], report, period.end,
                                           period, 60))
    pieces = list(jsonout.stream(report))
    data = json.loads("".join(pieces))
    assert data["implementation"]["actions"] and data["indicators"]["closure_rate"]
    assert "".join(pieces) == _reference(data)
    assert len(pieces) > 20  # written a piece at a time, never as one string


_KEYS = st.one_of(st.text(max_size=8), st.integers(-5, 5), st.booleans(), st.none(),
                  st.floats(allow_nan=False, width=32))
_VALUES = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(),
              st.dates().map(dt.date.isoformat)),
    lambda inner: st.one_of(st.lists(inner, max_size=40),
                            st.dictionaries(_KEYS, inner, max_size=6)),
    max_leaves=60)


@given(st.dictionaries(st.text(max_size=6), _VALUES, max_size=5))
def test_any_value_is_what_json_writes(data: dict[str, Any]) -> None:
    assert "".join(jsonout._chunks(data)) == _reference(data)
