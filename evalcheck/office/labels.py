"""The words matrices use, in Spanish, English, French and Portuguese: column headers, row
labels and priorities (statuses and decisions are in `vocabulary`). All matching is on
`text.fold`ed text."""

from __future__ import annotations

import re

from evalcheck.words.text import fold, key
from evalcheck.words.vocabulary import map_decision, map_status

COLUMNS: dict[str, tuple[str, ...]] = {
    "action": (
        "accion", "acciones", "accion clave", "acciones clave", "acciones propuestas", "medidas",
        "action", "actions", "key action", "key actions", "actions cles", "action cle",
        "mesure", "mesures", "acao", "acoes", "acao chave", "acoes chave", "acoes propostas"),
    "deadline": (
        "plazo", "plazos", "plazo o fecha limite", "fecha limite", "fecha", "deadline", "deadlines",
        "due date", "duedate", "target date", "time frame", "timeframe", "timeline",
        "completion date", "expected completion date", "echeance", "echeances",
        "date d'echeance", "delai de mise en oeuvre", "periode de mise en oeuvre",
        "echeancier", "date limite", "delai", "calendrier", "prazo", "prazos", "data limite",
        "cronograma"),
    "responsible": (
        "persona responsable", "personas responsables", "responsable", "responsables",
        "unidad responsable", "unidades responsables", "responsible", "responsible unit",
        "responsible units", "responsible person", "responsibility", "unite responsable",
        "unites responsables", "responsabilite", "structure responsable",
        "structures responsables", "responsible party", "responsible parties", "responsavel",
        "responsaveis", "unidade responsavel", "pessoa responsavel"),
    "supporting": (
        "acompanan", "acompana", "apoyo", "unidades de apoyo", "supporting", "supported by",
        "support", "supporting units", "appui", "en appui", "apoio"),
    "status": (
        "estado", "estado de implementacion", "situacion", "status", "implementation status",
        "statut", "etat", "etat d'avancement", "situacao", "estado de implementacao",
        "status de implementacao"),
    "comments": (
        "comentarios", "observaciones", "comments", "remarks", "commentaires", "observations",
        "observacoes"),
    "recommendation": (
        "recomendacion", "recomendaciones", "recommendation", "recommendations", "recommandation",
        "recommandations", "recomendacao", "recomendacoes"),
    "addressed_to": (
        "recomendacion dirigida a", "dirigida a", "addressed to", "recommendation addressed to",
        "recommandation adressee a", "adressee a", "destinataire", "destinataires",
        "recomendacao dirigida a", "destinatario"),
    "priority": (
        "nivel de prioridad", "prioridad", "priority", "priority level", "priorite",
        "niveau de priorite", "prioridade", "nivel de prioridade"),
    "decision": (
        "respuesta gerencial", "respuesta de la gerencia", "respuesta de la direccion",
        "management response", "reponse de la direction", "reponse de la gestion",
        "resposta gerencial", "resposta da gestao", "resposta da gerencia", "decision"),
    "follow_up": (
        "seguimiento", "seguimiento a implementacion", "seguimiento a la implementacion",
        "seguimiento de la implementacion", "follow up", "implementation follow up", "suivi",
        "tracking", "tracking comments", "implementation tracking",
        "suivi de la mise en oeuvre", "acompanhamento", "seguimento",
        "acompanhamento da implementacao"),
}
_COLUMN_OF = {label: role for role, labels in COLUMNS.items() for label in labels}
_LONGEST_FIRST = sorted(_COLUMN_OF, key=len, reverse=True)
_PARENS = re.compile(r"\([^)]*\)")


def column_role(text: str) -> str | None:
    """The column a header cell names (action, deadline, ..., follow_up), or None."""
    k = key(_PARENS.sub(" ", text))
    if not k or len(k) > 60 or ":" in k or "\n" in text.strip():
        return None
    if k in _COLUMN_OF:
        return _COLUMN_OF[k]
    return next((_COLUMN_OF[label] for label in _LONGEST_FIRST
                 if k.startswith(label + " ") and len(k[len(label):].split()) <= 4), None)


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.S)


