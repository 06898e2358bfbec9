"""The analyst's report (offline HTML, checked in headless Chromium) and the workbook."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from tests.conftest import BUCKS_LETTER, BUCKS_WSOA, PBORO_WSOA
from wsoa.cli import app
from wsoa.corpus.batch import run_batch

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def reported(tmp_path_factory):
    src, out = tmp_path_factory.mktemp("src"), tmp_path_factory.mktemp("out")
    for path in (BUCKS_WSOA, BUCKS_LETTER, PBORO_WSOA):
        shutil.copy(path, src / path.name)
    run_batch(src, out, workers=2)
    res = CliRunner().invoke(app, ["report", str(out), "--areas", "Buckinghamshire,Peterborough",
                                   "--as-of", "2023-01-31"])
    assert res.exit_code == 0, res.output
    return out


def test_report_is_one_offline_file(reported):
    page = (reported / "report.html").read_text("utf-8")
    assert not re.search(r"<(?:script|link|img)[^>]+(?:src|href)=[\"']?(?:https?:)?//", page, re.IGNORECASE)
    assert "Buckinghamshire" in page and "Peterborough" in page
    # headline: Buckinghamshire's 45 actions answer 3 weaknesses, 15.0 per weakness
    assert re.search(r"<td>Buckinghamshire</td>.*?<td>3</td>\s*<td>45</td>\s*<td>15.0</td>", page, re.DOTALL)


def test_workbook_sheets_are_frozen_filtered_and_coloured(reported):
    import datetime as dt

    from openpyxl.utils import get_column_letter

    book = openpyxl.load_workbook(reported / "wsoa.xlsx")
    # issue 16 item 6: the headline first, then one row per action, then every other table
    assert book.sheetnames[:2] == ["headline", "actions"]
    assert {"documents", "weaknesses", "milestones", "links", "findings", "warnings", "quote_checks",
            "self_knowledge", "changes"} <= set(book.sheetnames)
    assert [c.value for c in book["headline"]["A"]][1:] == ["Buckinghamshire", "Peterborough"]
    actions = book["actions"]
    assert actions.freeze_panes == "A2" and actions.auto_filter.ref.startswith("A1:")
    head = [c.value for c in actions[1]]
    col = {h: head.index(h) + 1 for h in head}
    rows = range(2, actions.max_row + 1)
    assert actions.max_row == 1 + 45 + 27
    assert {actions.cell(r, col["local_area"]).value for r in rows} == {"Buckinghamshire", "Peterborough"}
    amber = [r for r in rows if actions.cell(r, col["status"]).value == "amber"]
    assert amber and actions.cell(amber[0], col["status"]).fill.fgColor.rgb.endswith("F2A900")
    # Buckinghamshire W3 1.9 is amber (its cell's fill colour in the PDF)
    w3 = [r for r in rows if actions.cell(r, col["document"]).value == "buckinghamshire-2022-wsoa"
          and actions.cell(r, col["ref"]).value == "1.9" and actions.cell(r, col["weakness"]).value == "W3"]
    assert actions.cell(w3[0], col["status"]).value == "amber"
    # dates are dates, long text wraps, no PDF coordinates
    due = [actions.cell(r, col["current deadline"]).value for r in rows]
    assert all(isinstance(d, dt.datetime) for d in due if d is not None) and any(d is not None for d in due)
    assert actions.cell(2, col["action"]).alignment.wrap_text
    assert not {"x0", "top", "x1", "bottom"} & set(head)
    assert actions.column_dimensions[get_column_letter(col["action"])].width >= 40
    links = book["links"]
    assert links.max_row == 1 + 3  # three letter weaknesses, each linked


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (.ci/run installs Debian's chromium)")
def test_report_renders_in_headless_chromium(reported, tmp_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        errors, requests = [], []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("request", lambda r: requests.append(r.url))
        page.goto((reported / "report.html").as_uri())
        page.wait_for_function("document.querySelectorAll('.chart .main-svg').length >= 9")
        marks = page.evaluate("""Array.from(document.querySelectorAll('.chart')).map(c => [c.dataset.chart,
            c.querySelectorAll('.point, .bars path, .heatmaplayer image, .scatterlayer .js-line').length])""")
        shown = lambda: page.locator("#actions tbody tr:visible").count()  # noqa: E731
        before = shown()
        page.select_option("#f-status", "amber")
        after = shown()
        page.screenshot(path=str(tmp_path / "report.png"), full_page=True)
        browser.close()
    assert errors == []
    assert [u for u in requests if not u.startswith("file:")] == []
    names = [n for n, _ in marks]
    assert {"status", "slippage", "leads-type", "leads-org-Buckinghamshire", "themes", "events-Buckinghamshire"} \
        <= set(names)  # issue 16: the story and the organisations are per-area views
    assert {"timeline-Buckinghamshire", "timeline-Peterborough", "coverage-Buckinghamshire"} <= set(names)
    assert all(n > 0 for _, n in marks), marks
    assert before == 45 + 27 and 0 < after < before
    assert Path(tmp_path / "report.png").stat().st_size > 50_000


def test_phases_in_the_corpus_are_not_slippage(reported):
    """Buckinghamshire's cells with two or three dates are phases ("Out to tender by 21 Dec 2022 /
    New service in place from 1 Oct 2023"): no revision, no slip, in check and in the workbook."""
    from wsoa.outputs.store import Store

    store = Store(reported)
    try:
        found = store.table("findings")
        acts = store.table("actions")
    finally:
        store.close()
    phases = {"1.2", "1.7", "1.8", "1.12", "2.2"}
    bucks = acts[(acts["doc_id"] == "buckinghamshire-2022-wsoa") & acts["ref"].isin(phases) & (acts["weakness_id"] == "W1")]
    assert set(bucks["ref"]) == phases and all(len(d) > 1 for d in bucks["deadlines"])
    assert not bucks["deadline_revised"].any()
    slipped = found[(found["finding"] == "slipped") & (found["doc_id"] == "buckinghamshire-2022-wsoa")]
    assert not set(slipped["subject"]) & {f"W1 {r}" for r in phases}
    book = openpyxl.load_workbook(reported / "wsoa.xlsx")["actions"]
    head = [c.value for c in book[1]]
    rows = [[c.value for c in r] for r in book.iter_rows(min_row=2)]
    tender = [r for r in rows if r[head.index("document")] == "buckinghamshire-2022-wsoa"
              and r[head.index("ref")] == "1.12" and r[head.index("weakness")] == "W1"]
    assert tender[0][head.index("revisions")] == 0 and tender[0][head.index("days slipped")] is None
    assert str(tender[0][head.index("current deadline")])[:10] == "2023-10-01"


