"""Field values of actions that are found: statuses given per sub-row, sub-rows with no rule between
them, words broken across the lines of a narrow cell. Pages and cells are built in the test."""
from __future__ import annotations

from wsoa.extract.actions import ActionContext, read_actions
from wsoa.extract.tables import find_tables
from wsoa.normalise.status import Legend

from .test_table_stages import page_of, ruled_table


def _read(rows: list[list[str]]):
    ws, rules, _ = ruled_table(100, rows)
    table = find_tables([page_of(1, ws, rules)]).tables[0]
    return read_actions(table, 0, Legend.default(), ActionContext()).actions


def test_statuses_of_sub_rows_are_taken_together():
    got = _read([["1.1", "Train all staff", "Head of SEND", "Jan 2024", "Green"],
                 ["", "", "", "Mar 2024", "Red"],
                 ["1.2", "Audit plans", "Head of SEND", "Jun 2024", "Complete"],
                 ["", "", "", "Sep 2024", "Complete"]])
    assert [a.rag for a in got] == ["red", "blue"]
    assert got[0].rag_source == "milestones" and got[0].rag_raw == "Green / Red"


def test_one_status_cell_stays_as_read():
    got = _read([["1.1", "Train all staff", "Head of SEND", "Jan 2024", "On track"],
                 ["", "and governors", "", "", ""]])
    assert [a.rag for a in got] == ["green"] and got[0].rag_source == "word"


def _sub_row_table(milestones: list[list[str]], gap: float) -> list:
    """One action whose milestones (each one or more lines, 10 points apart) stand `gap` apart, each level
    with its date; ruled columns, no rule between the sub-rows."""
    from wsoa.extract.page import Rule

    from .test_table_stages import words
    xs = [40.0, 80.0, 250.0, 400.0, 480.0, 560.0]
    head = ["Ref", "Action", "Milestones", "Lead", "Deadline"]
    ws = [w for c, h in enumerate(head) for w in words(h, xs[c] + 3, 104, bold=True)]
    ws += words("1.1", xs[0] + 3, 128) + words("Train all staff", xs[1] + 3, 128) + words("Head of SEND", xs[3] + 3, 128)
    top = 128.0
    for i, lines in enumerate(milestones):
        ws += words(f"{['Jan', 'May', 'Sep'][i]} 2024", xs[4] + 3, top)
        for line in lines:
            ws += words(line, xs[2] + 3, top)
            top += 10.0
        top += gap - 10.0
    bottom = top + 10
    rules = [Rule(False, x, 100, x, bottom) for x in xs]
    rules += [Rule(True, xs[0], y, xs[-1], y) for y in (100, 124, bottom)]
    table = find_tables([page_of(1, ws, rules)]).tables[0]
    return read_actions(table, 0, Legend.default(), ActionContext()).actions


def test_sub_rows_of_one_line_each_are_cut_without_rules():
    got = _sub_row_table([["Draft the policy"], ["Consult schools"], ["Publish"]], 22.0)
    assert len(got) == 1
    assert [m.text for m in got[0].milestones] == ["Draft the policy", "Consult schools", "Publish"]
    assert [d.isoformat() for d in got[0].deadlines] == ["2024-01-31", "2024-05-31", "2024-09-30"]


def test_sub_rows_a_little_further_apart_than_the_lines_of_a_milestone():
    got = _sub_row_table([["Draft the policy", "with parents"], ["Consult schools", "and settings"]], 13.0)
    assert [m.text for m in got[0].milestones] == ["Draft the policy with parents", "Consult schools and settings"]


def _cell(lines: list[list[tuple[str, float]]], char: float = 5.0):
    """A cell of lines, each a list of (word, x0); 12 points from line to line, `char` points a character."""
    from wsoa.extract.grid import Cell
    from wsoa.extract.page import Word
    ws = [Word(t, x, x + char * len(t), 100 + 12 * i, 109 + 12 * i, 9.0, False, None)
          for i, line in enumerate(lines) for t, x in line]
    return Cell(0, 98, 100 + 12 * len(lines), ws)


