"""index.html: the report as one self-contained page for people who decide (a head of
evaluation's board paper, a manager's follow-up list).

Everything is inline (style, script, SVG charts); a Content-Security-Policy forbids anything
else, so the page works offline and a record cannot make it load or run anything. Every piece
of record text goes through html_escape; numbers and dates are ours.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from evalcheck import __version__
from evalcheck.report import boardhtml, labels
from evalcheck.report.assets import CSP, CSS, JS
from evalcheck.report.charts import Bar, Segment, columns, hbars, largest, legend
from evalcheck.report.htmlparts import (
    MAX_BARS,
    MAX_ROWS,
    badge,
    capped,
    empty,
    figure,
    kpi,
    more,
    section,
    table,
    titled,
)
from evalcheck.report.htmlsections import (
    actions_table,
    changes_section,
    portfolio_section,
    quality_section,
    ratings_section,
    responses_section,
)
from evalcheck.report.model import ReportData
from evalcheck.textsafe import html_escape as esc

DARK = frozenset({"completed", "in-progress", "accepted", "rejected", "overdue", "not-yet-due",
                  "91-180", "181-365", "over-365"})
_HATCH = ('<svg width="0" height="0" style="position:absolute" aria-hidden="true" '
          'focusable="false">'
          '<defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
          'patternTransform="rotate(45)"><rect width="6" height="6" fill="#eef0f3"/>'
          '<rect width="2" height="6" fill="#c3c9d2"/></pattern></defs></svg>')


def _seg(key: str, label: str, value: int) -> Segment:
    return Segment(label, value, f"c-{key}", key in DARK)


def _long_date(iso: str) -> str:
    day = dt.date.fromisoformat(iso)
    return f"{day.day} {day.strftime('%B')} {day.year}"


def _kpis(report: ReportData) -> str:
    c, i = report.coverage, report.implementation
    q = report.data_quality
    waiting = len(report.missing_responses)
    rate = "good" if i.rate is not None and i.rate >= 0.75 else ""
    not_reported = i.statuses.get("not-reported", 0)
    unreported = f"; {not_reported:,} with no status reported" if not_reported else ""
    cards = [
        kpi(len(report.portfolio.evaluations), "evaluations",
            f"{c.total:,} recommendations"),
        kpi(f"{c.answered:,} / {c.total:,}", "recommendations answered",
            f"{c.answered:,} answered, {c.decisions['no-decision']:,} of them with no "
            f"decision yet"),
        kpi(i.total, "actions agreed",
            f"{i.statuses.get('completed', 0):,} completed{unreported}"),
        kpi(labels.percent(i.rate), "implementation rate",
            f"{i.completed:,} of {i.applicable:,} applicable actions completed"
            + (f", {not_reported:,} of them with no status reported" if not_reported else ""),
            rate),
        kpi(len(i.overdue), "overdue actions",
            f"oldest {labels.days(i.overdue[0].days_overdue)}" if i.overdue else "none",
            "alert" if i.overdue else "good"),
        kpi(len(i.due_soon), "due in the next 30 days", f"{len(i.due_later):,} in 90 days"),
        kpi(waiting, "awaiting a management response",
            labels.plural(waiting, "evaluation"), "alert" if waiting else ""),
        kpi(q.errors, "data errors", labels.plural(q.warnings, "warning"),
            "alert" if q.errors else ""),
    ]
    return f'<ul class="kpis" aria-label="Key figures">{"".join(cards)}</ul>'


def _implementation(report: ReportData, limit: int) -> str:
    i = report.implementation
    keys = list(i.statuses)
    bars, left_out = largest(
        [Bar(r.evaluation, tuple(_seg(k, labels.status(k), r.statuses[k]) for k in keys),
             f"{r.evaluation} {r.title}".strip(), r.title) for r in i.by_evaluation], MAX_BARS)
    not_reported = i.statuses.get("not-reported", 0)
    body = [f'<p class="lead">Implementation rate <strong>{labels.percent(i.rate)}</strong>: '
            f'{i.completed:,} completed of {i.applicable:,} actions that still apply '
            f'({i.total:,} agreed; actions no longer applicable are left out)'
            + (f'. {labels.plural(not_reported, "action")} of them '
               f'{"has" if not_reported == 1 else "have"} no status reported: they are shown '
               f'as not reported, not as not started' if not_reported else "") + '.</p>']
    if not i.actions:
        return section("implementation", "Implementation", [*body, empty("No actions yet.")])
    head = [("Evaluation", ""), ("Actions", "number"),
            *[(labels.status(k), "number") for k in keys], ("Overdue", "number")]
    rows = [[titled(r.evaluation, r.title), (r.total, r.total, "num"),
             *[(r.statuses[k], r.statuses[k], "num") for k in keys],
             (r.overdue, r.overdue, "num late" if r.overdue else "num")]
            for r in capped(i.by_evaluation, limit)]
    totals = ["Total", i.total, *[i.statuses[k] for k in keys], len(i.overdue)]
    chart = hbars(bars, "chart-status", "Actions by status, per evaluation")
    body.append(figure(chart + legend([(labels.status(k), f"c-{k}") for k in keys]),
                       table("t-status", "Actions by status, per evaluation", head, rows,
                             foot=totals)
                       + more(len(i.by_evaluation), limit, "evaluations"), stack=True,
                       note=left_out))
    ageing = [Bar(labels.AGEING[k].replace(" overdue", ""), (_seg(k, labels.AGEING[k], n),),
                  labels.AGEING[k]) for k, n in i.ageing.items()]
    age_rows = [[(esc(labels.AGEING[k]), None, ""), (n, n, "num")] for k, n in i.ageing.items()]
    body.append(figure(columns(ageing, "chart-ageing", "Open actions by days overdue"),
                       table("t-ageing", "Ageing of open actions",
                             [("Age", ""), ("Open actions", "number")], age_rows,
                             foot=["Open actions", sum(i.ageing.values())])))
    return section("implementation", "Implementation", body)


def _overdue(report: ReportData, limit: int) -> str:
    i = report.implementation
    if not i.overdue:
        return section("overdue", "Overdue actions", [empty(
            f"No open action is past its deadline as of {report.as_of}.")])
    body = [f'<p class="lead">{labels.plural(len(i.overdue), "open action")} past the deadline '
            f'as of {report.as_of}. An action with several responsible owners counts once for '
            f'each.</p>']
    bars, left_out = largest(
        [Bar(report.owner_name(g.key) if g.key else "no one",
             (_seg("overdue", "Overdue", g.count),),
             f"{report.owner_name(g.key)} ({g.key})" if g.key else "no one")
         for g in i.overdue_by_owner], MAX_BARS)
    rows = [[(esc(report.owner_name(g.key)) if g.key else "no one", g.key, ""),
             (g.count, g.count, "num"), (labels.days(g.max_days), g.max_days, "num")]
            for g in capped(i.overdue_by_owner, limit)]
    body.append(figure(hbars(bars, "chart-owners", "Overdue actions by owner (responsible)"),
                       table("t-owners", "Overdue actions by owner", [
                           ("Owner", ""), ("Overdue", "number"), ("Oldest", "number")], rows)
                       + more(len(i.overdue_by_owner), limit, "owners"), note=left_out))
    rows = [[(esc(g.key), None, "id"), (esc(labels.short(g.name, 90)), None, ""),
             (g.count, g.count, "num"), (labels.days(g.max_days), g.max_days, "num")]
            for g in capped(i.overdue_by_evaluation, limit)]
    body.append(table("t-overdue-evals", "Overdue actions by evaluation", [
        ("Evaluation", ""), ("Title", ""), ("Overdue", "number"), ("Oldest", "number")], rows))
    body.append(more(len(i.overdue_by_evaluation), limit, "evaluations"))
    body.append(actions_table(report, i.overdue, "t-overdue",
                              "Overdue actions, longest overdue first", "overdue", limit,
                              "Filter overdue actions", progress=True))
    return section("overdue", "Overdue actions", body)


def _upcoming(report: ReportData, limit: int) -> str:
    i = report.implementation
    body = [f'<p class="lead">{labels.plural(len(i.due_soon), "open action")} due in the next '
            f'30 days, {len(i.due_later)} in the next 90 days.</p>']
    if i.due_later:
        body.append(actions_table(report, i.due_later, "t-upcoming",
                                  "Open actions due in the next 90 days", "left", limit))
    else:
        body.append(empty("No open action is due in the next 90 days."))
    if i.moved:
        rows = [[titled(m.action.evaluation, m.action.evaluation_title),
                 (esc(m.action.id), None, "id"),
                 (f'<span class="clamp">{esc(m.action.text)}</span>', None, "text"),
                 (esc(m.action.original_deadline), None, ""), (esc(m.action.deadline), None, ""),
                 (labels.shift(m.days), m.days, "num"),
                 (badge(m.action.status, labels.status(m.action.status)), None, "")]
                for m in capped(i.moved, limit)]
        body.append(table("t-moved", "Actions whose deadline was moved", [
            ("Evaluation", ""), ("Action", ""), ("Description", ""), ("First deadline", ""),
            ("Deadline", ""), ("Moved by", "number"), ("Status", "")], rows, sortable=True))
        body.append(more(len(i.moved), limit, "moved deadlines", "report.json and actions.csv"))

    else:
        body.append('<p class="note">No deadline has been moved (a moved deadline keeps the '
                    'first one in <code>original_deadline</code>).</p>')
    return section("upcoming", "Coming due", body)


def _all_actions(report: ReportData, limit: int) -> str:
    actions = report.implementation.actions
    if not actions:
        return section("actions", "All actions", [empty("No actions recorded.")])
    return section("actions", "All actions", [
        '<p class="lead">Every agreed action, with what has been done on it: its latest update, '
        'comments and evidence. Click a column heading to sort; type in the box to filter.</p>',
        actions_table(report, actions, "t-actions", "Actions", "overdue", limit,
                      "Filter actions", progress=True)])


def render(report: ReportData, max_rows: int = MAX_ROWS) -> str:
    """The page; each long table shows its first `max_rows` rows (0: all of them)."""
    scope = labels.scope(report)
    board = [("board", "Board summary", boardhtml.summary_section(report, max_rows)),
             ("recstatus", "Recommendation status", boardhtml.status_section(report, max_rows)),
             ("breakdowns", "Breakdowns", boardhtml.breakdowns_section(report, max_rows)),
             ("trend", "Trend", boardhtml.trend_section(report))]
    nav = [*[(k, v) for k, v, html in board if html], ("implementation", "Implementation"),
           ("overdue", "Overdue"),
           ("upcoming", "Coming due"), ("responses", "Management responses"),
           ("portfolio", "Portfolio"), ("ratings", "Ratings"), ("actions", "All actions"),
           ("quality", "Data quality")]
    if report.changes is not None:
        nav.append(("changes", "Changes"))
    sections: Sequence[str] = [
        *[html for _, _, html in board if html], _implementation(report, max_rows),
        _overdue(report, max_rows),
        _upcoming(report, max_rows), responses_section(report, max_rows),
        portfolio_section(report, max_rows), ratings_section(report, max_rows),
        _all_actions(report, max_rows), quality_section(report, max_rows),
        *([changes_section(report.changes)] if report.changes is not None else []),
    ]
    links = "".join(f'<li><a href="#{k}">{esc(v)}</a></li>' for k, v in nav)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="evalcheck {esc(__version__)}">
<title>Evaluation follow-up report, {report.as_of}</title>
<style>{CSS}{boardhtml.CSS}</style>
</head>
<body>
<a class="skip" href="#main">Skip to the report</a>
{_HATCH}
<header class="top"><div class="wrap">
<div><h1>Evaluation follow-up report</h1>
<p>Recommendations, management responses and actions as of {_long_date(report.as_of)}</p></div>
<span class="scope">{esc(scope[0].upper() + scope[1:])}</span>
</div></header>
<nav class="toc" aria-label="Sections"><ul>{links}</ul></nav>
<main id="main"><div class="wrap">
{_kpis(report)}
{chr(10).join(sections)}
</div></main>
<footer><div class="wrap">
<p>Generated by evalcheck {esc(__version__)} as of {report.as_of}. An action is overdue when
its deadline is before that date and it is neither completed nor no longer applicable; a
deadline given as a month (YYYY-MM) falls due on the month's last day.</p>
</div></footer>
<script>{JS}</script>
</body>
</html>
"""

