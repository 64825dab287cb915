"""A read matrix -> the management-response record, the recommendations its evaluation lacks,
and the owners the registry lacks. Pure: plain data in, plain data out."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from evalcheck.emit import Bare
from evalcheck.office.matrix import ActionItem, Located, Matrix, Note, RecommendationItem, Where
from evalcheck.office.owners import OwnerIndex
from evalcheck.words.text import key


@dataclass
class Imported:
    """What an import writes, and what the person running it should look at."""

    response: dict[str, Any]
    recommendations: list[dict[str, Any]] | None
    new_owners: list[dict[str, Any]]
    notes: list[Note] = field(default_factory=list)


def default_response_id(evaluation_id: str) -> str:
    """MR-2022-ROBA-UNNM for EV-2022-ROBA-UNNM; MR-<id> for other evaluation ids."""
    return "MR-" + (evaluation_id[3:] if evaluation_id.upper().startswith("EV-")
                    else evaluation_id)


_DAY_OR_MONTH = re.compile(r"\d{4}-\d{2}(?:-\d{2})?")


def _digits(ident: str) -> str:
    m = re.fullmatch(r"\D*0*(\d+)", ident)
    return m.group(1) if m else ""


class _Builder:
    def __init__(self, matrix: Matrix, owners: OwnerIndex) -> None:
        self.matrix = matrix
        self.owners = owners
        self.notes: list[Note] = []

    def ids(self, located: Located | None, what: str, kind: str | None = None) -> list[str]:
        if located is None:
            return []
        found = self.owners.resolve(located.text, kind)
        for name, ident in found.added:
            self.notes.append(Note(located.where, f"{name!r} ({what}) is not in the owners "
                                                  f"registry: added as {ident}, marked for review"))
        for name, idents in found.ambiguous:
            self.notes.append(Note(located.where, f"{name!r} ({what}) matches several owners "
                                                  f"({', '.join(idents)}): used {idents[0]}"))
        return found.ids

    def action(self, item: ActionItem) -> dict[str, Any]:
        out: dict[str, Any] = {"id": item.id, "description": item.description}
        if item.deadline:
            # a date or month is written bare like the seed records; a year ("2025") is
            # quoted by the writer, since YAML would read it as a number
            out["deadline"] = Bare(item.deadline) if _DAY_OR_MONTH.fullmatch(item.deadline) \
                else item.deadline
        if item.deadline_note:
            out["deadline_note"] = item.deadline_note
        responsible = self.ids(item.responsible, f"responsible for action {item.id}")
        if responsible:
            out["responsible"] = responsible
        else:
            self.notes.append(Note(item.where, f"action {item.id} names no responsible person "
                                               "or unit"))
        supporting = self.ids(item.supporting, f"supporting action {item.id}")
        if supporting:
            out["supporting"] = supporting
        if item.status:
            out["status"] = item.status
        if item.status_text:
            out["status_text"] = item.status_text
        if item.comments:
            out["comments"] = item.comments
        return out

    def response(self, rec: RecommendationItem, rec_id: str) -> dict[str, Any]:
        out: dict[str, Any] = {"recommendation": rec_id}
        if rec.decision:
            out["decision"] = rec.decision
        if rec.decision_text:
            out["decision_text"] = rec.decision_text
        if rec.remark:
            out["rationale" if rec.decision in ("rejected", "partially-accepted")
                else "comments"] = rec.remark
        notes = [{"author": author, "text": text} if author else {"text": text}
                 for author, text in rec.margin_notes if text]
        if notes:
            out["notes"] = notes
        actions = [self.action(a) for a in rec.actions]
        if actions:
            out["actions"] = actions
        return out

    def recommendation(self, rec: RecommendationItem, rec_id: str) -> dict[str, Any]:
        out: dict[str, Any] = {"id": rec_id, "text": rec.text}
        if not rec.text:
            self.notes.append(Note(rec.where, f"recommendation {rec.number} has no text"))
        addressed = self.ids(rec.addressed_to, f"recommendation {rec.number} addressed to")
        if addressed:
            out["addressed_to"] = addressed
        else:
            self.notes.append(Note(rec.where, f"recommendation {rec.number} says nobody it is "
                                              "addressed to"))
        if rec.priority is not None:
            out["priority"] = rec.priority
        return out


def _recommendation_ids(matrix: Matrix, existing: list[Mapping[str, Any]],
                        notes: list[Note]) -> list[str]:
    """The evaluation's id for each numbered recommendation (R3 for "No. 3")."""
    by_number: dict[str, str] = {}
    for item in existing:
        ident = item.get("id")
        if isinstance(ident, str) and _digits(ident):
            by_number.setdefault(_digits(ident), ident)
    texts = {item.get("id"): item.get("text") for item in existing}
    out = []
    for rec in matrix.recommendations:
        number = rec.number.lstrip("0") or "0"
        ident = by_number.get(number)
        if existing and ident is None:
            ident = f"R{number}"
            notes.append(Note(rec.where, f"the evaluation has no recommendation {number}: "
                                         f"answered as {ident}, which it does not define"))
        elif ident is not None:
            old = texts.get(ident)
            if isinstance(old, str) and rec.text and key(old) != key(rec.text):
                notes.append(Note(rec.where, f"recommendation {number}'s text differs from "
                                             f"{ident} in the evaluation record (left as it is)"))
        out.append(ident or f"R{number}")
    return out


