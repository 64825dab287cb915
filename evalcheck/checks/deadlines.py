"""The deadlines family: actions past due, due soon, without a deadline or with no fixed one;
responses overdue. When a deadline falls due is `evalcheck.dates.due_day`'s to say."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from evalcheck.checks import Context, check
from evalcheck.dates import due_day, parse_date
from evalcheck.problems import Finding, Severity
from evalcheck.records import Corpus, Record, describe, iter_actions, mappings

CLOSED = frozenset({"completed", "no-longer-applicable"})


def is_open(action: dict[str, Any]) -> bool:
    """An action counts as open unless its status says completed or no longer applicable
    (a status that is not text, a list say, is the schema's to report: open here)."""
    status = action.get("status")
    return not (isinstance(status, str) and status in CLOSED)


def _days(n: int) -> str:
    return f"{n:,} day" + ("" if n == 1 else "s")


@check("past-due-action", family="deadlines", severity=Severity.WARNING,
       applies_to=("management-response",),
       reads_as_of=True)
def past_due_action(record: Record, ctx: Context) -> Iterator[Finding]:
    """An open action whose deadline is before the as-of date.

    An action is open unless its status is completed or no-longer-applicable (no status
    counts as open); a deadline YYYY-MM, YYYY-Qn or YYYY is due on the last day of that month,
    quarter or year.
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
        due = due_day(action.get("deadline"))
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
        due = due_day(action.get("deadline"))
        if due is not None and ctx.as_of <= due <= ctx.as_of + window and is_open(action):
            left = (due - ctx.as_of).days
            when = "today" if left == 0 else f"in {_days(left)}"
            yield Finding(f"{describe(record.data, path)} is due {when} "
                          f"(deadline {action['deadline']})", path=(*path, "deadline"))


@check("missing-deadline", family="deadlines", severity=Severity.WARNING,
       applies_to=("management-response",), reads_as_of=False)
def missing_deadline(record: Record, ctx: Context) -> Iterator[Finding]:
    """An action with neither a deadline nor a deadline_note.

    An action whose source gives no date ("No due date", "Continuous", an event) keeps those
    words in deadline_note; no-fixed-deadline speaks of it instead.
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
              - {id: "1.1", description: Hold a meeting, responsible: [u], deadline: 2024-Q4}
    """
    for path, _, action in iter_actions(record):
        if "deadline" not in action and "deadline_note" not in action:
            yield Finding(f"{describe(record.data, path)} has no deadline", path=path,
                          hint="add deadline: YYYY-MM-DD, YYYY-MM, YYYY-Qn or YYYY; if the "
                               "source gives no date, write its words in deadline_note")


@check("no-fixed-deadline", family="deadlines", severity=Severity.WARNING,
       applies_to=("management-response",), reads_as_of=False)
def no_fixed_deadline(record: Record, ctx: Context) -> Iterator[Finding]:
    """An open action with a deadline_note and no deadline: an event, "Continuous",
    "No due date".

    Why: such an action is never past due, so nobody is reminded of it; the note keeps the
    source's words, and this warning keeps the action in sight until a date is agreed.

    Bad:
        kind: management-response
        responses:
          - recommendation: R1
            actions:
              - {id: "1.1", description: Hold a meeting, responsible: [u],
                 deadline_note: Continuous}
    Good:
        kind: management-response
        responses:
          - recommendation: R1
            actions:
              - {id: "1.1", description: Hold a meeting, responsible: [u],
                 deadline: 2025-Q2, deadline_note: "Continuous, reviewed each quarter"}
    """
    for path, _, action in iter_actions(record):
        note = action.get("deadline_note")
        if "deadline" not in action and isinstance(note, str) and note and is_open(action):
            yield Finding(f"{describe(record.data, path)} has no fixed deadline "
                          f"(deadline_note: {note!r})", path=(*path, "deadline_note"),
                          hint="agree a date, a month (2025-06) or a quarter (2025-Q2) and "
                               "write it in deadline; keep the note for its context")


@check("response-overdue", family="deadlines", severity=Severity.WARNING, scope="corpus",
       options={"days": (int, 60)}, reads_as_of=True)
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
    grace = dt.timedelta(days=int(ctx.options.get("days", 60)))
    for record in corpus.targets:
        facts = record.facts  # decided from the facts alone: no record's data is read
        if facts.kind != "evaluation" or facts.status != "completed" or \
                facts.id in corpus.responses_for or not facts.recommendation_items \
                or corpus.may_hold(facts.id):  # a file that cannot be read may be the response
            continue
        report = parse_date(facts.due_from)
        if report is None or ctx.as_of <= report + grace:
            continue
        count = facts.recommendation_items
        yield record, Finding(
            f"evaluation {facts.id!r} has {count} recommendation{'s' if count != 1 else ''} "
            f"and no management response {_days((ctx.as_of - report).days)} after its report",
            path=(facts.due_field,), hint="add a management-response record for this evaluation")


def _first_agreed(action: dict[str, Any]) -> tuple[tuple[str | int, ...], Any] | None:
    """Where the first agreed deadline is written (a path inside the action) and its value:
    original_deadline, else the first `from` of deadline_changes, else deadline."""
    if "original_deadline" in action:
        return ("original_deadline",), action["original_deadline"]
    for i, change in mappings(action.get("deadline_changes")):
        if "from" in change:
            return ("deadline_changes", i, "from"), change["from"]
    if "deadline" in action:
        return ("deadline",), action["deadline"]
    return None


@check("deadline-before-response", family="deadlines", severity=Severity.WARNING,
       applies_to=("management-response",), reads_as_of=False)
def deadline_before_response(record: Record, ctx: Context) -> Iterator[Finding]:
    """An action whose first agreed deadline ends before the date of the management response
    that set it.

    The first agreed deadline is `original_deadline`, else the first `from` of
    `deadline_changes`, else `deadline`; a month, quarter or year deadline ends on its last
    day. A response dated by month only (`date: 2012-10`) counts from that month's first day,
    so the check fires only when the deadline had certainly passed.
    Why: a deadline already past on the day it was agreed means the matrix was filled in
    after the fact, a date was mistyped, or the response was backdated; every overdue figure
    built on it is wrong.

    Bad:
        kind: management-response
        date: 2012-10-07
        responses:
          - recommendation: R2
            actions:
              - {id: "2.1", description: Hold a meeting, responsible: [u], deadline: 2010-12-31}
    Good:
        kind: management-response
        date: 2012-10-07
        responses:
          - recommendation: R2
            actions:
              - {id: "2.1", description: Hold a meeting, responsible: [u], deadline: 2012-12-31}
    """
    written = record.get("date")
    responded = parse_date(written, month_end=False)
    if responded is None:
        return
    for path, _, action in iter_actions(record):
        first = _first_agreed(action)
        due = due_day(first[1]) if first is not None else None
        if first is not None and due is not None and due < responded:
            yield Finding(f"{describe(record.data, path)} was due {first[1]}, before the "
                          f"response of {written} that set it", path=(*path, *first[0]),
                          hint="check both dates against the source; if the response was "
                               "written late, say so in its comments")


def _reason(change: dict[str, Any]) -> bool:
    reason = change.get("reason")
    return isinstance(reason, str) and bool(reason.strip())


@check("deadline-moved-without-reason", family="deadlines", severity=Severity.WARNING,
       applies_to=("management-response",), reads_as_of=False)
def deadline_moved_without_reason(record: Record, ctx: Context) -> Iterator[Finding]:
    """A deadline that differs from `original_deadline`, or a `deadline_changes` entry, with no
    reason recorded.

    A deadline equal to its original one (the same due day: `2024-12` and `2024-12-31`) has
    not moved. Where `deadline_changes` lists the moves, each one needs its `reason`.
    Why: auditors ask first why a deadline moved and who agreed; an extension with no reason
    looks like a deadline quietly pushed back.

    Bad:
        kind: management-response
        responses:
          - recommendation: R1
            actions:
              - id: "1.1"
                description: Hold a meeting
                responsible: [u]
                original_deadline: 2024-12
                deadline: 2025-09
    Good:
        kind: management-response
        responses:
          - recommendation: R1
            actions:
              - id: "1.1"
                description: Hold a meeting
                responsible: [u]
                original_deadline: 2024-12
                deadline: 2025-09
                deadline_changes:
                  - {date: 2025-02-01, from: 2024-12, to: 2025-09, reason: Elections moved}
    """
    for path, _, action in iter_actions(record):
        if "deadline_changes" not in action and "original_deadline" not in action:
            continue
        name = describe(record.data, path)
        changes = list(mappings(action.get("deadline_changes")))
        for i, change in changes:
            if not _reason(change):
                moved = " ".join(f"{k} {change[k]}" for k in ("from", "to") if k in change)
                yield Finding(f"{name}'s deadline change {moved or f'#{i + 1}'} has no reason "
                              "recorded",
                              path=(*path, "deadline_changes", i),
                              hint="add reason: why the deadline moved (and approved_by: who "
                                   "agreed)")
        if changes or "original_deadline" not in action or "deadline" not in action:
            continue
        old, new = action["original_deadline"], action["deadline"]
        old_day, new_day = due_day(old), due_day(new)
        same = old_day == new_day if old_day is not None and new_day is not None \
            else old == new
        if not same:
            yield Finding(f"{name}'s deadline moved from {old} (original_deadline) to {new} "
                          "with no reason recorded", path=(*path, "deadline"),
                          hint="record the move under deadline_changes with its date, from, "
                               "to and reason")


@check("stale-action", family="deadlines", severity=Severity.WARNING,
       options={"days": (int, 180)}, applies_to=("management-response",),
       reads_as_of=True)
def stale_action(record: Record, ctx: Context) -> Iterator[Finding]:
    """An open action, not past due, with no update for 180 days (configurable).

    Counted from the action's latest update, or else from the response's `date`; a date
    given as a month counts from that month's last day. Closed actions (completed,
    no-longer-applicable) and past-due ones (past-due-action says more) are left out. The
    window is set with `[tool.evalcheck.checks.stale-action] days = 90`.
    Why: an action nobody has reported on for half a year is usually stalled or forgotten;
    asking early is cheaper than finding out at the deadline.

    Bad (as of 2026-11-22):
        kind: management-response
        date: 2024-06
        responses:
          - recommendation: R1
            actions:
              - id: "1.1"
                description: Hold a meeting
                responsible: [u]
                deadline: 2027-06
                status: in-progress
                updates:
                  - {date: 2025-10-06, text: Terms of reference drafted.}
    Good (as of 2026-11-22):
        kind: management-response
        date: 2024-06
        responses:
          - recommendation: R1
            actions:
              - id: "1.1"
                description: Hold a meeting
                responsible: [u]
                deadline: 2027-06
                status: in-progress
                updates:
                  - {date: 2025-10-06, text: Terms of reference drafted.}
                  - {date: 2026-09-15, text: Consultant recruited.}
    """
    window = int(ctx.options.get("days", 180))
    responded = parse_date(record.get("date"))
    for path, _, action in iter_actions(record):
        if not is_open(action):
            continue
        due = due_day(action.get("deadline"))
        if due is not None and due < ctx.as_of:
            continue
        latest: tuple[dt.date, int] | None = None
        for u, update in mappings(action.get("updates")):
            when = parse_date(update.get("date"))
            if when is not None and (latest is None or (when, u) > latest):
                latest = (when, u)
        last = latest[0] if latest is not None else responded
        if last is None or (ctx.as_of - last).days <= window:
            continue
        if latest is not None:
            since = f"last: {action['updates'][latest[1]]['date']}"
            where: tuple[str | int, ...] = (*path, "updates", latest[1], "date")
        else:
            since = f"none since the response of {record.get('date')}"
            where = path
        yield Finding(f"no update on {describe(record.data, path)} for "
                      f"{_days((ctx.as_of - last).days)} ({since})", path=where,
                      hint="add an update with today's date saying where it stands")
