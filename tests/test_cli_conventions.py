"""The conventions people bring from ruff, yamllint and check-jsonschema, each as a real
subprocess: --quiet, --color with NO_COLOR and FORCE_COLOR, --exit-zero, --statistics, a
record on standard input, --show-source, `exclude`, validate's formats, and the empty repo."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from xml.etree import ElementTree

import pytest
from conftest import REPO, run_cli, write_files
from records_kit import evaluation

NO_OWNER = evaluation(title="Final evaluation of the migration data project", status="planned",
                      owner=None, recommendations=None)
ESC = "\x1b["
FORMATS = ["text", "concise", "json", "github", "sarif", "markdown", "junit", "gitlab"]


def cli(*args: str, cwd: Path, env: dict[str, str] | None = None, stdin: str | None = None,
        expect: int) -> subprocess.CompletedProcess[str]:
    result = run_cli(*args, cwd=cwd, env=env, input=stdin.encode() if stdin else None)
    assert "Traceback" not in result.stdout + result.stderr, result.stderr
    assert result.returncode == expect, (result.stdout, result.stderr)
    return result


@pytest.fixture
def broken(repo: Path) -> Path:
    write_files(repo, {"records/evaluations/EV-1.yaml": NO_OWNER})
    return repo


@pytest.mark.parametrize("command", ["validate", "lint"])
def test_every_convention_is_in_the_help(command: str) -> None:
    text = " ".join(cli(command, "--help", cwd=REPO, expect=0).stdout.split())
    for option in ("--quiet", "--color [auto|always|never]", "NO_COLOR", "FORCE_COLOR",
                   "--exit-zero", "--statistics", "--show-source", "--stdin-filename",
                   "standard input", "-o, --output", "concise", "junit", "gitlab"):
        assert option in text, option
    assert "[text|concise|json|github|sarif|markdown|junit|gitlab]" in text


def test_quiet_prints_the_problems_and_nothing_else(broken: Path) -> None:
    loud = cli("lint", cwd=broken, expect=1).stdout
    quiet = cli("lint", "--quiet", cwd=broken, expect=1).stdout
    assert "Found 1 error" in loud and "Found" not in quiet
    assert quiet == loud[:loud.index("\n\nFound")] + "\n"
    assert cli("lint", "-q", "--format", "concise", cwd=broken, expect=1).stdout.count("\n") == 1
    (broken / "records/evaluations/EV-1.yaml").write_text(NO_OWNER + "owner: me-unit\n")
    assert cli("lint", "-q", cwd=broken, expect=0).stdout == ""


@pytest.mark.parametrize("flag, env, coloured", [
    ("auto", {"NO_COLOR": ""}, False),  # a pipe: no colour
    ("auto", {"NO_COLOR": "", "FORCE_COLOR": "1"}, True),
    ("auto", {"NO_COLOR": "", "FORCE_COLOR": ""}, False),  # empty means unset
    ("auto", {"NO_COLOR": "1", "FORCE_COLOR": "1"}, False),  # NO_COLOR first
    ("always", {"NO_COLOR": "1"}, True),  # the command line is final
    ("never", {"NO_COLOR": "", "FORCE_COLOR": "1"}, False),
])
def test_color(broken: Path, flag: str, env: dict[str, str], coloured: bool) -> None:
    out = cli("lint", "--color", flag, cwd=broken, env=env, expect=1).stdout
    assert (ESC in out) is coloured, out
    assert "missing-owner" in out


def test_a_file_gets_colour_only_when_asked_for(broken: Path) -> None:
    env = {"NO_COLOR": "", "FORCE_COLOR": "1"}
    cli("lint", "-o", "plain.txt", cwd=broken, env=env, expect=1)
    assert ESC not in (broken / "plain.txt").read_text()
    cli("lint", "-o", "colour.txt", "--color", "always", cwd=broken, env=env, expect=1)
    assert ESC in (broken / "colour.txt").read_text()


def test_color_rejects_an_unknown_choice(broken: Path) -> None:
    result = cli("lint", "--color", "sometimes", cwd=broken, expect=2)
    assert "'sometimes' is not one of 'auto', 'always', 'never'" in result.stderr


def test_exit_zero_reports_but_passes(broken: Path) -> None:
    result = cli("lint", "--exit-zero", cwd=broken, expect=0)
    assert "missing-owner" in result.stdout
    # a usage error is still one
    cli("lint", "--exit-zero", "records/nowhere.yaml", cwd=broken, expect=2)


def test_statistics_counts_by_check(broken: Path) -> None:
    write_files(broken, {"records/evaluations/EV-2.yaml": NO_OWNER.replace("EV-1", "EV-2")
                         .replace("Final", "Mid-term")})
    out = cli("lint", "--statistics", cwd=broken, expect=1).stdout
    assert out.splitlines()[0].split() == ["2", "missing-owner", "error"]
    assert out.splitlines()[-1].startswith("Found 2 errors")
    data = json.loads(cli("lint", "--statistics", "--format", "json", cwd=broken,
                          expect=1).stdout)
    assert data == [{"check": "missing-owner", "severity": "error", "count": 2}]


def test_a_record_from_standard_input_is_judged_with_the_repository(repo: Path) -> None:
    text = NO_OWNER + "owner: nobody\n"
    out = cli("lint", "-", "--format", "concise", cwd=repo, stdin=text, expect=1).stdout
    assert out.startswith("<stdin>:5:8: error [unknown-owner] ")
    named = cli("lint", "-", "--stdin-filename", "records/evaluations/EV-1.yaml",
                "--format", "json", cwd=repo, stdin=text, expect=1).stdout
    assert [(p["path"], p["check"]) for p in json.loads(named)] == [
        ("records/evaluations/EV-1.yaml", "unknown-owner")]
    good = text.replace("nobody", "me-unit")
    assert cli("validate", "-", cwd=repo, stdin=good, expect=0).stdout == \
        "No problems found (1 file checked).\n"


def test_standard_input_replaces_the_file_it_stands_for(broken: Path) -> None:
    """An editor lints its unsaved buffer: the file on disk (broken) is not judged too, and
    its id is not a duplicate of itself."""
    fixed = NO_OWNER + "owner: me-unit\n"
    result = cli("lint", "-", "--stdin-filename", "records/evaluations/EV-1.yaml", cwd=broken,
                 stdin=fixed, expect=0)
    assert result.stdout == "No problems found (1 file checked).\n"


def test_stdin_filename_without_dash_is_a_usage_error(repo: Path) -> None:
    result = cli("lint", "--stdin-filename", "x.yaml", cwd=repo, expect=2)
    assert result.stderr.startswith("evalcheck: error: --stdin-filename needs - ")


def test_show_source_puts_a_caret_under_the_column(repo: Path) -> None:
    write_files(repo, {"records/evaluations/EV-1.yaml": NO_OWNER.replace("planned",
                                                                       "finished")
                       + "owner: me-unit\n"})
    out = cli("validate", "--show-source", cwd=repo, expect=1).stdout
    lines = out.splitlines()
    at = next(i for i, line in enumerate(lines) if line.strip().startswith("4:9"))
    source = [line for line in lines[at + 1:at + 4] if " | " in line]
    assert source[0] == "     4 | status: finished"
    assert source[1] == "       |         ^"
    assert " | " not in cli("validate", cwd=repo, expect=1).stdout


def test_show_source_never_reads_through_a_link(repo: Path, tmp_path_factory:
                                                pytest.TempPathFactory) -> None:
    outside = tmp_path_factory.mktemp("outside") / "secret.yaml"
    outside.write_text("kind: evaluation\nid: SECRET-TEXT\n")
    (repo / "records" / "link.yaml").symlink_to(outside)
    out = cli("lint", "--show-source", cwd=repo, expect=1).stdout
    assert "records/link.yaml" in out and "SECRET-TEXT" not in out


def test_exclude_leaves_files_out_named_or_not(repo: Path) -> None:
    write_files(repo, {"records/archive/old.yaml": NO_OWNER,
                       "records/drafts/draft-1.yaml": NO_OWNER.replace("EV-1", "EV-2"),
                       ".evalcheck.yaml": "exclude: [records/archive, 'records/*/draft-*']\n"})
    assert cli("lint", cwd=repo, expect=0).stdout == "No problems found (1 file checked).\n"
    cli("lint", "records/archive/old.yaml", cwd=repo, expect=0)
    (repo / ".evalcheck.yaml").write_text("exclude: records/archive\n")
    assert "draft-1.yaml" in cli("lint", cwd=repo, expect=1).stdout
    (repo / ".evalcheck.yaml").write_text("exclude: {a: b}\n")
    assert "exclude: expected a list of paths" in cli("lint", cwd=repo, expect=2).stderr


@pytest.mark.parametrize("fmt", FORMATS)
def test_validate_has_the_same_formats_as_lint(broken: Path, fmt: str) -> None:
    (broken / "records/evaluations/EV-1.yaml").write_text(NO_OWNER.replace("planned", "x"))
    out = cli("validate", "--format", fmt, cwd=broken, expect=1).stdout
    assert "schema" in out
    if fmt in {"json", "sarif", "gitlab"}:
        json.loads(out)
    if fmt == "junit":
        ElementTree.fromstring(out)


def test_concise_is_one_line_per_problem(broken: Path) -> None:
    out = cli("lint", "--format", "concise", cwd=broken, expect=1).stdout.splitlines()
    assert out[0].startswith("records/evaluations/EV-1.yaml:1:1: error [missing-owner] owner")
    assert out[1].startswith("Found 1 error")


def test_junit_and_gitlab_for_other_ci_systems(broken: Path) -> None:
    junit = ElementTree.fromstring(cli("lint", "--format", "junit", cwd=broken,
                                       expect=1).stdout)
    (case,) = junit.iter("testcase")
    assert case.get("classname") == "records/evaluations/EV-1.yaml"
    assert case.find("failure").get("type") == "missing-owner"  # type: ignore[union-attr]
    (issue,) = json.loads(cli("lint", "--format", "gitlab", cwd=broken, expect=1).stdout)
    assert issue["location"] == {"path": "records/evaluations/EV-1.yaml", "lines": {"begin": 1}}
    assert issue["severity"] == "major" and len(issue["fingerprint"]) == 64


@pytest.mark.parametrize("where", ["empty folder", "empty records folder"])
def test_no_records_is_a_warning_not_a_clean_bill(tmp_path: Path, where: str) -> None:
    """As ruff does with no Python files: exit 0, a warning on standard error."""
    if where == "empty records folder":
        (tmp_path / "records").mkdir()
    result = cli("lint", cwd=tmp_path, expect=0)
    assert result.stderr == "evalcheck: warning: no records found under records/\n"
    assert cli("lint", "-q", cwd=tmp_path, expect=0).stderr == ""
    assert cli("validate", cwd=tmp_path, expect=0).stderr.startswith("evalcheck: warning: no ")


def test_sarif_is_written_on_a_usage_error_too(repo: Path) -> None:
    """Code scanning then shows why the run failed instead of finding no file."""
    (repo / ".evalcheck.yaml").write_text("selekt: [deadlines]\n")
    result = cli("lint", "--format", "sarif", "-o", "out.sarif", cwd=repo, expect=2)
    assert result.stderr.startswith("evalcheck: error: .evalcheck.yaml: unknown setting")
    log = json.loads((repo / "out.sarif").read_text())
    (invocation,) = log["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    assert "selekt" in invocation["toolExecutionNotifications"][0]["message"]["text"]
    (repo / ".evalcheck.yaml").unlink()
    cli("lint", "--format", "sarif", "-o", "out.sarif", "--as-of", "2024-13-01", cwd=repo,
        expect=2)
    assert "2024-13-01" in json.loads((repo / "out.sarif").read_text())["runs"][0][
        "invocations"][0]["toolExecutionNotifications"][0]["message"]["text"]
