"""`evalcheck import matrix`: Word and Excel matrices shaped like seed 002, built here with
python-docx and openpyxl, imported by the real CLI into a temporary repository, must give
the bundled record of seed 002 (records/responses/MR-2022-ROBA-UNNM.yaml)."""

from __future__ import annotations

import difflib
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import seed002
from conftest import REPO, git, run_cli, write_files
from office_files import seed_docx, seed_xlsx_blocks, seed_xlsx_rows
from records_kit import evaluation

from evalcheck.yamlload import parse

RESPONSE = "records/responses/MR-2022-ROBA-UNNM.yaml"
EVALUATION = "records/evaluations/EV-2022-ROBA-UNNM.yaml"
BARE_EVALUATION = """\
# Seed 002's evaluation before its recommendations are typed in.
kind: evaluation
id: EV-2022-ROBA-UNNM
title: Fortalecimiento del rol de la OIM como coordinadora de la Red de Naciones Unidas
status: completed
owner: ezequiel-texido   # the project manager
type: mid-term
source: seeds/002_58bd593c7a270f5e.txt
language: es
"""
BUILDERS: dict[str, Callable[[Path], Path]] = {
    "docx": seed_docx, "xlsx-blocks": seed_xlsx_blocks, "xlsx-rows": seed_xlsx_rows}


def load(path: Path) -> Any:
    doc = parse(path.read_bytes())
    assert not doc.findings
    return doc.data


@pytest.fixture
def seed_repo(tmp_path: Path) -> Path:
    """A git repository holding the bundled owners registry and seed 002's evaluation."""
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    for name in ("records/owners.yaml", EVALUATION):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(REPO / name, root / name)
    return root