def test_a_word_broken_by_a_narrow_column_is_rejoined():
    from wsoa.extract.cell_items import unbroken_text
    # the cell is 100..160 with 3 points of padding: 54 points of text, "Commissioning" (65) cannot fit
    cell = _cell([[("Head", 103), ("of", 128)], [("Commissioni", 103)], [("ng", 103)]])
    assert unbroken_text(cell, 100, 160) == "Head of Commissioning"  # "ng" is printed as a word nowhere
    assert unbroken_text(cell, 100, 160, {"commissioning", "ng"}.__contains__) == "Head of Commissioning"
    assert unbroken_text(cell, 100, 160, {"ng"}.__contains__) == "Head of Commissioni ng"
    date = _cell([[("01/10/202", 103)], [("1", 103)]], char=5.8)
    assert unbroken_text(date, 100, 160) == "01/10/2021"


def test_a_numeric_date_broken_in_its_year_is_rejoined_whatever_the_columns_edge():
    """"01/10/20" over "21" alone: a cell's edge read off a header's alignment is only near the wrapper's,
    but a year cut after two digits, its other two alone on the next line, is one date."""
    from wsoa.extract.cell_items import unbroken_text
    broken = _cell([[("01/10/20", 103)], [("21", 103)]], char=4.2)
    assert unbroken_text(broken, 100, 180) == "01/10/2021"
    two = _cell([[("01/10/20", 103)], [("21", 103), ("weeks", 118)]], char=4.2)
    assert unbroken_text(two, 100, 180) == "01/10/20 21 weeks"   # a number opening more words wrapped whole
    assert unbroken_text(_cell([[("Sept", 103), ("2023", 128)], [("21", 103)]], char=4.2), 100, 180) == "Sept 2023 21"


def test_two_whole_numeric_dates_on_two_lines_stay_apart():
    """"30/11/2022" filling a narrow cell's line, "01/02/2023" below: the first is a whole date, no piece."""
    from wsoa.extract.cell_items import unbroken_text
    two = _cell([[("30/11/2022", 103)], [("01/02/2023", 103)]], char=5.5)
    assert unbroken_text(two, 100, 160) == "30/11/2022 01/02/2023"


def test_words_wrapped_whole_stay_apart():
    from wsoa.extract.cell_items import unbroken_text
    # "of" ends far from the edge; "Council" opens in capitals; "SEN" ends far from the edge
    assert unbroken_text(_cell([[("Head", 103), ("of", 128)], [("Commissioning", 103)]]), 100, 175) == \
        "Head of Commissioning"
    assert unbroken_text(_cell([[("Lead", 103), ("for", 128), ("the", 148)], [("Council", 103)]]), 100, 166) == \
        "Lead for the Council"
    assert unbroken_text(_cell([[("Head", 103), ("of", 128), ("SEN", 143)], [("and", 103), ("inclusion", 123)]]),
                         100, 200) == "Head of SEN and inclusion"
    # "Summer" fills its narrow line by chance: "term" is a word the table prints, "summerterm" is not
    summer = _cell([[("Apr", 103), ("2024", 123)], [("Summer", 103)], [("term", 103), ("2024", 128)]], char=5.6)
    assert unbroken_text(summer, 100, 145, {"summer", "term"}.__contains__) == "Apr 2024 Summer term 2024"
    # ... or ends two characters short of the edge: a whole word wrapped
    assert unbroken_text(summer, 100, 152) == "Apr 2024 Summer term 2024"


def test_a_whole_word_wrapped_after_a_full_line_stays_apart():
    from wsoa.extract.cell_items import unbroken_text
    # "Head of an" ends under a character short of the edge (157): "inclusion" (45) went whole to the next line
    cell = _cell([[("Head", 103), ("of", 128), ("an", 143)], [("inclusion", 103), ("team", 153)]])
    assert unbroken_text(cell, 100, 160, {"aninclusion", "an"}.__contains__) == "Head of an inclusion team"
    assert unbroken_text(cell, 100, 160, {"aninclusion", "inclusion"}.__contains__) == "Head of an inclusion team"


