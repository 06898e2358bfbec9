"""Layout traps, each on a PDF the test builds: the general rules, not the corpus's layouts."""
from __future__ import annotations

from datetime import date

import pytest
from reportlab.lib.colors import CMYKColor, Color

from tests.pdfbuild import build_plan
from wsoa.extract.document import extract

HEADER = ["Ref", "Action", "Lead officer", "Start date", "Target date", "Success criteria", "RAG"]
WIDTHS = [40, 200, 110, 70, 80, 200, 50]


def _rows(n: int, rag: list[str] | None = None, long: bool = False) -> list[list[str]]:
    rows = []
    for i in range(1, n + 1):
        text = f"Deliver improvement number {i} for children and young people"
        if long:
            text += " with a longer description that wraps over several lines of the cell" * 2
        rows.append([f"{i // 10 + 1}.{i}", text, f"Head of Service {i}, Example Council", "1 Jan 2023",
                     f"{(i % 28) + 1} March 2024", f"Measure {i} is met", (rag or [""] * n)[i - 1]])
    return rows


@pytest.mark.parametrize("rules", ["full", "horizontal", "none"])
def test_rules_full_horizontal_or_none(tmp_path, rules):
    pdf = build_plan(tmp_path / f"{rules}.pdf", HEADER, _rows(6, ["Green", "Amber", "Red", "Blue", "Green", ""]),
                     rules=rules, col_widths=WIDTHS)
    doc = extract(pdf)
    assert [a.ref for a in doc.actions] == ["1.1", "1.2", "1.3", "1.4", "1.5", "1.6"]
    a = doc.actions[2]
    assert a.action == "Deliver improvement number 3 for children and young people"
    assert a.lead == "Head of Service 3, Example Council"
    assert a.lead_role == "Head of Service 3" and a.lead_org == "Example Council"
    assert a.start_dates == [date(2023, 1, 1)]
    assert a.deadlines == [date(2024, 3, 4)]
    assert a.measures == "Measure 3 is met"
    assert [x.rag for x in doc.actions] == ["green", "amber", "red", "blue", "green", None]
    assert doc.tables[0].grid == {"full": "ruled", "horizontal": "horizontal-rules", "none": "text-aligned"}[rules]


@pytest.mark.parametrize("rules", ["full", "horizontal", "none"])
def test_header_not_repeated_after_page_break(tmp_path, rules):
    pdf = build_plan(tmp_path / "long.pdf", HEADER, _rows(30, long=True), rules=rules, repeat_header=False,
                     col_widths=WIDTHS)
    doc = extract(pdf)
    assert doc.pages >= 2
    assert len(doc.actions) == 30
    assert doc.actions[-1].ref == "4.30" and doc.actions[-1].deadlines == [date(2024, 3, 3)]
    assert doc.actions[-1].lead == "Head of Service 30, Example Council"
    assert doc.tables[0].continued_without_header >= 1
    assert len({a.table for a in doc.actions}) == 1


def test_weakness_cell_merged_down_many_rows(tmp_path):
    header = ["Area of weakness", "No.", "What we will do", "Owner", "By when", "How we will know"]
    rows = [["Waiting times for autism assessments are too long", "1", "Recruit two assessors", "ICB", "Dec 2023", "Waits fall"],
            [None, "2", "Commission extra capacity", "ICB", "Q3 2023/24", "Waits fall further"],
            [None, "3", "Publish waiting times monthly", "Trust", "Spring term 2024", "Families informed"],
            ["Too few EHC plans are issued within 20 weeks", "4", "Add caseworkers", "Council", "31.03.24", "Timeliness above 60%"],
            [None, "5", "Audit plan quality", "Council", "w/c 5 Feb 2024", "Audits show good quality"]]
    pdf = build_plan(tmp_path / "merged.pdf", header, rows, spans=[((0, 1), (0, 3)), ((0, 4), (0, 5))],
                     col_widths=[170, 30, 170, 70, 80, 160])
    doc = extract(pdf)
    assert [w.text for w in doc.weaknesses] == ["Waiting times for autism assessments are too long",
                                                 "Too few EHC plans are issued within 20 weeks"]
    assert [a.weakness_id for a in doc.actions] == ["W1", "W1", "W1", "W2", "W2"]
    assert [a.deadlines for a in doc.actions] == [[date(2023, 12, 31)], [date(2023, 12, 31)], [date(2024, 3, 31)],
                                                  [date(2024, 3, 31)], [date(2024, 2, 5)]]
    assert doc.actions[1].lead == "ICB" and doc.actions[3].action == "Add caseworkers"


def test_status_as_cmyk_fill_only(tmp_path):
    cmyk = {"red": CMYKColor(0, 1, 1, 0), "amber": CMYKColor(0, 0.25, 1, 0), "green": CMYKColor(1, 0, 1, 0.3),
            "blue": CMYKColor(1, 0.3, 0, 0)}
    order = ["green", "red", "amber", "blue", None]
    backgrounds = {(6, i + 1): cmyk[s] for i, s in enumerate(order) if s}
    pdf = build_plan(tmp_path / "cmyk.pdf", HEADER, _rows(5), backgrounds=backgrounds, col_widths=WIDTHS)
    doc = extract(pdf)
    assert [a.rag for a in doc.actions] == ["green", "red", "amber", "blue", "white"]
    assert all(a.rag_source == "colour" for a in doc.actions)


def test_status_letters(tmp_path):
    pdf = build_plan(tmp_path / "letters.pdf", HEADER, _rows(5, ["G", "A", "R", "B", "C"]), col_widths=WIDTHS)
    doc = extract(pdf)
    assert [a.rag for a in doc.actions] == ["green", "amber", "red", "blue", "blue"]


def test_legend_with_other_words(tmp_path):
    before = ["Our progress key:", "Blue – Achieved", "Green – On course", "Amber – Some slippage",
              "Red – Significant concerns"]
    pdf = build_plan(tmp_path / "legend.pdf", HEADER,
                     _rows(4, ["On course", "Some slippage", "Significant concerns", "Achieved"]),
                     before=before, col_widths=WIDTHS)
    doc = extract(pdf)
    assert [a.rag for a in doc.actions] == ["green", "amber", "red", "blue"]


def test_unknown_colour_maps_to_nearest_with_a_warning(tmp_path):
    pdf = build_plan(tmp_path / "odd.pdf", HEADER, _rows(2), backgrounds={(6, 1): Color(0.5, 0.6, 0.45)},
                     col_widths=WIDTHS)
    doc = extract(pdf)
    assert doc.actions[0].rag == "green"
    assert "rag:colour-nearest" in doc.actions[0].flags
    assert any(w.code == "unknown-colour" for w in doc.warnings)


def test_other_column_names_and_order(tmp_path):
    header = ["Timescale", "Responsible", "Key actions", "#", "Impact measures", "Progress"]
    rows = [["Summer 2024", "Designated Clinical Officer", "Review the DCO role", "A1", "Role reviewed", "On track"],
            ["Sept 2023 – July 2024", "Head of SEND", "Launch a new local offer website", "A2", "Visits double", "Complete"]]
    pdf = build_plan(tmp_path / "order.pdf", header, rows, col_widths=[90, 130, 200, 30, 160, 70])
    doc = extract(pdf)
    assert [(a.ref, a.lead, a.deadlines, a.rag) for a in doc.actions] == [
        ("A1", "Designated Clinical Officer", [date(2024, 7, 31)], "green"),
        ("A2", "Head of SEND", [date(2024, 7, 31)], "blue")]
