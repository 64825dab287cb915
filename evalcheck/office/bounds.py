"""Limits on what `import matrix` reads from a .docx or .xlsx file, checked before the file is
opened and while its parts are read, so a crafted file is refused in a fraction of a second.

A .docx or .xlsx is a zip archive of XML parts. python-docx parses every XML part into a tree
when it opens a document, and openpyxl parses a workbook's shared strings and styles the same
way, so limits checked after opening come too late: a 63 KB document of 3,000,000 empty
paragraphs costs 720 MB before the first paragraph is seen. Hence, in this order:

1. the file's size on disk and the number of parts its zip directory declares;
2. each part's declared unpacked size, and their total (zipfile never unpacks more than a part
   declares, so the declarations bound memory however the data is compressed);
3. one streaming pass over every part that stops at the first limit passed: paragraphs,
   tables, table rows, cells in a row, sheet rows, sheet cells and elements of a part.

Each limit passed is a one-line error naming it (exit 2).
"""

from __future__ import annotations

import re
import struct
import zipfile
from collections import Counter
from pathlib import Path

from evalcheck.discover import UsageError
from evalcheck.textsafe import visible

MB = 1024 * 1024
MAX_FILE = 50 * MB
MAX_PARTS = 5_000
MAX_PART = 40 * MB
MAX_UNPACKED = 150 * MB
MAX_PARAGRAPHS = 50_000
MAX_TABLES = 2_000
MAX_ROWS = 20_000
"""Rows of all a document's tables together, and rows of one sheet."""
MAX_CELLS_IN_ROW = 1_000
MAX_SHEET_CELLS = 1_000_000
MAX_ELEMENTS = 500_000
"""XML elements in one part that is parsed whole (every part but a worksheet)."""
MAX_SHEET_ELEMENTS = 4 * MAX_SHEET_CELLS
"""XML elements in a worksheet, which is read row by row (a cell is up to four elements)."""
MAX_COLUMNS = 256
"""Columns read from a sheet (Excel's old limit); cells to the right are not read."""

_EOCD = b"PK\x05\x06"
_ZIP64_LOCATOR = b"PK\x06\x07"


class TooLarge(UsageError):
    """The document passes one of the limits above (exit 2, one line)."""


def _mb(size: int) -> str:
    return f"{size / MB:,.0f} MB" if size >= MB else f"{size / 1024:,.0f} KB"


def declared_parts(path: Path) -> int | None:
    """How many parts the archive's end record says it holds, read before zipfile builds its
    directory (which would cost memory per part); None when the end record is not found."""
    with path.open("rb") as handle:
        size = handle.seek(0, 2)
        tail_size = min(size, 22 + 65_535 + 20)
        handle.seek(size - tail_size)
        tail = handle.read(tail_size)
        at = tail.rfind(_EOCD)
        if at < 0 or len(tail) - at < 22:
            return None
        entries = struct.unpack_from("<H", tail, at + 10)[0]
        if entries != 0xFFFF or at < 20 or tail[at - 20:at - 16] != _ZIP64_LOCATOR:
            return int(entries)
        offset = struct.unpack_from("<Q", tail, at - 20 + 8)[0]
        if offset + 56 > size:
            return None
        handle.seek(offset)
        record = handle.read(56)
        return int(struct.unpack_from("<Q", record, 32)[0]) if len(record) == 56 else None


def check_archive(path: Path, what: str) -> None:
    """Raise TooLarge when the file at path passes a limit; a file that is no zip archive at
    all is left for the reader to report as unreadable."""
    size = path.stat().st_size
    if size > MAX_FILE:
        raise TooLarge(f"{path}: refused: the file is {_mb(size)}, more than the "
                       f"{_mb(MAX_FILE)} evalcheck reads from a {what}")
    parts = declared_parts(path)
    if parts is not None and parts > MAX_PARTS:
        raise TooLarge(f"{path}: refused: the file declares {parts:,} parts, more than the "
                       f"{MAX_PARTS:,} evalcheck reads from a {what}")
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_PARTS:
            raise TooLarge(f"{path}: refused: the file holds {len(infos):,} parts, more than "
                           f"the {MAX_PARTS:,} evalcheck reads from a {what}")
        for info in infos:
            if info.file_size > MAX_PART:
                raise TooLarge(f"{path}: refused: its part {visible(info.filename)!r} unpacks "
                               f"to {_mb(info.file_size)}, more than the {_mb(MAX_PART)} "
                               f"evalcheck reads (a zip bomb?)")
        total = sum(info.file_size for info in infos)
        if total > MAX_UNPACKED:
            raise TooLarge(f"{path}: refused: its parts unpack to {_mb(total)}, more than the "
                           f"{_mb(MAX_UNPACKED)} evalcheck reads from a {what} (a zip bomb?)")
        counts: Counter[str] = Counter()
        for info in infos:
            if not info.is_dir():
                _scan_part(archive, info, counts, path, what)


