"""Plain data -> YAML in the house style of the bundled records.

Block style, two-space indents with list dashes indented under their key, long text folded
(`>-`) at 100 columns, number-like ids quoted ("1.1"), dates bare, and anything YAML could
read as something other than text quoted. The result is parsed back with evalcheck's own
loader and must give the same data, so a writer bug cannot change a record's meaning.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from typing import Any

from evalcheck.yamlload import TIMESTAMP, parse, resolve_plain

WIDTH = 100


class Bare(str):
    """Text to write without quotes: ISO dates (2023-11-30, 2023-11), which the schemas read
    as dates and evalcheck's loader keeps as text."""


_NUMBERISH = re.compile(r"[-+.]?[0-9][0-9_.:eE+\-xXoObB]*|[-+]?\.(?:inf|nan)", re.I)
_INDICATORS = set("-?:,[]{}#&*!|>'\"%@`")
_FLOW = set(",[]{}")
_NON_PRINTABLE = re.compile(
    "[^\t\n\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]|[\u2028\u2029\x85\ufeff]")


def plain_ok(text: str, flow: bool = False) -> bool:
    """Whether text can be written unquoted and read back as the same text by any YAML tool."""
    if not text or text != text.strip() or "\n" in text or _NON_PRINTABLE.search(text):
        return False
    if resolve_plain(text) != text or not isinstance(resolve_plain(text), str):
        return False
    if _NUMBERISH.fullmatch(text) or TIMESTAMP.fullmatch(text) or text.lower() in ("y", "n"):
        return False
    if text[0] in _INDICATORS or ": " in text or " #" in text or text.endswith(":"):
        return False
    return not (flow and _FLOW & set(text))


def quoted(text: str) -> str:
    """A double-quoted scalar; escapes whatever YAML cannot carry raw."""
    out = json.dumps(text, ensure_ascii=False)
    return _NON_PRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", out)


def _foldable(text: str) -> bool:
    return bool(text) and not _NON_PRINTABLE.search(text) and "\t" not in text and all(
        para and para == para.strip() for para in text.split("\n"))


def _wrap(paragraph: str, room: int) -> list[str]:
    """Lines of at most `room` characters, broken only at single spaces (a folded scalar
    turns each break back into one space)."""
    lines: list[str] = []
    start, last = 0, -1
    i = paragraph.find(" ")
    while i != -1:
        single = paragraph[i - 1] != " " and i + 1 < len(paragraph) and paragraph[i + 1] != " "
        if single:
            if i - start > room and last > start:
                lines.append(paragraph[start:last])
                start = last + 1
            last = i
        i = paragraph.find(" ", i + 1)
    if len(paragraph) - start > room and last > start:
        lines.append(paragraph[start:last])
        start = last + 1
    lines.append(paragraph[start:])
    return lines


def _scalar(head: str, value: Any, indent: int, force_quotes: bool) -> list[str]:
    if isinstance(value, bool):
        return [f"{head} {'true' if value else 'false'}"]
    if isinstance(value, (int, float)):
        return [f"{head} {value}"]
    if value is None:
        return [f"{head} null"]
    text = str(value)
    if isinstance(value, Bare) and not force_quotes:
        return [f"{head} {text}"]
    if not force_quotes and plain_ok(text) and len(head) + 1 + len(text) <= WIDTH:
        return [f"{head} {text}"]
    if not force_quotes and _foldable(text) and (len(head) + 1 + len(text) > WIDTH
                                                 or "\n" in text):
        lines = [f"{head} >-"]
        for n, paragraph in enumerate(text.split("\n")):
            if n:
                lines.append("")
            lines += [" " * indent + line for line in _wrap(paragraph, WIDTH - indent)]
        return lines
    return [f"{head} {quoted(text)}"]


def _flow_value(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return str(v)
    if isinstance(v, (list, tuple)):
        return flow_sequence(v)
    return str(v) if plain_ok(str(v), flow=True) else quoted(str(v))


def flow_mapping(mapping: Mapping[str, Any]) -> str:
    """{id: x, name: "Y, Z", type: unit}: one line, as registries of short entries write them."""
    return "{" + ", ".join(f"{k}: {_flow_value(v)}" for k, v in mapping.items()) + "}"


def flow_sequence(items: Sequence[Any]) -> str:
    """[PFs PMM, "Unidad de Monitoreo, Evaluación"]: one line, quoted only where it must be."""
    return "[" + ", ".join(_flow_value(v) for v in items) + "]"


class _Writer:
    def __init__(self, force_quotes: bool) -> None:
        self.lines: list[str] = []
        self.force_quotes = force_quotes

    def mapping(self, mapping: Mapping[str, Any], indent: int, first: str | None = None) -> None:
        for n, (k, v) in enumerate(mapping.items()):
            prefix = first if (n == 0 and first is not None) else " " * indent
            self.entry(f"{prefix}{k}:", v, indent)

    def entry(self, head: str, value: Any, indent: int) -> None:
        if isinstance(value, Mapping) and value:
            self.lines.append(head)
            self.mapping(value, indent + 2)
        elif isinstance(value, list) and value:
            self.lines.append(head)
            self.sequence(value, indent + 2)
        elif isinstance(value, (list, Mapping)):
            self.lines.append(f"{head} {'[]' if isinstance(value, list) else '{}'}")
        else:
            self.lines += _scalar(head, value, indent + 2, self.force_quotes)

    def sequence(self, items: list[Any], indent: int) -> None:
        dash = " " * indent + "- "
        for item in items:
            if isinstance(item, Mapping) and item:
                self.mapping(item, indent + 2, first=dash)
            elif isinstance(item, list) and item:
                self.lines.append(dash.rstrip())
                self.sequence(item, indent + 2)
            else:
                self.lines += _scalar(dash.rstrip(), item, indent + 2, self.force_quotes)


def _plain(data: Any) -> Any:
    if isinstance(data, Mapping):
        return {k: _plain(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_plain(v) for v in data]
    return str(data) if isinstance(data, Bare) else data


def dump(data: Mapping[str, Any], indent: int = 0) -> str:
    """YAML text for a mapping, its keys at `indent`; checked by reading it back."""
    for force_quotes in (False, True):
        writer = _Writer(force_quotes)
        writer.mapping(data, indent)
        text = "\n".join(writer.lines) + "\n"
        doc = parse(text.encode("utf-8"))
        if not doc.findings and doc.data == _plain(data):
            return text
    raise ValueError("cannot write this data as YAML that reads back the same")
