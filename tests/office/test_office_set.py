"""`evalcheck set RESPONSE_ID#ACTION_ID key=value`: the record is edited in place; every line
outside the edited ones stays byte for byte (checked with a unified diff); an edit that would
make the record invalid is refused and the file left as it was."""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

import pytest
from conftest import REPO, run_cli, write_files

from evalcheck.yamlload import parse

PATH = "records/responses/mr1.yaml"
RECORD = """\
# Management response to the final evaluation.   (kept as written)
kind: management-response
id: MR-1
evaluation: EV-1
owner: me-unit    # the M&E officer keeps it
responses:
  - recommendation: R1
    decision: accepted
    actions:
      # First action: the hiring.
      - id: "1.1"
        description: >-
          Hire an M&E officer for the programme, with a budget line agreed with the donor before
          the next steering committee.
        deadline: 2024-03
        responsible: [me-unit]   # HR helps
        supporting:
          - programme-unit
      - id: '1.2'
        description: 'Set up a dashboard: one page, updated monthly'
        deadline:   2024-09-30
        responsible:
        - programme-unit
        updates:
          - {date: 2024-01-10, text: Draft shared.}

  - recommendation: R2
    decision: partially-accepted
    actions:
      - id: "1.1"
        description: Train focal points.
        responsible: [programme-unit]
"""


@pytest.fixture
def response(repo: Path) -> Path:
    write_files(repo, {PATH: RECORD})
    return repo


def changed_lines(old: str, new: str) -> list[str]:
    """The +/- lines of a unified diff (no context, no headers)."""
    return [line for line in difflib.unified_diff(old.splitlines(), new.splitlines(), n=0,
                                                  lineterm="")
            if line[:1] in "+-" and not line.startswith(("+++", "---"))]


def test_only_the_edited_lines_change(response: Path) -> None:
    result = run_cli("set", "MR-1#R1/1.1", "status=completed", "completed_on=2024-05-02",
                     "--note", "Officer started on 2 May.", "--as-of", "2024-05-03",
                     cwd=response)
    assert result.returncode == 0, result.stdout + result.stderr
    new = (response / PATH).read_text(encoding="utf-8")
    assert changed_lines(RECORD, new) == [
        "+        status: completed",
        "+        completed_on: 2024-05-02",
        "+        updates:",
        "+          - date: 2024-05-03",
        "+            text: Officer started on 2 May.",
    ]
    assert new.index("status: completed") > new.index("      - programme-unit")
    assert new.index("completed_on") < new.index("      - id: '1.2'")
    assert result.stdout.splitlines() == [
        "Updated MR-1#R1/1.1 in records/responses/mr1.yaml:",
        "  status: (none) -> completed", "  completed_on: (none) -> 2024-05-02",
        "  updates: + 2024-05-03: Officer started on 2 May."]


def test_a_note_joins_existing_updates_in_their_style(response: Path) -> None:
    result = run_cli("set", "MR-1#1.2", "status=in-progress", "--note", "yes",
                     "--as-of", "2024-02-01", cwd=response)
    assert result.returncode == 0, result.stderr
    new = (response / PATH).read_text(encoding="utf-8")
    assert changed_lines(RECORD, new) == [
        "+        status: in-progress",
        '+          - {date: 2024-02-01, text: "yes"}',
    ]
    data = parse(new.encode()).data
    assert data["responses"][0]["actions"][1]["updates"][-1] == {"date": "2024-02-01",
                                                                  "text": "yes"}


def test_a_moved_deadline_keeps_the_first_one(response: Path) -> None:
    assert run_cli("set", "MR-1#1.2", "deadline=2024-12-31", cwd=response).returncode == 0
    once = (response / PATH).read_text(encoding="utf-8")
    assert changed_lines(RECORD, once) == [
        "-        deadline:   2024-09-30",
        "+        deadline: 2024-12-31",
        "+        original_deadline: 2024-09-30",
    ]
    assert run_cli("set", "MR-1#1.2", "deadline=Marzo 2025", cwd=response).returncode == 0
    twice = parse((response / PATH).read_bytes()).data["responses"][0]["actions"][1]
    assert (twice["deadline"], twice["original_deadline"]) == ("2025-03", "2024-09-30")


