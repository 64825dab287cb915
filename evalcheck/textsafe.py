"""Escaping record text for every place it is shown: Markdown, HTML, CSV.

Records come from pull requests, some from forks; their text must never become markup,
links, scripts or spreadsheet formulas in what evalcheck publishes.
"""

from __future__ import annotations

import html
import re

_HTML_CHARS = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;"}
# not tab, LF, CR; the lone surrogates are the bytes of a file name that is not UTF-8
# (decoded with surrogateescape), which no terminal or encoder can take as they are
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\udc80-\udcff]")
_MD_OR_HTML = re.compile(r"[\\`*_{}\[\]()#+\-.!|~&<>\"']")


def visible(text: str) -> str:
    """Control characters shown as \\xNN. A YAML "\\e" escape puts ESC into a value; printed
    raw, ESC and BEL sequences drive the reader's terminal or CI log (colours, window titles,
    hidden links)."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()) & 0xff:02x}", text)


def md_escape(text: str) -> str:
    """Text that renders literally in GitHub Markdown, inside a table cell too."""
    text = visible(" ".join(str(text).split()))
    # One pass: escaping `#` or `>` around html.escape's entities would break them into text.
    text = _MD_OR_HTML.sub(lambda m: _HTML_CHARS.get(m.group(), "\\" + m.group()), text)
    return text.replace("@", "@\u200b").replace("://", ":\u200b//")


def html_escape(text: object) -> str:
    return html.escape(str(text), quote=True)


def csv_cell(value: object) -> str:
    """Neutralise values a spreadsheet would run as a formula (=, +, -, @, tab, CR)."""
    text = "" if value is None else str(value)
    if text and text[0] in "=+-@\t\r":
        return "'" + text
    return text