@pytest.fixture(scope="session")
def seed_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Seed 002 as a Word file and two Excel files, built once (python-docx is slow at it)."""
    folder = tmp_path_factory.mktemp("matrices")
    return {kind: build(folder / ("seed002.docx" if kind == "docx" else f"{kind}.xlsx"))
            for kind, build in BUILDERS.items()}


@pytest.mark.parametrize("kind", list(BUILDERS))
def test_import_reproduces_the_seed_002_record(seed_repo: Path, seed_files: dict[str, Path],
                                               kind: str) -> None:
    owners_before = (seed_repo / "records/owners.yaml").read_bytes()
    evaluation_before = (seed_repo / EVALUATION).read_bytes()
    result = run_cli("import", "matrix", str(seed_files[kind]),
                     "--evaluation", "EV-2022-ROBA-UNNM", cwd=seed_repo)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Read 13 recommendations and 22 actions." in result.stdout
    assert "no decision on 13 of 13 recommendations; no status for 22 of 22 actions" \
        in result.stdout

    got, want = load(seed_repo / RESPONSE), load(REPO / RESPONSE)
    for key in ("kind", "id", "evaluation", "owner", "comments", "language"):
        assert got[key] == want[key], key
    assert [r["recommendation"] for r in got["responses"]] == \
        [r["recommendation"] for r in want["responses"]]
    assert len(got["responses"]) == 13
    got_actions = [a for r in got["responses"] for a in r["actions"]]
    want_actions = [a for r in want["responses"] for a in r["actions"]]
    assert [a["id"] for a in got_actions] == [a["id"] for a in want_actions]
    assert len(got_actions) == 22
    for mine, theirs in zip(got_actions, want_actions, strict=True):
        for field in ("description", "deadline", "responsible", "supporting"):
            assert mine.get(field) == theirs.get(field), (mine["id"], field)
        assert set(mine) <= {"id", "description", "deadline", "responsible", "supporting"}
    assert not any("decision" in r for r in got["responses"])
    assert [r.get("notes") for r in got["responses"]] == [r.get("notes") for r in want["responses"]]
    assert (seed_repo / "records/owners.yaml").read_bytes() == owners_before
    assert (seed_repo / EVALUATION).read_bytes() == evaluation_before
    lint = run_cli("validate", cwd=seed_repo)
    assert lint.returncode == 0, lint.stdout


def test_recommendations_go_into_an_evaluation_that_has_none(
        seed_repo: Path, seed_files: dict[str, Path]) -> None:
    (seed_repo / EVALUATION).write_text(BARE_EVALUATION, encoding="utf-8")
    result = run_cli("import", "matrix", str(seed_files["docx"]),
                     "--evaluation", "EV-2022-ROBA-UNNM", cwd=seed_repo)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Added the 13 recommendations to records/evaluations/EV-2022-ROBA-UNNM.yaml" \
        in result.stdout
    got = load(seed_repo / EVALUATION)["recommendations"]
    want = load(REPO / EVALUATION)["recommendations"]
    assert got == want
    text = (seed_repo / EVALUATION).read_text(encoding="utf-8")
    diff = [d for d in difflib.ndiff(BARE_EVALUATION.splitlines(), text.splitlines())
            if d.startswith(("- ", "+ ", "? "))]
    assert all(d.startswith("+ ") for d in diff)
    assert diff[0] == "+ recommendations:"
    assert text.index("recommendations:") < text.index("source:")
    assert text.startswith("# Seed 002's evaluation")
    assert "owner: ezequiel-texido   # the project manager" in text


def test_unknown_names_join_the_registry_for_review(seed_repo: Path, tmp_path: Path) -> None:
    registry = seed_repo / "records/owners.yaml"
    before = registry.read_text(encoding="utf-8")
    recs = [dict(seed002.RECOMMENDATIONS[11]), dict(seed002.RECOMMENDATIONS[12])]
    recs[1]["actions"] = [("13.1 Organizar una capacitación anual.", "Junio 2023",
                           "Unidad de Género y Oficial de Monitoreo\n\nAcompañan: PSU")]
    docx = seed_docx(tmp_path / "new-names.docx", recs)
    result = run_cli("import", "matrix", str(docx), "--evaluation", "EV-2022-ROBA-UNNM",
                     cwd=seed_repo)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Added 2 owners to records/owners.yaml with review: true" in result.stdout
    assert "table 3, row 7, cell 3: 'Unidad de Género' (responsible for action 13.1) is not " \
           "in the owners registry: added as unidad-de-genero, marked for review" in result.stdout
    after = registry.read_text(encoding="utf-8")
    diff = [d for d in difflib.ndiff(before.splitlines(), after.splitlines())
            if d.startswith(("- ", "+ "))]
    assert diff == ["+   - id: unidad-de-genero", "+     name: Unidad de Género",
                    "+     type: unit", "+     review: true", "+   - id: oficial-de-monitoreo",
                    "+     name: Oficial de Monitoreo", "+     type: person",
                    "+     review: true"]
    actions = [a for r in load(seed_repo / RESPONSE)["responses"] for a in r["actions"]]
    assert actions[-1]["responsible"] == ["unidad-de-genero", "oficial-de-monitoreo"]
    assert actions[-1]["supporting"] == ["psu"]
    assert run_cli("lint", "--select", "owners", cwd=seed_repo).returncode == 0


def test_a_flow_style_registry_gets_flow_style_entries(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    git(root.parent, "init", "-q", "-b", "main", str(root))
    write_files(root, {
        "records/owners.yaml": """
            kind: owners
            owners:
              - {id: me-unit, name: M&E Unit, type: unit}   # evaluation office
        """,
        "records/ev.yaml": evaluation(title="A title", recommendations=None)})
    recs = [dict(seed002.RECOMMENDATIONS[12])]
    result = run_cli("import", "matrix", str(seed_docx(tmp_path / "m.docx", recs)),
                     "--evaluation", "EV-1", cwd=root)
    assert result.returncode == 1
    lines = (root / "records/owners.yaml").read_text(encoding="utf-8").splitlines()
    assert lines[:3] == ["kind: owners", "owners:",
                         "  - {id: me-unit, name: M&E Unit, type: unit}   # evaluation office"]
    assert lines[3:] == [
        "  - {id: ezequiel-texido, name: Ezequiel Texidó, type: person, role: Project Manager,"
        " review: true}",
        "  - {id: psu, name: PSU, type: unit, review: true}",
        "  - {id: unidad-de-politica, name: Unidad de Política, type: unit, review: true}",
        "  - {id: enlace, name: Enlace, type: unit, review: true}",
        "  - {id: unidad-de-implementacion, name: Unidad de Implementación, type: unit,"
        " review: true}",
        "  - {id: puntos-focales, name: Puntos Focales, type: unit, review: true}"]
    response = load(root / "records/responses/MR-1.yaml")
    assert response["owner"] == "ezequiel-texido"
    assert response["responses"][0]["actions"][0]["supporting"] == ["unidad-de-politica", "enlace"]
    assert run_cli("validate", cwd=root).returncode == 0


def test_unreadable_cells_are_reported_where_they_are_and_kept_in_their_words(seed_repo: Path,
                                                                   tmp_path: Path) -> None:
    import docx

    path = seed_docx(tmp_path / "broken.docx", seed002.RECOMMENDATIONS[:2])
    document = docx.Document(str(path))
    table = document.tables[2]
    table.cell(6, 1).text = "pronto"
    table.cell(6, 4).text = "casi listo"
    table.cell(2, 0).text = "Respuesta gerencial a la recomendación: quizás"
    document.save(str(path))
    result = run_cli("import", "matrix", str(path), "--evaluation", "EV-2022-ROBA-UNNM",
                     cwd=seed_repo)
    assert result.returncode == 1
    assert "table 3, row 7, cell 2: deadline 'pronto' is not a date evalcheck can read" \
        in result.stdout
    assert "table 3, row 7, cell 5: status 'casi listo' is not one evalcheck knows (not " \
           "started, in progress, completed, no longer applicable, in any of the four " \
           "languages): kept as status_text, no status" in result.stdout
    assert "table 3, row 3, cell 1: management response 'quizás' is not a decision evalcheck " \
           "knows" in result.stdout
    second = load(seed_repo / RESPONSE)["responses"][1]
    assert "decision" not in second and second["decision_text"] == "quizás"
    action = second["actions"][0]
    assert set(action) == {"id", "description", "responsible", "supporting", "deadline_note",
                           "status_text"}
    assert (action["deadline_note"], action["status_text"]) == ("pronto", "casi listo")


def test_decisions_and_statuses_are_read_when_given(seed_repo: Path, tmp_path: Path) -> None:
    import docx

    path = seed_docx(tmp_path / "filled.docx", seed002.RECOMMENDATIONS[:3])
    document = docx.Document(str(path))
    document.tables[1].cell(2, 0).text = "Respuesta gerencial a la recomendación: Aceptada"
    document.tables[2].cell(2, 0).text = ("Respuesta gerencial a la recomendación: Rechazada. "
                                         "No hay fondos.")
    document.tables[3].cell(6, 4).text = "En curso"
    document.tables[3].cell(7, 4).text = "Completada"
    document.tables[3].cell(7, 3).text = "Publicado en la intranet."
    document.save(str(path))
    result = run_cli("import", "matrix", str(path), "--evaluation", "EV-2022-ROBA-UNNM",
                     cwd=seed_repo)
    assert result.returncode == 0, result.stdout
    responses = load(seed_repo / RESPONSE)["responses"]
    assert responses[0]["decision"] == "accepted"
    assert (responses[1]["decision"], responses[1]["rationale"]) == ("rejected", "No hay fondos.")
    assert [a.get("status") for a in responses[2]["actions"]] == \
        ["in-progress", "completed", None]
    assert responses[2]["actions"][1]["comments"] == "Publicado en la intranet."


def test_an_existing_record_is_not_overwritten_without_force(
        seed_repo: Path, seed_files: dict[str, Path]) -> None:
    docx = str(seed_files["docx"])
    assert run_cli("import", "matrix", docx, "--evaluation", "EV-2022-ROBA-UNNM",
                   cwd=seed_repo).returncode == 0
    (seed_repo / RESPONSE).write_text("kept: true\n", encoding="utf-8")
    again = run_cli("import", "matrix", docx, "--evaluation", "EV-2022-ROBA-UNNM",
                    cwd=seed_repo)
    assert again.returncode == 2
    assert "already exists; use --force to replace it" in again.stderr
    assert (seed_repo / RESPONSE).read_text(encoding="utf-8") == "kept: true\n"
    forced = run_cli("import", "matrix", docx, "--evaluation", "EV-2022-ROBA-UNNM",
                     "--force", cwd=seed_repo)
    assert forced.returncode == 0
    assert load(seed_repo / RESPONSE)["id"] == "MR-2022-ROBA-UNNM"


def test_out_and_id_choose_where_and_what(seed_repo: Path, seed_files: dict[str, Path]) -> None:
    result = run_cli("import", "matrix", str(seed_files["xlsx-rows"]),
                     "--evaluation", "EV-2022-ROBA-UNNM", "--id", "MR-ROBA-2",
                     "--out", "records/mr2.yaml", cwd=seed_repo)
    assert result.returncode == 0, result.stdout + result.stderr
    assert load(seed_repo / "records/mr2.yaml")["id"] == "MR-ROBA-2"


@pytest.mark.parametrize(("args", "message"), [
    (["--evaluation", "EV-2022-ROBA-UNM"],
     "no evaluation with id 'EV-2022-ROBA-UNM' in the records; did you mean EV-2022-ROBA-UNNM?"),
])
def test_an_unknown_evaluation_is_a_usage_error(seed_repo: Path, seed_files: dict[str, Path],
                                                args: list[str], message: str) -> None:
    result = run_cli("import", "matrix", str(seed_files["docx"]), *args,
                     cwd=seed_repo)
    assert result.returncode == 2
    assert message in result.stderr
    assert not (seed_repo / "records/responses").exists()


@pytest.mark.parametrize(("name", "content", "message"), [
    ("matrix.doc", b"old word", "not a Word .docx or Excel .xlsx file (save it as .docx"),
    ("matrix.docx", b"not a zip", "cannot open it as a Word document"),
    ("matrix.xlsx", b"PK\x03\x04broken", "cannot open it as an Excel workbook"),
])
def test_files_that_are_not_office_documents(seed_repo: Path, tmp_path: Path, name: str,
                                             content: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    result = run_cli("import", "matrix", str(path), "--evaluation", "EV-2022-ROBA-UNNM",
                     cwd=seed_repo)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_a_document_without_a_matrix(seed_repo: Path, tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("Minutes of the steering committee")
    path = tmp_path / "minutes.docx"
    document.save(str(path))
    result = run_cli("import", "matrix", str(path), "--evaluation", "EV-2022-ROBA-UNNM",
                     cwd=seed_repo)
    assert result.returncode == 1
    assert "found no management response matrix" in result.stderr
    assert not (seed_repo / "records/responses").exists()


def test_recommendations_that_are_not_a_list_are_left_alone(seed_repo: Path,
                                                            tmp_path: Path) -> None:
    odd = BARE_EVALUATION + "recommendations: see the report, annex 2\n"
    (seed_repo / EVALUATION).write_text(odd, encoding="utf-8")
    docx = seed_docx(tmp_path / "one.docx", seed002.RECOMMENDATIONS[:1])
    result = run_cli("import", "matrix", str(docx), "--evaluation", "EV-2022-ROBA-UNNM",
                     cwd=seed_repo)
    assert result.returncode == 1
    assert "the evaluation's recommendations field is not a list of recommendations: left " \
           "as it is" in result.stdout
    assert (seed_repo / EVALUATION).read_text(encoding="utf-8") == odd
    assert load(seed_repo / RESPONSE)["responses"][0]["recommendation"] == "R1"
