"""Record text never becomes markup, a link, a mention, a workflow command or a formula.

Every text field of every record kind carries a numbered injection payload (payloads.py); the
file names and a deliberately broken record put hostile text into problem messages too. The
lint formats people read on GitHub (markdown, github annotations) and the report files
(index.html, report.md, actions.csv, report.json) are checked against it; the HTML and the
report's Markdown are also compared with a benign twin of the same records: the same tags and
attributes, in the same order, or something leaked.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from conftest import git
from hypothesis import given
from hypothesis import strategies as st

from evalcheck.textsafe import csv_cell, html_escape, md_escape, visible
from hostile.conftest import PROFILE
from hostile.kit import AS_OF, run_limited
from hostile.payloads import Payloads, hostile_record
from hostile.schemagen import KINDS, dump

HOSTILE_NAMES = {"evaluation": "ev <img src=x onerror=alert(7)> |x| `y` @everyone.yaml",
                 "management-response": "mr.yaml", "project": "prj.yaml",
                 "owners": "owners.yaml"}
BENIGN_NAMES = {**HOSTILE_NAMES, "evaluation": "ev benign.yaml"}
# A broken record: its bad values come back inside problem messages, its name has %, : and ,
# (all special in GitHub workflow commands). The twin breaks the same rules in words. (A name
# with a newline is not read at all: test_file_names.py.)
BROKEN = """\
kind: evaluation
id: EV-BAD
title: "{title}"
status: "{status}"
owner: me-unit
"{key}": 1
recommendations:
  - id: "{rid}"
    text: "{text}"
    addressed_to: ["{owner}"]
