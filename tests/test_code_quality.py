"""The code passes its own linters: ruff (pyproject's rules) and mypy (disallow_untyped_defs),
run as real subprocesses over the package, the tests and the benchmarks."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import REPO

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("command", [
    ["ruff", "check", "evalcheck", "tests", "benchmarks"],
    ["mypy", "evalcheck"],
], ids=["ruff", "mypy"])
def test_the_code_is_clean(command: list[str]) -> None:
    done = subprocess.run([sys.executable, "-m", *command], cwd=REPO, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
