"""Issue 14, items 9 and 12: one problem, one message (rules.md).

A file that cannot be read (yaml-syntax, unsafe-yaml, an unknown kind) is reported once, at
its own place, and makes no claim about absence elsewhere; a value refused as unsafe-yaml is
not validated again by the schema (the corpus cases hold that). Bare CR line ends, which
libyaml and the comment scanner counted differently, are refused like U+2028, so a
suppression can never land on the wrong line.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import run_cli, write_files

from hostile.kit import AS_OF, new_repo

EVALUATION = """\
kind: evaluation
id: EV-2020-01
title: Final evaluation of the water programme
status: completed
report_date: 2020-06-30
owner: me-unit
recommendations:
  - {id: R1, text: Share the findings., addressed_to: [me-unit]}
  - {id: R2, text: Train the staff., addressed_to: [me-unit]}
"""
RESPONSE = """\
kind: management-response
id: MR-2020-01
evaluation: EV-2020-01
date: 2020-08-01
owner: me-unit
responses:
  - recommendation: R1
    decision: accepted
    actions:
      - {id: "1.1", description: Share them., deadline: 2020-12-31, responsible: [me-unit],
         status: completed, completed_on: 2020-11-30}
"""
BROKEN_YAML = 'kind: management-response\nid: MR-2020-02\nevaluation: "EV-2020-01\n'
UNSAFE = "kind: owners\nowners: !!python/object/apply:os.system [echo]\n"
NO_KIND = "id: MR-2020-02\nevaluation: EV-2020-01\n"


def _problems(repo: Path) -> list[tuple[str, int, int, str]]:
    result = run_cli("lint", "--as-of", AS_OF, "--format", "json", "--no-cache", cwd=repo)
    assert result.returncode in (0, 1) and "Traceback" not in result.stderr, result.stderr
    return [(p["path"], p["line"], p["column"], p["check"]) for p in json.loads(result.stdout)]


@pytest.mark.parametrize("broken, check", [(BROKEN_YAML, "yaml-syntax"),
                                           (UNSAFE, "unsafe-yaml"),
                                           (NO_KIND, "unknown-kind")])
def test_an_unreadable_file_makes_no_claim_of_absence(tmp_path: Path, broken: str,
                                                      check: str) -> None:
    """Without the broken file the evaluation is response-overdue; with it, only the broken
    file's own problem is reported: it may be the response."""
    repo = new_repo(tmp_path / "repo", {"records/ev.yaml": EVALUATION})
    assert [p[3] for p in _problems(repo) if p[0] == "records/ev.yaml"] == ["response-overdue"]
    write_files(repo, {"records/mr-broken.yaml": broken})
    assert [p[3] for p in _problems(repo)] == [check]


def test_an_unreadable_file_hides_no_unknown_reference_owner_or_answer(tmp_path: Path) -> None:
    """A response whose evaluation, and records whose owners registry, might be in the file
    that cannot be read; and a response that answers R1 but not R2 of an evaluation that has
    another, unreadable, candidate response."""
    repo = new_repo(tmp_path / "repo", {
        "records/owners.yaml": UNSAFE,
        "records/ev.yaml": EVALUATION,
        "records/mr.yaml": RESPONSE,
        "records/mr-other.yaml": RESPONSE.replace("EV-2020-01", "EV-2020-99")
                                         .replace("MR-2020-01", "MR-2020-99"),
    })
    assert _problems(repo) == [("records/owners.yaml", 2, 9, "unsafe-yaml")]
    write_files(repo, {"records/owners.yaml": "kind: owners\nowners:\n"
                                              "  - {id: me-unit, name: M&E, type: unit}\n"})
    checks = {p[3] for p in _problems(repo)}
    assert {"unknown-reference", "unanswered-recommendation"} <= checks, checks


def test_cr_only_line_ends_are_refused_and_no_suppression_lands_elsewhere(
        tmp_path: Path) -> None:
    """libyaml counts a bare CR as a line break and the comment scanner did not, so every
    comment landed on line 1; now the file is refused where its first bare CR is, and its
    comments neither silence nor add anything."""
    repo = new_repo(tmp_path / "repo")
    (repo / "records" / "mac.yaml").write_bytes(
        b"kind: evaluation\rid: EV-2024-01  # evalcheck: ignore[unsafe-yaml] old file\r"
        b"title: T\rstatus: finished\rowner: me-unit\r")
    assert _problems(repo) == [("records/mac.yaml", 1, 17, "unsafe-yaml")]


def test_crlf_suppressions_apply_to_their_own_line(tmp_path: Path) -> None:
    """CRLF, which both count alike, still places a suppression on its line and the next."""
    repo = new_repo(tmp_path / "repo")
    lines = ["kind: evaluation", "id: EV-2024-01", "title: T",
             "# evalcheck: ignore[schema] the source says finished",
             "status: finished", "owner: me-unit", "year: nineteen"]
    (repo / "records" / "win.yaml").write_bytes("\r\n".join(lines).encode() + b"\r\n")
    assert _problems(repo) == [("records/win.yaml", 7, 7, "schema")]