"""
BROKEN_HOSTILE = ("bad %0A::x,y <b>|`z`.yaml", BROKEN.format(
    title="<script>alert('t')</script>",
    status="<script>alert('s')</script> | x @everyone [c](javascript:alert(1))",
    key="<img src=x onerror=alert('k')>", rid="<b>R</b>|`x`%0A::error::forged",
    text='=HYPERLINK(\\"http://evil.example\\")\\r\\n::error::forged',
    owner="<script>no-such-owner"))
BROKEN_BENIGN = ("bad plain.yaml", BROKEN.format(
    title="A plain title", status="finished in words", key="not a field", rid="R plain",
    text="plain recommendation text", owner="no such owner"))
MD_TAGS = re.compile(r"(?<!\\)<(/?[A-Za-z][\w-]*)")
UNESCAPED = r"(?<!\\)"


def _build(root: Path, names: dict[str, str], hostile: bool) -> tuple[Path, list[str]]:
    payloads = Payloads()
    if not hostile:  # the twin: same fields, same numbering, plain words
        payloads.next = _benign(payloads)  # type: ignore[method-assign]
    root.mkdir(parents=True)
    git(root, "init", "-q")
    for kind in KINDS:
        path = root / "records" / names[kind]
        path.parent.mkdir(exist_ok=True)
        path.write_text(dump(hostile_record(kind, payloads)), encoding="utf-8")
    name, text = BROKEN_HOSTILE if hostile else BROKEN_BENIGN
    (root / "records" / name).write_text(text, encoding="utf-8")
    return root, payloads.given


def _benign(payloads: Payloads) -> Any:
    def next_() -> str:
        text = f"plain words for field P{len(payloads.given):03d}"
        payloads.given.append(text)
        return text

    return next_


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    return _build(tmp_path_factory.mktemp("hostile") / "repo", HOSTILE_NAMES, True)


@pytest.fixture(scope="module")
def benign(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    return _build(tmp_path_factory.mktemp("benign") / "repo", BENIGN_NAMES, False)


def _lint(repo: Path, fmt: str) -> str:
    run = run_limited("lint", "--format", fmt, "--as-of", AS_OF, cwd=repo, timeout=30)
    assert run.returncode == 1 and "Traceback" not in run.stderr, run
    return run.stdout


def _problems(repo: Path) -> list[dict[str, Any]]:
    problems: list[dict[str, Any]] = json.loads(_lint(repo, "json"))
    assert any(p["path"].startswith("records/bad") for p in problems)
    return problems


def _plain(markdown: str) -> str:
    """What a reader sees of escaped Markdown text: backslash escapes undone (md_escape writes
    no entities, so an "&amp;" in a record is text the reader sees as it is)."""
    return re.sub(r"\\(.)", r"\1", markdown).replace("\u200b", "")


def _one_line(text: str) -> str:
    return " ".join(text.split())


def assert_inert_markdown(md: str, allowed_tags: set[str]) -> None:
    """No HTML but ours, no link, image, autolink or mention, whatever the text was."""
    assert set(MD_TAGS.findall(md)) <= allowed_tags, set(MD_TAGS.findall(md)) - allowed_tags
    assert not re.search(UNESCAPED + r"\]\(", md), "a Markdown link"
    assert not re.search(UNESCAPED + r"!" + UNESCAPED + r"\[", md), "a Markdown image"
    assert not re.search(UNESCAPED + r"<https?:", md), "an autolink"
    assert not re.search(r"(?i)\bwww\.", md), "a www autolink"
    assert not re.search(r"@(?!\u200b)\w", md), "a live @mention"


# --- lint --format markdown and github ------------------------------------------------------

def test_lint_markdown_is_inert_and_shows_every_message(hostile: tuple[Path, list[str]]) -> None:
    repo, _ = hostile
    md = _lint(repo, "markdown")
    assert_inert_markdown(md, {"details", "/details", "summary", "/summary"})
    assert md.count("<details>") == md.count("</details>") == md.count("</summary>")
    for line in md.splitlines():
        if line.startswith("| ") and not line.startswith(("| check", "| line")):
            assert len(re.findall(UNESCAPED + r"\|", line)) in (4, 5), line
            assert len(re.findall(UNESCAPED + "`", line)) == 2, line  # only the check name
    shown = _plain(md)
    for p in _problems(repo):
        assert _one_line(p["message"]) in shown, p["message"]


GH_COMMAND = re.compile(r"::(error|warning) file=([^,:\r\n]*),line=(\d+),col=(\d+),"
                        r"title=([^,:\r\n]*)::([^\r\n]*)")


def _gh_unescape(text: str) -> str:
    for code, char in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(code, char)
    return text


def test_github_annotations_are_escaped_and_round_trip(hostile: tuple[Path, list[str]]) -> None:
    """One workflow command per problem (no forged ones from record text), and unescaping
    each gives back exactly the path and message of the JSON output."""
    repo, _ = hostile
    lines = _lint(repo, "github").splitlines()
    commands, summary = lines[:-1], lines[-1]
    assert not summary.startswith("::")
    parsed = []
    for line in commands:
        m = GH_COMMAND.fullmatch(line)
        assert m, line
        assert "%" not in re.sub(r"%(0D|0A|3A|2C|25)", "", m.group(2) + m.group(5) + m.group(6))
        parsed.append((_gh_unescape(m.group(2)), int(m.group(3)), int(m.group(4)),
                       _gh_unescape(m.group(6))))
    expected = [(p["path"], p["line"], p["column"],
                 p["message"] + (f" (hint: {p['hint']})" if p["hint"] else ""))
                for p in _problems(repo)]
    assert parsed == expected
    assert any("%0A::x," in path for path, *_ in parsed), "the file name with %0A:: is there"


# --- evalcheck report --out -------------------------------------------------------------------

@pytest.fixture(scope="module")
def reports(hostile: tuple[Path, list[str]], benign: tuple[Path, list[str]]
            ) -> dict[str, tuple[Path, list[str]]]:
    out = {}
    for name, (repo, given_) in (("hostile", hostile), ("benign", benign)):
        run = run_limited("report", "--out", "site", "--as-of", AS_OF, cwd=repo, timeout=30)
        assert run.returncode == 0 and "Traceback" not in run.stderr, run
        out[name] = (repo / "site", given_)
    return out


class _Structure(HTMLParser):
    """The tags and attribute names of a page, in order, and its text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, tuple[str, ...]]] = []
        self.attrs: list[tuple[str, str, str]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, tuple(sorted(a for a, _ in attrs))))
        self.attrs += [(tag, a, v or "") for a, v in attrs]

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _structure(page: str) -> _Structure:
    parser = _Structure()
    parser.feed(page)
    parser.close()
    return parser


