"""The schema family: what the JSON Schemas of schema/ say about each record."""

from evalcheck.checks import source_check
from evalcheck.problems import Severity

source_check("schema", "schema", Severity.ERROR, """\
The record breaks its JSON Schema (a field missing, misspelt, of the wrong type or value).

Why: reports, checks and other tools rely on every record having the fields the record
model promises, with the vocabularies it fixes (status, decision, dates in ISO form).
The message names the field path and the rule broken; editors that read the
`# yaml-language-server: $schema=` line show the same rules while you type.

Bad:
    kind: evaluation
    id: EV-2024-01
    title: Final evaluation
    status: finished
    owner: me-unit
Good:
    kind: evaluation
    id: EV-2024-01
    title: Final evaluation
    status: completed
    owner: me-unit
""")

source_check("unknown-kind", "schema", Severity.ERROR, """\
The record has no `kind`, or one evalcheck does not know.

Why: the kind decides which schema and which checks apply; kinds are evaluation,
management-response, project and owners.

Bad:
    kind: evalution
    id: EV-2024-01
Good:
    kind: evaluation
    id: EV-2024-01
    title: Final evaluation
    status: completed
    owner: me-unit
""")

source_check("missing-owner", "owners", Severity.ERROR, """\
A record without `owner`, a recommendation without `addressed_to`, an action without
`responsible`.

Why: an item nobody owns is an item nobody follows up; every record, recommendation
and action names who is accountable, as owner ids from the owners registry.

Bad:
    kind: evaluation
    id: EV-2024-01
    title: Final evaluation
    status: completed
Good:
    kind: evaluation
    id: EV-2024-01
    title: Final evaluation
    status: completed
    owner: me-unit
""")
