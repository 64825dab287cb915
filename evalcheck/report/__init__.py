"""Reports on the records: a pure model (model.py) rendered by one module per output format.

FORMATS maps each --format name to the file `--out` writes and the renderer that fills it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from evalcheck.report.model import ReportData

ALIASES = {"markdown": "md", "htm": "html"}
FILES = {"html": "index.html", "md": "report.md", "csv": "actions.csv", "json": "report.json"}


def renderer(name: str, max_rows: int | None = None) -> Callable[[ReportData], str]:
    """The render function of one format (imported on use: each run needs few of them);
    `max_rows` caps the long tables of index.html and report.md (None: their default)."""
    from evalcheck.report import csv, html, jsonout, markdown

    if name in ("html", "md") and max_rows is not None:
        render = html.render if name == "html" else markdown.render
        return lambda report: render(report, max_rows)
    return {"html": html.render, "md": markdown.render, "csv": csv.render,
            "json": jsonout.render}[name]


def pieces(name: str, max_rows: int | None = None) -> Callable[[ReportData], Iterable[str]]:
    """What `--out` writes for one format: in pieces where the format can stream them, so a
    portfolio's report.json is never held whole."""
    if name == "json":
        from evalcheck.report import jsonout

        return jsonout.stream
    render = renderer(name, max_rows)
    return lambda report: (render(report),)