def test_an_invalid_status_is_refused_and_nothing_is_written(response: Path) -> None:
    before = (response / PATH).read_bytes()
    result = run_cli("set", "MR-1#1.2", "status=casi listo", "--note", "finished",
                     cwd=response)
    assert result.returncode == 1
    assert "refused" in result.stderr
    assert "status is 'casi listo'" in result.stderr
    assert "to keep words that name no status, use status_text=" in result.stderr
    assert (response / PATH).read_bytes() == before


@pytest.mark.parametrize(("args", "message"), [
    (["responsible="], "responsible is required: action 1.2 names no owner"),
    (["deadline=pronto"], "'pronto' is not a deadline in the form YYYY-MM-DD, YYYY-MM, YYYY-Qn"),
    (["deadline=pronto"], "use deadline_note="),
    (["deadline=2024-02-30"], "'2024-02-30' is not a real calendar date"),
    (["responsible=me-unit,progamme-unit"],
     "responsible: 'progamme-unit' is not in the owners registry; did you mean programme-unit"),
    (["completed_on=2030-01-01", "--as-of", "2024-05-03"],
     "completed_on 2030-01-01 is after today (2024-05-03)"),
])
def test_edits_that_would_break_the_record_are_refused(response: Path, args: list[str],
                                                       message: str) -> None:
    before = (response / PATH).read_bytes()
    result = run_cli("set", "MR-1#1.2", *args, cwd=response)
    assert result.returncode == 1, result.stdout
    assert message in result.stderr
    assert (response / PATH).read_bytes() == before


def test_owner_lists_keep_their_style(response: Path) -> None:
    assert run_cli("set", "MR-1#R1/1.1", "responsible=me-unit, programme-unit",
                   cwd=response).returncode == 0
    new = (response / PATH).read_text(encoding="utf-8")
    assert changed_lines(RECORD, new) == [
        "-        responsible: [me-unit]   # HR helps",
        "+        responsible: [me-unit, programme-unit] # HR helps",
    ]


def test_an_empty_value_removes_a_field(response: Path) -> None:
    assert run_cli("set", "MR-1#1.2", "deadline=", cwd=response).returncode == 0
    assert changed_lines(RECORD, (response / PATH).read_text(encoding="utf-8")) == [
        "-        deadline:   2024-09-30"]


@pytest.mark.parametrize(("action", "message"), [
    ("MR-2#1.2", "no management response with id 'MR-2'; did you mean MR-1?"),
    ("MR-1#1.3", "MR-1 has no action '1.3'; did you mean MR-1#1.2 or MR-1#1.1? its actions: "
                 "1.1, 1.2\n"),
    ("MR-1#1.1", "MR-1#1.1 names 2 actions; say which: MR-1#R1/1.1, MR-1#R2/1.1"),
    ("MR-1-1.1", "name the action as RESPONSE_ID#ACTION_ID, e.g. MR-2022-ROBA-UNNM#4.1"),
])
def test_unknown_or_ambiguous_actions_are_usage_errors(response: Path, action: str,
                                                       message: str) -> None:
    result = run_cli("set", action, "status=completed", cwd=response)
    assert result.returncode == 2
    assert message in result.stderr


@pytest.mark.parametrize(("args", "message"), [
    (["stauts=completed"], "cannot set 'stauts': did you mean status? settable: status, "
                           "status_text, completed_on, deadline, deadline_note, responsible, "
                           "supporting, comments, evidence, validated on an action; decision, "
                           "decision_text, rationale on a recommendation's response"),
    (["decision=accepted", "status=completed"], "belong to the response to a recommendation"),
    (["--note-date", "2024-01-01", "status=completed"], "--note-date dates a note"),
    (["status=completed", "--reason", "late"], "--reason and --approved-by explain a moved"),
    (["deadline=2025-01", "--approved-by", "me-unit"], "--approved-by goes with --reason"),
    (["--note", "x", "--note-date", "soon"], "--note-date 'soon' is not a day"),
    (["description=x"], "cannot set 'description'"),
    (["completed"], "'completed' is not key=value"),
    ([], "nothing to change"),
])
def test_bad_assignments_are_usage_errors(response: Path, args: list[str], message: str) -> None:
    result = run_cli("set", "MR-1#1.2", *args, cwd=response)
    assert result.returncode == 2
    assert message in result.stderr