LAYOUT = """() => {
  const cards = Array.from(document.querySelectorAll('.chart')).filter(c => c.offsetParent !== null);
  const box = e => e.getBoundingClientRect();
  const out = {scroll: document.documentElement.scrollWidth, width: window.innerWidth, charts: [], overlaps: []};
  for (const c of cards) {
    const svg = c.querySelector('.main-svg'), b = box(c);
    out.charts.push({name: c.dataset.chart, card: [b.left, b.right], svg: svg ? [box(svg).left, box(svg).right] : null,
      key: c.querySelectorAll('.legend .traces, .colorbar').length});
  }
  cards.forEach((a, i) => cards.slice(i + 1).forEach(b => {
    const p = box(a), q = box(b);
    if (p.left < q.right - 1 && q.left < p.right - 1 && p.top < q.bottom - 1 && q.top < p.bottom - 1)
      out.overlaps.push([a.dataset.chart, b.dataset.chart]);
  }));
  return out;
}"""


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (.ci/run installs Debian's chromium)")
@pytest.mark.parametrize("width", [1440, 390])
def test_charts_fit_their_cards_at_first_paint(reported, width):
    """Issue 16 item 1: at first paint, without any resize, every chart is drawn within its card,
    no card overlaps another, every chart has a key, and a phone-width page does not scroll sideways."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page(viewport={"width": width, "height": 900})
        page.goto((reported / "report.html").as_uri())
        page.wait_for_function("Array.from(document.querySelectorAll('.chart')).every(c => c.querySelector('.main-svg'))")
        got = page.evaluate(LAYOUT)
        browser.close()
    assert got["scroll"] <= got["width"], got["scroll"]
    assert len(got["charts"]) >= 9
    for c in got["charts"]:
        assert c["svg"] and c["card"][0] - 1 <= c["svg"][0] and c["svg"][1] <= c["card"][1] + 1, c
        assert c["card"][1] <= width, c
        assert c["key"] > 0, c["name"]
    assert got["overlaps"] == []


def test_workbook_lead_organisations_are_canonical(reported):
    """Issue 16 item 4 on Buckinghamshire's statement: one spelling per organisation, joint leads whole."""
    sheet = openpyxl.load_workbook(reported / "wsoa.xlsx")["actions"]
    head = [c.value for c in sheet[1]]
    cells = [r[head.index("lead organisation")] for r in sheet.iter_rows(min_row=2, values_only=True)]
    names = {n for c in cells if c for n in c.split("; ")}
    assert "Oxford Health" not in names and "Oxford Health NHS Foundation Trust" in names
    assert "Children's and Sexual Health" not in names and "Women's, Children's and Sexual Health" in names
    assert len({n for n in names if n.lower().startswith("integrated commissioning")}) == 1
    assert "Buckinghamshire Health Trust; Oxford Health NHS Foundation Trust" in cells
