"""`import matrix` on crafted .docx and .xlsx files (issue 14, item 8): each limit is a one-line
error with exit 2, reached while reading, under the kit's memory rlimit and timeout (so a file
that needed the whole document in memory would die with a MemoryError or time out instead).

The files are generated small: a few hundred kilobytes that unpack to tens of megabytes."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx  # the office extra is part of the test extra: a missing one must fail, not skip
import openpyxl

from hostile.kit import new_repo, run_limited

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _blank_docx() -> bytes:
    out = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("Matrice de réponse de la direction")
    document.save(out)
    return out.getvalue()


def _blank_xlsx() -> bytes:
    out = io.BytesIO()
    book = openpyxl.Workbook()
    book.active["A1"] = "Recommendation"
    book.save(out)
    return out.getvalue()


def _replace(original: bytes, path: Path, parts: dict[str, bytes | list[bytes]]) -> Path:
    """A copy of a zip archive with some parts replaced (a list is written chunk by chunk,
    so a part of tens of megabytes never exists whole in the test's memory)."""
    with zipfile.ZipFile(io.BytesIO(original)) as source, \
            zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as target:
        for info in source.infolist():
            if info.filename not in parts:
                target.writestr(info, source.read(info))
        for name, data in parts.items():
            with target.open(name, "w", force_zip64=True) as stream:
                for chunk in data if isinstance(data, list) else [data]:
                    stream.write(chunk)
    return path


def _document(body: list[bytes]) -> list[bytes]:
    return [f'<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>'.encode(), *body,
            b"</w:body></w:document>"]


def _run(repo: Path, name: str) -> tuple[int, str, str]:
    result = run_limited("import", "matrix", name, "--evaluation", "EV-2024-00", cwd=repo)
    return result.returncode, result.stdout, result.stderr


def _refused(repo: Path, name: str, words: str) -> None:
    code, out, err = _run(repo, name)
    assert code == 2, (out, err)
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("evalcheck: error: "), err
    assert "refused" in lines[0], err
    assert words in lines[0], err
    assert "Traceback" not in err and out == ""
    assert not (repo / "records" / "responses").exists()


def test_a_docx_of_millions_of_empty_paragraphs(tmp_path: Path) -> None:
    """3,000,000 empty paragraphs, ~60 KB on disk: refused at paragraph 50,001."""
    repo = new_repo(tmp_path / "repo")
    body = [b"<w:p/>" * 100_000] * 30
    _replace(_blank_docx(), repo / "empty.docx", {"word/document.xml": _document(body)})
    assert (repo / "empty.docx").stat().st_size < 200_000
    _refused(repo, "empty.docx", "more than 50,000 paragraphs")


def test_a_docx_with_too_many_tables_and_rows(tmp_path: Path) -> None:
    repo = new_repo(tmp_path / "repo")
    tables = [b"<w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl>" * 1_000] * 3
    _replace(_blank_docx(), repo / "tables.docx", {"word/document.xml": _document(tables)})
    _refused(repo, "tables.docx", "more than 2,000 tables")
    rows = [b"<w:tbl>", b"<w:tr><w:tc></w:tc></w:tr>" * 30_000, b"</w:tbl>"]
    _replace(_blank_docx(), repo / "rows.docx", {"word/document.xml": _document(rows)})
    _refused(repo, "rows.docx", "more than 20,000 table rows")
    wide = [b"<w:tbl><w:tr>", b"<w:tc></w:tc>" * 5_000, b"</w:tr></w:tbl>"]
    _replace(_blank_docx(), repo / "wide.docx", {"word/document.xml": _document(wide)})
    _refused(repo, "wide.docx", "more than 1,000 cells")


def test_a_part_other_than_the_document_full_of_elements(tmp_path: Path) -> None:
    """python-docx parses styles.xml whole when it opens the file: its elements count too."""
    repo = new_repo(tmp_path / "repo")
    styles = [f"<w:styles {W}>".encode(), b"<w:style/>" * 600_000, b"</w:styles>"]
    _replace(_blank_docx(), repo / "styles.docx", {"word/styles.xml": styles})
    _refused(repo, "styles.docx", "more than 500,000 XML elements")


def test_a_zip_bomb_is_refused_by_its_declared_sizes(tmp_path: Path) -> None:
    """A 64 MB part of zeros (~64 KB compressed) is refused before anything is unpacked."""
    repo = new_repo(tmp_path / "repo")
    _replace(_blank_docx(), repo / "bomb.docx",
             {"word/media/image1.png": [bytes(1024 * 1024)] * 64})
    assert (repo / "bomb.docx").stat().st_size < 1024 * 1024
    _refused(repo, "bomb.docx", "unpacks to 64 MB")
    parts = {f"word/media/image{n}.png": [bytes(1024 * 1024)] * 38 for n in range(4)}
    _replace(_blank_docx(), repo / "bombs.docx", parts)
    _refused(repo, "bombs.docx", "its parts unpack to 153 MB")


def test_an_archive_declaring_thousands_of_parts(tmp_path: Path) -> None:
    repo = new_repo(tmp_path / "repo")
    parts: dict[str, bytes | list[bytes]] = {f"word/extra/{n}.xml": b"" for n in range(6_000)}
    _replace(_blank_docx(), repo / "parts.docx", parts)
    _refused(repo, "parts.docx", "declares 6,0")


def _sheet(rows: int, cells: int = 1) -> list[bytes]:
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    row = "".join('<c t="inlineStr"><is><t>x</t></is></c>' for _ in range(cells)).encode()
    return [f"<worksheet {ns}><sheetData>".encode(),
            *(b"<row>" + row + b"</row>" for _ in range(rows)),
            b"</sheetData></worksheet>"]


def test_an_xlsx_of_300000_rows(tmp_path: Path) -> None:
    """Refused at row 20,001 instead of after parsing the whole sheet."""
    repo = new_repo(tmp_path / "repo")
    _replace(_blank_xlsx(), repo / "rows.xlsx", {"xl/worksheets/sheet1.xml": _sheet(300_000)})
    assert (repo / "rows.xlsx").stat().st_size < 1024 * 1024
    _refused(repo, "rows.xlsx", "has more than 20,000 rows")


def test_an_xlsx_row_of_too_many_cells(tmp_path: Path) -> None:
    repo = new_repo(tmp_path / "repo")
    _replace(_blank_xlsx(), repo / "wide.xlsx", {"xl/worksheets/sheet1.xml": _sheet(2, 3_000)})
    _refused(repo, "wide.xlsx", "1,000 in a row")


def test_within_the_limits_a_matrix_still_reads(tmp_path: Path) -> None:
    """The limits leave room for a real matrix: 2,000 rows read and reported as not a matrix
    (no header), exit 1, no refusal."""
    repo = new_repo(tmp_path / "repo")
    _replace(_blank_xlsx(), repo / "fine.xlsx", {"xl/worksheets/sheet1.xml": _sheet(2_000, 5)})
    code, _, err = _run(repo, "fine.xlsx")
    assert code == 1 and "refused" not in err and "found no management response matrix" in err