# Row labels: the value follows the label in the same cell, or sits in the next cell or row.
# Each pattern matches the label only; what follows it is the value.
LABELS: dict[str, re.Pattern[str]] = {
    "recommendation": _rx(
        r"\s*(?:recomendaci(?:on|ones)(?:\s+de\s+(?:la\s+)?evaluacion)?"
        r"|(?:evaluation\s+)?recommendations?|recommandations?(?:\s+de\s+l['\u2019]\s*evaluation)?"
        r"|recomendac(?:ao|oes)(?:\s+da\s+avaliacao)?|rec\.?)"
        r"\s*(?:n[o°º]?\s*\.?|num(?:ero|ber)?\.?|#|nr\.?)?\s*(\d{1,3})\b\s*[:.)\-\u2013]?\s*"),
    "addressed_to": _rx(
        r"\s*(?:(?:recomendacion|recommendation|recommandation|recomendacao)\s+)?"
        r"(?:dirigidas?\s+a|addressed\s+to|adressees?\s+a|destinataires?|destinatarios?"
        r"|destinadas?\s+a)\b\s*:?\s*"),
    "priority": _rx(
        r"\s*(?:nivel\s+de\s+prioridad|prioridad|priority(?:\s+level)?|level\s+of\s+priority"
        r"|niveau\s+de\s+priorite|priorite|nivel\s+de\s+prioridade|prioridade)\b"
        r"\s*(?:\([^)]*\))?\s*:?\s*"),
    "decision": _rx(
        r"\s*(?:respuesta\s+(?:gerencial|de\s+la\s+(?:gerencia|direccion|administracion))"
        r"|management\s+response|reponse\s+de\s+la\s+(?:direction|gestion|gerance)"
        r"|resposta\s+(?:gerencial|da\s+(?:gestao|gerencia|direcao|administracao)))"
        r"(?:\s+(?:a\s+la\s+recomendacion|to\s+(?:the\s+|this\s+)?recommendation"
        r"|a\s+la\s+recommandation|a\s+recomendacao))?\s*(?:\([^)]*\))?\s*:?\s*"),
    "title": _rx(
        r"\s*(?:titulo\s+de\s+la\s+evaluacion(?:\s+y\s+ano)?|titulo\s+da\s+avaliacao(?:\s+e\s+ano)?"
        r"|(?:evaluation\s+)?title(?:\s+of\s+(?:the\s+)?evaluation)?(?:\s+and\s+year)?"
        r"|titre\s+de\s+l['\u2019]?\s*evaluation(?:\s+et\s+annee)?)\s*:?\s*"),
    "owner": _rx(
        r"\s*(?:persona\s+responsable\s+(?:por|de)\s+(?:completar|llenar|actualizar)"
        r"|person\s+responsible\s+for\s+(?:completing|updating|filling)"
        r"|responsable\s+(?:du\s+suivi|de\s+(?:remplir|completer|la\s+mise\s+a\s+jour))"
        r"|(?:pessoa\s+)?responsavel\s+(?:por|pelo)\s+(?:preencher|completar|preenchimento"
        r"|atualizar)"
        r"|(?:personne\s+)?responsable\s+(?:de\s+)?(?:remplir|completer|renseigner|la\s+mise"
        r"\s+a\s+jour|l['\u2019]\s*elaboration)"
        r"|(?:prepared|completed|compiled|filled(?:\s+in)?|submitted)\s+by"
        r"|(?:preparee?|remplie?|etablie?|elaboree?|renseignee?|soumise?)\s+par"
        r"|(?:elaborad[oa]|preparad[oa]|completad[oa]|llenad[oa]|preenchid[oa])\s+por)"
        r"[^:\n]*(?::|\n|$)\s*"),
    # The next three are read above the matrix only (see HEADER_ONLY): who completes it,
    # in which post and unit, and when; post and unit need their colon, a date label alone
    # in its cell takes the next cell ("Date" | "15/03/2024").
    "position": _rx(
        r"\s*(?:position|post|job\s+title|title\s+of\s+(?:the\s+)?post|poste|fonction|titre"
        r"|cargo|puesto|funcao)\s*:\s*"),
    "unit": _rx(
        r"\s*(?:unit\s*/\s*bureau|bureau\s*/\s*unit|unit|bureau|office|division"
        r"|unite|service|direction|unidad|oficina|unidade|escritorio)\s*:\s*"),
    "date": _rx(
        r"\s*(?:date|fecha|data)(?:\s+(?:de\s+la\s+|de\s+l['\u2019]\s*|du\s+|de\s+|of\s+"
        r"(?:the\s+)?|da\s+|do\s+)?(?:reponse(?:\s+de\s+la\s+direction)?|respuesta"
        r"(?:\s+(?:gerencial|de\s+la\s+(?:gerencia|direccion)))?|resposta(?:\s+gerencial)?"
        r"|(?:management\s+)?response|matrice|matriz|matrix|soumission|submission|preparation"
        r"|elaboration|elaboracion|elaboracao|presentacion|apresentacao))?(?:\s*:\s*|\s*$)"),
    "comments": _rx(
        r"\s*(?:comentarios\s+generales|observaciones\s+generales|general\s+comments"
        r"|overall\s+comments|commentaires\s+generaux|observations\s+generales"
        r"|comentarios\s+gerais|observacoes\s+gerais)[^:\n]*(?::|\n|$)\s*"),
}


