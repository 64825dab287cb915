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
from evalcheck.office.bounds import MAX_COLUMNS, MAX_ROWS, TooLarge, check_archive
from evalcheck.office.extras import require
from evalcheck.office.matrix import Block, Comment
from evalcheck.textsafe import visible

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

    check_archive(path, "Word document")
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
    """Every visible sheet, merged cells repeated, dates as ISO text, notes as comments.

    The workbook is opened read-only, so rows are parsed one at a time as they are read and
    the row limit stops the reading, not a check after the whole sheet is in memory."""
    openpyxl = require("openpyxl")
    check_archive(path, "workbook")
    try:
        workbook = openpyxl.load_workbook(str(path), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises zip, XML and value errors for broken files
        raise UnreadableDocument(f"{path}: cannot open it as an Excel workbook "
                                 f"({_reason(exc)})") from None
    try:
        return [_sheet(workbook, sheet, number, path)
                for number, sheet in enumerate(workbook.worksheets, 1)
                if sheet.sheet_state == "visible" and hasattr(sheet, "iter_rows")]
    except TooLarge:
        raise
    except Exception as exc:  # a sheet whose XML breaks while it is read row by row
        raise UnreadableDocument(f"{path}: cannot read the workbook ({_reason(exc)})") from None
    finally:
        workbook.close()


def _sheet(workbook: Any, sheet: Any, number: int, path: Path) -> Block:
    grid: list[list[str]] = []
    for r, row in enumerate(sheet.iter_rows(max_col=MAX_COLUMNS)):
        if r >= MAX_ROWS:
            raise TooLarge(f"{path}: refused: sheet {visible(sheet.title)!r} has more than "
                           f"{MAX_ROWS:,} rows, the most evalcheck reads")
        grid.append([_xlsx_text(cell) for cell in row])
    part = getattr(sheet, "_worksheet_path", "")
    archive = getattr(workbook, "_archive", None)
    comments: dict[tuple[int, int], tuple[Comment, ...]] = {}
    if archive is not None and part:
        for ref in _merged(archive, part):
            _spread(grid, ref)
        comments = _comments(archive, part)
    return Block("sheet", number, _trim(grid), sheet.title, comments)


def _merged(archive: Any, part: str) -> list[str]:
    """The merged ranges of a sheet part ("A1:E1"), read in one streaming pass (read-only
    workbooks do not keep them)."""
    etree = require("lxml.etree")
    found: list[str] = []
    with archive.open(part) as stream:
        try:
            for _, element in etree.iterparse(stream, events=("end",), resolve_entities=False,
                                              no_network=True, load_dtd=False):
                if isinstance(element.tag, str) and element.tag.endswith("}mergeCell"):
                    found.append(str(element.get("ref") or ""))
                element.clear()
                parent = element.getparent()
                while parent is not None and element.getprevious() is not None:
                    del parent[0]
        except etree.Error:
            return found
    return found


def _spread(grid: list[list[str]], ref: str) -> None:
    """Repeat a merged range's top-left text in every cell it covers, as the eye reads it."""
    utils = require("openpyxl.utils")
    try:
        min_col, min_row, max_col, max_row = utils.range_boundaries(ref)
    except (ValueError, TypeError):
        return
    if min_row is None or min_col is None or min_row > len(grid):
        return
    top = grid[min_row - 1][min_col - 1] if min_col <= len(grid[min_row - 1]) else ""
    for r in range(min_row - 1, min(max_row or min_row, len(grid))):
        for c in range(min_col - 1, min(max_col or min_col, len(grid[r]))):
            grid[r][c] = top


def _comments(archive: Any, part: str) -> dict[tuple[int, int], tuple[Comment, ...]]:
    """The notes of a sheet part by (row, column), found through the part's relationships as
    openpyxl finds them when it is not read-only."""
    from openpyxl.comments.comment_sheet import CommentSheet
    from openpyxl.packaging.relationship import get_dependents, get_rels_path
    from openpyxl.utils.cell import coordinate_to_tuple
    from openpyxl.xml.constants import COMMENTS_NS
    from openpyxl.xml.functions import fromstring

    rels_path = get_rels_path(part)
    if rels_path not in archive.namelist():
        return {}
    out: dict[tuple[int, int], tuple[Comment, ...]] = {}
    for rel in get_dependents(archive, rels_path).find(COMMENTS_NS):
        if rel.target not in archive.namelist():
            continue
        sheet = CommentSheet.from_tree(fromstring(archive.read(rel.target)))
        for ref, comment in sheet.comments:
            if comment.text.strip():
                row, col = coordinate_to_tuple(ref)
                out[(row - 1, col - 1)] = (_xlsx_comment(comment),)
    return out


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
