"""Edit a YAML record in place with ruamel.yaml's round-trip mode, and change nothing else.

ruamel keeps comments, key order, quoting and folded text, but re-emitting a whole file can
still touch lines nobody edited (a different indentation, a long line wrapped). So the edit
is made twice in memory: the file re-emitted as it is, and re-emitted after the change. Only
the lines that differ between those two are patched into the original text; every other
line stays byte for byte, with its own line ending (LF, CRLF or CR, mixed or not), and new
lines take the indentation the file already uses (detected from it: 2 or 4 spaces, dashes
indented or not). When the patch cannot be placed safely, or reads back as different data,
the edit is refused (EditError) rather than rewriting lines nobody asked to change.
"""

from __future__ import annotations

import difflib
import io
import itertools
import re
from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any

from evalcheck.discover import UsageError
from evalcheck.yamlload import parse

# (mapping, sequence, offset) styles tried when re-emitting; the closest to the file wins.
_INDENTS = ((2, 4, 2), (2, 2, 0), (4, 4, 2), (4, 6, 4), (4, 4, 0), (3, 3, 0))


class EditError(UsageError):
    """The file cannot be edited this way (not YAML ruamel can read, not a mapping, or not
    without rewriting lines nobody edited): a one-line error, exit 2."""


_KEY_ONLY = re.compile(r"(?:-\s+)*[^\s#\-\[{][^#]*?:\s*(?:#.*)?$")
_DASHES = re.compile(r"((?:-(?:\s+|$))+)")


def _content(lines: list[str]) -> Iterator[tuple[int, str]]:
    for line in lines:
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            yield len(line) - len(line.lstrip(" ")), stripped


def detect_indent(text: str) -> tuple[int, int, int] | None:
    """The (mapping, sequence, offset) indentation most of the file uses, from each `key:`
    line and the line under it; None when the file nests nothing."""
    maps: Counter[int] = Counter()
    seqs: Counter[tuple[int, int]] = Counter()
    entries = list(_content(text.splitlines()))
    for (indent, line), (below, next_line) in itertools.pairwise(entries):
        if not _KEY_ONLY.match(line):
            continue
        dashes = _DASHES.match(line)
        key_column = indent + (len(dashes.group(1)) if dashes else 0)
        step = below - key_column
        if next_line.startswith("-") and (m := _DASHES.match(next_line)):
            gap = len(m.group(1).split("-")[1]) if m.group(1).count("-") == 1 else 1
            if step >= 0 and gap >= 1:
                seqs[(step + 1 + gap, step)] += 1
        elif step > 0:
            maps[step] += 1
    if not maps and not seqs:
        return None
    sequence, offset = seqs.most_common(1)[0][0] if seqs else (2, 0)
    mapping = maps.most_common(1)[0][0] if maps else max(sequence - offset, 2)
    return mapping, max(sequence, offset + 2), offset


