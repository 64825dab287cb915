"""Build real Word and Excel matrices for the import tests, shaped like seed 002.

- seed_docx: the Word template of seed 002: the header table, then one table per
  recommendation (merged label rows, an action table whose "Seguimiento a implementación"
  header spans Comentarios and Estado, the first three headers merged down), with the margin
  comment of recommendation 10 anchored on its priority cell.
- seed_xlsx_blocks: the same tables stacked on one sheet, merged the same way.
- seed_xlsx_rows: an Excel tracker with one row per action, recommendation cells merged
  down over their actions, some deadlines typed as real dates formatted as months.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import seed002
from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment

WIDTH = 5
ACTION_HEADER = ("Acción", "Plazo o fecha límite", "Persona responsable",
                 "Seguimiento a implementación")


def _set_text(cell: Any, text: str) -> Any:
    """Cell text with one Word paragraph per line, as a typed cell has; returns the last run."""
    lines = text.split("\n")
    paragraph = cell.paragraphs[0]
    run = paragraph.add_run(lines[0])
    for line in lines[1:]:
        paragraph = cell.add_paragraph()
        run = paragraph.add_run(line)
    return run


def seed_docx(path: Path, recommendations: Sequence[dict[str, Any]] | None = None) -> Path:
    import docx

    document = docx.Document()
    document.add_paragraph(seed002.HEADING)
    document.add_paragraph(seed002.SUBHEADING)
    header = document.add_table(rows=len(seed002.HEADER_ROWS), cols=2)
    for r, (label, value) in enumerate(seed002.HEADER_ROWS):
        _set_text(header.cell(r, 0), label)
        _set_text(header.cell(r, 1), value)
    for rec in recommendations or seed002.RECOMMENDATIONS:
        document.add_paragraph("")
        actions = rec["actions"]
        table = document.add_table(rows=6 + len(actions), cols=WIDTH)
        _set_text(table.cell(0, 0).merge(table.cell(0, 4)),
                  f"Recomendaciones de evaluación No. {rec['number']}\n{rec['text']}")
        _set_text(table.cell(1, 0).merge(table.cell(1, 2)),
                  "Recomendación dirigida a:\n" + rec["addressed"])
        run = _set_text(table.cell(1, 3).merge(table.cell(1, 4)), rec["priority"])
        if rec["comment"]:
            author, text = rec["comment"]
            document.add_comment(run, text=text, author=author, initials="DM")
        _set_text(table.cell(2, 0).merge(table.cell(2, 4)), rec["decision_label"])
        table.cell(3, 0).merge(table.cell(3, 4))
        for c, label in enumerate(ACTION_HEADER[:3]):
            _set_text(table.cell(4, c).merge(table.cell(5, c)), label)
        _set_text(table.cell(4, 3).merge(table.cell(4, 4)), ACTION_HEADER[3])
        _set_text(table.cell(5, 3), "Comentarios")
        _set_text(table.cell(5, 4), "Estado")
        for r, (action, deadline, responsible) in enumerate(actions, 6):
            _set_text(table.cell(r, 0), action)
            _set_text(table.cell(r, 1), deadline)
            _set_text(table.cell(r, 2), responsible)
    document.save(str(path))
    return path


def _write(sheet: Any, row: int, col: int, value: Any) -> Any:
    cell = sheet.cell(row=row, column=col, value=value)
    cell.alignment = Alignment(wrap_text=True, vertical="top")
    return cell


def seed_xlsx_blocks(path: Path) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "Matriz"
    _write(sheet, 1, 1, seed002.HEADING)
    _write(sheet, 2, 1, seed002.SUBHEADING)
    row = 4
    for label, value in seed002.HEADER_ROWS:
        _write(sheet, row, 1, label)
        _write(sheet, row, 2, value)
        row += 1
    for rec in seed002.RECOMMENDATIONS:
        row += 1
        _write(sheet, row, 1, f"Recomendaciones de evaluación No. {rec['number']}\n{rec['text']}")
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=5)
        _write(sheet, row + 1, 1, "Recomendación dirigida a:\n" + rec["addressed"])
        sheet.merge_cells(start_row=row + 1, start_column=1, end_row=row + 1, end_column=3)
        priority = _write(sheet, row + 1, 4, rec["priority"])
        if rec["comment"]:
            priority.comment = Comment(rec["comment"][1], rec["comment"][0])
        sheet.merge_cells(start_row=row + 1, start_column=4, end_row=row + 1, end_column=5)
        _write(sheet, row + 2, 1, rec["decision_label"])
        sheet.merge_cells(start_row=row + 2, start_column=1, end_row=row + 2, end_column=5)
        for c, label in enumerate(ACTION_HEADER, 1):
            _write(sheet, row + 3, c, label)
        sheet.merge_cells(start_row=row + 3, start_column=4, end_row=row + 3, end_column=5)
        _write(sheet, row + 4, 4, "Comentarios")
        _write(sheet, row + 4, 5, "Estado")
        row += 5
        for action, deadline, responsible in rec["actions"]:
            for c, value in enumerate((action, deadline, responsible), 1):
                _write(sheet, row, c, value)
            row += 1
    book.save(str(path))
    return path


ROW_HEADER = ("Recomendación", "Recomendación dirigida a", "Nivel de prioridad",
              "Respuesta gerencial", "Acción", "Plazo o fecha límite", "Persona responsable",
              "Comentarios", "Estado")
MONTHS = {"Noviembre 2023": dt.datetime(2023, 11, 1), "Junio 2023": dt.datetime(2023, 6, 1)}


def seed_xlsx_rows(path: Path) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "Seguimiento"
    for r, (label, value) in enumerate(seed002.HEADER_ROWS, 1):
        _write(sheet, r, 1, label)
        _write(sheet, r, 2, value)
    top = len(seed002.HEADER_ROWS) + 2
    for c, label in enumerate(ROW_HEADER, 1):
        _write(sheet, top, c, label)
    row = top + 1
    for rec in seed002.RECOMMENDATIONS:
        first = row
        priority = rec["priority"].rsplit(":", 1)[1].strip()
        for action, deadline, responsible in rec["actions"]:
            _write(sheet, row, 5, action)
            when = MONTHS.get(deadline.strip())
            cell = _write(sheet, row, 6, when or deadline)
            if when:
                cell.number_format = "mmmm yyyy"
            _write(sheet, row, 7, responsible)
            row += 1
        _write(sheet, first, 1, f"{rec['number']}. {rec['text']}")
        _write(sheet, first, 2, rec["addressed"])
        cell = _write(sheet, first, 3, int(priority))
        if rec["comment"]:
            cell.comment = Comment(rec["comment"][1], rec["comment"][0])
        for c in (1, 2, 3, 4):
            if row - 1 > first:
                sheet.merge_cells(start_row=first, start_column=c, end_row=row - 1, end_column=c)
    book.save(str(path))
    return path
