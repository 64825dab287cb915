"""Reports on the records: a pure model (model.py) rendered by one module per output format.

FORMATS maps each --format name to the file `--out` writes and the renderer that fills it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from evalcheck.report.model import ReportData

ALIASES = {"markdown": "md", "htm": "html"}
FILES = {"html": "index.html", "md": "report.md", "csv": "actions.csv", "json": "report.json"}


def renderer(name: str) -> Callable[[ReportData], str]:
    """The render function of one format (imported on use: each run needs few of them)."""
    from evalcheck.report import csv, html, jsonout, markdown

    return {"html": html.render, "md": markdown.render, "csv": csv.render,
            "json": jsonout.render}[name]
