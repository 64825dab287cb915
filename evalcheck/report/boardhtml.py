"""The board part of index.html: a one-page summary (the period's indicators as cards that say
what they count, and the high-priority overdue actions), recommendation status, the breakdowns
and the trend chart. Record text goes through html_escape; numbers and dates are ours."""

from __future__ import annotations

from evalcheck.report import boardwords as words
from evalcheck.report import labels
from evalcheck.report.breakdowns import DIMENSIONS
from evalcheck.report.charts import Bar, Segment, hbars, largest, legend
from evalcheck.report.htmlparts import (
    MAX_BARS,
    Cell,
    capped,
    empty,
    figure,
    more,
    section,
    table,
    titled,
)
from evalcheck.report.htmlsections import actions_table
from evalcheck.report.indicators import NAMES, Ratio
from evalcheck.report.linechart import Line, line_chart
from evalcheck.report.model import ReportData
from evalcheck.report.recstatus import REC_STATUSES
from evalcheck.textsafe import html_escape as esc

DARK = frozenset({"implemented", "not-yet-due", "not-accepted"})

CSS = """
td.titled { min-width: 180px; }
td.titled .eid { font-weight: 550; white-space: nowrap; }
td.titled .etitle { display: block; color: var(--muted); font-size: 12px; line-height: 1.3; }
.kpis.board { grid-template-columns: repeat(auto-fit, minmax(200px, 1fr)); }
.kpi .src { display: block; color: var(--muted); font-size: 11px; margin-top: 4px;
  font-style: italic; }
.c-rs-implemented { fill: #0b7a4f; background: #0b7a4f; }
.c-rs-partially-implemented { fill: #6cc3a6; background: #6cc3a6; }
.c-rs-not-started { fill: #f0a63a; background: #f0a63a; }
.c-rs-not-yet-due { fill: #2d6cc0; background: #2d6cc0; }
.c-rs-no-action { fill: #9aa3af; background: #9aa3af; }
.c-rs-not-accepted { fill: #912018; background: #912018; }
.c-rs-no-decision { fill: url(#hatch); background: repeating-linear-gradient(
  135deg, #c3c9d2 0 2px, #eef0f3 2px 5px); }
.b-rs-implemented { background: #e3f4ec; color: #075e3c; }
.b-rs-partially-implemented { background: #e2f5ef; color: #0d5b45; }
.b-rs-not-started { background: #fdf0dc; color: #7a4504; }
.b-rs-not-yet-due { background: #e5eefa; color: #1d4f91; }
.b-rs-no-action { background: #eef0f3; color: #454e5c; }
.b-rs-not-accepted { background: #fbe4e2; color: #7a1a12; }
.b-rs-no-decision { background: #fff; color: #454e5c; border-color: #c3c9d2;
  border-style: dashed; }
td .ratio { color: var(--muted); font-size: 12px; margin-left: 4px; white-space: nowrap; }
svg.chart.trend { max-width: 720px; }
svg.chart .grid { stroke: #e3e6eb; stroke-width: 1; }
svg.chart .series polyline { stroke-width: 2.5; }
svg.chart .series circle { stroke: #fff; stroke-width: 1; }
.l-closure_rate { stroke: #1f4e8c; fill: #1f4e8c; background: #1f4e8c; }
.l-on_time_closure_rate { stroke: #0b7a4f; fill: #0b7a4f; background: #0b7a4f; }
.l-implementation_rate { stroke: #6cc3a6; fill: #6cc3a6; background: #6cc3a6; }
.l-response_timeliness { stroke: #8a4fbf; fill: #8a4fbf; background: #8a4fbf; }
.l-overdue_share { stroke: #c9362a; fill: #c9362a; background: #c9362a; }
.l-extended_share { stroke: #e8772e; fill: #e8772e; background: #e8772e; }
.l-validated_closure_share { stroke: #566070; fill: #566070; background: #566070; }
svg.chart .series polyline { fill: none; }
@media print {
  section.card { break-before: page; }
  section.card#board { break-before: auto; }
  .kpis.board { grid-template-columns: repeat(4, 1fr); }
  .kpi .src { font-size: 7pt; }
  td .ratio { font-size: 7.5pt; }
  .tablehead .filter, th button.sort::after { display: none; }
  td.titled { min-width: 0; width: 24%; }
  td.titled .etitle { font-size: 7.5pt; }
  thead th { overflow-wrap: normal; word-break: normal; hyphens: manual; }
}
"""


