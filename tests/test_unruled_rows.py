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


def _cell_bordered(top: float, rows: list[list[str]], xs: list[float], row_h: float = 30.0,
                   header_fill: bool = True) -> tuple[list, list, list]:
    """A table drawn cell by cell with no vertical rules (as browsers and word processors print a
    table with horizontal borders only): each row's border is one segment per cell; the header cells
    are filled one by one. Header labels sit centred in their cells, away from the body's text."""
    ws, rules, fills = [], [], []
    for r, cells in enumerate(rows):
        y = top + r * row_h
        for c, text in enumerate(cells):
            width = 4.4 * len(text)
            x = (xs[c] + xs[c + 1] - width) / 2 if r == 0 else xs[c] + 3
            ws += words(text, x, y + 5)
            rules.append(Rule(True, xs[c], y, xs[c + 1], y))
            if r == 0 and header_fill:
                fills.append(Fill(xs[c], y, xs[c + 1], y + row_h, (0.85, 0.85, 0.85)))
    bottom = top + row_h * len(rows)
    rules += [Rule(True, xs[c], bottom, xs[c + 1], bottom) for c in range(len(xs) - 1)]
    return ws, rules, fills


def test_columns_from_cell_borders_and_fills_when_no_vertical_rules():
    """Header labels naming nothing, centred over columns whose body text starts at the cell's left:
    the columns are the header cells' own edges (border segments, fills), not the labels' alignment."""
    xs = [40.0, 120.0, 330.0, 450.0, 540.0]
    rows = [["Line", "Narrative", "Person", "Timing"],
            ["1.1", "Train all SENCOs in autism", "Head of SEND", "Jan 2024"],
            ["1.2", "Publish a local offer page", "ICB lead", "Mar 2024"],
            ["1.3", "Audit EHC plans each term", "Principal EP", "Jun 2024"]]
    ws, rules, fills = _cell_bordered(100, rows, xs)
    page = page_of(1, ws, rules)
    page.fills = fills
    tables = find_tables([page]).tables
    assert len(tables) == 1
    t = tables[0]
    assert [(c.x0, c.x1) for c in t.columns] == list(zip(xs, xs[1:]))
    assert [c.role for c in t.columns] == ["ref", "action", "lead", "deadline"]
    assert [r.text(1) for r in t.rows if r.text(0)] == [r[1] for r in rows[1:]]


def test_a_body_row_of_a_cell_bordered_table_opens_no_table():
    from wsoa.extract.header import cells_top
    xs = [40.0, 120.0, 330.0, 450.0, 540.0]
    rows = [["Line", "Narrative", "Person", "Timing"],
            ["1.1", "Train all SENCOs in autism", "Head of SEND", "Jan 2024"],
            ["Ref", "Publish a local offer page", "ICB lead", "Deadline"]]
    ws, rules, fills = _cell_bordered(100, rows, xs, header_fill=False)
    page = page_of(1, ws, rules)
    assert cells_top(page, page.lines[0]) is not None
    assert cells_top(page, page.lines[-1]) is None


def test_a_gap_at_a_column_edge_wider_than_the_lines_word_spaces_is_not_text_running_across():
    """Word spaces of 3 pt at 11 pt: a 6.4 pt gap at a column edge parts two cells."""
    from wsoa.extract.grid import runs_across
    from wsoa.extract.page import Word
    xs, ws = 566.0, []
    for text, gap in (("network", 3.0), ("chair", 6.4), ("(revised", 3.0), ("from", 3.0), ("June", 0)):
        ws.append(Word(text, xs, xs + 5.5 * len(text), 100, 111, 11.0, False, None))
        xs = ws[-1].x1 + gap
    assert not runs_across(ws, [ws[2].x0 - 2])
    assert runs_across(ws, [ws[3].x0 - 1])   # a boundary at a word space: text runs across


