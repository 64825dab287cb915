"""Helpers for the per-family check tables: inline files in, exact located problems compared."""

from __future__ import annotations

import datetime as dt
from textwrap import dedent
from typing import Any

from conftest import AS_OF, REPO, lint_text

from evalcheck.config import parse_config

Expected = list[tuple[str, int, int, str]]


def files(*docs: str) -> str:
    """Several inline YAML files (each dedented on its own) as records_from expects them."""
    return "\n---\n".join(dedent(d).strip("\n") for d in docs)


def assert_found(text: str, check: str, expected: Expected, as_of: dt.date = AS_OF,
                 options: dict[str, Any] | None = None) -> None:
    """Exactly these (file, line, column) problems of `check`, each message with its fragment."""
    config = parse_config({"checks": {check: options}}, REPO) if options else None
    got = [(p.path, p.line, p.column, p.message)
           for p in lint_text(files(text), as_of=as_of, config=config, only=check)]
    assert [g[:3] for g in got] == [e[:3] for e in expected], got
    for g, e in zip(got, expected, strict=True):
        assert e[3] in g[3], g


def cases(table: list[tuple[Any, ...]]) -> dict[str, Any]:
    """pytest.mark.parametrize keyword arguments for a table whose first column is the id."""
    return {"argvalues": [c[1:] for c in table], "ids": [c[0] for c in table]}