def test_dry_run_shows_the_diff_and_writes_nothing(response: Path) -> None:
    result = run_cli("set", "MR-1#1.2", "status=completed", "completed_on=2024-05-02",
                     "--dry-run", cwd=response)
    assert result.returncode == 0
    assert "+        status: completed\n" in result.stdout
    assert (response / PATH).read_text(encoding="utf-8") == RECORD


def test_windows_line_endings_stay(response: Path) -> None:
    (response / PATH).write_bytes(RECORD.replace("\n", "\r\n").encode())
    assert run_cli("set", "MR-1#1.2", "status=in-progress", cwd=response).returncode == 0
    raw = (response / PATH).read_bytes()
    assert raw.count(b"\r\n") == raw.count(b"\n") == RECORD.count("\n") + 1
    assert b"        status: in-progress\r\n" in raw


def test_a_file_indented_another_way_keeps_its_way(repo: Path) -> None:
    odd = RECORD.replace("  - recommendation", "- recommendation").replace(
        "    decision", "  decision").replace("    actions:", "  actions:")
    write_files(repo, {PATH: odd})
    assert run_cli("set", "MR-1#R2/1.1", "status=not-started", cwd=repo).returncode == 0
    assert changed_lines(odd, (repo / PATH).read_text(encoding="utf-8")) == [
        "+        status: not-started"]


