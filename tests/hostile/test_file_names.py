"""Issue 14, items 2 and 3: file names are data a pull request chooses.

A newline in a record's name must not become a CODEOWNERS rule (`x\\n.github\\n...` would
cancel the hand-written owners of .github/), and a name that is not UTF-8 (`bad\\xff.yaml`)
must not crash any output: names are decoded losslessly, shown escaped, and percent-encoded
in SARIF URIs.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from conftest import run_cli, write_files

from hostile.kit import AS_OF, new_repo

RECORD = "kind: evaluation\nid: {id}\ntitle: {title}\nstatus: {status}\nowner: me-unit\n"
OWNERS = """\
kind: owners
owners:
  - {id: me-unit, name: M&E Unit, type: unit, github: "@acme/me-unit"}
  - {id: programme-unit, name: Programme Unit, type: unit}
"""
NEWLINE_NAME = "x\n.github\n.evalcheck.yaml\nEV-NL.yaml"
HAND_WRITTEN = "* @acme/everyone\n/.github/ @acme/security-team\n"


def _repo(tmp_path: Path) -> Path:
    repo = new_repo(tmp_path / "repo", {"records/owners.yaml": OWNERS})
    write_files(repo, {"records/good.yaml": RECORD.format(id="EV-2024-01", title="Good",
                                                          status="planned"),
                       ".github/CODEOWNERS": HAND_WRITTEN})
    return repo


def _bytes_name(folder: Path, name: bytes, text: str) -> None:
    with open(os.path.join(os.fsencode(folder), name), "wb") as fh:
        fh.write(text.encode())


def test_a_newline_in_a_file_name_never_becomes_a_codeowners_rule(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    write_files(repo, {f"records/{NEWLINE_NAME}": RECORD.format(
        id="EV-NL", title="Newline", status="planned")})
    result = run_cli("codeowners", cwd=repo)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert r"records/x\x0a.github\x0a.evalcheck.yaml\x0aEV-NL.yaml" in result.stderr
    text = (repo / ".github" / "CODEOWNERS").read_text(encoding="utf-8")
    rules = [line for line in text.splitlines() if line and not line.startswith("#")]
    assert rules == ["* @acme/everyone", "/.github/ @acme/security-team",
                     "/records/companion.yaml @acme/me-unit", "/records/good.yaml @acme/me-unit"]


def test_a_github_handle_cannot_add_lines_or_reviewers(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    write_files(repo, {"records/owners.yaml": OWNERS.replace(
        '"@acme/me-unit"', '"@acme/me-unit\\n/.github/ @attacker"')})
    result = run_cli("codeowners", cwd=repo)
    assert result.returncode == 0, result.stderr
    text = (repo / ".github" / "CODEOWNERS").read_text(encoding="utf-8")
    assert "attacker" not in text
    assert "not @user or @org/team" in result.stderr


def test_a_control_character_in_a_file_name_is_a_located_problem(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    write_files(repo, {f"records/{NEWLINE_NAME}": RECORD.format(
        id="EV-NL", title="Newline", status="planned"),
        "records/tab\there.yaml": RECORD.format(id="EV-TAB", title="Tab", status="planned")})
    result = run_cli("lint", "--as-of", AS_OF, "--format", "json", cwd=repo)
    assert result.returncode == 1, result.stderr
    found = [(p["path"], p["line"], p["column"], p["check"]) for p in json.loads(result.stdout)]
    assert found == [("records/tab\\x09here.yaml", 1, 1, "unsafe-yaml"),
                     (r"records/x\x0a.github\x0a.evalcheck.yaml\x0aEV-NL.yaml", 1, 1,
                      "unsafe-yaml")]
    text = run_cli("lint", "--as-of", AS_OF, cwd=repo)
    assert r"records/x\x0a.github\x0a.evalcheck.yaml\x0aEV-NL.yaml" in text.stdout
    assert "control character (U+000A)" in text.stdout


@pytest.fixture
def latin1_repo(tmp_path: Path) -> Path:
    repo = _repo(tmp_path)
    _bytes_name(repo / "records", b"bad\xff.yaml",
                RECORD.format(id="EV-2024-FF", title="Latin-1 name", status="finished"))
    return repo


def test_a_name_that_is_not_utf8_is_shown_escaped(latin1_repo: Path) -> None:
    for fmt, shown in (("text", r"records/bad\xff.yaml"), ("github", r"records/bad\xff.yaml"),
                       ("markdown", r"records/bad\\xff.yaml"),
                       ("concise", r"records/bad\xff.yaml:4:9"),
                       ("junit", r'file="records/bad\xff.yaml"'),
                       ("gitlab", r'"path": "records/bad\\xff.yaml"')):
        result = run_cli("lint", "--as-of", AS_OF, "--format", fmt, cwd=latin1_repo)
        assert result.returncode == 1, (fmt, result.stderr)
        assert "Traceback" not in result.stderr
        assert shown in result.stdout, fmt


def test_sarif_percent_encodes_the_name_s_bytes(latin1_repo: Path) -> None:
    result = run_cli("lint", "--as-of", AS_OF, "--format", "sarif", cwd=latin1_repo)
    assert result.returncode == 1, result.stderr
    uris = [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for r in json.loads(result.stdout)["runs"][0]["results"]]
    assert uris == ["records/bad%FF.yaml"]


def test_json_to_a_file_works(latin1_repo: Path, tmp_path: Path) -> None:
    out = tmp_path / "problems.json"
    result = run_cli("lint", "--as-of", AS_OF, "--format", "json", "-o", str(out),
                     cwd=latin1_repo)
    assert result.returncode == 1, result.stderr
    assert [p["path"] for p in json.loads(out.read_text(encoding="utf-8"))] == [
        "records/bad\\xff.yaml"]


def test_report_out_works(latin1_repo: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    result = run_cli("report", "--as-of", AS_OF, "--out", str(site), cwd=latin1_repo)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in site.iterdir()) == [
        "actions.csv", "index.html", "report.json", "report.md"]
    assert "bad\\xff.yaml" in (site / "index.html").read_text(encoding="utf-8")
    json.loads((site / "report.json").read_text(encoding="utf-8"))


def test_codeowners_and_the_baseline_work(latin1_repo: Path, tmp_path: Path) -> None:
    result = run_cli("codeowners", cwd=latin1_repo)
    assert result.returncode == 0, result.stderr
    assert "records/bad\\xff.yaml: the file name holds" in result.stderr
    baseline = tmp_path / "baseline.yaml"
    result = run_cli("lint", "--as-of", AS_OF, "--write-baseline", str(baseline),
                     cwd=latin1_repo)
    assert result.returncode == 0, result.stderr
    result = run_cli("lint", "--as-of", AS_OF, "--baseline", str(baseline), cwd=latin1_repo)
    assert result.returncode == 0, result.stdout
