"""Reading matrices without files: dates, labels and owner names in Spanish, English, French
and Portuguese, and the two table layouts, from plain cell texts."""

from __future__ import annotations

import pytest
from conftest import REPO

from evalcheck.office.labels import (
    column_role,
    match_label,
    read_decision,
    read_priority,
    read_status,
    split_number,
    split_support,
)
from evalcheck.office.matrix import Block, read_matrix
from evalcheck.office.owners import OwnerIndex, guess_type, slug
from evalcheck.words.when import parse_when
from evalcheck.yamlload import parse


@pytest.mark.parametrize(("text", "iso"), [
    ("Noviembre 2023", "2023-11"), ("Noviembre 2023.", "2023-11"), ("noviembre de 2023", "2023-11"),
    ("Nov 2023", "2023-11"), ("nov. 2023", "2023-11"), ("Nov-23", "2023-11"),
    ("Setiembre 2023", "2023-09"), ("30 de junio de 2023", "2023-06-30"),
    ("Hasta junio 2023", "2023-06"), ("a más tardar el 15 de marzo de 2024", "2024-03-15"),
    ("November 2023", "2023-11"), ("June 30, 2023", "2023-06-30"), ("30 June 2023", "2023-06-30"),
    ("By end of June 2023", "2023-06"), ("Sept 2023", "2023-09"),
    ("novembre 2023", "2023-11"), ("Décembre 2023", "2023-12"), ("1er juin 2023", "2023-06-01"),
    ("30 juin 2023", "2023-06-30"), ("août 2023", "2023-08"), ("d'ici juin 2023", "2023-06"),
    ("Novembro de 2023", "2023-11"), ("Março 2024", "2024-03"),
    ("30 de junho de 2023", "2023-06-30"),
    ("out. 2023", "2023-10"), ("dez 2023", "2023-12"),
    ("2023-11", "2023-11"), ("2023-11-30", "2023-11-30"), ("30/06/2023", "2023-06-30"),
    ("06/30/2023", "2023-06-30"), ("30.06.2023", "2023-06-30"), ("11/2023", "2023-11"),
    ("03/04/2023", "2023-04-03"),
    # UNDP ERC writes dates year first with slashes: "[Added: 2012/10/07]", due "2019/03"
    ("2012/10/07", "2012-10-07"), ("2019/03", "2019-03"), ("2012.10.07", "2012-10-07"),
])
def test_deadlines_in_four_languages(text: str, iso: str) -> None:
    assert parse_when(text) == iso


@pytest.mark.parametrize("text", [
    "Q3 2023", "2023", "Continuo", "Permanente", "ongoing", "Diciembre 2023 - Marzo 2024",
    "31/02/2023", "2023-13", "pronto", "Brumaire 2023", "2012/10-07", "2012/13/01",
])
def test_what_is_not_one_date_is_not_read(text: str) -> None:
    assert parse_when(text) is None


def test_day_and_month_that_could_swap_follow_the_document() -> None:
    assert parse_when("03/04/2023", day_first=False) == "2023-03-04"
    assert parse_when("03/04/2023", day_first=None) is None
    assert parse_when("13/04/2023", day_first=None) == "2023-04-13"


@pytest.mark.parametrize(("header", "role"), [
    ("Acción", "action"), ("Acciones clave", "action"), ("Action", "action"),
    ("Key actions", "action"), ("Mesures", "action"), ("Ação", "action"),
    ("Plazo o fecha límite", "deadline"), ("Deadline", "deadline"), ("Échéance", "deadline"),
    ("Prazo", "deadline"), ("Time frame", "deadline"),
    ("Persona responsable", "responsible"), ("Responsible unit(s)", "responsible"),
    ("Responsable", "responsible"), ("Responsável", "responsible"),
    ("Estado", "status"), ("Status", "status"), ("Statut", "status"), ("Situação", "status"),
    ("Estado de implementación", "status"),
    ("Comentarios", "comments"), ("Comments", "comments"), ("Commentaires", "comments"),
    ("Recomendación", "recommendation"), ("Recommendation", "recommendation"),
    ("Recommandation", "recommendation"), ("Recomendação", "recommendation"),
    ("Nivel de prioridad (1 a 3)", "priority"), ("Priority", "priority"),
    ("Priorité", "priority"), ("Prioridade", "priority"),
    ("Respuesta gerencial", "decision"), ("Management response", "decision"),
    ("Réponse de la direction", "decision"), ("Resposta da gestão", "decision"),
    ("Acompañan", "supporting"), ("Supported by", "supporting"), ("Appui", "supporting"),
    ("Seguimiento a implementación", "follow_up"), ("Suivi", "follow_up"),
    ("Recomendación dirigida a:\nEquipo", None), ("Nivel de prioridad (1 a 3): 2", None),
    ("1.1 Realizar un relevamiento", None), ("Noviembre 2023", None),
])
def test_column_headers_in_four_languages(header: str, role: str | None) -> None:
    assert column_role(header) == role


