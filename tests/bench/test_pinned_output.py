"""What lint and report say about a 500-record generated repository is pinned: byte for byte
the same cold, warm and without the cache, and the same as the golden captured before the
load path was turned round (issue 18). A change of output that is meant must regenerate the
golden (EVALCHECK_UPDATE_GOLDEN=1) and say why in its commit."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO, run_cli

GOLDEN = Path(__file__).resolve().parent / "golden" / "pinned-500.json"
AS_OF = "2025-06-30"


@pytest.fixture(scope="module")
def pinned(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("pinned") / "repo"
    subprocess.run([sys.executable, str(REPO / "benchmarks" / "generate.py"), "--n", "500",
                    "--seed", "5", "--out", str(out)], check=True, capture_output=True)
    return out


def _run(root: Path, *args: str) -> str:
    result = run_cli(*args, cwd=root)
    assert result.returncode in (0, 1), result.stderr
    return result.stdout


def _report(root: Path) -> dict[str, str]:
    out = root.parent / "site"
    shutil.rmtree(out, ignore_errors=True)
    _run(root, "report", "--as-of", AS_OF, "--out", str(out))
    return {f"report/{p.name}": hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(out.iterdir())}


def outputs(root: Path) -> dict[str, Any]:
    """Every output, cold and warm; the cold and warm ones must already agree."""
    cache = root / ".evalcheck_cache"
    shutil.rmtree(cache, ignore_errors=True)
    lint = ("lint", "--as-of", AS_OF, "--format", "json")
    cold = _run(root, *lint)
    assert _run(root, *lint) == cold, "warm lint differs from cold lint"
    assert _run(root, *lint, "--no-cache") == cold, "lint --no-cache differs"
    text = _run(root, "lint", "--as-of", AS_OF)
    assert _run(root, "lint", "--as-of", AS_OF, "--no-cache") == text
    named = sorted((root / "records" / "responses").rglob("*.yaml"))[3]
    shown = named.relative_to(root).as_posix()
    one = _run(root, *lint, shown)
    assert _run(root, *lint, "--no-cache", shown) == one
    shutil.rmtree(cache, ignore_errors=True)
    report_cold = _report(root)
    assert _report(root) == report_cold, "warm report differs from cold report"
    return {"lint.json": cold, "lint.txt": text, "lint-file.json": one, **report_cold}


def test_output_is_pinned(pinned: Path) -> None:
    got = outputs(pinned)
    if os.environ.get("EVALCHECK_UPDATE_GOLDEN"):
        GOLDEN.write_text(json.dumps(got, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    want = json.loads(GOLDEN.read_text(encoding="utf-8"))
    for name in sorted(set(want) | set(got)):
        assert got.get(name) == want.get(name), name
    assert json.loads(got["lint.json"]), "the generated repository has planted problems"
