"""The name on the package index is ours: nothing tells anyone to install the unrelated
`evalcheck` project, and the metadata says what the LICENSE file and the docs say."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from conftest import REPO

from evalcheck import __version__, about

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))

# `pip install evalcheck`, `pip install -U "evalcheck"`, `evalcheck[office]`, the project page.
OTHER_PROJECT = re.compile(
    r"""pip3?\s+install\b[^\n;&|]*?(?<![\w./-])["']?evalcheck(?![\w/-])"""
    r"""|(?<![\w./-])evalcheck\["""
    r"""|pypi\.org/project/evalcheck/""")


def shipped_text_files() -> list[Path]:
    """Every file a user reads or runs: docs, snippets, workflows, the action, the code."""
    patterns = ["*.md", "action.yml", ".pre-commit-hooks.yaml", ".pre-commit-config.yaml",
                "pyproject.toml", ".ci/run", "docs/**/*", ".github/**/*", "evalcheck/**/*.py",
                "evalcheck/**/*.yaml", "evalcheck/**/*.yml", "evalcheck/**/*.md",
                "benchmarks/*.md"]
    found = {p for pattern in patterns for p in REPO.glob(pattern) if p.is_file()}
    return sorted(p for p in found if p.suffix not in {".png", ".json"})


def offenders(text: str) -> list[str]:
    return [m.group(0) for m in OTHER_PROJECT.finditer(text)]


@pytest.mark.parametrize("text, bad", [
    ("pip install evalcheck", True),
    ("python -m pip install -U 'evalcheck'", True),
    ('pip install "evalcheck>=0.1"', True),
    ("pip install 'evalcheck[office]'", True),
    ("uv pip install --system evalcheck[office]", True),
    ("see https://pypi.org/project/evalcheck/", True),
    ("pip install evalcheck-mr", False),
    ("pip install 'evalcheck-mr[office]'", False),
    ("pip install -e . && evalcheck lint", False),
    ("pip install --require-hashes -r evalcheck/constraints.txt", False),
])
def test_the_pattern_tells_the_other_project_from_ours(text: str, bad: bool) -> None:
    assert bool(offenders(text)) is bad


def test_no_doc_or_message_installs_the_other_project() -> None:
    files = shipped_text_files()
    assert REPO / "README.md" in files and REPO / "evalcheck" / "office" / "extras.py" in files
    bad = {str(p.relative_to(REPO)): offenders(p.read_text(encoding="utf-8", errors="replace"))
           for p in files}
    assert {k: v for k, v in bad.items() if v} == {}


def test_the_distribution_name_is_one_name_everywhere() -> None:
    assert PYPROJECT["project"]["name"] == about.DISTRIBUTION == "evalcheck-mr"
    assert PYPROJECT["project"]["scripts"] == {"evalcheck": "evalcheck.cli:main"}
    assert about.install_line("office") == "pip install 'evalcheck-mr[office]'"
    urls = PYPROJECT["project"]["urls"]
    assert all(u.startswith(about.REPOSITORY) for u in urls.values()), urls
    assert PYPROJECT["project"]["optional-dependencies"]["test"][0] == "evalcheck-mr[office]"


def test_licence_file_matches_the_metadata() -> None:
    assert PYPROJECT["project"]["license"] == "MIT"
    assert PYPROJECT["project"]["license-files"] == ["LICENSE"]
    assert (REPO / "LICENSE").read_text(encoding="utf-8").startswith("MIT License\n")


def test_classifiers_name_every_supported_python() -> None:
    classifiers = PYPROJECT["project"]["classifiers"]
    assert PYPROJECT["project"]["requires-python"] == ">=3.10"
    versions = sorted(c.rsplit(" ", 1)[1] for c in classifiers
                      if re.fullmatch(r"Programming Language :: Python :: 3\.\d+", c))
    assert versions == ["3.10", "3.11", "3.12", "3.13"]
    assert "Typing :: Typed" in classifiers
    assert (REPO / "evalcheck" / "py.typed").is_file()


def test_changelog_keeps_a_changelog_with_an_unreleased_section() -> None:
    text = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    assert text.startswith("# Changelog\n")
    assert "Keep a Changelog" in text and "\n## [Unreleased]\n" in text
    headings = re.findall(r"(?m)^## \[([^\]]+)\](?: - (\d{4}-\d{2}-\d{2}))?$", text)
    assert headings[0] == ("Unreleased", "")
    assert all(re.fullmatch(r"\d+\.\d+\.\d+", v) and d for v, d in headings[1:]), headings
    assert re.fullmatch(r"\d+\.\d+\.\d+", __version__)


def test_the_test_extra_is_not_offered_to_users() -> None:
    """Users are shown `evalcheck-mr` and `evalcheck-mr[office]`; `[test]` appears only where
    the project's own developers install it (the README's quickstart and Development, CI)."""
    for path in shipped_text_files():
        if path.name in {"pyproject.toml", "run", "CHANGELOG.md"} or \
                path.suffix in {".py"}:
            continue
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            if "[test]" in line:
                assert "-e '.[test]'" in line or "-e \".[test]\"" in line, (path, line)
