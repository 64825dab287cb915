"""The files an import writes, as texts: the new management response, the evaluation with
the recommendations it lacked, the owners registry with the owners it lacked.

Existing files are changed with round-trip edits (evalcheck.roundtrip), so their comments
and layout stay; nothing is written here, so the command can check everything first.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from evalcheck import emit, roundtrip
from evalcheck.office.build import Imported
from evalcheck.problems import Finding
from evalcheck.records import load_record
from evalcheck.schemas import validate

_AFTER_RECOMMENDATIONS = ("source", "language", "notes")


@dataclass
class Output:
    """One file to write, and the schema problems its new text has that the old did not."""

    path: Path
    text: str
    what: str
    findings: list[Finding] = field(default_factory=list)


def with_recommendations(text: str, recommendations: Sequence[Mapping[str, Any]]) -> str:
    """An evaluation record's text with `recommendations` filled in (it had none)."""
    block = emit.dump({"recommendations": list(recommendations)})

    def change(data: Any, yaml: Any) -> None:
        value = roundtrip.node(yaml, block)["recommendations"]
        if "recommendations" in data:
            data["recommendations"] = value
            return
        keys = list(data)
        position = next((i for i, k in enumerate(keys)
                         if k in _AFTER_RECOMMENDATIONS or str(k).startswith("x-")), len(keys))
        data.insert(position, "recommendations", value)

    return roundtrip.edit(text, change)


def with_owners(text: str | None, owners: Sequence[Mapping[str, Any]]) -> str:
    """The owners registry's text with `owners` appended, in the style of its entries."""
    if text is None:
        return emit.dump({"kind": "owners", "owners": list(owners)})

    def change(data: Any, yaml: Any) -> None:
        entries = data.get("owners")
        if entries is None or not hasattr(entries, "append"):
            data["owners"] = roundtrip.node(yaml, emit.dump({"owners": list(owners)}))["owners"]
            return
        flow = bool(entries) and hasattr(entries[0], "fa") and entries[0].fa.flow_style()
        for owner in owners:
            entries.append(roundtrip.node(yaml, emit.flow_mapping(owner) if flow
                                          else emit.dump(owner)))

    return roundtrip.edit(text, change)


def new_findings(path: Path, old: str | None, new: str) -> list[Finding]:
    """Schema findings of the new text that the old text did not already have."""
    def findings(text: str) -> list[Finding]:
        record = load_record(str(path), text.encode("utf-8"))
        return [*record.doc.findings, *validate(record)]

    before = {(f.check, f.message) for f in findings(old)} if old is not None else set()
    return [f for f in findings(new) if (f.check, f.message) not in before]


def outputs(imported: Imported, response_path: Path, evaluation_path: Path,
            evaluation_text: str, owners_path: Path, owners_text: str | None) -> list[Output]:
    """Every file the import changes, in the order to write them (what others refer to first)."""
    out: list[Output] = []
    current = owners_path
    try:
        if imported.new_owners:
            text = with_owners(owners_text, imported.new_owners)
            out.append(Output(owners_path, text, "owners",
                              new_findings(owners_path, owners_text, text)))
        current = evaluation_path
        if imported.recommendations is not None:
            text = with_recommendations(evaluation_text, imported.recommendations)
            out.append(Output(evaluation_path, text, "evaluation",
                              new_findings(evaluation_path, evaluation_text, text)))
    except roundtrip.EditError as exc:  # one line, exit 2, naming the file; nothing written
        raise roundtrip.EditError(f"{current}: {exc}") from None
    text = emit.dump(imported.response)
    out.append(Output(response_path, text, "response", new_findings(response_path, None, text)))
    return out
