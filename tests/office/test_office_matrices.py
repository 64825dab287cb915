"""Real matrices end to end (issue 13): a French Word matrix, a Word matrix in the UNDP ERC
layout and an Excel tracker with quarter deadlines, each built here with python-docx or
openpyxl the way field offices lay them out (see office_files.py), imported with the CLI, and
linted. Every status, decision, deadline, owner, date and comment lands where it belongs,
what has no value of the record model is kept in the document's words and listed, and lint
finds only the problems the documents really have."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from conftest import git, run_cli, write_files
from office_files import (
    ERC_RECOMMENDATIONS,
    FR_ROWS,
    QUARTER_ROWS,
    erc_docx,
    french_docx,
    quarters_xlsx,
)
from records_kit import evaluation, owner, owners

from evalcheck.yamlload import parse

OWNERS = owners(owner("me-office", name="Evaluation Office"),
                owner("unite-s-e", name="Unité de suivi-évaluation", aliases="[Unité S&E]"),
                owner("environment-unit", name="Environment Unit"),
                owner("programme-unit", name="Programme Unit"))


def _evaluation(ident: str, report_date: str, texts: list[str], owner: str) -> str:
    """The evaluation record as the report gives it, recommendations included."""
    return evaluation(ident, title=f"Evaluation {ident}", owner="me-office",
                      report_date=report_date, addressed_to=owner, block=True, recommendations=[
                          (f"R{n}", json.dumps(text, ensure_ascii=False))
                          for n, text in enumerate(texts, 1)])


def _texts(rows: Any) -> list[str]:
    return [text.split(" ", 1)[1] for text, _, _ in rows]


@pytest.fixture
def office(tmp_path: Path) -> Path:
    git(tmp_path, "init", "-q", "-b", "main")
    write_files(tmp_path, {
        "records/owners.yaml": OWNERS,
        "records/evaluations/pad.yaml": _evaluation("EV-2023-PAD", "2024-01-31",
                                                    _texts(FR_ROWS), "unite-s-e"),
        "records/evaluations/erc.yaml": _evaluation(
            "EV-2010-EE", "2010-09-30", [text for _, text, _, _ in ERC_RECOMMENDATIONS],
            "environment-unit"),
        "records/evaluations/reg.yaml": _evaluation("EV-2024-REG", "2024-03-31",
                                                    _texts(QUARTER_ROWS), "programme-unit")})
    return tmp_path


def _load(path: Path) -> Any:
    return parse(path.read_bytes()).data


def _import(office: Path, document: Path, evaluation: str) -> tuple[str, Any]:
    done = run_cli("import", "matrix", str(document), "--evaluation", evaluation, cwd=office)
    assert done.returncode == 1, done.stdout + done.stderr  # owners added: needs a look
    assert "Schema problems" not in done.stdout, done.stdout
    response = "MR-" + evaluation[3:]
    return done.stdout, _load(office / "records" / "responses" / f"{response}.yaml")


def _lint(office: Path, as_of: str, evaluation: str, response: str,
          added: set[str]) -> list[tuple[str, str]]:
    """The problems lint finds in the imported response; the evaluation it answers has none,
    and in the registry each owner the import added is flagged for review, nothing else."""
    done = run_cli("lint", "--as-of", as_of, "--format", "json", cwd=office)
    assert done.returncode in (0, 1), done.stderr
    found = json.loads(done.stdout)
    assert not [p for p in found if p["path"] == f"records/evaluations/{evaluation}.yaml"]
    review = [p for p in found if p["path"] == "records/owners.yaml"]
    assert {p["check"] for p in review} == {"owner-needs-review"}
    assert len(review) == len(added) and all(any(i in p["message"] for i in added)
                                             for p in review), review
    return sorted((p["check"], p["message"]) for p in found
                  if p["path"] == f"records/responses/{response}.yaml")


def test_a_french_word_matrix(office: Path, tmp_path: Path) -> None:
    out, mr = _import(office, french_docx(tmp_path / "matrice.docx"), "EV-2023-PAD")
    assert (mr["owner"], mr["date"]) == ("awa-diallo", "2024-03-15")
    assert mr["comments"].startswith("La direction remercie l'équipe d'évaluation")
    r1, r2, r3, r4 = mr["responses"]
    assert (r1["decision"], r1["decision_text"]) == ("accepted", "Acceptée")
    assert (r2["decision"], r2["decision_text"], r2["rationale"]) == (
        "partially-accepted", "Partiellement acceptée",
        "la stratégie sera intégrée au prochain programme pays.")
    assert (r3["decision"], r3["decision_text"], r3["rationale"]) == (
        "rejected", "Rejetée", "Le cadre juridique national ne permet pas un fonds commun.")
    assert "decision" not in r4 and r4["decision_text"] == "Pris note"
    assert "actions" not in r3
    actions = {a["id"]: a for r in (r1, r2, r4) for a in r["actions"]}
    assert actions["1.1"] == {
        "id": "1.1", "description": "Recruter un chargé de suivi-évaluation pour le programme",
        "deadline": "2024-Q3", "responsible": ["unite-s-e"], "status": "completed",
        "status_text": "Complétée", "comments": "Recrutement effectué en juillet 2024."}
    assert (actions["1.2"]["deadline"], actions["1.2"]["status_text"],
            actions["1.2"]["responsible"]) == (
        "2024-12-31", "En retard", ["unite-s-e", "partenaires-de-mise-en-oeuvre"])
    assert "status" not in actions["1.2"]
    assert (actions["2.1"]["deadline_note"], actions["2.1"]["status"]) == (
        "Avant la préparation du prochain programme pays", "not-started")
    assert (actions["2.2"]["deadline_note"], actions["2.2"]["responsible"]) == (
        "Continu", ["chef-de-programme", "representant-resident-adjoint"])
    assert (actions["4.1"]["deadline_note"], actions["4.1"]["status_text"]) == (
        "Sans échéance", "Initiée")
    assert not any("deadline" in a for a in (actions["2.1"], actions["2.2"], actions["4.1"]))

    owners = {o["id"]: o for o in _load(office / "records/owners.yaml")["owners"]}
    assert owners["awa-diallo"] == {"id": "awa-diallo", "name": "Awa Diallo", "type": "person",
                                    "role": "Chargée de suivi-évaluation", "review": True}
    assert owners["partenaires-de-mise-en-oeuvre"]["name"] == "Partenaires de mise en œuvre"
    assert {i: owners[i]["type"] for i in ("partenaires-de-mise-en-oeuvre",
                                           "chef-de-programme", "representant-resident-adjoint",
                                           "unite-de-communication")} == {
        "partenaires-de-mise-en-oeuvre": "unit", "chef-de-programme": "person",
        "representant-resident-adjoint": "person", "unite-de-communication": "unit"}
    assert "Added 5 owners to records/owners.yaml with review: true" in out
    assert ("Kept in the matrix's own words, with no value of the record model (5):\n"
            "  action 1.2: status_text 'En retard' (no status)\n"
            "  action 2.1: deadline_note 'Avant la préparation du prochain programme pays' "
            "(no date)\n"
            "  action 2.2: deadline_note 'Continu' (no date)\n"
            "  recommendation 4: decision_text 'Pris note' (no decision)\n"
            "  action 4.1: deadline_note 'Sans échéance' (no date)\n") in out
    assert "table 1, row 4, cell 4: deadline 'Avant la préparation du prochain programme " \
           "pays' is not a date evalcheck can read" in out

    problems = _lint(office, "2025-03-31", "pad", "MR-2023-PAD", {
        "awa-diallo", "partenaires-de-mise-en-oeuvre", "chef-de-programme",
        "representant-resident-adjoint", "unite-de-communication"})
    assert problems == EXPECTED_FRENCH, problems


# What the French matrix really leaves open on 31 March 2025: no completion date for the
# recruitment, three actions with no date, a late action with no status, three actions with
# no news for a year, and "Pris note" for an answer.
EXPECTED_FRENCH = [
    ("completed-without-date", "action 1.1 is completed with no completed_on"),
    ("no-fixed-deadline", "action 2.1 has no fixed deadline (deadline_note: 'Avant la "
                          "préparation du prochain programme pays')"),
    ("no-fixed-deadline", "action 2.2 has no fixed deadline (deadline_note: 'Continu')"),
    ("no-fixed-deadline", "action 4.1 has no fixed deadline (deadline_note: 'Sans échéance')"),
    ("past-due-action", "action 1.2 is 90 days past due (deadline 2024-12-31, status not "
                        "reported)"),
    ("stale-action", "no update on action 2.1 for 381 days (none since the response of "
                     "2024-03-15)"),
    ("stale-action", "no update on action 2.2 for 381 days (none since the response of "
                     "2024-03-15)"),
    ("stale-action", "no update on action 4.1 for 381 days (none since the response of "
                     "2024-03-15)"),
    ("unanswered-recommendation", "recommendation R4 is answered 'Pris note', which is not a "
                                  "decision")]


def test_an_erc_word_matrix(office: Path, tmp_path: Path) -> None:
    out, mr = _import(office, erc_docx(tmp_path / "management-response.docx"), "EV-2010-EE")
    assert (mr["owner"], mr["date"]) == ("jone-ratu", "2010-11-15")
    r1, r2, r3 = mr["responses"]
    assert (r1["decision"], r1["decision_text"]) == ("accepted", "Agree")
    assert (r2["decision"], r2["decision_text"], r2["rationale"]) == (
        "partially-accepted", "Partially agree",
        "as resource mobilisation depends on the Government's priorities.")
    assert ("decision" not in r3, r3["decision_text"], "actions" not in r3) == (
        True, "Noted", True)
    actions = {a["id"]: a for r in (r1, r2) for a in r["actions"]}
    assert (actions["1.1"]["deadline"], actions["1.1"]["status"],
            actions["1.1"]["comments"]) == (
        "2010-12", "completed", "Framework shared with the Government in January 2011.")
    assert "status_text" not in actions["1.1"]
    assert (actions["1.2"]["deadline"], actions["1.2"]["status"],
            actions["1.2"]["status_text"], actions["1.2"]["responsible"]) == (
        "2011-Q1", "in-progress", "Overdue-Initiated", ["environment-unit", "m-e-focal-point"])
    assert (actions["2.1"]["deadline"], actions["2.1"]["status"],
            actions["2.1"]["status_text"]) == ("2011-06", "not-started", "Not initiated")
    assert (actions["2.2"]["deadline_note"], actions["2.2"]["status_text"]) == (
        "No deadline established", "No deadline established")
    assert "status" not in actions["2.2"] and "deadline" not in actions["2.2"]

    owners = {o["id"]: o for o in _load(office / "records/owners.yaml")["owners"]}
    assert owners["jone-ratu"] == {"id": "jone-ratu", "name": "Jone Ratu", "type": "person",
                                   "role": "Programme Analyst", "parent": "environment-unit",
                                   "review": True}
    assert (owners["m-e-focal-point"]["type"], owners["resident-representative"]["type"],
            owners["senior-management"]["type"]) == ("person", "person", "unit")
    assert "paragraph 6: not read: 'Cleared by: Deputy Resident Representative' (a header " \
           "line evalcheck has no field for)" in out

    problems = _lint(office, "2011-08-31", "erc", "MR-2010-EE", {
        "jone-ratu", "m-e-focal-point", "senior-management", "resident-representative"})
    assert problems == EXPECTED_ERC, problems


# On 31 August 2011: the framework's completion date is missing, the training ("Overdue-
# Initiated") and the resource plan are past due, the round table has no deadline and no news,
# and recommendation 3 was only "Noted".
EXPECTED_ERC = [
    ("completed-without-date", "action 1.1 is completed with no completed_on"),
    ("no-fixed-deadline", "action 2.2 has no fixed deadline (deadline_note: 'No deadline "
                          "established')"),
    ("past-due-action", "action 1.2 is 153 days past due (deadline 2011-Q1, status "
                        "in-progress)"),
    ("past-due-action", "action 2.1 is 62 days past due (deadline 2011-06, status "
                        "not-started)"),
    ("stale-action", "no update on action 2.2 for 289 days (none since the response of "
                     "2010-11-15)"),
    ("unanswered-recommendation", "recommendation R3 is answered 'Noted', which is not a "
                                  "decision")]


def test_an_excel_tracker_with_quarter_deadlines(office: Path, tmp_path: Path) -> None:
    out, mr = _import(office, quarters_xlsx(tmp_path / "plan.xlsx"), "EV-2024-REG")
    assert (mr["owner"], mr["date"]) == ("m-e-officer", "2024-05-10")
    r1, r2 = mr["responses"]
    assert (r1["decision"], r2["decision"]) == ("accepted", "partially-accepted")
    assert "decision_text" not in r1 and "decision_text" not in r2  # the values themselves
    deadlines = {a["id"]: a.get("deadline") for r in (r1, r2) for a in r["actions"]}
    assert deadlines == {"1.1": "2024-Q3", "1.2": "2025-Q1", "2.1": "2025", "2.2": "2024-Q4"}
    text = (office / "records/responses/MR-2024-REG.yaml").read_text(encoding="utf-8")
    assert 'deadline: "2025"\n' in text and "deadline: 2024-Q3\n" in text
    assert r1["actions"][1]["responsible"] == ["programme-unit", "field-offices"]
    assert r1["actions"][0]["comments"] == "Chosen in August 2024."
    assert "no status for 1 of 4 actions" in out

    problems = _lint(office, "2025-02-15", "reg", "MR-2024-REG", {"m-e-officer",
                                                                  "field-offices"})
    assert problems == EXPECTED_XLSX, problems


# On 15 February 2025: "Q4 2024" has passed for the review with no status, two actions have
# no news since the response, and the software choice has no completion date.
EXPECTED_XLSX = [
    ("completed-without-date", "action 1.1 is completed with no completed_on"),
    ("past-due-action", "action 2.2 is 46 days past due (deadline 2024-Q4, status not "
                        "reported)"),
    ("stale-action", "no update on action 1.2 for 281 days (none since the response of "
                     "2024-05-10)"),
    ("stale-action", "no update on action 2.1 for 281 days (none since the response of "
                     "2024-05-10)")]