def test_a_page_opening_with_a_banner_row_goes_on_with_the_open_table():
    """No rules, no repeated header: page 2 opens with the tail of a row cut by the break, then a
    weakness's banner on a fill as wide as the table (its text runs across the columns), then rows."""
    xs = [40.0, 100.0, 330.0, 450.0]
    head = [words(t, x + 3, 80, bold=True) for t, x in zip(["Ref", "Action", "Lead", "Deadline"], xs)]

    def rows(refs: list[str], top: float) -> list:
        out = []
        for k, ref in enumerate(refs):
            y = top + k * 30
            out += words(ref, 43, y) + words("Train staff in every school", 103, y) \
                + words("Head of SEND", 333, y) + words("Jan 2024", 453, y)
        return out

    one = page_of(1, [w for h in head for w in h] + rows(["1.1", "1.2", "1.3"], 100))
    tail = words("across the area", 103, 40)
    banner = words("Weakness 2: Long waits for speech and language therapy across the area", 43, 60, bold=True)
    two = page_of(2, tail + banner + rows(["2.1", "2.2"], 80))
    two.fills = [Fill(37, 56, 490, 72, (0.19, 0.33, 0.59))]   # as wide as the table
    tables = find_tables([one, two]).tables
    assert len(tables) == 1
    assert [r.text(0) for r in tables[0].rows if r.text(0)][-2:] == ["2.1", "2.2"]


def test_a_continued_page_may_reach_a_little_past_an_edge_learnt_on_the_page_before():
    """Column edges from the gutters of page 1; on page 2 a longer date reaches 2 pt past one. The page
    still goes on with the table (a quarter of the font size of slack); prose does not."""
    from wsoa.extract.stitch import continuation
    from wsoa.extract.tables import Table
    cols = [Column(40, 100, "Ref", "ref"), Column(100, 330, "Action", "action"),
            Column(330, 420, "Deadline", "deadline"), Column(420, 520, "Lead", "lead")]
    table = Table(columns=cols, grid="text-aligned", top=(1, 80.0), size=8.0, trace=None)
    ws = []
    for k, ref in enumerate(["2.1", "2.2"]):
        y, size = 40 + k * 30, 11.0
        shift = 422.4 - words("Sep 2024", 0, y)[-1].x1   # 11 pt: the date ends 2.4 pt past the edge at 420
        ws += words(ref, 43, y, size) + words("Train staff in every school", 103, y, size) \
            + words("Sep 2024", shift, y, size) + words("Head of SEND", 433, y, size)
    page = page_of(2, ws)
    assert continuation(page, [], table, 39).columns is not None
    prose = page_of(2, words("This statement sets out how partners will address every weakness found", 43, 40)
                    + words("by the inspection and report progress to the board each term", 43, 52))
    assert continuation(prose, [], table, 39).columns is None


def test_rules_under_a_merged_column_only_leave_the_other_rows_to_the_text():
    """No rules across the table, but short ones under a weakness column merged down over its actions:
    that column keeps its merged cells, the others are cut at each new ref."""
    ws, y = [], 100.0
    ws += words("Speech and", 43, y) + words("language", 43, y + 10)
    for ref in ("1.1", "1.2", "1.3"):
        ws += words(ref, 143, y) + words("Train all SENCOs in", 203, y) + words("autism awareness", 203, y + 10)
        y += 2 * (8 + LEADING) + SPACING
    under = Rule(True, 40, y - 2, 140, y - 2)   # the weakness cell's bottom border, under its column only
    cols = [Column(40, 140, "Weakness", "weakness"), Column(140, 200, "Ref", "ref"),
            Column(200, 400, "Action", "action")]
    rows = build_rows(page_of(1, ws, [under, Rule(True, 40, y + 20, 400, y + 20)]), cols, 98, y + 20, False, 1)
    rows = [r for r in rows if 1 in r.starts]   # the rows each new ref opens
    assert [r.text(1) for r in rows if r.text(1)] == ["1.1", "1.2", "1.3"]
    assert len({id(r.cells[0]) for r in rows if r.text(1)}) == 1   # one merged weakness cell


def test_a_ref_broken_after_its_dot_in_a_narrow_column_starts_one_row():
    ws = words("GR3.", 43, 100) + words("3", 43, 108 + LEADING) + words("Train all SENCOs", 103, 100) \
        + words("GR3.", 43, 130) + words("4", 43, 138 + LEADING) + words("Publish the offer", 103, 130)
    cols = [Column(40, 100, "Ref", "ref"), Column(100, 300, "Action", "action")]
    rows = build_rows(page_of(1, ws), cols, 98, 160, False, 0)
    assert [r.text(0) for r in rows] == ["GR3. 3", "GR3. 4"]


TIMESCALE_XS = [40.0, 110.0, 180.0, 380.0, 470.0]


