"""The action tracker as an Excel workbook: a Summary sheet and an Actions sheet (one row per
action with its progress story, and one per recommendation that has no action).

Record text comes from pull requests, so every text cell is neutralised the way actions.csv
is (a leading = + - @ gets an apostrophe) and stored as text, never as a formula.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from typing import Any

from evalcheck.office.extras import require
from evalcheck.office.tracker import COLUMNS, HEADERS, Day, Row
from evalcheck.report import labels
from evalcheck.report.model import ACTION_STATUSES, Implementation, ReportData
from evalcheck.textsafe import csv_cell

OVERDUE_FILL = "FFF4C7C3"
HEADER_FILL = "FFDDE4EE"
DATE_FORMAT, MONTH_FORMAT = "yyyy-mm-dd", "yyyy-mm"
_WRAPPED = {"description": 60, "evaluation_title": 40, "recommendation_text": 60,
            "rationale": 40, "responsible": 30, "supporting": 30, "latest_update": 50,
            "comments": 40, "evidence": 40, "decision_text": 24, "status_text": 20,
            "deadline_note": 20}
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def safe_text(value: str) -> str:
    """Text that Excel shows as it is: no formula, no characters the file format forbids."""
    return csv_cell(_ILLEGAL.sub("", value))


def _put(sheet: Any, row: int, col: int, value: object) -> Any:
    cell = sheet.cell(row=row, column=col)
    if isinstance(value, Day):
        cell.value = value.date
        cell.number_format = MONTH_FORMAT if value.month_only else DATE_FORMAT
    elif isinstance(value, dt.date):
        cell.value = value
        cell.number_format = DATE_FORMAT
    elif isinstance(value, str):
        cell.value = safe_text(value)
        cell.data_type = "s"
    else:
        cell.value = value
    return cell


def _header(sheet: Any, row: int, labels: tuple[str, ...]) -> None:
    styles = require("openpyxl.styles")
    for col, label in enumerate(labels, 1):
        cell = _put(sheet, row, col, label)
        cell.font = styles.Font(bold=True)
        cell.fill = styles.PatternFill("solid", fgColor=HEADER_FILL)


def _shown_width(value: object) -> int:
    if isinstance(value, (Day, dt.date)):
        return 10
    return max((len(line) for line in str(value or "").split("\n")), default=0)


def _actions_sheet(sheet: Any, rows: list[Row]) -> None:
    styles = require("openpyxl.styles")
    utils = require("openpyxl.utils")
    _header(sheet, 1, HEADERS)
    overdue = styles.PatternFill("solid", fgColor=OVERDUE_FILL)
    wrap = styles.Alignment(wrap_text=True, vertical="top")
    top = styles.Alignment(vertical="top")
    widths = [max(len(label) + 2, 8) for label in HEADERS]
    for r, row in enumerate(rows, 2):
        for c, value in enumerate(row.cells, 1):
            cell = _put(sheet, r, c, value)
            cell.alignment = wrap if COLUMNS[c - 1] in _WRAPPED else top
            if row.overdue:
                cell.fill = overdue
            widths[c - 1] = max(widths[c - 1], min(_shown_width(value) + 2, 30))
    for c, label in enumerate(COLUMNS, 1):
        sheet.column_dimensions[utils.get_column_letter(c)].width = _WRAPPED.get(
            label, widths[c - 1])
    last = utils.get_column_letter(len(COLUMNS))
    sheet.auto_filter.ref = f"A1:{last}{len(rows) + 1}"
    sheet.freeze_panes = "A2"


def _summary_sheet(sheet: Any, report: Implementation, as_of: dt.date) -> None:
    styles = require("openpyxl.styles")
    bold = styles.Font(bold=True)
    _put(sheet, 1, 1, "Action tracker").font = styles.Font(bold=True, size=14)
    _put(sheet, 2, 1, "As of")
    _put(sheet, 2, 2, as_of)
    _header(sheet, 4, ("Status", "Actions"))
    row = 5
    for status in ACTION_STATUSES:
        _put(sheet, row, 1, labels.status(status))
        _put(sheet, row, 2, report.statuses.get(status, 0))
        row += 1
    for label, value in (("All actions", report.total), ("Overdue", len(report.overdue))):
        _put(sheet, row, 1, label).font = bold
        _put(sheet, row, 2, value)
        row += 1
    _put(sheet, row, 1, "Implementation rate").font = bold
    _put(sheet, row, 2, report.rate if report.rate is not None else "n/a").number_format = "0.0%"
    _put(sheet, row, 3, "completed / (all actions - no longer applicable)")
    row += 2
    _header(sheet, row, ("Evaluation", "Actions", "Completed", "Overdue"))
    for line in report.by_evaluation:
        row += 1
        cells_of_line = (line.evaluation, line.total, line.statuses.get("completed", 0),
                         line.overdue)
        for col, cell in enumerate(cells_of_line, 1):
            _put(sheet, row, col, cell)
    sheet.column_dimensions["A"].width = max(
        [22, *(len(line.evaluation) + 2 for line in report.by_evaluation)])
    for letter in "BCD":
        sheet.column_dimensions[letter].width = 12


def tracker_workbook(report: ReportData, rows: list[Row], as_of: dt.date) -> bytes:
    """The .xlsx file's bytes: the report's counts, and the rows of the Actions sheet."""
    openpyxl = require("openpyxl")
    book = openpyxl.Workbook()
    summary = book.active
    summary.title = "Summary"
    _summary_sheet(summary, report.implementation, as_of)
    _actions_sheet(book.create_sheet("Actions"), rows)
    moment = dt.datetime.combine(as_of, dt.time())
    book.properties.creator = "evalcheck"
    book.properties.created = moment
    book.properties.modified = moment
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