def _card(name: str, ratio: Ratio) -> str:
    tone = ""
    if ratio.value is not None and name in ("overdue_share", "extended_share"):
        tone = " alert" if ratio.value >= 50 else ""
    return (f'<li class="kpi{tone}"><span class="n">{words.value(ratio)}</span>'
            f'<span class="l">{esc(words.TITLES[name])}</span>'
            f'<span class="s">{esc(words.counts(name, ratio))}</span>'
            f'<span class="src">{esc(words.SOURCES[name])}</span></li>')


def summary_section(report: ReportData, limit: int) -> str:
    """The one-page summary of a period (empty without --period)."""
    board = report.board
    if board is None or board.period is None or board.indicators is None:
        return ""
    cards = "".join(_card(n, r) for n, r in board.indicators.items())
    body = [f'<p class="lead">Reporting period <strong>{esc(board.period.label)}</strong> '
            f'({esc(words.span(board.period))}), measured as of {report.as_of}. Each card '
            f'says what it counts; docs/reports.md gives each definition and its source.</p>',
            f'<ul class="kpis board" aria-label="Indicators of the period">{cards}</ul>']
    if board.high_priority_overdue:
        body.append(actions_table(report, board.high_priority_overdue, "t-urgent",
                                  "High-priority overdue actions (priority-1 recommendations)",
                                  "overdue", limit))
    else:
        body.append('<h3>High-priority overdue actions</h3>'
                    + empty("No overdue action answers a priority-1 recommendation."))
    return section("board", f"Board summary: {board.period.label}", body)


def _badge(status: str) -> str:
    return f'<span class="badge b-rs-{esc(status)}">{esc(words.REC_STATUS[status])}</span>'


def status_section(report: ReportData, limit: int) -> str:
    board = report.board
    if board is None:
        return ""
    rs = board.recommendation_status
    total = sum(rs.total.values())
    note = (f" {labels.plural(rs.not_reported, 'recommendation')} "
            f"{'has' if rs.not_reported == 1 else 'have'} an action whose status is not "
            f"reported: they are shown as such, not counted as not implemented."
            if rs.not_reported else "")
    body = [f'<p class="lead">{labels.plural(total, "recommendation")} as of {report.as_of}, '
            f'each judged on its actions that still apply.{esc(note)}</p>']
    if not rs.recommendations:
        return section("recstatus", "Recommendation status", [*body, empty(
            "No recommendations in scope.")])
    bars, left_out = largest(
        [Bar(r.evaluation, tuple(Segment(words.REC_STATUS[k], r.counts[k], f"c-rs-{k}",
                                         k in DARK)
                                 for k in REC_STATUSES), f"{r.evaluation} {r.title}".strip(),
             r.title)
         for r in rs.by_evaluation], MAX_BARS)
    head = [("Evaluation", ""), *[(words.REC_STATUS[k], "number") for k in REC_STATUSES],
            ("Status not reported", "number")]
    rows = [[titled(r.evaluation, r.title),
             *[(r.counts[k], r.counts[k], "num") for k in REC_STATUSES],
             (r.not_reported, r.not_reported, "num")] for r in capped(rs.by_evaluation, limit)]
    chart = hbars(bars, "chart-recstatus", "Recommendations by status, per evaluation")
    body.append(figure(chart + legend([(words.REC_STATUS[k], f"c-rs-{k}")
                                       for k in REC_STATUSES]),
                       table("t-recstatus", "Recommendation status, per evaluation", head, rows,
                             foot=["Total", *rs.total.values(), rs.not_reported])
                       + more(len(rs.by_evaluation), limit, "evaluations"), stack=True,
                       note=left_out))
    recs: list[list[Cell]] = [
        [titled(r.evaluation, r.title),
         (esc(r.recommendation), None, "id"),
         (f'<span class="clamp">{esc(r.text)}</span>', None, "text"),
         (esc(labels.decision(r.decision)), r.decision, ""), (_badge(r.status), r.status, ""),
         (r.actions, r.actions, "num"), (r.completed, r.completed, "num"),
         (r.not_reported, r.not_reported, "num")] for r in capped(rs.recommendations, limit)]
    body.append(table("t-recs-status", "Status of each recommendation", [
        ("Evaluation", ""), ("Rec.", ""), ("Recommendation", ""), ("Decision", ""),
        ("Status", ""), ("Actions", "number"), ("Completed", "number"),
        ("Not reported", "number")], recs, sortable=True,
        filter_label="Filter recommendations"))
    body.append(more(len(rs.recommendations), limit, "recommendations"))
    return section("recstatus", "Recommendation status", body)


