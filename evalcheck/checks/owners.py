"""The owners family: who is accountable for each record, recommendation and action."""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from evalcheck.checks import Context, check
from evalcheck.problems import Finding, Severity
from evalcheck.records import Corpus, Record, mappings, record_owner_refs


@check("unknown-owner", family="owners", severity=Severity.ERROR, scope="corpus",
       reads_as_of=False)
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
    known = corpus.owner_ids
    hint = ("add it to the owners registry (records/owners.yaml) or correct the id"
            if corpus.has_registry else "no owners registry found: add records/owners.yaml")
    # a named registry may have lost an owner that any record names
    named_registry = any(corpus.is_target(r) for r in corpus.registries)
    ids: list[str] = []
    for record in corpus.records if named_registry else corpus.targets:
        facts = record.facts
        if facts.kind is None or known.issuperset(facts.owner_refs):
            continue
        for path, ref in record_owner_refs(record.data, facts.kind):
            if ref not in known and not corpus.may_hold(ref):  # nor in a file that cannot
                # be read, which may be (part of) a registry
                ids = ids or sorted(known)
                yield record, Finding(f"{ref!r} is not in the owners registry"
                                      + _nearest(ref, ids), path=path, hint=hint)


def _nearest(ref: str, ids: list[str]) -> str:
    """': did you mean 'me-unit'?' with the registry's closest ids, or "" when none is close."""
    near = [repr(i) for i in difflib.get_close_matches(ref, ids, n=3, cutoff=0.6)]
    if not near:
        return ""
    return ": did you mean " + (near[0] if len(near) == 1 else
                                ", ".join(near[:-1]) + " or " + near[-1]) + "?"


@check("owner-needs-review", family="owners", severity=Severity.WARNING,
       applies_to=("owners",), reads_as_of=False)
def owner_needs_review(record: Record, ctx: Context) -> Iterator[Finding]:
    """An owner marked `review: true` (added by an import) that someone still has to confirm.

    Why: `evalcheck import matrix` adds the units and people a matrix names that the registry
    does not know, guessing their id, name and type from a table cell ("Chef de programme"
    may be a post, not a unit). Until someone checks them, reports group actions under
    names nobody confirmed, and the same unit may sit in the registry twice under two ids.

    Bad:
        kind: owners
        owners:
          - {id: me-unit, name: M&E Unit, type: unit}
          - {id: chef-de-programme, name: Chef de programme, type: unit, review: true}
    Good:
        kind: owners
        owners:
          - {id: me-unit, name: M&E Unit, type: unit}
          - {id: chef-de-programme, name: Chef de programme, type: person}
    """
    for i, owner in mappings(record.get("owners")):
        if owner.get("review") is True:
            ident = owner.get("id")
            name = owner.get("name")
            named = f"owner {ident!r}" + (f" ({name})" if isinstance(name, str) and name else "")
            yield Finding(f"{named} was added by an import and still has to be confirmed",
                          path=("owners", i, "review"),
                          hint="check its id, name and type (or merge it into an existing "
                               "owner, listing the spelling in that owner's aliases), then "
                               "remove review: true")
