"""CI hardening, checked on the workflow files themselves (issue 7).

Records arrive from forks, so the workflow that checks pull requests must give their code
nothing worth stealing: no write token, no secrets, never pull_request_target (which runs with
the base repository's token), and no `${{ }}` of attacker-controlled text inside a shell script.
Every job states its permissions, or inherits read-only ones from its workflow.

An independent reading of the rules from tests/workflows/test_workflows.py: this one parses the
`permissions` forms GitHub accepts (read-all / write-all strings, mappings, `{}`), reusable
workflow calls (`secrets: inherit`) and untrusted contexts in run scripts.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import REPO

WORKFLOW_DIR = REPO / ".github" / "workflows"
WORKFLOWS = sorted(WORKFLOW_DIR.glob("*.y*ml"))
READ_ONLY = {"read", "none"}
# Text an outsider controls in a pull-request event: in a run script it is shell code.
UNTRUSTED = re.compile(
    r"\$\{\{[^}]*(github\.event\.(pull_request|issue|comment|review|head_commit|commits|pages)"
    r"[^}]*\.(title|body|label|message|name|email|ref|default_branch)|github\.head_ref)[^}]*\}\}")
SECRETS = re.compile(r"\bsecrets\s*[.\[]|\bgithub\.token\b|\bGITHUB_TOKEN\b|ACTIONS_RUNTIME_TOKEN")


def load(text: str) -> dict[str, Any]:
    data = yaml.safe_load(text)
    assert isinstance(data, dict)
    if True in data:  # YAML 1.1 reads the key `on` as true
        data["on"] = data.pop(True)
    return data


def triggers(workflow: dict[str, Any]) -> set[str]:
    on = workflow.get("on")
    if isinstance(on, str):
        return {on}
    return set(on or [])


def read_only(permissions: Any) -> bool:
    """`read-all`, `{}` and mappings of read/none grant no write; `write-all` and any
    `write` scope do."""
    if isinstance(permissions, str):
        return permissions == "read-all"
    return isinstance(permissions, dict) and set(permissions.values()) <= READ_ONLY


def _code(text: str) -> str:
    """The file without its comments (a comment may name what it must not use)."""
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))


def violations(text: str) -> list[str]:
    """Every way one workflow file breaks the hardening rules."""
    workflow = load(text)
    found: list[str] = []
    on = triggers(workflow)
    if "pull_request_target" in on or "pull_request_target" in _code(text):
        found.append("uses pull_request_target")
    if "workflow_run" in on:
        found.append("uses workflow_run (runs privileged after an untrusted workflow)")
    top = workflow.get("permissions")
    for name, job in (workflow.get("jobs") or {}).items():
        granted = job.get("permissions")
        if granted is None and not read_only(top):
            found.append(f"job {name}: no permissions and the workflow's are not read-only")
        if granted == "write-all":
            found.append(f"job {name}: write-all")
        if "pull_request" in on:
            if not read_only(granted if granted is not None else top):
                found.append(f"job {name}: a write token on pull requests")
            if job.get("secrets") == "inherit":
                found.append(f"job {name}: passes every secret to a reusable workflow")
        for step in job.get("steps") or []:
            script = str(step.get("run", ""))
            if UNTRUSTED.search(script):
                found.append(f"job {name}: untrusted event text expanded inside a run script")
    if "pull_request" in on and SECRETS.search(_code(text)):
        found.append("a pull-request workflow references a secret or the token")
    return found


def test_the_workflows_are_there() -> None:
    assert WORKFLOWS, f"no workflow in {WORKFLOW_DIR}"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_is_hardened(path: Path) -> None:
    assert violations(path.read_text(encoding="utf-8")) == []


def test_the_pull_request_job_has_no_write_token_and_no_secrets() -> None:
    checked = 0
    for path in WORKFLOWS:
        text = path.read_text(encoding="utf-8")
        workflow = load(text)
        if "pull_request" not in triggers(workflow):
            continue
        for job in workflow["jobs"].values():
            granted = job.get("permissions", workflow.get("permissions"))
            assert read_only(granted), (path.name, granted)
            checked += 1
        assert not SECRETS.search(_code(text)), path.name
    assert checked >= 1, "there is a workflow that checks pull requests"


def test_every_job_declares_its_permissions_or_inherits_read_only() -> None:
    for path in WORKFLOWS:
        workflow = load(path.read_text(encoding="utf-8"))
        for name, job in workflow["jobs"].items():
            assert "permissions" in job or read_only(workflow.get("permissions")), \
                (path.name, name)


CARELESS = """\
on:
  pull_request_target:
  pull_request:
  workflow_run:
    workflows: [x]
permissions: write-all
jobs:
  greet:
    runs-on: ubuntu-latest
    steps:
      - run: echo "${{ github.event.pull_request.title }}"
      - run: echo "${{ github.head_ref }}"
      - run: 'curl -H "Authorization: ${{ secrets.DEPLOY_KEY }}" https://example.org'
  reuse:
    uses: ./.github/workflows/other.yml
    permissions: {contents: write}
    secrets: inherit
"""


def test_the_rules_catch_a_careless_workflow() -> None:
    assert violations(CARELESS) == [
        "uses pull_request_target",
        "uses workflow_run (runs privileged after an untrusted workflow)",
        "job greet: no permissions and the workflow's are not read-only",
        "job greet: a write token on pull requests",
        "job greet: untrusted event text expanded inside a run script",
        "job greet: untrusted event text expanded inside a run script",
        "job reuse: a write token on pull requests",
        "job reuse: passes every secret to a reusable workflow",
        "a pull-request workflow references a secret or the token",
    ]


def test_the_rules_accept_a_careful_workflow() -> None:
    careful = """\
# never pull_request_target, never secrets.X here
on: pull_request
permissions: read-all
jobs:
  lint:
    runs-on: ubuntu-latest
    steps:
      - env:
          TITLE: ${{ github.event.pull_request.title }}
        run: echo "$TITLE"
"""
    assert violations(careful) == []