@pytest.mark.parametrize(("cell", "label", "number", "value"), [
    ("Recomendaciones de evaluación No. 3\nFortalecer", "recommendation", "3", "Fortalecer"),
    ("Recommendation 2: Strengthen", "recommendation", "2", "Strengthen"),
    ("Recommandation n° 4", "recommendation", "4", ""),
    ("Recomendação 5 - Reforçar", "recommendation", "5", "Reforçar"),
    ("Recomendación dirigida a:\nUnidad", "addressed_to", "", "Unidad"),
    ("Addressed to: M&E Unit", "addressed_to", "", "M&E Unit"),
    ("Destinataire : Unité", "addressed_to", "", "Unité"),
    ("Nivel de prioridad (1 a 3): 2", "priority", "", "2"),
    ("Priority level: High", "priority", "", "High"),
    ("Priorité : 1", "priority", "", "1"),
    ("Nível de prioridade: 3", "priority", "", "3"),
    ("Respuesta gerencial a la recomendación (aceptar/aceptar parcialmente/rechazar)",
     "decision", "", ""),
    ("Management response to the recommendation: Accepted", "decision", "", "Accepted"),
    ("Réponse de la direction : Acceptée", "decision", "", "Acceptée"),
    ("Resposta da gestão (aceitar/rejeitar): Aceita", "decision", "", "Aceita"),
    ("Persona responsable por completar la matriz de seguimiento:", "owner", "", ""),
    ("Person responsible for completing the matrix: Ana Ruiz", "owner", "", "Ana Ruiz"),
    ("Comentarios generales sobre el proceso de evaluación:\nTexto", "comments", "", "Texto"),
    ("Título de la evaluación y año:", "title", "", ""),
    # header lines above or beside the table (issue 13)
    ("Personne responsable de remplir la matrice : Awa Diallo", "owner", "", "Awa Diallo"),
    ("Prepared by: Jone Ratu", "owner", "", "Jone Ratu"),
    ("Préparé par : Awa Diallo", "owner", "", "Awa Diallo"),
    ("Elaborado por: Ana Ruiz", "owner", "", "Ana Ruiz"),
    ("Preenchido por: João Silva", "owner", "", "João Silva"),
    ("Position: Programme Analyst", "position", "", "Programme Analyst"),
    ("Cargo: Oficial de Monitoreo", "position", "", "Oficial de Monitoreo"),
    ("Unit/Bureau: Environment Unit", "unit", "", "Environment Unit"),
    ("Date : 15 mars 2024", "date", "", "15 mars 2024"),
    ("Date of the management response: 2 March 2018", "date", "", "2 March 2018"),
    ("Fecha de la respuesta: 10/05/2024", "date", "", "10/05/2024"),
    ("Data: 3 de abril de 2024", "date", "", "3 de abril de 2024"),
    ("Commentaires généraux : Merci", "comments", "", "Merci"),
    ("Evaluation recommendation 1. Strengthen", "recommendation", "1", "Strengthen"),
    ("Recommandation de l'évaluation 2 : Renforcer", "recommendation", "2", "Renforcer"),
])
def test_row_labels_in_four_languages(cell: str, label: str, number: str, value: str) -> None:
    found = match_label(cell)
    assert found is not None
    assert (found[0], found[1], found[2].strip()) == (label, number, value)


@pytest.mark.parametrize("cell", ["Persona responsable", "1.1 Realizar", "Red Regional",
                                  "Date limite", "Fecha límite", "Position of the office",
                                  "Unit"])
def test_cells_that_are_not_row_labels(cell: str) -> None:
    assert match_label(cell) is None


