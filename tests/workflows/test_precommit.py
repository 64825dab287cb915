"""The pre-commit hooks, for real: a temporary repository uses the documented snippet, pointed at
this checkout, and `git commit` is refused or accepted by evalcheck running inside pre-commit.

pre-commit clones this checkout at HEAD and pip-installs it into its own environment (PyPI must
be reachable), so the hooks tested are the committed ones. The environment is built once per
module: PRE_COMMIT_HOME is shared by the tests below.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, run_cli, run_in, tool_env, write_files
from records_kit import evaluation
from records_kit import head as record_head

SNIPPET = REPO / "docs" / "snippets" / "pre-commit-from-git.yaml"
PLACEHOLDER_REPO = "https://github.com/evalcheck-mr/evalcheck"

pytestmark = pytest.mark.slow


def config_for(checkout: Path, rev: str) -> str:
    """The documented snippet with its placeholders replaced by this checkout and commit."""
    text = SNIPPET.read_text(encoding="utf-8")
    assert PLACEHOLDER_REPO in text, "the snippet should name evalcheck's repository"
    text = text.replace(PLACEHOLDER_REPO, str(checkout))
    text, count = re.subn(r"(?m)^(\s*rev:\s*)\S+", lambda m: m.group(1) + rev, text)
    assert count == 1, "the snippet should have exactly one rev: line"
    return text


@pytest.fixture(scope="module")
def head() -> str:
    """HEAD of this checkout, which must carry the hooks file (pre-commit reads it from there)."""
    if not (REPO / ".git").exists():
        pytest.skip("not a git checkout: pre-commit needs a repository to clone")
    rev = subprocess.run(["git", "rev-parse", "HEAD"], cwd=REPO, capture_output=True, text=True,
                         check=True).stdout.strip()
    present = subprocess.run(["git", "cat-file", "-e", f"{rev}:.pre-commit-hooks.yaml"],
                             cwd=REPO, capture_output=True)
    assert present.returncode == 0, "HEAD has no .pre-commit-hooks.yaml: commit it first"
    return rev


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("pre-commit-home")


@pytest.fixture
def hooked(repo: Path, head: str, pre_commit_home: Path) -> tuple[Path, dict[str, str]]:
    """A records repository with the snippet's configuration and `pre-commit install`ed; the
    owners registry and configuration are committed through the hook."""
    env = tool_env(PRE_COMMIT_HOME=str(pre_commit_home))
    (repo / ".pre-commit-config.yaml").write_text(config_for(REPO, head), encoding="utf-8")
    installed = run_in(repo, env, sys.executable, "-m", "pre_commit", "install")
    assert installed.returncode == 0, installed.stdout + installed.stderr
    # what the codeowners and schema hooks check is there, as `evalcheck init` leaves it
    for command in (["schema", "--export", "schema"], ["codeowners"]):
        made = run_cli(*command, cwd=repo)
        assert made.returncode == 0, made.stderr
    run_in(repo, env, "git", "add", "-A")
    first = run_in(repo, env, "git", "commit", "-m", "owners registry and pre-commit")
    assert first.returncode == 0, first.stdout + first.stderr
    return repo, env


def _commit(repo: Path, env: dict[str, str], message: str) -> subprocess.CompletedProcess[str]:
    run_in(repo, env, "git", "add", "-A")
    return run_in(repo, env, "git", "commit", "-m", message)


def _commits(repo: Path, env: dict[str, str]) -> int:
    return int(run_in(repo, env, "git", "rev-list", "--count", "HEAD").stdout)


def test_commit_with_missing_owner_is_refused_and_fixed_one_commits(
        hooked: tuple[Path, dict[str, str]]) -> None:
    repo, env = hooked
    record = "records/evaluations/EV-1.yaml"
    write_files(repo, {record: evaluation(title="Final evaluation of the migration data project",
                                          status="planned", owner=None, recommendations=None)})
    refused = _commit(repo, env, "add EV-1")
    output = refused.stdout + refused.stderr
    assert refused.returncode != 0, output
    assert "evalcheck lint" in output and "Failed" in output
    # The located message: the file, then line:col, severity and check of the problem.
    assert re.search(rf"(?m)^{re.escape(record)}\n\s+1:1\s+error\s+missing-owner\s+"
                     r".*\bowner\b", output), output
    assert _commits(repo, env) == 1

    (repo / record).write_text((repo / record).read_text() + "owner: me-unit\n")
    accepted = _commit(repo, env, "add EV-1 with its owner")
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    assert re.search(r"evalcheck lint\.+Passed", accepted.stdout + accepted.stderr)
    assert _commits(repo, env) == 2
    assert "owner: me-unit" in run_in(repo, env, "git", "show", f"HEAD:{record}").stdout


def test_cross_record_check_sees_the_registry_that_is_not_being_committed(
        hooked: tuple[Path, dict[str, str]]) -> None:
    """Only the new record is passed to the hook, yet its owner is checked against
    records/owners.yaml, which is already committed and not among the changed files."""
    repo, env = hooked
    record = "records/projects/PRJ-1.yaml"
    write_files(repo, {record: record_head("project", "PRJ-1", title="Regional data platform",
                                    owner="someone-unknown")})
    refused = _commit(repo, env, "add PRJ-1")
    output = refused.stdout + refused.stderr
    assert refused.returncode != 0, output
    assert re.search(rf"(?m)^{re.escape(record)}\n\s+4:8\s+error\s+unknown-owner\s", output), output
    assert "(1 file checked)" in output  # reported on the named file only

    (repo / record).write_text((repo / record).read_text().replace("someone-unknown",
                                                                   "programme-unit"))
    assert _commit(repo, env, "add PRJ-1").returncode == 0


def test_a_commit_that_breaks_another_record_is_refused(
        hooked: tuple[Path, dict[str, str]]) -> None:
    """Only the registry is committed, but an evaluation already committed names the owner
    it drops: the commit is refused with the problem shown where it is."""
    repo, env = hooked
    record = "records/evaluations/EV-2.yaml"
    write_files(repo, {record: evaluation(
        "EV-2", title="Final evaluation of the regional programme", status="planned",
        owner="programme-unit", recommendations=None)})
    assert _commit(repo, env, "add EV-2").returncode == 0
    registry = repo / "records" / "owners.yaml"
    registry.write_text("".join(line for line in registry.read_text().splitlines(keepends=True)
                                if "programme-unit" not in line))
    refused = _commit(repo, env, "drop the programme unit")
    output = refused.stdout + refused.stderr
    assert refused.returncode != 0, output
    assert re.search(rf"(?m)^{re.escape(record)}\n\s+5:8\s+error\s+unknown-owner\s+"
                     r"'programme-unit'", output), output
    assert _commits(repo, env) == 2  # the registry commit did not land


def test_yaml_outside_the_records_folder_is_not_checked(
        hooked: tuple[Path, dict[str, str]]) -> None:
    repo, env = hooked
    write_files(repo, {"config/other.yaml": record_head("evaluation", "EV-9")})
    committed = _commit(repo, env, "unrelated YAML")
    assert committed.returncode == 0, committed.stdout + committed.stderr
    assert "(no files to check)Skipped" in committed.stdout + committed.stderr