def test_the_bundled_seed_002_record(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    for name in ("records/owners.yaml", "records/responses/MR-2022-ROBA-UNNM.yaml",
                 "records/evaluations/EV-2022-ROBA-UNNM.yaml"):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(REPO / name, root / name)
    (root / ".evalcheck.yaml").write_text("records: [records]\n", encoding="utf-8")
    path = root / "records/responses/MR-2022-ROBA-UNNM.yaml"
    before = path.read_text(encoding="utf-8")
    result = run_cli("set", "MR-2022-ROBA-UNNM#4.1", "status=completed",
                     "completed_on=2023-03-28", "--note",
                     "Conversatorio multiactoral realizado el 28 de marzo de 2023.",
                     "--as-of", "2026-11-22", cwd=root)
    assert result.returncode == 0, result.stderr
    after = path.read_text(encoding="utf-8")
    assert changed_lines(before, after) == [
        "+        status: completed",
        "+        completed_on: 2023-03-28",
        "+        updates:",
        "+          - date: 2026-11-22",
        "+            text: Conversatorio multiactoral realizado el 28 de marzo de 2023.",
    ]
    lines = after.splitlines()
    at = lines.index("+        status: completed"[1:])
    assert lines[at - 1] == "          - pmm-focal-points"
    assert lines[at + 5] == '      - id: "4.2"'
    assert run_cli("validate", cwd=root).returncode == 0


def test_a_response_id_used_twice_is_not_guessed(response: Path) -> None:
    write_files(response, {"records/responses/copy.yaml": RECORD})
    result = run_cli("set", "MR-1#1.2", "status=completed", cwd=response)
    assert result.returncode == 2
    assert "MR-1 is the id of 2 records (records/responses/copy.yaml, " \
           "records/responses/mr1.yaml)" in result.stderr
    assert (response / PATH).read_text(encoding="utf-8") == RECORD


# Version 2: the words of real matrices, and the deadline and progress story.

def _action(root: Path, response: int = 0, action: int = 1) -> dict[str, object]:
    data = parse((root / PATH).read_bytes()).data
    return data["responses"][response]["actions"][action]  # type: ignore[no-any-return]


def _set(root: Path, *args: str) -> str:
    result = run_cli("set", *args, cwd=root)
    assert result.returncode == 0, result.stdout + result.stderr
    return (root / PATH).read_text(encoding="utf-8")


def test_a_status_in_a_matrix_s_words_maps_and_keeps_them(response: Path) -> None:
    new = _set(response, "MR-1#1.2", "status=Initiée")
    assert changed_lines(RECORD, new) == ["+        status: in-progress",
                                          "+        status_text: Initiée"]
    again = _set(response, "MR-1#1.2", "status=Completed", "completed_on=2024-05-02",
                 "--as-of", "2024-06-01")
    assert changed_lines(RECORD, again) == ["+        status: completed",
                                            "+        completed_on: 2024-05-02"]


@pytest.mark.parametrize(("words", "status", "kept"), [
    ("Overdue-Initiated", "in-progress", "Overdue-Initiated"),
    ("En curso", "in-progress", "En curso"),
    ("Concluída", "completed", "Concluída"),
    ("Sans objet", "no-longer-applicable", "Sans objet"),
    ("not-started", "not-started", None),
])
def test_statuses_in_four_languages(response: Path, words: str, status: str,
                                    kept: str | None) -> None:
    _set(response, "MR-1#1.2", f"status={words}", "completed_on=2024-05-02",
         "--as-of", "2024-06-01")
    action = _action(response)
    assert (action["status"], action.get("status_text")) == (status, kept)


def test_a_word_that_says_only_late_leaves_no_status(response: Path) -> None:
    _set(response, "MR-1#1.2", "status=in-progress")
    _set(response, "MR-1#1.2", "status=En retard")
    action = _action(response)
    assert "status" not in action
    assert action["status_text"] == "En retard"


def test_no_deadline_established_becomes_the_deadline_note(response: Path) -> None:
    _set(response, "MR-1#R2/1.1", "status=No deadline established")
    action = _action(response, 1, 0)
    assert (action.get("status"), action["status_text"], action["deadline_note"]) == (
        None, "No deadline established", "No deadline established")


def test_a_quarter_deadline_moved_with_a_reason_is_logged(response: Path) -> None:
    new = _set(response, "MR-1#1.2", "deadline=T3 2025", "--reason", "Budget came late",
               "--approved-by", "me-unit", "--as-of", "2024-06-01")
    assert changed_lines(RECORD, new) == [
        "-        deadline:   2024-09-30",
        "+        deadline: 2025-Q3",
        "+        original_deadline: 2024-09-30",
        "+        deadline_changes:",
        "+          - date: 2024-06-01",
        "+            from: 2024-09-30",
        "+            to: 2025-Q3",
        "+            reason: Budget came late",
        "+            approved_by: me-unit",
    ]
    # a later move joins the log, oldest first, even without a reason (lint then asks for one)
    _set(response, "MR-1#1.2", "deadline=2026", "--as-of", "2025-01-10")
    action = _action(response)
    assert action["deadline"] == "2026"
    assert action["original_deadline"] == "2024-09-30"
    assert action["deadline_changes"] == [
        {"date": "2024-06-01", "from": "2024-09-30", "to": "2025-Q3",
         "reason": "Budget came late", "approved_by": "me-unit"},
        {"date": "2025-01-10", "from": "2025-Q3", "to": "2026"}]
    assert run_cli("validate", cwd=response).returncode == 0


@pytest.mark.parametrize(("words", "deadline"), [
    ("Q1 2025", "2025-Q1"), ("3er trimestre 2025", "2025-Q3"), ("1st Quarter, 2026", "2026-Q1"),
    ("Décembre 2025", "2025-12"), ("2010/12", "2010-12"), ("31/12/2025", "2025-12-31"),
])
def test_deadlines_as_matrices_write_them(response: Path, words: str, deadline: str) -> None:
    _set(response, "MR-1#1.2", f"deadline={words}")
    assert _action(response)["deadline"] == deadline


def test_a_deadline_that_is_no_date_becomes_the_note(response: Path) -> None:
    new = _set(response, "MR-1#1.2", "deadline=Continu")
    assert changed_lines(RECORD, new) == ["-        deadline:   2024-09-30",
                                          "+        deadline_note: Continu"]
    _set(response, "MR-1#1.2", "deadline=2025-Q2")
    action = _action(response)
    assert (action["deadline"], action.get("deadline_note")) == ("2025-Q2", None)


def test_words_for_a_deadline_go_in_deadline_note(response: Path) -> None:
    _set(response, "MR-1#R2/1.1", "deadline_note=Before the next country programme")
    assert _action(response, 1, 0)["deadline_note"] == "Before the next country programme"


@pytest.mark.parametrize(("args", "message"), [
    (["deadline=2025-03", "--reason", "x"], "moves none for action 1.1 (it had no deadline"),
])
def test_a_reason_needs_a_deadline_that_moves(response: Path, args: list[str],
                                              message: str) -> None:
    result = run_cli("set", "MR-1#R2/1.1", *args, cwd=response)
    assert result.returncode == 2
    assert message in result.stderr
    assert (response / PATH).read_text(encoding="utf-8") == RECORD


def test_a_note_dated_when_it_happened_joins_the_updates_in_order(response: Path) -> None:
    new = _set(response, "MR-1#1.2", "--note", "Kick-off", "--note-date", "2024-01-05",
               "--as-of", "2024-03-01")
    assert changed_lines(RECORD, new) == ["+          - {date: 2024-01-05, text: Kick-off}"]
    assert _action(response)["updates"] == [{"date": "2024-01-05", "text": "Kick-off"},
                                            {"date": "2024-01-10", "text": "Draft shared."}]


def test_a_note_dated_in_the_future_is_refused(response: Path) -> None:
    result = run_cli("set", "MR-1#1.2", "--note", "x", "--note-date", "2024-04-01",
                     "--as-of", "2024-03-01", cwd=response)
    assert result.returncode == 1
    assert "--note-date 2024-04-01 is after today (2024-03-01)" in result.stderr
    assert (response / PATH).read_text(encoding="utf-8") == RECORD


def test_the_other_version_2_fields(response: Path) -> None:
    _set(response, "MR-1#1.2", "status=completed", "completed_on=2024-05-02",
         "validated=me-unit", "evidence=https://example.org/report.pdf, docs/minutes.pdf",
         "comments=Voir le rapport annuel.", "--as-of", "2024-06-01")
    action = _action(response)
    assert action["validated"] == {"by": "me-unit", "on": "2024-06-01"}
    assert action["evidence"] == ["https://example.org/report.pdf", "docs/minutes.pdf"]
    assert action["comments"] == "Voir le rapport annuel."
    assert run_cli("validate", cwd=response).returncode == 0
    refused = run_cli("set", "MR-1#1.2", "validated=eval-ofice", cwd=response)
    assert refused.returncode == 1
    assert "validated: 'eval-ofice' is not in the owners registry" in refused.stderr


@pytest.mark.parametrize(("words", "decision", "kept"), [
    ("Agree", "accepted", "Agree"), ("Partiellement d'accord", "partially-accepted",
                                     "Partiellement d'accord"),
    ("En desacuerdo", "rejected", "En desacuerdo"), ("Noted", None, "Noted"),
    ("accepted", "accepted", None),
])
def test_a_decision_in_a_matrix_s_words(response: Path, words: str, decision: str | None,
                                        kept: str | None) -> None:
    result = run_cli("set", "MR-1#R2", f"decision={words}", "rationale=Sin fondos.",
                     cwd=response)
    assert result.returncode == 0, result.stderr
    answer = parse((response / PATH).read_bytes()).data["responses"][1]
    assert (answer.get("decision"), answer.get("decision_text"), answer["rationale"]) == (
        decision, kept, "Sin fondos.")


def test_a_decision_names_a_recommendation(response: Path) -> None:
    new = _set(response, "MR-1#R1", "decision=Agree")
    assert changed_lines(RECORD, new) == ["+    decision_text: Agree"]
    result = run_cli("set", "MR-1#R3", "decision=accepted", cwd=response)
    assert result.returncode == 2
    assert "MR-1 answers no recommendation 'R3'; did you mean" in result.stderr


def test_unknown_decision_words_are_refused_with_the_way_to_keep_them(response: Path) -> None:
    result = run_cli("set", "MR-1#R2", "decision=quizás", cwd=response)
    assert result.returncode == 1
    assert "'quizás'" in result.stderr
    assert "to keep words that give no decision, use decision_text=" in result.stderr
    assert (response / PATH).read_text(encoding="utf-8") == RECORD
