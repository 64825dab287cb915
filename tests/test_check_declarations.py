"""What a check reads: the as-of date is declared, or read from the check's code, never probed."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from evalcheck import checks
from evalcheck.checks import Context, uses_as_of


def only_options(record: Any, ctx: Context) -> Iterator[Any]:
    yield ctx.options.get("days", 1)


def reads_date(record: Any, ctx: Context) -> Iterator[Any]:
    yield ctx.as_of


def hands_on(record: Any, ctx: Context) -> Iterator[Any]:
    yield from helper(ctx)


def in_a_generator(record: Any, ctx: Context) -> Any:
    return [ctx for _ in range(2)]


def no_context(record: Any) -> Iterator[Any]:
    yield record


def helper(ctx: Context) -> Iterator[Any]:
    yield ctx.as_of


@pytest.mark.parametrize(("func", "dated"), [
    (only_options, False), (reads_date, True), (hands_on, True), (in_a_generator, True),
    (no_context, False), (len, True)])
def test_uses_as_of_reads_the_code(func: Any, dated: bool) -> None:
    assert uses_as_of(func) is dated


def test_the_record_checks_that_read_the_date() -> None:
    dated = {c.name for c in checks.registry().values()
             if c.scope == "record" and c.reads_as_of}
    assert dated == {"past-due-action", "due-soon", "date-order", "stale-action"}
    for c in checks.registry().values():
        if c.func is not None and c.scope == "record":
            assert uses_as_of(c.func) is c.reads_as_of, c.name
