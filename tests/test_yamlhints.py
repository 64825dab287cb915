"""YAML indentation slips in words: the yaml-syntax problem says which line to line up with
which, at the slipped line, instead of the parser's "did not find expected key"."""

from __future__ import annotations

import pytest

from evalcheck.yamlload import parse

LIST = "kind: evaluation\nrecommendations:\n  - id: R1\n    text: x\n"

# (id, text, (line, column), message fragment, hint fragment)
SLIPS = [
    ("key-indented-more", "kind: evaluation\nid: X\n title: Y\n", (3, 2),
     "not valid YAML: line 3 does not line up with line 2: it is indented 1 space, line 2 "
     "0 spaces", "indent line 3 like line 2, with no spaces"),
    ("key-in-a-list-indented-less", LIST + "   addressed_to: [a]\n", (5, 4),
     "line 5 does not line up with line 4: it is indented 3 spaces, line 4 4 spaces",
     "indent line 5 like line 4, with 4 spaces"),
    ("key-in-a-list-indented-more", LIST + "      addressed_to: [a]\n", (5, 7),
     "line 5 does not line up with line 4", "with 4 spaces"),
    ("list-item-indented-less", LIST + " - id: R2\n   text: y\n", (5, 2),
     "line 5 does not line up with line 3: it is indented 1 space, line 3 2 spaces",
     "indent line 5 like line 3, with 2 spaces"),
    ("deep-in-an-action", "kind: management-response\nresponses:\n  - recommendation: R1\n"
     "    actions:\n      - id: '1'\n        description: d\n       deadline: 2024-01\n",
     (7, 8), "line 7 does not line up with line 6", "with 8 spaces"),
]


@pytest.mark.parametrize(("text", "at", "message", "hint"), [c[1:] for c in SLIPS],
                         ids=[c[0] for c in SLIPS])
def test_an_indentation_slip_names_the_lines(text: str, at: tuple[int, int], message: str,
                                             hint: str) -> None:
    (finding,) = parse(text.encode()).findings
    assert finding.check == "yaml-syntax"
    assert finding.at == at
    assert message in finding.message
    assert hint in finding.hint


def test_a_colon_in_a_value_says_to_quote_it() -> None:
    (finding,) = parse(b"kind: evaluation\ntitle: Evaluation: final report\n").findings
    assert finding.check == "yaml-syntax" and finding.at == (2, 18)
    assert finding.hint == 'put the value in quotes: title: "Evaluation: final report"'


@pytest.mark.parametrize("text", [
    "kind: evaluation\naddressed_to: [a, b\ntitle: x\n",  # an unclosed list: no slip
    "owners:\n  - id: a\n    name: A\n  -id: b\n",  # a dash with no space: lines line up
])
def test_other_syntax_errors_keep_the_parsers_words(text: str) -> None:
    (finding,) = parse(text.encode()).findings
    assert finding.check == "yaml-syntax"
    assert "line up" not in finding.message
