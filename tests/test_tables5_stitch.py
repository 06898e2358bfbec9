"""A page goes on with a text-aligned table when its first rows nearly line up with the columns."""
from __future__ import annotations

from wsoa.extract.grid import Column
from wsoa.extract.stitch import continuation

from .test_table_stages import page_of, words


class _Open:
    columns = [Column(40, 100, "Ref", "ref"), Column(100, 300, "Action", "action"),
               Column(300, 400, "Lead", "lead"), Column(400, 480, "Deadline", "deadline"),
               Column(480, 560, "Status", "status")]
    grid = "text-aligned"


def test_a_row_whose_date_overhangs_a_column_edge_by_a_little_still_goes_on():
    """After a banner across the table, a row keeps gutters at the column edges but its deadline
    starts a few points left of the edge (the header's alignment was a little off): the table goes on."""
    ws = words("Weakness 2: the limited reach of preparation for adulthood for young people", 43, 40, bold=True)
    ws += words("2.1", 43, 60) + words("Redesign the reports", 103, 60) + words("Head of SEND", 303, 60)
    ws += words("Feb 2023", 396, 60) + words("Green", 483, 60)
    ws += words("termly and share", 103, 70) + words("Education", 303, 70)
    got = continuation(page_of(2, ws), [], _Open(), 40)
    assert got.columns is not None, got.why


def test_prose_running_over_the_columns_does_not_go_on():
    ws = words("Weakness 2: the limited reach of preparation", 43, 40, bold=True)
    ws += words("This plan was agreed by the partnership board and will be reviewed each term by", 43, 60)
    ws += words("the SEND improvement board with parents and carers, who will report on progress made", 43, 70)
    got = continuation(page_of(2, ws), [], _Open(), 40)
    assert got.columns is None