def _shown_fields(text: str) -> set[str]:
    return set(re.findall(r"P\d{3}", text))


def test_html_report_has_the_benign_structure_and_shows_the_text(
        reports: dict[str, tuple[Path, list[str]]]) -> None:
    hostile_page = (reports["hostile"][0] / "index.html").read_text(encoding="utf-8")
    benign_page = (reports["benign"][0] / "index.html").read_text(encoding="utf-8")
    bad, good = _structure(hostile_page), _structure(benign_page)
    assert bad.tags == good.tags, "record text added or removed an element or attribute"
    for tag, attr, value in bad.attrs:
        assert not attr.startswith("on"), (tag, attr)
        assert not value.strip().lower().startswith(("javascript:", "data:", "http")), value
    text = " ".join(bad.text)
    shown = _shown_fields(" ".join(good.text))
    assert len(shown) >= 5, "the report shows the records' text fields"
    payloads = reports["hostile"][1]
    for n in sorted(shown):
        payload = payloads[int(n[1:])]
        assert _one_line(payload)[:60] in _one_line(text), (n, payload[:80])


def test_markdown_report_is_inert_and_has_the_benign_structure(
        reports: dict[str, tuple[Path, list[str]]]) -> None:
    md = (reports["hostile"][0] / "report.md").read_text(encoding="utf-8")
    benign_md = (reports["benign"][0] / "report.md").read_text(encoding="utf-8")
    assert_inert_markdown(md, set(MD_TAGS.findall(benign_md)))
    assert MD_TAGS.findall(md) == MD_TAGS.findall(benign_md)
    assert len(md.splitlines()) == len(benign_md.splitlines()), "no text broke a line"
    shown, payloads = _shown_fields(benign_md), reports["hostile"][1]
    assert len(shown) >= 5
    for n in sorted(shown):
        assert _one_line(payloads[int(n[1:])])[:60] in _plain(md), n
    for ours, theirs in zip(md.splitlines(), benign_md.splitlines(), strict=True):
        if theirs.startswith("|"):
            assert len(re.findall(UNESCAPED + r"\|", ours)) == \
                len(re.findall(UNESCAPED + r"\|", theirs)), ours


def test_actions_csv_cells_cannot_become_formulas(
        reports: dict[str, tuple[Path, list[str]]]) -> None:
    site, payloads = reports["hostile"]
    raw = (site / "actions.csv").read_bytes().decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(raw, newline="")))
    assert len(rows) >= 2
    formulas = 0
    for row in rows[1:]:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
            formulas += cell.startswith("'")
    assert formulas >= 1, "a payload that starts like a formula reached a cell"
    assert any(cell[1:] in payloads for row in rows for cell in row if cell.startswith("'"))


def test_json_report_keeps_every_string_exactly(
        reports: dict[str, tuple[Path, list[str]]]) -> None:
    """JSON needs no escaping by us; what matters is that nothing is lost or mangled."""
    def strings(value: Any) -> list[str]:
        if isinstance(value, dict):
            return [s for v in value.values() for s in strings(v)]
        if isinstance(value, list):
            return [s for v in value for s in strings(v)]
        return [value] if isinstance(value, str) else []

    site, payloads = reports["hostile"]
    found = set(strings(json.loads((site / "report.json").read_text(encoding="utf-8"))))
    benign = set(strings(json.loads((reports["benign"][0] / "report.json").read_text())))
    shown = {int(n[1:]) for n in _shown_fields(" ".join(benign))}
    assert shown
    for n in shown:
        assert payloads[n] in found or payloads[n][:40] in found, payloads[n][:80]


