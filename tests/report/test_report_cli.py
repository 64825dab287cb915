"""`evalcheck report` as a real subprocess on the bundled records: the four files, their
formats, golden copies of report.md and report.json, exit codes.

Regenerate the golden files after an intended change with
`EVALCHECK_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/report` and review the diff.
"""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest
from conftest import SEED_AS_OF, run_cli, write_files
from records_kit import action, evaluation, management_response, owner, owners

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("EVALCHECK_UPDATE_GOLDEN") == "1"
FILES = ("index.html", "report.md", "actions.csv", "report.json")


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("report")
    done = run_cli("report", "--as-of", SEED_AS_OF, "--out", str(folder))
    assert done.returncode == 0, done.stderr
    assert "Wrote index.html, report.md, actions.csv, report.json" in done.stderr
    return folder


def test_writes_all_four_files(out: Path) -> None:
    assert sorted(p.name for p in out.iterdir()) == sorted(FILES)


def test_actions_csv_opens_in_excel(out: Path) -> None:
    raw = out.joinpath("actions.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert len(rows) == 22
    assert {r["evaluation"] for r in rows} == {"EV-2022-ROBA-UNNM"}
    first = rows[0]
    assert (first["recommendation"], first["action_id"], first["deadline"], first["due_date"],
            first["status"], first["days_overdue"], first["decision"]) == (
        "R1", "1.1", "2022-11", "2022-11-30", "not-reported", "1453", "no-decision")
    assert first["responsible"] == "roba-policy-liaison-officer; psu"
    assert first["action"].startswith("Realizar un relevamiento de información")
    assert all(r["days_overdue"].isdigit() for r in rows)


def test_report_json_parses(out: Path) -> None:
    data = json.loads(out.joinpath("report.json").read_text(encoding="utf-8"))
    assert data["format"] == 1 and data["as_of"] == SEED_AS_OF
    assert data["implementation"]["total"] == 22
    assert data["implementation"]["rate"] == 0.0
    assert len(data["implementation"]["overdue"]) == 22
    assert data["coverage"]["decisions"]["no-decision"] == 13
    assert [m["evaluation"] for m in data["missing_responses"]] == [
        "EV-2001-PLACMI2", "EV-2021-BOL-IDF"]
    assert data["filters"] == {"owner": None, "evaluation": None}
    assert data["changes"] is None


@pytest.mark.parametrize("name", ["report.md", "report.json"])
def test_golden(out: Path, name: str) -> None:
    got = out.joinpath(name).read_text(encoding="utf-8")
    golden = GOLDEN / name
    if UPDATE:
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(got, encoding="utf-8")
    assert golden.exists(), "no golden file: run with EVALCHECK_UPDATE_GOLDEN=1"
    assert got == golden.read_text(encoding="utf-8"), (
        f"{name} differs from {golden}; if the change is intended, regenerate with "
        "EVALCHECK_UPDATE_GOLDEN=1")


def test_output_is_deterministic(out: Path, tmp_path: Path) -> None:
    done = run_cli("report", "--as-of", SEED_AS_OF, "--out", str(tmp_path))
    assert done.returncode == 0
    for name in FILES:
        assert tmp_path.joinpath(name).read_bytes() == out.joinpath(name).read_bytes(), name


def test_terminal_summary() -> None:
    done = run_cli("report", "--as-of", SEED_AS_OF)
    assert done.returncode == 0, done.stderr
    text = done.stdout
    assert text.startswith(f"evalcheck report as of {SEED_AS_OF}: all records\n")
    assert "4 evaluations (1 ongoing, 3 completed), 1 management response" in text
    assert ("22 actions: implementation rate 0% (0 of 22 applicable completed; 22 with no "
            "status reported)") in text
    assert "Status         23 recommendations: 23 no decision" in text
    assert "21  Oficial Regional de Políticas y de Enlace (roba-policy-liaison-officer)" in text
    assert ("EV-2001-PLACMI2: 9,245 days since 2001-07-31, 4 recommendations\n"
            "      EVALUATION OF THE 'PROGRAMA LATINOAMERICANO DE COOPERACION TECNICA EN MIG"
            "…\n") in text
    assert "Data quality   10 errors, 38 warnings" in text


@pytest.mark.parametrize(("fmt", "start"), [
    ("markdown", "# Evaluation follow-up report"), ("csv", "\ufeffevaluation,"),
    ("html", "<!DOCTYPE html>")])
def test_one_format_prints_to_stdout(fmt: str, start: str) -> None:
    done = run_cli("report", "--as-of", SEED_AS_OF, "--format", fmt)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(start)


def test_format_picks_files(tmp_path: Path) -> None:
    done = run_cli("report", "--as-of", SEED_AS_OF, "--out", str(tmp_path),
                   "--format", "csv,json", "--format", "md")
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["actions.csv", "report.json",
                                                          "report.md"]


@pytest.mark.parametrize(("args", "message"), [
    (("--format", "pdf"), "'pdf' is not one of html, md, csv, json"),
    (("--format", "md,json"), "give --out DIR to write more than one format"),
    (("--as-of", "2026-13-01"), "is not a date in the form YYYY-MM-DD"),
    (("--evaluation", "EV-NOPE"), "no evaluation 'EV-NOPE' in the records"),
    (("--owner", "nobody"), "no owner 'nobody' in the records or the owners registry"),
    (("no/such/path",), "no such file or folder: no/such/path"),
    (("--base", "no-such-rev"), "unknown revision 'no-such-rev'"),
])
def test_usage_errors_exit_2(args: tuple[str, ...], message: str) -> None:
    done = run_cli("report", "--as-of", SEED_AS_OF, *args)
    assert done.returncode == 2
    assert message in done.stderr
    assert "Traceback" not in done.stderr


def test_report_on_named_files_only() -> None:
    done = run_cli("report", "--as-of", SEED_AS_OF, "--format", "json",
                   "records/evaluations/EV-2021-BOL-IDF.yaml")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert [e["id"] for e in data["portfolio"]["evaluations"]] == ["EV-2021-BOL-IDF"]
    assert data["implementation"]["total"] == 0
    assert {p["path"] for p in data["data_quality"]["problems"]} == {
        "records/evaluations/EV-2021-BOL-IDF.yaml"}


def test_unwritable_out_folder_is_a_usage_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    done = run_cli("report", "--as-of", SEED_AS_OF, "--out", str(blocker / "sub"))
    assert done.returncode == 2
    assert done.stderr.startswith(f"evalcheck: error: cannot write {blocker / 'sub'}")
    assert "Traceback" not in done.stderr


def test_values_outside_the_vocabulary_do_not_break_the_report(tmp_path: Path) -> None:
    """A status the schema rejects is a data-quality problem, not a crash: the action is
    reported as not reported (open) and the report is still written."""
    write_files(tmp_path, {
        "records/owners.yaml": owners(owner("u", name="U")),
        "records/ev.yaml": evaluation(status="paused", owner="u", addressed_to="u"),
        "records/mr.yaml": management_response(owner="u", actions=[
            action(responsible="u", deadline="2024-01", status="done")]),
    })
    result = run_cli("report", "--as-of", "2026-11-22", "--out", "out", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    rows = (tmp_path / "out" / "actions.csv").read_text(encoding="utf-8-sig").splitlines()
    assert len(rows) == 2 and "1.1" in rows[1]


def _rows(html: str, table_id: str) -> int:
    body = html.split(f'<table id="{table_id}"', 1)[1].split("</tbody>", 1)[0]
    return body.count("<tr>") - 1  # the header row


@pytest.mark.parametrize(("max_rows", "shown", "note"), [
    ("3", 3, True),   # 22 actions, cut to 3, with a note saying where the rest are
    ("22", 22, False),
    ("0", 22, False),  # 0: every row
])
def test_max_rows_caps_the_long_tables(tmp_path: Path, max_rows: str, shown: int,
                                       note: bool) -> None:
    done = run_cli("report", "--as-of", SEED_AS_OF, "--out", str(tmp_path), "--max-rows",
                   max_rows)
    assert done.returncode == 0, done.stderr
    html = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert _rows(html, "t-actions") == _rows(html, "t-overdue") == shown
    assert ("Showing the first 3 of 22 actions; all of them are in actions.csv and report.json"
            in html) is note
    markdown = (tmp_path / "report.md").read_text(encoding="utf-8")
    overdue = markdown.split("## Overdue actions", 1)[1].split("\n## ", 1)[0]
    table = overdue.split("| evaluation | rec. |", 1)[1].split("\n\n", 1)[0]
    assert table.count("\n| ") - 1 == shown  # less the alignment row
    assert ("_Showing the first 3 of 22 rows; report.json holds them all" in overdue) is note
    data = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert len(data["implementation"]["actions"]) == 22
    assert (tmp_path / "actions.csv").read_text(encoding="utf-8-sig").count("\n") == 23


def test_max_rows_must_be_a_count() -> None:
    done = run_cli("report", "--max-rows", "-1")
    assert done.returncode == 2
    assert "--max-rows" in done.stderr and "Traceback" not in done.stderr


def test_a_report_on_some_files_counts_only_their_problems(repo: Path) -> None:
    """lint on the registry also shows the record it leaves with an unknown owner; a report
    on the registry keeps to the registry."""
    write_files(repo, {"records/evaluations/EV-1.yaml": evaluation(
        title="Final evaluation", status="ongoing", owner="gone-unit", recommendations=None)})
    linted = run_cli("lint", "--format", "json", "records/owners.yaml", cwd=repo)
    assert [(p["path"], p["check"]) for p in json.loads(linted.stdout)] == [
        ("records/evaluations/EV-1.yaml", "unknown-owner")]
    done = run_cli("report", "--format", "json", "records/owners.yaml", cwd=repo)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["data_quality"]["problems"] == []
