"""A records repository with a real git history over eleven quarters (2023-Q1 to 2025-Q3), for
the board indicators: responses added (one on time, one late, one two years late, one never),
actions closed (on time, after a moved deadline, after their period, found no longer
applicable), deadlines moved (once, and three times), closures validated later, and statuses
never reported. tests/report/test_board.py works out each number by hand from the story below.

Owners: unit-a (region americas), unit-b (under office-b, under africa), unit-c (americas).

    EV-A  final, reported 2023-02-15; response MR-A dated 2023-03-20 (33 days)
      R1 (priority 1, unit-a) accepted
        A1.1  due 2023-06, completed 2023-06-15, validated 2023-07-01
        A1.2  due 2023-09, moved 2023-09-20 to 2023-12, completed 2023-11-30
      R2 (priority 2, unit-b) partially accepted
        A2.1  due 2023-09-30, moved 2023-09-25 to 2023-12-31, 2023-12-20 to 2024-06-30,
              2024-06-25 to 2024-12-31; in progress
      R3 (priority 1, unit-a) rejected
    EV-B  mid-term, reported 2023-05-10; response MR-B dated 2023-09-15 (128 days)
      R1 (priority 1, unit-b) accepted
        B1.1  due 2023-12, units b and c, no status ever reported
        B1.2  due 2024-Q1, no longer applicable 2024-02-10
        B1.3  due 2024-03-31, completed 2024-05-15 (after its quarter)
      R2 (unit-c) accepted, no action
    EV-C  final, reported 2024-03-01; response MR-C dated 2025-03-05 (369 days)
      R1 (unit-c) accepted: C1.1 due 2025-06-30, completed 2025-05-20, validated 2025-06-10
      R2 (priority 3, unit-c) accepted: C2.1 due 2026-06-30, not started
      R3 (priority 1, unit-c) accepted: C3.1 due 2025-06-30, no status reported
    EV-D  mid-term, reported 2024-04-10; never answered
"""

from __future__ import annotations

import copy
import os
import subprocess
from pathlib import Path
from typing import Any

import yaml

OWNERS = {"kind": "owners", "owners": [
    {"id": "americas", "name": "Americas Region", "type": "unit"},
    {"id": "africa", "name": "Africa Region", "type": "unit"},
    {"id": "office-b", "name": "Office B", "type": "unit", "parent": "africa"},
    {"id": "unit-a", "name": "Unit A", "type": "unit", "parent": "americas"},
    {"id": "unit-b", "name": "Unit B", "type": "unit", "parent": "office-b"},
    {"id": "unit-c", "name": "Unit C", "type": "unit", "parent": "americas"},
    {"id": "me", "name": "Evaluation Office", "type": "unit"},
]}


def _evaluation(ident: str, title: str, kind: str, report: str,
                recs: list[tuple[str, str, int | None]]) -> dict[str, Any]:
    out: dict[str, Any] = {"kind": "evaluation", "id": ident, "title": title,
                           "status": "completed", "owner": "me", "type": kind,
                           "report_date": report, "recommendations": []}
    for rid, unit, priority in recs:
        rec: dict[str, Any] = {"id": rid, "text": f"{ident} recommendation {rid}.",
                               "addressed_to": [unit]}
        if priority is not None:
            rec["priority"] = priority
        out["recommendations"].append(rec)
    return out


def _act(ident: str, deadline: str, units: list[str], status: str | None = "not-started",
         ) -> dict[str, Any]:
    out: dict[str, Any] = {"id": ident, "description": f"Action {ident}.", "deadline": deadline,
                           "responsible": units}
    if status:
        out["status"] = status
    return out


def _mr(ident: str, evaluation: str, date: str,
        answers: list[tuple[str, str, list[dict[str, Any]]]]) -> dict[str, Any]:
    return {"kind": "management-response", "id": ident, "evaluation": evaluation,
            "owner": "me", "date": date,
            "responses": [{"recommendation": r, "decision": d, **({"actions": a} if a else {})}
                          for r, d, a in answers]}


def _action(state: dict[str, Any], path: str, rec: str, ident: str) -> dict[str, Any]:
    for answer in state[path]["responses"]:
        if answer["recommendation"] == rec:
            for action in answer.get("actions", []):
                if action["id"] == ident:
                    return action  # type: ignore[no-any-return]
    raise KeyError(ident)


def _move(action: dict[str, Any], on: str, new: str) -> None:
    action.setdefault("deadline_changes", []).append(
        {"date": on, "from": action["deadline"], "to": new, "reason": "Delayed."})
    action["deadline"] = new


