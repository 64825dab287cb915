"""The table-heavy sections of index.html: management responses, portfolio, ratings, data
quality, the change report, and the action tables they share. Record text is escaped here."""

from __future__ import annotations

import re
from collections.abc import Sequence

from evalcheck.report import labels
from evalcheck.report.changes import ChangeReport, ItemChange
from evalcheck.report.charts import Bar, Segment, hbars, largest, legend
from evalcheck.report.htmlparts import (
    MAX_BARS,
    Cell,
    badge,
    capped,
    empty,
    figure,
    more,
    section,
    table,
    titled,
)
from evalcheck.report.model import DataQuality, ReportData
from evalcheck.report.rows import ActionRow, RecommendationRow
from evalcheck.textsafe import html_escape as esc

_DARK_DECISIONS = frozenset({"accepted", "rejected"})


def _people(report: ReportData, ids: Sequence[str]) -> str:
    return "".join(f'<span class="person" title="{esc(i)}">{esc(report.owner_name(i))}</span>'
                   for i in ids)


def _text(text: str) -> Cell:
    return (f'<span class="clamp" title="{esc(labels.short(text, 600))}">{esc(text)}</span>',
            None, "text")


_WEB_LINK = re.compile(r"https?://[^\s<>\"'`]+", re.I)


def evidence(items: Sequence[str]) -> str:
    """Evidence as a list: web addresses as links (opened without a referrer), anything else
    (a file path, a javascript: or data: address) as plain text."""
    out = []
    for item in items:
        if _WEB_LINK.fullmatch(item):
            out.append(f'<a href="{esc(item)}" rel="noopener noreferrer nofollow" '
                       f'target="_blank">{esc(labels.short(item, 60))}</a>')
        else:
            out.append(f"<code>{esc(item)}</code>")
    return "<br>".join(out)


def _status(a: ActionRow) -> str:
    words = f'<br><span class="words">{esc(a.status_text)}</span>' if a.status_text else ""
    return badge(a.status, labels.status(a.status)) + words


def _update(a: ActionRow) -> Cell:
    if not a.latest_update and not a.latest_update_date:
        return ("", "", "text")
    when = f'<span class="when">{esc(a.latest_update_date)}</span> ' if a.latest_update_date \
        else ""
    return (when + str(_text(a.latest_update)[0]), a.latest_update_date, "text")


def actions_table(report: ReportData, actions: Sequence[ActionRow], table_id: str,
                  caption: str, extra: str, limit: int, filter_label: str = "",
                  progress: bool = False) -> str:
    """Actions with their owners and status (the first `limit`); `extra` adds days overdue
    or days left; `progress` adds each one's latest update, comments and evidence."""
    head = [("Evaluation", ""), ("Rec.", ""), ("Action", ""), ("Description", ""),
            ("Deadline", ""), ("Responsible", ""), ("Status", ""),
            ("Overdue by" if extra == "overdue" else "Due in", "number")]
    if progress:
        head += [("Latest update", ""), ("Comments", ""), ("Evidence", "")]
    rows = []
    for a in capped(actions, limit):
        days = a.days_overdue if extra == "overdue" else a.days_left
        late = extra == "overdue" and days is not None
        row: list[Cell] = [
            titled(a.evaluation, a.evaluation_title), (esc(a.recommendation), None, "id"),
            (esc(a.id), None, "id"), _text(a.text),
            (esc(a.deadline or a.deadline_note) or "none", a.due or "9999", ""),
            (_people(report, a.responsible), None, "people"),
            (_status(a), a.status, ""),
            (labels.days(days), -1 if days is None else days, "num late" if late else "num")]
        if progress:
            row += [_update(a), _text(a.comments) if a.comments else ("", None, "text"),
                    (evidence(a.evidence), None, "links")]
        rows.append(row)
    return table(table_id, caption, head, rows, sortable=True, filter_label=filter_label) + \
        more(len(actions), limit, "actions", "actions.csv and report.json")


def _decision(r: RecommendationRow) -> str:
    words = f'<br><span class="words">{esc(r.decision_text)}</span>' if r.decision_text else ""
    return badge(r.decision, labels.decision(r.decision)) + words


