"""report.md: the report in GitHub-flavoured Markdown, for $GITHUB_STEP_SUMMARY, pull-request
comments and reading on GitHub. Every piece of record text goes through md_escape."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

from evalcheck.report import boardmd, labels
from evalcheck.report.changes import ChangeReport, ItemChange
from evalcheck.report.htmlparts import MAX_ROWS
from evalcheck.report.model import ReportData
from evalcheck.report.rows import ActionRow, RecommendationRow
from evalcheck.textsafe import md_escape as esc

_PLAIN = re.compile(r"[\w./~^@{}:+=,-]+")


def _code(text: str) -> str:
    """A code span for a path or revision; escaped plain text when it could break out."""
    return f"`{text}`" if _PLAIN.fullmatch(text) else esc(text)


def _table(head: Sequence[str], rows: Iterable[Sequence[object]], right: Sequence[int] = (),
           limit: int = 0) -> list[str]:
    """A Markdown table of the first `limit` rows (0: all); cells are already escaped or are
    numbers we computed."""
    align = ["---:" if i in right else "---" for i in range(len(head))]
    out = ["| " + " | ".join(head) + " |", "| " + " | ".join(align) + " |"]
    total = 0
    for row in rows:
        total += 1
        if not limit or total <= limit:
            out.append("| " + " | ".join(str(c) for c in row) + " |")
    return out + _more(total, limit)


def _more(total: int, limit: int) -> list[str]:
    """The end of a table: a blank line, after a note when it shows only `limit` rows."""
    if not limit or total <= limit:
        return [""]
    return ["", f"_Showing the first {limit:,} of {total:,} rows; report.json holds them all "
            "(`evalcheck report --max-rows 0` shows every row)._", ""]


def _counts(title: str, counts: dict[str, int],
            label: Callable[[str], str] = labels.key) -> list[str]:
    total = sum(counts.values())
    rows = [(esc(label(k)), n, labels.percent(n / total) if total else "")
            for k, n in counts.items()]
    return _table([title, "count", "share"], rows, right=(1, 2))


def _titled(key: str, title: str) -> str:
    """An evaluation id with its title beside it, for people who know evaluations by name."""
    return f"{esc(key)} {esc(labels.short(title, 60))}".rstrip() if title else esc(key)


def _who(report: ReportData, ids: Sequence[str]) -> str:
    return esc(labels.people(report, tuple(ids)))


def _status(a: ActionRow) -> str:
    """The status, and the source's words for it when they differ: "In progress (Initiée)"."""
    return esc(labels.status(a.status) + (f" ({a.status_text})" if a.status_text else ""))


def _decision_cell(r: RecommendationRow) -> str:
    return esc(labels.decision(r.decision)
               + (f" ({r.decision_text})" if r.decision_text else ""))


def _update(a: ActionRow) -> str:
    if not a.latest_update and not a.latest_update_date:
        return ""
    return esc(": ".join(p for p in (a.latest_update_date, labels.short(a.latest_update, 200))
                         if p))


def _progress(report: ReportData, limit: int) -> list[str]:
    """Per action, what has been done: its status in the source's words, latest update,
    comments and evidence (the actions that have any of them)."""
    told = [a for a in report.implementation.actions
            if a.latest_update or a.latest_update_date or a.comments or a.evidence
            or a.status_text]
    out = ["## Progress on actions", ""]
    if not told:
        return [*out, "No action has an update, comment or evidence recorded.", ""]
    silent = report.implementation.total - len(told)
    out += [f"{labels.plural(len(told), 'action')} with an update, comment or evidence"
            + (f"; {labels.plural(silent, 'action')} with none." if silent else "."), ""]
    rows = [(_titled(a.evaluation, a.evaluation_title), esc(a.recommendation), esc(a.id),
             _status(a), _update(a),
             esc(labels.short(a.comments, 200)), esc(" ".join(a.evidence)))
            for a in (told[:limit] if limit else told)]
    return out + _table(["evaluation", "rec.", "action", "status", "latest update", "comments",
                         "evidence"], rows)[:-1] + _more(len(told), limit)