def commits() -> list[tuple[str, str, dict[str, Any]]]:
    """(date, message, the record files then) for each commit, oldest first."""
    state: dict[str, Any] = {"records/owners.yaml": OWNERS}
    out: list[tuple[str, str, dict[str, Any]]] = []

    def commit(date: str, message: str) -> None:
        out.append((date, message, copy.deepcopy(state)))

    commit("2023-01-10", "owners registry")
    state["records/ev-a.yaml"] = _evaluation(
        "EV-A", "Evaluation of the migration data programme", "final", "2023-02-15",
        [("R1", "unit-a", 1), ("R2", "unit-b", 2), ("R3", "unit-a", 1)])
    commit("2023-02-16", "EV-A reported")
    state["records/mr-a.yaml"] = _mr("MR-A", "EV-A", "2023-03-20", [
        ("R1", "accepted", [_act("A1.1", "2023-06", ["unit-a"]),
                            _act("A1.2", "2023-09", ["unit-a"])]),
        ("R2", "partially-accepted", [_act("A2.1", "2023-09-30", ["unit-b"])]),
        ("R3", "rejected", [])])
    state["records/mr-a.yaml"]["responses"][2]["rationale"] = "Out of our mandate."
    commit("2023-03-20", "MR-A: management response to EV-A")
    state["records/ev-b.yaml"] = _evaluation(
        "EV-B", "Mid-term review of the labour mobility project", "mid-term", "2023-05-10",
        [("R1", "unit-b", 1), ("R2", "unit-c", None)])
    commit("2023-05-11", "EV-B reported")
    a11 = _action(state, "records/mr-a.yaml", "R1", "A1.1")
    a11.update(status="completed", completed_on="2023-06-15")
    _action(state, "records/mr-a.yaml", "R1", "A1.2")["status"] = "in-progress"
    commit("2023-06-16", "A1.1 completed")
    _action(state, "records/mr-a.yaml", "R1", "A1.1")["validated"] = {"by": "me",
                                                                       "on": "2023-07-01"}
    commit("2023-07-02", "A1.1 closure validated")
    state["records/mr-b.yaml"] = _mr("MR-B", "EV-B", "2023-09-15", [
        ("R1", "accepted", [_act("B1.1", "2023-12", ["unit-b", "unit-c"], None),
                            _act("B1.2", "2024-Q1", ["unit-c"]),
                            _act("B1.3", "2024-03-31", ["unit-b"])]),
        ("R2", "accepted", [])])
    commit("2023-09-15", "MR-B: a late management response to EV-B")
    _move(_action(state, "records/mr-a.yaml", "R1", "A1.2"), "2023-09-20", "2023-12")
    commit("2023-09-20", "A1.2 deadline moved")
    a21 = _action(state, "records/mr-a.yaml", "R2", "A2.1")
    _move(a21, "2023-09-25", "2023-12-31")
    a21["status"] = "in-progress"
    commit("2023-09-25", "A2.1 deadline moved")
    _action(state, "records/mr-a.yaml", "R1", "A1.2").update(status="completed",
                                                             completed_on="2023-11-30")
    commit("2023-11-30", "A1.2 completed")
    _move(_action(state, "records/mr-a.yaml", "R2", "A2.1"), "2023-12-20", "2024-06-30")
    commit("2023-12-20", "A2.1 deadline moved again")
    _action(state, "records/mr-b.yaml", "R1", "B1.2").update(status="no-longer-applicable",
                                                             completed_on="2024-02-10")
    commit("2024-02-10", "B1.2 no longer applicable")
    state["records/ev-c.yaml"] = _evaluation(
        "EV-C", "Final evaluation of the border management project", "final", "2024-03-01",
        [("R1", "unit-c", None), ("R2", "unit-c", 3), ("R3", "unit-c", 1)])
    commit("2024-03-02", "EV-C reported")
    state["records/ev-d.yaml"] = _evaluation(
        "EV-D", "Mid-term review of the shelter programme", "mid-term", "2024-04-10",
        [("R1", "unit-a", 2)])
    commit("2024-04-11", "EV-D reported")
    _action(state, "records/mr-b.yaml", "R1", "B1.3").update(status="completed",
                                                             completed_on="2024-05-15")
    commit("2024-05-15", "B1.3 completed, after its deadline")
    _move(_action(state, "records/mr-a.yaml", "R2", "A2.1"), "2024-06-25", "2024-12-31")
    commit("2024-06-25", "A2.1 deadline moved a third time")
    state["records/mr-c.yaml"] = _mr("MR-C", "EV-C", "2025-03-05", [
        ("R1", "accepted", [_act("C1.1", "2025-06-30", ["unit-c"])]),
        ("R2", "accepted", [_act("C2.1", "2026-06-30", ["unit-c"])]),
        ("R3", "accepted", [_act("C3.1", "2025-06-30", ["unit-c"], None)])])
    commit("2025-03-05", "MR-C: a response more than a year after the report")
    _action(state, "records/mr-c.yaml", "R1", "C1.1").update(status="completed",
                                                             completed_on="2025-05-20")
    commit("2025-05-20", "C1.1 completed")
    _action(state, "records/mr-c.yaml", "R1", "C1.1")["validated"] = {"by": "me",
                                                                       "on": "2025-06-10"}
    commit("2025-06-10", "C1.1 closure validated")
    state["records/mr-b.yaml"]["comments"] = "Follow-up meeting held."
    commit("2025-08-15", "MR-B comments")
    return out


def _git(root: Path, *args: str, date: str = "") -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    if date:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = f"{date}T12:00:00+00:00"
    return subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True,
                          text=True).stdout


def build(root: Path) -> dict[str, str]:
    """Write and commit the history under `root`; {commit date: commit id}."""
    _git(root, "init", "-q", "-b", "main")
    (root / ".evalcheck.yaml").write_text("records: [records]\n", encoding="utf-8")
    made: dict[str, str] = {}
    for date, message, files in commits():
        for path, data in files.items():
            target = root / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True),
                              encoding="utf-8")
        _git(root, "add", "-A")
        _git(root, "commit", "-q", "-m", message, date=date)
        made[date] = _git(root, "rev-parse", "HEAD").strip()
    return made