_LIMITS = {
    "paragraphs": (MAX_PARAGRAPHS, "paragraphs"),
    "tables": (MAX_TABLES, "tables"),
    "table rows": (MAX_ROWS, "table rows"),
}


_TAG = re.compile(rb"<(?:[A-Za-z_][\w.\-]*:)?(p|tbl|tr|tc|row|c)(?=[\s/>])")
_WORKSHEET = re.compile(rb"<(?:[A-Za-z_][\w.\-]*:)?worksheet[\s/>]")
_CHUNK = 256 * 1024


def _scan_part(archive: zipfile.ZipFile, info: zipfile.ZipInfo, counts: Counter[str],
               path: Path, what: str) -> None:
    """One streaming pass over a part's bytes, stopping at the first limit it passes.

    Tags are counted in the raw bytes, not parsed: every element has a start tag, and a `<`
    in text must be written `&lt;`, so the count is never below what a parser builds, and it
    runs at the speed of bytes.count (an XML parser's Python loop takes seconds per million
    elements). A part that is not XML (an image) counts what it happens to hold, which its
    size limit already bounds."""
    name = visible(info.filename)
    elements = sheet_rows = sheet_cells = row_cells = 0
    sheet: bool | None = None
    carry = b""
    with archive.open(info) as stream:
        while True:
            data = stream.read(_CHUNK)
            block = carry + data
            if not block:
                break
            if sheet is None:
                sheet = bool(_WORKSHEET.search(block[:4096]))
            cut = block.rfind(b"<") if data else len(block)
            cut = len(block) if cut <= 0 else cut
            segment, carry = block[:cut], block[cut:]
            elements += (segment.count(b"<") - segment.count(b"</") - segment.count(b"<?")
                         - segment.count(b"<!"))
            limit = MAX_SHEET_ELEMENTS if sheet else MAX_ELEMENTS
            if elements > limit:
                raise TooLarge(f"{path}: refused: its part {name} has more than {limit:,} XML "
                               f"elements, more than evalcheck reads from a {what}")
            for match in _TAG.finditer(segment):
                local = match.group(1)
                if sheet and local == b"row":
                    sheet_rows, row_cells = sheet_rows + 1, 0
                    if sheet_rows > MAX_ROWS:
                        raise TooLarge(f"{path}: refused: a sheet ({name}) has more than "
                                       f"{MAX_ROWS:,} rows, the most evalcheck reads")
                elif sheet and local == b"c":
                    sheet_cells, row_cells = sheet_cells + 1, row_cells + 1
                    if row_cells > MAX_CELLS_IN_ROW or sheet_cells > MAX_SHEET_CELLS:
                        raise TooLarge(f"{path}: refused: a sheet ({name}) has more cells "
                                       f"than evalcheck reads ({MAX_CELLS_IN_ROW:,} in a "
                                       f"row, {MAX_SHEET_CELLS:,} in a sheet)")
                elif local == b"p":
                    _count(counts, "paragraphs", path, what)
                elif local == b"tbl":
                    _count(counts, "tables", path, what)
                elif local == b"tr":
                    _count(counts, "table rows", path, what)
                    row_cells = 0
                elif local == b"tc":
                    row_cells += 1
                    if row_cells > MAX_CELLS_IN_ROW:
                        raise TooLarge(f"{path}: refused: a table row has more than "
                                       f"{MAX_CELLS_IN_ROW:,} cells, the most evalcheck reads")
            if not data:
                break


def _count(counts: Counter[str], what_counted: str, path: Path, what: str) -> None:
    counts[what_counted] += 1
    limit, words = _LIMITS[what_counted]
    if counts[what_counted] > limit:
        raise TooLarge(f"{path}: refused: the {what} has more than {limit:,} {words}, "
                       "the most evalcheck reads")
