"""2023-framework reports in any layout (issue 14, item 3): Ofsted's table, one paragraph per item, or
bullets; sub-bullets of any glyph and the lines after them belong to their item; an empty bullet is
nothing; items continue across page breaks; a stated count is checked."""
from __future__ import annotations

import datetime as dt

import pytest

from tests.reportbuild import GLYPHS, LAYOUTS, build_pdf, sample, truth
from wsoa.extract.document import extract

SEEDS = range(10)


def _record(layout: str, seed: int, tmp_path):
    report = sample(seed, layout)
    return report, extract(build_pdf(report, tmp_path / f"{layout}-{seed}.pdf"))


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("seed", SEEDS)
def test_items_outcome_dates_and_area_in_every_layout(layout, seed, tmp_path):
    report, doc = _record(layout, seed, tmp_path)
    assert doc.doc_type == "inspection_letter"
    assert [{"id": w.id, "kind": w.kind, "text": w.text, "responsible_body": w.responsible_body}
            for w in doc.weaknesses] == truth(report)
    assert (doc.local_area, doc.outcome) == (report.area, report.outcome)
    assert (doc.inspection_start, doc.inspection_end) == (dt.date.fromisoformat(report.start),
                                                           dt.date.fromisoformat(report.end))
    assert not [w for w in doc.warnings if w.code == "item-count"]


def test_the_sample_holds_every_trap():
    reports = [sample(seed, layout) for layout in LAYOUTS for seed in SEEDS]
    assert {r.glyph for r in reports} | {r.sub_glyph for r in reports} == set(GLYPHS)
    assert any(r.empty_bullet and r.layout == "bullets" for r in reports)
    assert any(r.page_break_in_list and r.layout != "table" and len(r.items) > 1 for r in reports)
    assert any(r.state_counts for r in reports) and {r.title_case for r in reports} == {"title", "upper", "lower"}
    assert any(item.subs and item.tail for r in reports for item in r.items)
    assert any("/" in r.dates for r in reports) and any("\u2013" in r.dates for r in reports)


def test_a_report_that_miscounts_its_list_is_warned(tmp_path):
    report = sample(3, "bullets")
    report.state_counts, report.misstate = True, 1
    doc = extract(build_pdf(report, tmp_path / "r.pdf"))
    assert len(doc.weaknesses) == len(truth(report))
    warned = [w.message for w in doc.warnings if w.code == "item-count"]
    assert warned and "but" in warned[0]
