"""Statuses and decisions as real matrices write them (UNDP ERC, francophone, hispanophone and
lusophone offices) -> the contract's values, with the source's words kept where they differ."""

from __future__ import annotations

import pytest

from evalcheck.words.vocabulary import (
    DECISION_VALUES,
    DECISIONS,
    STATUS_VALUES,
    STATUSES,
    Reading,
    map_decision,
    map_status,
)

NS, IP, DONE, NLA = STATUS_VALUES


@pytest.mark.parametrize(("words", "status", "kept"), [
    # UNDP ERC
    ("Not initiated", NS, "Not initiated"),
    ("Initiated", IP, "Initiated"),
    ("Ongoing", IP, "Ongoing"),
    ("On-going", IP, "On-going"),
    ("Overdue-Initiated", IP, "Overdue-Initiated"),
    ("Overdue-Not initiated", NS, "Overdue-Not initiated"),
    ("Overdue - Not Initiated", NS, "Overdue - Not Initiated"),
    ("Implemented", DONE, "Implemented"),
    ("Partially implemented", IP, "Partially implemented"),
    ("Closed", DONE, "Closed"),
    ("Overtaken by events", NLA, "Overtaken by events"),
    ("No longer applicable", NLA, ""),
    ("Completed", DONE, ""),
    ("IN PROGRESS", IP, ""),
    ("not-started", NS, ""),
    ("Completed in May 2024", DONE, "Completed in May 2024"),
    # French
    ("Non démarrée", NS, "Non démarrée"),
    ("Non démarré", NS, "Non démarré"),
    ("Initiée", IP, "Initiée"),
    ("INITIÉES", IP, "INITIÉES"),
    ("En cours", IP, "En cours"),
    ("Complétée", DONE, "Complétée"),
    ("Réalisée", DONE, "Réalisée"),
    ("Réalisés", DONE, "Réalisés"),
    ("Mises en œuvre", DONE, "Mises en œuvre"),
    ("Partiellement mise en œuvre", IP, "Partiellement mise en œuvre"),
    ("Sans objet", NLA, "Sans objet"),
    ("En retard - en cours", IP, "En retard - en cours"),
    # Spanish
    ("No iniciada", NS, "No iniciada"),
    ("No iniciados", NS, "No iniciados"),
    ("Iniciada", IP, "Iniciada"),
    ("En curso", IP, "En curso"),
    ("Cumplida", DONE, "Cumplida"),
    ("Completada", DONE, "Completada"),
    ("Completado", DONE, "Completado"),
    ("Ya no aplica", NLA, "Ya no aplica"),
    # Portuguese
    ("Não iniciada", NS, "Não iniciada"),
    ("Em curso", IP, "Em curso"),
    ("Em andamento", IP, "Em andamento"),
    ("Concluída", DONE, "Concluída"),
    ("Concluídos", DONE, "Concluídos"),
    ("Não se aplica", NLA, "Não se aplica"),
])
def test_statuses_map_and_keep_the_source_words(words: str, status: str, kept: str) -> None:
    reading = map_status(words)
    assert (reading.value, reading.text, reading.understood) == (status, kept, True)


@pytest.mark.parametrize("words", ["En retard", "Overdue", "Late", "Retrasada", "Em atraso"])
def test_a_word_that_says_only_late_gives_no_status_and_keeps_the_words(words: str) -> None:
    assert map_status(words) == Reading(None, words, "", True)


def test_no_deadline_established_is_about_the_deadline_not_the_status() -> None:
    reading = map_status("No deadline established")
    assert (reading.value, reading.text, reading.deadline_note) == (
        None, "No deadline established", "No deadline established")
    assert reading.understood


# "N/A" may say "not applicable" or "no information": not guessed, so not counted as closed.
@pytest.mark.parametrize("words", ["Casi listo", "Voir commentaire", "??", "Non complétée", "N/A"])
def test_unknown_status_words_are_kept_and_flagged(words: str) -> None:
    assert map_status(words) == Reading(None, words, "", False)