def _cell(ratio: Ratio | None) -> Cell:
    if ratio is None:
        return ("", -1, "num")
    return (f'{words.value(ratio)}<span class="ratio">{ratio.numerator:,} / '
            f'{ratio.denominator:,}</span>', -1 if ratio.value is None else ratio.value, "num")


def breakdowns_section(report: ReportData, limit: int) -> str:
    board = report.board
    if board is None or not board.breakdowns or board.period is None:
        return ""
    body = [f'<p class="lead">Every indicator of {esc(board.period.label)} by unit, region '
            f'(the top of the owners\u2019 <code>parent</code> chain), evaluation year, '
            f'evaluation type and recommendation priority: the value, then numerator / '
            f'denominator. An action with two responsible units counts for both.</p>']
    for dimension in DIMENSIONS:
        groups = board.breakdowns.get(dimension, ())
        names = [n for n in NAMES if any(n in g.indicators for g in groups)]
        title = words.DIMENSIONS[dimension]
        rows = [[(esc(g.name) + (f' <span class="note">{esc(g.key)}</span>'
                                 if g.name != g.key else ""), g.key, ""),
                 *[_cell(g.indicators.get(n)) for n in names]] for g in capped(groups, limit)]
        body.append(table(f"t-bd-{dimension}", f"By {title.lower()}",
                          [(title, ""), *[(words.TITLES[n], "number") for n in names]], rows,
                          sortable=True) + more(len(groups), limit, "groups"))
    return section("breakdowns", "Indicators by unit, region, year, type and priority", body)


def trend_section(report: ReportData) -> str:
    board = report.board
    if board is None or not board.trend:
        return ""
    periods = [p.period for p in board.trend]
    lines = [Line(words.TITLES[n], f"l-{n}",
                  tuple((p.indicators[n].value if n in p.indicators else None)
                        for p in board.trend)) for n in NAMES]
    chart = line_chart(periods, lines, "chart-trend",
                       f"Indicators at the end of each {board.trend_step}")
    rows = [[(esc(p.period), None, "id"), (p.as_of, None, "id"),
             (f"<code>{esc(p.commit[:10])}</code>" if p.commit else "none", None, ""),
             *[_cell(p.indicators.get(n)) for n in NAMES]] for p in board.trend]
    body = [f'<p class="lead">Each indicator at the end of each {esc(board.trend_step)}, '
            f'worked out from the records as committed on that day (the last commit on or '
            f'before it).</p>',
            figure(chart + legend([(words.TITLES[n], f"l-{n}") for n in NAMES]),
                   table("t-trend", "Indicators by period", [
                       ("Period", ""), ("As of", ""), ("Commit", ""),
                       *[(words.TITLES[n], "number") for n in NAMES]], rows), stack=True)]
    return section("trend", f"Trend by {board.trend_step}", body)
