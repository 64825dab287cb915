"""The deadlines family: actions past due, due soon or without a deadline; responses overdue."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from evalcheck.checks import Context, check
from evalcheck.dates import parse_date
from evalcheck.problems import Finding, Severity
from evalcheck.records import Corpus, Record, describe, iter_actions, mappings

CLOSED = frozenset({"completed", "no-longer-applicable"})


def is_open(action: dict[str, Any]) -> bool:
    """An action counts as open unless its status says completed or no longer applicable."""
    return action.get("status") not in CLOSED


def _days(n: int) -> str:
    return f"{n:,} day" + ("" if n == 1 else "s")


@check("past-due-action", family="deadlines", severity=Severity.WARNING,
       applies_to=("management-response",),
       reads_as_of=True)
def past_due_action(record: Record, ctx: Context) -> Iterator[Finding]:
    """An open action whose deadline is before the as-of date.

    An action is open unless its status is completed or no-longer-applicable (no status
    counts as open); a deadline YYYY-MM is due on the last day of that month.
    Why: overdue actions are the first thing a board asks about; an action that is done but
    not marked done is just as misleading as one forgotten.

    Bad (as of 2024-06-30):
        kind: management-response
        responses:
          - recommendation: R1
            actions:
              - {id: "1.1", description: Hold a meeting, responsible: [u], deadline: 2023-11}
    Good (as of 2024-06-30):
        kind: management-response
        responses:
          - recommendation: R1
            actions:
              - {id: "1.1", description: Hold a meeting, responsible: [u], deadline: 2023-11,
                 status: completed, completed_on: 2023-11-20}
    """
    for path, _, action in iter_actions(record):
        due = parse_date(action.get("deadline"))
        if due is not None and due < ctx.as_of and is_open(action):
            status = action.get("status")
            yield Finding(f"{describe(record.data, path)} is {_days((ctx.as_of - due).days)} "
                          f"past due (deadline {action['deadline']}, status "
                          f"{status if isinstance(status, str) else 'not reported'})",
                          path=(*path, "deadline"),
                          hint="report its status, or agree a new deadline and keep the old "
                               "one in original_deadline")


@check("due-soon", family="deadlines", severity=Severity.WARNING,
       options={"days": (int, 30)}, applies_to=("management-response",),
       reads_as_of=True)
def due_soon(record: Record, ctx: Context) -> Iterator[Finding]:
    """An open action due within the look-ahead window (default 30 days).

    The window is set with `[tool.evalcheck.checks.due-soon] days = 45`.
    Why: a reminder before the deadline is worth more than a warning after it.

    Bad (as of 2024-06-30):
        kind: management-response
        responses:
          - recommendation: R1
            actions:
              - {id: "1.1", description: Hold a meeting, responsible: [u], deadline: 2024-07-10}
    Good (as of 2024-06-30):
        kind: management-response
        responses:
          - recommendation: R1
            actions:
              - {id: "1.1", description: Hold a meeting, responsible: [u], deadline: 2024-12}
    """
    window = dt.timedelta(days=int(ctx.options.get("days", 30)))
    for path, _, action in iter_actions(record):
        due = parse_date(action.get("deadline"))
        if due is not None and ctx.as_of <= due <= ctx.as_of + window and is_open(action):
            left = (due - ctx.as_of).days
            when = "today" if left == 0 else f"in {_days(left)}"
            yield Finding(f"{describe(record.data, path)} is due {when} "
                          f"(deadline {action['deadline']})", path=(*path, "deadline"))


@check("missing-deadline", family="deadlines", severity=Severity.WARNING,
       applies_to=("management-response",))
def missing_deadline(record: Record, ctx: Context) -> Iterator[Finding]:
    """An action without a deadline.

    Why: an action with no date can never be overdue, so it silently never gets done.

    Bad:
        kind: management-response
        responses:
          - recommendation: R1
            actions:
              - {id: "1.1", description: Hold a meeting, responsible: [u]}
    Good:
        kind: management-response
        responses:
          - recommendation: R1
            actions:
              - {id: "1.1", description: Hold a meeting, responsible: [u], deadline: 2024-12}
    """
    for path, _, action in iter_actions(record):
        if "deadline" not in action:
            yield Finding(f"{describe(record.data, path)} has no deadline", path=path,
                          hint="add deadline: YYYY-MM-DD (or YYYY-MM for a month)")


@check("response-overdue", family="deadlines", severity=Severity.WARNING, scope="corpus",
       options={"days": (int, 60)})
def response_overdue(corpus: Corpus, ctx: Context) -> Iterator[tuple[Record, Finding]]:
    """A completed evaluation with recommendations and no management response 60 days
    (configurable) after its report date.

    The window is set with `[tool.evalcheck.checks.response-overdue] days = 90`. Evaluations
    with no report date are judged from the end of their `year`.
    Why: a recommendation nobody answered is a recommendation nobody will act on; most
    evaluation policies give management two months to respond.

    Bad (as of 2024-06-30):
        kind: evaluation
        id: EV-2023-01
        status: completed
        report_date: 2023-05-20
        recommendations:
          - {id: R1, text: Hold a meeting., addressed_to: [u]}
    Good (as of 2024-06-30):
        kind: evaluation
        id: EV-2023-01
        status: completed
        report_date: 2023-05-20
        recommendations:
          - {id: R1, text: Hold a meeting., addressed_to: [u]}
        ---
        kind: management-response
        id: MR-2023-01
        evaluation: EV-2023-01
    """
    if not corpus.complete:  # an unreadable file may be the response
        return
    grace = dt.timedelta(days=int(ctx.options.get("days", 60)))
    for record in corpus.targets:
        facts = record.facts
        if facts.kind != "evaluation" or facts.status != "completed" or \
                facts.id in corpus.responses_for:
            continue  # decided from the facts: the data is read for the few left
        if not any(mappings(record.get("recommendations"))):
            continue
        report = parse_date(record.get("report_date"))
        path: tuple[str, ...] = ("report_date",)
        year = record.get("year")
        if report is None and isinstance(year, int) and not isinstance(year, bool):
            report, path = parse_date(f"{year}-12"), ("year",)
        if report is None or ctx.as_of <= report + grace:
            continue
        count = sum(1 for _ in mappings(record.get("recommendations")))
        yield record, Finding(
            f"evaluation {record.id!r} has {count} recommendation{'s' if count != 1 else ''} "
            f"and no management response {_days((ctx.as_of - report).days)} after its report",
            path=path, hint="add a management-response record for this evaluation")
