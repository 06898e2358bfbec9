"""What opens a table: not a later line of a body row."""
from __future__ import annotations

from wsoa.extract.page import Rule

from .test_table_stages import page_of, words

XS = [40.0, 80.0, 300.0, 400.0, 480.0, 560.0]


def test_a_later_line_of_a_shaded_body_row_is_not_a_header():
    """A zebra row's second line (no ref, no date: cells' text going on) on the row's shading is set
    as close to the line above as lines within a cell: not the top of a header."""
    from wsoa.extract.header import candidate
    from wsoa.extract.page import Fill
    first = (words("1.2", 43, 100) + words("Audit the offer for", 103, 100) + words("Service", 303, 100)
             + words("Mar 2024", 403, 100) + words("Amber", 483, 100))
    second = words("pathways so that", 103, 109) + words("Manager", 303, 109) + words("exclusions 1", 403, 109)
    after = [words("Train staff", 103, 130 + 20 * k) + words("Council", 303, 130 + 20 * k)
             + words("Jun 2024", 403, 130 + 20 * k) for k in range(3)]
    page = page_of(1, first + second + [w for ws in after for w in ws],
                   [Rule(True, 40, 98, 560, 98), Rule(True, 40, 120, 560, 120)])
    page.fills = [Fill(a, 98, b, 120, (0.87, 0.92, 0.97)) for a, b in zip(XS, XS[1:])]  # cell by cell
    line = next(ln for ln in page.lines if ln.text.startswith("pathways"))
    c = candidate(page, line)
    assert c is None or c.header is None
