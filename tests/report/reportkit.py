"""Shared helpers for the report tests: tiny corpora, the bundled records, hostile text."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from conftest import records_from, write_files

from evalcheck.report.model import ReportData, build_report

OWNERS = """
kind: owners
owners:
  - {id: me-unit, name: M&E Unit, type: unit}
  - {id: programme-unit, name: Programme Unit, type: unit}
  - {id: ana, name: Ana Pérez, type: person}
  - {id: bo, name: Bo Li, type: person}
"""

SCRIPT = "<script>alert(1)</script>"
FORMULA = '=HYPERLINK("http://evil.example/x","click me")'


def report_of(text: str, as_of: dt.date = dt.date(2024, 6, 30), owner: str | None = None,
              evaluation: str | None = None) -> ReportData:
    """build_report on inline YAML documents (separated by `---` lines), no lint problems."""
    return build_report(records_from(text), [], as_of, owner, evaluation)


Answer = tuple[str, str, Sequence[str]]
"""(recommendation id, decision or "", action flow mappings)."""


def action(ident: str, deadline: str = "", status: str = "", responsible: str = "ana",
           text: str = "", extra: str = "") -> str:
    """One action as a YAML flow mapping."""
    parts = [f'id: "{ident}"', f"description: {text or 'Action ' + ident}",
             f"responsible: [{responsible}]"]
    parts += [f"deadline: {deadline}"] if deadline else []
    parts += [f"status: {status}"] if status else []
    parts += [extra] if extra else []
    return "{" + ", ".join(parts) + "}"


def mr(*answers: Answer, evaluation: str = "EV-1", ident: str = "MR-1",
       owner: str = "me-unit") -> str:
    """A management response record answering recommendations with actions."""
    lines = ["kind: management-response", f"id: {ident}", f"evaluation: {evaluation}",
             f"owner: {owner}", "responses:"]
    for rec, decision, actions in answers:
        lines.append(f"  - recommendation: {rec}")
        if decision:
            lines.append(f"    decision: {decision}")
        if actions:
            lines.append("    actions:")
            lines += [f"      - {a}" for a in actions]
    return "\n".join(lines)


def evaluation(ident: str = "EV-1", recs: tuple[str, ...] = ("R1",), status: str = "completed",
               owner: str = "me-unit", extra: str = "", addressed: str = "programme-unit") -> str:
    lines = [f"kind: evaluation\nid: {ident}\ntitle: Evaluation {ident}\nstatus: {status}\n"
             f"owner: {owner}\n{extra}".rstrip("\n"), "recommendations:"]
    lines += [f"  - {{id: {r}, text: Do {r} for {ident}., addressed_to: [{addressed}]}}"
              for r in recs]
    return "\n".join(lines) if recs else lines[0]


def hostile_records(root: Path) -> Path:
    """Records whose text tries to become markup, links, scripts and spreadsheet formulas."""
    write_files(root, {
        ".evalcheck.yaml": "records: [records]\n",
        "records/owners.yaml": OWNERS + "  - {id: evil, name: '<b>Evil</b> Unit', type: unit}\n",
        "records/ev.yaml": f"""
            kind: evaluation
            id: EV-X
            title: "[click](javascript:alert(2)) <img src=x onerror=alert(3)>"
            status: completed
            owner: me-unit
            report_date: 2024-01-15
            recommendations:
              - id: R1
                text: "{SCRIPT}"
                addressed_to: [evil]
              - id: R2
                text: "| pipes | and **stars** @someone"
                addressed_to: [evil]
        """,
        "records/mr.yaml": f"""
            kind: management-response
            id: MR-X
            evaluation: EV-X
            owner: me-unit
            responses:
              - recommendation: R1
                decision: accepted
                actions:
                  - id: "1.1"
                    description: '{FORMULA}'
                    deadline: 2024-03
                    responsible: [evil]
                  - id: "1.2"
                    description: "{SCRIPT} again"
                    deadline: 2024-09-30
                    responsible: [ana]
                    status: in-progress
        """,
    })
    return root
