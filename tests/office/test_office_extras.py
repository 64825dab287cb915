"""A missing office extra is one line naming what to install (exit 2), never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_cli, write_files
from records_kit import evaluation

from evalcheck.office.extras import MissingExtra, missing_extra, require

INSTALL = "pip install 'evalcheck-mr[office]'"


@pytest.mark.parametrize(("module", "package"), [
    ("openpyxl", "openpyxl"), ("docx", "python-docx"), ("docx.oxml", "python-docx"),
    ("lxml.etree", "lxml"),
])
def test_the_message_names_the_package_and_the_extra(module: str, package: str) -> None:
    error = missing_extra(ModuleNotFoundError(f"No module named {module!r}", name=module))
    assert isinstance(error, MissingExtra)
    assert str(error) == f"this command needs {package}, which is not installed: {INSTALL}"


def test_require_returns_an_installed_module() -> None:
    assert require("openpyxl").__name__ == "openpyxl"


def test_require_raises_missing_extra() -> None:
    with pytest.raises(MissingExtra, match="pip install"):
        require("evalcheck_no_such_module_for_the_test")


@pytest.fixture
def without_office(tmp_path: Path) -> dict[str, str]:
    """An environment in which `import openpyxl` and `import docx` fail as if not installed."""
    shadow = tmp_path / "shadow"
    for name in ("openpyxl", "docx"):
        write_files(shadow, {f"{name}/__init__.py": (
            f"raise ModuleNotFoundError(\"No module named '{name}'\", name={name!r})\n")})
    return {"PYTHONPATH": str(shadow)}


@pytest.mark.parametrize("command", [
    ["export", "xlsx", "out.xlsx"],
    ["import", "matrix", "matrix.xlsx", "--evaluation", "EV-1"],
    ["import", "matrix", "matrix.docx", "--evaluation", "EV-1"],
])
def test_commands_say_which_extra_to_install(repo: Path, without_office: dict[str, str],
                                             command: list[str]) -> None:
    write_files(repo, {"records/ev.yaml": evaluation(title="A title", recommendations=None)})
    (repo / "matrix.xlsx").write_bytes(b"PK")
    (repo / "matrix.docx").write_bytes(b"PK")
    result = run_cli(*command, cwd=repo, env=without_office)
    assert result.returncode == 2
    assert INSTALL in result.stderr
    assert "Traceback" not in result.stderr
    assert not (repo / "out.xlsx").exists()


def test_commands_without_office_needs_still_work(repo: Path,
                                                  without_office: dict[str, str]) -> None:
    assert run_cli("validate", cwd=repo, env=without_office).returncode == 0
    assert "import" in run_cli("--help", cwd=repo, env=without_office).stdout
