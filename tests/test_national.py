"""The national view (issue 16 items 9 and 10): with many areas the report opens on the national
picture, short, with a short title; areas without a plan say so instead of listing weaknesses as
uncovered; every area carries its official identity."""
from __future__ import annotations

import re
import shutil

import openpyxl
import pytest
from typer.testing import CliRunner

from tests.national import add_national_reports
from tests.test_cli_answers import _plan
from wsoa.cli import app
from wsoa.outputs.store import Store

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]


@pytest.fixture(scope="module")
def national(tmp_path_factory):
    out = tmp_path_factory.mktemp("national")
    store = Store(out)
    store.put(_plan("Buckinghamshire Council", "bucks-wsoa"))
    store.put(_plan("Stoke-on- Trent", "stoke-wsoa"))
    store.close()
    assert add_national_reports(out, 50) == 50
    res = CliRunner().invoke(app, ["report", str(out), "--as-of", "2024-01-31"])
    assert res.exit_code == 0, res.output
    return out


def _headline(page: str) -> dict[str, dict[str, str]]:
    table = page.split('class="dataframe headline"')[1].split("</table>")[0]
    heads = re.findall(r"<th>(.*?)</th>", table)
    rows = [re.findall(r"<td>(.*?)</td>", r, re.DOTALL) for r in re.findall(r"<tr>(.*?)</tr>", table, re.DOTALL)]
    return {r[0]: dict(zip(heads, r)) for r in rows if r}


def test_title_is_short_and_areas_carry_official_codes(national):
    page = (national / "report.html").read_text("utf-8")
    assert "<h1>SEND written statements of action: 52 local areas</h1>" in page
    rows = _headline(page)
    assert len(rows) == 52
    assert rows["Buckinghamshire"]["ONS code"] == "E06000060" and rows["Buckinghamshire"]["DfE LA number"] == "825"
    assert rows["Buckinghamshire"]["Region"] == "South East"
    assert "Stoke-on-Trent" in rows and rows["Stoke-on-Trent"]["ONS code"] == "E06000021"
    assert rows["Barking and Dagenham"]["ONS code"] == "E09000002" and rows["Barking and Dagenham"]["Region"] == "London"


def test_areas_without_a_plan_show_no_plan_loaded(national):
    rows = _headline((national / "report.html").read_text("utf-8"))
    no_plan = [r for name, r in rows.items() if name not in ("Buckinghamshire", "Stoke-on-Trent")]
    assert len(no_plan) == 50
    assert {r["Uncovered weaknesses"] for r in no_plan} == {"no plan loaded"}
    assert {r["Plan loaded"] for r in no_plan} == {"no plan loaded"}
    assert rows["Buckinghamshire"]["Uncovered weaknesses"] == "no letter"


def test_workbook_carries_the_official_identity(national):
    book = openpyxl.load_workbook(national / "wsoa.xlsx")
    areas = book["areas"]
    head = [c.value for c in areas[1]]
    rows = {r[head.index("name")]: r for r in areas.iter_rows(min_row=2, values_only=True)}
    assert rows["Buckinghamshire"][head.index("ons_code")] == "E06000060"
    assert rows["Buckinghamshire"][head.index("local_area")] == "Buckinghamshire Council"
    actions = book["actions"]
    ahead = [c.value for c in actions[1]]
    assert {r[ahead.index("ons_code")] for r in actions.iter_rows(min_row=2, values_only=True)} == \
        {"E06000060", "E06000021"}


def _in_browser(national, width: int, look):
    """Open the national report at `width` px and return what `look(page)` gives."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page(viewport={"width": width, "height": 900})
        page.goto((national / "report.html").as_uri())
        page.wait_for_function("document.querySelectorAll('.chart .main-svg').length > 0")
        try:
            return look(page)
        finally:
            browser.close()


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed")
def test_national_page_is_short_until_an_area_is_chosen(national):
    def look(page):
        before = page.evaluate("document.documentElement.scrollHeight")
        hidden = page.locator("section.area:visible").count()
        page.select_option("#area-pick", "Buckinghamshire")
        page.wait_for_timeout(300)
        shown = page.evaluate("Array.from(document.querySelectorAll('section.area')).filter(s => !s.hidden)"
                              ".map(s => s.dataset.area)")
        return before, hidden, shown, page.locator("#actions tbody tr:visible").count()

    before, hidden, shown, rows = _in_browser(national, 1440, look)
    assert before < 12_000, before
    assert hidden == 0 and shown == ["Buckinghamshire"] and rows == 2


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed")
def test_national_page_fits_a_phone(national):
    from tests.test_report import LAYOUT

    got = _in_browser(national, 390, lambda page: page.evaluate(LAYOUT))
    assert got["scroll"] <= got["width"] and got["overlaps"] == []
    assert all(c["svg"][1] <= c["card"][1] + 1 and c["key"] > 0 for c in got["charts"]), got["charts"]
