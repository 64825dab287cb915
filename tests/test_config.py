"""Configuration: found from a subfolder, validated against the registry, applied by the engine;
an invalid file is a one-line error with exit status 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import REPO, lint_text, run_cli, write_files
from records_kit import action, evaluation, management_response

from evalcheck.config import ConfigError, load_config, parse_config
from evalcheck.problems import Severity

# Two problems: a missing deadline (warning, deadlines) and a duplicate text (error, duplicates).
RESPONSE = management_response(actions=[action("1.1"), action("1.2", deadline="2030-01")])
EVALUATION = evaluation(status="ongoing")


@pytest.fixture
def project(repo: Path) -> Path:
    write_files(repo, {"records/responses/MR-1.yaml": RESPONSE,
                       "records/evaluations/EV-1.yaml": EVALUATION,
                       "records/legacy/MR-old.yaml": RESPONSE.replace("MR-1", "MR-old")
                       .replace("EV-1", "EV-old")})
    return repo


def lint_json(cwd: Path, *args: str) -> tuple[int, list[tuple[str, str, str]]]:
    result = run_cli("lint", "--format", "json", "--as-of", "2024-06-30", *args, cwd=cwd)
    assert result.returncode in (0, 1), result.stderr
    found = [(p["path"], p["check"], p["severity"]) for p in json.loads(result.stdout)]
    return result.returncode, sorted(found)


@pytest.mark.parametrize(("name", "text"), [
    ("pyproject.toml", '[tool.evalcheck]\nignore = ["duplicates", "unknown-reference"]\n'
                       'records = ["records/responses", "records/evaluations"]\n'
                       'owners = ["records/owners.yaml"]\n'),
    (".evalcheck.yaml", "ignore: [duplicates, unknown-reference]\n"
                        "records: [records/responses, records/evaluations]\n"
                        "owners: [records/owners.yaml]\n"),
])
def test_config_found_from_a_subfolder(project: Path, name: str, text: str) -> None:
    (project / name).write_text(text, encoding="utf-8")
    config = load_config(project / "records" / "responses")
    assert config.root == project.resolve() and config.source == name
    assert config.records == ("records/responses", "records/evaluations")
    assert config.owners == ("records/owners.yaml",)
    assert not config.enabled("duplicate-text") and not config.enabled("unknown-reference")
    assert config.enabled("missing-deadline")


def test_cli_run_from_a_subfolder_uses_the_config(project: Path) -> None:
    code, found = lint_json(project / "records" / "responses")
    assert code == 1 and ("records/responses/MR-1.yaml", "duplicate-text", "error") in found
    (project / "pyproject.toml").write_text(
        '[tool.evalcheck]\nignore = ["duplicates", "unknown-reference"]\n'
        'records = ["records/responses", "records/evaluations"]\n'
        'owners = ["records/owners.yaml"]\n', encoding="utf-8")
    code, found = lint_json(project / "records" / "responses")
    assert found == [("records/responses/MR-1.yaml", "missing-deadline", "warning")]
    assert code == 0


def test_evalcheck_yaml_wins_over_pyproject_in_the_same_folder(project: Path) -> None:
    write_files(project, {"pyproject.toml": "[tool.evalcheck]\nfail-on = 'warning'\n",
                          ".evalcheck.yaml": "fail-on: error\n"})
    assert load_config(project).fail_on is Severity.ERROR


def test_pyproject_without_our_table_is_passed_over(project: Path) -> None:
    write_files(project, {"pyproject.toml": "[tool.other]\nx = 1\n",
                          "records/.evalcheck.yaml": "fail-on: warning\n"})
    config = load_config(project / "records" / "responses")
    assert config.fail_on is Severity.WARNING and config.root == (project / "records").resolve()


def test_explicit_config_file(project: Path) -> None:
    (project / "ci.yaml").write_text("select: [deadlines]\n", encoding="utf-8")
    _, found = lint_json(project, "--config", "ci.yaml")
    assert found and {check for _, check, _ in found} == {"missing-deadline"}


@pytest.mark.parametrize(("table", "enabled", "disabled"), [
    ({}, ["duplicate-text", "due-soon"], []),
    ({"select": ["due-soon"]}, ["due-soon"], ["past-due-action", "duplicate-text"]),
    ({"select": ["deadlines"]}, ["due-soon", "past-due-action"], ["duplicate-text"]),
    ({"select": "deadlines, schema"}, ["due-soon", "schema"], ["duplicate-text"]),
    ({"ignore": ["due-soon"]}, ["past-due-action"], ["due-soon"]),
    ({"ignore": ["deadlines"]}, ["duplicate-text"], ["due-soon", "response-overdue"]),
    ({"select": ["deadlines"], "ignore": ["due-soon"]}, ["past-due-action"],
     ["due-soon", "duplicate-text"]),
])
def test_select_and_ignore(table: dict, enabled: list[str], disabled: list[str]) -> None:
    config = parse_config(table, REPO)
    assert all(config.enabled(name) for name in enabled)
    assert not any(config.enabled(name) for name in disabled)


def test_select_and_ignore_through_the_engine() -> None:
    text = RESPONSE
    every = {p.check for p in lint_text(text)}
    assert {"missing-deadline", "duplicate-text"} <= every
    only = {p.check for p in lint_text(text, config=parse_config({"select": ["deadlines"]},
                                                                 REPO))}
    assert only == {"missing-deadline"}
    rest = {p.check for p in lint_text(text, config=parse_config({"ignore": ["duplicates"]},
                                                                 REPO))}
    assert rest == every - {"duplicate-text", "near-duplicate-text"}


def test_command_line_select_and_ignore(project: Path) -> None:
    _, found = lint_json(project, "--select", "deadlines,duplicates", "--ignore", "due-soon",
                         "--ignore", "duplicate-record")
    assert {check for _, check, _ in found} == {"missing-deadline", "duplicate-text"}


def test_severity_override(project: Path) -> None:
    config = parse_config({"severity": {"missing-deadline": "error"}}, REPO)
    assert config.severity_of("missing-deadline") is Severity.ERROR
    assert config.severity_of("due-soon") is Severity.WARNING
    problems = lint_text(RESPONSE, config=config, only="missing-deadline")
    assert [p.severity for p in problems] == [Severity.ERROR]


def test_severity_override_changes_the_exit_status(project: Path) -> None:
    (project / ".evalcheck.yaml").write_text("select: [missing-deadline]\n", encoding="utf-8")
    assert lint_json(project)[0] == 0
    (project / ".evalcheck.yaml").write_text(
        "select: [missing-deadline]\nseverity: {missing-deadline: error}\n", encoding="utf-8")
    assert lint_json(project) == (1, [("records/legacy/MR-old.yaml", "missing-deadline", "error"),
                                      ("records/responses/MR-1.yaml", "missing-deadline", "error")])


def test_per_path_ignores(project: Path) -> None:
    (project / ".evalcheck.yaml").write_text(
        "per-path-ignores:\n  'records/legacy/*': [deadlines, duplicate-text]\n", encoding="utf-8")
    _, found = lint_json(project)
    legacy = {check for path, check, _ in found if path.startswith("records/legacy/")}
    current = {check for path, check, _ in found if path.startswith("records/responses/")}
    assert {"missing-deadline", "duplicate-text"} <= current
    assert not legacy & {"missing-deadline", "duplicate-text"}
    assert "unknown-reference" in legacy


@pytest.mark.parametrize(("check", "options", "expected"), [
    ("near-duplicate-text", {"threshold": 0.9}, {"threshold": 0.9}),
    ("near-duplicate-text", {"threshold": 1}, {"threshold": 1.0}),
    ("near-duplicate-text", {}, {"threshold": 0.85}),
    ("due-soon", {"days": 45}, {"days": 45}),
    ("response-overdue", {"days": 90}, {"days": 90}),
    ("stale-action", {"days": 120}, {"days": 120}),
    ("stale-action", {}, {"days": 180}),
    ("recurring-recommendation", {"threshold": 0.9}, {"threshold": 0.9}),
    ("status-contradicts-update", {"words": ["put on hold"]}, {"words": ("put on hold",)}),
    ("status-contradicts-update", {}, {"words": ()}),
])
def test_check_options(check: str, options: dict, expected: dict) -> None:
    config = parse_config({"checks": {check: options}}, REPO)
    assert config.options_for(check) == expected


@pytest.mark.parametrize(("table", "message"), [
    ({"colour": True}, "unknown setting 'colour'"),
    ({"select": ["nope"]}, "no such check: 'nope'"),
    ({"ignore": ["due-son"]}, "did you mean 'due-soon'"),
    ({"checks": {"due-soon": {"window": 3}}}, "unknown option 'window' for check 'due-soon'"),
    ({"checks": {"due-soon": {"days": "x"}}}, "checks.due-soon.days should be int"),
    ({"checks": {"due-soon": {"days": 1.5}}}, "checks.due-soon.days should be int"),
    ({"checks": {"due-soon": {"days": -1}}}, "days must be 0 or more"),
    ({"checks": {"near-duplicate-text": {"threshold": 2}}}, "between 0 and 1"),
    ({"checks": {"near-duplicate-text": {"threshold": True}}}, "should be float"),
    ({"checks": {"nope": {}}}, "no such check: 'nope'"),
    ({"checks": {"status-contradicts-update": {"words": "on hold"}}},
     "checks.status-contradicts-update.words should be a list of text"),
    ({"checks": {"status-contradicts-update": {"words": ["on hold", 3]}}},
     "checks.status-contradicts-update.words should be a list of text"),
    ({"checks": {"due-soon": 3}}, "checks.due-soon: expected a table"),
    ({"severity": {"due-soon": "fatal"}}, "'fatal' is not a severity"),
    ({"severity": "error"}, "severity: expected a table"),
    ({"fail-on": "info"}, "'info' is not a severity"),
    ({"records": 5}, "records: expected a list of paths"),
    ({"baseline": 5}, "baseline: expected a path"),
    ({"per-path-ignores": {"a/*": ["nope"]}}, "no such check: 'nope'"),
])
def test_invalid_settings(table: dict, message: str) -> None:
    with pytest.raises(ConfigError, match=message.replace("(", r"\(").replace(".", r"\.")):
        parse_config(table, REPO)


@pytest.mark.parametrize(("name", "text", "message"), [
    ("pyproject.toml", "[tool.evalcheck]\ncolour = true\n", "unknown setting 'colour'"),
    (".evalcheck.yaml", "select: [nope]\n", "no such check: 'nope'"),
    ("pyproject.toml", "[tool.evalcheck.checks.due-soon]\nwindow = 3\n", "unknown option"),
    ("pyproject.toml", "[tool.evalcheck.checks.due-soon]\ndays = 'x'\n", "should be int"),
    ("pyproject.toml", "[tool.evalcheck.severity]\ndue-soon = 'fatal'\n", "not a severity"),
    ("pyproject.toml", "[tool.evalcheck\nx = 1\n", "not valid TOML"),
    (".evalcheck.yaml", "select: [deadlines\n", "not valid YAML"),
], ids=["unknown-key", "unknown-check", "bad-option", "bad-type", "bad-severity", "bad-toml",
        "bad-yaml"])
def test_invalid_config_file_is_exit_2_and_one_line(project: Path, name: str, text: str,
                                                    message: str) -> None:
    (project / name).write_text(text, encoding="utf-8")
    result = run_cli("lint", cwd=project / "records")
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith("evalcheck: error: ") and message in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


@pytest.mark.parametrize(("text", "message"), [
    ("- a list\n", "expected a mapping of settings"),
    ("ignore: [due-soon]\nignore: [schema]\n", ":2:1: the key 'ignore' appears twice"),
    ("fail-on: !!python/name:os.system\n", "not allowed"),
    (b"fail-on: caf\xe9\n", "not UTF-8"),
])
def test_unusable_yaml_config(tmp_path: Path, text: str | bytes, message: str) -> None:
    path = tmp_path / ".evalcheck.yaml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode())
    with pytest.raises(ConfigError, match=message):
        load_config(tmp_path)


def test_empty_yaml_config_is_the_defaults(tmp_path: Path) -> None:
    (tmp_path / ".evalcheck.yaml").write_text("# nothing yet\n", encoding="utf-8")
    config = load_config(tmp_path)
    assert config.source == ".evalcheck.yaml" and config.select is None


def test_bad_command_line_check_name_is_exit_2(project: Path) -> None:
    result = run_cli("lint", "--select", "deadlines,nope", cwd=project)
    assert result.returncode == 2
    assert result.stderr == "evalcheck: error: --select: no such check: 'nope'\n"


def test_a_mistyped_records_path_is_an_error_not_an_empty_run(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.evalcheck]\nrecords = ["recrods"]\n')
    result = run_cli("lint", cwd=tmp_path)
    assert result.returncode == 2
    assert "the records path 'recrods' does not exist" in result.stderr


def test_blank_decision_and_status_mean_not_yet(tmp_path: Path) -> None:
    blank = management_response(owner="u", decision="", actions=[  # decision: and status:
        action(responsible="u", deadline="2030-01", status="")])
    problems = lint_text(evaluation(owner="u", addressed_to="u") + "---\n" + blank)
    checks = {p.check for p in problems}
    assert "schema" not in checks
    assert "unanswered-recommendation" in checks
