"""Person and unit names as matrices write them -> owner ids of the registry.

Names are compared case- and accent-blind against each owner's name, aliases, id, the
short form in brackets ("Jefaturas de misión (JdM)") and, when only one owner has it, the
role. A cell that lists several ("X y Y", "X, Y and Z") is split on commas and
conjunctions, but joined back wherever the joined text is a known name ("Oficial Regional
de Políticas y de Enlace"). Names the registry does not know become new owners marked
`review: true`, so nothing is silently dropped or guessed away.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from evalcheck.words.text import ascii_letters, fold, key

_BULLET = re.compile(r"^\s*(?:[-\u2013\u2022\u00b7*\u25aa\u25e6\u25cf]|\d{1,2}[.)])\s+")
_CONJUNCTION = re.compile(r"((?<=\S\S)\s*/\s*(?=\S\S)|\s+(?:y|e|and|et|&|as\s+well\s+as)\s+)",
                          re.I)
_LEAD_INS = re.compile(
    r"^(?:y|e|and|et|lidera(?:do\s+por)?|lideran|acompanan?|apoyan?|con\s+el\s+apoyo\s+de"
    r"|en\s+particular|particularmente|especialmente|incluyendo|including|in\s+particular"
    r"|notably|especially|led\s+by|leads|supported\s+by|with|avec|en\s+particulier|notamment"
    r"|dont|em\s+particular|incluindo|com)\s+")
_ARTICLE = re.compile(
    r"^(?:(?:el|la|los|las|lo|the|le|les|o|a|os|as|un|una)\s+|l['\u2019]\s*)(?=\S)")
_QUALIFIER = re.compile(
    r"^(?:en\s+(?:su\s+)?calidad\s+de|como|as|in\s+(?:its|their)\s+capacity\s+as|en\s+tant\s+que"
    r"|na\s+qualidade\s+de|en\s+qualite\s+de)\b")
_OF = ("de", "del", "of", "du", "des", "da", "do", "dos", "das")
_TAIL_WORDS = frozenset({*_OF, "en", "in", "for", "from", "dans", "em", "para", "at", "a", "al",
                         "au", "aux", "on"})
_PERSON_WORDS = frozenset({
    # es
    "oficial", "director", "directora", "coordinador", "coordinadora", "gerente", "jefe", "jefa",
    "especialista", "asesor", "asesora", "consultor", "consultora", "representante",
    "asistente", "analista", "encargado", "encargada", "punto focal", "subdirector",
    "subdirectora",
    # en
    "officer", "coordinator", "manager", "head", "chief", "specialist", "adviser", "advisor",
    "consultant", "representative", "assistant", "analyst", "deputy", "associate",
    "expert", "focal point", "team leader", "secretary",
    # fr
    "chef", "cheffe", "charge", "chargee", "conseiller", "conseillere", "representant",
    "directeur", "directrice", "coordonnateur", "coordonnatrice",
    "coordinateur", "coordinatrice", "specialiste", "experte", "gestionnaire",
    "administrateur", "administratrice", "assistante", "adjoint", "adjointe",
    "point focal", "secretaire",
    # pt
    "assistente", "coordenador", "coordenadora", "diretor", "diretora", "assessor",
    "assessora", "gestor", "gestora", "ponto focal"})

Skip = object()


@dataclass
class Resolution:
    """Owner ids found in one cell, and what the caller should report about it."""

    ids: list[str] = field(default_factory=list)
    added: list[tuple[str, str]] = field(default_factory=list)      # (name, new id)
    ambiguous: list[tuple[str, list[str]]] = field(default_factory=list)


def slug(name: str) -> str:
    """A kebab-case owner id from a name: "Unidad de Género" -> "unidad-de-genero",
    "Partenaires de mise en œuvre" -> "partenaires-de-mise-en-oeuvre"."""
    s = re.sub(r"[^a-z0-9]+", "-", fold(ascii_letters(name))).strip("-")
    if len(s) > 60:
        s = s[:60].rsplit("-", 1)[0]
    return s or "owner"


def guess_type(name: str) -> str:
    """person when the name starts or ends with a post or title ("Oficial de ...", "Chef de
    programme", "Représentant résident", "M&E Officer", "Programme Coordinator"), else unit;
    a first guess for a person to review, since the registry requires a type."""
    words = [w.split("(")[0] for w in key(name).split()]
    if not words:
        return "unit"
    ends = {words[0], words[-1], " ".join(words[:2]), " ".join(words[-2:])}
    return "person" if ends & _PERSON_WORDS else "unit"


class OwnerIndex:
    """The registry's names, searchable; remembers the owners it had to add."""

    def __init__(self, owners: Iterable[Mapping[str, Any]]) -> None:
        self._keys: dict[str, list[str]] = {}
        roles: dict[str, list[str]] = {}
        self.ids: set[str] = set()
        self.added: list[dict[str, Any]] = []
        for owner in owners:
            ident = owner.get("id")
            if not isinstance(ident, str):
                continue
            self.ids.add(ident)
            for name in self._names(owner):
                self._add(key(name), ident)
            role = owner.get("role")
            if isinstance(role, str) and key(role):
                roles.setdefault(key(role), []).append(ident)
        for k, idents in roles.items():
            if len(set(idents)) == 1:
                self._keys.setdefault(k, idents[:1])

    @staticmethod
    def _names(owner: Mapping[str, Any]) -> list[str]:
        names = [owner["id"]]
        name = owner.get("name")
        if isinstance(name, str):
            names.append(name)
            m = re.fullmatch(r"(.+?)\s*\(([^()]{1,40})\)\s*", name)
            if m:
                names += [m.group(1), m.group(2)]
        aliases = owner.get("aliases")
        if isinstance(aliases, list):
            names += [a for a in aliases if isinstance(a, str)]
        return names

    def _add(self, k: str, ident: str) -> None:
        if k:
            idents = self._keys.setdefault(k, [])
            if ident not in idents:
                idents.append(ident)

    def lookup(self, name: str) -> list[str]:
        """The ids a name stands for: one, several (ambiguous) or none."""
        return self._keys.get(key(name), [])

    def _prefix(self, name: str) -> list[str]:
        """A known name followed by a qualifier: "PFs PMM de cada misión" -> PFs PMM."""
        words = key(name).split()
        for m in range(len(words) - 1, 0, -1):
            if words[m] in _TAIL_WORDS:
                found = self._keys.get(" ".join(words[:m]))
                if found:
                    return found
        return []

    def _elided(self, previous: str, name: str) -> list[str]:
        """"Unidad de Comunicación de OR BA y OR SJ": the second is "Unidad de Comunicación
        de OR SJ" when the registry knows that name."""
        words = previous.split()
        for i in range(len(words) - 1, 0, -1):
            if fold(words[i]) in _OF:
                found = self._keys.get(key(" ".join(words[:i + 1]) + " " + name))
                if found:
                    return found
        return []

    def resolve(self, text: str, kind: str | None = None) -> Resolution:
        """Every owner a cell names, in order, each once; names the registry lacks are added
        (of type `kind`, or a guess from the name)."""
        result = Resolution()
        for line in text.split("\n"):
            line = _BULLET.sub("", line)
            for part in re.split(r"\s*[,;]\s*", line):
                self._resolve_part(part, result, kind)
        return result

    def resolve_known(self, text: str) -> bool:
        """Whether every name in the text is in the registry already (nothing would be added)."""
        probe = OwnerIndex([])
        probe._keys, probe.ids = dict(self._keys), set(self.ids)
        return not probe.resolve(text).added

    def _resolve_part(self, part: str, result: Resolution, kind: str | None) -> None:
        pieces = _CONJUNCTION.split(part)
        tokens, seps = pieces[0::2], pieces[1::2]
        i, previous = 0, ""
        while i < len(tokens):
            found: list[str] = []
            for j in range(len(tokens) - 1, i, -1):
                joined = tokens[i] + "".join(
                    s + t for s, t in zip(seps[i:j], tokens[i + 1:j + 1], strict=True))
                name = _clean(joined)
                if isinstance(name, str) and (found := self.lookup(name)):
                    break
            else:
                j = i
                name = _clean(tokens[i])
                if name is Skip or not name:
                    i, previous = i + 1, ""
                    continue
                assert isinstance(name, str)
                found = ((self._elided(previous, name) if previous else [])
                         or self.lookup(name) or self._prefix(name))
            assert isinstance(name, str)
            if not found:
                found = [self._new(name, result, kind)]
            elif len(found) > 1:
                result.ambiguous.append((name, found))
            if found[0] not in result.ids:
                result.ids.append(found[0])
            i, previous = j + 1, name

    def _new(self, name: str, result: Resolution, kind: str | None) -> str:
        existing = self.lookup(name)
        if existing:
            return existing[0]
        base = slug(name)
        ident, n = base, 2
        while ident in self.ids:
            ident, n = f"{base}-{n}", n + 1
        self.ids.add(ident)
        self._add(key(name), ident)
        self.added.append({"id": ident, "name": name, "type": kind or guess_type(name),
                           "review": True})
        result.added.append((name, ident))
        return ident


def _acronym(lead: str, rest: str) -> bool:
    """Whether a would-be article is an acronym: written in capitals before words that are
    not ("UN Agencies" is not "un" + "Agencies"; "LA OFICINA", all in capitals, is "la")."""
    word = re.match(r"[^\W\d_]+", lead.strip())
    return word is not None and len(word[0]) > 1 and word[0].isupper() and not rest.isupper()


def _clean(text: str) -> str | object:
    """The name inside a listed item: no lead-in verbs, articles or edge punctuation; Skip for
    a qualifier of the previous item ("en calidad de co-chair")."""
    s = text.strip().strip(" .;:\u00a0\t")
    for _ in range(4):
        folded = fold(s)
        if _QUALIFIER.match(folded):
            return Skip
        m = _LEAD_INS.match(folded)
        if not m:
            m = _ARTICLE.match(folded)
            if m and _acronym(s[:m.end()], s[m.end():]):
                break
        if not m:
            break
        s = s[m.end():].lstrip()
    return s.strip().strip(" .;:")
