"""The words matrices use for statuses and decisions, in English, French, Spanish and
Portuguese, mapped to the record contract's values.

Pure: text in, a `Reading` out. Used by `import matrix` (a cell's words) and by `set`
(`status=Initiée`). Matching ignores case, accents, hyphens, apostrophe styles, gender and
number ("Iniciada", "iniciados", "INITIÉES" read alike) and a leading "Overdue-"/"En retard"
word. Nothing is invented and nothing is lost: when the words are not the contract's value
itself, `text` keeps them (for `status_text` / `decision_text`), and `understood` says
whether they were found in the vocabulary at all (the importer lists those that were not).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from evalcheck.words.text import fold

STATUS_VALUES = ("not-started", "in-progress", "completed", "no-longer-applicable")
DECISION_VALUES = ("accepted", "partially-accepted", "rejected")
NOTED = "noted"
"""The table key for "Noted"-like words: understood, but no decision."""
NO_DEADLINE = "no-deadline"
"""The table key for status words that speak of the deadline ("No deadline established")."""


@dataclass(frozen=True)
class Reading:
    """What a cell's words mean in the contract's terms.

    value:      the contract's value, or None (no status / no decision).
    text:       the source's words, kept when they are not just the value itself ("Initiée",
                "Agree", "Noted", "Overdue-Initiated"); "" when the value says it all.
    remark:     the words after the recognised phrase ("Aceptada. Se hará en 2024." ->
                "Se hará en 2024."); "" when there are none.
    understood: False when the words are not in the vocabulary: value is None and text keeps
                them, so the caller can list them.
    deadline_note: for statuses that speak of the deadline ("No deadline established"), the
                words to keep as the action's `deadline_note` when it has no deadline.
    """

    value: str | None
    text: str = ""
    remark: str = ""
    understood: bool = True
    deadline_note: str = ""


STATUSES: dict[str, tuple[str, ...]] = {
    "not-started": (
        # en
        "not started", "not yet started", "not initiated", "not yet initiated",
        "not implemented", "not yet implemented", "not begun", "pending", "to be started",
        # fr
        "non demarree", "pas demarree", "pas encore demarree", "non commencee", "pas commencee",
        "pas encore commencee", "non initiee", "pas initiee", "non entamee", "non realisee",
        "pas realisee", "non mise en oeuvre", "pas mise en oeuvre", "en attente", "a demarrer",
        "a initier",
        # es
        "no iniciada", "no iniciada aun", "aun no iniciada", "sin iniciar", "no comenzada",
        "no empezada", "pendiente", "por iniciar", "no implementada", "no realizada",
        "no ejecutada",
        # pt
        "nao iniciada", "nao comecada", "por iniciar", "pendente", "nao implementada",
        "nao realizada", "nao executada"),
    "in-progress": (
        # en
        "initiated", "in progress", "ongoing", "on going", "under way", "underway", "started",
        "partially implemented", "partially completed", "partially achieved", "partly implemented",
        "in process", "being implemented", "under implementation", "in implementation",
        # fr
        "initiee", "en cours", "en cours de realisation", "en cours d'execution",
        "en cours de mise en oeuvre", "en cours d'implementation", "partiellement realisee",
        "partiellement mise en oeuvre", "partiellement implementee", "mise en oeuvre partielle",
        "realisation partielle", "demarree", "commencee", "entamee",
        # es
        "iniciada", "en curso", "en progreso", "en proceso", "en ejecucion", "en implementacion",
        "en marcha", "implementada parcialmente", "parcialmente implementada",
        "parcialmente completada", "parcialmente cumplida", "cumplida parcialmente",
        "parcialmente realizada", "realizada parcialmente", "comenzada",
        # pt
        "em curso", "em andamento", "em execucao", "em progresso", "em implementacao",
        "parcialmente concluida", "parcialmente implementada", "parcialmente realizada",
        "iniciada"),
    "completed": (
        # en
        "completed", "complete", "done", "implemented", "fully implemented", "achieved",
        "finished", "closed", "fulfilled", "accomplished",
        # fr
        "completee", "realisee", "achevee", "terminee", "mise en oeuvre",
        "entierement mise en oeuvre", "executee", "accomplie", "implementee", "cloturee",
        # es
        "completada", "cumplida", "finalizada", "implementada", "realizada", "terminada",
        "ejecutada", "concluida", "cerrada", "lograda",
        # pt
        "concluida", "cumprida", "implementada", "realizada", "finalizada", "executada",
        "encerrada"),
    "no-longer-applicable": (
        # en
        "no longer applicable", "not applicable", "overtaken by events",
        "no longer relevant", "obsolete", "cancelled", "canceled", "superseded", "withdrawn",
        # fr
        "sans objet", "devenue sans objet", "non applicable", "plus applicable",
        "ne s'applique plus", "caduque", "annulee", "depassee par les evenements",
        # es
        "no aplica", "ya no aplica", "no aplicable", "ya no es aplicable", "cancelada",
        "anulada", "superada por los acontecimientos", "sin efecto",
        # pt
        "nao se aplica", "nao aplicavel", "ja nao se aplica", "cancelada", "anulada",
        "superada pelos acontecimentos", "sem efeito"),
    NO_DEADLINE: (
        "no deadline established", "no deadline", "no due date", "sans echeance",
        "pas d'echeance", "aucune echeance", "sin plazo", "sin plazo establecido",
        "sin fecha limite", "sem prazo", "sem prazo definido"),
}

# Words that say only that the action is late; they may lead another status ("Overdue-
# Initiated") or stand alone ("En retard": status unknown, kept as status_text).
LATE: tuple[str, ...] = (
    "overdue", "late", "delayed", "behind schedule", "past due", "en retard", "retard",
    "retardee", "en retraso", "con retraso", "retrasada", "atrasada", "vencida", "em atraso",
)

DECISIONS: dict[str, tuple[str, ...]] = {
    "accepted": (
        # en
        "accepted", "accept", "agree", "agreed", "fully agree", "fully agreed", "fully accepted",
        "concur", "concurred",
        # fr
        "acceptee", "accepter", "d'accord", "tout a fait d'accord", "entierement d'accord",
        "entierement acceptee", "approuvee",
        # es
        "aceptada", "aceptar", "acepta", "aceptamos", "de acuerdo", "totalmente de acuerdo",
        "aceptada totalmente", "totalmente aceptada",
        # pt
        "aceita", "aceitar", "aceite", "concordo", "concorda", "concordamos", "de acordo",
        "totalmente de acordo"),
    "partially-accepted": (
        # en
        "partially accepted", "partially accept", "partially agree", "partially agreed",
        "partly agree", "partly agreed", "partly accepted", "agree in part", "agreed in part",
        "accepted in part", "partially",
        # fr
        "partiellement acceptee", "acceptee partiellement", "accepter partiellement",
        "acceptation partielle", "partiellement d'accord", "d'accord partiellement",
        "en partie d'accord", "d'accord en partie", "partiellement",
        # es
        "aceptada parcialmente", "parcialmente aceptada", "aceptar parcialmente",
        "aceptacion parcial", "parcialmente de acuerdo", "de acuerdo parcialmente",
        "en parte de acuerdo", "parcialmente",
        # pt
        "parcialmente aceita", "aceita parcialmente", "aceitar parcialmente",
        "aceite parcialmente", "concorda parcialmente", "concordo parcialmente",
        "parcialmente de acordo", "de acordo parcialmente", "concorda em parte",
        "concordo em parte"),
    "rejected": (
        # en
        "rejected", "reject", "not accepted", "disagree", "disagreed", "do not agree",
        "does not agree", "not agreed", "not agree",
        # fr
        "rejetee", "rejeter", "non acceptee", "pas acceptee", "pas d'accord", "en desaccord",
        "desaccord", "refusee",
        # es
        "rechazada", "rechazar", "rechazo", "no aceptada", "en desacuerdo", "no de acuerdo",
        "no estamos de acuerdo",
        # pt
        "rejeitada", "rejeitar", "nao aceita", "discordo", "discorda", "nao concordo",
        "nao concorda", "em desacordo"),
    NOTED: (
        "noted", "taken note", "take note", "note taken", "acknowledged",
        "pris note", "prend note", "prise de note", "pris acte", "prend acte",
        "tomado nota", "tomada nota", "toma nota", "se toma nota", "nota tomada", "tomamos nota",
        "se tomo nota", "anotado", "tomou nota", "tomamos conhecimento"),
}

_APOSTROPHES = re.compile(r"[\u2019\u2018\u02bc`\u00b4]")
_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015_:;,.()\[\]!?]+")
_WORD = re.compile(r"[^\s]+")
_LIGATURES = str.maketrans({"\u0153": "oe", "\u00e6": "ae", "\u00df": "ss"})


def _stem(word: str) -> str:
    """One form for a word's gender and number: iniciada/iniciados -> iniciad,
    initiée/initiés -> initie, cours stays cour on both sides."""
    if len(word) <= 4 or "'" in word or "/" in word:
        return word
    if word.endswith("s"):
        word = word[:-1]
    if word.endswith("ee"):
        word = word[:-1]
    if len(word) > 4 and word[-1] in "ao" and word[-2] not in "aeiou":
        word = word[:-1]
    return word


def _words(text: str) -> list[tuple[str, int]]:
    """(stem, end offset in text) for each word of text, on folded text of the same length."""
    folded = _APOSTROPHES.sub("'", fold(text))
    spaced = _SEPARATORS.sub(lambda m: " " * len(m.group()), folded)
    return [(_stem(m.group().translate(_LIGATURES)), m.end()) for m in _WORD.finditer(spaced)]


def _phrases(table: dict[str, tuple[str, ...]]) -> dict[tuple[str, ...], str]:
    out: dict[tuple[str, ...], str] = {}
    for value, phrases in table.items():
        for phrase in phrases:
            stems = tuple(stem for stem, _ in _words(phrase))
            if out.get(stems, value) != value:
                raise ValueError(f"{phrase!r} is in two places of a vocabulary")
            out[stems] = value
    return out


_STATUS_PHRASES = _phrases(STATUSES)
_DECISION_PHRASES = _phrases(DECISIONS)
_LATE_PHRASES = _phrases({"late": LATE})


def _longest(words: list[tuple[str, int]], phrases: dict[tuple[str, ...], str]
             ) -> tuple[str, int] | None:
    """(value, number of words) of the longest phrase the words start with."""
    for n in range(min(len(words), 8), 0, -1):
        value = phrases.get(tuple(stem for stem, _ in words[:n]))
        if value is not None:
            return value, n
    return None


def _rest(text: str, words: list[tuple[str, int]], n: int) -> str:
    return text[words[n - 1][1]:].strip().lstrip(".:;,-\u2013\u2014)] ").strip() if n else text


def _same(text: str, value: str) -> bool:
    """True when the words are the value itself, up to case, accents and hyphens."""
    return [s for s, _ in _words(text)] == [s for s, _ in _words(value)]


def _clean(text: str) -> str:
    return " ".join(text.split())


def map_status(text: str) -> Reading:
    """The status a cell's words name. "Initiée" -> in-progress, text "Initiée";
    "Overdue-Not initiated" -> not-started; "En retard" -> no status, text kept;
    "No deadline established" -> no status, text and deadline_note kept."""
    words_text = _clean(text)
    if not words_text:
        return Reading(None)
    words = _words(words_text)
    late = 0
    while (found := _longest(words[late:], _LATE_PHRASES)) is not None:
        late += found[1]
    found = _longest(words[late:], _STATUS_PHRASES)
    if found is None:
        rest = words_text if not late else _rest(words_text, words, late)
        only_late = late > 0 and not rest
        return Reading(None, words_text, "", only_late)
    value, n = found
    remark = _rest(words_text, words, late + n)
    if value == NO_DEADLINE:
        return Reading(None, words_text, remark, True, words_text)
    keep = "" if _same(words_text, value) else words_text
    return Reading(value, keep, remark, True)


_CHECKED = re.compile(r"(?:☒|☑|✔|✓|✅|\[\s*x\s*\]|\(\s*x\s*\))\s*([^☐☒☑✔✓✅\[\(/\n|]+)")
_BOXES = re.compile(r"[☐☒☑✔✓✅]|\[\s*x?\s*\]")


def map_decision(text: str) -> Reading:
    """The decision a cell's words give. "Agree" -> accepted, text "Agree"; "Partially agree
    as ..." -> partially-accepted; "Noted" -> no decision, text "Noted" (understood);
    a form with boxes counts the ticked one ("☐ Aceptar ☒ Aceptar parcialmente"); an
    unticked form is no decision; several ticked boxes, or unknown words, are not understood."""
    words_text = text.strip()
    if not words_text:
        return Reading(None)
    if _BOXES.search(words_text):
        ticked = [m.group(1) for m in _CHECKED.finditer(words_text)]
        if not ticked:
            return Reading(None)
        if len(ticked) > 1:
            return Reading(None, _clean(words_text), "", False)
        reading = map_decision(ticked[0])
        return Reading(reading.value, reading.text, "", reading.understood)
    words = _words(words_text)
    found = _longest(words, _DECISION_PHRASES)
    if found is None:
        return Reading(None, words_text, "", False)
    value, n = found
    remark = _rest(words_text, words, n)
    if value == NOTED:
        return Reading(None, words_text, remark, True)
    keep = "" if _same(words_text, value) else words_text
    return Reading(value, keep, remark, True)
