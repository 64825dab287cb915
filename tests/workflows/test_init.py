"""`evalcheck init`: a records repository that works at once, and never over existing files.

The slow test does what a new office does, from a wheel built here into a fresh virtual
environment: init, git init, `pre-commit run --all-files` passes, and a broken record is
refused by the hook.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import venv
from pathlib import Path

import pytest
import yaml
from conftest import REPO, run_cli, run_in, tool_env, write_files
from test_snippets import tool, zizmor
from test_workflows import hardening_violations

from evalcheck import __version__

CREATED = {
    "README.md", ".evalcheck.yaml", ".pre-commit-config.yaml", ".gitignore",
    "records/owners.yaml", "records/evaluations/EV-EXAMPLE-1.yaml",
    "records/responses/MR-EXAMPLE-1.yaml", ".github/workflows/pull-request.yml",
    ".github/workflows/publish.yml", ".github/CODEOWNERS", ".vscode/settings.json",
    ".vscode/extensions.json", "schema/evaluation.schema.json",
    "schema/management-response.schema.json", "schema/project.schema.json",
    "schema/owners.schema.json",
}


def files_under(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*")
            if p.is_file() and ".git/" not in p.as_posix() and ".evalcheck_cache" not in p.parts}


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("init")
    result = run_cli("init", "office", cwd=root)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Created a records repository in office (16 files), "
                                    f"for evalcheck {__version__}.")
    return root / "office"


def test_init_writes_the_records_repository(office: Path) -> None:
    assert files_under(office) == CREATED


def test_the_new_repository_lints_clean_without_a_single_warning(office: Path) -> None:
    for command in (["lint"], ["validate"], ["codeowners", "--check"],
                    ["schema", "--export", "schema", "--check"]):
        result = run_cli(*command, cwd=office)
        assert result.returncode == 0, (command, result.stdout, result.stderr)
    assert run_cli("lint", cwd=office).stdout == "No problems found (3 files checked).\n"


def test_the_hooks_are_pinned_to_this_version_and_show_warnings(office: Path) -> None:
    config = yaml.safe_load((office / ".pre-commit-config.yaml").read_text())
    (local,) = config["repos"]
    hooks = {h["id"]: h for h in local["hooks"]}
    assert set(hooks) == {"evalcheck-lint", "evalcheck-codeowners", "evalcheck-schema"}
    for hook in hooks.values():
        assert hook["additional_dependencies"] == [f"evalcheck-mr=={__version__}"]
        assert hook["language"] == "python"
    assert hooks["evalcheck-lint"]["verbose"] is True
    assert hooks["evalcheck-codeowners"]["entry"] == "evalcheck codeowners --check"
    assert hooks["evalcheck-schema"]["entry"] == "evalcheck schema --export schema --check"


def test_the_docs_snippet_is_what_init_writes() -> None:
    snippet = (REPO / "docs" / "snippets" / "pre-commit-config.yaml").read_text()
    written = (REPO / "evalcheck" / "templates" / "init" / "pre-commit-config.yaml").read_text()
    assert snippet == written.replace("__VERSION__", __version__)


def test_editors_get_the_schemas(office: Path) -> None:
    settings = json.loads((office / ".vscode" / "settings.json").read_text())
    mapped = settings["yaml.schemas"]
    assert len(mapped) == 4
    for schema in mapped:
        assert (office / schema).is_file(), schema
    # every record of the example is matched by the pattern of its kind's schema
    for record, kind in [("records/owners.yaml", "owners"),
                         ("records/evaluations/EV-EXAMPLE-1.yaml", "evaluation"),
                         ("records/responses/MR-EXAMPLE-1.yaml", "management-response")]:
        assert (office / record).match(mapped[f"./schema/{kind}.schema.json"]), record
    for record in (office / "records").rglob("*.yaml"):
        line = record.read_text().splitlines()[0]
        ref = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", line)
        assert ref and (record.parent / ref.group(1)).resolve().is_file(), record


def test_the_workflows_pass_actionlint_zizmor_and_the_hardening_rules(office: Path) -> None:
    workflows = sorted((office / ".github" / "workflows").glob("*.yml"))
    assert len(workflows) == 2
    subprocess.run(["git", "init", "-q"], cwd=office, check=True)
    result = subprocess.run([tool("actionlint"), "-no-color", *map(str, workflows)],
                            cwd=office, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert zizmor(*workflows) == []
    for path in workflows:
        text = path.read_text()
        assert f'"evalcheck-mr=={__version__}"' in text
        violations = hardening_violations(text)
        if path.name == "publish.yml":  # push only: the deploy job may write to Pages
            violations = [v for v in violations if "write permissions" not in v]
        assert violations == [], path.name


def test_init_refuses_to_write_over_anything(tmp_path: Path) -> None:
    write_files(tmp_path, {"records/owners.yaml": "kind: owners\nowners: []\n"})
    before = files_under(tmp_path)
    result = run_cli("init", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == ("evalcheck: error: records/owners.yaml already exists; evalcheck "
                             "init never writes over a file (choose an empty folder)\n")
    assert files_under(tmp_path) == before
    (tmp_path / "records/owners.yaml").unlink()
    (tmp_path / "README.md").symlink_to(tmp_path / "nowhere")  # a broken link counts too
    assert run_cli("init", cwd=tmp_path).returncode == 2
    assert not (tmp_path / "records/owners.yaml").exists()


def test_init_into_a_file_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "f").write_text("")
    result = run_cli("init", "f", cwd=tmp_path)
    assert result.returncode == 2 and "'f' is a file" in result.stderr


# --- from a built wheel, in a fresh environment, with real pre-commit -----------------------

@pytest.mark.slow
def test_a_new_office_from_the_wheel(tmp_path: Path) -> None:
    env = tool_env("VIRTUAL_ENV", "PYTHON", PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"))
    wheels = tmp_path / "wheels"
    built = run_in(REPO, env, sys.executable, "-m", "pip", "wheel", "--no-deps", "-q",
                 "-w", str(wheels), str(REPO))
    assert built.returncode == 0, built.stderr
    (wheel,) = wheels.glob("evalcheck_mr-*.whl")
    assert wheel.name == f"evalcheck_mr-{__version__}-py3-none-any.whl"
    import zipfile

    names = zipfile.ZipFile(wheel).namelist()
    assert "evalcheck/py.typed" in names and "evalcheck/templates/init/pull-request.yml" in names
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names), names

    fresh = tmp_path / "venv"
    venv.create(fresh, with_pip=True)
    # The wheel from here; its dependencies from the package index (or the pip cache).
    installed = run_in(tmp_path, env, str(fresh / "bin" / "python"), "-m", "pip", "install", "-q",
                     str(wheel))
    assert installed.returncode == 0, installed.stderr
    evalcheck = str(fresh / "bin" / "evalcheck")
    office = tmp_path / "office"
    created = run_in(tmp_path, env, evalcheck, "init", "office")
    assert created.returncode == 0, created.stderr

    # pre-commit installs evalcheck-mr==VERSION for the hooks: from the wheel built here.
    env["PIP_FIND_LINKS"] = f"{wheels} {env.get('PIP_FIND_LINKS', '')}".strip()
    pre_commit = [sys.executable, "-m", "pre_commit"]
    run_in(office, env, "git", "init", "-q", "-b", "main")
    run_in(office, env, "git", "add", "-A")
    passed = run_in(office, env, *pre_commit, "run", "--all-files")
    output = passed.stdout + passed.stderr
    assert passed.returncode == 0, output
    for hook in ("evalcheck lint", "CODEOWNERS follows the records' owners",
                 "schema/ is the installed evalcheck's"):
        assert re.search(rf"{re.escape(hook)}\.+Passed", output), output
    assert "No problems found (3 files checked)." in output  # verbose: shown when it passes

    assert run_in(office, env, *pre_commit, "install").returncode == 0
    first = run_in(office, env, "git", "commit", "-q", "-m", "Records repository")
    assert first.returncode == 0, first.stdout + first.stderr

    record = office / "records" / "evaluations" / "EV-EXAMPLE-1.yaml"
    record.write_text(record.read_text().replace("owner: evaluation-office", "owner: nobody"))
    run_in(office, env, "git", "add", "-A")
    refused = run_in(office, env, "git", "commit", "-m", "a broken record")
    output = refused.stdout + refused.stderr
    assert refused.returncode != 0, output
    assert re.search(r"evalcheck lint\.+Failed", output), output
    assert re.search(r"(?m)^records/evaluations/EV-EXAMPLE-1.yaml\n\s+\d+:8\s+error\s+"
                     r"unknown-owner\s", output), output
    assert run_in(office, env, "git", "rev-list", "--count", "HEAD").stdout.strip() == "1"
