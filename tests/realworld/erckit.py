"""What the tests of the real ERC records share: a copy of the records in a repository of its
own (so the repository's config and baseline play no part), and the CLI's JSON output."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from conftest import run_cli

RECORDS = Path(__file__).resolve().parent / "records"


def isolated(root: Path, config: str = "", *, responses: bool = True) -> Path:
    """A copy of the records under `root` with a config of its own (`config`: more settings);
    without `responses`, the management responses are left out."""
    shutil.copytree(RECORDS, root / "records")
    if not responses:
        for path in (root / "records" / "responses").iterdir():
            path.unlink()
    (root / "pyproject.toml").write_text(
        f'[tool.evalcheck]\nrecords = ["records"]\n{config}', encoding="utf-8")
    return root


def cli_json(root: Path, *args: str) -> Any:
    """`evalcheck ARGS --format json` in root (exit 0 or 1: problems are expected)."""
    done = run_cli(*args, "--format", "json", cwd=root)
    assert done.returncode in (0, 1), done.stderr
    return json.loads(done.stdout)
