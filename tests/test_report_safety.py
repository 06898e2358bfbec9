"""Hostile text in documents and manifests stays text: no formula in the workbook, no script or
live link in the report (issue 11, items 4 and 5). The hostile documents are built here."""
from __future__ import annotations

import datetime as dt
import shutil

import openpyxl
import pytest
from typer.testing import CliRunner

from wsoa.cli import app
from wsoa.model import Document
from wsoa.model.record import Action, Box, Event, Weakness
from wsoa.outputs.store import Store

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]
FORMULAS = ['=HYPERLINK("http://evil","x")', "=cmd|' /C calc'!A0", "+1", "-1", "@SUM(A1)"]
AREA = 'Evil"><img src=x onerror=alert(1)>'
SCRIPT = "</script><script>alert(2)</script>"
LINK = '<a href="http://evil.example/">click me</a>'


def hostile_docs() -> list[Document]:
    box = Box(page=1, x0=1, top=2, x1=3, bottom=4)
    actions = [Action(weakness_id="W1", ref=f, action=f, lead=f, lead_org=f, lead_org_type="other",
                      deadlines=[dt.date(2022, 12, 31)], deadline_raw=f, rag="red", measures=f, source=box)
               for f in FORMULAS]
    actions.append(Action(weakness_id="W1", ref="x", action=SCRIPT + LINK, lead=LINK, lead_org=LINK,
                          lead_org_type="council", deadlines=[dt.date(2022, 6, 30), dt.date(2022, 9, 30)],
                          deadline_revised=True, deadline_raw=SCRIPT, rag="amber", source=box))
    weak = [Weakness(id="W1", text=FORMULAS[0] + SCRIPT + LINK, source=box)]
    plan = Document(doc_id="evil-plan", local_area=AREA, doc_type="wsoa", weaknesses=weak, actions=actions,
                    events=[Event(date=dt.date(2022, 5, 1), kind="statement", text=SCRIPT + LINK, source=box)])
    letter = Document(doc_id="evil-letter", local_area=AREA, doc_type="inspection_letter", weaknesses=weak,
                      outcome=FORMULAS[1], inspection_start=dt.date(2021, 11, 1), letter_date=dt.date(2022, 1, 1))
    return [plan, letter]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    out = tmp_path_factory.mktemp("hostile")
    store = Store(out)
    for doc in hostile_docs():
        store.put(doc)
    store.close()
    res = CliRunner().invoke(app, ["report", str(out), "--as-of", "2023-01-31"])
    assert res.exit_code == 0, res.output
    return out


def test_workbook_holds_no_formula(hostile):
    book = openpyxl.load_workbook(hostile / "wsoa.xlsx")
    texts = set()
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                assert cell.hyperlink is None, (sheet.title, cell.coordinate)
                texts.add(cell.value)
    # the hostile texts are kept, as text
    assert set(FORMULAS) <= texts


def test_report_escapes_every_value(hostile):
    page = (hostile / "report.html").read_text("utf-8")
    assert AREA not in page and "<img src=x" not in page
    assert page.count("<script>alert(2)") == 0 and "<script>alert" not in page
    assert '<a href="http://evil' not in page and "href=\\\"http://evil" not in page


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed")
def test_hostile_report_runs_no_script_and_sends_nothing(hostile):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page(viewport={"width": 1440, "height": 1000})
        dialogs, requests = [], []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.on("request", lambda r: requests.append(r.url))
        page.goto((hostile / "report.html").as_uri())
        page.wait_for_function("document.querySelectorAll('.chart .main-svg').length >= 3")
        page.wait_for_timeout(500)
        links = page.evaluate("Array.from(document.querySelectorAll('a')).map(a => a.getAttribute('href') || "
                              "a.getAttribute('xlink:href'))")
        shown = page.evaluate("document.body.innerText")
        browser.close()
    assert dialogs == []
    assert [u for u in requests if not u.startswith("file:")] == []
    assert not [u for u in links if u and "evil" in u]
    # the hostile texts are shown as text
    assert AREA in shown