def _action_rows(report: ReportData, actions: Sequence[ActionRow], extra: str,
                 limit: int) -> list[str]:
    def last(a: ActionRow) -> object:
        return (labels.days(a.days_overdue) if extra == "overdue" else
                labels.days(a.days_left) if extra == "left" else "")

    head = ["evaluation", "rec.", "action", "description", "deadline", "responsible", "status"]
    rows = [(_titled(a.evaluation, a.evaluation_title), esc(a.recommendation), esc(a.id),
             esc(labels.short(a.text, 120)),
             esc(a.deadline or a.deadline_note), _who(report, a.responsible), _status(a),
             last(a)) for a in (actions[:limit] if limit else actions)]
    extra_head = {"overdue": "overdue by", "left": "due in"}.get(extra, "")
    return _table([*head, extra_head] if extra_head else head,
                  [r if extra_head else r[:-1] for r in rows], right=(7,))[:-1] + \
        _more(len(actions), limit)


def _summary(report: ReportData) -> list[str]:
    c, i = report.coverage, report.implementation
    q = report.data_quality
    not_reported = i.statuses.get("not-reported", 0)
    rows = [
        ("Evaluations", len(report.portfolio.evaluations)),
        ("Recommendations", f"{c.total} ({c.answered} answered, "
                            f"{c.decisions['no-decision']} of them with no decision yet)"),
        ("Actions", i.total),
        ("Implementation rate", f"{labels.percent(i.rate)} ({i.completed} of {i.applicable}"
                                + (f"; {not_reported} with no status reported)" if not_reported
                                   else ")")),
        ("Overdue actions", len(i.overdue)),
        ("Due in the next 30 days", len(i.due_soon)),
        ("Evaluations waiting for a management response", len(report.missing_responses)),
        ("Data quality", f"{labels.plural(q.errors, 'error')}, "
                         f"{labels.plural(q.warnings, 'warning')}"),
    ]
    return _table(["", ""], rows, right=(1,))