def test_a_word_broken_after_other_words_on_its_line_is_rejoined():
    from wsoa.extract.cell_items import unbroken_text
    # "Co" fills the line to the edge (157); neither "co" nor "mmissioning" is a word the table prints
    cell = _cell([[("Head", 103), ("of", 128), ("Co", 147)], [("mmissioning", 103)]])
    assert unbroken_text(cell, 100, 160, {"head", "of"}.__contains__) == "Head of Commissioning"
    assert unbroken_text(cell, 100, 160, {"co"}.__contains__) == "Head of Co mmissioning"


def test_a_dash_opening_the_second_line_of_a_date_cell_makes_a_range():
    from wsoa.extract.cell_items import unbroken_text
    from wsoa.normalise.dates import read_cell
    cell = _cell([[("September", 103), ("2024", 153)], [("–", 103), ("Nov", 110), ("2024", 130)]])
    text = unbroken_text(cell, 100, 200)
    assert text == "September 2024 – Nov 2024"
    assert [d.isoformat() for d in read_cell(text).dates] == ["2024-11-30"]
    listed = _cell([[("–", 103), ("Jan", 110), ("2024", 130)], [("–", 103), ("Mar", 110), ("2024", 130)]])
    assert unbroken_text(listed, 100, 200) == "Jan 2024 Mar 2024"  # dashes opening every line: a list


def test_a_status_cell_listing_one_status_per_line_takes_them_together():
    from wsoa.extract.actions import _status
    cell = _cell([[("Not", 103), ("yet", 123), ("started", 143)], [("Stalled", 103)], [("Progressing", 103)]])
    assert _status(cell, Legend.default(), True).status == "red"
    wrapped = _cell([[("Some", 103)], [("slippage", 103)]])  # one phrase over two lines: no list
    assert _status(wrapped, Legend.default(), True).status == "amber"
    assert Legend.default().listed_statuses(["On track", "Complete"]) == ["green", "blue"]
    assert Legend.default().listed_statuses(["On track", "see note"]) == []


def test_a_month_broken_by_a_narrow_column_is_rejoined():
    from wsoa.extract.cell_items import unbroken_text
    cell = _cell([[("Decembe", 103)], [("r", 103), ("2021", 113)]], char=6.6)
    assert unbroken_text(cell, 100, 155) == "December 2021"


def test_the_virtual_page_of_a_web_page_keeps_a_long_word_whole():
    from wsoa.extract.flow import Grid, GridCell, Para, layout
    grid = Grid([60.0, 60.0], [[GridCell(0, paras=[Para("Head of Commissioning (Council)", 8.0)]),
                                GridCell(1, paras=[Para("Jan 2024", 8.0)])]])
    page = layout([grid])
    assert "Commissioning" in [w.text for w in page.words]


def test_a_word_past_the_cells_edge_after_other_words_is_not_taken_for_a_piece():
    from wsoa.extract.cell_items import unbroken_text
    # "network" ends at 166, past the cell's edge (160): the column is narrower than the text, no wrapper's break
    cell = _cell([[("SENCO", 103), ("network", 131)], [("chair", 103)]])
    assert unbroken_text(cell, 100, 160) == "SENCO network chair"


def test_a_sub_row_whose_date_wraps_after_its_month_is_cut_there():
    from wsoa.extract.cell_items import split_sub_rows
    from wsoa.extract.grid import Cell, Row
    from wsoa.extract.page import Word

    def cell(col: int, x: float, lines: list[tuple[str, float]]) -> Cell:
        ws = [Word(t, x + 6 * k, x + 6 * k + 5 * len(t), top, top + 9, 9.0, False, None)
              for text, top in lines for k, t in enumerate(text.split())]
        return Cell(col, 98, 200, ws)
    # three milestones of two lines each (12 apart), 20 apart from one to the next; the last date wraps
    miles = cell(0, 100, [("Draft", 100), ("the policy", 112), ("Consult", 132), ("schools", 144),
                          ("Publish", 164), ("it", 176)])
    dates = cell(1, 300, [("Jan 2024", 100), ("May 2024", 132), ("September", 164), ("2024", 176)])
    rows = split_sub_rows([Row(1, 98, 200, {0: miles, 1: dates}, {0, 1})], 0, 1)
    assert [r.text(1) for r in rows] == ["Jan 2024", "May 2024", "September 2024"]
