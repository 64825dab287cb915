"""The located YAML loader: bad input becomes a located finding, good input located data."""

from __future__ import annotations

import math
import random
from textwrap import dedent

import pytest
import yaml

from evalcheck.document import Document, Locator
from evalcheck.yamlload import Limits, parse, resolve_plain

BOMB = b"""\
a: &a [x, x, x, x, x, x, x, x, x, x]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]
"""

# (id, raw bytes, expected check, line, column, fragment of message or hint)
BAD_INPUTS = [
    ("truncated-flow", b"kind: evaluation\ntitle: [a, b\n", "yaml-syntax", 3, 1, "not valid YAML"),
    ("truncated-quote", b'kind: evaluation\ntitle: "abc\n', "yaml-syntax", 3, 1, "quoted"),
    ("bad-indent", b"kind: evaluation\ntitle: a\n  b: c\n", "yaml-syntax", 3, 3,
     "not valid YAML: line 3 does not line up with line 2"),
    ("tab-indent", b"kind: evaluation\nratings:\n\tscale: 1\n", "yaml-syntax", 3, 1, "tabs"),
    ("tab-indent-last-line", b"kind: evaluation\nratings:\n\tscale: 1", "yaml-syntax", 3, 1,
     "tabs"),
    ("duplicate-top-level", b"kind: evaluation\nid: a\nid: b\n", "duplicate-key", 3, 1,
     "'id' appears twice"),
    ("duplicate-deep-in-list",
     b"kind: evaluation\nrecommendations:\n  - id: R1\n    text: t\n  - id: R2\n    text: u\n"
     b"    text: v\n", "duplicate-key", 7, 5, "first on line 6"),
    ("python-object-apply", b'kind: evaluation\ntitle: !!python/object/apply:os.system ["echo"]\n',
     "unsafe-yaml", 2, 8, "!!python/object/apply:os.system"),
    ("python-object", b"kind: evaluation\ntitle: !!python/object:builtins.dict {}\n",
     "unsafe-yaml", 2, 8, "!!python/object:builtins.dict"),
    ("python-name", b"kind: evaluation\ntitle: !!python/name:os.system\n", "unsafe-yaml", 2, 8,
     "!!python/name:os.system"),
    ("set-tag", b"kind: evaluation\ntitle: !!set {a, b}\n", "unsafe-yaml", 2, 8, "!!set"),
    ("binary-tag", b"kind: evaluation\ntitle: !!binary aGVsbG8=\n", "unsafe-yaml", 2, 8,
     "!!binary"),
    ("local-tag", b"kind: evaluation\ntitle: !custom x\n", "unsafe-yaml", 2, 8, "!custom"),
    ("merge-key", b"base: &b {a: 1}\nkind: evaluation\nobj:\n  <<: *b\n  c: 2\n", "unsafe-yaml",
     4, 3, "merge keys"),
    ("billion-laughs", BOMB, "unsafe-yaml", 4, 36, "billion laughs"),
    ("undefined-alias", b"kind: evaluation\ntitle: *nope\n", "yaml-syntax", 2, 8, "*nope"),
    ("too-deep", b"a: " + b"[" * 70 + b"]" * 70 + b"\n", "unsafe-yaml", 1, 67, "64 levels"),
    ("utf-16-le-bom", b"\xff\xfe" + "kind: evaluation\n".encode("utf-16-le"), "unsafe-yaml", 1, 1,
     "UTF-16"),
    ("utf-16-be-bom", b"\xfe\xff" + "kind: evaluation\n".encode("utf-16-be"), "unsafe-yaml", 1, 1,
     "UTF-16"),
    ("latin-1-byte", "kind: evaluation\ntitle: caf\xe9\n".encode("latin-1"), "unsafe-yaml", 2, 11,
     "0xE9"),
    ("nul-byte", b"kind: evaluation\ntitle: a\x00b\n", "unsafe-yaml", 2, 9, "U+0000"),
    ("two-documents", b"kind: evaluation\n---\nkind: project\n", "yaml-syntax", 2, 1,
     "more than one YAML document"),
    ("bad-int-tag", b"kind: evaluation\nyear: !!int abc\n", "yaml-syntax", 2, 7, "!!int"),
    ("list-as-key", b"? [a, b]\n: c\n", "yaml-syntax", 1, 3, "mapping key"),
]


def _messages(doc: Document) -> str:
    return " | ".join(f.message + " " + f.hint for f in doc.findings)


