"""Suppressions family: comments that silence a problem must say why and must still be needed."""

from evalcheck.checks import source_check
from evalcheck.problems import Severity

source_check("unused-suppression", "suppressions", Severity.WARNING, """\
An `# evalcheck: ignore[...]` comment that silences nothing, names an unknown check, or
gives no reason.

Why: a suppression outlives the problem it was written for; once stale it would hide the
next real problem on that line. A reason tells the next reader why the problem is kept.

Bad:
    kind: evaluation
    id: EV-2024-01  # evalcheck: ignore[duplicate-text]
    title: Final evaluation
    status: completed
    owner: me-unit
Good:
    kind: evaluation
    id: EV-2024-01
    title: Final evaluation
    status: completed
    owner: me-unit
""")
