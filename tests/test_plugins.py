"""Third-party checks load through the `evalcheck.checks` entry-point group, for real."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from conftest import run_cli, write_files
from records_kit import evaluation, owner, owners

PLUGIN = '''
"""A tiny evalcheck plugin: evaluations must say which criteria they use."""

from evalcheck.checks import check
from evalcheck.problems import Finding, Severity


@check("missing-criteria", family="acme", severity=Severity.WARNING,
       applies_to=("evaluation",))
def missing_criteria(record, ctx):
    """An evaluation that lists no OECD-DAC criteria.

    Why: the office's board report groups ratings by criterion.

    Bad:
        kind: evaluation
        id: EV-1
    Good:
        kind: evaluation
        id: EV-1
        criteria: [relevance]
    """
    if not record.get("criteria"):
        yield Finding("the evaluation lists no criteria", path=("id",))
'''


def _install_plugin(site: Path) -> None:
    """A distribution on sys.path without pip: a module plus its .dist-info entry points."""
    (site / "acme_checks.py").write_text(PLUGIN, encoding="utf-8")
    info = site / "acme_checks-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: acme-checks\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text("[evalcheck.checks]\nacme = acme_checks\n")


def test_plugin_check_runs_and_is_listed(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    _install_plugin(site)
    write_files(tmp_path / "repo", {
        "records/owners.yaml": owners(owner("u", name="U")),
        "records/ev.yaml": evaluation(title="Final evaluation", status="ongoing", owner="u",
                                      recommendations=None),
    })
    env = {"PYTHONPATH": os.pathsep.join([str(site), os.environ.get("PYTHONPATH", "")])}
    rules = run_cli("rules", cwd=tmp_path / "repo", env=env)
    assert "missing-criteria" in rules.stdout and "acme" in rules.stdout
    lint = run_cli("lint", "--format", "json", cwd=tmp_path / "repo", env=env)
    problems = json.loads(lint.stdout)
    assert [(p["check"], p["line"], p["severity"]) for p in problems] == [
        ("missing-criteria", 2, "warning")]
    assert lint.returncode == 0
    ignored = run_cli("lint", "--ignore", "missing-criteria", "--format", "json",
                      cwd=tmp_path / "repo", env=env)
    assert json.loads(ignored.stdout) == []


def test_without_plugin_the_check_is_unknown(tmp_path: Path) -> None:
    result = run_cli("explain", "missing-criteria", cwd=tmp_path)
    assert result.returncode == 2
    assert "no such check" in result.stderr and "Traceback" not in result.stderr


def test_broken_plugin_is_a_one_line_error(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    _install_plugin(site)
    (site / "acme_checks.py").write_text("raise ImportError('acme needs numpy')\n")
    env = {"PYTHONPATH": str(site)}
    result = run_cli("rules", cwd=tmp_path, env=env)
    assert result.returncode == 2
    assert "plugin 'acme' (acme_checks) failed to load" in result.stderr
    assert "Traceback" not in result.stderr


def _may_have_plugins_on(path: list[str]) -> bool:
    """`_may_have_plugins` with this sys.path, in a fresh interpreter (its own sys.path)."""
    import subprocess
    import sys

    code = ("import sys; from evalcheck.checks import _may_have_plugins; "
            f"sys.path[:] = {path!r}; print(_may_have_plugins())")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    return done.stdout.strip() == "True"


@pytest.mark.parametrize(("layout", "found"), [
    ({}, False),
    ({"other-1.0.dist-info/entry_points.txt": "[console_scripts]\nx = y:z\n"}, False),
    ({"other-1.0.dist-info/METADATA": "Name: other\n"}, False),   # no entry points at all
    ({"acme-1.0.dist-info/entry_points.txt": "[evalcheck.checks]\nacme = acme\n"}, True),
    ({"acme.egg-info/entry_points.txt": "[evalcheck.checks]\nacme = acme\n"}, True),
    ({"a-zip-on-the-path.zip": "PK"}, True),   # a zip it cannot look into: yes, ask
], ids=["empty", "other-group", "no-entry-points", "dist-info", "egg-info", "zip"])
def test_the_quick_look_for_plugins(tmp_path: Path, layout: dict[str, str],
                                    found: bool) -> None:
    write_files(tmp_path, layout)
    path = [str(tmp_path / name) for name in layout if name.endswith(".zip")]
    assert _may_have_plugins_on([str(tmp_path), str(tmp_path / "missing"), *path]) is found
