"""A column of the document's own status wording is a status column: content roles read through the
document's key, not only the plain meanings."""
from __future__ import annotations

from wsoa.extract.grid import Cell, Column, Row
from wsoa.extract.column_roles import content_roles
from wsoa.normalise.content import role_from_content
from wsoa.normalise.status import Legend

from .test_table_stages import page_of, words

OWN = ["Slipping badly", "Ticking over", "Slipping badly", "Ticking over"]   # no plain meaning of a status


def _key() -> Legend:
    lg = Legend.default()
    lg.learn("red", "Slipping badly")
    lg.learn("green", "Ticking over")
    return lg


def test_a_column_of_the_keys_own_words_is_status_only_through_the_key():
    assert role_from_content(OWN, [None] * 4, "Position")[0] is None
    assert role_from_content(OWN, [None] * 4, "Position", _key())[0] == "status"


def test_content_roles_pass_the_key_on():
    ws, cells = [], []
    for k, text in enumerate(OWN):
        top = 100 + 20 * k
        w = words(text, 303, top)
        ws += w
        cells.append(Cell(0, top - 2, top + 16, list(w), page=1))
    rows = [Row(1, c.top, c.bottom, {0: c}, {0}) for c in cells]
    page = page_of(1, ws)
    plain, _ = content_roles(page, [Column(300, 400, "Position")], rows)
    cols = [Column(300, 400, "Position")]
    why, _ = content_roles(page, cols, rows, _key())
    assert 0 not in plain and cols[0].role == "status"