def render(report: ReportData, max_rows: int = MAX_ROWS) -> str:
    """The report; each long table shows its first `max_rows` rows (0: all of them), which
    keeps a portfolio's report under GitHub's 1 MiB limit for a step summary."""

    def table(head: Sequence[str], rows: Iterable[Sequence[object]],
              right: Sequence[int] = ()) -> list[str]:
        return _table(head, rows, right, max_rows)

    p, c, i = report.portfolio, report.coverage, report.implementation
    out = ["# Evaluation follow-up report", "",
           f"As of **{report.as_of}**, {esc(labels.scope(report))}.", ""]
    out += _summary(report)
    out += boardmd.summary(report, max_rows) + boardmd.details(report, max_rows)

    out += ["## Portfolio", ""]
    out += _counts("status", p.by_status) + _counts("year", p.by_year) + _counts("type", p.by_type)
    out += table(["evaluation", "title", "status", "type", "year", "recommendations",
                   "management response"],
                  [(esc(e.id), esc(labels.short(e.title, 100)), esc(labels.key(e.status)),
                    esc(e.type), esc(e.year), e.recommendations,
                    esc(", ".join(e.responses)) or "none") for e in p.evaluations], right=(5,))

    out += ["## Management response coverage", "",
            f"{c.answered} of {c.total} recommendations answered.", ""]
    out += _counts("decision", c.decisions, labels.decision)
    if c.by_evaluation:
        out += table(["evaluation", "recommendations", *map(labels.decision, c.decisions)],
                      [(_titled(r.evaluation, r.title), r.total, *r.decisions.values())
                       for r in c.by_evaluation], right=tuple(range(1, 7)))
    if c.recommendations:
        out += table(["evaluation", "rec.", "recommendation", "addressed to", "decision",
                       "rationale", "response date", "actions"],
                      [(esc(r.evaluation), esc(r.id), esc(labels.short(r.text, 120)),
                        _who(report, r.addressed_to), _decision_cell(r),
                        esc(labels.short(r.rationale, 200)), esc(r.response_date),
                        r.actions) for r in c.recommendations], right=(7,))

    out += ["## Implementation", "",
            f"Implementation rate: **{labels.percent(i.rate)}** ({i.completed} completed of "
            f"{i.applicable} actions that still apply; {i.total} actions in all).", ""]
    out += _counts("status", i.statuses, labels.status)
    if i.by_evaluation:
        out += table(["evaluation", "actions", *map(labels.status, i.statuses), "overdue"],
                      [(_titled(r.evaluation, r.title), r.total, *r.statuses.values(),
                        r.overdue)
                       for r in i.by_evaluation], right=tuple(range(1, 8)))
    out += ["### Open actions by age", ""]
    out += _counts("age", i.ageing, lambda k: labels.AGEING.get(k, k))

    out += ["## Overdue actions", ""]
    if i.overdue:
        out += ["By owner (responsible):", ""]
        out += table(["owner", "overdue actions", "oldest"],
                      [(_who(report, (g.key,)) if g.key else "no one", g.count,
                        labels.days(g.max_days)) for g in i.overdue_by_owner], right=(1, 2))
        out += ["By evaluation:", ""]
        out += table(["evaluation", "overdue actions", "oldest"],
                      [(_titled(g.key, g.name), g.count, labels.days(g.max_days))
                       for g in i.overdue_by_evaluation], right=(1, 2))
        out += _action_rows(report, i.overdue, "overdue", max_rows)
    else:
        out += ["No overdue actions.", ""]

    out += ["## Coming due", ""]
    if i.due_later:
        out += [f"{len(i.due_soon)} open actions are due in the next 30 days and "
                f"{len(i.due_later)} in the next 90 days.", ""]
        out += _action_rows(report, i.due_later, "left", max_rows)
    else:
        out += ["No open actions are due in the next 90 days.", ""]

    out += _progress(report, max_rows)

    out += ["## Deadlines moved", ""]
    if i.moved:
        out += table(["evaluation", "action", "first deadline", "deadline", "moved by",
                       "responsible", "status"],
                      [(_titled(m.action.evaluation, m.action.evaluation_title),
                        esc(m.action.id),
                        esc(m.action.original_deadline), esc(m.action.deadline),
                        labels.shift(m.days),
                        _who(report, m.action.responsible), esc(labels.status(m.action.status)))
                       for m in i.moved], right=(4,))
    else:
        out += ["No deadline has been moved.", ""]

    out += ["## Evaluations waiting for a management response", ""]
    if report.missing_responses:
        out += table(["evaluation", "title", "report date", "waiting", "recommendations",
                       "owner"],
                      [(esc(m.evaluation), esc(labels.short(m.title, 100)), m.since,
                        labels.days(m.days) or "unknown", m.recommendations,
                        _who(report, (m.owner,))) for m in report.missing_responses],
                      right=(3, 4))
    else:
        out += ["Every completed evaluation with recommendations has a management response.", ""]

    out += ["## Ratings by OECD-DAC criterion", ""]
    if report.ratings.criteria:
        out += table(["criterion", "ratings", "mean", "scale", "mean on scale"],
                      [(esc(s.criterion), s.count, labels.number(s.mean),
                        esc(s.scale.replace("-", labels.DASH)),
                        labels.percent(None if s.mean_percent is None else s.mean_percent / 100))
                       for s in report.ratings.criteria], right=(1, 2, 4))
        out += table(["evaluation", "criterion", "score", "scale", "label"],
                      [(esc(s.evaluation), esc(s.criterion), labels.number(s.score),
                        labels.span(s.minimum, s.maximum),
                        esc(s.label)) for s in report.ratings.scores], right=(2,))
    else:
        out += ["No ratings recorded.", ""]

    q = report.data_quality
    out += ["## Data quality", "",
            f"`evalcheck lint` finds {labels.plural(q.errors, 'error')} and "
            f"{labels.plural(q.warnings, 'warning')} in these records.", ""]
    if q.by_check:
        out += table(["check", "severity", "problems"],
                      [(f"`{c.check}`", c.severity, c.count) for c in q.by_check], right=(2,))
    out += ["### What to follow up", ""]
    out += table(["check", "what it means", "found"],
                 [(f"`{c.check}`", labels.follow_up(c.check), c.count) for c in q.follow_up],
                 right=(2,))
    out += ["### Recurring recommendations", ""]
    if q.recurring:
        out += table(["earlier evaluation", "later evaluation", "similarity"],
                     [(f"{esc(r.earlier_evaluation)} {esc(r.earlier_recommendation)}",
                       f"{esc(r.later_evaluation)} {esc(r.later_recommendation)}",
                       f"{r.similarity:.2f}") for r in q.recurring], right=(2,))
    else:
        out += ["No recommendation repeats an earlier evaluation's.", ""]
    if report.changes is not None:
        out += ["", *render_changes(report.changes, level=2).splitlines()]
    return "\n".join(out).rstrip("\n") + "\n"


