"""The command line as users run it: real subprocesses, real files, real exit codes."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

from conftest import REPO, run_cli, write_files
from records_kit import evaluation, management_response

from evalcheck import checks

EVALUATION = evaluation(status="ongoing")
RESPONSE = management_response()


def cli(*args: str, cwd: Path = REPO, env: dict[str, str] | None = None,
        expect: int | None = None) -> subprocess.CompletedProcess[str]:
    """Run evalcheck; never a traceback, and the exit status when one is expected."""
    result = run_cli(*args, cwd=cwd, env=env)
    assert "Traceback" not in result.stderr + result.stdout, result.stderr
    if expect is not None:
        assert result.returncode == expect, (result.stdout, result.stderr)
    return result


def test_validate_bundled_records() -> None:
    result = cli("validate", expect=0)
    assert re.fullmatch(r"No problems found \(\d+ files checked\)\.\n", result.stdout)
    assert result.stderr == ""


def test_validate_json_on_a_bad_file(repo: Path) -> None:
    write_files(repo, {"records/bad.yaml": EVALUATION.replace("status: ongoing",
                                                              "status: finished")})
    result = cli("validate", "--format", "json", "records/bad.yaml", cwd=repo, expect=1)
    (problem,) = json.loads(result.stdout)
    assert {k: problem[k] for k in ("path", "line", "column", "check", "severity")} == {
        "path": "records/bad.yaml", "line": 4, "column": 9, "check": "schema",
        "severity": "error"}
    assert "status is 'finished'" in problem["message"]


def test_validate_reports_only_yaml_and_schema_problems(repo: Path) -> None:
    write_files(repo, {"records/EV-1.yaml": EVALUATION.replace("me-unit]", "nobody]")})
    assert cli("validate", cwd=repo, expect=0).stdout.startswith("No problems found")


def test_lint_exit_codes_and_fail_on(repo: Path) -> None:
    write_files(repo, {"records/EV-1.yaml": EVALUATION,
                       "records/MR-1.yaml": RESPONSE.replace(", deadline: 2030-01", "")})
    warned = cli("lint", "--format", "json", cwd=repo, expect=0)
    assert [p["check"] for p in json.loads(warned.stdout)] == ["missing-deadline"]
    cli("lint", "--fail-on", "warning", cwd=repo, expect=1)
    (repo / "records" / "MR-1.yaml").write_text(RESPONSE.replace("EV-1", "EV-2"),
                                                encoding="utf-8")
    failed = cli("lint", cwd=repo, expect=1)
    assert failed.stdout.startswith("records/MR-1.yaml\n")  # text, grouped by file
    assert "unknown-reference" in failed.stdout and "EV-2" in failed.stdout


def test_named_path_is_judged_against_the_whole_repository(repo: Path) -> None:
    write_files(repo, {
        "records/evaluations/EV-1.yaml": EVALUATION,
        "records/responses/MR-1.yaml": RESPONSE,
        "records/responses/MR-2.yaml": RESPONSE.replace("MR-1", "MR-2").replace("EV-1", "EV-9")
        .replace("me-unit]", "ghost]"),
    })
    named = cli("lint", "--format", "json", "records/responses/MR-2.yaml", cwd=repo, expect=1)
    found = {(p["path"], p["check"]) for p in json.loads(named.stdout)}
    assert found == {("records/responses/MR-2.yaml", "unknown-reference"),
                     ("records/responses/MR-2.yaml", "unknown-owner")}
    alone = cli("lint", "--format", "json", "records/evaluations/EV-1.yaml", cwd=repo, expect=0)
    assert json.loads(alone.stdout) == []


def test_named_folder_and_cross_file_duplicates(repo: Path) -> None:
    write_files(repo, {
        "records/evaluations/EV-1.yaml": EVALUATION,
        "records/responses/MR-1.yaml": RESPONSE,
        "records/responses/MR-1-copy.yaml": RESPONSE,
    })
    result = cli("lint", "--format", "json", "records/responses", cwd=repo, expect=1)
    found = sorted((p["path"], p["check"]) for p in json.loads(result.stdout))
    assert found == [("records/responses/MR-1.yaml", "duplicate-id"),
                     ("records/responses/MR-1.yaml", "duplicate-record")]


def test_missing_path_is_exit_2(repo: Path) -> None:
    result = cli("lint", "records/nope.yaml", cwd=repo, expect=2)
    assert result.stderr == "evalcheck: error: no such file or folder: records/nope.yaml\n"
    assert result.stdout == ""


def test_bad_as_of_is_exit_2(repo: Path) -> None:
    result = cli("lint", "--as-of", "30/06/2024", cwd=repo, expect=2)
    assert "--as-of" in result.stderr and "YYYY-MM-DD" in result.stderr


def test_rules_lists_every_check() -> None:
    result = cli("rules", expect=0)
    listed = [line.split()[1] for line in result.stdout.splitlines()]
    assert sorted(listed) == sorted(checks.registry())
    rows = {line.split()[1]: line.split()[2] for line in result.stdout.splitlines()}
    assert rows["near-duplicate-text"] == "warning" and rows["schema"] == "error"


def test_explain_prints_the_documentation() -> None:
    result = cli("explain", "near-duplicate-text", expect=0)
    out = result.stdout
    assert out.startswith("near-duplicate-text (duplicates, default severity: warning)\n")
    assert "Why: " in out and "\nBad:\n" in out and "\nGood:\n" in out
    assert "threshold (float, default 0.85)" in out
    assert "\n    kind: management-response\n" in out  # examples keep their indentation


def test_explain_unknown_check_is_exit_2() -> None:
    result = cli("explain", "due-son", expect=2)
    assert result.stderr.startswith("evalcheck: error: no such check: 'due-son'")
    assert "did you mean 'due-soon'" in result.stderr


def test_github_format_inside_github_actions(repo: Path) -> None:
    write_files(repo, {"records/EV-1.yaml": EVALUATION.replace("status: ongoing",
                                                               "status: finished")})
    result = cli("lint", cwd=repo, env={"GITHUB_ACTIONS": "true"}, expect=1)
    assert result.stdout.startswith("::error file=records/EV-1.yaml,line=4,col=9,")
