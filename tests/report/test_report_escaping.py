"""Record text comes from pull requests: it must show as text in every report format, never
become markup, a link, a script or a spreadsheet formula."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from conftest import run_cli
from reportkit import FORMULA, SCRIPT, hostile_records


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = hostile_records(tmp_path_factory.mktemp("hostile"))
    done = run_cli("report", "--as-of", "2024-06-30", "--out", "out", cwd=root)
    assert done.returncode == 0, done.stderr
    return root / "out"


def test_html_shows_text_and_runs_only_its_own_script(out: Path) -> None:
    page = (out / "index.html").read_text(encoding="utf-8")
    assert page.count("<script") == 1 and page.count("</script>") == 1
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "alert(1)</script>" not in page
    assert "<img" not in page and "onerror=alert" not in page.replace("onerror=alert(3)&gt;", "")
    assert "&lt;b&gt;Evil&lt;/b&gt; Unit" in page and "<b>Evil" not in page
    assert "=HYPERLINK(&quot;http://evil.example/x&quot;" in page


def test_html_is_self_contained(out: Path) -> None:
    page = (out / "index.html").read_text(encoding="utf-8")
    csp = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', page)
    assert csp is not None
    policy = csp.group(1)
    assert "default-src 'none'" in policy and "script-src 'unsafe-inline'" in policy
    assert "style-src 'unsafe-inline'" in policy and "http" not in policy
    assert not re.search(r'\s(?:src|href|action|srcset)="(?!#)', page)
    assert "@import" not in page and "url(http" not in page and "url(//" not in page


def test_markdown_shows_text(out: Path) -> None:
    md = (out / "report.md").read_text(encoding="utf-8")
    assert not re.search(r"(?<!\\)<(?:script|b|img)", md)
    assert "\\<script\\>alert(1)\\</script\\>" in md
    assert "\\[click\\](javascript:alert(2))" in md
    assert "\\| pipes \\| and \\*\\*stars\\*\\* @\u200bsomeone" in md
    assert not re.search(r"(?<!\\)\]\(", md), "a Markdown link"


def test_csv_cells_cannot_become_formulas(out: Path) -> None:
    raw = (out / "actions.csv").read_bytes().decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(raw, newline="")))
    assert [r["action"] for r in rows] == ["'" + FORMULA, SCRIPT + " again"]
    for row in rows:
        assert all(not cell.startswith(("=", "+", "-", "@")) for cell in row.values())


def test_json_keeps_the_text_as_data(out: Path) -> None:
    data = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert data["coverage"]["recommendations"][0]["text"] == SCRIPT
    assert data["implementation"]["actions"][0]["text"] == FORMULA


def test_terminal_strips_control_characters(tmp_path: Path) -> None:
    root = hostile_records(tmp_path)
    ev = root / "records/ev.yaml"
    ev.write_text(ev.read_text(encoding="utf-8").replace("id: EV-X\n", "id: EV-X\n", 1)
                  .replace("owner: me-unit", 'owner: me-unit\nyear: 2024'), encoding="utf-8")
    owners = root / "records/owners.yaml"
    owners.write_text(owners.read_text(encoding="utf-8").replace(
        "name: '<b>Evil</b> Unit'", 'name: "\\e[31mRed\\e[0m \\a Unit"'), encoding="utf-8")
    done = run_cli("report", "--as-of", "2024-06-30", cwd=root)
    assert done.returncode == 0, done.stderr
    assert "\x1b" not in done.stdout and "\x07" not in done.stdout
    assert " [31mRed [0m   Unit (evil)" in done.stdout