HEADER_ONLY = frozenset({"position", "unit", "date"})
"""Labels read only above or beside the matrix, never inside an action table, where a
comment such as "Date: ..." is the cell's text."""


def match_label(text: str) -> tuple[str, str, str] | None:
    """(label, number, value) when a cell starts with a row label; number is the
    recommendation's number for `recommendation`, else ""."""
    folded = fold(text)
    for name, pattern in LABELS.items():
        m = pattern.match(folded)
        if m:
            number = m.group(1) if name == "recommendation" else ""
            return name, number, text[m.end():]
    return None


def read_decision(text: str) -> tuple[str | None, str, bool]:
    """(decision, remark, understood) from a decision cell's value; see
    `vocabulary.map_decision`, which also keeps the source's words."""
    reading = map_decision(text)
    return reading.value, reading.remark, reading.understood


def read_status(text: str) -> str | None:
    """The status a cell names, or None; see `vocabulary.map_status`."""
    return map_status(text).value


_PRIORITY_WORDS = {
    1: ("alta", "high", "haute", "elevee", "urgente", "urgent"),
    2: ("media", "medium", "moyenne", "moderate", "moderada", "media"),
    3: ("baja", "low", "basse", "faible", "baixa"),
}


def read_priority(text: str) -> int | None:
    """1 (highest) to 3 from a number or a word (Alta/High/Haute/Alta = 1), or None."""
    k = key(_PARENS.sub(" ", text))
    m = re.fullmatch(r"(\d+)(?:\s*(?:/|de|of|sur)\s*3)?", k)
    if m:
        n = int(m.group(1))
        return n if 1 <= n <= 3 else None
    for n, words in _PRIORITY_WORDS.items():
        if k in words:
            return n
    return None


SUPPORT_LABEL = re.compile(
    r"(?:^|\n)\s*(?:acompanan?|con\s+el\s+apoyo\s+de|apoyo|apoyan?|supported\s+by"
    r"|support(?:ing)?|with\s+support\s+from|en\s+appui|appui|avec\s+l['\u2019]appui\s+de"
    r"|apoio|com\s+(?:o\s+)?apoio\s+de|apoiam?)\s*:", re.S)


def split_support(text: str) -> tuple[str, str]:
    """(responsible, supporting) from a cell that lists both ("X y Y\\nAcompañan: Z")."""
    m = SUPPORT_LABEL.search(fold(text))
    if not m:
        return text, ""
    return text[:m.start()], text[m.end():]


ACTION_NUMBER = re.compile(  # "4.3.", "Acción 2:", and "R1.1:" (ERC numbers an action by its
    # recommendation's R), read as 1.1
    r"\s*(?:(?:accion|action|acao)\s+(?:n[o°º]?\s*\.?\s*)?)?"
    r"(?:r\s?(\d{1,3}(?:\.\d{1,3})+)|(\d{1,3}(?:\.\d{1,3})*))\.?"
    r"\s*[:)\-\u2013]?\s+(?=\S)", re.S)
REC_NUMBER = re.compile(r"\s*(?:r|rec\.?)?\s*(\d{1,3})\s*[.:)\-\u2013]\s*(?=\S)|\s*r(\d{1,3})\s+",
                        re.S)


def split_number(text: str, pattern: re.Pattern[str] = ACTION_NUMBER) -> tuple[str, str]:
    """("4.3", "Organizar ...") from "4.3. Organizar ..."; ("", text) when unnumbered."""
    m = pattern.match(fold(text))
    if not m:
        return "", text
    number = next(g for g in m.groups() if g)
    return number, text[m.end():]
