"""Issue 14, item 4: a trailing newline (or any control character) in a value a schema pattern
describes is refused. Python's `$` matches before a final "\\n", so `id: "EV-2018-MEX-PEM\\n"`
once passed and duplicated an id unnoticed, and `deadline: "2022-11\\n"` silenced
past-due-action. Both validators evalcheck uses are held to it: python-jsonschema (which makes
the messages) and jsonschema-rs (the fast yes/no path)."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema_rs
import pytest
from conftest import REPO

from hostile.kit import AS_OF, new_repo, run_limited
from hostile.schemagen import KINDS, schema
from hostile.test_properties import _get, _paths, _seed_data, seed_bytes, subschema

CONTROLS = ["\n", "\r", "\t", "\x00", "\x1b", "\x7f", "\x85", "\u2028"]

SEED = (REPO / "records" / "evaluations" / "EV-2018-MEX-PEM.yaml").read_text(encoding="utf-8")
RESPONSE = """\
kind: management-response
id: MR-2024-00
evaluation: EV-2024-00
owner: me-unit
responses:
  - recommendation: R1
    decision: accepted
    actions:
      - id: "1.1"
        description: Share the findings
        deadline: "2022-11\\n"
        responsible: [me-unit]
"""


def _lint(repo: Path) -> list[dict[str, Any]]:
    run = run_limited("lint", "--format", "json", "--as-of", AS_OF, cwd=repo)
    assert "Traceback" not in run.stderr, run.stderr
    problems: list[dict[str, Any]] = json.loads(run.stdout)
    return problems


def test_an_id_with_a_trailing_newline_is_refused(tmp_path: Path) -> None:
    twin = SEED.replace("id: EV-2018-MEX-PEM", 'id: "EV-2018-MEX-PEM\\n"', 1)
    assert twin != SEED
    owners = (REPO / "records" / "owners.yaml").read_text(encoding="utf-8")
    repo = new_repo(tmp_path, {"records/a.yaml": SEED, "records/b.yaml": twin,
                               "records/owners.yaml": owners})
    problems = [p for p in _lint(repo) if p["path"] == "records/b.yaml"
                and p["check"] == "schema"]
    assert [(p["line"], p["message"]) for p in problems] == [
        (2, "id: 'EV-2018-MEX-PEM\\n' holds a line break or other control character")]


def test_a_deadline_with_a_trailing_newline_is_refused(tmp_path: Path) -> None:
    repo = new_repo(tmp_path, {"records/mr.yaml": RESPONSE})
    problems = [(p["line"], p["column"], p["check"]) for p in _lint(repo)
                if p["path"] == "records/mr.yaml"]
    assert problems == [(11, 19, "schema")]


@cache
def _seed(name: str) -> Any:
    return _seed_data(name)


def _pattern_values() -> list[tuple[str, str, tuple[Any, ...]]]:
    """(seed name, kind, path) of every value of the bundled records that a pattern describes."""
    out = []
    for name in seed_bytes():
        data = _seed(name)
        kind = str(data["kind"])
        for path in _paths(data)[1:]:
            sub = subschema(kind, path) or {}
            if isinstance(_get(data, path), str) and "pattern" in sub:
                out.append((name, kind, path))
    return out


PATTERN_VALUES = _pattern_values()


def test_the_seeds_hold_values_of_every_patterned_kind() -> None:
    fields = {path[-1] for _, _, path in PATTERN_VALUES if isinstance(path[-1], str)}
    assert {"id", "owner", "report_date", "deadline", "evaluation"} <= fields


@pytest.mark.parametrize("control", CONTROLS, ids=[f"U+{ord(c):04X}" for c in CONTROLS])
@pytest.mark.parametrize("at_end", [True, False], ids=["at-end", "inside"])
def test_jsonschema_rs_refuses_control_characters_in_every_pattern(control: str,
                                                                   at_end: bool) -> None:
    """The fast path alone: were it to accept, evalcheck would never ask python-jsonschema."""
    validators = {kind: jsonschema_rs.validator_for(schema(kind)) for kind in KINDS}
    for name, kind, path in PATTERN_VALUES:
        data = _seed(name)
        parent, value = _get(data, path[:-1]), _get(data, path)
        parent[path[-1]] = value + control if at_end else value[:1] + control + value[1:]
        try:
            assert not validators[kind].is_valid(data), (name, path)
        finally:
            parent[path[-1]] = value
