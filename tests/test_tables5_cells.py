"""Header rows whose cells are shaded one by one (no vertical rules): columns, sub-headers, a header ending its page."""
from __future__ import annotations

from wsoa.extract.header import candidate
from wsoa.extract.page import Fill

from .test_table_stages import page_of, words

PEACH = (0.99, 0.89, 0.84)
EDGES = [40.0, 90.0, 300.0, 400.0, 480.0, 560.0]


def _fills(top: float, bottom: float, edges: list[float] = EDGES, rgb=PEACH) -> list[Fill]:
    return [Fill(a, top, b, bottom, rgb) for a, b in zip(edges, edges[1:])]


def _body(top: float) -> list:
    """Three rows of a plan in the EDGES columns, from `top` down."""
    out = []
    for k, (ref, what, who, when, rag) in enumerate([
            ("1.1", "Train all staff in the new pathway", "Council", "Jan 2024", "Green"),
            ("1.2", "Publish the local offer for families", "Parent forum", "Mar 2024", "Amber"),
            ("1.3", "Audit waiting lists for speech therapy", "Health lead", "Jun 2024", "Red")]):
        y = top + 24 * k
        out += (words(ref, 43, y) + words(what, 93, y) + words(who, 303, y) + words(when, 403, y)
                + words(rag, 483, y))
    return out


def _page(fills: list[Fill]):
    head = (words("Ref", 55, 52, bold=True) + words("What we will do", 160, 52, bold=True)
            + words("Lead", 335, 52, bold=True) + words("Deadline", 420, 52, bold=True)
            + words("Status", 505, 52, bold=True))
    body = (words("1.1", 43, 80) + words("Train all staff in the new pathway", 93, 80)
            + words("Council", 303, 80) + words("Jan 2024", 483, 80) + words("Green", 563 - 40, 80))
    page = page_of(1, head + body)
    page.fills = fills
    return page


def test_header_cells_filled_side_by_side_give_the_columns():
    page = _page(_fills(48, 64))
    c = candidate(page, page.lines[0])
    assert c is not None and c.header is not None and c.trace.how == "cell edges"
    cols = c.header.columns
    assert [col.x0 for col in cols] + [cols[-1].x1] == EDGES
    assert [col.header for col in cols] == ["Ref", "What we will do", "Lead", "Deadline", "Status"]
    assert c.header.bottom == 64


def test_one_fill_across_the_header_gives_no_cells():
    page = _page([Fill(40, 48, 560, 64, PEACH)])
    c = candidate(page, page.lines[0])
    assert c is not None and c.header is not None and c.trace.how != "cell edges"


def test_cells_of_white_paper_give_no_cells():
    page = _page(_fills(48, 64, rgb=(1.0, 1.0, 1.0)))
    c = candidate(page, page.lines[0])
    assert c is not None and c.trace.how != "cell edges"


def test_sub_header_cells_filled_under_a_spanning_one_split_its_column():
    """"Dates" on one shaded cell over "Start | End" on two: two columns under one group label."""
    edges = [40.0, 90.0, 300.0, 400.0, 560.0]
    head = (words("Ref", 55, 52, bold=True) + words("What we will do", 160, 52, bold=True)
            + words("Lead", 335, 52, bold=True) + words("Dates", 460, 52, bold=True)
            + words("Start", 410, 68, bold=True) + words("End", 490, 68, bold=True))
    body = (words("1.1", 43, 90) + words("Train all staff in the new pathway", 93, 90)
            + words("Council", 303, 90) + words("Jan 2024", 403, 90) + words("Mar 2024", 483, 90))
    page = page_of(1, head + body)
    page.fills = [Fill(a, 48, b, 80, PEACH) for a, b in zip(edges[:3], edges[1:4])]
    page.fills += [Fill(400, 48, 560, 64, PEACH), Fill(400, 64, 480, 80, PEACH), Fill(480, 64, 560, 80, PEACH)]
    c = candidate(page, page.lines[0])
    assert c is not None and c.trace.how == "cell edges"
    cols = c.header.columns
    assert [col.x0 for col in cols] == [40.0, 90.0, 300.0, 400.0, 480.0]
    assert [(col.header, col.group) for col in cols[3:]] == [("Start", "Dates"), ("End", "Dates")]
    assert [col.role for col in cols][:4] == ["ref", "action", "lead", "start"]


def test_some_cells_of_a_wider_row_shaded_are_not_a_header():
    """Three shaded cells side by side over text that runs wider (a zebra row's cells, the others
    shaded in status colours): not a header's cells."""
    page = _page(_fills(48, 64, EDGES[:4]))
    below = words("Publish the offer", 43, 100) + words("Council", 303, 100) + words("Mar 2024", 483, 100)
    page = page_of(1, page.words + below)
    page.fills = _fills(48, 64, EDGES[:4])
    c = candidate(page, page.lines[0])
    assert c is None or c.trace.how != "cell edges"


def test_a_filled_header_ending_its_page_opens_the_table_on_the_next():
    """Header cells shaded one by one (each drawn twice), running to the foot of the page (a label
    wrapped letter by letter), naming two roles; no rules; the body, in the same columns, is on the
    next page."""
    from wsoa.extract.tables import find_tables
    head = (words("Ref", 55, 302, bold=True) + words("What we will do", 160, 302, bold=True)
            + words("Cu", 335, 302, bold=True) + words("When", 420, 302, bold=True)
            + words("Health", 505, 302, bold=True))
    for k in range(12):  # a narrow label wrapped letter by letter makes the cells far taller than a header
        head += words("rr", 335, 318 + 23 * k, bold=True)
    page1 = page_of(1, head)
    page1.fills = _fills(298, 598) * 2
    body = _body(40)
    tables = find_tables([page1, page_of(2, body)]).tables
    assert len(tables) == 1
    assert [c.role for c in tables[0].columns] == ["ref", "action", "lead", "deadline", "status"]
    assert [r.text(0) for r in tables[0].rows if r.text(0)] == ["1.1", "1.2", "1.3"]


def test_a_plain_header_of_unknown_words_on_shaded_cells_is_a_styled_top():
    """Not bold, words naming no role, each cell shaded: the shading sets it apart as a header."""
    head = (words("Line", 55, 52) + words("Planned work", 160, 52) + words("Champion", 335, 52)
            + words("Due", 420, 52) + words("Health", 505, 52))
    body = _body(80)
    page = page_of(1, head + body)
    page.fills = _fills(48, 64)
    c = candidate(page, page.lines[0])
    assert c is not None and c.header is not None and c.trace.how == "cell edges"
