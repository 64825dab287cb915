"""`evalcheck export xlsx`: the tracker workbook reopens with openpyxl with one row per action
and one per recommendation without actions, names instead of ids, each action's progress story
(latest update, comments, status and decision in the source's words, rationale), the facts of
the report's actions.csv, real dates, highlighted overdue rows, a frozen header, a filter, and
no formula anywhere."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from conftest import SEED_AS_OF, run_cli, write_files
from records_kit import evaluation

from evalcheck.office.tracker import COLUMNS, HEADERS
from evalcheck.office.workbook import OVERDUE_FILL
from evalcheck.records import load_record
from evalcheck.report.csv import COLUMNS as CSV_COLUMNS
from evalcheck.report.csv import render
from evalcheck.report.model import build_report

AS_OF = "2024-06-30"
RESPONSE = """\
kind: management-response
id: MR-1
evaluation: EV-1
owner: me-unit
date: 2023-06-15
responses:
  - recommendation: R1
    decision: accepted
    decision_text: Agree
    actions:
      - id: "1.1"
        description: Done on time
        deadline: 2023-11
        responsible: [me-unit]
        status: completed
        status_text: Réalisée
        completed_on: 2023-11-20
        comments: Shared with the board.
        evidence: [https://example.org/report.pdf]
        updates:
          - {date: 2023-11-20, text: Report published.}
          - {date: 2023-09-01, text: Draft circulated.}
      - id: "1.2"
        description: =HYPERLINK("http://evil.example","click")
        deadline: 2024-03-15
        original_deadline: 2023-12
        responsible: [me-unit, programme-unit]
        supporting: [programme-unit]
        status: in-progress
      - id: "1.3"
        description: "@SUM(A1:A9) and a tab\\tinside"
        deadline: 2024-12
        responsible: [programme-unit]
  - recommendation: R2
    actions:
      - id: "2.1"
        description: "-2+3 no longer needed"
        deadline: 2023-01
        responsible: [programme-unit]
        status: no-longer-applicable
      - id: "2.2"
        description: +1 without a deadline and not reported
        responsible: [me-unit]
  - recommendation: R3
    decision: rejected
    decision_text: Disagree
    rationale: No budget for it.
"""
EVALUATION = evaluation(title="Final evaluation of the programme", recommendations=[
    ("R1", "Do one thing."), ("R2", "Do another thing.", "programme-unit"),
    ("R3", "Do a third thing.", "programme-unit"), ("R4", "Do a fourth thing.")])


@pytest.fixture
def tracker(repo: Path) -> Path:
    write_files(repo, {"records/evaluations/ev1.yaml": EVALUATION,
                       "records/responses/mr1.yaml": RESPONSE})
    result = run_cli("export", "xlsx", "tracker.xlsx", "--as-of", AS_OF, cwd=repo)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ("Wrote tracker.xlsx: 5 actions, 1 overdue as of 2024-06-30, "
                             "implementation rate 25%.\n")
    return repo / "tracker.xlsx"


def rows_of(sheet: Any) -> list[tuple[Any, ...]]:
    return list(sheet.iter_rows(values_only=True))


def _by_action(rows: list[tuple[Any, ...]]) -> dict[str, dict[str, Any]]:
    return {r[COLUMNS.index("action")]: dict(zip(COLUMNS, r, strict=True))
            for r in rows[1:] if r[COLUMNS.index("action")]}


def test_one_row_per_action_and_per_recommendation_without_one(tracker: Path) -> None:
    book = openpyxl.load_workbook(tracker)
    assert book.sheetnames == ["Summary", "Actions"]
    rows = rows_of(book["Actions"])
    assert rows[0] == HEADERS and len(HEADERS) == len(COLUMNS)
    rec, action = COLUMNS.index("recommendation"), COLUMNS.index("action")
    assert [(r[rec], r[action]) for r in rows[1:]] == [
        ("R1", "1.1"), ("R1", "1.2"), ("R1", "1.3"), ("R2", "2.1"), ("R2", "2.2"),
        ("R3", None), ("R4", None)]
    rejected, unanswered = (dict(zip(COLUMNS, r, strict=True)) for r in rows[-2:])
    assert (rejected["decision"], rejected["decision_text"], rejected["rationale"],
            rejected["recommendation_text"], rejected["management_response"]) == (
        "Rejected", "Disagree", "No budget for it.", "Do a third thing.", "MR-1")
    assert (unanswered["decision"], unanswered["management_response"]) == ("Not answered", None)


def test_names_and_labels_not_ids(tracker: Path) -> None:
    by_id = _by_action(rows_of(openpyxl.load_workbook(tracker)["Actions"]))
    assert by_id["1.2"]["responsible"] == "M&E Unit; Programme Unit"
    assert by_id["1.2"]["supporting"] == "Programme Unit"
    assert by_id["1.2"]["evaluation_title"] == "Final evaluation of the programme"
    assert by_id["1.2"]["recommendation_text"] == "Do one thing."
    assert (by_id["2.2"]["status"], by_id["2.2"]["decision"]) == ("Not reported",
                                                                   "No decision yet")
    assert (by_id["1.1"]["status"], by_id["1.1"]["decision"]) == ("Completed", "Accepted")


def test_the_progress_story_of_each_action(tracker: Path) -> None:
    by_id = _by_action(rows_of(openpyxl.load_workbook(tracker)["Actions"]))
    done = by_id["1.1"]
    assert (done["latest_update_date"], done["latest_update"]) == (
        dt.datetime(2023, 11, 20), "Report published.")
    assert (done["status_text"], done["comments"], done["evidence"]) == (
        "Réalisée", "Shared with the board.", "https://example.org/report.pdf")
    assert (done["decision_text"], done["response_date"]) == ("Agree", dt.datetime(2023, 6, 15))
    assert by_id["1.2"]["latest_update"] is None


def test_dates_are_real_dates_and_month_deadlines_end_the_month(tracker: Path) -> None:
    sheet = openpyxl.load_workbook(tracker)["Actions"]
    col = {name: i + 1 for i, name in enumerate(COLUMNS)}
    deadline = sheet.cell(row=2, column=col["deadline"])
    assert deadline.value == dt.datetime(2023, 11, 30)
    assert deadline.number_format == "yyyy-mm"
    full = sheet.cell(row=3, column=col["deadline"])
    assert (full.value, full.number_format) == (dt.datetime(2024, 3, 15), "yyyy-mm-dd")
    assert sheet.cell(row=3, column=col["original_deadline"]).value == dt.datetime(2023, 12, 31)
    assert sheet.cell(row=2, column=col["completed_on"]).value == dt.datetime(2023, 11, 20)
    assert sheet.cell(row=6, column=col["deadline"]).value is None
    overdue = [sheet.cell(row=r, column=col["days_overdue"]).value for r in range(2, 9)]
    assert overdue == [None, 107, None, None, None, None, None]


def test_overdue_rows_are_highlighted_and_only_they(tracker: Path) -> None:
    sheet = openpyxl.load_workbook(tracker)["Actions"]
    days = COLUMNS.index("days_overdue") + 1
    for row in range(2, sheet.max_row + 1):
        late = sheet.cell(row=row, column=days).value is not None
        fills = {sheet.cell(row=row, column=c).fill.fgColor.rgb for c in range(1, len(COLUMNS) + 1)}
        assert fills == ({OVERDUE_FILL} if late else {"00000000"}), row


def test_frozen_header_filter_and_widths(tracker: Path) -> None:
    from openpyxl.utils import get_column_letter

    sheet = openpyxl.load_workbook(tracker)["Actions"]
    assert sheet.freeze_panes == "A2"
    last = get_column_letter(len(COLUMNS))
    assert sheet.auto_filter.ref == f"A1:{last}{sheet.max_row}"
    assert sheet.max_row == 8
    assert sheet.column_dimensions[get_column_letter(COLUMNS.index("description") + 1)].width == 60
    assert all(sheet.column_dimensions[get_column_letter(c)].width >= 8
               for c in range(1, len(COLUMNS) + 1))


def test_text_never_becomes_a_formula(tracker: Path) -> None:
    book = openpyxl.load_workbook(tracker)
    cells = [c for s in book.worksheets for row in s.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    texts = {c.value for c in cells if isinstance(c.value, str)}
    assert "'=HYPERLINK(\"http://evil.example\",\"click\")" in texts
    assert "'@SUM(A1:A9) and a tab inside" in texts
    assert "'-2+3 no longer needed" in texts
    assert "'+1 without a deadline and not reported" in texts


def test_summary_counts_and_implementation_rate(tracker: Path) -> None:
    rows = {r[0]: r[1:] for r in rows_of(openpyxl.load_workbook(tracker)["Summary"]) if r[0]}
    assert rows["As of"][0] == dt.datetime(2024, 6, 30)
    counts = {s: rows[s][0] for s in ("Not started", "In progress", "Completed",
                                      "No longer applicable", "Not reported")}
    assert counts == {"Not started": 0, "In progress": 1, "Completed": 1,
                      "No longer applicable": 1, "Not reported": 2}
    assert (rows["All actions"][0], rows["Overdue"][0]) == (5, 1)
    assert rows["Implementation rate"][0] == pytest.approx(1 / 4)
    assert rows["EV-1"][:3] == (5, 1, 1)


def _as_csv_text(value: Any, number_format: str) -> str:
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m" if number_format == "yyyy-mm" else "%Y-%m-%d")
    return "" if value is None else str(value)


SAME = ("evaluation", "evaluation_title", "recommendation", "action", "deadline", "due_date",
        "original_deadline", "completed_on", "days_overdue", "deadline_note", "status_text",
        "latest_update_date", "latest_update", "comments", "decision_text", "rationale",
        "response_date")
CSV_NAME = {"action": "action_id", "description": "action", "management_response":
            "management_response"}


def test_the_workbook_says_what_actions_csv_says(tracker: Path, repo: Path) -> None:
    """The same facts per action, the workbook with names where the CSV has ids."""
    records = [load_record(p.relative_to(repo).as_posix(), p.read_bytes())
               for p in sorted((repo / "records").rglob("*.yaml"))]
    report = build_report(records, [], dt.date.fromisoformat(AS_OF))
    expected = [dict(zip(CSV_COLUMNS, r, strict=True)) for r in
                list(csv.reader(io.StringIO(render(report).lstrip("\ufeff"))))[1:]]
    sheet = openpyxl.load_workbook(tracker)["Actions"]
    got = [{name: _as_csv_text(c.value, c.number_format) for name, c in zip(COLUMNS, row,
                                                                          strict=True)}
           for row in sheet.iter_rows(min_row=2)]
    got = [g for g in got if g["action"]]
    assert len(got) == len(expected) == 5
    for g, e in zip(got, expected, strict=True):
        for name in SAME:
            assert g[name] == e[CSV_NAME.get(name, name)], name
        assert g["description"] == e["action"]


def test_paths_narrow_the_tracker(repo: Path) -> None:
    write_files(repo, {"records/evaluations/ev1.yaml": EVALUATION,
                       "records/responses/mr1.yaml": RESPONSE,
                       "records/responses/mr2.yaml": RESPONSE.replace("MR-1", "MR-2")})
    result = run_cli("export", "xlsx", "one.xlsx", "records/responses/mr2.yaml",
                     "--as-of", AS_OF, cwd=repo)
    assert result.returncode == 0, result.stderr
    rows = rows_of(openpyxl.load_workbook(repo / "one.xlsx")["Actions"])
    assert {r[-1] for r in rows[1:] if r[COLUMNS.index("action")]} == {"MR-2"}
    assert {r[1] for r in rows[1:]} == {"Final evaluation of the programme"}


def test_the_bundled_records(tmp_path: Path) -> None:
    out = tmp_path / "bundled.xlsx"
    result = run_cli("export", "xlsx", str(out), "--as-of", SEED_AS_OF)
    assert result.returncode == 0, result.stderr
    sheet = openpyxl.load_workbook(out)["Actions"]
    action, days = COLUMNS.index("action") + 1, COLUMNS.index("days_overdue") + 1
    actions = [r for r in range(2, sheet.max_row + 1) if sheet.cell(row=r, column=action).value]
    assert len(actions) == 22
    assert all(sheet.cell(row=r, column=days).value > 0 for r in actions)


def test_a_name_that_is_not_a_workbook_is_refused(repo: Path) -> None:
    result = run_cli("export", "xlsx", "tracker.csv", cwd=repo)
    assert result.returncode == 2
    assert "should end in .xlsx" in result.stderr
    assert not (repo / "tracker.csv").exists()


def test_an_export_holds_every_action_in_the_files(repo: Path) -> None:
    """A report as of a date leaves out a response dated after it (as it stood then); the
    tracker is an export of the files, so a response dated later, a mistyped year say, is in
    it with all its actions (and lint's date-order names the date)."""
    later = RESPONSE.replace("date: 2023-06-15\n", "date: 2062-06-30\n", 1)
    assert later != RESPONSE
    write_files(repo, {"records/evaluations/ev1.yaml": EVALUATION,
                       "records/responses/mr1.yaml": later})
    result = run_cli("export", "xlsx", "later.xlsx", "--as-of", AS_OF, cwd=repo)
    assert result.returncode == 0, result.stderr
    rows = rows_of(openpyxl.load_workbook(repo / "later.xlsx")["Actions"])
    assert [r[COLUMNS.index("action")] for r in rows[1:] if r[COLUMNS.index("action")]] == [
        "1.1", "1.2", "1.3", "2.1", "2.2"]
    report = json.loads(run_cli("report", "--as-of", AS_OF, "--format", "json",
                                cwd=repo).stdout)
    assert report["implementation"]["actions"] == []  # not agreed yet on the as-of date
    lint = run_cli("lint", "--as-of", AS_OF, "--select", "date-order", cwd=repo).stdout
    assert "the management response is dated 2062-06-30, after today (2024-06-30)" in lint