@pytest.mark.parametrize(("value", "decision", "remark"), [
    ("Aceptar", "accepted", ""), ("Aceptada. Se hará en 2024.", "accepted", "Se hará en 2024."),
    ("Aceptada parcialmente: sin fondos", "partially-accepted", "sin fondos"),
    ("Rechazada", "rejected", ""), ("Accepted", "accepted", ""),
    ("Partially accepted", "partially-accepted", ""), ("Not accepted", "rejected", ""),
    ("Acceptée", "accepted", ""), ("Partiellement acceptée", "partially-accepted", ""),
    ("Rejetée", "rejected", ""), ("Aceita", "accepted", ""),
    ("Parcialmente aceita", "partially-accepted", ""), ("Rejeitada", "rejected", ""),
    ("☐ Aceptar ☒ Aceptar parcialmente ☐ Rechazar", "partially-accepted", ""),
    ("[x] Accept [ ] Reject", "accepted", ""),
])
def test_decisions_in_four_languages(value: str, decision: str, remark: str) -> None:
    assert read_decision(value) == (decision, remark, True)


@pytest.mark.parametrize(("value", "understood"), [
    ("", True), ("☐ Aceptar ☐ Rechazar", True), ("quizás", False), ("Aceptar y rechazar?", True),
])
def test_no_decision_is_never_guessed(value: str, understood: bool) -> None:
    decision, _, ok = read_decision(value)
    assert ok is understood
    if value != "Aceptar y rechazar?":
        assert decision is None


@pytest.mark.parametrize(("value", "status"), [
    ("No iniciada", "not-started"), ("Pendiente", "not-started"), ("Not started", "not-started"),
    ("Non commencée", "not-started"), ("Não iniciada", "not-started"),
    ("En curso", "in-progress"), ("In progress", "in-progress"), ("En cours", "in-progress"),
    ("Em andamento", "in-progress"), ("Implementada parcialmente", "in-progress"),
    ("Completada", "completed"), ("Completed", "completed"), ("Achevée", "completed"),
    ("Concluída", "completed"), ("Implementada", "completed"),
    ("No aplica", "no-longer-applicable"), ("No longer applicable", "no-longer-applicable"),
    ("Sans objet", "no-longer-applicable"), ("Não se aplica", "no-longer-applicable"),
    ("casi listo", None), ("", None),
])
def test_statuses_in_four_languages(value: str, status: str | None) -> None:
    assert read_status(value) == status


@pytest.mark.parametrize(("value", "priority"), [
    ("1", 1), ("3", 3), ("2/3", 2), ("Alta", 1), ("Medium", 2), ("Basse", 3), ("Baixa", 3),
    ("4", None), ("urgentísima", None),
])
def test_priorities(value: str, priority: int | None) -> None:
    assert read_priority(value) == priority


@pytest.mark.parametrize(("cell", "responsible", "supporting"), [
    ("PSU\n\nAcompañan: Unidad de Política y Enlace", "PSU", "Unidad de Política y Enlace"),
    ("PSU\nAcompaña: Red Regional", "PSU", "Red Regional"),
    ("M&E Unit\nSupported by: Programme Unit", "M&E Unit", "Programme Unit"),
    ("Unité S&E\nAppui : Unité programme", "Unité S&E", "Unité programme"),
    ("Unidade de M&A\nApoio: Unidade de programa", "Unidade de M&A", "Unidade de programa"),
    ("PSU", "PSU", ""),
])
def test_supporting_owners_follow_their_label(cell: str, responsible: str,
                                              supporting: str) -> None:
    got = split_support(cell)
    assert (got[0].strip(), got[1].strip()) == (responsible, supporting)


@pytest.mark.parametrize(("cell", "number", "rest"), [
    ("1.1 Realizar", "1.1", "Realizar"), ("4.3. Organizar", "4.3", "Organizar"),
    ("10.1 Organizar", "10.1", "Organizar"), ("Action 2: Hold", "2", "Hold"),
    ("2023-24 plan", "", "2023-24 plan"), ("Realizar", "", "Realizar"),
    ("R1.1: Review the indicators", "1.1", "Review the indicators"),  # UNDP ERC 9722
    ("R2.3 Hold", "2.3", "Hold"), ("R1: not an action number", "", "R1: not an action number"),
])
def test_action_numbers(cell: str, number: str, rest: str) -> None:
    assert split_number(cell) == (number, rest)