def _owner(matrix: Matrix, owners: OwnerIndex, builder: _Builder) -> list[str]:
    """The ids of who completes the matrix. A person the registry lacks is added with the
    post and unit the header gives ("Awa Diallo, Chargée de suivi-évaluation"; "Position:",
    "Unit/Bureau:" lines) as role and parent; known owners are left as they are."""
    who, role = matrix.owner, matrix.owner_role
    if who is not None and not owners.resolve_known(who.text):
        name, _, post = who.text.partition(",")  # "Name, Post": the person's name
        who, role = Located(name.strip(), who.where), role or post.strip()
    before = len(owners.added)
    found = builder.ids(who, "completes the matrix", "person")
    new = [o for o in owners.added[before:] if found and o["id"] == found[0]]
    if not new:
        return found
    parent = builder.ids(matrix.owner_unit, "the unit of who completes the matrix", "unit")
    extra = {"role": role} if role else {}
    if parent:
        extra["parent"] = parent[0]
    if extra:
        review = new[0].pop("review")
        new[0].update(extra, review=review)
    return found


def build(matrix: Matrix, evaluation: Mapping[str, Any], owners: OwnerIndex, response_id: str,
          source: str) -> Imported:
    """The records for a matrix answering `evaluation` (its data as a mapping)."""
    given = evaluation.get("recommendations")
    existing = [r for r in given if isinstance(r, Mapping)] if isinstance(given, list) else []
    builder = _Builder(matrix, owners)
    fill = given is None or given == []
    if not fill and not existing:
        first = matrix.recommendations[0].where if matrix.recommendations else Where("table", 1)
        builder.notes.append(Note(first, "the evaluation's recommendations field is not a list "
                                         "of recommendations: left as it is"))
    rec_ids = _recommendation_ids(matrix, existing, builder.notes)
    response: dict[str, Any] = {"kind": "management-response", "id": response_id,
                                "evaluation": str(evaluation.get("id", ""))}
    owner = _owner(matrix, owners, builder)
    if owner:
        response["owner"] = owner[0]
        if len(owner) > 1 and matrix.owner is not None:
            builder.notes.append(Note(matrix.owner.where, "the matrix names several people to "
                                                          f"complete it: used {owner[0]}"))
    else:
        first = matrix.recommendations[0].where if matrix.recommendations else Where("table", 1)
        builder.notes.append(Note(matrix.owner.where if matrix.owner else first,
                                  "the matrix names nobody to complete it: the record has no "
                                  "owner yet"))
    if matrix.date:
        response["date"] = Bare(matrix.date)
    if matrix.comments:
        response["comments"] = matrix.comments
    pairs = list(zip(matrix.recommendations, rec_ids, strict=True))
    response["responses"] = [builder.response(rec, ident) for rec, ident in pairs]
    recommendations = [builder.recommendation(rec, ident) for rec, ident in pairs] \
        if fill else None
    response["source"] = source
    if matrix.language:
        response["language"] = matrix.language
    extra = [f"{author}: {text}" if author else text for author, text in matrix.margin_notes]
    if extra:
        response["notes"] = "Margin comments in the matrix: " + " / ".join(extra)
    return Imported(response, recommendations, owners.added, [*matrix.notes, *builder.notes])
