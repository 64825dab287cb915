"""The child side of test_store's test of runs that make the salt at the same moment: run in
processes of their own (multiprocessing, spawn)."""

from __future__ import annotations

import os
from typing import Any


def salts(homes: list[str], barrier: Any, out: Any) -> None:
    """For each home in turn, wait for every other process, then ask for the salt there."""
    from evalcheck import cache

    got = []
    for home in homes:
        os.environ["XDG_CACHE_HOME"] = home
        barrier.wait(timeout=60)
        got.append(cache._salt())
    out.put(got)