@pytest.fixture(scope="module")
def registry() -> OwnerIndex:
    return OwnerIndex(parse((REPO / "records/owners.yaml").read_bytes()).data["owners"])


@pytest.mark.parametrize(("cell", "ids"), [
    ("Oficial Regional de Políticas y de Enlace y el PSU", ["roba-policy-liaison-officer", "psu"]),
    ("Oficial Regional de Políticas y de Enlace y Oficial Regional de Datos.",
     ["roba-policy-liaison-officer", "roba-data-officer"]),
    ("Unidad de Implementación y Apoyo de Proyectos Regionales y Unidad de Implementación ",
     ["regional-projects-implementation-support-unit", "implementation-unit"]),
    ("· Equipo Desarrollador del Proyecto \n· Unidad de Implementación ",
     ["project-development-team", "implementation-unit"]),
    ("- Unidad de Implementación\n- Puntos Focales ", ["implementation-unit", "pmm-focal-points"]),
    ("Lidera PF UNICEF y acompaña la Red Regional. ",
     ["unicef-focal-point", "regional-un-network"]),
    ("Red Regional, en particular la UNICEF", ["regional-un-network", "unicef"]),
    ("PFs PMM de cada misión, Migration Network Hub, y KM OR BA. ",
     ["pmm-focal-points", "migration-network-hub", "roba-knowledge-management-unit"]),
    ("RO SJ, Red Regional, PFs PMM de cada misión y la Unidad de Comunicación de OR BA y OR SJ.",
     ["iom-regional-office-san-jose", "regional-un-network", "pmm-focal-points",
      "roba-communication-unit", "rosj-communication-unit"]),
    ("RO SJ, CEPAL, en calidad de co-chair, el GT-SC, y las AFPs de la Red Regional.",
     ["iom-regional-office-san-jose", "cepal", "gt-sc", "regional-un-network-afps"]),
    ("Secretaria de la Red y OR SJ.", ["unnm-secretariat", "iom-regional-office-san-jose"]),
    ("JdM y PFs PMM en cada misión. ", ["iom-chiefs-of-mission", "pmm-focal-points"]),
    ("Project Manager ", ["ezequiel-texido"]),
    ("EZEQUIEL TEXIDO", ["ezequiel-texido"]),
    ("ocrs", ["un-resident-coordinator-offices"]),
    ("Migration Management Services Department", ["iom-mms"]), ("MMS", ["iom-mms"]),
    ("LA RED REGIONAL", ["regional-un-network"]),  # all in capitals: "la" is still an article
])
def test_names_as_matrices_write_them_map_to_owner_ids(registry: OwnerIndex, cell: str,
                                                       ids: list[str]) -> None:
    found = registry.resolve(cell)
    assert (found.ids, found.added) == (ids, [])


@pytest.mark.parametrize("cell", [
    "Unidad de Género y Oficina de Datos", "Gender Unit and Data Office",
    "Unité genre et Bureau des données", "Unidade de Gênero e Escritório de Dados",
])
def test_unknown_pairs_become_two_owners_to_review(cell: str) -> None:
    index = OwnerIndex([{"id": "me-unit", "name": "M&E Unit", "type": "unit"}])
    found = index.resolve(cell)
    assert len(found.ids) == 2 and len(found.added) == 2
    assert [o["review"] for o in index.added] == [True, True]
    assert index.resolve(cell.upper()).ids == found.ids


def test_new_ids_are_kebab_case_and_unique() -> None:
    index = OwnerIndex([{"id": "m-e-unit", "name": "Monitoring", "type": "unit"}])
    assert index.resolve("M&E Unit").ids == ["m-e-unit-2"]
    assert index.resolve("Unidad de Género").ids == ["unidad-de-genero"]
    assert slug("Oficina de Coordinación — Región Andina (OCRA)") == \
        "oficina-de-coordinacion-region-andina-ocra"


def block(rows: list[list[str]], number: int = 1, kind: str = "table") -> Block:
    return Block(kind, number, tuple(tuple(r) for r in rows))