def yaml_for(text: str) -> tuple[Any, Any]:
    """A ruamel YAML instance set up to re-emit `text` as closely as it can, and the tree."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    best: tuple[float, Any] | None = None
    data: Any = None
    detected = detect_indent(text)
    for mapping, sequence, offset in dict.fromkeys(((detected,) if detected else ()) + _INDENTS):
        yaml = YAML(typ="rt")
        yaml.preserve_quotes = True
        yaml.width = 4096
        yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
        if data is None:
            try:
                data = yaml.load(text)
            except YAMLError as exc:
                raise EditError(f"cannot edit this YAML: {str(exc).splitlines()[0]}") from None
        out = dump(yaml, data)
        if out == text:
            return yaml, data
        score = difflib.SequenceMatcher(None, text.splitlines(), out.splitlines(),
                                        autojunk=False).ratio()
        if best is None or score > best[0]:
            best = (score, yaml)
    assert best is not None
    return best[1], data


def dump(yaml: Any, data: Any) -> str:
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def _line_map(original: list[str], emitted: list[str]) -> list[int | None]:
    """For each emitted line, the original line it stands for: the identical one, or, between
    two identical lines, the one at the same place when both gaps have as many lines (a line
    ruamel re-spaced, such as `key:   value`). None when there is no such line."""
    where: list[int | None] = [None] * len(emitted)
    matcher = difflib.SequenceMatcher(None, original, emitted, autojunk=False)
    anchors = [(-1, -1)]
    for block in matcher.get_matching_blocks():
        for k in range(block.size):
            where[block.b + k] = block.a + k
            anchors.append((block.a + k, block.b + k))
    anchors.append((len(original), len(emitted)))
    for (a0, b0), (a1, b1) in itertools.pairwise(anchors):
        if b1 - b0 > 1 and a1 - a0 == b1 - b0:
            for k in range(1, b1 - b0):
                where[b0 + k] = a0 + k
    return where


def transfer(original: list[str], before: list[str], after: list[str]
             ) -> list[tuple[int | None, str]] | None:
    """Apply the change before -> after to the original lines (all without line ends): each
    output line is (the original line's index, its text) or (None, a new line's text). None
    when a changed line has no certain place in original."""
    o, b, a = original, before, after
    where = _line_map(o, b)
    out: list[tuple[int | None, str]] = []
    pos = 0
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, b, a, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        previous = where[i1 - 1] if i1 > 0 else None
        following = where[i1] if i1 < len(b) else None
        if i1 < i2:
            mapped = [m for m in where[i1:i2] if m is not None]
            if len(mapped) != i2 - i1 or mapped != list(range(mapped[0], mapped[0] + i2 - i1)):
                return None
            start, end = mapped[0], mapped[-1] + 1
        elif previous is not None:
            start = end = previous + 1
        elif following is not None:
            start = end = following
        elif i1 == 0:
            start = end = 0
        else:
            return None
        if start < pos:
            return None
        out += [(k, o[k]) for k in range(pos, start)]
        # a replaced line keeps its place's line end: remember it by the first one replaced
        out += [(-1 - start if k == 0 and start < end else None, line)
                for k, line in enumerate(a[j1:j2])]
        pos = end
    return out + [(k, o[k]) for k in range(pos, len(o))]


_BREAK = re.compile(r"\r\n|\r|\n")


def split_lines(text: str) -> tuple[list[str], list[str]]:
    """The lines of text and each one's line end ("\\n", "\\r\\n", "\\r", or "" for a last
    line without one). Only LF, CRLF and CR end lines, as in YAML."""
    lines, ends, start = [], [], 0
    for m in _BREAK.finditer(text):
        lines.append(text[start:m.start()])
        ends.append(m.group())
        start = m.end()
    if start < len(text):
        lines.append(text[start:])
        ends.append("")
    return lines, ends


def edit(text: str, change: Callable[[Any, Any], None]) -> str:
    """`text` after change(tree, yaml) edits its round-trip tree; see the module docstring."""
    bom = text.startswith("\ufeff")
    lines, ends = split_lines(text.removeprefix("\ufeff"))
    common = Counter(end for end in ends if end).most_common(1)
    usual = common[0][0] if common else "\n"
    body = "".join(line + "\n" for line in lines)
    yaml, data = yaml_for(body)
    if not isinstance(data, dict):
        raise EditError("cannot edit this file: it is not a mapping of fields")
    before = dump(yaml, data)
    change(data, yaml)
    after = dump(yaml, data)
    placed = transfer(lines, before.splitlines(), after.splitlines())
    if placed is None or _meaning("".join(t + "\n" for _, t in placed)) != _meaning(after):
        raise EditError("cannot make this change without rewriting lines that were not "
                        "edited (the file's layout is one evalcheck cannot reproduce); "
                        "make it by hand")
    out = []
    for n, (where, line) in enumerate(placed):
        if where is not None and where < 0:
            end = ends[-1 - where]  # a replaced line: the end its place had
        elif where is not None:
            end = ends[where]
        else:
            neighbour = _previous(placed, n)
            end = usual if neighbour is None else ends[neighbour]
        out.append([line, end or usual])
    if out and ends and not ends[-1]:
        out[-1][1] = ""  # the file had no final line end: neither has the edited one
    return ("\ufeff" if bom else "") + "".join(line + end for line, end in out)


def _previous(placed: list[tuple[int | None, str]], n: int) -> int | None:
    """The original index of the nearest kept line before position n (a new line takes its
    neighbour's line end), or None."""
    for where, _ in reversed(placed[:n]):
        if where is not None:
            return where if where >= 0 else -1 - where
    return None


def _meaning(text: str) -> Any:
    doc = parse(text.encode("utf-8"))
    return ("unreadable", len(doc.findings)) if doc.findings else doc.data


def node(yaml: Any, text: str) -> Any:
    """A round-trip node built from YAML text (so it keeps the text's folding and quoting),
    ready to insert into another tree."""
    return yaml.load(text)