def responses_section(report: ReportData, limit: int) -> str:
    c = report.coverage
    keys = list(c.decisions)
    body = [f'<p class="lead">{c.answered} of {c.total} recommendations have an answer in a '
            f'management response; {c.decisions["no-decision"]} of those have no decision '
            f'yet.</p>']
    if c.by_evaluation:
        bars, left_out = largest(
            [Bar(r.evaluation, tuple(Segment(labels.decision(k), r.decisions[k], f"c-{k}",
                                             k in _DARK_DECISIONS) for k in keys),
                 f"{r.evaluation} {r.title}".strip(), r.title) for r in c.by_evaluation],
            MAX_BARS)
        rows = [[titled(r.evaluation, r.title), (r.total, r.total, "num"),
                 *[(r.decisions[k], r.decisions[k], "num") for k in keys]]
                for r in capped(c.by_evaluation, limit)]
        chart = hbars(bars, "chart-decisions", "Recommendations by decision, per evaluation")
        body.append(figure(
            chart + legend([(labels.decision(k), f"c-{k}") for k in keys]),
            table("t-decisions", "Recommendations by decision, per evaluation",
                  [("Evaluation", ""), ("Total", "number"),
                   *[(labels.decision(k), "number") for k in keys]], rows,
                  foot=["Total", c.total, *c.decisions.values()])
            + more(len(c.by_evaluation), limit, "evaluations"), stack=True, note=left_out))
    if report.missing_responses:
        waiting: list[list[Cell]] = [[(esc(m.evaluation), None, "id"),
                                       (esc(m.title), None, "title"),
                 (_people(report, (m.owner,)) if m.owner else "", None, "people"),
                 (m.since or "unknown", m.since, ""),
                 (labels.days(m.days) if m.days is not None else "unknown",
                  -1 if m.days is None else m.days, "num late"),
                 (m.recommendations, m.recommendations, "num")]
                for m in capped(report.missing_responses, limit)]
        body.append(table("t-waiting", "Evaluations waiting for a management response", [
            ("Evaluation", ""), ("Title", ""), ("Owner", ""), ("Report date", ""),
            ("Waiting", "number"), ("Recommendations", "number")], waiting, sortable=True))
        body.append(more(len(report.missing_responses), limit, "evaluations"))
    else:
        body.append("<h3>Evaluations waiting for a management response</h3>")
        body.append(empty("Every completed evaluation with recommendations has a response."))
    if c.recommendations:
        titles = {e.id: e.title for e in report.portfolio.evaluations}
        recs: list[list[Cell]] = [[titled(r.evaluation, titles.get(r.evaluation, "")),
                                    (esc(r.id), None, "id"),
                                    _text(r.text),
                 (_people(report, r.addressed_to), None, "people"),
                 (_decision(r), r.decision, ""),
                 _text(r.rationale) if r.rationale else ("", None, "text"),
                 (esc(r.response_date), r.response_date, ""),
                 (r.actions, r.actions, "num")] for r in capped(c.recommendations, limit)]
        body.append(table("t-recommendations", "Recommendations and decisions", [
            ("Evaluation", ""), ("Rec.", ""), ("Recommendation", ""), ("Addressed to", ""),
            ("Decision", ""), ("Rationale", ""), ("Response date", ""), ("Actions", "number")],
            recs, sortable=True, filter_label="Filter recommendations"))
        body.append(more(len(c.recommendations), limit, "recommendations"))
    return section("responses", "Management responses", body)


def _counts(caption: str, counts: dict[str, int], table_id: str) -> str:
    rows = [[(esc(labels.key(k)), None, ""), (n, n, "num")] for k, n in counts.items()]
    return table(table_id, caption, [(caption.split(" by ")[-1].capitalize(), ""),
                                     ("Evaluations", "number")], rows)


def portfolio_section(report: ReportData, limit: int) -> str:
    p = report.portfolio
    if not p.evaluations:
        return section("portfolio", "Portfolio", [empty("No evaluations in scope.")])
    body = ['<div class="grid3">', _counts("Evaluations by status", p.by_status, "t-by-status"),
            _counts("Evaluations by year", p.by_year, "t-by-year"),
            _counts("Evaluations by type", p.by_type, "t-by-type"), "</div>"]
    rows = [[(esc(e.id), None, "id"), (esc(e.title), None, "title"),
             (esc(labels.key(e.status)), None, ""), (esc(e.type), None, ""),
             (esc(e.year), None, ""), (e.recommendations, e.recommendations, "num"),
             (esc(", ".join(e.responses)) or "none", None, ""),
             (_people(report, (e.owner,)) if e.owner else "", None, "people")]
            for e in capped(p.evaluations, limit)]
    body.append(table("t-evaluations", "Evaluations", [
        ("Evaluation", ""), ("Title", ""), ("Status", ""), ("Type", ""), ("Year", ""),
        ("Recommendations", "number"), ("Response", ""), ("Owner", "")], rows,
        sortable=True))
    body.append(more(len(p.evaluations), limit, "evaluations"))
    return section("portfolio", "Portfolio", body)