@pytest.mark.parametrize(("raw", "check", "line", "column", "fragment"),
                         [case[1:] for case in BAD_INPUTS], ids=[c[0] for c in BAD_INPUTS])
def test_bad_input_is_one_located_finding(raw: bytes, check: str, line: int, column: int,
                                          fragment: str) -> None:
    doc = parse(raw)
    assert [(f.check, f.at) for f in doc.findings] == [(check, (line, column))], _messages(doc)
    assert fragment in _messages(doc)


def test_tab_hint_only_when_there_is_a_tab() -> None:
    doc = parse(b"kind: evaluation\ntitle: [a, b\n")
    assert doc.findings and "tab" not in doc.findings[0].hint


def test_oversize_file_is_refused_before_parsing() -> None:
    doc = parse(b"kind: evaluation\n" * 10, Limits(max_bytes=50))
    assert [(f.check, f.at) for f in doc.findings] == [("unsafe-yaml", (1, 1))]
    assert "170 bytes" in doc.findings[0].message and doc.data is None


def test_small_limits_apply() -> None:
    assert parse(b"a: [[[1]]]\n", Limits(max_depth=3)).findings[0].check == "unsafe-yaml"
    assert parse(b"a: [[1]]\n", Limits(max_depth=3)).findings == []
    aliases = b"a: &a [1, 2]\nb: [*a, *a, *a]\n"
    assert parse(aliases, Limits(max_alias_nodes=5)).findings[0].check == "unsafe-yaml"
    assert parse(aliases, Limits(max_alias_nodes=9)).findings == []


def test_unsafe_tag_is_never_constructed() -> None:
    doc = parse(b"title: !!python/object/apply:os.getcwd []\n")
    # the refused value is left out whole (null), not kept as the list it was written as
    assert doc.data == {"title": None}
    assert [f.check for f in doc.findings] == ["unsafe-yaml"]


def test_alias_to_a_scalar_is_fine() -> None:
    doc = parse(b"a: &x hello\nb: *x\n")
    assert doc.data == {"a": "hello", "b": "hello"} and doc.findings == []


@pytest.mark.parametrize(("raw", "data"), [
    (b"\xef\xbb\xbfkind: evaluation\ntitle: a\n", {"kind": "evaluation", "title": "a"}),
    (b"kind: evaluation\r\ntitle: a\r\nlist:\r\n  - b\r\n",
     {"kind": "evaluation", "title": "a", "list": ["b"]}),
    (b"", None),
    (b"# only a comment\n", None),
    (b"\n\n   \n", None),
    (b"---\nkind: evaluation\n...\n", {"kind": "evaluation"}),
    ("title: Evaluación (ñandú)\n".encode(), {"title": "Evaluación (ñandú)"}),
], ids=["utf8-bom", "crlf", "empty", "comment-only", "blank-lines", "explicit-markers", "utf8"])
def test_accepted_inputs(raw: bytes, data: object) -> None:
    doc = parse(raw)
    assert doc.findings == []
    assert doc.data == data


def test_crlf_keeps_line_numbers() -> None:
    doc = parse(b"kind: evaluation\r\ntitle: a\r\nid: x\r\nid: y\r\n")
    assert [(f.check, f.at) for f in doc.findings] == [("duplicate-key", (4, 1))]


# (unquoted text, value YAML 1.1 gives it, recorded as a plain scalar?)
RESOLUTION = [
    ("NO", False, True), ("no", False, True), ("yes", True, True), ("Yes", True, True),
    ("on", True, True), ("ON", True, True), ("off", False, True), ("Off", False, True),
    ("true", True, True), ("False", False, True),
    ("1.10", 1.1, True), ("12:30", 750, True), ("190:20:30.15", 685230.15, True),
    ("0x1F", 31, True), ("017", 15, True), ("0b101", 5, True), ("1_000", 1000, True),
    ("-12", -12, True), (".5", 0.5, True), ("1.0e+3", 1000.0, True), (".inf", math.inf, True),
    ("0o17", "0o17", True), ("1e3", "1e3", True), ("09", "09", True),
    ("2023-11-20", "2023-11-20", True),
    ("2001-12-14t21:59:43.10-05:00", "2001-12-14t21:59:43.10-05:00", True),
    ("2023-11", "2023-11", False), ("y", "y", False), ("n", "n", False), ("R1", "R1", False),
    ("1.2.3", "1.2.3", False), ("hello", "hello", False), ("1:60", "1:60", False),
    ("~", None, False), ("null", None, False), ("", None, False),
]


