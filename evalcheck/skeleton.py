"""Skeleton records for `evalcheck new`: valid YAML that people complete in their editor.

Why text and not a YAML dump: a skeleton is read by a person first, so it carries a schema
modeline for editors, comments that teach the format, and `TODO-` placeholders whose line
numbers we know and report. Every value that is not a placeholder is valid as written, so once
the listed placeholders are replaced the record lints clean.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from evalcheck.checks.templates import PLACEHOLDER_PREFIX
from evalcheck.problems import DataPath

FOLDERS = {"evaluation": "evaluations", "management-response": "responses",
           "project": "projects"}
_PLAIN = re.compile(r"^[A-Za-z][A-Za-z0-9 ._/()&'-]*$")
_YAML11_WORDS = {"y", "n", "yes", "no", "on", "off", "true", "false", "null"}


@dataclass(frozen=True, slots=True)
class Placeholder:
    """One value the person must fill: where it is, what it is, and what to put there."""

    line: int
    field: str
    value: str
    help: str


@dataclass(frozen=True, slots=True)
class Skeleton:
    text: str
    placeholders: tuple[Placeholder, ...]


def scalar(value: str) -> str:
    """A YAML scalar that reads back as exactly this text (quoted only when it must be)."""
    plain = (_PLAIN.match(value) is not None and value.lower() not in _YAML11_WORDS
             and not value.endswith((" ", ":")) and ": " not in value and " #" not in value)
    return value if plain else json.dumps(value, ensure_ascii=False)


def _first_sentence(text: str) -> str:
    match = re.match(r"(.+?[.!?])\s+(?=[A-Z])", text)
    return match.group(1) if match else text


def field_help(kind: str, path: DataPath) -> str:
    """What the schema says about a field, first sentence only (the editor shows the rest)."""
    from evalcheck.schemas import subschema_at

    sub = subschema_at(kind, path) or {}
    return _first_sentence(str(sub.get("description", "")))


@dataclass
class _Writer:
    kind: str
    lines: list[str] = field(default_factory=list)
    placeholders: list[Placeholder] = field(default_factory=list)

    def add(self, text: str) -> None:
        self.lines.extend(text.split("\n"))

    def todo(self, indent: str, key: str, token: str, path: DataPath, label: str,
             comment: str = "", as_list: bool = False) -> None:
        value = PLACEHOLDER_PREFIX + token
        shown = f"[{value}]" if as_list else value
        note = f"  # {comment}" if comment else ""
        self.lines.append(f"{indent}{key}: {shown}{note}")
        self.placeholders.append(Placeholder(len(self.lines), label, value,
                                             field_help(self.kind, path)))

    def done(self) -> Skeleton:
        return Skeleton("\n".join(self.lines) + "\n", tuple(self.placeholders))


def _header(writer: _Writer, schema_ref: str, what: str) -> None:
    writer.add(f"# yaml-language-server: $schema={schema_ref}\n"
               f"# {what}\n"
               f"# Replace every {PLACEHOLDER_PREFIX} value. Your editor suggests the other "
               "fields and\n# explains each one when you hover its key.")


def evaluation(ident: str, owner: str, schema_ref: str, title: str | None = None,
               status: str = "planned") -> Skeleton:
    w = _Writer("evaluation")
    _header(w, schema_ref, "A new evaluation record, written by `evalcheck new evaluation`.")
    w.add(f"kind: evaluation\nid: {scalar(ident)}")
    if title:
        w.add(f"title: {scalar(title)}")
    else:
        w.todo("", "title", "title", ("title",), "title")
    w.add(f"status: {status}  # planned | ongoing | completed\nowner: {scalar(owner)}")
    w.add("# type: final independent evaluation\n"
          "# report_date: 2024-05-31\n"
          "# period: {start: 2021-01, end: 2023-12}\n"
          "# criteria: [relevance, effectiveness, efficiency, sustainability]\n"
          "# recommendations:\n"
          "#   - id: R1\n"
          "#     text: ...\n"
          f"#     addressed_to: [{scalar(owner)}]")
    return w.done()


def project(ident: str, owner: str, schema_ref: str, title: str | None = None) -> Skeleton:
    w = _Writer("project")
    _header(w, schema_ref, "A new project record, written by `evalcheck new project`.")
    w.add(f"kind: project\nid: {scalar(ident)}")
    if title:
        w.add(f"title: {scalar(title)}")
    else:
        w.todo("", "title", "title", ("title",), "title")
    w.add(f"owner: {scalar(owner)}")
    w.add("# code: BO10P0001\n"
          "# period: {start: 2024-01, end: 2025-12}\n"
          "# currency: USD\n"
          "# total: 100000\n"
          "# financing:\n"
          "#   - {source: ..., amount: 100000}")
    return w.done()


def _token(ident: str, taken: set[str]) -> str:
    base = re.sub(r"[^A-Za-z0-9.]+", "-", ident).strip("-") or "R"
    token, n = base, 2
    while token in taken:
        token, n = f"{base}-{n}", n + 1
    taken.add(token)
    return token


def _action_id(recommendation: str, position: int) -> str:
    digits = re.findall(r"\d+", recommendation)
    return f"{digits[-1] if digits else position}.1"


def management_response(ident: str, evaluation_id: str, owner: str, schema_ref: str,
                        recommendations: Sequence[str]) -> Skeleton:
    """One response per recommendation of the evaluation, each with one action to complete.
    Without known recommendations, one response whose recommendation id is a placeholder."""
    w = _Writer("management-response")
    _header(w, schema_ref, f"The management response to {evaluation_id}, written by "
                           "`evalcheck new management-response`.\n# One answer per "
                           "recommendation; a rejected one needs a rationale: instead of "
                           "actions.")
    w.add(f"kind: management-response\nid: {scalar(ident)}\n"
          f"evaluation: {scalar(evaluation_id)}\nowner: {scalar(owner)}\n"
          "# date: 2024-06\nresponses:")
    taken: set[str] = set()
    answered: list[str | None] = list(recommendations) or [None]
    for i, rec in enumerate(answered):
        base: DataPath = ("responses", i)
        if rec is None:
            token = _token("R", taken)
            w.todo("  - ", "recommendation", "recommendation-id", (*base, "recommendation"),
                   "responses[1].recommendation", "a recommendation id of the evaluation")
            label, action_id = "responses[1]", "1.1"
        else:
            token = _token(rec, taken)
            w.add(f"  - recommendation: {scalar(rec)}")
            label, action_id = f"recommendation {rec}", _action_id(rec, i + 1)
        w.todo("    ", "decision", f"{token}-decision", (*base, "decision"),
               f"{label}: decision", "accepted | partially-accepted | rejected")
        action: DataPath = (*base, "actions", 0)
        w.add(f"    actions:\n      - id: {json.dumps(action_id)}")
        w.todo("        ", "description", f"{token}-action", (*action, "description"),
               f"{label}: action {action_id} description")
        w.todo("        ", "deadline", f"{token}-deadline", (*action, "deadline"),
               f"{label}: action {action_id} deadline", "YYYY-MM-DD, or YYYY-MM for a month")
        w.todo("        ", "responsible", f"{token}-responsible", (*action, "responsible"),
               f"{label}: action {action_id} responsible", "owner ids", as_list=True)
    return w.done()


def recommendation_ids(evaluation_data: Any) -> list[str]:
    """The recommendation ids of an evaluation record's data, in order, skipping malformed ones."""
    out: list[str] = []
    recs = evaluation_data.get("recommendations") if isinstance(evaluation_data, dict) else None
    for rec in recs if isinstance(recs, list) else []:
        ident = rec.get("id") if isinstance(rec, dict) else None
        if isinstance(ident, (str, int)) and not isinstance(ident, bool) and str(ident) not in out:
            out.append(str(ident))
    return out
