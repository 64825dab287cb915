"""Every corpus member gets its exact outcome from `evalcheck lint` and `evalcheck validate`,
as a real subprocess capped at 5 seconds and 500 MiB, with no traceback (see cases.py)."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from conftest import git, write_files

from hostile.cases import CASES, Case
from hostile.kit import (
    AS_OF,
    CORPUS,
    Run,
    can_drop_root_file_access,
    located,
    new_repo,
    run_limited,
)

MARKER = "pwned-by-evalcheck"


def _install(case: Case, tmp_path: Path) -> Path:
    """A fresh repository holding the case's file at records/<name>; returns the repository."""
    repo = new_repo(tmp_path / "repo")
    outside = tmp_path / "outside"
    outside.mkdir()
    target = repo / "records" / case.name
    if case.make is not None:
        case.make(target, outside)
    else:
        assert case.corpus is not None
        shutil.copyfile(CORPUS / case.corpus, target)
    return repo


def _unreadable_supported(case: Case) -> None:
    """chmod 000 stops nobody running as root, unless root's override is dropped."""
    if case.unreadable and os.geteuid() == 0 and not can_drop_root_file_access():
        pytest.skip("running as root without CAP_SETPCAP: chmod 000 does not make a file "
                    "unreadable for root, so the permission-denied outcome cannot be produced")


def _problems(run: Run) -> list[dict[str, object]]:
    assert "Traceback" not in run.stderr, run.stderr
    assert run.stderr == "", run.stderr
    problems = json.loads(run.stdout)
    assert isinstance(problems, list)
    return problems


def _assert_outcome(case: Case, run: Run, expected: tuple[tuple[int, int, str], ...],
                    exit_code: int, repo: Path) -> None:
    problems = _problems(run)
    assert located(problems, case.path) == list(expected)
    assert run.returncode == exit_code, run
    others = [p for p in problems if p["path"] != case.path]
    assert others == [], "the owners registry and the companion evaluation are clean"
    for p in problems:
        assert "\n" not in str(p["message"]) and "\r" not in str(p["message"])
    if expected:
        messages = " | ".join(str(p["message"]) for p in problems)
        assert case.says in messages
    assert not (repo / MARKER).exists(), "a YAML tag ran a command"


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_lint_gives_the_exact_outcome(case: Case, tmp_path: Path) -> None:
    _unreadable_supported(case)
    repo = _install(case, tmp_path)
    run = run_limited("lint", "--format", "json", "--as-of", AS_OF, cwd=repo,
                      drop_file_override=case.unreadable)
    _assert_outcome(case, run, case.expected, case.lint_exit, repo)
    if case.name == "symlink-outside.yaml":
        assert "SECRET-TOKEN" not in run.stdout, "the linked file outside was read"


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_validate_gives_the_exact_outcome(case: Case, tmp_path: Path) -> None:
    _unreadable_supported(case)
    repo = _install(case, tmp_path)
    run = run_limited("validate", "--format", "json", "--as-of", AS_OF, cwd=repo,
                      drop_file_override=case.unreadable)
    _assert_outcome(case, run, case.validate_expected, case.validate_exit, repo)


def test_naming_the_hostile_file_reports_it_the_same_way(tmp_path: Path) -> None:
    """A path named on the command line goes through the same loader as the walked ones."""
    case = next(c for c in CASES if c.name == "billion-laughs.yaml")
    repo = _install(case, tmp_path)
    run = run_limited("lint", "--format", "json", "--as-of", AS_OF, case.path, cwd=repo)
    assert located(_problems(run), case.path) == list(case.expected)
    assert run.returncode == 1


def test_a_device_named_on_the_command_line_is_refused_not_read(tmp_path: Path) -> None:
    """/dev/zero would be read forever; /dev/stdin would wait for input."""
    repo = new_repo(tmp_path / "repo")
    run = run_limited("validate", "--format", "json", "/dev/zero", cwd=repo)
    problems = _problems(run)
    assert [(p["path"], p["check"]) for p in problems] == [("/dev/zero", "unsafe-yaml")]
    assert run.returncode == 1


