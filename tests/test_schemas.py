"""The JSON Schemas of schema/: they accept every bundled record, reject targeted bad variants
with located plain-language messages, and are the files the installed package carries."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO, schema_findings
from jsonschema import Draft202012Validator
from records_kit import action, evaluation, head, management_response, owner, owners

from evalcheck import schemas
from evalcheck.records import KINDS, load_record

SCHEMA_DIR = REPO / "schema"
RECORDS = sorted((REPO / "records").rglob("*.yaml"))

EVALUATION = evaluation(title="A title", report_date="2023-05-20", block=True)
RESPONSE = management_response(actions=[action(block=True, deadline="2023-11",
                                               status="in-progress")])
PROJECT = head("project", "PRJ-1", title="P", owner="me-unit", total="10") + (
    'budget:\n  - {id: "1", item: x, amount: 10}\n')
OWNERS = owners(owner("me-unit", name="M&E"))
# Every version-2 field of the record model, as an ERC-style matrix fills them: kept as
# written, the whole record is what test_minimal_base_record_is_valid[v2] holds valid.
RESPONSE_V2 = """\
kind: management-response
id: MR-2
evaluation: EV-1
owner: me-unit
date: 2024-03-15
responses:
  - recommendation: R1
    decision_text: Partially agree
    decision: partially-accepted
    rationale: Only the first part is within our mandate.
    actions:
      - id: "1.1"
        description: Revise the guidelines
        deadline: 2025-Q3
        original_deadline: 2024-12
        deadline_changes:
          - {date: 2025-02-01, from: 2024-12, to: 2025-Q3, reason: Funding arrived late,
             approved_by: me-unit}
        responsible: [me-unit]
        status: completed
        status_text: Overdue-Initiated
        completed_on: 2025-03-10
        validated: {by: me-unit, on: 2025-04-02}
        comments: Draft shared with the regional bureau.
        evidence: [https://example.org/guidelines.pdf, docs/evidence/mr-1-1.pdf]
      - id: "1.2"
        description: Train the focal points
        deadline: "2025"
        responsible: [me-unit]
        status: no-longer-applicable
        completed_on: 2025-01-20
      - id: "1.3"
        description: Keep the roster up to date
        deadline_note: Continuous
        responsible: [me-unit]
  - recommendation: R2
    decision_text: Noted
"""
BASE = {"evaluation": EVALUATION, "management-response": RESPONSE, "project": PROJECT,
        "owners": OWNERS, "v2": RESPONSE_V2}


@pytest.mark.parametrize("path", RECORDS, ids=[p.relative_to(REPO).as_posix() for p in RECORDS])
def test_bundled_record_is_valid(path: Path) -> None:
    assert schema_findings(path.read_text(encoding="utf-8")) == []


def test_every_kind_is_bundled() -> None:
    kinds = {load_record(p.name, p.read_bytes()).kind for p in RECORDS}
    assert kinds == set(KINDS)


@pytest.mark.parametrize("kind", [*KINDS, "v2"])
def test_minimal_base_record_is_valid(kind: str) -> None:
    assert schema_findings(BASE[kind]) == []


# (id, kind, old, new, check, line, column, message fragment, hint fragment)
BAD_VARIANTS = [
    ("ev-missing-title", "evaluation", "title: A title\n", "", "schema", 1, 1,
     "title is required", ""),
    ("ev-misspelt-title", "evaluation", "title: A title", "tilte: A title", "schema", 3, 1,
     "unknown field 'tilte'", "did you mean title?"),
    ("ev-misspelt-deep", "evaluation", "    text: Do it.", "    txt: Do it.", "schema", 9, 5,
     "recommendations[0]: unknown field 'txt'", "did you mean text?"),
    ("ev-missing-deep", "evaluation", "    text: Do it.\n", "", "schema", 8, 5,
     "recommendations[0].text is required (recommendation R1)", ""),
    ("ev-bad-enum", "evaluation", "status: completed", "status: finished", "schema", 4, 9,
     "status is 'finished': did you mean 'completed'?", "planned, ongoing, completed"),
    ("ev-bad-date", "evaluation", "report_date: 2023-05-20", "report_date: 20/05/2023", "schema",
     6, 14, "report_date: '20/05/2023' is not a date in the form YYYY-MM-DD or YYYY-MM: "
     "write 2023-05-20", ""),
    ("ev-unreadable-date", "evaluation", "report_date: 2023-05-20", "report_date: soon",
     "schema", 6, 14, "report_date: 'soon' is not a date in the form YYYY-MM-DD or YYYY-MM",
     "2023-11"),
    ("ev-impossible-date", "evaluation", "report_date: 2023-05-20", "report_date: 2023-02-30",
     "schema", 6, 14, "report_date: '2023-02-30' is not a real calendar date: February 2023 "
     "has 28 days", ""),
    ("ev-impossible-month", "evaluation", "report_date: 2023-05-20", "report_date: 2023-13",
     "schema", 6, 14, "not a real calendar date: there is no month 13", ""),
    ("ev-ambiguous-status", "evaluation", "status: completed", "status: NO", "ambiguous-scalar",
     4, 9, "status: NO is read as a yes/no value (false)", 'put it in quotes: "NO"'),
    ("ev-ambiguous-title", "evaluation", "title: A title", "title: yes", "ambiguous-scalar",
     3, 8, "title: yes is read as a yes/no value (true)", '"yes"'),
    ("ev-ambiguous-sexagesimal", "evaluation", "title: A title", "title: 12:30",
     "ambiguous-scalar", 3, 8, "title: 12:30 is read as the number 750", '"12:30"'),
    ("ev-ambiguous-1e3", "evaluation", "title: A title", "title: 1e3", "ambiguous-scalar",
     3, 8, "read as a number by other YAML tools", ""),
    ("ev-ambiguous-date-as-text", "evaluation", "title: A title", "title: 2023-11-20",
     "ambiguous-scalar", 3, 8, "read as a date by other YAML tools", ""),
    ("ev-missing-owner", "evaluation", "owner: me-unit\n", "", "missing-owner", 1, 1,
     "owner is required", "owner id"),
    ("ev-missing-addressed-to", "evaluation", "    addressed_to: [me-unit]\n", "",
     "missing-owner", 8, 5, "recommendations[0].addressed_to is required: recommendation R1",
     ""),
    ("ev-empty-addressed-to", "evaluation", "addressed_to: [me-unit]", "addressed_to: []",
     "missing-owner", 10, 19, "recommendations[0].addressed_to is an empty list", ""),
    ("ev-priority-out-of-range", "evaluation", "    addressed_to: [me-unit]\n",
     "    addressed_to: [me-unit]\n    priority: 5\n", "schema", 11, 15,
     "recommendations[0].priority is 5, but must be at most 3", ""),
    ("ev-wrong-type", "evaluation", "title: A title", "title: [a]", "schema", 3, 8,
     "title should be text, not a list", ""),
    ("ev-bad-id", "evaluation", "id: EV-1", "id: EV 1 bad", "schema", 2, 5,
     "id: 'EV 1 bad' does not have the expected form", ""),
    ("mr-missing-evaluation", "management-response", "evaluation: EV-1\n", "", "schema", 1, 1,
     "evaluation is required", ""),
    ("mr-bad-decision", "management-response", "decision: accepted", "decision: maybe",
     "schema", 7, 15, "responses[0].decision is 'maybe'", ""),
    ("mr-bad-status", "management-response", "status: in-progress", "status: done", "schema",
     13, 17, "responses[0].actions[0].status is 'done'", ""),
    ("mr-misspelt-deadline", "management-response", "deadline: 2023-11", "deadlin: 2023-11",
     "schema", 12, 9, "responses[0].actions[0]: unknown field 'deadlin'",
     "did you mean deadline?"),
    ("mr-bad-deadline", "management-response", "deadline: 2023-11", "deadline: Nov 2023",
     "schema", 12, 19, "responses[0].actions[0].deadline: 'Nov 2023' is not a deadline in the "
     "form YYYY-MM-DD, YYYY-MM, YYYY-Qn or YYYY: write 2023-11", ""),
    ("mr-missing-responsible", "management-response", "        responsible: [me-unit]\n", "",
     "missing-owner", 9, 9, "responses[0].actions[0].responsible is required: action 1.1", ""),
    ("mr-missing-owner", "management-response", "owner: me-unit\n", "", "missing-owner", 1, 1,
     "owner is required", ""),
    ("mr-ambiguous-action-id", "management-response", 'id: "1.1"', "id: 1.10",
     "ambiguous-scalar", 9, 13, "responses[0].actions[0].id: 1.10 is read as the number 1.1",
     '"1.10"'),
    ("v2-quarter-5", "v2", "deadline: 2025-Q3", "deadline: 2025-Q5", "schema", 14, 19,
     "responses[0].actions[0].deadline: '2025-Q5' is not a real calendar date: a year has "
     "quarters Q1 to Q4", ""),
    ("v2-quarter-in-words", "v2", "deadline: 2025-Q3", "deadline: Q3 2025", "schema", 14, 19,
     "write 2025-Q3", ""),
    ("v2-year-unquoted", "v2", 'deadline: "2025"', "deadline: 2025", "ambiguous-scalar", 28, 19,
     "responses[0].actions[1].deadline: 2025 is read as a number, not as text", '"2025"'),
    ("v2-change-without-to", "v2", " to: 2025-Q3,", "", "schema", 17, 13,
     "responses[0].actions[0].deadline_changes[0].to is required", ""),
    ("v2-change-to-impossible", "v2", "to: 2025-Q3", "to: 2025-02-29", "schema", 17, 51,
     "deadline_changes[0].to: '2025-02-29' is not a real calendar date", ""),
    ("v2-validated-without-on", "v2", ", on: 2025-04-02}", "}", "schema", 23, 20,
     "responses[0].actions[0].validated.on is required", ""),
    ("v2-completed-on-quarter", "v2", "completed_on: 2025-03-10", "completed_on: 2025-Q1",
     "schema", 22, 23, "completed_on: '2025-Q1' is not a date in the form YYYY-MM-DD or YYYY-MM",
     ""),
    ("v2-misspelt-note", "v2", "deadline_note: Continuous", "deadline_notes: Continuous",
     "schema", 34, 9, "unknown field 'deadline_notes'", "did you mean deadline_note?"),
    ("prj-amount-text", "project", "amount: 10}", "amount: ten}", "schema", 7, 32,
     "budget[0].amount should be a number, not the text 'ten'", ""),
    ("prj-negative-total", "project", "total: 10", "total: -10", "schema", 5, 8,
     "total is -10, but must be at least 0", ""),
    ("prj-misspelt", "project", "title: P", "titel: P", "schema", 3, 1,
     "unknown field 'titel'", "did you mean title?"),
    ("prj-missing-owner", "project", "owner: me-unit\n", "", "missing-owner", 1, 1,
     "owner is required", ""),
    ("ow-bad-type", "owners", "type: unit", "type: team", "schema", 3, 36,
     "owners[0].type is 'team', which is not one of: unit, person, external", ""),
    ("ow-missing-name", "owners", "name: M&E, ", "", "schema", 3, 5,
     "owners[0].name is required (owner me-unit)", ""),
    ("ow-misspelt-name", "owners", "name: M&E", "nmae: M&E", "schema", 3, 19,
     "owners[0]: unknown field 'nmae'", "did you mean name?"),
    ("no-kind", "evaluation", "kind: evaluation\n", "", "unknown-kind", 1, 1,
     "the record has no kind", "evaluation, management-response, project, owners"),
    ("bad-kind", "evaluation", "kind: evaluation", "kind: evalution", "unknown-kind", 1, 7,
     "unknown kind 'evalution'", ""),
]


@pytest.mark.parametrize(
    ("kind", "old", "new", "check", "line", "column", "message", "hint"),
    [case[1:] for case in BAD_VARIANTS], ids=[case[0] for case in BAD_VARIANTS])
def test_bad_variant(kind: str, old: str, new: str, check: str, line: int, column: int,
                     message: str, hint: str) -> None:
    base = BASE[kind]
    assert old in base
    found = schema_findings(base.replace(old, new, 1))
    matching = [f for f in found if f[0] == check and message in f[3]]
    assert matching, found
    assert matching[0][1:3] == (line, column), found
    assert hint in matching[0][4]
    if check == "ambiguous-scalar":
        assert [f[0] for f in found] == ["ambiguous-scalar"], "reported as schema too"


def test_a_misspelt_field_is_one_problem_not_also_a_missing_one() -> None:
    """Issue 14, item 13: `tilte` is the `title` the record lacks."""
    found = schema_findings(EVALUATION.replace("title: A title", "tilte: A title"))
    assert [(f[0], f[1], f[2], f[3], f[4]) for f in found] == [
        ("schema", 3, 1, "unknown field 'tilte'", "did you mean title?")]


def test_a_misspelt_field_next_to_the_right_one_is_still_unknown() -> None:
    found = schema_findings(EVALUATION.replace("title: A title", "title: A title\ntilte: Again"))
    assert [(f[0], f[1], f[3]) for f in found] == [("schema", 4, "unknown field 'tilte'")]


def test_every_error_of_a_record_in_one_pass() -> None:
    text = EVALUATION.replace("status: completed", "status: finished").replace(
        "report_date: 2023-05-20", "report_date: 2023-02-30")
    assert [f[1] for f in schema_findings(text)] == [4, 6]


def test_own_fields_with_x_prefix_are_allowed() -> None:
    assert schema_findings(EVALUATION + "x-note: kept for the office\n") == []


@pytest.mark.parametrize("text", ["- a list\n", "just text\n", ""])
def test_a_file_that_is_not_a_mapping(text: str) -> None:
    assert [f[0] for f in schema_findings(text)] == ["unknown-kind"]


def _schemas() -> dict[str, dict[str, Any]]:
    return {kind: json.loads((SCHEMA_DIR / f"{kind}.schema.json").read_text(encoding="utf-8"))
            for kind in KINDS}


def test_schema_dir_holds_one_schema_per_kind() -> None:
    assert sorted(p.name for p in SCHEMA_DIR.glob("*.json")) == sorted(
        f"{kind}.schema.json" for kind in KINDS)


@pytest.mark.parametrize("kind", KINDS)
def test_schema_is_valid_draft_2020_12_with_an_id(kind: str) -> None:
    schema = _schemas()[kind]
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"].endswith(f"/{kind}.schema.json")
    Draft202012Validator.check_schema(schema)


def test_schema_ids_are_unique() -> None:
    ids = [s["$id"] for s in _schemas().values()]
    assert len(set(ids)) == len(ids)


def test_shared_defs_are_identical_across_schemas() -> None:
    seen: dict[str, tuple[str, Any]] = {}
    for kind, schema in _schemas().items():
        for name, definition in schema.get("$defs", {}).items():
            if name in seen:
                assert definition == seen[name][1], f"$defs/{name}: {kind} != {seen[name][0]}"
            else:
                seen[name] = (kind, definition)
    assert {"date", "recordId", "ownerId", "text"} <= set(seen)


def _undescribed(node: Any, where: str) -> list[str]:
    """Every property, at any depth, that has no description."""
    out: list[str] = []
    if isinstance(node, dict):
        for name, prop in node.get("properties", {}).items():
            if not (isinstance(prop, dict) and isinstance(prop.get("description"), str)
                    and prop["description"].strip()):
                out.append(f"{where}.{name}")
        for key, value in node.items():
            out.extend(_undescribed(value, f"{where}/{key}"))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            out.extend(_undescribed(value, f"{where}[{i}]"))
    return out


@pytest.mark.parametrize("kind", KINDS)
def test_every_property_has_a_description(kind: str) -> None:
    schema = _schemas()[kind]
    assert schema.get("description")
    assert _undescribed(schema, kind) == []


def test_installed_package_reads_schema_dir() -> None:
    here = schemas.schema_dir()
    for kind in KINDS:
        assert (here / f"{kind}.schema.json").read_bytes() == (
            SCHEMA_DIR / f"{kind}.schema.json").read_bytes()


@pytest.mark.slow
def test_wheel_carries_exactly_schema_dir(tmp_path: Path) -> None:
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path),
                    str(REPO)], check=True, capture_output=True, timeout=300)
    (wheel,) = tmp_path.glob("evalcheck_mr-*.whl")  # the distribution is evalcheck-mr
    with zipfile.ZipFile(wheel) as zf:
        inside = {n.rsplit("/", 1)[1]: zf.read(n) for n in zf.namelist()
                  if n.startswith("evalcheck/schema/")}
    assert inside == {p.name: p.read_bytes() for p in SCHEMA_DIR.glob("*.json")}
