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
        if c.func is not None:
            assert uses_as_of(c.func) is c.reads_as_of, c.name
        if c.across is not None:
            assert uses_as_of(c.across) is c.across_reads_as_of, c.name


def test_every_built_in_check_declares_what_it_reads() -> None:
    """Reading a check's bytecode costs milliseconds on every run: the built-in checks say
    it, so only plugins are read (a declaration missing shows here as an undeclared check)."""
    import ast
    import inspect

    for module in {c.func.__module__ for c in checks.registry().values() if c.func}:
        if not module.startswith("evalcheck.checks."):
            continue
        tree = ast.parse(inspect.getsource(__import__(module, fromlist=["_"])))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") in ("check", "across"):
                assert "reads_as_of" in {k.arg for k in node.keywords}, ast.unparse(node)
