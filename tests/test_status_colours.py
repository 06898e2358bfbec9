"""Status from fill colours (CIEDE2000 through the legend, then reference colours), row shading, status words."""
from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from wsoa.normalise.status import Legend, delta_e, lab_delta_e, nearest_status, row_shading, status_fill, to_rgb


def _hex(code: str) -> tuple[float, float, float]:
    return tuple(int(code[i:i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]


# Sharma, Wu & Dalal (2005), "The CIEDE2000 color-difference formula", table 1: published pairs.
@pytest.mark.parametrize("lab1, lab2, expected", [
    ((50.0, 2.6772, -79.7751), (50.0, 0.0, -82.7485), 2.0425),
    ((50.0, 3.1571, -77.2803), (50.0, 0.0, -82.7485), 2.8615),
    ((50.0, 0.0, 0.0), (50.0, -1.0, 2.0), 2.3669),
    ((50.0, 2.5, 0.0), (73.0, 25.0, -18.0), 27.1492),
    ((50.0, 2.5, 0.0), (50.0, 3.2592, 0.335), 1.0000),
    ((60.2574, -34.0099, 36.2677), (60.4626, -34.1751, 39.4387), 1.2644),
    ((22.7233, 20.0904, -46.694), (23.0331, 14.973, -42.5619), 2.0373),
    ((90.9257, -0.5406, -0.9208), (88.6381, -0.8985, -0.7239), 1.5381),
])
def test_delta_e_2000_matches_published_pairs(lab1, lab2, expected):
    assert lab_delta_e(lab1, lab2) == pytest.approx(expected, abs=1e-4)


@pytest.mark.parametrize("fill, status", [
    ("C6EFCE", "green"), ("FFEB9C", "amber"), ("FFC7CE", "red"), ("DDEBF7", "blue"),   # Excel good/neutral/bad
    ("E2EFDA", "green"), ("C6E0B4", "green"), ("A9D08E", "green"), ("92D050", "green"), ("00B050", "green"),
    ("FFF2CC", "amber"), ("FFE699", "amber"), ("FFD966", "amber"), ("FFC000", "amber"), ("FFFF00", "amber"),
    ("F4B084", "amber"), ("FF0000", "red"), ("C00000", "red"), ("BDD7EE", "blue"), ("9BC2E6", "blue"),
    ("00B0F0", "blue"), ("0070C0", "blue"), ("FFFFFF", "white"), ("D9D9D9", "white"),
])
def test_excel_fills_saturated_and_pale_read_as_their_status(fill, status):
    assert Legend.default().from_colour(_hex(fill)) == (status, True)


@pytest.mark.parametrize("colour, status", [
    ((0, 1, 1, 0), "red"), ((0, 0.25, 1, 0), "amber"), ((1, 0, 1, 0), "green"), ((1, 0, 1, 0.3), "green"),
    ((1, 0.3, 0, 0), "blue"), ((1.0,), "white"), ((0.85,), "white"), (1, "white"),
    ((0.93, 0.11, 0.14), "red"),      # PDFium's own conversion of CMYK (0, 1, 1, 0)
    ((0.0, 0.65, 0.31), "green"),     # ... of CMYK (1, 0, 1, 0)
    ((0.0, 0.68, 0.94), "blue"),      # ... of CMYK (1, 0, 0, 0)
    ((1.0, 0.95, 0.0), "amber"),      # ... of CMYK (0, 0, 1, 0)
    ((0.97, 0.58, 0.11), "amber"),    # ... of CMYK (0, 0.5, 1, 0)
])
def test_rgb_cmyk_grey_and_pdfium_colours(colour, status):
    assert Legend.default().from_colour(to_rgb(colour))[0] == status


def test_a_colour_far_from_every_reference_is_only_nearest():
    assert Legend.default().from_colour((0.5, 0.6, 0.45)) == ("green", False)
    status, distance = nearest_status((0.5, 0.6, 0.45))
    assert status == "green" and distance > 10


def test_the_documents_legend_colour_comes_first():
    lg = Legend.default()
    teal = (0.0, 0.5, 0.5)
    assert lg.from_colour(teal)[1] is False
    lg.learn("green", "On track", teal)
    lg.learn("blue", "Complete", _hex("C6EFCE"))   # this document draws "complete" pale green
    assert lg.from_colour((0.02, 0.52, 0.49)) == ("green", True)
    assert lg.from_colour(_hex("C6EFCE")) == ("blue", True)


@given(st.floats(0, 1), st.floats(0, 1), st.floats(0, 1))
def test_delta_e_is_a_distance(r, g, b):
    assert delta_e((r, g, b), (r, g, b)) == pytest.approx(0, abs=1e-6)
    assert delta_e((r, g, b), (1.0, 0.0, 0.0)) == pytest.approx(delta_e((1.0, 0.0, 0.0), (r, g, b)), abs=1e-6)


GREY, ZEBRA = (0.85, 0.85, 0.85), _hex("DDEBF7")


def test_a_fill_on_every_cell_of_a_row_is_shading_not_status():
    green = _hex("00B050")
    rows = [[GREY, GREY, GREY, GREY], [None, None, None, green], [GREY, GREY, GREY, green], [None] * 4]
    assert row_shading(rows) == [GREY, None, GREY, None]
    assert status_fill(GREY, rows[0], row_shading(rows)[0]) is None
    assert status_fill(green, rows[2], row_shading(rows)[2]) == green
    assert status_fill(green, rows[1], row_shading(rows)[1]) == green


def test_alternating_rows_of_one_pale_fill_are_zebra_shading():
    # pale blue on alternate rows, also under the status cell: shading, though pale blue can mean blue
    rows = [[ZEBRA] * 5 if i % 2 else [None] * 5 for i in range(6)]
    rows[3][4] = _hex("FFC7CE")
    shading = row_shading(rows)
    assert shading == [None, ZEBRA, None, ZEBRA, None, ZEBRA]
    assert status_fill(rows[1][4], rows[1], shading[1]) is None
    assert status_fill(rows[3][4], rows[3], shading[3]) == _hex("FFC7CE")


def test_a_status_column_alone_coloured_is_status():
    rows = [[None, None, _hex(c)] for c in ("FFC7CE", "C6EFCE", "FFC7CE", "C6EFCE")]
    assert row_shading(rows) == [None] * 4
    two = [[None, _hex("00B050")] for _ in range(4)]  # two columns, the status one green on every row
    assert row_shading(two) == [None] * 4


@pytest.mark.parametrize("text, status", [
    ("Complete", "blue"), ("Completed", "blue"), ("Embedded", "blue"), ("Achieved", "blue"), ("Closed", "blue"),
    ("On track", "green"), ("On target", "green"), ("In progress", "green"), ("Good progress", "green"),
    ("Some slippage", "amber"), ("Minor slippage", "amber"), ("Delayed", "amber"), ("Behind schedule", "amber"),
    ("Off track", "red"), ("At risk", "red"), ("Significant slippage", "red"), ("Not on track", "red"),
    ("Not yet started", "white"), ("Not started", "white"), ("Not due", "white"), ("Not yet due", "white"),
    ("G", "green"), ("A", "amber"), ("R", "red"), ("B", "blue"),
    ("Green – Jan 23", "green"), ("Amber (March 2023)", "amber"), ("G - 31/01/2023", "green"),
    ("Complete – Dec 2022", "blue"), ("RED", "red"),
])
def test_status_words_by_plain_meaning(text, status):
    assert Legend.default().from_text(text)[0] == status


def test_status_date_alone_is_no_status():
    assert Legend.default().from_text("Jan 23")[0] is None


def test_a_legend_sentence_of_descriptions():
    lg = Legend.default()
    n = lg.learn_text("Progress is rated with five descriptions: Complete, On track, Some slippage, Off track "
                      "and Not yet started.")
    assert n == 5 and lg.from_document
    assert [lg.from_text(t)[0] for t in ("Complete", "On track", "Some slippage", "Off track", "Not yet started")] \
        == ["blue", "green", "amber", "red", "white"]


def test_a_legend_sentence_of_colours_overrides_plain_meaning():
    lg = Legend.default()
    n = lg.learn_text("Key: Blue: Completed/embedding; Green – on track; Amber - some delays; Red – not started/risk")
    assert n == 4
    assert lg.from_text("not started")[0] == "red" and lg.from_text("embedding")[0] == "blue"
    assert lg.from_text("some delays")[0] == "amber"


def test_status_and_date_in_one_cell_of_a_built_plan(tmp_path):
    from tests.pdfbuild import build_plan
    from wsoa.extract.document import extract

    header = ["Ref", "Action", "Lead officer", "Target date", "RAG"]
    rows = [["1.1", "Publish the local offer", "Head of SEND", "Dec 2023", "Green – Jan 23"],
            ["1.2", "Audit EHC plans", "Head of SEND", "Dec 2023", "A - Feb 23"],
            ["1.3", "Train SENCOs", "Head of SEND", "Dec 2023", "Complete (March 2023)"]]
    doc = extract(build_plan(tmp_path / "rag-date.pdf", header, rows, col_widths=[40, 220, 120, 100, 120]))
    assert [a.rag for a in doc.actions] == ["green", "amber", "blue"]