def _tone(score: float, low: float | None, high: float | None) -> str:
    if low is None or high is None or high <= low:
        return ""
    share = (score - low) / (high - low)
    return " r4" if share >= 0.99 else " r3" if share >= 0.5 else " r2" if share > 0 else " r1"


def ratings_section(report: ReportData, limit: int) -> str:
    r = report.ratings
    title = "Ratings by OECD-DAC criterion"
    if not r.criteria:
        return section("ratings", title, [empty("No evaluation in scope has ratings.")])
    criteria = [c.criterion for c in r.criteria]
    by = {(s.evaluation, s.criterion): s for s in r.scores}
    rows = []
    rated = list(dict.fromkeys(s.evaluation for s in r.scores))
    titles = {e.id: e.title for e in report.portfolio.evaluations}
    for evaluation in capped(rated, limit):
        cells: list[Cell] = [titled(evaluation, titles.get(evaluation, ""))]
        for criterion in criteria:
            s = by.get((evaluation, criterion))
            if s is None:
                cells.append(("", -1, "num"))
                continue
            label = f' <span class="note">{esc(s.label)}</span>' if s.label else ""
            cells.append((f'<span class="score{_tone(s.score, s.minimum, s.maximum)}">'
                          f"{labels.number(s.score)}</span>{label}", s.score, "num"))
        rows.append(cells)
    scales = sorted({c.scale for c in r.criteria if c.scale})
    shared = len(scales) == 1 and scales[0] != "mixed"
    scale = (f"on a {esc(scales[0].replace('-', labels.DASH))} scale" if shared
             else "on each evaluation's own scale")
    head = [("Evaluation", ""), *[(c.capitalize(), "number") for c in criteria]]
    foot = ["Mean", *[labels.number(c.mean) if c.mean is not None else
                      labels.percent((c.mean_percent or 0) / 100) for c in r.criteria]]
    return section("ratings", title, [
        f'<p class="lead">Scores as the evaluators gave them, {scale}; the last row is the '
        f"mean of each criterion.</p>",
        table("t-ratings", "Ratings per evaluation and criterion", head, rows, foot=foot,
              sortable=True), more(len(rated), limit, "evaluations")])


def quality_section(report: ReportData, limit: int) -> str:
    q = report.data_quality
    body = [f'<p class="lead"><code>evalcheck lint</code> finds '
            f'{labels.plural(q.errors, "error")} and {labels.plural(q.warnings, "warning")} in '
            f'these records (the baseline is not applied: this is the whole picture).</p>']
    if not q.problems:
        return section("quality", "Data quality", [*body, empty("No problems found.")])
    rows = [[(f"<code>{esc(c.check)}</code>", c.check, ""),
             (badge(c.severity, c.severity), c.severity, ""), (c.count, c.count, "num")]
            for c in q.by_check]
    files = [[(f"<code>{esc(path)}</code>", None, ""), (n, n, "num")]
             for path, n in capped(list(q.by_file.items()), limit)]
    body.append('<div class="grid3">' + table("t-checks", "Problems by check", [
        ("Check", ""), ("Severity", ""), ("Problems", "number")], rows) + table(
        "t-files", "Problems by file", [("File", ""), ("Problems", "number")], files)
        + more(len(q.by_file), limit, "files") + "</div>")
    body.append(_follow_up(q, limit))
    problems = [[(f"<code>{esc(p.path)}:{p.line}</code>", f"{p.path}:{p.line:08d}", ""),
                 (f"<code>{esc(p.check)}</code>", p.check, ""),
                 (badge(p.severity.value, p.severity.value), p.severity.value, ""),
                 (esc(p.message), None, "")] for p in capped(q.problems, limit)]
    body.append(f'<details class="more"><summary>Show all {len(q.problems):,} problems'
                f'</summary>')
    body.append(table("t-problems", "Every problem found", [
        ("Where", ""), ("Check", ""), ("Severity", ""), ("Message", "")], problems,
        sortable=True, filter_label="Filter problems"))
    body.append(more(len(q.problems), limit, "problems"))
    body.append("</details>")
    return section("quality", "Data quality", body)


