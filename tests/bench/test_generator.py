"""The benchmark generator plants a problem of every family and nothing else fires."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from conftest import run_cli

FAMILIES = {"yaml", "schema", "owners", "duplicates", "deadlines", "references", "consistency",
            "suppressions"}


def test_lint_finds_exactly_the_planted_problems(
        generated: tuple[Path, dict[str, Any]], corpus: Path) -> None:
    _, manifest = generated
    assert manifest["n"] == 50
    result = run_cli("lint", "--as-of", manifest["as_of"], "--format", "json", "--no-cache",
                     cwd=corpus)
    assert result.returncode == 1, result.stderr
    found = {(p["path"], p["check"]) for p in json.loads(result.stdout)}
    assert found == {tuple(e) for e in manifest["expected"]}
    rules = json.loads(run_cli("rules", "--format", "json").stdout)
    family = {r["name"]: r["family"] for r in rules}
    assert {family[check] for _, check in found} >= FAMILIES


def test_the_same_seed_makes_the_same_files(generated: tuple[Path, dict[str, Any]],
                                             tmp_path: Path) -> None:
    import subprocess
    import sys

    from bench.conftest import GENERATOR

    first, _ = generated
    subprocess.run([sys.executable, str(GENERATOR), "--n", "50", "--seed", "7", "--out",
                    str(tmp_path / "again")], check=True, capture_output=True)
    names = sorted(p.relative_to(first) for p in first.rglob("*.yaml"))
    assert names == sorted(p.relative_to(tmp_path / "again")
                           for p in (tmp_path / "again").rglob("*.yaml"))
    assert all((first / n).read_bytes() == (tmp_path / "again" / n).read_bytes() for n in names)