def test_an_english_matrix_in_blocks() -> None:
    blocks = [
        block([["Evaluation title and year:", "Final evaluation of the project - 2023"],
               ["Person responsible for completing the matrix:", "Ana Ruiz, M&E Officer"]]),
        block([["Recommendation 1: Strengthen the monitoring of the programme."] * 3,
               ["Addressed to: Programme Unit", "Priority: High", "Priority: High"],
               ["Management response: Partially accepted. Funding is limited."] * 3,
               ["Key actions", "Deadline", "Responsible unit(s)"],
               ["1.1 Hire an M&E officer.", "June 30, 2024", "Programme Unit"],
               ["1.2 Set up a dashboard.", "Q3 2024", "M&E Unit and Programme Unit"]], 2),
    ]
    matrix = read_matrix(blocks)
    assert matrix.language == "en" or matrix.language is None
    assert matrix.owner is not None and matrix.owner.text == "Ana Ruiz, M&E Officer"
    [rec] = matrix.recommendations
    assert (rec.number, rec.text, rec.priority, rec.decision, rec.remark) == (
        "1", "Strengthen the monitoring of the programme.", 1, "partially-accepted",
        "Funding is limited.")
    assert [(a.id, a.deadline) for a in rec.actions] == [("1.1", "2024-06-30"),
                                                        ("1.2", "2024-Q3")]
    assert matrix.notes == []


def test_a_french_tracker_with_one_row_per_action() -> None:
    rows = [["Recommandation", "Destinataire", "Priorité", "Réponse de la direction", "Action",
             "Échéance", "Responsable", "Statut", "Commentaires"],
            ["1. Renforcer le suivi.", "Unité S&E", "1", "Acceptée", "1.1 Recruter.",
             "30 juin 2024", "Unité S&E", "En cours", "Fiche de poste prête"],
            ["1. Renforcer le suivi.", "Unité S&E", "1", "Acceptée", "1.2 Former.",
             "décembre 2024", "Unité S&E\nAppui : Siège", "", ""],
            ["2. Évaluer la durabilité.", "Siège", "2", "Rejetée : hors mandat", "", "", "",
             "", ""]]
    matrix = read_matrix([Block("sheet", 1, tuple(tuple(r) for r in rows), "Suivi")])
    first, second = matrix.recommendations
    assert (first.number, first.decision, second.decision, second.remark) == (
        "1", "accepted", "rejected", "hors mandat")
    assert [(a.id, a.deadline, a.status, a.comments) for a in first.actions] == [
        ("1.1", "2024-06-30", "in-progress", "Fiche de poste prête"),
        ("1.2", "2024-12", None, "")]
    assert first.actions[1].supporting is not None
    assert first.actions[1].supporting.text == "Siège"
    assert second.actions == [] and matrix.notes == []


def test_a_portuguese_matrix_and_what_it_cannot_read() -> None:
    rows = [["Recomendação 3\nReforçar a coordenação."] * 4,
            ["Recomendação dirigida a: Unidade de Programa"] * 2 + ["Prioridade: 5"] * 2,
            ["Resposta da gestão: talvez"] * 4,
            ["Ação", "Prazo", "Responsável", "Cor"],
            ["Fazer reuniões.", "Dezembro 2024", "Unidade de Programa", "azul"]]
    matrix = read_matrix([Block("table", 4, tuple(tuple(r) for r in rows))])
    [rec] = matrix.recommendations
    assert (rec.number, rec.priority, rec.decision, rec.decision_text) == ("3", None, None,
                                                                            "talvez")
    assert [(a.id, a.deadline) for a in rec.actions] == [("3.1", "2024-12")]
    assert [str(n) for n in matrix.notes] == [
        "table 4, row 2, cell 3: priority '5' is not 1, 2 or 3 (or high, medium, low); left out",
        "table 4, row 3, cell 1: management response 'talvez' is not a decision evalcheck "
        "knows (agree, partially agree, disagree, noted, in any of the four languages): kept "
        "as decision_text, no decision",
        "table 4, row 5, cell 4: not read: 'azul' (its column has no header evalcheck knows)",
        "table 4, row 5, cell 1: the action has no number; numbered 3.1 by its position"]


def test_an_action_table_split_across_pages_keeps_its_columns() -> None:
    header = ["Acción", "Plazo", "Persona responsable"]
    blocks = [block([["Recomendación 1: Hacer algo."] * 3, header,
                     ["1.1 Primera.", "Mayo 2024", "PSU"]], 1),
              block([["1.2 Segunda.", "Junio 2024", "PSU"]], 2)]
    [rec] = read_matrix(blocks).recommendations
    assert [(a.id, a.deadline) for a in rec.actions] == [("1.1", "2024-05"), ("1.2", "2024-06")]


