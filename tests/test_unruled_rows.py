"""Rows of tables without horizontal rules, on pages built in the test: entries told by the spacing of
their lines, struck dates that are not borders, and an anchor column holding only marks."""
from __future__ import annotations

from wsoa.extract.grid import Column, build_rows, strikes_through
from wsoa.extract.page import Fill, Rule
from wsoa.extract.tables import find_tables

from .test_table_stages import page_of, words

LEADING = 1.8   # space between the lines of one entry
SPACING = 5.0   # space between entries: wider, but well under a line's height


def stacked(entries: list[list[str]], x: float, top: float, size: float = 8.0) -> tuple[list, float]:
    """Lines of entries in one column, lines of an entry LEADING apart, entries SPACING apart."""
    ws, y = [], top
    for entry in entries:
        for line in entry:
            ws += words(line, x, y, size)
            y += size + LEADING
        y += SPACING - LEADING
    return ws, y


ACTIONS = [["Train all SENCOs in", "autism awareness", "across the area"],
           ["Publish a local offer", "page for short breaks"],
           ["Audit EHC plans", "for quality each term", "with health partners"]]


def test_entries_told_by_wider_spacing_than_their_lines():
    ws, bottom = stacked(ACTIONS, 103, 100)
    cols = [Column(100, 300, "Action", "action"), Column(300, 400, "Who", "lead")]
    rows = build_rows(page_of(1, ws), cols, 98, bottom, False, 0)
    assert [r.text(0) for r in rows] == [" ".join(e) for e in ACTIONS]


def test_a_struck_date_is_not_a_row_border():
    ws, bottom = stacked(ACTIONS, 103, 100)
    date = words("Dec 2022", 403, 100)
    ws += date + words("Mar 2023", 403, 110)
    strike = Rule(True, date[0].x0, 104.5, date[-1].x1, 104.5)
    page = page_of(1, ws, [strike])
    assert strikes_through(page, strike)
    cols = [Column(100, 300, "Action", "action"), Column(400, 500, "Deadline", "deadline")]
    rows = build_rows(page, cols, 98, bottom, False, 0)
    assert len(rows) == 3 and rows[0].text(1) == "Dec 2022 Mar 2023"


def test_a_border_under_a_row_is_not_a_strike():
    ws, _ = stacked(ACTIONS[:1], 103, 100)
    border = Rule(True, 100, 130, 400, 130)
    assert not strikes_through(page_of(1, ws, [border]), border)


def test_an_anchor_column_of_marks_only_gives_way_to_the_first_column_with_text():
    ws, bottom = stacked(ACTIONS, 103, 100)
    fills = [Fill(60, 98, 100, 126, (0.0, 0.69, 0.31)), Fill(60, 126, 100, 146, (1.0, 0.75, 0.0))]
    page = page_of(1, ws)
    page.fills = fills
    cols = [Column(60, 100, "Traffic light", None), Column(100, 300, "Step", None)]
    rows = build_rows(page, cols, 98, bottom, False, 0)
    assert [r.text(1) for r in rows] == [" ".join(e) for e in ACTIONS]


def test_rows_recut_at_the_column_the_content_shows_to_be_the_anchor():
    """A header naming nothing, its first column merged down (text in the first row only): the rows are
    cut again at the refs the content finds, and the table is kept with every action."""
    head = words("Theme", 43, 80, bold=True) + words("Line", 143, 80, bold=True) \
        + words("Narrative", 203, 80, bold=True) + words("Person", 403, 80, bold=True) \
        + words("Timing", 483, 80, bold=True)
    body, y = [], 100.0
    body += words("Speech and", 43, y) + words("language", 43, y + 10)
    plans = [("1.1", ["Train all SENCOs in", "autism awareness"], "Head of SEND", "Jan 2024"),
             ("1.2", ["Publish a local offer", "page for short breaks"], "ICB lead", "Mar 2024"),
             ("1.3", ["Audit EHC plans for", "quality each term"], "Principal EP", "Jun 2024")]
    for ref, lines, lead, date in plans:
        body += words(ref, 143, y) + words(lead, 403, y) + words(date, 483, y)
        for k, line in enumerate(lines):
            body += words(line, 203, y + k * (8 + LEADING))
        y += 2 * (8 + LEADING) + SPACING
    rules = [Rule(False, x, 78, x, y) for x in (40, 140, 200, 400, 480, 560)]
    tables = find_tables([page_of(1, head + body, rules)]).tables
    assert len(tables) == 1
    roles = [c.role for c in tables[0].columns]
    assert roles[1] == "ref" and roles[2] == "action"
    refs = [r.text(1) for r in tables[0].rows if r.text(1)]
    assert refs == ["1.1", "1.2", "1.3"]
