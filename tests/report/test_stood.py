"""A response and its actions as they stood on a past date (evalcheck/report/stood.py), and the
whole report agreeing with the board on it: a report as of a date never counts a decision,
a closure or a deadline that came later (issue 15: "2 accepted" beside "3 no decision")."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from boardhistory import build
from conftest import run_cli, write_files
from records_kit import action, evaluation, management_response, owners

from evalcheck import loading
from evalcheck.config import load_config
from evalcheck.report.boardrows import board_rows
from evalcheck.report.model import build_report
from evalcheck.report.stood import action_stood, response_stood

AT = dt.date(2024, 6, 30)
MOVES = [{"date": "2024-03-01", "from": "2024-03", "to": "2024-09"},
         {"date": "2024-08-01", "from": "2024-09", "to": "2025-03"}]


@pytest.mark.parametrize(("date", "stood"), [
    ("2024-06-30", True),     # that very day
    ("2024-07-01", False),    # the day after
    ("2024-06", True),        # a month: from its first day
    ("2024-07", False),
    (None, True),             # undated: it is there
    ("not a date", True),
])
def test_response_stood(date: str | None, stood: bool) -> None:
    assert response_stood({"date": date} if date else {}, AT) is stood


@pytest.mark.parametrize(("action", "expected"), [
    # closed after the date: open then, completed_on gone
    ({"status": "completed", "completed_on": "2024-07-01"},
     {"status": "in-progress"}),
    ({"status": "no-longer-applicable", "completed_on": "2024-09-01"},
     {"status": "in-progress"}),
    # closed on the date, or undated: as written
    ({"status": "completed", "completed_on": "2024-06-30"},
     {"status": "completed", "completed_on": "2024-06-30"}),
    ({"status": "completed"}, {"status": "completed"}),
    # an open action keeps its status whatever its completed_on says
    ({"status": "not-started", "completed_on": "2024-07-01"},
     {"status": "not-started", "completed_on": "2024-07-01"}),
    # a deadline moved later: the deadline the later move started from
    ({"deadline": "2025-03", "deadline_changes": MOVES},
     {"deadline": "2024-09", "deadline_changes": MOVES[:1]}),
    ({"deadline": "2025-03", "deadline_changes": MOVES},
     {"deadline": "2025-03", "deadline_changes": MOVES}),
    # updates and a validation written later had not been written
    ({"updates": [{"date": "2024-05-01", "text": "a"}, {"date": "2024-07-02", "text": "b"}]},
     {"updates": [{"date": "2024-05-01", "text": "a"}]}),
    ({"status": "completed", "completed_on": "2024-06-01",
      "validated": {"by": "me", "on": "2024-07-15"}},
     {"status": "completed", "completed_on": "2024-06-01"}),
], ids=["closed-later", "n/a-later", "closed-that-day", "closed-undated", "open",
        "moved-later", "moved-before", "update-later", "validated-later"])
def test_action_stood(action: dict[str, Any], expected: dict[str, Any]) -> None:
    at = dt.date(2024, 9, 1) if expected.get("deadline") == "2025-03" else AT
    assert action_stood(action, at) == expected


@pytest.mark.parametrize("action", [
    {"status": ["completed"], "completed_on": "2030-01-01"},   # a list where text belongs
    {"status": {"x": 1}, "completed_on": 20300101},
    {"deadline": "2031", "deadline_changes": [{"date": "2030-01-01", "from": ["x"]}, "junk"]},
    {"updates": "not a list", "validated": ["me"]},
])
def test_malformed_actions_are_left_as_they_are(action: dict[str, Any]) -> None:
    """The schema reports them; the report must not stop on them."""
    stood = action_stood(action, AT)
    assert isinstance(stood, dict)


def test_a_report_on_malformed_actions_as_of_a_past_date(tmp_path: Path) -> None:
    write_files(tmp_path, {
        "records/owners.yaml": owners("me-unit"),
        "records/ev.yaml": evaluation("EV-1"),
        "records/mr.yaml": management_response(actions=[
            action(status="[completed]", completed_on="2030-01-01"),
            action("1.2", deadline_changes='[{date: 2030-01-01, from: [x]}, junk]',
                   deadline="2031")]),
    })
    done = run_cli("report", "--as-of", "2024-06-30", "--format", "json", cwd=tmp_path)
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    assert len(json.loads(done.stdout)["implementation"]["actions"]) == 2


def test_an_action_with_nothing_later_is_the_same_object() -> None:
    action = {"status": "completed", "completed_on": "2024-01-01"}
    assert action_stood(action, AT) is action


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("history")
    build(root)
    return root


QUARTER_ENDS = [dt.date(y, m, d) for y in (2023, 2024, 2025)
                for m, d in ((3, 31), (6, 30), (9, 30), (12, 31))]


@pytest.mark.parametrize("at", QUARTER_ENDS, ids=str)
def test_the_report_and_the_board_agree_on_every_action(history: Path, at: dt.date) -> None:
    records = loading.load(load_config(history), [], cache=False).records
    report = build_report(records, [], at)
    board = board_rows([r.data for r in records], at)
    in_report = {(a.evaluation, a.id): (a.status, a.due) for a in report.implementation.actions}
    on_board = {(a.evaluation, a.id): (a.status, a.due.isoformat() if a.due else "")
                for a in board.actions if a.agreed}
    assert in_report == on_board
    answered = {e.id for e in report.portfolio.evaluations if e.responses}
    assert answered == set(board.answered)


def test_the_terminal_counts_decisions_as_they_stood(history: Path) -> None:
    # 2023-Q2: MR-B (dated 2023-09-15) did not exist yet, so EV-B's two recommendations were
    # not answered (today's record says both were accepted); EV-C and EV-D (4 more) never were.
    out = run_cli("report", "--period", "2023-Q2", cwd=history).stdout
    assert "Responses      9 recommendations: 3 answered, 6 not answered" in out, out
    assert "decisions: 1 accepted, 1 partially accepted, 1 rejected, 0 not decided yet" in out
    assert "Status         9 recommendations:" in out and "6 no decision" in out
    # A1.2 was completed on 2023-11-30: on 2023-06-30 it was in progress, its deadline the
    # first one (2023-09), so nothing of EV-A was overdue and 1 of 3 actions was completed.
    assert "Actions        3 actions: implementation rate 33% (1 of 3 applicable completed)" \
        in out, out
