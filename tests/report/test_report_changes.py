"""The change report: compare() on inline records, then `evalcheck diff` and
`evalcheck report --base` on a real git repository with two commits."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import git, records_from, run_cli, write_files
from records_kit import action, evaluation, head, management_response, response

from evalcheck.report.changes import ChangeReport, compare, narrow

DROP = action("2.1", "Drop this", deadline="2024-12")
EVALUATION = evaluation(title="First evaluation", addressed_to="programme-unit",
                        recommendations=(("R1", "One."), ("R2", "Two.")))
RESPONSE = management_response(responses=(
    response("R1", actions=[
        action("1.1", "Hold a meeting", "programme-unit", deadline="2024-06"),
        action("1.2", "Write a note", "programme-unit", deadline="2024-09", status="completed"),
        action("1.3", "Train staff", "programme-unit", deadline="2024-09",
               status="not-started")]),
    response("R2", decision=None, actions=[DROP])))
BEFORE = EVALUATION + "---\n" + RESPONSE
# The edits below rewrite this text: records_kit writes one action a line, a flow mapping.


def _changes(before: str, after: str) -> ChangeReport:
    return compare(records_from(before), records_from(after), "base")


def _edit(*pairs: tuple[str, str]) -> str:
    text = BEFORE
    for old, new in pairs:
        assert old in text
        text = text.replace(old, new)
    return text


def test_no_change() -> None:
    assert _changes(BEFORE, BEFORE).total == 0


def test_reordering_and_renaming_files_is_not_a_change() -> None:
    docs = BEFORE.strip("\n").split("\n---\n")
    swapped = "\n---\n".join(reversed(docs))
    assert _changes(BEFORE, swapped).total == 0


@pytest.mark.parametrize(("edit", "field", "expected"), [
    (("  - recommendation: R2\n", "  - recommendation: R2\n    decision: rejected\n"),
     "decisions", [("R2", "", "", "rejected")]),
    (("decision: accepted", "decision: partially-accepted"),
     "decisions", [("R1", "", "accepted", "partially-accepted")]),
    (("deadline: 2024-06}", "deadline: 2024-06, status: completed}"),
     "closed", [("R1", "1.1", "not-reported", "completed")]),
    (("status: completed}", "status: in-progress}"),
     "reopened", [("R1", "1.2", "completed", "in-progress")]),
    (("status: not-started}", "status: in-progress}"),
     "status_changed", [("R1", "1.3", "not-started", "in-progress")]),
    (("deadline: 2024-06}", "deadline: 2024-12-15}"),
     "deadlines_moved", [("R1", "1.1", "2024-06", "2024-12-15")]),
    ((f"      - {DROP}\n", ""), "actions_removed", [("R2", "2.1", "", "")]),
    ((f"      - {DROP}\n", f"      - {DROP}\n      - {action('2.2', 'New')}\n"),
     "actions_added", [("R2", "2.2", "", "")]),
])
def test_item_changes(edit: tuple[str, str], field: str,
                      expected: list[tuple[str, str, str, str]]) -> None:
    changes = _changes(BEFORE, _edit(edit))
    found = getattr(changes, field)
    assert [(c.recommendation, c.action, c.old, c.new) for c in found] == expected
    assert changes.total == len(expected)


def test_deadline_move_counts_days() -> None:
    (move,) = _changes(BEFORE, _edit(("deadline: 2024-06}", "deadline: 2024-08-31}"))
                       ).deadlines_moved
    assert move.days == 62


def test_owner_changes() -> None:
    after = _edit(("owner: me-unit\nrecommendations", "owner: programme-unit\nrecommendations"),
                  ("responsible: [me-unit], deadline: 2024-12",
                   "responsible: [programme-unit, me-unit], deadline: 2024-12"),
                  ("{id: R2, text: Two., addressed_to: [programme-unit]}",
                   "{id: R2, text: Two., addressed_to: [me-unit]}"))
    changes = _changes(BEFORE, after)
    assert [(o.kind, o.record, o.item, o.old, o.new) for o in changes.owners_changed] == [
        ("evaluation", "EV-1", "", ("me-unit",), ("programme-unit",)),
        ("recommendation", "EV-1", "R2", ("programme-unit",), ("me-unit",)),
        ("action", "MR-1", "R2/2.1", ("me-unit",), ("programme-unit", "me-unit")),
    ]


def test_records_added_and_removed() -> None:
    extra = "---\n" + head("project", "PRJ-1", title="A project", owner="me-unit")
    changes = _changes(BEFORE, BEFORE + extra)
    assert [(r.kind, r.id, r.title) for r in changes.added] == [("project", "PRJ-1",
                                                                  "A project")]
    back = _changes(BEFORE + extra, BEFORE)
    assert [r.id for r in back.removed] == ["PRJ-1"] and back.total == 1


def test_narrow_by_owner_and_evaluation() -> None:
    after = _edit(("deadline: 2024-06}", "deadline: 2024-07}"),
                  ("deadline: 2024-12}", "deadline: 2025-01}"))
    changes = _changes(BEFORE, after)
    assert len(changes.deadlines_moved) == 2
    assert [c.action for c in narrow(changes, owner="programme-unit").deadlines_moved] == ["1.1"]
    assert len(narrow(changes, owner="me-unit").deadlines_moved) == 2   # owns the response
    assert narrow(changes, evaluation="EV-2").total == 0


# The real thing: a repository, two commits, the CLI as a subprocess.

FIRST = {"records/ev.yaml": EVALUATION, "records/mr.yaml": RESPONSE}


@pytest.fixture
def history(repo: Path) -> Path:
    write_files(repo, FIRST)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "first")
    mr = (repo / "records/mr.yaml").read_text(encoding="utf-8")
    mr = mr.replace("  - recommendation: R2\n", "  - recommendation: R2\n    decision: accepted\n")
    mr = mr.replace("deadline: 2024-06}", "deadline: 2024-06, status: completed}")
    mr = mr.replace("deadline: 2024-12}", "deadline: 2025-03-31}")
    (repo / "records/mr.yaml").write_text(mr, encoding="utf-8")
    ev = (repo / "records/ev.yaml").read_text(encoding="utf-8")
    (repo / "records/ev.yaml").write_text(ev.replace("owner: me-unit", "owner: programme-unit"),
                                          encoding="utf-8")
    write_files(repo, {"records/ev2.yaml": evaluation(
        "EV-2", title="Second evaluation", status="planned", recommendations=None)})
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "second")
    return repo


EXPECTED_MD = [
    "# Changes to the records since `HEAD~1`",
    "## Records added",
    "- evaluation **EV-2** Second evaluation (`records/ev2.yaml`)",
    "## Decisions",
    "- recommendation R2 (MR-1): decision made: Accepted",
    "## Actions closed",
    "- action 1.1 (MR-1, recommendation R1): Not reported → Completed",
    "## Deadlines moved",
    "- action 2.1 (MR-1, recommendation R2): 2024-12 → 2025-03-31 (+90 days)",
    "## Owners changed",
    "- evaluation EV-1: me-unit → programme-unit",
]


def test_diff_markdown(history: Path) -> None:
    done = run_cli("diff", "HEAD~1", cwd=history)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert [line for line in lines if line and line != "5 changes."] == EXPECTED_MD


def test_diff_json(history: Path) -> None:
    done = run_cli("diff", "HEAD~1", "--format", "json", cwd=history)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["base"] == "HEAD~1" and data["total"] == 5
    assert [r["id"] for r in data["added"]] == ["EV-2"]
    assert [(c["recommendation"], c["old"], c["new"]) for c in data["decisions"]] == [
        ("R2", "", "accepted")]
    assert [(c["action"], c["new"]) for c in data["closed"]] == [("1.1", "completed")]
    assert [(c["old"], c["new"], c["days"]) for c in data["deadlines_moved"]] == [
        ("2024-12", "2025-03-31", 90)]
    assert [(o["kind"], o["old"], o["new"]) for o in data["owners_changed"]] == [
        ("evaluation", ["me-unit"], ["programme-unit"])]
    assert data["reopened"] == data["removed"] == data["actions_added"] == []


def test_diff_sees_uncommitted_changes(history: Path) -> None:
    (history / "records/ev2.yaml").unlink()
    done = run_cli("diff", "HEAD", "--format", "json", cwd=history)
    assert [r["id"] for r in json.loads(done.stdout)["removed"]] == ["EV-2"]


def test_report_with_base(history: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    done = run_cli("report", "--as-of", "2024-06-30", "--base", "HEAD~1", "--out", str(out),
                   cwd=history)
    assert done.returncode == 0, done.stderr
    md = (out / "report.md").read_text(encoding="utf-8")
    assert "## Changes to the records since `HEAD~1`" in md
    assert "- action 1.1 (MR-1, recommendation R1): Not reported → Completed" in md
    data = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert data["changes"]["total"] == 5
    html = (out / "index.html").read_text(encoding="utf-8")
    assert 'id="changes"' in html and "2024-12 → 2025-03-31 (+90 days)" in html
    summary = run_cli("report", "--as-of", "2024-06-30", "--base", "HEAD~1", cwd=history)
    assert "Changes since HEAD~1: 5 changes" in summary.stdout
    assert "  deadline moved 2.1 (MR-1, R2): 2024-12 -> 2025-03-31" in summary.stdout


@pytest.mark.parametrize(("args", "message"), [
    (("HEAD~5",), "unknown revision 'HEAD~5'"),
    (("--", "--output=x"), "'--output=x' is not a revision"),
])
def test_bad_revision(history: Path, args: tuple[str, ...], message: str) -> None:
    done = run_cli("diff", *args, cwd=history)
    assert done.returncode == 2
    assert done.stderr.strip() == f"evalcheck: error: {message}"


def test_not_a_repository(tmp_path: Path) -> None:
    write_files(tmp_path, FIRST)
    done = run_cli("diff", "HEAD", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "is not in a git repository" in done.stderr
