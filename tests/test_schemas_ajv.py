"""The exported schemas as editors and other validators see them: ajv (the validator behind
SchemaStore and many editors) compiles each in strict mode, and refuses what lint refuses.

ajv-cli comes from npm, installed once into a cache folder (EVALCHECK_NODE_CACHE, default
~/.cache/evalcheck-tests/node). Without npm these tests fail: they are the only proof that
the schemas work outside Python, so they never skip.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from conftest import run_cli
from records_kit import action, management_response

from evalcheck.records import KINDS

PACKAGES = ("ajv-cli@5.0.0", "ajv-formats@3.0.1")
AJV_ARGS = ("--spec=draft2020", "--strict=true", "-c", "ajv-formats")


@pytest.fixture(scope="module")
def ajv() -> Path:
    """The ajv command, installed with `npm install --prefix` under a lock (several test runs
    may share the cache folder)."""
    npm = shutil.which("npm")
    assert npm, ("npm is needed to check the schemas with ajv: install Node.js and npm "
                 "(Debian: apt-get install npm)")
    prefix = Path(os.environ.get("EVALCHECK_NODE_CACHE",
                                 Path.home() / ".cache" / "evalcheck-tests" / "node"))
    prefix.mkdir(parents=True, exist_ok=True)
    command = prefix / "node_modules" / ".bin" / "ajv"
    stamp = prefix / "installed.txt"
    with open(prefix / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not command.exists() or not stamp.exists() or \
                stamp.read_text(encoding="utf-8") != " ".join(PACKAGES):
            done = subprocess.run([npm, "install", "--prefix", str(prefix), "--no-audit",
                                   "--no-fund", "--loglevel=error", *PACKAGES],
                                  capture_output=True, text=True, timeout=600)
            assert done.returncode == 0, f"npm install failed:\n{done.stderr}"
            stamp.write_text(" ".join(PACKAGES), encoding="utf-8")
    assert command.exists()
    return command


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("schemas")
    result = run_cli("schema", "--export", str(out))
    assert result.returncode == 0, result.stderr
    return out


def _ajv(ajv: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(ajv), *args, *AJV_ARGS], capture_output=True, text=True,
                          timeout=120)


def test_ajv_strict_compiles_every_exported_schema(ajv: Path, exported: Path) -> None:
    assert sorted(p.name for p in exported.iterdir()) == sorted(
        f"{kind}.schema.json" for kind in KINDS)
    result = _ajv(ajv, "compile", "-s", str(exported / "*.schema.json"))  # ajv reads the glob
    said = result.stdout + result.stderr
    assert result.returncode == 0, said
    for kind in KINDS:
        assert f"{exported / kind}.schema.json is valid" in said, said


# the record as a validator sees it: the builder's YAML, read
RESPONSE = yaml.safe_load(management_response(actions=[action(deadline="2024-Q3")]))

# (id, field path in RESPONSE, value, valid for the editor)
EDITOR_CASES = [
    ("real-day", ("date",), "2024-02-29", True),
    ("month", ("date",), "2023-11", True),
    ("impossible-day", ("date",), "2023-02-30", False),
    ("not-a-leap-year", ("date",), "2023-02-29", False),
    ("month-13", ("date",), "2024-13-01", False),
    ("quarter-deadline", ("deadline",), "2024-Q3", True),
    ("year-deadline", ("deadline",), "2025", True),
    ("quarter-5", ("deadline",), "2024-Q5", False),
    ("quarter-is-no-date", ("date",), "2024-Q3", False),
    ("newline-after-id", ("id",), "MR-1\n", False),
    ("newline-after-deadline", ("deadline",), "2022-11\n", False),
]


def _with(path: tuple[str, ...], value: str) -> dict[str, object]:
    record = json.loads(json.dumps(RESPONSE))
    target = record if path != ("deadline",) else record["responses"][0]["actions"][0]
    target[path[0]] = value
    return record


def test_the_editor_rule_refuses_what_lint_refuses(ajv: Path, exported: Path,
                                                   tmp_path: Path) -> None:
    """One ajv run over a record per case: 2023-02-30 is refused, as lint refuses it."""
    files = {}
    for name, path, value, _ in EDITOR_CASES:
        files[name] = tmp_path / f"{name}.json"
        files[name].write_text(json.dumps(_with(path, value)), encoding="utf-8")
    args = [a for name in files for a in ("-d", str(files[name]))]
    result = _ajv(ajv, "validate", "-s", str(exported / "management-response.schema.json"),
                  *args)
    said = result.stdout + result.stderr
    for name, _, value, valid in EDITOR_CASES:
        verdict = f"{files[name]} valid" if valid else f"{files[name]} invalid"
        assert verdict in said, (name, value, said)
    assert result.returncode == 1  # some are invalid