# --- the escaping functions themselves ------------------------------------------------------

@PROFILE
@given(st.text())
def test_md_escape_output_is_inert(text: str) -> None:
    out = md_escape(text)
    assert "\n" not in out and "\r" not in out
    bare = out.replace("\\\\", "")  # escaped backslashes
    assert not re.search(UNESCAPED + r"&#?[A-Za-z0-9]+;", bare), "an entity"
    for char in "[]|`*_~<>":
        assert not re.search(UNESCAPED + re.escape(char), bare), char
    assert not re.match(r"[#+\-=]|\d+[.)](?:\s|$)", bare), "a block marker at the start"
    assert not re.search(r"@(?!\u200b)", out)
    assert "://" not in out
    # all still there (up to zero-width spaces, which md_escape adds to break mentions and URLs)
    assert _plain(out) == visible(_one_line(text)).replace("\u200b", "")
    assert not CONTROL.search(out)


@PROFILE
@given(st.text())
def test_html_escape_round_trips_and_has_no_markup(text: str) -> None:
    out = html_escape(text)
    assert not set("<>\"'") & set(out)
    assert html.unescape(out) == text


@PROFILE
@given(st.one_of(st.text(), st.integers(), st.none()))
def test_csv_cell_never_starts_a_formula_and_keeps_the_rest(value: object) -> None:
    out = csv_cell(value)
    text = "" if value is None else str(value)
    assert not out.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert out == text or out == "'" + text


@pytest.mark.parametrize("text", ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
                                  "[click](javascript:alert(1))", "![x](http://evil/)",
                                  "@everyone", "| table | break", "`tick` ``` fence",
                                  "</details>", "x" * 10_000])
def test_named_hostile_strings(text: str) -> None:
    assert_inert_markdown(md_escape(text), set())
    assert "<" not in html_escape(text)
    assert _plain(md_escape(text)) == _one_line(text)


# --- terminal and log control sequences -------------------------------------------------------

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # all but tab and LF
ESCAPES = """\
kind: evaluation
id: EV-1
title: "\\e]0;pwned\\a title"
status: planned
owner: me-unit
recommendations:
  - {id: "\\e]8;;http://evil.example\\aclick\\e]8;;\\a", text: a, addressed_to: [me-unit]}
  - {id: "\\e]8;;http://evil.example\\aclick\\e]8;;\\a", text: b, addressed_to: [me-unit]}
  - {id: "\\e[2J\\e[31m\\x9b1m", text: c, addressed_to: ["\\e[31mred"]}
"""


@pytest.mark.parametrize("fmt", ["text", "github", "markdown"])
def test_no_terminal_control_sequence_reaches_the_reader(fmt: str, tmp_path: Path) -> None:
    """YAML's \\e and \\a escapes put ESC and BEL into values (the loader only refuses them
    raw); the outputs people read in a terminal or a CI log show them as \\x1b, \\x07."""
    repo = tmp_path / "repo"
    (repo / "records").mkdir(parents=True)
    git(repo, "init", "-q")
    (repo / "records" / "owners.yaml").write_text(
        "kind: owners\nowners:\n  - {id: me-unit, name: M&E Unit, type: unit}\n")
    (repo / "records" / "ev.yaml").write_text(ESCAPES)
    (repo / "records" / "ev\x1b[8m.yaml").write_text(ESCAPES)  # not read: its name is refused
    out = _lint(repo, fmt)
    assert "duplicate-id" in out and "\\x1b" in out and "001B" in out
    assert not CONTROL.search(out.replace("\r\n", "\n")), repr(CONTROL.findall(out))
