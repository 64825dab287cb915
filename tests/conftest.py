"""Shared test helpers: the CLI as a real subprocess, records from inline YAML, temp repos."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path
from textwrap import dedent

import pytest
from records_kit import UNITS

from evalcheck import engine, schemas
from evalcheck.config import Config, parse_config
from evalcheck.document import Document
from evalcheck.problems import Problem
from evalcheck.records import Record, load_record

REPO = Path(__file__).resolve().parent.parent
AS_OF = dt.date(2024, 6, 30)
SEED_AS_OF = "2026-11-22"


def run_cli(*args: str, cwd: Path | str = REPO, env: Mapping[str, str] | None = None,
            input: bytes | None = None, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """Run `python -m evalcheck ARGS` as a real subprocess."""
    full_env = {**os.environ, "NO_COLOR": "1", **(env or {})}
    full_env.pop("GITHUB_ACTIONS", None) if "GITHUB_ACTIONS" not in (env or {}) else None
    return subprocess.run([sys.executable, "-m", "evalcheck", *args], cwd=cwd, env=full_env,
                          input=input.decode() if input else None, capture_output=True,
                          text=True, timeout=timeout)


def records_from(text: str) -> list:
    """Inline YAML -> records; documents separated by `---` lines become separate files."""
    docs = dedent(text).strip("\n").split("\n---\n")
    return [load_record(f"r{i}.yaml", doc.encode()) for i, doc in enumerate(docs)]


def schema_findings(text: str) -> list[tuple[str, int, int, str, str]]:
    """(check, line, column, message, hint) of what the loader and the schemas say about one
    file, before any other check."""
    record = load_record("x.yaml", text.encode())
    out = []
    for f in [*record.doc.findings, *schemas.validate(record)]:
        line, column = f.at or record.doc.locator.locate(f.path, f.key)
        out.append((f.check, line, column, f.message, f.hint))
    return out


def lint_text(text: str, as_of: dt.date = AS_OF, config: Config | None = None,
              only: str | None = None) -> list[Problem]:
    """Lint inline YAML (see records_from); `only` keeps one check's problems.

    Every call also makes sure that a run naming one file says exactly what the full run says
    of it, with the other records reduced to their facts (as pre-commit's runs see them)."""
    config = config or parse_config({}, REPO)
    records = records_from(text)
    problems = engine.lint(records, config, as_of)
    assert_targeted_runs_agree(records, config, as_of, problems)
    return [p for p in problems if only is None or p.check == only]


def facts_only(record: Record, read: set[str]) -> Record:
    """The record as a run that does not name it holds it: its facts, and its document
    fetched only when asked for (noted in `read`)."""

    def fetch(whole: bool) -> Document:
        read.add(record.path)
        return record.doc

    return Record(record.path, Document.deferred(fetch), known_facts=record.facts)


def assert_targeted_runs_agree(records: list[Record], config: Config, as_of: dt.date,
                               problems: list[Problem]) -> None:
    """A run naming one file reports on it what the full run does; on the other files only
    problems the full run reports too; and it reads the data of no other file it reports
    nothing on."""
    for target in records if len(records) > 1 else ():
        read: set[str] = set()
        others = [r if r is target else facts_only(r, read) for r in records]
        alone = engine.lint(others, config, as_of, targets={target.path})
        assert [p for p in alone if p.path == target.path] == [
            p for p in problems if p.path == target.path], target.path
        elsewhere = [p for p in alone if p.path != target.path]
        assert all(p in problems for p in elsewhere), elsewhere
        assert read <= {p.path for p in elsewhere}, f"read {read} naming {target.path}"


def write_files(root: Path, files: Mapping[str, str]) -> Path:
    """Write {relative path: dedented text} under root."""
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(dedent(text).lstrip("\n"), encoding="utf-8")
    return root


def git(root: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    return subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True,
                          text=True).stdout


def tool_env(*drop: str, **extra: str) -> dict[str, str]:
    """The environment for git and pre-commit in a test repository: without GIT_* (tests may
    themselves run from a git hook, which exports GIT_DIR and GIT_INDEX_FILE) nor the other
    prefixes in `drop`, with a fixed author, no colour, no GITHUB_ACTIONS, and `extra`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", *drop))}
    env.update({"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
                "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org",
                "NO_COLOR": "1", "PRE_COMMIT_COLOR": "never", **extra})
    env.pop("GITHUB_ACTIONS", None)
    return env


def run_in(cwd: Path, env: dict[str, str], *cmd: str) -> subprocess.CompletedProcess[str]:
    """Run a command (git, pip, pre-commit) with this environment, output captured."""
    return subprocess.run(list(cmd), cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=900)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """An empty git repository with a records/ folder and an owners registry."""
    git(tmp_path, "init", "-q", "-b", "main")
    write_files(tmp_path, {"records/owners.yaml": UNITS})
    return tmp_path
