"""The owners family: who is accountable for each record, recommendation and action."""

from __future__ import annotations

from collections.abc import Iterator

from evalcheck.checks import Context, check
from evalcheck.problems import Finding, Severity
from evalcheck.records import Corpus, Record, record_owner_refs


@check("unknown-owner", family="owners", severity=Severity.ERROR, scope="corpus")
def unknown_owner(corpus: Corpus, ctx: Context) -> Iterator[tuple[Record, Finding]]:
    """An owner reference that the owners registry does not define.

    Why: reports group overdue actions by owner and CODEOWNERS asks owners for review; a
    misspelt or unregistered id silently drops those actions out of everyone's list.

    Bad:
        kind: owners
        owners:
          - {id: me-unit, name: M&E Unit, type: unit}
        ---
        kind: evaluation
        id: EV-2024-01
        title: Final evaluation
        status: completed
        owner: m-e-unit
    Good:
        kind: owners
        owners:
          - {id: me-unit, name: M&E Unit, type: unit}
        ---
        kind: evaluation
        id: EV-2024-01
        title: Final evaluation
        status: completed
        owner: me-unit
    """
    if not corpus.complete:  # an unreadable file may be an owners registry
        return
    known = corpus.owner_ids
    hint = ("add it to the owners registry (records/owners.yaml) or correct the id"
            if corpus.has_registry else "no owners registry found: add records/owners.yaml")
    # a named registry may have lost an owner that any record names
    named_registry = any(corpus.is_target(r) for r in corpus.registries)
    for record in corpus.records if named_registry else corpus.targets:
        facts = record.facts
        if facts.kind is None or known.issuperset(facts.owner_refs):
            continue
        for path, ref in record_owner_refs(record.data, facts.kind):
            if ref not in known:
                yield record, Finding(f"{ref!r} is not in the owners registry", path=path,
                                      hint=hint)
