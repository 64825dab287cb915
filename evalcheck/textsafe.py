"""Escaping record text for every place it is shown: Markdown, HTML, CSV.

Records come from pull requests, some from forks; their text must never become markup,
links, scripts or spreadsheet formulas in what evalcheck publishes.
"""

from __future__ import annotations

import html
import re

# not tab, LF, CR; the lone surrogates are the bytes of a file name that is not UTF-8
# (decoded with surrogateescape), which no terminal or encoder can take as they are
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\udc80-\udcff]")
_MD_ALWAYS = re.compile(r"[\\`*_\[\]|~<>]")
_MD_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
_MD_LEAD = re.compile(r"^(?:[#+\-=]|(\d{1,9})(?=[.)](?:\s|$)))")
_WWW = re.compile(r"(?i)\b(www)\.")


def visible(text: str) -> str:
    """Control characters shown as \\xNN. A YAML "\\e" escape puts ESC into a value; printed
    raw, ESC and BEL sequences drive the reader's terminal or CI log (colours, window titles,
    hidden links)."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()) & 0xff:02x}", text)


# In a file name every control character is out of place, tab and line breaks too: a newline
# would start a new line in CODEOWNERS, a log or a summary.
_NAME_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_SURROGATE = re.compile(r"[\udc80-\udcff]")
_NAME_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\udc80-\udcff]")


def _escape(m: re.Match[str]) -> str:
    code = ord(m.group())
    return f"\\u{code:04x}" if code > 0xFFFF or 0xFF < code < 0xDC80 else f"\\x{code & 0xff:02x}"


def name_control(name: str) -> str | None:
    """The first control character in a file name, or None."""
    m = _NAME_CONTROL.search(name)
    return m.group() if m else None


def shown_path(path: str) -> str:
    """A file name as people and tools are shown it: control characters and the bytes of a
    name that is not UTF-8 (kept as surrogates, so the file can still be opened) as \\xNN."""
    return _NAME_UNSAFE.sub(_escape, path)


def no_surrogates(text: str) -> str:
    """Text with the undecodable bytes of file names it mentions shown as \\xNN: every
    encoder refuses lone surrogates."""
    return _SURROGATE.sub(_escape, text) if not text.isascii() else text


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