@pytest.mark.parametrize(("name", "ident"), [
    ("Partenaires de mise en œuvre", "partenaires-de-mise-en-oeuvre"),
    ("Cœur de métier", "coeur-de-metier"), ("Équipe Æther", "equipe-aether"),
    ("Straße und Brücken", "strasse-und-brucken"), ("Søren Ødegård", "soren-odegard"),
    ("Unité S&E", "unite-s-e"), ("Oficina de Coordinación", "oficina-de-coordinacion"),
])
def test_owner_ids_transliterate(name: str, ident: str) -> None:
    assert slug(name) == ident


def test_a_ligature_matches_its_two_letters() -> None:
    index = OwnerIndex([{"id": "pmo", "name": "Partenaires de mise en oeuvre"}])
    assert index.resolve("Partenaires de mise en œuvre").ids == ["pmo"]


@pytest.mark.parametrize(("name", "kind"), [
    ("Chef de programme", "person"), ("Cheffe de projet", "person"),
    ("Oficial de Monitoreo y Evaluación", "person"), ("M&E Officer", "person"),
    ("Programme Coordinator", "person"), ("Représentant résident adjoint", "person"),
    ("Resident Representative", "person"), ("Chargée de suivi-évaluation", "person"),
    ("Point focal genre", "person"), ("Coordonnateur national", "person"),
    ("Unité de communication", "unit"), ("Senior Management", "unit"),
    ("Partenaires de mise en œuvre", "unit"), ("Ministerio de Salud", "unit"),
])
def test_posts_and_titles_are_people(name: str, kind: str) -> None:
    assert guess_type(name) == kind


@pytest.mark.parametrize(("cell", "names"), [
    ("Unité S&E / Unité de communication", ["Unité S&E", "Unité de communication"]),
    ("Unité S&E, Unité de communication", ["Unité S&E", "Unité de communication"]),
    ("Unité S&E; Unité de communication", ["Unité S&E", "Unité de communication"]),
    ("Environment Unit and Energy Unit", ["Environment Unit", "Energy Unit"]),
    ("Unité S&E et Unité de communication", ["Unité S&E", "Unité de communication"]),
    ("Unidad de Género y Unidad Legal", ["Unidad de Género", "Unidad Legal"]),
    ("UNDP/UNICEF", ["UNDP", "UNICEF"]),
    ("N/A", ["N/A"]),
])
def test_a_responsible_cell_naming_several_splits(cell: str, names: list[str]) -> None:
    index = OwnerIndex([])
    index.resolve(cell)
    assert [o["name"] for o in index.added] == names


def test_header_lines_beside_the_table_fill_the_response() -> None:
    """A two-column header table above the matrix: the label in one cell, its value in the
    next, with or without a colon."""
    header = Block("table", 1, (("Préparé par", "Awa Diallo, Chargée de suivi-évaluation"),
                                ("Date", "15/03/2024"),
                                ("Unité :", "Unité S&E"),
                                ("Commentaires généraux", "Merci à l'équipe.")))
    matrix = read_matrix([header, Block("table", 2, (
        ("Recommandation", "Réponse de la direction", "Actions clés", "Échéance"),
        ("1. Renforcer le suivi.", "Acceptée", "1.1 Recruter", "T3 2024")))])
    assert matrix.owner is not None and matrix.owner.text.startswith("Awa Diallo")
    assert (matrix.date, matrix.comments) == ("2024-03-15", "Merci à l'équipe.")
    assert matrix.owner_unit is not None and matrix.owner_unit.text == "Unité S&E"
    assert [a.deadline for a in matrix.recommendations[0].actions] == ["2024-Q3"]
    assert matrix.notes == []



@pytest.mark.parametrize(("cell", "name"), [
    ("UN Agencies", "UN Agencies"),          # an acronym in capitals, not the article "un"
    ("un comité de pilotage", "comité de pilotage"), ("Un Comité", "Comité"),
    ("LA OFICINA DE PAÍS", "OFICINA DE PAÍS"), ("the Ministry", "Ministry"),
    ("L'Unité de suivi", "Unité de suivi"),
])
def test_articles_are_dropped_acronyms_kept(cell: str, name: str) -> None:
    from evalcheck.office.owners import _clean

    assert _clean(cell) == name