# --- usage and configuration errors: one line on stderr, exit 2 -----------------------------

HOSTILE_CONFIGS = {
    "python-tag": "select: !!python/object/apply:os.system [touch pwned-by-evalcheck]\n",
    "alias-bomb": "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
                  + "".join(f"a{i}: &a{i} [" + ", ".join(["*a" + (str(i - 1) if i > 1 else "")]
                                                        * 10) + "]\n" for i in range(1, 8)),
    "not-a-mapping": "- records\n",
    "latin1": "records: [r\xe9cords]\n",
    "unknown-setting": "recrods: [records]\n",
}


@pytest.mark.parametrize("name", sorted(HOSTILE_CONFIGS))
def test_a_hostile_config_is_a_one_line_error(name: str, tmp_path: Path) -> None:
    repo = new_repo(tmp_path / "repo")
    (repo / ".evalcheck.yaml").write_bytes(HOSTILE_CONFIGS[name].encode("latin-1"))
    run = run_limited("lint", "--as-of", AS_OF, cwd=repo)
    assert run.returncode == 2, run
    assert "Traceback" not in run.stderr
    lines = run.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("evalcheck: error: "), run.stderr
    assert ".evalcheck.yaml" in lines[0]
    assert not (repo / MARKER).exists()


def test_a_missing_path_is_a_one_line_error(tmp_path: Path) -> None:
    repo = new_repo(tmp_path / "repo")
    run = run_limited("validate", "records/no-such-file.yaml", cwd=repo)
    assert run.returncode == 2
    assert run.stderr == "evalcheck: error: no such file or folder: records/no-such-file.yaml\n"


# --- known problems in modules this work may not change -------------------------------------

def _near_duplicate_bomb(n: int) -> str:
    """n actions whose descriptions are shuffles of the same words: every pair passes the
    quick similarity filters, so near-duplicate-text runs the full comparison n²/2 times."""
    import random

    rng = random.Random(7)
    words = ["the", "regional", "office", "should", "strengthen", "monitoring", "of",
             "migrant", "data", "systems", "across", "member", "countries"]
    actions = []
    for i in range(n):
        rng.shuffle(words)
        actions.append(f'      - {{id: "{i}", description: "{" ".join(words)}", '
                       "responsible: [me-unit], deadline: 2030-01}")
    return ("kind: management-response\nid: MR-2024-01\nevaluation: EV-2024-00\n"
            "owner: me-unit\nresponses:\n  - recommendation: R1\n    decision: accepted\n"
            "    actions:\n" + "\n".join(actions) + "\n")


@pytest.mark.parametrize("n", [500, 1500])  # 1500 actions: 15,000 values, inside the limit
def test_near_duplicate_text_is_not_quadratic_on_hostile_input(n: int, tmp_path: Path) -> None:
    """Both sides of near-duplicate-text's pair-by-pair bound (500 texts per group)."""
    repo = new_repo(tmp_path / "repo")
    write_files(repo, {"records/mr.yaml": _near_duplicate_bomb(n)})
    run = run_limited("lint", "--format", "json", "--as-of", AS_OF, cwd=repo)
    checks = {p["check"] for p in _problems(run)}
    assert "near-duplicate-text" in checks, "the check ran and found the shuffled copies"


# --- hostile file names in git history ------------------------------------------------------

def test_a_newline_in_a_file_name_does_not_hide_records_at_a_revision(tmp_path: Path) -> None:
    """`evalcheck diff REV` reads blobs from git; a newline in a committed file name once split
    the request for it and silently lost the records after it (they showed as added)."""
    repo = new_repo(tmp_path / "repo")
    write_files(repo, {"records/a\nb.yaml": "kind: evaluation\nid: EV-2024-01\ntitle: A\n"
                                             "status: planned\nowner: me-unit\n",
                       "records/c.yaml": "kind: evaluation\nid: EV-2024-02\ntitle: C\n"
                                         "status: planned\nowner: me-unit\n"})
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "records")
    run = run_limited("diff", "HEAD", cwd=repo)
    assert run.returncode == 0 and "Traceback" not in run.stderr, run
    assert "No changes to the records." in run.stdout, run.stdout
