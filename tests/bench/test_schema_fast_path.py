"""jsonschema-rs only says yes faster: every record gets the findings python-jsonschema gives."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import records_from

from evalcheck import schemas
from evalcheck.records import load_record

ODD = """
kind: owners
owners:
  - {id: a, name: A, type: unit, email: "a@b"}
  - {id: b, name: B, type: unit, email: "not an email"}
---
kind: evaluation
id: "EV-1\\n"
title: T
status: completed
owner: "me\\n"
report_date: "2023-02-30"
year: .nan
---
kind: evaluation
id: EV-2
title: T
status: completed
owner: me
budget: {amount: 100000000000000000000000000, currency: USD}
period: {start: "2023-11\\n", end: 2024-02-29}
---
kind: project
id: P
title: T
owner: me
total: .inf
"""


def both(records: list[Any], monkeypatch: pytest.MonkeyPatch) -> tuple[list[Any], list[Any]]:
    fast = [schemas.validate(r) for r in records]
    with monkeypatch.context() as m:
        m.setattr(schemas, "_fast_validator", lambda kind: None)
        slow = [schemas.validate(r) for r in records]
    return fast, slow


def test_odd_values_get_the_same_findings(monkeypatch: pytest.MonkeyPatch) -> None:
    fast, slow = both(records_from(ODD), monkeypatch)
    assert fast == slow


def test_the_generated_repository_gets_the_same_findings(
        generated: tuple[Path, dict[str, Any]], monkeypatch: pytest.MonkeyPatch) -> None:
    root, _ = generated
    records = [load_record(p.relative_to(root).as_posix(), p.read_bytes())
               for p in sorted((root / "records").rglob("*.yaml"))]
    fast, slow = both(records, monkeypatch)
    assert fast == slow
    assert any(fast)
