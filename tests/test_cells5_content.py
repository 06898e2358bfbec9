"""Column roles from cells whose rows were merged (no rule between them): two refs in one cell are refs."""
from wsoa.normalise.content import role_from_content


def test_refs_of_two_actions_in_one_cell_are_refs():
    assert role_from_content(["", "W1.1 W1.2", "", "W1.3"], [None] * 4)[0] == "ref"
    assert role_from_content(["1.1", "1.2 1.3"], [None] * 2)[0] == "ref"


def test_numbers_of_a_sentence_are_not_refs():
    assert role_from_content(["Cut waits to 12 weeks", "Open 2 hubs"], [None] * 2)[0] != "ref"


def test_sums_of_money_are_no_names_of_leads():
    cells = ["£40k ICB", "£25k Council", "£10k ICB", "Existing resource"]
    assert role_from_content(cells, [None] * len(cells))[0] != "lead"
    assert role_from_content(["Head of SEND", "ICB", "Designated Clinical Officer"], [None] * 3)[0] == "lead"


def test_a_column_of_timescales_with_one_date_is_a_deadline():
    cells = ["TBC", "Monthly", "tender by Jan 2023; service live May 2023", "Within 3 months"]
    assert role_from_content(cells, [None] * 4)[0] == "deadline"
    assert role_from_content(["TBC", "Jan 2023"], [None] * 2)[0] is None  # too little to go by


def test_names_broken_by_a_narrow_column_are_read_whole_for_the_role():
    from wsoa.extract.cell_items import words_after
    from wsoa.extract.column_roles import _column_cells
    from wsoa.extract.grid import Cell, Column, Row
    from wsoa.extract.page import Page, Word

    def cell(lines: list[str], top: float) -> Cell:
        ws = [Word(t, 103 + 30 * k, 103 + 30 * k + 5 * len(t), top + 12 * i, top + 12 * i + 9, 9.0, False, None)
              for i, ln in enumerate(lines) for k, t in enumerate(ln.split())]
        return Cell(0, top - 2, top + 12 * len(lines), ws)
    # "Psychologist" does not fit the 54 points of text: "Psychologi" fills its line to the edge, "st" goes on
    cells = [cell(["Principal", "Psychologi", "st"], 100), cell(["Head of", "Commissioni", "ng"], 160)]
    rows = [Row(1, c.top, c.bottom, {0: c}, {0}) for c in cells]
    texts, _ = _column_cells(Page(1, 600, 800), rows, 0, Column(100, 160), words_after(rows))
    assert texts == ["Principal Psychologist", "Head of Commissioning"]
