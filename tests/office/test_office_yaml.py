"""The YAML that import and set write: new records read back as exactly the data written,
whatever the text; round-trip edits leave every other line as it was."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from evalcheck import emit, roundtrip
from evalcheck.yamlload import parse

AWKWARD = ["yes", "No", "1.1", "2", "0x1F", "1e3", "12:30", "2023-11-30", "~", "null", "- item",
           "key: value", "a # not a comment", "@handle", "=SUM(A1)", "'quoted'", '"double"',
           " leading", "trailing ", "tab\tinside", "two\nlines", "para one\npara two",
           "line\u2028separator", "nel\x85", "bell\x07", "", "é" * 150, "word " * 40]


@pytest.mark.parametrize("text", AWKWARD)
def test_awkward_text_reads_back_the_same(text: str) -> None:
    data = {"kind": "evaluation", "text": text, "items": [{"id": "1.1", "text": text}]}
    written = emit.dump(data)
    assert parse(written.encode()).data == data


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300))
def test_any_text_reads_back_the_same(text: str) -> None:
    data = {"recommendations": [{"id": "R1", "text": text, "priority": 2}]}
    assert parse(emit.dump(data).encode()).data == data


def test_dates_are_written_bare_and_ids_quoted() -> None:
    written = emit.dump({"id": "1.1", "deadline": emit.Bare("2023-11"), "priority": 2})
    assert written == 'id: "1.1"\ndeadline: 2023-11\npriority: 2\n'


def test_long_text_is_folded_at_the_width() -> None:
    text = " ".join(["palabra"] * 40) + "\n" + "segundo párrafo"
    written = emit.dump({"description": text}, indent=0)
    assert written.splitlines()[0] == "description: >-"
    assert "" in written.splitlines()
    assert max(len(line) for line in written.splitlines()) <= emit.WIDTH
    assert parse(written.encode()).data == {"description": text}


def test_flow_mappings_quote_what_flow_style_cannot_carry() -> None:
    assert emit.flow_mapping({"id": "a", "name": "B, C", "review": True}) == \
        '{id: a, name: "B, C", review: true}'


ODD = """\
# a comment that stays
kind: owners
owners:
- {id: a,   name: A, type: unit}    # spaced out
- id: b
  name:    B
  type: unit
  role: a plain scalar long enough that a re-emitting writer would want to fold it somewhere
notes: end
"""


def test_an_edit_changes_only_its_own_lines() -> None:
    def change(data: object, yaml: object) -> None:
        data["owners"][1]["type"] = "person"  # type: ignore[index]

    new = roundtrip.edit(ODD, change)
    assert new == ODD.replace("  type: unit\n  role", "  type: person\n  role")


def test_an_appended_item_keeps_the_rest() -> None:
    def change(data: object, yaml: object) -> None:
        data["owners"].append(roundtrip.node(yaml, "{id: c, name: C, type: unit}"))  # type: ignore[index]

    new = roundtrip.edit(ODD, change)
    assert new == ODD.replace("notes: end", "- {id: c, name: C, type: unit}\nnotes: end")


def test_no_final_newline_and_a_bom_stay() -> None:
    text = "\ufeffkind: owners\nowners:\n  - {id: a, name: A, type: unit}"

    def change(data: object, yaml: object) -> None:
        data["notes"] = "x"  # type: ignore[index]

    assert roundtrip.edit(text, change) == text + "\nnotes: x"


def test_text_that_is_not_a_mapping_cannot_be_edited() -> None:
    with pytest.raises(roundtrip.EditError):
        roundtrip.edit("- a\n- b\n", lambda data, yaml: None)
    with pytest.raises(roundtrip.EditError):
        roundtrip.edit("key: [unclosed\n", lambda data, yaml: None)


def test_a_change_that_cannot_be_placed_is_refused_not_rewritten() -> None:
    text = "kind: owners\nowners: [\n   {id: a, name: A, type: unit}\n]\n"

    def change(data: object, yaml: object) -> None:
        data["owners"].append(roundtrip.node(yaml, "{id: b, name: B, type: unit}"))  # type: ignore[index]

    with pytest.raises(roundtrip.EditError, match="without rewriting lines that were not edited"):
        roundtrip.edit(text, change)


@pytest.mark.parametrize(("text", "indent"), [
    ("a:\n  b: 1\nl:\n  - x\n", (2, 4, 2)),
    ("a:\n    b: 1\nl:\n-   x\n", (4, 4, 0)),
    ("a:\n    b: 1\nl:\n    -   x\n", (4, 8, 4)),
    ("a:\n    b: 1\nl:\n    - x\n", (4, 6, 4)),
    ("a: 1\n", None),
])
def test_the_file_s_indentation_is_detected(text: str, indent: tuple[int, int, int] | None
                                           ) -> None:
    assert roundtrip.detect_indent(text) == indent


def test_each_line_keeps_its_line_end() -> None:
    text = "kind: owners\r\nowners:\n  - {id: a, name: A, type: unit}\rnotes: x"

    def change(data: object, yaml: object) -> None:
        data["owners"].append(roundtrip.node(yaml, "{id: b, name: B, type: unit}"))  # type: ignore[index]

    assert roundtrip.edit(text, change) == (
        "kind: owners\r\nowners:\n  - {id: a, name: A, type: unit}\r"
        "  - {id: b, name: B, type: unit}\rnotes: x")
