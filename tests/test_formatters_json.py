"""The json format is written out directly for speed; it must stay json.dumps' output."""

from __future__ import annotations

import json

import pytest

from evalcheck.formatters import RunInfo, format_json
from evalcheck.problems import Problem, Severity
from evalcheck.textsafe import shown_path

ODD = ["", "plain", 'quote " and \\ backslash', "tab\tnew\nline", "ünïcödé ✓ 中文",
       "\x00\x1f control", "\u2028 line separator", "emoji 😀"]


@pytest.mark.parametrize("count", [0, 1, 3])
def test_format_json_is_json_dumps(count: int) -> None:
    problems = [Problem(ODD[i % len(ODD)], i + 1, i + 2, f"check-{i}",
                        Severity.ERROR if i % 2 else Severity.WARNING, ODD[(i + 1) % len(ODD)],
                        ODD[(i + 2) % len(ODD)], ODD[(i + 3) % len(ODD)], ODD[(i + 4) % len(ODD)])
                for i in range(count * len(ODD))]
    # file names are shown escaped (a control character, or a byte that is not UTF-8)
    expected = json.dumps([{**p.as_dict(), "path": shown_path(p.path)} for p in problems],
                          ensure_ascii=False, indent=2) + "\n"
    assert format_json(problems, RunInfo()) == expected
