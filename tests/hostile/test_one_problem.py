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
from records_kit import action, evaluation, management_response

from hostile.kit import AS_OF, new_repo

EVALUATION = evaluation("EV-2020-01", title="Final evaluation of the water programme",
                        report_date="2020-06-30", recommendations=[
                            ("R1", "Share the findings."), ("R2", "Train the staff.")])


def response(ident: str = "MR-2020-01", answers: str = "EV-2020-01") -> str:
    """A response answering R1 (and not R2) with one completed action."""
    return management_response(ident, answers, date="2020-08-01", actions=[action(
        description="Share them.", deadline="2020-12-31", status="completed",
        completed_on="2020-11-30")])


RESPONSE = response()
BROKEN_YAML = 'kind: management-response\nid: MR-2020-02\nevaluation: "EV-2020-01\n'
UNSAFE = ("kind: management-response\nid: MR-2020-02\nevaluation: EV-2020-01\ndate: 2020-08-01\n"
          "owner: me-unit\nresponses: !!python/object/apply:os.system [echo]\n")
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
    """Without the broken file the evaluation is response-overdue; with it (its text names
    the evaluation: it may be the response), only the broken file's own problem is reported."""
    repo = new_repo(tmp_path / "repo", {"records/ev.yaml": EVALUATION})
    assert [p[3] for p in _problems(repo) if p[0] == "records/ev.yaml"] == ["response-overdue"]
    write_files(repo, {"records/mr-broken.yaml": broken})
    assert [p[3] for p in _problems(repo)] == [check]
    # a broken file that names another evaluation could not be this one's response
    write_files(repo, {"records/mr-broken.yaml": broken.replace("EV-2020-01", "EV-2019-07")})
    assert sorted(p[3] for p in _problems(repo)) == sorted([check, "response-overdue"])


def test_an_unreadable_file_hides_no_unknown_reference_owner_or_answer(tmp_path: Path) -> None:
    """The owners registry whose list was refused (it names me-unit), and an evaluation file
    that cannot be read (it names EV-2020-99): records that refer to them get no
    unknown-owner and no unknown-reference. A claim nothing unreadable touches stays: the
    response answers R1 of EV-2020-01 but not R2."""
    repo = new_repo(tmp_path / "repo", {
        "records/owners.yaml": "kind: owners\nowners: !!python/object/apply:os.system\n"
                               "  - {id: me-unit, name: M&E, type: unit}\n",
        "records/ev.yaml": EVALUATION,
        "records/ev-99.yaml": 'kind: evaluation\nid: EV-2020-99\ntitle: "cut off\n',
        "records/mr.yaml": RESPONSE,
        "records/mr-other.yaml": response("MR-2020-99", "EV-2020-99"),
    })
    found = _problems(repo)
    assert [p for p in found if p[3] not in ("unanswered-recommendation",)] == [
        ("records/ev-99.yaml", 4, 1, "yaml-syntax"),
        ("records/owners.yaml", 2, 9, "unsafe-yaml")]
    assert [p[0] for p in found if p[3] == "unanswered-recommendation"] == ["records/mr.yaml"]


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
