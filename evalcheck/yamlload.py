"""Bytes -> data with a line/column for every node, or located YAML problems; never a traceback.

Built on libyaml's event stream (PyYAML's C parser) with our own constructor: an explicit stack
instead of recursion (so nesting depth is a checked limit, not a crash), no Python resolver
callbacks (so it stays near the C loader's speed), safe construction only, duplicate keys
reported, aliases measured, and dates kept as the ISO strings the record contract asks for.
Only this module knows which parser is used: `parse()` (bytes -> Document) is the whole
interface of parsing; evalcheck.document's Document and Locator are what the rest of evalcheck
reads.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from typing import Any

import yaml

from evalcheck.document import COLUMN_MAX, SHIFT, Document, Locator, Mark, PlainScalar, line_col
from evalcheck.problems import DataPath, Finding
from evalcheck.yamlhints import colon_in_value, indentation_slip

try:
    from yaml._yaml import CParser as _Parser

    HAVE_LIBYAML = True
except ImportError:  # pragma: no cover - PyYAML wheels ship libyaml; source builds may not
    from yaml import SafeLoader as _Parser

    HAVE_LIBYAML = False


@dataclass(frozen=True, slots=True)
class Limits:
    """Bounds that keep hostile input from exhausting time or memory."""

    max_bytes: int = 10_000_000
    max_depth: int = 64
    max_alias_nodes: int = 10_000
    # Checking costs up to ~0.1 ms a value (python-jsonschema), so a small file of many
    # tiny values could take minutes; the largest real record holds a few hundred values.
    max_nodes: int = 20_000


_BOOL = {
    "yes": True, "Yes": True, "YES": True, "no": False, "No": False, "NO": False,
    "true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False,
    "on": True, "On": True, "ON": True, "off": False, "Off": False, "OFF": False,
}
_NULL = {"~", "null", "Null", "NULL", ""}
_INT = re.compile(
    r"""[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+
    |[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+""",
    re.X,
)
_FLOAT = re.compile(
    r"""[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?
    |[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)""",
    re.X,
)
# Numbers in YAML 1.2 that YAML 1.1 (and so PyYAML) keeps as text: other tools disagree.
_NUMBER_12 = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|0o[0-7]+")
# Timestamps YAML 1.1 tools (PyYAML's safe_load) turn into date objects; we keep the text.
TIMESTAMP = re.compile(
    r"""[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}
    :[0-9]{2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?""",
    re.X,
)
_MAYBE_TYPED = frozenset("0123456789+-.~nNyYtTfFoO")
# C1 controls and U+2028/U+2029 too: libyaml counts NEL, LS and PS as line breaks, so every
# line number after one would disagree with the editor's.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff]")
# A CR not followed by LF: a line break to libyaml, not to the `# evalcheck:` comment scanner
# or most editors, so every line number after it would disagree; refused like U+2028.
_BARE_CR = re.compile(r"\r(?!\n)")

_STR_TAGS = {"tag:yaml.org,2002:str", "tag:yaml.org,2002:timestamp", "!"}
_SCALAR_TAGS = _STR_TAGS | {
    "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null",
}
_MAP_TAGS = {None, "tag:yaml.org,2002:map", "!"}
_SEQ_TAGS = {None, "tag:yaml.org,2002:seq", "!"}


def _typed_elsewhere(value: Any) -> bool:
    """Whether a YAML reader (this one, or a YAML 1.2 one) takes the plain scalar for non-text."""
    return not isinstance(value, str) or bool(
        value and (_NUMBER_12.fullmatch(value) or TIMESTAMP.fullmatch(value)))


def _sexagesimal(text: str) -> float:
    value = 0.0
    for part in text.split(":"):
        value = value * 60 + float(part)
    return value


def _to_int(text: str) -> int:
    s = text.replace("_", "")
    sign = -1 if s[0] == "-" else 1
    if s[0] in "+-":
        s = s[1:]
    if s == "0":
        return 0
    if s.startswith("0b"):
        return sign * int(s[2:], 2)
    if s.startswith("0x"):
        return sign * int(s[2:], 16)
    if ":" in s:
        return sign * int(_sexagesimal(s))
    if s[0] == "0":
        return sign * int(s, 8)
    return sign * int(s)


def _to_float(text: str) -> float:
    s = text.replace("_", "").lower()
    sign = -1.0 if s[0] == "-" else 1.0
    if s[0] in "+-":
        s = s[1:]
    if s == ".inf":
        return sign * float("inf")
    if s == ".nan":
        return float("nan")
    if ":" in s:
        return sign * _sexagesimal(s)
    return sign * float(s)


def resolve_plain(text: str) -> Any:
    """The value YAML 1.1 (PyYAML's safe loader) gives an unquoted scalar; timestamps stay text."""
    if not text:
        return None  # `field:` with nothing after it is null, as in every YAML reader
    if text[0] not in _MAYBE_TYPED:
        return text
    if text in _NULL:
        return None
    if text in _BOOL:
        return _BOOL[text]
    try:
        if _INT.fullmatch(text):
            return _to_int(text)
        if _FLOAT.fullmatch(text):
            return _to_float(text)
    except (ValueError, OverflowError):  # past int-from-text limits, or inf as an int
        return text
    return text


def _pos(mark: Any) -> int:
    return (mark.line << SHIFT) | min(mark.column, (1 << SHIFT) - 1)


def _at(mark: Any) -> tuple[int, int]:
    return (mark.line + 1, mark.column + 1)


def _offset_to_at(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return (line, offset - (text.rfind("\n", 0, offset) + 1) + 1)


def _tag_text(tag: str) -> str:
    return "!!" + tag[len("tag:yaml.org,2002:"):] if tag.startswith("tag:yaml.org,2002:") else tag


class _Abort(Exception):
    """Stop reading: the document is beyond a limit."""


class _Frame:
    __slots__ = ("anchor", "children", "container", "key", "key_pos", "path", "refused", "size",
                 "start")

    def __init__(self, container: Any, children: Any, path: DataPath, anchor: str | None) -> None:
        self.container = container
        self.children = children
        self.path = path
        self.anchor = anchor
        self.key: Any = _NO_KEY
        self.key_pos = 0
        self.start = 0
        self.size = 1
        self.refused = False  # a tag that is not allowed: the whole value is left out


_NO_KEY = object()


def decode(raw: bytes) -> tuple[str | None, Finding | None]:
    """Check the bytes are UTF-8 text (BOM allowed) with no control characters."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, Finding(
            "the file is saved as UTF-16; records must be UTF-8",
            check="unsafe-yaml", at=(1, 1), hint="save the file with UTF-8 encoding",
        )
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        good = raw[: exc.start].decode("utf-8", "replace")
        return None, Finding(
            f"the file is not UTF-8 text: byte 0x{raw[exc.start]:02X} cannot be read",
            check="unsafe-yaml", at=_offset_to_at(good, len(good)),
            hint="save the file with UTF-8 encoding (it may be Latin-1 or Windows-1252)",
        )
    if "\r" in text:
        lone = _BARE_CR.search(text)
        if lone:
            return None, Finding(
                "a line ends with a bare carriage return (CR, the line end of classic Mac OS); "
                "YAML counts it as a line break, editors and evalcheck's comments do not",
                check="unsafe-yaml", at=_offset_to_at(text, lone.start()),
                hint="save the file with LF (or CRLF) line ends",
            )
    bad = _CONTROL.search(text)
    if bad:
        return None, Finding(
            f"the file contains a control character (U+{ord(bad.group()):04X}); "
            "records must be plain text",
            check="unsafe-yaml", at=_offset_to_at(text, bad.start()),
            hint="remove the character; the file may be binary or damaged",
        )
    return text, None


def _tab_near(text: str, mark: Any) -> bool:
    """Whether the line the parser stopped on (or the one before) has a tab: libyaml often
    reports a tab-indented line at the start of the next one. The mark may sit past the end."""
    if mark is None:
        return False
    lines = text.splitlines()
    return any("\t" in lines[i] for i in (mark.line, mark.line - 1) if 0 <= i < len(lines))


def too_large(size: int, limits: Limits = Limits()) -> Document | None:
    """The document for a file over the size limit, before anyone reads it all into memory."""
    if size <= limits.max_bytes:
        return None
    return Document(None, Locator(None), [Finding(
        f"the file is {size:,} bytes, more than the limit of {limits.max_bytes:,}",
        check="unsafe-yaml", at=(1, 1), hint="split it: one record per file",
    )])


def parse(raw: bytes, limits: Limits = Limits()) -> Document:
    """Parse one record file. Problems come back as findings with a line and column."""
    oversized = too_large(len(raw), limits)
    if oversized is not None:
        return oversized
    text, problem = decode(raw)
    if problem is not None or text is None:
        return Document(None, Locator(None), [problem] if problem else [])
    builder = _Builder(limits)
    try:
        try:
            builder.run(_Parser(text))
        except yaml.MarkedYAMLError as exc:
            if not (HAVE_LIBYAML and "maximum nesting depth" in str(exc.problem)):
                raise
            # libyaml 0.2.6 stops at 1,000 levels while scanning ahead, before our limit is
            # reached: the Python parser finds where the limit is passed (past our limit,
            # it is never asked for more)
            builder = _Builder(limits)
            builder.run(yaml.SafeLoader(text))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = " ".join(filter(None, [exc.problem, exc.context])) or "invalid YAML"
        at = _at(mark) if mark else (1, 1)
        hint = "indent with spaces, not tabs" if _tab_near(text, mark) else \
            colon_in_value(text, exc.problem or "", at[0])
        slip = None if hint else indentation_slip(text, exc.problem or "", at[0])
        if slip is not None:
            message, hint, at = slip.message, slip.hint, (slip.line, slip.column)
        return Document(None, Locator(None), [*builder.findings, Finding(
            f"not valid YAML: {message}", check="yaml-syntax", at=at, hint=hint,
        )])
    except yaml.YAMLError as exc:
        return Document(None, Locator(None), [Finding(
            f"not valid YAML: {exc}", check="yaml-syntax", at=(1, 1))])
    except _Abort:
        return Document(None, Locator(None), builder.findings)
    return Document(builder.data, Locator(builder.mark), builder.findings, builder.plain,
                    builder.marker_spans)


class _Builder:
    """Turns the event stream into data and a mark tree in one pass."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.data: Any = None
        self.mark: Mark | None = None
        self.findings: list[Finding] = []
        self.plain: list[PlainScalar] = []
        self.marker_spans: list[tuple[int, int, int, int]] = []
        self.anchors: dict[str, tuple[Any, Mark, int]] = {}
        self.alias_nodes = 0
        self.nodes = 0

    def run(self, parser: Any) -> None:
        get = parser.get_event
        stack: list[_Frame] = []
        documents = 0
        ScalarEvent, AliasEvent = yaml.ScalarEvent, yaml.AliasEvent
        MappingStartEvent, SequenceStartEvent = yaml.MappingStartEvent, yaml.SequenceStartEvent
        MappingEndEvent, SequenceEndEvent = yaml.MappingEndEvent, yaml.SequenceEndEvent
        max_nodes, intern, maybe_typed = self.limits.max_nodes, sys.intern, _MAYBE_TYPED
        while True:
            event = get()
            cls = type(event)
            if cls is ScalarEvent and stack and self.nodes < max_nodes \
                    and event.tag is None and not event.anchor:
                # the common case, inlined: a plain or quoted scalar in a mapping, as a key or
                # as a value that is text (what _count, _scalar and _add do for it)
                top = stack[-1]
                container = top.container
                text = event.value
                if "evalcheck:" not in text:
                    start = event.start_mark
                    pos = (start.line << SHIFT) | min(start.column, COLUMN_MAX)
                    is_text = not event.implicit[0] or (text and text[0] not in maybe_typed)
                    if type(container) is dict:
                        key = top.key
                        if key is _NO_KEY:
                            self.nodes += 1
                            top.size += 1
                            top.key, top.key_pos = intern(text), pos
                            continue
                        if is_text and key != "<<" and key not in container:
                            self.nodes += 1
                            top.size += 1
                            top.key = _NO_KEY
                            container[key] = intern(text) if len(text) <= 32 else text
                            top.children[key] = (top.key_pos, [pos, None])
                            continue
                    elif is_text:
                        self.nodes += 1
                        top.size += 1
                        container.append(intern(text) if len(text) <= 32 else text)
                        top.children.append([pos, None])
                        continue
            if cls is ScalarEvent:
                self._count(event)
                value = self._scalar(event, stack)
                if type(value) is str and len(value) <= 32:  # ids, owners, dates, statuses
                    value = sys.intern(value)  # repeat thousands of times: one object each
                self._add(stack, value, [_pos(event.start_mark), None], event, 1)
            elif cls is MappingStartEvent or cls is SequenceStartEvent:
                self._count(event)
                if len(stack) >= self.limits.max_depth:
                    self.findings.append(Finding(
                        f"the data is nested more than {self.limits.max_depth} levels deep",
                        check="unsafe-yaml", at=_at(event.start_mark),
                        hint="records are a few levels deep; this looks generated or damaged",
                    ))
                    raise _Abort
                is_map = cls is MappingStartEvent
                tags = _MAP_TAGS if is_map else _SEQ_TAGS
                path = self._child_path(stack)
                frame = _Frame({} if is_map else [], {} if is_map else [], path, event.anchor)
                frame.start = _pos(event.start_mark)
                if event.tag not in tags:
                    self._bad_tag(event)
                    frame.refused = True
                stack.append(frame)
            elif cls is MappingEndEvent or cls is SequenceEndEvent:
                frame = stack.pop()
                if frame.key is not _NO_KEY:  # pragma: no cover - libyaml always pairs keys
                    frame.container[frame.key] = None
                value, mark = frame.container, [frame.start, frame.children]
                if frame.refused:  # read, counted and left out: null, like a refused scalar
                    value, mark = None, [frame.start, None]
                    self.plain = [p for p in self.plain
                                  if p.path[:len(frame.path)] != frame.path]
                if frame.anchor:
                    self.anchors[frame.anchor] = (value, mark, frame.size)
                self._add(stack, value, mark, event, frame.size, anchored=False)
            elif cls is AliasEvent:
                target = self.anchors.get(event.anchor)
                if target is None:
                    raise yaml.MarkedYAMLError(
                        problem=f"the alias *{event.anchor} refers to no anchor defined before it",
                        problem_mark=event.start_mark)
                self.alias_nodes += target[2]
                if self.alias_nodes > self.limits.max_alias_nodes:
                    self.findings.append(Finding(
                        "aliases (*name) expand to more than "
                        f"{self.limits.max_alias_nodes:,} values",
                        check="unsafe-yaml", at=_at(event.start_mark),
                        hint="this is how 'billion laughs' attacks work; write the values out",
                    ))
                    raise _Abort
                self._add(stack, target[0], target[1], event, target[2], anchored=False)
            elif cls is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    self.findings.append(Finding(
                        "the file holds more than one YAML document",
                        check="yaml-syntax", at=_at(event.start_mark),
                        hint="keep one record per file; remove the second '---'",
                    ))
                    raise _Abort
            elif cls is yaml.StreamEndEvent:
                return

    def _count(self, event: Any) -> None:
        """Stop at the value past the limit: keys, values, lists and mappings all count."""
        self.nodes += 1
        if self.nodes > self.limits.max_nodes:
            self.findings.append(Finding(
                f"the file holds more than {self.limits.max_nodes:,} values",
                check="unsafe-yaml", at=_at(event.start_mark),
                hint="split it: one record per file; a record holds a few hundred values",
            ))
            raise _Abort

    def _child_path(self, stack: list[_Frame]) -> DataPath:
        if not stack:
            return ()
        top = stack[-1]
        if isinstance(top.container, dict):
            return (*top.path, top.key) if top.key is not _NO_KEY else top.path
        return (*top.path, len(top.container))

    def _bad_tag(self, event: Any) -> None:
        self.findings.append(Finding(
            f"the tag {_tag_text(event.tag)} is not allowed: records hold only text, numbers, "
            "yes/no values, lists and mappings",
            check="unsafe-yaml", at=_at(event.start_mark),
            hint="remove the tag; tags like !!python/object would construct program objects",
        ))

    def _scalar(self, event: Any, stack: list[_Frame]) -> Any:
        text: str = event.value
        tag = event.tag
        if "evalcheck:" in text:
            start, end = event.start_mark, event.end_mark
            self.marker_spans.append((start.line + 1, start.column + 1,
                                      end.line + 1, end.column + 1))
        if tag is None:
            if not event.implicit[0]:
                return text
            value = resolve_plain(text)
            key_slot = bool(stack) and isinstance(stack[-1].container, dict) \
                and stack[-1].key is _NO_KEY
            if key_slot:
                return text
            if value is not None and _typed_elsewhere(value):
                self.plain.append(PlainScalar(self._child_path(stack), text, value))
            return value
        if tag in _STR_TAGS:
            return text
        if tag in _SCALAR_TAGS:
            try:
                if tag.endswith(":int"):
                    return _to_int(text)
                if tag.endswith(":float"):
                    return _to_float(text)
                if tag.endswith(":bool"):
                    return _BOOL[text]
                return None
            except (ValueError, KeyError, IndexError, OverflowError):
                self.findings.append(Finding(
                    f"{text!r} is not a valid {_tag_text(tag)} value",
                    check="yaml-syntax", at=_at(event.start_mark), hint="remove the tag",
                ))
                return text
        self._bad_tag(event)
        return None

    def _add(self, stack: list[_Frame], value: Any, mark: Mark, event: Any, size: int,
             anchored: bool = True) -> None:
        if anchored and getattr(event, "anchor", None):
            self.anchors[event.anchor] = (value, mark, size)
        if not stack:
            self.data, self.mark = value, mark
            return
        top = stack[-1]
        top.size += size
        container = top.container
        if isinstance(container, list):
            container.append(value)
            top.children.append(mark)
            return
        if top.key is _NO_KEY:
            if not isinstance(value, str):
                self.findings.append(Finding(
                    "a mapping key must be plain text, not a list or mapping",
                    check="yaml-syntax", at=line_col(mark[0]),
                ))
                value = repr(value)
            # one shared object per key name: faster lookups, smaller cache packs
            top.key, top.key_pos = sys.intern(value), mark[0]
            return
        key = top.key
        top.key = _NO_KEY
        if key == "<<":
            self.findings.append(Finding(
                "merge keys (<<) are not allowed in records: they copy fields from elsewhere "
                "and YAML tools disagree on them",
                check="unsafe-yaml", at=line_col(top.key_pos), hint="write the fields out",
            ))
            return
        if key in container:
            first = top.children[key][0]
            self.findings.append(Finding(
                f"the key {key!r} appears twice in this mapping (first on line "
                f"{(first >> SHIFT) + 1}); the second value would silently win",
                check="duplicate-key", at=line_col(top.key_pos),
                hint="keep one of them",
            ))
            return
        container[key] = value
        top.children[key] = (top.key_pos, mark)
