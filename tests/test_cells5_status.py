"""A status per milestone drawn inside one merged status cell (sub-rows with no rule between them): a fill
or a dot per sub-row gives each milestone its status, and the action theirs taken together."""
from __future__ import annotations

from wsoa.extract.actions import ActionContext, read_actions
from wsoa.extract.page import Fill, Rule, Shape
from wsoa.extract.tables import find_tables
from wsoa.normalise.status import Legend

from .test_table_stages import page_of, words

XS = [40.0, 80.0, 250.0, 400.0, 480.0, 540.0]
GREEN, RED, GREY = (0.0, 0.69, 0.31), (1.0, 0.0, 0.0), (0.85, 0.85, 0.85)


def _table(marks: str, zebra: bool = False):
    """One action of three milestones 24 points apart, each level with its date; the status column holds
    one fill (or dot) per milestone: green, red, green."""
    head = ["Ref", "Action", "Milestones", "Deadline", "Status"]
    ws = [w for c, h in enumerate(head) for w in words(h, XS[c] + 3, 104, bold=True)]
    ws += words("1.1", XS[0] + 3, 128) + words("Train all staff", XS[1] + 3, 128)
    fills, shapes = [], []
    for i, (name, rgb) in enumerate(zip(["Draft the policy", "Consult schools", "Publish"], [GREEN, RED, GREEN])):
        top = 128.0 + 24 * i
        ws += words(name, XS[2] + 3, top) + words(f"{['Jan', 'May', 'Sep'][i]} 2024", XS[3] + 3, top)
        if zebra and i % 2:
            fills.append(Fill(XS[0], top - 4, XS[-1], top + 20, GREY))
        if marks == "fill":
            fills.append(Fill(XS[4], top - 4, XS[5], top + 20, rgb))
        else:
            shapes.append(Shape(XS[4] + 20, top, XS[4] + 28, top + 8, rgb))
    return read_ruled(ws, XS, 128.0 + 24 * 3 - 4, fills, shapes)


def read_ruled(ws: list, xs: list[float], bottom: float, fills: list, shapes: list) -> list:
    """The actions of a table ruled at `xs` from y=100 (header to 124) to `bottom`, with its fills and shapes."""
    rules = [Rule(False, x, 100, x, bottom) for x in xs]
    rules += [Rule(True, xs[0], y, xs[-1], y) for y in (100, 124, bottom)]
    page = page_of(1, ws, rules)
    page.fills, page.shapes = fills, shapes
    return read_actions(find_tables([page]).tables[0], 0, Legend.default(), ActionContext()).actions


def test_a_fill_per_milestone_in_one_status_cell():
    for zebra in (False, True):
        got = _table("fill", zebra)
        assert len(got) == 1 and [m.rag for m in got[0].milestones] == ["green", "red", "green"]
        assert got[0].rag == "red"


def test_a_dot_per_milestone_in_one_status_cell():
    got = _table("dot")
    assert [m.rag for m in got[0].milestones] == ["green", "red", "green"] and got[0].rag == "red"


def test_marks_in_one_status_cell_not_cut_into_sub_rows_are_taken_together():
    from wsoa.extract.actions import _status
    from wsoa.extract.grid import Cell
    cell = Cell(0, 100, 160, [], GREEN, parts=[(110, GREEN), (130, RED), (150, GREEN)])
    assert _status(cell, Legend.default(), False).status == "red"


def test_the_rest_of_a_header_wrapped_letter_by_letter_is_no_action():
    from wsoa.extract.actions import _is_header_row
    from wsoa.extract.grid import Cell, Column, Row
    from wsoa.extract.page import Word
    cols = [Column(0, 40, "Ac ti on re fe re nc e", "ref"), Column(40, 200, "Action", "action"),
            Column(200, 240, "St at us", "status")]

    def row(ref: str, status: str) -> Row:
        cells = {0: Cell(0, 0, 10, [Word(ref, 2, 10, 0, 8, 8, False, None)]),
                 2: Cell(2, 0, 10, [Word(status, 202, 210, 0, 8, 8, False, None)])}
        return Row(1, 0, 10, cells, {0, 2})

    table = type("T", (), {"columns": cols})()
    assert _is_header_row(table, row("fe", "at"))
    assert not _is_header_row(table, row("1.1", "at"))


def test_a_header_wrapped_letter_by_letter_spilling_onto_the_next_page_is_no_action():
    """The pieces of a header wrapped two letters a line that run on past the page (beyond the lines taken for
    it): bold as the header is, letters only, three at most; a plain or numbered row stays an action."""
    from wsoa.extract.actions import _is_header_row
    from wsoa.extract.grid import Cell, Column, Row
    from wsoa.extract.page import Word
    cols = [Column(0, 40, "Ac ti on", "ref"), Column(40, 200, "Action", "action"),
            Column(200, 240, "Cu rr en t", "status")]

    def row(ref: str, status: str, bold: bool) -> Row:
        cells = {0: Cell(0, 0, 10, [Word(ref, 2, 10, 0, 8, 8, bold, None)]),
                 2: Cell(2, 0, 10, [Word(status, 202, 210, 0, 8, 8, bold, None)])}
        return Row(1, 0, 10, cells, {0, 2})

    table = type("T", (), {"columns": cols})()
    assert _is_header_row(table, row("mb", "us", True))
    assert not _is_header_row(table, row("mb", "us", False))
    assert not _is_header_row(table, row("1a", "us", True))


def test_a_row_whose_cells_only_resemble_column_labels_is_an_action():
    """"NHS Trust Therapy Lead", "Within budget", "Complete" under lead, resource and deadline: each only
    loosely like a label of its column (a lead's post, a budget, a status word); a header repeated names them
    outright."""
    from wsoa.extract.actions import _is_header_row
    from wsoa.extract.grid import Cell, Column, Row
    from wsoa.extract.page import Word
    cols = [Column(0, 100, "Lead officer", "lead"), Column(100, 200, "Resources", "resource"),
            Column(200, 300, "Deadline", "deadline"), Column(300, 400, "Ref", "ref")]

    def row(*texts: str) -> Row:
        cells = {i: Cell(i, 0, 10, [Word(w, 100 * i + 2 + 6 * k, 100 * i + 6 + 6 * k, 0, 8, 8, False, None)
                                    for k, w in enumerate(t.split())]) for i, t in enumerate(texts)}
        return Row(1, 0, 10, cells, set(cells))

    table = type("T", (), {"columns": cols})()
    assert not _is_header_row(table, row("NHS Trust Therapy Lead", "Within budget", "Complete", "EN1"))
    assert _is_header_row(table, row("Lead officer", "Resources", "Deadline", "Ref"))
