"""A header whose narrow labels, wrapped letter by letter, run over the page break: the pieces at
the top of the next page are the rest of the header, not rows of the table."""
from __future__ import annotations

from wsoa.extract.page import Fill
from wsoa.extract.stitch import header_spill
from wsoa.extract.grid import Column
from wsoa.extract.tables import find_tables

from .test_table_stages import page_of, words
from .test_tables5_cells import PEACH, _body

EDGES = [40.0, 90.0, 300.0, 400.0, 480.0, 560.0]


def _head_page():
    head = (words("Ref", 55, 302, bold=True) + words("What we will do", 160, 302, bold=True)
            + words("Cu", 335, 302, bold=True) + words("When", 420, 302, bold=True)
            + words("Health", 505, 302, bold=True))
    for k in range(12):
        head += words("rr", 335, 318 + 23 * k, bold=True)
    page = page_of(1, head)
    page.fills = [Fill(a, 298, b, 598, PEACH) for a, b in zip(EDGES, EDGES[1:])] * 2
    return page


def test_pieces_of_the_header_at_the_top_of_the_next_page_are_not_rows():
    spill = words("en", 335, 40, bold=True) + words("t", 335, 56, bold=True) + words("le", 43, 56, bold=True)
    tables = find_tables([_head_page(), page_of(2, spill + _body(80))]).tables
    assert len(tables) == 1
    assert [r.text(0) for r in tables[0].rows if r.text(0)] == ["1.1", "1.2", "1.3"]
    assert not any("en" in r.text(2).split() for r in tables[0].rows)


def test_a_line_of_running_text_is_not_a_piece_of_a_header():
    cols = [Column(a, b) for a, b in zip(EDGES, EDGES[1:])]
    page = page_of(2, words("at", 335, 40) + words("Train all staff", 93, 56) + _body(80))
    assert 44 < header_spill(page, cols, 39) < 56
