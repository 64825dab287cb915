"""Escaping record text for every place it is shown: Markdown, HTML, CSV.

Records come from pull requests, some from forks; their text must never become markup,
links, scripts or spreadsheet formulas in what evalcheck publishes.
"""

from __future__ import annotations

import html
import re

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")  # not tab, LF, CR
_MD_ALWAYS = re.compile(r"[\\`*_\[\]|~<>]")
_MD_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
_MD_LEAD = re.compile(r"^(?:[#+\-=]|(\d{1,9})(?=[.)](?:\s|$)))")
_WWW = re.compile(r"(?i)\b(www)\.")


def visible(text: str) -> str:
    """Control characters shown as \\xNN. A YAML "\\e" escape puts ESC into a value; printed
    raw, ESC and BEL sequences drive the reader's terminal or CI log (colours, window titles,
    hidden links)."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def md_escape(text: str) -> str:
    """Text that renders literally in GitHub Markdown, inside a table cell too, and reads as
    plain text in the .md file: only what Markdown would act on is escaped, with a backslash
    ("S&E", "d'appui" and "(PAD)" stay as they are; "<b>" becomes "\\<b\\>", a leading "1. " or
    "#" is escaped, "&amp;" keeps its "&" as text); mentions and autolinks are broken with a
    zero-width space."""
    text = visible(" ".join(str(text).split()))
    text = _MD_ALWAYS.sub(lambda m: "\\" + m.group(), text)
    text = _MD_ENTITY.sub(r"\\&", text)
    text = _MD_LEAD.sub(lambda m: m.group(1) + "\\" if m.group(1) else "\\" + m.group(), text)
    text = _WWW.sub("\\1\u200b.", text)
    return text.replace("@", "@\u200b").replace("://", ":\u200b//")


def html_escape(text: object) -> str:
    return html.escape(str(text), quote=True)


def csv_cell(value: object) -> str:
    """Neutralise values a spreadsheet would run as a formula (=, +, -, @, tab, CR)."""
    text = "" if value is None else str(value)
    if text and text[0] in "=+-@\t\r":
        return "'" + text
    return text
