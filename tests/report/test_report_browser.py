"""index.html in a real headless Chromium (Debian's package, driven by Playwright): it loads
offline with no console errors and no network requests, charts and tables are there, sorting
and filtering work, record text stays text, and it prints.

Screenshots go to pytest's tmp folder (the path is printed; run with -s to see it).
`EVALCHECK_UPDATE_GOLDEN=1` also refreshes docs/report-screenshot.png for the README.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import REPO, SEED_AS_OF, run_cli
from reportkit import SCRIPT, hostile_records

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(),
                       reason="needs Debian's chromium at /usr/bin/chromium "
                              "(apt-get install chromium)"),
]


class Page:
    """A loaded page plus everything it tried to do that an offline report must not."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("requestfailed", lambda r: self.requests.append(f"failed {r.url}"))
        page.on("request", lambda r: None if r.url.startswith(("file:", "data:"))
                else self.requests.append(r.url))
        page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright import sync_api  # the test extra's: a missing one is an error, not a skip

    with sync_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


def _open(browser: Any, html: Path) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(
        ("file:", "data:")) else route.abort())
    loaded = Page(context.new_page())
    loaded.page.goto(html.as_uri())
    loaded.page.wait_for_load_state("load")
    yield loaded
    context.close()


@pytest.fixture(scope="module")
def bundled(browser: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Page]:
    out = tmp_path_factory.mktemp("html")
    done = run_cli("report", "--as-of", SEED_AS_OF, "--out", str(out), "--format", "html")
    assert done.returncode == 0, done.stderr
    yield from _open(browser, out / "index.html")


@pytest.fixture(scope="module")
def hostile(browser: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Page]:
    root = hostile_records(tmp_path_factory.mktemp("hostile"))
    done = run_cli("report", "--as-of", "2024-06-30", "--out", "out", cwd=root)
    assert done.returncode == 0, done.stderr
    yield from _open(browser, root / "out/index.html")


def _column(page: Any, table: str, index: int) -> list[str]:
    return page.eval_on_selector_all(
        f"#{table} tbody tr:not([hidden])",
        f"rows => rows.map(r => r.cells[{index}].textContent.trim())")


def test_loads_offline_without_errors(bundled: Page) -> None:
    assert bundled.errors == []
    assert bundled.requests == []
    assert bundled.dialogs == []
    assert bundled.page.title() == f"Evaluation follow-up report, {SEED_AS_OF}"


def test_charts_and_tables_are_there(bundled: Page) -> None:
    page = bundled.page
    charts = page.eval_on_selector_all("svg.chart", """svgs => svgs.map(s => [s.id,
        s.getAttribute('role'), s.querySelector('title').textContent,
        s.querySelectorAll('rect').length])""")
    assert [c[0] for c in charts] == ["chart-recstatus", "chart-status", "chart-ageing",
                                      "chart-owners", "chart-decisions"]
    assert all(role == "img" and title and rects for _, role, title, rects in charts)
    assert page.locator("#chart-owners").get_attribute("aria-labelledby") == (
        "chart-owners-t chart-owners-d")
    for table in ("t-status", "t-ageing", "t-owners", "t-overdue", "t-recommendations",
                  "t-evaluations", "t-ratings", "t-actions", "t-checks"):
        assert page.locator(f"#{table} thead th").count() > 1, table
        assert page.locator(f"#{table} tbody tr").count() > 0, table
    assert page.locator("#t-actions tbody tr").count() == 22
    assert page.locator(".kpi").count() == 8


def test_sorting_a_column_reorders_rows(bundled: Page) -> None:
    page = bundled.page
    before = _column(page, "t-actions", 2)
    assert before[:3] == ["1.1", "2.1", "3.1"]
    header = page.locator("#t-actions thead th", has_text="Overdue by")
    header.locator("button").click()
    assert header.get_attribute("aria-sort") == "ascending"
    days = [int(d.split()[0].replace(",", "")) for d in _column(page, "t-actions", 7)]
    assert days == sorted(days) and days[0] == 1088
    header.locator("button").click()
    assert header.get_attribute("aria-sort") == "descending"
    assert _column(page, "t-actions", 2)[0] == "1.1"
    assert _column(page, "t-actions", 2) != before
    page.locator("#t-actions thead th", has_text="Action").locator("button").click()
    assert _column(page, "t-actions", 2)[:4] == ["1.1", "2.1", "3.1", "3.2"]
    assert _column(page, "t-actions", 2)[-1] == "13.1"


def test_typing_in_the_filter_hides_rows(bundled: Page) -> None:
    page = bundled.page
    mr = yaml.safe_load((REPO / "records/responses/MR-2022-ROBA-UNNM.yaml").read_text("utf-8"))
    psu = [a["id"] for r in mr["responses"] for a in r["actions"] if "psu" in a["responsible"]]
    box = page.locator("#t-actions-filter")
    box.fill("PSU")
    assert sorted(_column(page, "t-actions", 2)) == sorted(psu)
    assert page.locator("#t-actions-filter-count").text_content() == (
        f"{len(psu)} of 22 rows shown")
    box.fill("no such words")
    assert _column(page, "t-actions", 2) == []
    box.fill("")
    assert len(_column(page, "t-actions", 2)) == 22


def test_record_text_shows_literally(hostile: Page) -> None:
    page = hostile.page
    assert hostile.errors == [] and hostile.requests == [] and hostile.dialogs == []
    cells = page.locator("#t-recommendations td.text").all_inner_texts()
    assert cells[0] == SCRIPT
    assert page.locator("#t-actions td.text", has_text="=HYPERLINK(").count() == 1
    assert page.evaluate("document.scripts.length") == 1
    assert page.locator("img").count() == 0
    assert page.get_by_text("<b>Evil</b> Unit").count() > 0


def test_prints_cleanly(bundled: Page, tmp_path: Path) -> None:
    page = bundled.page
    page.emulate_media(media="print")
    try:
        assert page.locator("nav.toc").evaluate("e => getComputedStyle(e).display") == "none"
        assert page.locator(".filter").first.evaluate(
            "e => getComputedStyle(e).display") == "none"
        pdf = tmp_path / "report.pdf"
        page.pdf(path=str(pdf), format="A4", print_background=True)
        assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 20_000
    finally:
        page.emulate_media(media="screen")


def test_screenshot(bundled: Page, tmp_path: Path) -> None:
    page = bundled.page
    page.evaluate("window.scrollTo(0, 0)")
    top = tmp_path / "report-top.png"
    page.screenshot(path=str(top), clip={"x": 0, "y": 0, "width": 1280, "height": 1400},
                    full_page=True)
    full = tmp_path / "report-full.png"
    page.screenshot(path=str(full), full_page=True)
    assert top.stat().st_size > 10_000 and full.stat().st_size > top.stat().st_size
    print(f"\nscreenshots: {top} {full}")
    if os.environ.get("EVALCHECK_UPDATE_GOLDEN") == "1":
        shutil.copyfile(top, REPO / "docs/report-screenshot.png")
