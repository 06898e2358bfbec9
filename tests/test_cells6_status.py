"""A status dot drawn in the tint of the zebra shading of its row is still the action's status (cells6)."""
from __future__ import annotations

from wsoa.extract.page import Fill, Shape

from .test_cells5_status import read_ruled
from .test_table_stages import words

XS = [40.0, 80.0, 300.0, 380.0, 440.0]
PALE_BLUE, PALE_GREEN, PALE_RED = (0.867, 0.922, 0.969), (0.777, 0.937, 0.808), (1.0, 0.78, 0.808)


def _actions():
    """Four actions; every other row shaded pale blue across the table; a dot per status cell, the second
    one pale blue as its row."""
    head = ["Ref", "Action", "Deadline", "Status"]
    ws = [w for c, h in enumerate(head) for w in words(h, XS[c] + 3, 104, bold=True)]
    fills, shapes = [], []
    dots = [PALE_GREEN, PALE_BLUE, PALE_RED, PALE_GREEN]
    for i, rgb in enumerate(dots):
        top = 128.0 + 24 * i
        ws += words(f"1.{i + 1}", XS[0] + 3, top) + words(f"Train staff in school {i + 1}", XS[1] + 3, top)
        ws += words(f"{['Jan', 'May', 'Sep', 'Dec'][i]} 2024", XS[2] + 3, top)
        if i % 2:
            fills += [Fill(XS[c], top - 4, XS[c + 1], top + 20, PALE_BLUE) for c in range(len(XS) - 1)]
        shapes.append(Shape(XS[3] + 20, top, XS[3] + 28, top + 8, rgb))
    return read_ruled(ws, XS, 128.0 + 24 * 4 - 4, fills, shapes)


def test_a_dot_in_its_rows_shading_tint_is_a_status():
    got = _actions()
    assert [a.rag for a in got] == ["green", "blue", "red", "green"]


def test_a_cell_of_one_mark_glyph_given_its_colour_is_marked_not_filled():
    """A Word file's dot: the cell holds only the glyph, its colour carried by the cell; a zebra-filled cell of
    text is not marked."""
    from wsoa.extract.actions import _marked
    from wsoa.extract.grid import Cell
    from wsoa.extract.page import Word
    dot = Cell(3, 0, 20, [Word("●", 2, 8, 2, 10, 8, False, None)], PALE_BLUE)
    text = Cell(3, 0, 20, [Word("Ongoing", 2, 30, 2, 10, 8, False, None)], PALE_BLUE)
    assert _marked(dot) and not _marked(text)