@pytest.mark.parametrize(("text", "value", "plain"), RESOLUTION, ids=[r[0] for r in RESOLUTION])
def test_yaml_1_1_resolution(text: str, value: object, plain: bool) -> None:
    doc = parse(f"kind: evaluation\nfield: {text}\n".encode())
    got = doc.data["field"]
    assert got == value and type(got) is type(value)
    recorded = [(p.path, p.text) for p in doc.plain_scalars]
    assert recorded == ([(("field",), text)] if plain else [])


@pytest.mark.parametrize("text", [r[0] for r in RESOLUTION])
def test_resolution_agrees_with_pyyaml_safe_load_except_dates(text: str) -> None:
    expected = yaml.safe_load(f"a: {text}\n")["a"]
    if hasattr(expected, "isoformat"):
        expected = text  # the record contract keeps dates as ISO strings
    assert resolve_plain(text) == expected


@pytest.mark.parametrize("raw", [b'field: "NO"\n', b"field: 'yes'\n", b"field: !!str 1.10\n",
                                 b"field: |\n  12:30\n"])
def test_quoted_scalars_stay_text_and_are_not_recorded(raw: bytes) -> None:
    doc = parse(raw)
    assert isinstance(doc.data["field"], str) and doc.plain_scalars == []


def test_keys_stay_text() -> None:
    doc = parse(b"1.10: a\nyes: b\n")
    assert doc.data == {"1.10": "a", "yes": "b"} and doc.plain_scalars == []


def test_plain_scalar_paths_reach_into_lists() -> None:
    doc = parse(b"responses:\n  - actions:\n      - id: 1.10\n")
    assert [(p.path, p.value) for p in doc.plain_scalars] == [
        (("responses", 0, "actions", 0, "id"), 1.1)]


def test_dates_stay_iso_strings() -> None:
    doc = parse(b"report_date: 2022-08-15\ndeadline: 2022-11\nwhen: 2022-08-15 10:00:00\n")
    assert doc.data == {"report_date": "2022-08-15", "deadline": "2022-11",
                        "when": "2022-08-15 10:00:00"}


LOCATED = dedent("""\
    kind: evaluation
    title: A title
    recommendations:
      - id: R1
        addressed_to: [u1, u2]
      - {id: R2, text: x}
    """).encode()


@pytest.mark.parametrize(("path", "key", "at"), [
    ((), False, (1, 1)),
    (("title",), False, (2, 8)),
    (("title",), True, (2, 1)),
    (("recommendations",), False, (4, 3)),
    (("recommendations", 0), False, (4, 5)),
    (("recommendations", 0, "addressed_to", 1), False, (5, 24)),
    (("recommendations", 0, "addressed_to"), True, (5, 5)),
    (("recommendations", 1, "text"), False, (6, 20)),
    (("recommendations", 1, "text"), True, (6, 14)),
    (("recommendations", 0, "missing"), False, (4, 5)),
    (("recommendations", 0, "missing"), True, (4, 5)),
    (("recommendations", 7, "id"), False, (4, 3)),
    (("nothing", "deeper"), False, (1, 1)),
])
def test_locator(path: tuple, key: bool, at: tuple[int, int]) -> None:
    doc = parse(LOCATED)
    assert doc.locator.locate(path, key=key) == at


def test_locator_without_data() -> None:
    assert Locator(None).locate(("a", 1)) == (1, 1)
    assert parse(b"").locator.locate(("kind",)) == (1, 1)


def test_no_exception_on_any_prefix_or_mutation() -> None:
    sample = LOCATED + BOMB[:60] + "é: ñ\n".encode() + b"x: &a [*a]\n? [1]\n: 2\n"
    rng = random.Random(1234)
    inputs = [sample[:i] for i in range(len(sample) + 1)]
    for _ in range(300):
        mutated = bytearray(sample)
        for _ in range(rng.randint(1, 4)):
            mutated[rng.randrange(len(mutated))] = rng.randrange(256)
        inputs.append(bytes(mutated))
    for raw in inputs:
        doc = parse(raw)
        assert isinstance(doc, Document)
        assert all(f.at is None or (f.at[0] >= 1 and f.at[1] >= 1) for f in doc.findings)
