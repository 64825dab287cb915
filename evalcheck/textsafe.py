"""Escaping record text for every place it is shown: Markdown, HTML, CSV.

Records come from pull requests, some from forks; their text must never become markup,
links, scripts or spreadsheet formulas in what evalcheck publishes.
"""

from __future__ import annotations

import html
import re

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>])")


def md_escape(text: str) -> str:
    """Text that renders literally in GitHub Markdown, inside a table cell too."""
    text = " ".join(str(text).split())
    text = html.escape(text, quote=True)
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return text.replace("@", "@\u200b").replace("://", ":\u200b//")


def html_escape(text: object) -> str:
    return html.escape(str(text), quote=True)


def csv_cell(value: object) -> str:
    """Neutralise values a spreadsheet would run as a formula (=, +, -, @, tab, CR)."""
    text = "" if value is None else str(value)
    if text and text[0] in "=+-@\t\r":
        return "'" + text
    return text
