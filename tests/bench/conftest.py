"""A small generated repository (benchmarks/generate.py), made once and copied per test."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO

GENERATOR = REPO / "benchmarks" / "generate.py"


@pytest.fixture(scope="session")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    out = tmp_path_factory.mktemp("generated") / "repo"
    subprocess.run([sys.executable, str(GENERATOR), "--n", "50", "--seed", "7", "--out",
                    str(out)], check=True, capture_output=True)
    return out, json.loads((out / "planted.json").read_text(encoding="utf-8"))


@pytest.fixture
def corpus(generated: tuple[Path, dict[str, Any]], tmp_path: Path) -> Path:
    """A fresh copy of the generated repository, with no cache."""
    target = tmp_path / "repo"
    shutil.copytree(generated[0], target)
    return target
