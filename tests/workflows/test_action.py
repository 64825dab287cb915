"""The composite action's scripts, run for real on a records repository.

GitHub cannot run here, so a small stand-in does what the runner does for a composite action
with `shell: bash`: it evaluates the few `${{ }}` expressions action.yml uses (inputs,
github.action_path, steps.*.outputs, runner.temp), runs each `run:` script with
`bash --noprofile --norc -eo pipefail`, collects $GITHUB_OUTPUT, and stops at the first failing
step. The scripts, the pip install of this checkout and evalcheck itself are the real ones.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml
from conftest import REPO, write_files
from records_kit import evaluation

pytestmark = pytest.mark.slow

EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")


@dataclass
class Run:
    """What one run of the action left behind."""

    outputs: dict[str, dict[str, str]] = field(default_factory=dict)
    logs: dict[str, str] = field(default_factory=dict)
    failed: str | None = None
    exit_code: int = 0
    summary: str = ""

    def output(self, name: str) -> str:
        action = yaml.safe_load((REPO / "action.yml").read_text(encoding="utf-8"))
        return _expand(action["outputs"][name]["value"], self, {}, Path())


def _value(expr: str, run: Run, inputs: dict[str, str], temp: Path) -> str:
    parts = expr.split(".")
    if parts[0] == "inputs":
        return inputs[parts[1]]
    if expr == "github.action_path":
        return str(REPO)
    if expr == "runner.temp":
        return str(temp)
    if parts[0] == "steps" and parts[2] == "outputs":
        return run.outputs.get(parts[1], {}).get(parts[3], "")
    raise AssertionError(f"the stand-in runner does not know ${{{{ {expr} }}}}")


def _expand(text: str, run: Run, inputs: dict[str, str], temp: Path) -> str:
    return EXPRESSION.sub(lambda m: _value(m.group(1), run, inputs, temp), str(text))


def _condition(expr: str, run: Run, inputs: dict[str, str], temp: Path) -> bool:
    match = re.fullmatch(r"(\S+)\s*(==|!=)\s*''", expr.strip())
    assert match, f"the stand-in runner does not know the condition {expr!r}"
    empty = _value(match.group(1), run, inputs, temp) == ""
    return empty if match.group(2) == "==" else not empty


def run_action(workspace: Path, temp: Path, **given: str) -> Run:
    action = yaml.safe_load((REPO / "action.yml").read_text(encoding="utf-8"))
    inputs = {name: str(spec.get("default", "")) for name, spec in action["inputs"].items()}
    unknown = set(given) - set(inputs)
    assert not unknown, f"action.yml has no input {unknown}"
    inputs.update(given)
    run = Run()
    summary = temp / "summary.md"
    summary.write_text("")
    for step in action["runs"]["steps"]:
        if "if" in step and not _condition(step["if"], run, inputs, temp):
            continue
        assert "run" in step, f"cannot run {step.get('uses')} here; skip it with its input"
        assert step["shell"] == "bash"
        out = temp / "output.txt"
        out.write_text("")
        env = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "RUNNER_"))}
        env.update({"RUNNER_TEMP": str(temp), "GITHUB_OUTPUT": str(out),
                    "GITHUB_STEP_SUMMARY": str(summary), "GITHUB_ACTIONS": "true",
                    "NO_COLOR": "1"})
        env.update({k: _expand(v, run, inputs, temp) for k, v in step.get("env", {}).items()})
        cwd = workspace / _expand(step.get("working-directory", "."), run, inputs, temp)
        script = temp / "step.sh"
        script.write_text(step["run"])
        done = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
                              cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
        run.logs[step["name"]] = done.stdout + done.stderr
        if "id" in step:
            run.outputs[step["id"]] = dict(line.split("=", 1) for line in
                                           out.read_text().splitlines() if "=" in line)
        if done.returncode != 0:
            run.failed, run.exit_code = step["name"], done.returncode
            break
    run.summary = summary.read_text()
    return run


@pytest.fixture(scope="module")
def temp(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """RUNNER_TEMP, shared so the action's virtual environment is reused between runs."""
    return tmp_path_factory.mktemp("runner-temp")


