"""A banner row in a table without horizontal rules: a fill across the table over text in one column is a
row of its own, one cell across the table (a group row), not the tail of the action above."""
from __future__ import annotations

from wsoa.extract.grid import Column, build_rows
from wsoa.extract.page import Fill, Rule

from .test_table_stages import page_of, words

XS = [40.0, 140.0, 180.0, 400.0]  # lead, ref (the anchor), action


def _page(fill: bool):
    ws = words("Head of SEND", 43, 100) + words("1.1", 143, 100) + words("Train all staff", 183, 100)
    ws += words("Weakness 2", 43, 114)
    ws += words("Inclusion Manager", 43, 128) + words("2.1", 143, 128) + words("Audit plans", 183, 128)
    rules = [Rule(False, x, 96, x, 150) for x in XS]
    page = page_of(1, ws, rules)
    page.fills = [Fill(XS[0] + 4, 112, XS[-1] + 2, 126, (0.3, 0.3, 0.6))] if fill else []  # a little off the columns
    return page


def _rows(page):
    return build_rows(page, [Column(XS[i], XS[i + 1]) for i in range(3)], 96, 150, True, 1)


def test_a_filled_banner_is_a_row_across_the_table():
    rows = _rows(_page(True))
    assert [r.text(0) for r in rows] == ["Head of SEND", "Weakness 2", "Inclusion Manager"]
    assert [r.spanning for r in rows] == [False, True, False]


def test_without_the_fill_the_line_stays_with_the_action_above():
    assert [r.text(0) for r in _rows(_page(False))] == ["Head of SEND Weakness 2", "Inclusion Manager"]


def test_zebra_shading_over_an_action_is_no_banner():
    page = _page(False)
    page.fills = [Fill(XS[0], 96, XS[-1], 126, (0.9, 0.9, 0.95))]
    assert not any(r.spanning for r in _rows(page))


def test_a_filled_banner_running_across_columns_is_a_row_across_the_table():
    page = _page(True)
    page.words = [w for w in page.words if w.text not in ("Weakness", "2")]
    page.words += words("Enabling actions (cross-cutting, not tied to one weakness)", 43, 114)
    rows = _rows(page)
    assert [r.spanning for r in rows] == [False, True, False]


def _bold_banner_page():
    page = _page(False)
    page.words = [w for w in page.words if w.text not in ("Weakness", "2")] + words("Weakness 2", 43, 114, bold=True)
    return page


def test_a_bold_line_alone_at_its_height_is_a_banner_row():
    rows = _rows(_bold_banner_page())
    assert [r.text(0) for r in rows] == ["Head of SEND", "Weakness 2", "Inclusion Manager"]
    assert [r.spanning for r in rows] == [False, True, False]


def test_a_bold_line_in_a_table_of_bold_text_is_no_banner():
    page = _bold_banner_page()
    page.words = [w.__class__(w.text, w.x0, w.x1, w.top, w.bottom, w.size, True, w.rgb) for w in page.words]
    assert not any(r.spanning for r in _rows(page))


def test_a_bold_banner_with_the_next_action_right_below_it_and_no_ref_column():
    ws = words("Weakness 2", 43, 100, bold=True) + words("Audit plans", 43, 110) + words("Head of SEND", 183, 110)
    ws += words("Train all staff", 43, 134) + words("Inclusion Manager", 183, 134)
    page = page_of(1, ws, [Rule(False, x, 96, x, 150) for x in (40.0, 180.0, 300.0)])
    rows = build_rows(page, [Column(40, 180), Column(180, 300)], 96, 150, True, 0)
    assert [r.text(0) for r in rows] == ["Weakness 2", "Audit plans", "Train all staff"]
    assert [r.spanning for r in rows] == [True, False, False]


def test_a_banner_wrapped_over_two_lines_is_one_row():
    page = _page(False)
    page.words = [w for w in page.words if w.text not in ("Weakness", "2")]
    page.words += words("Area of weakness 2: the limited reach of", 43, 112, bold=True)
    page.words += words("tribunal outcomes", 43, 120, bold=True)
    rows = _rows(page)
    assert [r.spanning for r in rows] == [False, True, False]
    assert rows[1].text(0).startswith("Area of") and "tribunal" in " ".join(rows[1].text(i) for i in range(3))
