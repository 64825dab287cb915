"""The board paper in a real headless Chromium: index.html of `report --period --trend` on the
git history of boardhistory.py loads offline with no console errors, draws the trend and the
breakdowns with the numbers worked out by hand in test_board.py, and prints as a board annex
(A4, a page per section, no controls).

`EVALCHECK_UPDATE_GOLDEN=1` also refreshes docs/board-print.png (the first printed page).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from boardhistory import build
from conftest import REPO, run_cli
from test_report_browser import (  # noqa: F401 (a fixture)
    Page,
    _open,
    browser,
    pytestmark,
)

A4 = {"width": 794, "height": 1123}  # an A4 page at 96 dpi


@pytest.fixture(scope="module")
def board(browser: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Page]:  # noqa: F811
    root = tmp_path_factory.mktemp("board")
    build(root)
    done = run_cli("report", "--period", "2025-Q3", "--trend", "quarter", "--since",
                   "2023-01-01", "--out", "out", "--format", "html", cwd=root)
    assert done.returncode == 0, done.stderr
    yield from _open(browser, root / "out/index.html")


def test_loads_offline_without_errors(board: Page) -> None:
    assert board.errors == [] and board.requests == [] and board.dialogs == []
    page = board.page
    assert page.locator("section.card").first.get_attribute("id") == "board"


def test_summary_cards_say_what_they_count(board: Page) -> None:
    cards = board.page.eval_on_selector_all(
        "#board .kpi", "cs => cs.map(c => [c.querySelector('.l').textContent, "
        "c.querySelector('.n').textContent, c.querySelector('.s').textContent])")
    by_name = {label: (value, words) for label, value, words in cards}
    assert len(cards) == 7
    # 2025-Q3 as of 09-30: applicable A1.1, A1.2, A2.1, B1.1, B1.3, C1.1, C2.1, C3.1
    assert by_name["Implementation rate"] == (
        "50.0%", "4 of 8 applicable actions completed; 2 of them with no status reported")
    # open with a deadline: A2.1, B1.1, C3.1 overdue; C2.1 not yet due
    assert by_name["Overdue share"][0] == "75.0%"
    assert by_name["Closure rate"] == ("n/a", "0 of 0 actions due in the period closed "
                                               "within it")
    urgent = board.page.eval_on_selector_all("#t-urgent tbody tr",
                                             "rs => rs.map(r => r.cells[2].textContent)")
    assert urgent == ["B1.1", "C3.1"]


def test_trend_chart_and_table(board: Page) -> None:
    page = board.page
    chart = page.locator("#chart-trend")
    assert chart.get_attribute("role") == "img"
    assert chart.locator("g.series").count() == 7
    # 11 quarters; a line breaks where there is nothing to measure
    assert page.locator("#t-trend tbody tr").count() == 11
    # closure rate: nothing was due in 2023-Q1, 2023-Q3, 2024-Q2, 2024-Q3, 2025-Q1, 2025-Q3
    assert chart.locator("g.l-closure_rate circle").count() == 5
    rows = page.eval_on_selector_all(
        "#t-trend tbody tr", "rs => rs.map(r => [r.cells[0].textContent, "
        "r.cells[3].textContent])")
    assert ["2024-Q1", "50.0%1 / 2"] in rows  # closure rate of 2024-Q1 (test_board.py)
    desc = chart.locator("desc").text_content() or ""
    assert "Closure rate: 2023-Q2 100.0%" in desc


def test_breakdowns_are_there(board: Page) -> None:
    page = board.page
    for dimension, keys in (("unit", ["Unit A", "Unit B", "Unit C"]),
                            ("region", ["Africa Region", "Americas Region"]),
                            ("year", ["2023", "2024"]), ("type", ["final", "mid-term"]),
                            ("priority", ["1", "2", "3", "not-stated"])):
        names = page.eval_on_selector_all(
            f"#t-bd-{dimension} tbody tr", "rs => rs.map(r => r.cells[0].firstChild"
            ".textContent.trim())")
        assert names == keys, dimension
    heads = page.eval_on_selector_all("#t-bd-priority thead th", "hs => hs.length")
    assert heads == 7  # no response timeliness by priority


def test_prints_as_a_board_annex(board: Page, tmp_path: Path) -> None:
    page = board.page
    page.set_viewport_size(A4)
    page.emulate_media(media="print")
    try:
        hidden = page.eval_on_selector_all(
            "nav.toc, .filter, input, details.more > summary",
            "es => es.every(e => getComputedStyle(e).display === 'none' || "
            "e.offsetParent === null)")
        assert hidden
        breaks = page.eval_on_selector_all(
            "section.card", "ss => ss.map(s => [s.id, getComputedStyle(s).breakBefore])")
        assert breaks[0] == ["board", "auto"]
        assert all(b == "page" for _, b in breaks[1:])
        shot = tmp_path / "board-print.png"
        page.screenshot(path=str(shot), clip={"x": 0, "y": 0, **A4})
        pdf = tmp_path / "board.pdf"
        page.pdf(path=str(pdf), format="A4", print_background=True)
        assert pdf.read_bytes().startswith(b"%PDF")
        assert shot.stat().st_size > 10_000
        print(f"\nprint screenshot: {shot}  pdf: {pdf}")
        if os.environ.get("EVALCHECK_UPDATE_GOLDEN") == "1":
            shutil.copyfile(shot, REPO / "docs/board-print.png")
    finally:
        page.emulate_media(media="screen")
        page.set_viewport_size({"width": 1280, "height": 900})
