"""A banner row whose words run across the table's column edges (a merged cell printed over an unruled
table) reads line by line, not column by column."""
from __future__ import annotations

from wsoa.extract.actions import banner_text
from wsoa.extract.grid import Cell, Row

from .test_table_stages import words


def _row(lines: list[str], cuts: list[float]) -> Row:
    ws = [w for i, text in enumerate(lines) for w in words(text, 43, 100 + 10 * i)]
    cells = {i: Cell(i, 98, 122, [w for w in ws if a <= w.xc < b]) for i, (a, b) in enumerate(zip(cuts, cuts[1:]))}
    return Row(1, 98, 122, cells, set(cells))


def test_a_banner_flowing_over_column_edges_reads_line_by_line():
    row = _row(["Significant weakness 1: The quality of occupational therapy waiting lists",
                "and their impact on children and young people"], [40, 120, 200, 300, 400])
    assert banner_text(row, [120, 200, 300]) == ("Significant weakness 1: The quality of occupational therapy waiting lists "
                                "and their impact on children and young people")


def test_a_section_row_of_separate_cells_reads_cell_by_cell():
    ws = words("Priority 2", 43, 100) + words("The quality of plans", 203, 100) + words("is too variable", 203, 110)
    cells = {0: Cell(0, 98, 122, ws[:2]), 1: Cell(1, 98, 122, ws[2:])}
    assert banner_text(Row(1, 98, 122, cells, {0, 1}), [200]) == "Priority 2 The quality of plans is too variable"


def test_a_bold_banner_wrapped_over_two_lines_does_not_end_an_unruled_table():
    from wsoa.extract.grid import Column
    from wsoa.extract.tables import _text_bottom

    from .test_table_stages import page_of

    cols = [Column(40, 100, "Ref", "ref"), Column(100, 300, "Action", "action"), Column(300, 400, "Lead", "lead")]
    ws = words("3.4", 43, 100) + words("Commission a referral route", 103, 100) + words("Head of SEND", 303, 100)
    ws += words("Significant weakness 4: Poor co-ordination of home to school transport in", 43, 125, bold=True)
    ws += words("mainstream settings", 43, 135, bold=True)
    ws += words("4.1", 43, 155) + words("Decrease termly reports", 103, 155) + words("Service manager", 303, 155)
    bottom, why = _text_bottom(page_of(1, ws), cols, 95, 600, 8.0)
    assert bottom > 160, why


def test_a_banner_leaves_out_the_words_of_a_cell_merged_down_beside_it():
    row = _row(["Weakness 1: Poor co-ordination of pathways in mainstream settings"], [40, 120, 200, 300, 400])
    below = words("area 17 and 31", 303, 140)
    row.cells[3] = Cell(3, 90, 150, row.cells[3].words + below)  # merged down over the rows beside the banner
    assert banner_text(row, [120, 200, 300]) == "Weakness 1: Poor co-ordination of pathways in mainstream settings"
