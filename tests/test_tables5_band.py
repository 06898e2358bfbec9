"""A ruled header band ends where the header cells' own vertical rules end."""
from __future__ import annotations

from wsoa.extract.header import candidate
from wsoa.extract.page import Rule

from .test_table_stages import page_of, words

XS = [40.0, 250.0, 330.0, 400.0, 480.0, 560.0]


def test_a_header_band_ends_where_its_cells_rules_end_not_at_a_bold_banner_below():
    """Vertical rules only, drawn cell by cell; a narrow header label wrapped over many bold lines,
    then a bold banner row close below (only the outer rules cross it): the banner is not header."""
    ws = []
    for x, text in zip(XS, ["Action", "Lead", "Start", "Deadline", "Status"]):
        ws += words(text, x + 3, 100, bold=True)
    for k in range(4):
        ws += words("wr", XS[4] + 3, 110 + 10 * k, bold=True)  # a label wrapped mid-word, line by line
    ws += words("Area 1: waiting times", XS[0] + 3, 153, bold=True)
    ws += words("Train staff", XS[0] + 3, 170) + words("Council", XS[1] + 3, 170)
    rules = [Rule(False, x, 96, x, 150) for x in XS] + [Rule(False, x, 150, x, 165) for x in (XS[0], XS[-1])]
    rules += [Rule(False, x, 165, x, 185) for x in XS]
    page = page_of(1, ws, rules)
    c = candidate(page, page.lines[0])
    assert c is not None and c.header is not None
    assert c.header.bottom <= 151
    assert "Area" not in " ".join(col.header for col in c.header.columns)
