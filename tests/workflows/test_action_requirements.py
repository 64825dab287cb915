"""The action installs exactly action-requirements.txt, every file checked by its hash, and
that file pins what pyproject.toml asks for (runtime dependencies and the build backend)."""

from __future__ import annotations

import re
import sys

import pytest
import yaml
from conftest import REPO
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

REQUIREMENTS = REPO / "action-requirements.txt"
PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))


def name(text: str) -> str:
    return re.sub(r"[-_.]+", "-", text).lower()


def pins() -> dict[str, tuple[str, str, list[str]]]:
    """{name: (version, marker, hashes)} from the requirements file."""
    text = REQUIREMENTS.read_text(encoding="utf-8")
    logical = re.sub(r"\\\n\s*", " ", text)
    out = {}
    for line in logical.splitlines():
        line = line.split(" #", 1)[0].strip()
        if not line or line.startswith("#"):
            continue
        spec, *options = re.split(r"\s+(?=--)", line)
        hashes = [o.split("=", 1)[1] for o in options if o.startswith("--hash=")]
        assert len(hashes) == len(options), line
        requirement = Requirement(spec)
        (pin,) = requirement.specifier
        assert pin.operator == "==", spec
        out[name(requirement.name)] = (pin.version, str(requirement.marker or ""), hashes)
    return out


def test_every_pin_is_exact_and_hashed() -> None:
    found = pins()
    assert len(found) >= 15
    for package, (_, _, hashes) in found.items():
        assert hashes and all(re.fullmatch(r"sha256:[0-9a-f]{64}", h) for h in hashes), package


@pytest.mark.parametrize("dependency", [*PYPROJECT["project"]["dependencies"],
                                        *PYPROJECT["build-system"]["requires"]])
def test_pyproject_dependency_is_pinned_within_its_range(dependency: str) -> None:
    requirement = Requirement(dependency)
    found = pins()
    assert name(requirement.name) in found, f"{requirement.name} is not in {REQUIREMENTS.name}"
    version, marker, _ = found[name(requirement.name)]
    assert version in SpecifierSet(str(requirement.specifier)), (dependency, version)
    if requirement.marker:  # tomli: only where pyproject wants it
        assert marker == str(requirement.marker), (dependency, marker)


def test_the_action_installs_with_require_hashes_and_no_floating_version() -> None:
    action = yaml.safe_load((REPO / "action.yml").read_text(encoding="utf-8"))
    (install,) = [s for s in action["runs"]["steps"] if s.get("name", "").startswith("Install")]
    script = " ".join(install["run"].replace("\\\n", " ").split())
    assert ('pip install --quiet --disable-pip-version-check --require-hashes --no-deps '
            '-r "$ACTION_PATH/action-requirements.txt"') in script
    assert ('pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation '
            '--no-index "$ACTION_PATH"') in script
    assert script.count("pip install") == 2