def _item(c: ItemChange) -> str:
    if c.action:
        return f"action {esc(c.action)} ({esc(c.response)}, recommendation {esc(c.recommendation)})"
    return f"recommendation {esc(c.recommendation)} ({esc(c.response)})"


def _decision(c: ItemChange) -> str:
    old, new = esc(labels.decision(c.old)), esc(labels.decision(c.new))
    if not c.old:
        return f"decision made: {new}"
    if not c.new:
        return f"decision withdrawn (was {old})"
    return f"decision changed: {old} → {new}"


def render_changes(changes: ChangeReport, level: int = 1) -> str:
    """The change report for a pull-request summary."""
    h = "#" * level
    out = [f"{h} Changes to the records since {_code(changes.base)}" if changes.base
           else f"{h} Changes to the records", ""]
    if not changes.total:
        return "\n".join([*out, "No changes to the records.", ""])
    out += [f"{labels.plural(changes.total, 'change')}.", ""]

    def section(title: str, lines: list[str]) -> None:
        if lines:
            out.extend([f"{h}# {title}", "", *lines, ""])

    section("Records added", [f"- {esc(r.kind)} **{esc(r.id)}** {esc(r.title)} "
                              f"({_code(r.path)})" for r in changes.added])
    section("Records removed", [f"- {esc(r.kind)} **{esc(r.id)}** {esc(r.title)}"
                                for r in changes.removed])
    section("Decisions", [f"- {_item(c)}: {_decision(c)}" for c in changes.decisions])
    section("Actions added", [f"- {_item(c)}: {esc(labels.short(c.text, 160))}"
                              for c in changes.actions_added])
    section("Actions removed", [f"- {_item(c)}: {esc(labels.short(c.text, 160))}"
                                for c in changes.actions_removed])
    for title, items in (("Actions closed", changes.closed), ("Actions reopened", changes.reopened),
                         ("Other status changes", changes.status_changed)):
        section(title, [f"- {_item(c)}: {esc(labels.status(c.old))} → {esc(labels.status(c.new))}"
                        for c in items])
    section("Deadlines moved", [
        f"- {_item(c)}: {esc(c.old) or 'none'} → {esc(c.new) or 'none'}"
        f"{f' ({labels.shift(c.days)})' if c.days is not None else ''}"
        for c in changes.deadlines_moved])
    section("Owners changed", [
        f"- {esc(o.kind)} {esc(o.item or o.record)}"
        f"{f' ({esc(o.record)})' if o.item else ''}: {esc(', '.join(o.old)) or 'none'} → "
        f"{esc(', '.join(o.new)) or 'none'}" for o in changes.owners_changed])
    return "\n".join(out).rstrip("\n") + "\n"