def _follow_up(q: DataQuality, limit: int) -> str:
    """The findings an evaluation officer asks about, grouped, and the recurring
    recommendations listed pair by pair (boards ask about them)."""
    rows = [[(f"<code>{esc(c.check)}</code>", c.check, ""), (esc(labels.follow_up(c.check)),
             None, ""), (c.count, c.count, "num")] for c in q.follow_up]
    out = ['<h3 id="follow-up">What to follow up</h3>',
           table("t-follow-up", "Findings an evaluation officer would ask about", [
               ("Check", ""), ("What it means", ""), ("Found", "number")], rows),
           '<h3 id="recurring">Recurring recommendations</h3>']
    if not q.recurring:
        return "\n".join([*out, empty("No recommendation repeats an earlier evaluation's.")])
    pairs = [[(f"{esc(r.earlier_evaluation)} {esc(r.earlier_recommendation)}",
               r.earlier_evaluation, ""),
              (f"{esc(r.later_evaluation)} {esc(r.later_recommendation)}", r.later_evaluation,
               ""), (f"{r.similarity:.2f}", r.similarity, "num"),
              (f"<code>{esc(r.path)}:{r.line}</code>", None, "")]
             for r in capped(q.recurring, limit)]
    out.append(table("t-recurring", "Recommendations made again in a later evaluation", [
        ("Earlier evaluation", ""), ("Later evaluation", ""), ("Similarity", "number"),
        ("Where", "")], pairs, sortable=True))
    out.append(more(len(q.recurring), limit, "recurring recommendations"))
    return "\n".join(out)


def _item(c: ItemChange) -> str:
    if c.action:
        return (f"action <strong>{esc(c.action)}</strong> ({esc(c.response)}, recommendation "
                f"{esc(c.recommendation)})")
    return f"recommendation <strong>{esc(c.recommendation)}</strong> ({esc(c.response)})"


def changes_section(changes: ChangeReport) -> str:
    body = [f'<p class="lead">{labels.plural(changes.total, "change")} since '
            f'<code>{esc(changes.base)}</code>.</p>']
    groups: list[tuple[str, list[str]]] = [
        ("Records added", [f"{esc(r.kind)} <strong>{esc(r.id)}</strong> {esc(r.title)}"
                           for r in changes.added]),
        ("Records removed", [f"{esc(r.kind)} <strong>{esc(r.id)}</strong> {esc(r.title)}"
                             for r in changes.removed]),
        ("Decisions", [f"{_item(c)}: {esc(labels.decision(c.old or 'no-decision'))} → "
                       f"{esc(labels.decision(c.new or 'no-decision'))}"
                       for c in changes.decisions]),
        ("Actions added", [f"{_item(c)}: {esc(labels.short(c.text, 200))}"
                           for c in changes.actions_added]),
        ("Actions removed", [f"{_item(c)}: {esc(labels.short(c.text, 200))}"
                             for c in changes.actions_removed]),
        *[(title, [f"{_item(c)}: {esc(labels.status(c.old))} → {esc(labels.status(c.new))}"
                   for c in items])
          for title, items in (("Actions closed", changes.closed),
                               ("Actions reopened", changes.reopened),
                               ("Other status changes", changes.status_changed))],
        ("Deadlines moved", [f"{_item(c)}: {esc(c.old) or 'none'} → {esc(c.new) or 'none'}"
                             + (f" ({labels.shift(c.days)})" if c.days is not None else "")
                             for c in changes.deadlines_moved]),
        ("Owners changed", [f"{esc(o.kind)} <strong>{esc(o.item or o.record)}</strong>: "
                            f"{esc(', '.join(o.old)) or 'none'} → "
                            f"{esc(', '.join(o.new)) or 'none'}"
                            for o in changes.owners_changed]),
    ]
    for title, items in groups:
        if items:
            body.append(f"<h3>{esc(title)}</h3><ul class=\"changes\">"
                        + "".join(f"<li>{i}</li>" for i in items) + "</ul>")
    if not changes.total:
        body.append(empty("No changes to the records."))
    return section("changes", "Changes", body)
