"""Deadlines as real matrices write them, in four languages -> a day, month, quarter or year
of the contract, or the words kept as deadline_note."""

from __future__ import annotations

import pytest

from evalcheck.words.when import Deadline, map_deadline


@pytest.mark.parametrize(("words", "value"), [
    ("Q3 2024", "2024-Q3"), ("q3-2024", "2024-Q3"), ("T3 2024", "2024-Q3"),
    ("3er trimestre 2024", "2024-Q3"), ("Tercer trimestre del 2024", "2024-Q3"),
    ("3e trimestre 2024", "2024-Q3"), ("troisième trimestre 2024", "2024-Q3"),
    ("1er trimestre 2025", "2025-Q1"), ("3º trimestre de 2024", "2024-Q3"),
    ("1st Quarter, 2018", "2018-Q1"), ("second quarter of 2024", "2024-Q2"),
    ("4th Qtr 2023", "2023-Q4"), ("2018-Q1", "2018-Q1"), ("1T 2024", "2024-Q1"),
    ("By end of Q2 2025", "2025-Q2"), ("d\u2019ici fin T3 2024", "2024-Q3"),
    ("2010/12", "2010-12"), ("Décembre 2024", "2024-12"), ("Noviembre 2023", "2023-11"),
    ("December 2024", "2024-12"), ("Dezembro de 2024", "2024-12"),
    ("2025", "2025"), ("Fin 2025", "2025"), ("End of 2024", "2024"),
    ("31/12/2024", "2024-12-31"), ("2024-12-31", "2024-12-31"),
])
def test_dates_months_quarters_and_years(words: str, value: str) -> None:
    assert map_deadline(words) == Deadline(value)


@pytest.mark.parametrize(("words", "value"), [
    ("1er semestre 2024", "2024-06"), ("Primer semestre de 2024", "2024-06"),
    ("S2 2024", "2024-12"), ("first half of 2025", "2025-06"),
])
def test_half_years_are_due_at_their_end_and_keep_the_words(words: str, value: str) -> None:
    assert map_deadline(words) == Deadline(value, words)


@pytest.mark.parametrize("words", [
    "No due date", "No deadline established", "Continuous", "Ongoing", "Continu", "En continu",
    "Sans échéance", "Permanente", "Continuo", "Sin plazo", "Sem prazo", "TBD",
])
def test_words_that_say_there_is_no_date_become_the_note(words: str) -> None:
    assert map_deadline(words) == Deadline(None, words, True)


@pytest.mark.parametrize("words", [
    "Before the next country programme", "Avant le prochain CPD", "31/02/2024", "Q4-24",
    "2024-2025",
])
def test_other_words_are_kept_as_the_note_and_flagged(words: str) -> None:
    assert map_deadline(words) == Deadline(None, words, False)


def test_an_ambiguous_day_is_not_guessed_when_the_caller_cannot_tell() -> None:
    assert map_deadline("03/04/2024", day_first=None) == Deadline(None, "03/04/2024", False)
    assert map_deadline("03/04/2024") == Deadline("2024-04-03")


def test_an_empty_cell_says_nothing() -> None:
    assert map_deadline(" ") == Deadline(None)
