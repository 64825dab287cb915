"""actions.csv: one row per action, for Excel and any spreadsheet, with its progress story
(status in the source's words, latest update, comments, evidence) and its recommendation's
decision in the source's words, rationale, response date and implementation status (recstatus.py:
implemented, partially-implemented, ...; empty when the report has no board part).

UTF-8 with a byte-order mark (so Excel detects the encoding), ISO dates, the csv module's
quoting, and every cell through csv_cell so a description such as `=HYPERLINK(...)` stays text.
"""

from __future__ import annotations

import csv
import io

from evalcheck.report.model import ReportData
from evalcheck.textsafe import csv_cell

BOM = "\ufeff"
COLUMNS = ("evaluation", "evaluation_title", "management_response", "recommendation",
           "decision", "action_id", "action", "deadline", "due_date", "original_deadline",
           "responsible", "supporting", "status", "completed_on", "days_overdue",
           "deadline_note", "status_text", "latest_update_date", "latest_update", "comments",
           "evidence", "decision_text", "rationale", "response_date", "recommendation_status")
"""New columns go at the end, so a script that reads columns by position keeps working."""


def render(report: ReportData) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(COLUMNS)
    recommendations = {(r.evaluation, r.id): r for r in report.coverage.recommendations}
    statuses = {} if report.board is None else {
        (r.evaluation, r.recommendation): r.status
        for r in report.board.recommendation_status.recommendations}
    for a in report.implementation.actions:
        rec = recommendations.get((a.evaluation, a.recommendation))
        writer.writerow(csv_cell(v) for v in (
            a.evaluation, a.evaluation_title, a.response, a.recommendation, a.decision, a.id,
            a.text, a.deadline, a.due, a.original_deadline, "; ".join(a.responsible),
            "; ".join(a.supporting), a.status, a.completed_on,
            "" if a.days_overdue is None else a.days_overdue, a.deadline_note, a.status_text,
            a.latest_update_date, a.latest_update, a.comments, " ".join(a.evidence),
            rec.decision_text if rec else "", rec.rationale if rec else "",
            rec.response_date if rec else "",
            statuses.get((a.evaluation, a.recommendation), "")))
    return BOM + out.getvalue()
