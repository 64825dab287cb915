"""The release workflow: on a version tag only, it builds, tests the wheel, publishes with
trusted publishing (the only job that can mint an OIDC token) and releases with the
changelog's notes, which .github/scripts/release_notes.py takes out of CHANGELOG.md."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO
from test_workflows import load

SCRIPT = REPO / ".github" / "scripts" / "release_notes.py"
spec = importlib.util.spec_from_file_location("release_notes", SCRIPT)
assert spec and spec.loader
release_notes = importlib.util.module_from_spec(spec)
spec.loader.exec_module(release_notes)

CHANGELOG = """\
# Changelog

## [Unreleased]

- Next thing.

## [0.2.0] - 2027-01-15

### Added

- `evalcheck init`.

## [0.1.0] - 2026-12-02

- First release.

[0.2.0]: https://github.com/evalcheck-mr/evalcheck/compare/v0.1.0...v0.2.0
"""


@pytest.mark.parametrize("version, notes", [
    ("0.2.0", "### Added\n\n- `evalcheck init`."),
    ("0.1.0", "- First release."),
    ("0.3.0", None),
    ("Unreleased", None),  # only a dated release has notes
    ("0.2", None),
])
def test_section_of_a_version(version: str, notes: str | None) -> None:
    assert release_notes.section(CHANGELOG, version) == notes


def test_the_script_refuses_a_release_without_notes(tmp_path: Path) -> None:
    (tmp_path / "CHANGELOG.md").write_text(CHANGELOG)
    ok = subprocess.run([sys.executable, str(SCRIPT), "0.1.0", "CHANGELOG.md"], cwd=tmp_path,
                        capture_output=True, text=True)
    assert (ok.returncode, ok.stdout) == (0, "- First release.\n")
    missing = subprocess.run([sys.executable, str(SCRIPT), "9.9.9"], cwd=tmp_path,
                             capture_output=True, text=True)
    assert missing.returncode == 1 and missing.stdout == ""
    assert missing.stderr.startswith("CHANGELOG.md has no notes for 9.9.9")


def test_release_runs_on_version_tags_only() -> None:
    workflow = load(REPO / ".github" / "workflows" / "release.yml")
    assert workflow["on"] == {"push": {"tags": ["v*.*.*"]}}
    assert workflow["permissions"] == {"contents": "read"}


def test_only_the_publish_job_can_mint_a_token_and_it_publishes_the_built_files() -> None:
    jobs = load(REPO / ".github" / "workflows" / "release.yml")["jobs"]
    assert {name: job["permissions"] for name, job in jobs.items()} == {
        "build": {"contents": "read"}, "publish": {"id-token": "write"},
        "github-release": {"contents": "write"}}
    assert jobs["publish"]["needs"] == "build" and jobs["github-release"]["needs"] == "publish"
    assert jobs["publish"]["environment"]["name"] == "pypi"
    uses = [s.get("uses", "").split("@")[0] for s in jobs["publish"]["steps"]]
    assert uses == ["actions/download-artifact", "pypa/gh-action-pypi-publish"]
    assert not any("run" in s for s in jobs["publish"]["steps"])  # no code of ours there


def test_build_checks_the_tag_builds_and_tests_the_wheel() -> None:
    steps = load(REPO / ".github" / "workflows" / "release.yml")["jobs"]["build"]["steps"]
    runs = "\n".join(s.get("run", "") for s in steps)
    assert '[ "v$version" != "$TAG" ]' in runs
    assert "release_notes.py" in runs and "hatchling build -t sdist -t wheel" in runs
    assert runs.count("--require-hashes") == 2
    for command in ("evalcheck\" init smoke", "evalcheck\" lint", "schema --export schema --check"):
        assert command in runs, command
    release = load(REPO / ".github" / "workflows" / "release.yml")["jobs"]["github-release"]
    assert "--notes-file dist-notes/notes.md" in release["steps"][-1]["run"]


def test_this_versions_changelog_is_ready_for_a_release_or_unreleased() -> None:
    """The version in the code either has its dated section or is still to be released."""
    from evalcheck import __version__

    text = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    assert release_notes.section(text, __version__) is not None or "## [Unreleased]" in text
