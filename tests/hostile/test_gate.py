"""Issue 14, items 5 and 6: a pull request's own files cannot loosen its gate.

Paths in the configuration (records, owners, baseline, the configuration file itself) and
committed links to folders stay inside the repository; a file outside is never read, and its
content never printed. The yaml family's unsafe-yaml and yaml-syntax cannot be ignored,
lowered, suppressed or baselined, whatever the configuration, a comment or a baseline says.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import run_cli, write_files

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
