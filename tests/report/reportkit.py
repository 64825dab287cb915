"""Shared helpers for the report tests: an owners registry with people, report_of on inline
records, hostile text. The records themselves come from records_kit."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from conftest import records_from, write_files
from records_kit import UNIT_OWNERS, owner, owners

from evalcheck.report.model import ReportData, build_report

# The units of every repository and two people actions name.
OWNERS = owners(*UNIT_OWNERS, owner("ana", name="Ana Pérez", type="person"),
                owner("bo", name="Bo Li", type="person"))

SCRIPT = "<script>alert(1)</script>"
FORMULA = '=HYPERLINK("http://evil.example/x","click me")'


def report_of(text: str, as_of: dt.date = dt.date(2024, 6, 30), owner: str | None = None,
              evaluation: str | None = None) -> ReportData:
    """build_report on inline YAML documents (separated by `---` lines), no lint problems."""
    return build_report(records_from(text), [], as_of, owner, evaluation)


def hostile_records(root: Path) -> Path:
    """Records whose text tries to become markup, links, scripts and spreadsheet formulas.
    Written out rather than built: each hostile value's quoting is part of what is tested."""
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
