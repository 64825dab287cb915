"""Edit a YAML record in place with ruamel.yaml's round-trip mode, and change nothing else.

ruamel keeps comments, key order, quoting and folded text, but re-emitting a whole file can
still touch lines nobody edited (a different indentation, a long line wrapped). So the edit
is made twice in memory: the file re-emitted as it is, and re-emitted after the change. Only
the lines that differ between those two are patched into the original text; every other
line stays byte for byte. When the patch cannot be placed safely, or reads back as different
data, the plain round-trip output is used instead.
"""

from __future__ import annotations

import difflib
import io
import itertools
from collections.abc import Callable
from typing import Any

from evalcheck.yamlload import parse

# (mapping, sequence, offset) styles tried when re-emitting; the closest to the file wins.
_INDENTS = ((2, 4, 2), (2, 2, 0), (4, 4, 2), (4, 6, 4), (4, 4, 0), (3, 3, 0))


class EditError(ValueError):
    """The file cannot be edited this way (not YAML ruamel can read, or not a mapping)."""


def yaml_for(text: str) -> tuple[Any, Any]:
    """A ruamel YAML instance set up to re-emit `text` as closely as it can, and the tree."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    best: tuple[float, Any] | None = None
    data: Any = None
    for mapping, sequence, offset in _INDENTS:
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


def transfer(original: str, before: str, after: str) -> str | None:
    """Apply the change before -> after to original, or None when a changed line has no
    certain place in original."""
    o, b, a = (t.splitlines(keepends=True) for t in (original, before, after))
    if before == original:
        return after
    where = _line_map(o, b)
    out: list[str] = []
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
        out += o[pos:start] + a[j1:j2]
        pos = end
    return "".join(out + o[pos:])


def edit(text: str, change: Callable[[Any, Any], None]) -> str:
    """`text` after change(tree, yaml) edits its round-trip tree; see the module docstring."""
    bom = text.startswith("\ufeff")
    crlf = "\r\n" in text
    body = text.lstrip("\ufeff").replace("\r\n", "\n")
    final_newline = body.endswith("\n")
    if not final_newline:
        body += "\n"
    yaml, data = yaml_for(body)
    if not isinstance(data, dict):
        raise EditError("cannot edit this file: it is not a mapping of fields")
    before = dump(yaml, data)
    change(data, yaml)
    after = dump(yaml, data)
    patched = transfer(body, before, after)
    if patched is None or _meaning(patched) != _meaning(after):
        patched = after
    if not final_newline and patched.endswith("\n"):
        patched = patched[:-1]
    if crlf:
        patched = patched.replace("\n", "\r\n")
    return ("\ufeff" if bom else "") + patched


def _meaning(text: str) -> Any:
    doc = parse(text.encode("utf-8"))
    return ("unreadable", len(doc.findings)) if doc.findings else doc.data


def node(yaml: Any, text: str) -> Any:
    """A round-trip node built from YAML text (so it keeps the text's folding and quoting),
    ready to insert into another tree."""
    return yaml.load(text)
