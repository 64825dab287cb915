"""Word (.docx) and Excel (.xlsx) files -> Blocks of cell texts for `matrix.read_matrix`.

The only import-side module that touches python-docx and openpyxl (imported when called,
so evalcheck runs without the office extra until a command needs it).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from evalcheck.discover import UsageError
from evalcheck.office.extras import require
from evalcheck.office.matrix import Block, Comment

MAX_ROWS = 20_000
_DAY_CODE = re.compile(r"d")


class UnreadableDocument(UsageError):
    """The file is not a Word or Excel document evalcheck can open."""


def read_document(path: Path) -> list[Block]:
    """The blocks of a .docx or .xlsx file, by its extension."""
    suffix = path.suffix.lower()
    if suffix == ".docx":
        return read_docx(path)
    if suffix in (".xlsx", ".xlsm"):
        return read_xlsx(path)
    hint = " (save it as .docx or .xlsx first)" if suffix in (".doc", ".xls", ".odt", ".ods") \
        else ""
    raise UsageError(f"{path}: not a Word .docx or Excel .xlsx file{hint}")


def read_docx(path: Path) -> list[Block]:
    """Tables and loose paragraphs in reading order, with margin comments where anchored."""
    docx = require("docx")
    from docx.table import Table

    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises zip, XML and key errors for broken files
        raise UnreadableDocument(f"{path}: cannot open it as a Word document ({_reason(exc)})") \
            from None
    comments = _docx_comments(document)
    blocks: list[Block] = []
    tables = paragraphs = 0
    for item in document.iter_inner_content():
        if isinstance(item, Table):
            tables += 1
            blocks.append(_docx_table(item, tables, comments))
        else:
            paragraphs += 1
            if item.text.strip():
                found = _anchored(item._p, comments)
                blocks.append(Block("paragraph", paragraphs, ((item.text,),),
                                    comments={(0, 0): found} if found else {}))
    return blocks


def _reason(exc: BaseException) -> str:
    return str(exc).strip().splitlines()[0][:120] if str(exc).strip() else type(exc).__name__


def _docx_comments(document: Any) -> dict[str, Comment]:
    try:
        items = list(getattr(document, "comments", None) or [])
    except Exception:  # a document whose comments part cannot be read still has its tables
        return {}
    return {str(c.comment_id): (c.author or "", c.text.strip()) for c in items if c.text.strip()}


def _anchored(element: Any, comments: dict[str, Comment]) -> tuple[Comment, ...]:
    ids = element.xpath(".//w:commentRangeStart/@w:id | .//w:commentReference/@w:id")
    return tuple(dict.fromkeys(comments[i] for i in ids if i in comments))


def _docx_table(table: Any, number: int, comments: dict[str, Comment]) -> Block:
    rows: list[tuple[str, ...]] = []
    anchored: dict[tuple[int, int], tuple[Comment, ...]] = {}
    seen: list[Any] = []
    for r, row in enumerate(table.rows):
        texts = []
        for c, cell in enumerate(row.cells):
            texts.append(_cell_text(cell))
            if not any(cell._tc is s for s in seen):
                seen.append(cell._tc)
                found = _anchored(cell._tc, comments)
                if found:
                    anchored[(r, c)] = found
        rows.append(tuple(texts))
    return Block("table", number, tuple(rows), comments=anchored)


def _cell_text(cell: Any) -> str:
    """A cell's paragraphs, and the text of tables nested in it, one line each."""
    lines = [p.text for p in cell.paragraphs]
    for inner in cell.tables:
        for row in inner.rows:
            lines.append(" | ".join(dict.fromkeys(_cell_text(c) for c in row.cells)))
    return "\n".join(lines)


def read_xlsx(path: Path) -> list[Block]:
    """Every visible sheet, merged cells repeated, dates as ISO text, notes as comments."""
    openpyxl = require("openpyxl")
    try:
        workbook = openpyxl.load_workbook(str(path), data_only=True)
    except Exception as exc:  # openpyxl raises zip, XML and value errors for broken files
        raise UnreadableDocument(f"{path}: cannot open it as an Excel workbook "
                                 f"({_reason(exc)})") from None
    blocks = []
    for number, sheet in enumerate(workbook.worksheets, 1):
        if sheet.sheet_state != "visible":
            continue
        grid: list[list[str]] = []
        comments: dict[tuple[int, int], tuple[Comment, ...]] = {}
        for r, row in enumerate(sheet.iter_rows(max_row=min(sheet.max_row, MAX_ROWS))):
            grid.append([_xlsx_text(cell) for cell in row])
            for c, cell in enumerate(row):
                if cell.comment is not None and cell.comment.text.strip():
                    comments[(r, c)] = (_xlsx_comment(cell.comment),)
        for merged in sheet.merged_cells.ranges:
            top = grid[merged.min_row - 1][merged.min_col - 1] if merged.min_row <= len(grid) \
                else ""
            for r in range(merged.min_row - 1, min(merged.max_row, len(grid))):
                for c in range(merged.min_col - 1, min(merged.max_col, len(grid[r]))):
                    grid[r][c] = top
        blocks.append(Block("sheet", number, _trim(grid), sheet.title, comments))
    return blocks


def _trim(grid: list[list[str]]) -> tuple[tuple[str, ...], ...]:
    while grid and not any(t.strip() for t in grid[-1]):
        grid.pop()
    width = max((max((i + 1 for i, t in enumerate(row) if t.strip()), default=0)
                 for row in grid), default=0)
    return tuple(tuple(row[:width]) + ("",) * (width - len(row[:width])) for row in grid)


def _xlsx_text(cell: Any) -> str:
    """What the cell shows, as text: a date formatted without a day is a month (2023-11)."""
    value = cell.value
    if value is None:
        return ""
    if isinstance(value, (dt.datetime, dt.date)):
        day = value.date() if isinstance(value, dt.datetime) else value
        number_format = re.sub(r'"[^"]*"|\[[^\]]*\]|\\.', "", str(cell.number_format or "")).lower()
        if not _DAY_CODE.search(number_format) and "m" in number_format:
            return f"{day.year:04d}-{day.month:02d}"
        return day.isoformat()
    if isinstance(value, bool):
        return str(value).upper()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _xlsx_comment(comment: Any) -> Comment:
    author = (comment.author or "").strip()
    text = comment.text.strip()
    if author and text.startswith(author + ":"):
        text = text[len(author) + 1:].strip()
    return author, text
