"""The terminal summary: the few numbers someone asks for first, readable in 80 columns."""

from __future__ import annotations

import re

from evalcheck.report import boardwords as words
from evalcheck.report import labels
from evalcheck.report.changes import ChangeReport
from evalcheck.report.model import ReportData

# Record text must not move the cursor, recolour or retitle the terminal it is printed in.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def clean(text: object) -> str:
    return _CONTROL.sub(" ", str(text))


def _who(report: ReportData, owner: str) -> str:
    name = report.owner_name(owner)
    return clean(f"{name} ({owner})" if owner and name != owner else name or "no one")


def render(report: ReportData) -> str:
    p, c, i = report.portfolio, report.coverage, report.implementation
    d = c.decisions
    lines = [f"evalcheck report as of {report.as_of}: {clean(labels.scope(report))}", ""]
    statuses = ", ".join(f"{n} {labels.key(k).lower()}" for k, n in p.by_status.items() if n)
    responses = len({r for e in p.evaluations for r in e.responses})
    lines.append(f"Portfolio      {labels.plural(len(p.evaluations), 'evaluation')}"
                 f"{f' ({clean(statuses)})' if statuses else ''}, "
                 f"{labels.plural(responses, 'management response')}")
    lines.append(f"Responses      {labels.plural(c.total, 'recommendation')}: "
                 f"{c.answered} answered, {d['not-answered']} not answered")
    lines.append(f"               decisions: {d['accepted']} accepted, "
                 f"{d['partially-accepted']} partially accepted, {d['rejected']} rejected, "
                 f"{d['no-decision']} not decided yet")
    not_reported = i.statuses.get("not-reported", 0)
    lines.append(f"Actions        {labels.plural(i.total, 'action')}: implementation rate "
                 f"{labels.percent(i.rate)} ({i.completed} of {i.applicable} applicable "
                 f"completed" + (f"; {not_reported} with no status reported)" if not_reported
                                 else ")"))
    lines.append(f"               {len(i.overdue)} overdue, {len(i.due_soon)} due in the next "
                 f"30 days, {len(i.due_later)} in the next 90, "
                 f"{labels.plural(len(i.moved), 'deadline')} moved")
    if report.board is not None:
        lines += _board(report)
    if i.overdue_by_owner:
        lines += ["", "Overdue actions by owner (responsible)"]
        for g in i.overdue_by_owner:
            lines.append(f"  {g.count:>5}  {_who(report, g.key)}, oldest "
                         f"{labels.days(g.max_days)} overdue")
    if report.missing_responses:
        lines += ["", "Evaluations waiting for a management response"]
        for m in report.missing_responses:
            waited = (f"{labels.days(m.days)} since {m.since}" if m.days is not None
                      else "report date unknown")
            lines.append(f"  {clean(m.evaluation)}: {waited}, "
                         f"{labels.plural(m.recommendations, 'recommendation')}")
            if m.title:
                lines.append(f"      {clean(labels.short(m.title, 74))}")
    q = report.data_quality
    lines += ["", f"Data quality   {labels.plural(q.errors, 'error')}, "
                  f"{labels.plural(q.warnings, 'warning')} (run `evalcheck lint` for details)"]
    if report.changes is not None:
        lines += ["", render_changes(report.changes).rstrip("\n")]
    return "\n".join(lines) + "\n"


def _board(report: ReportData) -> list[str]:
    """Recommendation status, and the period's indicators and trend when asked for."""
    board = report.board
    assert board is not None
    rs = board.recommendation_status
    parts = [f"{n} {words.REC_STATUS[k].lower()}" for k, n in rs.total.items() if n]
    lines = [f"Status         {labels.plural(sum(rs.total.values()), 'recommendation')}: "
             f"{', '.join(parts) or 'none'}"]
    if rs.not_reported:
        lines.append(f"               {labels.plural(rs.not_reported, 'recommendation')} "
                     f"with an action whose status is not reported")
    if board.period is not None and board.indicators is not None:
        lines += ["", f"Period {clean(board.period.label)} ({words.span(board.period)}), "
                      f"as of {report.as_of}"]
        for name, ratio in board.indicators.items():
            lines.append(f"  {words.TITLES[name]:<22} {words.value(ratio):>6}  "
                         f"{words.counts(name, ratio)}")
    if board.trend:
        lines += ["", f"Trend by {board.trend_step} (value of each indicator at the period's "
                      f"end)", "  " + f"{'period':<12}" + "".join(
                          f"{words.SHORT[n]:>9}" for n in words.SHORT)]
        for point in board.trend:
            lines.append("  " + f"{clean(point.period):<12}" + "".join(
                f"{words.value(point.indicators.get(n)):>9}" for n in words.SHORT))
    return lines


def render_changes(changes: ChangeReport) -> str:
    """The change report as plain text lines."""
    lines = [f"Changes since {clean(changes.base)}: {labels.plural(changes.total, 'change')}"]
    for r in changes.added:
        lines.append(f"  + {clean(r.kind)} {clean(r.id)} added ({clean(r.path)})")
    for r in changes.removed:
        lines.append(f"  - {clean(r.kind)} {clean(r.id)} removed")
    for ch in changes.decisions:
        lines.append(f"  decision on {clean(ch.recommendation)} ({clean(ch.response)}): "
                     f"{clean(labels.decision(ch.old or 'no-decision'))} -> "
                     f"{clean(labels.decision(ch.new or 'no-decision'))}")
    groups = (("action added", changes.actions_added, str),
              ("action removed", changes.actions_removed, str),
              ("action closed", changes.closed, labels.status),
              ("action reopened", changes.reopened, labels.status),
              ("status changed", changes.status_changed, labels.status),
              ("deadline moved", changes.deadlines_moved, str))
    for word, items, name in groups:
        for ch in items:
            move = (f": {clean(name(ch.old) or 'none')} -> {clean(name(ch.new) or 'none')}"
                    if ch.old or ch.new else "")
            lines.append(f"  {word} {clean(ch.action)} ({clean(ch.response)}, "
                         f"{clean(ch.recommendation)}){move}")
    for o in changes.owners_changed:
        where = f"{clean(o.kind)} {clean(o.item or o.record)}"
        lines.append(f"  owner of {where}: {clean(', '.join(o.old) or 'none')} -> "
                     f"{clean(', '.join(o.new) or 'none')}")
    return "\n".join(lines) + "\n"
