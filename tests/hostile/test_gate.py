"""Issue 14, items 5 and 6: a pull request's own files cannot loosen its gate.

Paths in the configuration (records, owners, baseline, the configuration file itself) and
committed links to folders stay inside the repository; a file outside is never read, and its
content never printed. The yaml family's unsafe-yaml and yaml-syntax cannot be ignored,
lowered, suppressed or baselined, whatever the configuration, a comment or a baseline says.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import REPO, git, run_cli, write_files

from hostile.kit import AS_OF, new_repo

SECRET = ("kind: owners\npassword: hunter2-secret\n"
          "owners:\n  - {id: root, name: hunter2, type: unit}\n")


def _outside(tmp_path: Path) -> Path:
    folder = tmp_path / "outside"
    folder.mkdir()
    (folder / "secret.yaml").write_text(SECRET)
    return folder


def _refused(repo: Path, *args: str) -> str:
    result = run_cli("lint", "--as-of", AS_OF, *args, cwd=repo)
    out = result.stdout + result.stderr
    assert result.returncode == 2, out
    assert "Traceback" not in out and "hunter2" not in out and "password" not in out, out
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "outside the repository" in lines[0], out
    return lines[0]


@pytest.mark.parametrize("config", [
    'owners: ["{outside}/secret.yaml"]',
    'owners: ["../outside/secret.yaml"]',
    'records: ["../.."]',
    'records: ["{outside}"]',
    "baseline: ../outside/secret.yaml",
])
def test_a_configured_path_outside_the_repository_is_refused(tmp_path: Path,
                                                             config: str) -> None:
    outside = _outside(tmp_path)
    repo = new_repo(tmp_path / "repo")
    write_files(repo, {".evalcheck.yaml": config.format(outside=outside) + "\n"})
    assert ".evalcheck.yaml" in _refused(repo)


def test_pyproject_paths_are_held_to_the_same_rule(tmp_path: Path) -> None:
    outside = _outside(tmp_path)
    repo = new_repo(tmp_path / "repo")
    write_files(repo, {"pyproject.toml": f'[tool.evalcheck]\nowners = ["{outside}/secret.yaml"]\n'})
    assert "pyproject.toml" in _refused(repo)


def test_a_committed_link_to_a_folder_elsewhere_is_not_walked(tmp_path: Path) -> None:
    outside = _outside(tmp_path)
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "records").symlink_to(outside, target_is_directory=True)
    _refused(repo)
    write_files(repo, {".evalcheck.yaml": 'records: ["data"]\n'})
    (repo / "data").symlink_to(outside, target_is_directory=True)
    _refused(repo)


def test_a_configuration_file_that_is_a_link_out_is_not_read(tmp_path: Path) -> None:
    outside = _outside(tmp_path)
    repo = new_repo(tmp_path / "repo")
    (repo / ".evalcheck.yaml").symlink_to(outside / "secret.yaml")
    _refused(repo)


UNSAFE = ("kind: evaluation\nid: EV-2024-01\ntitle: !!python/object:os.system x\n"
          "status: planned\nowner: me-unit\n")
BROKEN = 'kind: evaluation\nid: EV-2024-02\ntitle: "unterminated\nowner: me-unit\n'


def _gate(repo: Path, *args: str) -> tuple[int, list[tuple[str, str, str]], str]:
    result = run_cli("lint", "--as-of", AS_OF, "--format", "json", "--no-cache", *args, cwd=repo)
    assert "Traceback" not in result.stderr, result.stderr
    problems = json.loads(result.stdout) if result.returncode in (0, 1) else []
    return (result.returncode, [(p["path"], p["check"], p["severity"]) for p in problems],
            result.stderr)


def _hostile_repo(tmp_path: Path) -> Path:
    return new_repo(tmp_path / "repo", {"records/ev-unsafe.yaml": UNSAFE,
                                        "records/ev-broken.yaml": BROKEN})


FLOOR = [("records/ev-broken.yaml", "yaml-syntax", "error"),
         ("records/ev-unsafe.yaml", "unsafe-yaml", "error")]


@pytest.mark.parametrize("config", [
    "ignore: [yaml]",
    "ignore: [yaml, schema, owners, duplicates, deadlines, references, consistency]",
    "select: [deadlines]",
    "per-path-ignores:\n  '**': [yaml]",
    "severity:\n  unsafe-yaml: error",
    "fail-on: warning",
])
def test_no_configuration_turns_the_floor_off(tmp_path: Path, config: str) -> None:
    repo = _hostile_repo(tmp_path)
    write_files(repo, {".evalcheck.yaml": config + "\n"})
    code, problems, _ = _gate(repo)
    assert code == 1
    assert [p for p in problems if p[1] in ("unsafe-yaml", "yaml-syntax")] == FLOOR


@pytest.mark.parametrize("config", [
    "ignore: [unsafe-yaml]",
    "ignore: [yaml-syntax]",
    "severity:\n  unsafe-yaml: warning",
    "per-path-ignores:\n  '**': [unsafe-yaml, yaml-syntax]",
])
def test_naming_the_floor_to_loosen_it_is_a_configuration_error(tmp_path: Path,
                                                                config: str) -> None:
    repo = _hostile_repo(tmp_path)
    write_files(repo, {".evalcheck.yaml": config + "\n"})
    code, _, err = _gate(repo)
    assert code == 2 and "cannot be turned off" in err, err
    code, _, err = _gate(repo, "--config", str(repo / ".evalcheck.yaml"))
    assert code == 2


def test_the_command_line_cannot_ignore_the_floor_either(tmp_path: Path) -> None:
    repo = _hostile_repo(tmp_path)
    code, _, err = _gate(repo, "--ignore", "unsafe-yaml")
    assert code == 2 and "cannot be turned off" in err, err


def test_a_suppression_cannot_silence_the_floor(tmp_path: Path) -> None:
    repo = _hostile_repo(tmp_path)
    write_files(repo, {"records/ev-unsafe.yaml": UNSAFE.replace(
        "title: !!python/object:os.system x",
        "# evalcheck: ignore[unsafe-yaml] trusted\ntitle: !!python/object:os.system x")})
    code, problems, _ = _gate(repo)
    assert code == 1
    assert ("records/ev-unsafe.yaml", "unsafe-yaml", "error") in problems
    assert ("records/ev-unsafe.yaml", "unused-suppression", "warning") in problems


def test_a_baseline_cannot_accept_the_floor(tmp_path: Path) -> None:
    repo = _hostile_repo(tmp_path)
    write_files(repo, {"records/ev-plain.yaml": "kind: evaluation\nid: EV-2024-03\n"
                                                "title: Plain\nstatus: finished\nowner: me-unit\n"})
    baseline = repo / "evalcheck-baseline.yaml"
    result = run_cli("lint", "--as-of", AS_OF, "--write-baseline", str(baseline), cwd=repo)
    assert result.returncode == 0, result.stderr
    assert "cannot be accepted" in result.stderr
    written = baseline.read_text()
    assert "check: schema" in written
    assert "unsafe-yaml" not in written and "yaml-syntax" not in written
    # a hand-written (or pull-request-written) entry for the floor accepts nothing
    baseline.write_text(written.replace("entries:\n", "entries:\n"
                                        "- {record: EV-2024-01, item: line 3, check: unsafe-yaml}\n"
                                        "- {record: records/ev-broken.yaml, item: line 4, "
                                        "check: yaml-syntax}\n"))
    write_files(repo, {".evalcheck.yaml": "baseline: evalcheck-baseline.yaml\n"})
    code, problems, _ = _gate(repo)
    assert code == 1 and problems == FLOOR


# --- lint --config-from REV: the base branch's settings, and every change named ----------------

PLAIN = "kind: evaluation\nid: {id}\ntitle: Evaluation {id}\nstatus: {status}\nowner: {owner}\n"


def _based(tmp_path: Path) -> Path:
    """A base branch with a configuration and a baseline, then a pull request that loosens
    all three: the configuration, the baseline and a suppression."""
    repo = new_repo(tmp_path / "repo", {
        "records/ev.yaml": PLAIN.format(id="EV-2024-05", status="planned", owner="me-unit"),
        ".evalcheck.yaml": "baseline: evalcheck-baseline.yaml\n",
        "evalcheck-baseline.yaml": "version: 1\nentries: []\n"})
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "base")
    git(repo, "checkout", "-qb", "pr")
    write_files(repo, {
        "records/ev.yaml": PLAIN.format(id="EV-2024-05", status="finished", owner="me-unit"),
        "records/ev-2.yaml": PLAIN.format(id="EV-2024-06", owner="me-unit",
                                          status="done  # evalcheck: ignore[schema] trust me"),
        "records/ev-3.yaml": PLAIN.format(id="EV-2024-07", status="planned", owner="nobody"),
        ".evalcheck.yaml": "baseline: evalcheck-baseline.yaml\nignore: [schema]\n"
                           "severity:\n  unknown-owner: warning\n",
        "evalcheck-baseline.yaml": "version: 1\nentries:\n"
                                   "- {record: EV-2024-05, item: status, check: schema}\n"})
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "a pull request that loosens its own gate")
    return repo


def test_a_pull_request_loosens_its_own_gate_without_config_from(tmp_path: Path) -> None:
    """What --config-from is for: read from the working tree, the pull request's own
    settings let its problems through."""
    repo = _based(tmp_path)
    code, problems, _ = _gate(repo)
    assert code == 0 and problems == [("records/ev-3.yaml", "unknown-owner", "warning")]


def test_config_from_uses_the_base_settings_and_names_every_change(tmp_path: Path) -> None:
    repo = _based(tmp_path)
    code, problems, _ = _gate(repo, "--config-from", "main")
    assert code == 1
    assert problems == [("records/ev-3.yaml", "unknown-owner", "error"),
                        ("records/ev.yaml", "schema", "error")]
    text = run_cli("lint", "--as-of", AS_OF, "--config-from", "main", cwd=repo).stdout
    said = text[text.index("Changes to the gate since main"):]
    assert "the configuration changes ignore, severity" in said
    assert "the baseline evalcheck-baseline.yaml adds 1 entry (schema on EV-2024-05" in said
    assert "records/ev-2.yaml line 4: a suppression of schema was added (trust me)" in said
    md = run_cli("lint", "--as-of", AS_OF, "--config-from", "main", "--format", "markdown",
                 cwd=repo).stdout
    assert "### Changes to the gate since main" in md and md.count("\n- ") == 3
    gh = run_cli("lint", "--as-of", AS_OF, "--config-from", "main", "--format", "github",
                 cwd=repo).stdout
    assert gh.count("::warning title=evalcheck gate change::") == 3


def test_config_from_on_an_unchanged_gate_says_so(tmp_path: Path) -> None:
    repo = _based(tmp_path)
    result = run_cli("lint", "--as-of", AS_OF, "--config-from", "HEAD", cwd=repo)
    assert result.returncode == 0, result.stdout
    assert "The configuration, the baseline and the suppressions are as at HEAD." in result.stdout


@pytest.mark.parametrize("rev", ["no-such-branch", "--output=x"])
def test_config_from_an_unknown_revision_is_one_line_and_exit_2(tmp_path: Path,
                                                                rev: str) -> None:
    repo = _based(tmp_path)
    result = run_cli("lint", f"--config-from={rev}", cwd=repo)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert not (repo / "x").exists()


def _lint_step(tmp_path: Path, cwd: Path, env: dict[str, str]) -> tuple[str, str]:
    """action.yml's lint step, run by bash as the runner would: inputs in the environment,
    evalcheck in $RUNNER_TEMP/evalcheck-venv (here: wrappers around this checkout's)."""
    action = yaml.safe_load((REPO / "action.yml").read_text(encoding="utf-8"))
    [step] = [s for s in action["runs"]["steps"] if s.get("id") == "lint"]
    venv = tmp_path / "runner" / "evalcheck-venv" / "bin"
    venv.mkdir(parents=True)
    for name, command in (("evalcheck", "-m evalcheck"), ("python", "")):
        wrapper = venv / name
        wrapper.write_text(f'#!/bin/sh\nexec "{sys.executable}" {command} "$@"\n')
        wrapper.chmod(0o755)
    output, summary = tmp_path / "output", tmp_path / "summary"
    inputs = {f"IN_{k}": "" for k in ("PATHS", "AS_OF", "FAIL_ON", "BASELINE", "CONFIG",
                                      "CONFIG_FROM")}
    full = {**os.environ, **inputs, "IN_FORMAT": "github", "IN_SUMMARY": "true",
            "IN_AS_OF": AS_OF, "RUNNER_TEMP": str(tmp_path / "runner"), "NO_COLOR": "1",
            "GITHUB_OUTPUT": str(output), "GITHUB_STEP_SUMMARY": str(summary),
            "PYTHONPATH": str(REPO), **env}
    full.pop("GITHUB_BASE_REF", None) if "GITHUB_BASE_REF" not in env else None
    done = subprocess.run(["bash", "-c", step["run"]], cwd=cwd, env=full, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return output.read_text() + summary.read_text(), done.stdout


def test_the_action_reads_the_gate_from_the_base_branch_in_a_pull_request(
        tmp_path: Path) -> None:
    repo = _based(tmp_path)
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--branch", "pr", str(repo), str(clone))
    outputs, annotations = _lint_step(tmp_path / "pr", clone, {"GITHUB_BASE_REF": "main"})
    assert "exit-code=1" in outputs and "errors=2" in outputs
    assert annotations.count("::warning title=evalcheck gate change::") == 3
    assert "Changes to the gate since origin/main" in outputs
    # elsewhere (a push), or when asked, the checked-out files
    outputs, _ = _lint_step(tmp_path / "push", clone, {})
    assert "exit-code=0" in outputs
    outputs, _ = _lint_step(tmp_path / "asked", clone, {"GITHUB_BASE_REF": "main",
                                                        "IN_CONFIG_FROM": "working-tree"})
    assert "exit-code=0" in outputs


def test_the_action_fails_closed_when_the_base_branch_cannot_be_had(tmp_path: Path) -> None:
    repo = _based(tmp_path)
    outputs, _ = _lint_step(tmp_path / "pr", repo, {"GITHUB_BASE_REF": "no-such-base"})
    assert "exit-code=2" in outputs


def test_codeowners_gives_the_gate_s_files_to_the_evaluation_office(tmp_path: Path) -> None:
    repo = new_repo(tmp_path / "repo", {
        "records/owners.yaml": "kind: owners\nowners:\n"
                               "  - {id: me-unit, name: M&E Unit, type: unit, github: '@acme/me'}\n"
                               "  - {id: eval-office, name: Evaluation Office, type: unit, "
                               "github: '@acme/eval-office'}\n",
        ".evalcheck.yaml": "baseline: evalcheck-baseline.yaml\n",
        ".github/CODEOWNERS": "* @acme/everyone\n/.github/ @acme/security-team\n"})
    result = run_cli("codeowners", cwd=repo)
    assert result.returncode == 0, result.stderr
    rules = [line for line in (repo / ".github" / "CODEOWNERS").read_text().splitlines()
             if line and not line.startswith("#")]
    assert rules == [
        "* @acme/everyone", "/.github/ @acme/security-team",
        "/.evalcheck.yaml @acme/everyone @acme/eval-office",
        "/evalcheck-baseline.yaml @acme/everyone @acme/eval-office",
        "/.github/workflows/ @acme/security-team @acme/eval-office",
        "/.github/CODEOWNERS @acme/security-team @acme/eval-office",
        "/records/companion.yaml @acme/me",
    ]
    result = run_cli("codeowners", "--office", "@acme/board", "--check", cwd=repo)
    assert result.returncode == 1
    assert "+/.evalcheck.yaml @acme/everyone @acme/board" in result.stdout


def test_codeowners_without_an_evaluation_office_says_so(tmp_path: Path) -> None:
    repo = new_repo(tmp_path / "repo")
    result = run_cli("codeowners", cwd=repo)
    assert result.returncode == 0, result.stderr
    assert "no evaluation office" in result.stderr
    result = run_cli("codeowners", "--office", "@acme/x\n/.github/ @attacker", cwd=repo)
    assert "is not @user or @org/team" in result.stderr
    assert "attacker" not in (repo / ".github" / "CODEOWNERS").read_text()