def _timescale_page(fills: bool):
    """"Timescale" centred over "Begin | Finish", every border drawn column by column (as browsers print
    collapsed borders), the header's cells filled one by one or not at all, two rows below."""
    from wsoa.extract.page import Rule

    xs = TIMESCALE_XS
    ws = words("Timescale", 90, 105) + words("Work to be done", 260, 105) + words("Progress", 400, 105) \
        + words("Begin", 60, 120) + words("Finish", 130, 120)
    rules = [Rule(True, a, y, b, y) for y in (100, 132) for a, b in zip(xs, xs[1:])]
    rules += [Rule(True, a, 116, b, 116) for a, b in zip(xs[:3], xs[1:3])]
    for y in (140, 170):
        ws += words("Jun 2022", 43, y) + words("Jun 2023", 113, y) + words("Redesign the local offer pages", 183, y) \
            + words("Under way", 383, y)
        rules += [Rule(True, a, y + 25, b, y + 25) for a, b in zip(xs, xs[1:])]
    page = page_of(1, ws, rules)
    if fills:
        grey = (0.85, 0.85, 0.85)
        page.fills = [Fill(40, 100, 180, 116, grey)] + [Fill(a, 116, b, 132, grey) for a, b in zip(xs[:3], xs[1:3])]
        page.fills += [Fill(a, 100, b, 132, grey) for a, b in zip(xs[2:], xs[3:])]
    return page


def test_a_spanning_label_over_cells_bordered_one_by_one_keeps_the_other_edges():
    """The label crosses the edge between its two columns, which then splits it no more; every other edge
    stands, and the sub-headers' own cells (filled) split the spanning one again."""
    from wsoa.extract.header import cells_top

    page = _timescale_page(True)
    model = cells_top(page, page.lines[0])
    assert model is not None
    assert [(c.x0, c.x1) for c in model.columns] == list(zip(TIMESCALE_XS, TIMESCALE_XS[1:]))
    assert [c.header for c in model.columns][2:] == ["Work to be done", "Progress"]


def test_rows_start_where_most_columns_start_an_entry_when_no_anchor_is_known():
    """No ref or action column known yet: the first column holds one weakness merged down over three actions
    (one entry); the other columns start an entry at each action. Rows follow the most columns, not the
    first one."""
    weakness, _ = stacked([["Long waits for", "therapy for young", "people aged 16 to", "25 across the area"]], 43, 100)
    steps, _ = stacked(ACTIONS, 143, 100)
    cols = [Column(40, 140, "Theme"), Column(140, 280, "Step"), Column(280, 380, "Lead officer", "lead")]
    y = 100
    whos = []
    for entry, name in zip(ACTIONS, ["Head of SEND", "ICB lead", "Principal EP"]):
        whos += words(name, 283, y)
        y += len(entry) * (8.0 + LEADING) + SPACING - LEADING
    rows = build_rows(page_of(1, weakness + steps + whos), cols, 98, y, False, 0)
    assert [r.text(1) for r in rows] == [" ".join(e) for e in ACTIONS]


def test_sub_headers_bordered_cell_by_cell_split_the_spanning_label_without_fills():
    """No fills: the border drawn under "Timescale", cell by cell, ends where "Begin" and "Finish" part."""
    from wsoa.extract.header import cells_top

    page = _timescale_page(False)
    model = cells_top(page, page.lines[0])
    assert [(c.x0, c.x1) for c in model.columns] == list(zip(TIMESCALE_XS, TIMESCALE_XS[1:]))
    assert [(c.header, c.group) for c in model.columns][:2] == [("Begin", "Timescale"), ("Finish", "Timescale")]


def test_a_plain_section_heading_inside_a_table_without_rules_does_not_end_it():
    """"Enabling actions (cross-cutting)" runs across the columns of a table without rules, one line, not bold,
    and the rows below it keep to the same columns at once: a section inside the table, not prose below it."""
    ws = words("Ref", 40, 80, bold=True) + words("Action", 100, 80, bold=True) + words("Lead", 330, 80, bold=True) \
        + words("Deadline", 450, 80, bold=True)
    y = 100
    for ref in ("1.1", "1.2"):
        ws += words(ref, 40, y) + words("Publish the local offer pages", 100, y) + words("Head of SEND", 330, y) \
            + words("Mar 2024", 450, y)
        y += 14
    ws += words("Enabling actions (cross-cutting, not tied to one weakness)", 40, y + 6)
    y += 26
    for ref in ("EN1", "EN2"):
        ws += words(ref, 40, y) + words("Train every SENCO in the area", 100, y) + words("ICB lead", 330, y) \
            + words("Jun 2024", 450, y)
        y += 14
    tables = find_tables([page_of(1, ws)]).tables
    assert len(tables) == 1
    assert [r.text(0) for r in tables[0].rows if r.text(0) and not r.spanning] == ["1.1", "1.2", "EN1", "EN2"]
