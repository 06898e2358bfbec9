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


def test_a_ruled_table_goes_on_below_a_first_line_with_only_its_outer_rules():
    """The page's first line is a row spanning the table (a banner the running header overlaps, so not
    told as a banner): only the outer rules cross it. The rows below meet every column edge: it goes on."""
    from wsoa.extract.page import Rule

    class Ruled(_Open):
        grid = "ruled"

    xs = [c.x0 for c in _Open.columns] + [560]
    ws = words("Shire SEND Partnership OFFICIAL Weakness 1", 43, 40)
    ws += words("1.1", 43, 60) + words("Redesign the reports", 103, 60) + words("Head of SEND", 303, 60)
    ws += words("Feb 2023", 403, 60) + words("Green", 483, 60)
    rules = [Rule(False, x, 36, x, 120) for x in (40, 560)] + [Rule(False, x, 55, x, 120) for x in xs[1:-1]]
    got = continuation(page_of(2, ws, rules), [], Ruled(), 30)
    assert got.columns is not None, got.why


def test_a_body_line_at_a_pages_top_keeps_to_the_open_tables_columns():
    """Read alone, the first body line of a page could open a table of its own (its gutters make a grid);
    it names no role and keeps to the open table's columns, so it is that table going on."""
    from wsoa.extract.tables import goes_on

    body = page_of(2, words("survey about mental", 103, 40) + words("Commissioning", 303, 40)
                   + words("Jun 2022", 403, 40)).lines[0]
    prose = page_of(2, words("The partnership board will review this plan every term with parents", 43, 40)).lines[0]
    assert goes_on(body, _Open.columns) and not goes_on(prose, _Open.columns)