@pytest.mark.parametrize(("words", "decision", "kept"), [
    ("Agree", "accepted", "Agree"),
    ("Partially agree", "partially-accepted", "Partially agree"),
    ("Disagree", "rejected", "Disagree"),
    ("Accepted", "accepted", ""),
    ("ACCEPTED", "accepted", ""),
    ("Partially accepted", "partially-accepted", ""),
    ("Partially-accepted", "partially-accepted", ""),
    ("Not accepted", "rejected", "Not accepted"),
    ("Rejected", "rejected", ""),
    ("Partially agree as the budget is not secured", "partially-accepted",
     "Partially agree as the budget is not secured"),
    ("D'accord", "accepted", "D'accord"),
    ("D\u2019accord", "accepted", "D\u2019accord"),
    ("Partiellement d\u2019accord", "partially-accepted", "Partiellement d\u2019accord"),
    ("Pas d'accord", "rejected", "Pas d'accord"),
    ("Acceptée", "accepted", "Acceptée"),
    ("Acceptées", "accepted", "Acceptées"),
    ("Partiellement acceptée", "partially-accepted", "Partiellement acceptée"),
    ("Rejetée", "rejected", "Rejetée"),
    ("De acuerdo", "accepted", "De acuerdo"),
    ("Parcialmente de acuerdo", "partially-accepted", "Parcialmente de acuerdo"),
    ("En desacuerdo", "rejected", "En desacuerdo"),
    ("Aceptada", "accepted", "Aceptada"),
    ("Aceptado", "accepted", "Aceptado"),
    ("Rechazada", "rejected", "Rechazada"),
    ("Concordo", "accepted", "Concordo"),
    ("Concorda parcialmente", "partially-accepted", "Concorda parcialmente"),
    ("Discordo", "rejected", "Discordo"),
    ("Rejeitada", "rejected", "Rejeitada"),
])
def test_decisions_map_and_keep_the_source_words(words: str, decision: str, kept: str) -> None:
    reading = map_decision(words)
    assert (reading.value, reading.text, reading.understood) == (decision, kept, True)


@pytest.mark.parametrize("words", [
    "Noted", "Taken note", "Pris note", "Tomado nota", "Tomada nota", "Acknowledged"])
def test_noted_is_no_decision_and_keeps_the_words(words: str) -> None:
    assert map_decision(words) == Reading(None, words, "", True)


def test_the_words_after_the_decision_are_its_remark() -> None:
    assert map_decision("Aceptada. Se hará en 2024.").remark == "Se hará en 2024."


@pytest.mark.parametrize(("cell", "reading"), [
    ("☐ Aceptar ☒ Aceptar parcialmente ☐ Rechazar",
     Reading("partially-accepted", "Aceptar parcialmente")),
    ("[x] Accept [ ] Reject", Reading("accepted", "Accept")),
    ("☐ Aceptar ☐ Rechazar", Reading(None)),
    ("☒ Aceptar ☒ Rechazar", Reading(None, "☒ Aceptar ☒ Rechazar", "", False)),
])
def test_decision_forms_count_the_ticked_box(cell: str, reading: Reading) -> None:
    assert map_decision(cell) == reading


def test_unknown_decision_words_are_kept_and_flagged() -> None:
    assert map_decision("quizás") == Reading(None, "quizás", "", False)


def test_empty_cells_say_nothing() -> None:
    assert map_status("  ") == Reading(None) == map_decision("")


def test_every_contract_value_is_in_the_vocabulary() -> None:
    assert set(STATUS_VALUES) <= set(STATUSES)
    assert set(DECISION_VALUES) <= set(DECISIONS)
    for value in STATUS_VALUES:
        assert map_status(value) == Reading(value)
    for value in DECISION_VALUES:
        assert map_decision(value) == Reading(value)