def planned(ident: str = "EV-1", title: str = "Final", owner: str | None = None) -> str:
    """A planned evaluation of the migration data project (no owner: one missing-owner at
    1:1)."""
    return evaluation(ident, title=f"{title} evaluation of the migration data project",
                      status="planned", owner=owner, recommendations=None)


BAD = planned()


def test_bad_record_fails_the_action_after_annotating_and_writing_reports(
        repo: Path, temp: Path) -> None:
    write_files(repo, {"records/evaluations/EV-1.yaml": BAD})
    run = run_action(repo, temp, **{"python-version": "", "report-directory": "out/site"})
    assert run.failed == "Fail when lint found problems" and run.exit_code == 1
    lint_log = run.logs["Lint the records"]
    assert "::error file=records/evaluations/EV-1.yaml,line=1,col=1," in lint_log
    assert "missing-owner" in lint_log
    assert run.output("exit-code") == "1"
    assert (run.output("problems"), run.output("errors"), run.output("warnings")) == ("1", "1",
                                                                                       "0")
    assert "## evalcheck lint" in run.summary and "missing-owner" in run.summary
    assert (repo / "out" / "site" / "index.html").is_file()
    assert run.output("report-directory") == "out/site"
    sarif = json.loads(Path(run.output("sarif-file")).read_text(encoding="utf-8"))
    (result,) = sarif["runs"][0]["results"]
    assert result["ruleId"] == "missing-owner"
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == \
        "records/evaluations/EV-1.yaml"


def test_a_configuration_error_still_leaves_a_sarif_file_that_says_why(
        repo: Path, temp: Path) -> None:
    write_files(repo, {".evalcheck.yaml": "selekt: [deadlines]\n"})
    run = run_action(repo, temp, **{"python-version": ""})
    assert run.exit_code == 2 and run.output("exit-code") == "2"
    sarif = json.loads(Path(run.output("sarif-file")).read_text(encoding="utf-8"))
    (invocation,) = sarif["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    assert "selekt" in invocation["toolExecutionNotifications"][0]["message"]["text"]


def test_clean_records_pass_and_paths_are_read_one_per_line(repo: Path, temp: Path) -> None:
    write_files(repo, {
        "records/evaluations/EV-1.yaml": planned(owner="me-unit"),
        "records/evaluations/EV 2.yaml": planned("EV-2", "Mid-term", owner="nobody"),
    })
    run = run_action(repo, temp, **{"python-version": "", "summary": "false",
                                    "paths": "\n  records/evaluations/EV-1.yaml  \n\n"})
    assert run.failed is None, run.logs
    assert (run.output("exit-code"), run.output("problems")) == ("0", "0")
    assert run.output("report-directory") == "" and run.summary == ""

    # A path with a space, given on its own line, reaches evalcheck as one argument.
    run = run_action(repo, temp, **{"python-version": "", "paths": "records/evaluations/EV 2.yaml",
                                    "as-of": "2024-06-30"})
    assert run.exit_code == 1 and run.output("errors") == "1"
    assert "file=records/evaluations/EV 2.yaml" in run.logs["Lint the records"]
    assert "unknown-owner" in run.logs["Lint the records"]


def test_inputs_are_data_not_shell_code(repo: Path, temp: Path) -> None:
    hostile = "$(touch pwned) `touch pwned2`; touch pwned3"
    run = run_action(repo, temp, **{"python-version": "", "paths": hostile,
                                    "report-directory": hostile})
    assert not any((repo / name).exists() for name in ("pwned", "pwned2", "pwned3"))
    assert run.output("exit-code") == "2"  # no such file: a usage error, reported as such
    assert "no such file or folder" in run.logs["Lint the records"]
    assert run.failed == "Fail when lint found problems" and run.exit_code == 2
