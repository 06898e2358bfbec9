"""Status rules on documents the tests build: dots in status cells, row shading, the document's
legend in every printed form, colours of native Word and HTML cells, status plus date."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import RGBColor
from reportlab.graphics.shapes import Circle, Drawing, Rect
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from tests.pdfbuild import CELL, HEAD, STYLES, build_plan
from wsoa.extract.document import extract
from wsoa.extract.flow import Grid
from wsoa.extract.webpage import read_html
from wsoa.extract.wordfile import read_docx
from wsoa.normalise.status import Legend, rows_say_status

HEADER = ["Ref", "Action", "Lead officer", "Target date", "Status"]
WIDTHS = [40, 260, 140, 90, 90]


def _rows(status: list[Any]) -> list[list[Any]]:
    return [[f"1.{i + 1}", f"Deliver improvement number {i + 1} for children and young people",
             f"Head of Service {i + 1}", f"{i + 1} March 2024", s] for i, s in enumerate(status)]


def _dot(hex_code: str) -> Drawing:
    d = Drawing(12, 12)
    d.add(Circle(6, 6, 5, fillColor=colors.HexColor("#" + hex_code), strokeColor=None))
    return d


def _swatch(hex_code: str) -> Drawing:
    d = Drawing(12, 10)
    d.add(Rect(0, 0, 12, 10, fillColor=colors.HexColor("#" + hex_code), strokeColor=None))
    return d


def _pdf(path: Path, before: list[Any], rows: list[list[Any]], after: list[Any] = (),
         styles: list[tuple] = ()) -> Path:
    """A landscape plan: flowables before, one gridded action table (cells may be drawings), flowables after."""
    doc = SimpleDocTemplate(str(path), pagesize=landscape(A4), leftMargin=36, rightMargin=36, topMargin=36,
                            bottomMargin=36)
    data = [[Paragraph(h, HEAD) for h in HEADER]]
    data += [[c if isinstance(c, Drawing) else Paragraph(str(c), CELL) if c else "" for c in r] for r in rows]
    table = Table(data, colWidths=WIDTHS)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               *styles]))
    doc.build([Paragraph("Priority 1: Communication", STYLES["Heading1"]), *before, Spacer(1, 12), table, *after])
    return path


def test_a_coloured_dot_in_a_status_cell_is_that_colours_status(tmp_path):
    pdf = _pdf(tmp_path / "dots.pdf", [], _rows([_dot("00B050"), _dot("FFC000"), _dot("FF0000"), _dot("0070C0")]))
    assert [a.rag for a in extract(pdf).actions] == ["green", "amber", "red", "blue"]


def test_a_black_bullet_in_a_status_cell_is_no_status(tmp_path):
    pdf = _pdf(tmp_path / "bullet.pdf", [], _rows([_dot("000000"), _dot("FF0000")]))
    assert [a.rag for a in extract(pdf).actions] == ["white", "red"]


def test_zebra_shading_is_not_a_status_and_a_status_fill_over_it_is(tmp_path):
    pale_blue, green, red, amber = (colors.HexColor(f"#{c}") for c in ("DDEBF7", "00B050", "FF0000", "FFC000"))
    backgrounds = {(4, 1): green, (4, 3): amber}
    for row in (2, 4):  # every other row shaded across the table
        backgrounds.update({(col, row): pale_blue for col in range(5)})
    backgrounds[(4, 2)] = red  # a status drawn over the shading
    pdf = build_plan(tmp_path / "zebra.pdf", HEADER, _rows([""] * 4), backgrounds=backgrounds, col_widths=WIDTHS)
    assert [a.rag for a in extract(pdf).actions] == ["green", "red", "amber", "white"]


# words whose plain meaning differs from what these documents' legends say
LEGEND_ROWS = ["Delivered", "Behind plan", "Stalled", "Waiting"]
EXPECTED = ["green", "amber", "red", "blue"]


@pytest.mark.parametrize("lines", [
    ["Key to status", "Delivered – Green", "Behind plan – Amber", "Stalled – Red", "Waiting – Blue"],
    ["Key to status", "Green: Delivered", "Amber: Behind plan", "Red: Stalled", "Blue: Waiting"],
    ["Key to status", "Delivered (green)", "Behind plan (amber)", "Stalled (red)", "Waiting (blue)"],
])
def test_a_legend_of_lines_in_either_order_decides_the_words(tmp_path, lines):
    pdf = build_plan(tmp_path / "lines.pdf", HEADER, _rows(LEGEND_ROWS), before=lines, col_widths=WIDTHS)
    assert [a.rag for a in extract(pdf).actions] == EXPECTED


@pytest.mark.parametrize("sentence", [
    "Key: Delivered means green; Behind plan means amber; Stalled means red; Waiting means blue.",
    "Ratings used in this plan: green – delivered, amber – behind plan, red – stalled, blue – waiting.",
])
def test_a_legend_sentence_in_either_order_decides_the_words(tmp_path, sentence):
    pdf = build_plan(tmp_path / "sentence.pdf", HEADER, _rows(LEGEND_ROWS), before=[sentence], col_widths=WIDTHS)
    assert [a.rag for a in extract(pdf).actions] == EXPECTED


def _key_table(cells: list[list[Any]], fills: dict[tuple[int, int], str] = {}) -> Table:
    t = Table(cells, colWidths=[120, 60], hAlign="LEFT")
    t.setStyle(TableStyle([("BACKGROUND", pos, pos, colors.HexColor("#" + c)) for pos, c in fills.items()]))
    return t


def test_a_legend_table_of_meaning_beside_a_filled_cell_at_the_end(tmp_path):
    colours = ["00B050", "FFC000", "FF0000", "0070C0"]
    key = _key_table([[m, ""] for m in LEGEND_ROWS], {(1, i): c for i, c in enumerate(colours)})
    pdf = _pdf(tmp_path / "key-table.pdf", [], _rows(LEGEND_ROWS), after=[Spacer(1, 20), key])
    assert [a.rag for a in extract(pdf).actions] == EXPECTED


def test_a_legend_table_naming_the_colours(tmp_path):
    key = _key_table([[m, c.capitalize()] for m, c in zip(LEGEND_ROWS, EXPECTED)])
    pdf = _pdf(tmp_path / "key-names.pdf", [key], _rows(LEGEND_ROWS))
    assert [a.rag for a in extract(pdf).actions] == EXPECTED


def test_a_legend_of_swatches_beside_words_and_its_colours_first(tmp_path):
    # the key's own pale colours: a pale yellow the key calls "Waiting" is blue in this document
    colours = ["C6EFCE", "FFC000", "FF0000", "FFF2CC"]
    key = Table([[_swatch(c), m] for c, m in zip(colours, LEGEND_ROWS)], colWidths=[20, 120], hAlign="LEFT")
    pdf = _pdf(tmp_path / "swatches.pdf", [key], _rows([_dot(c) for c in colours]))
    assert [a.rag for a in extract(pdf).actions] == ["green", "amber", "red", "amber"]
    lg = Legend.default()
    assert lg.from_text("Waiting")[0] is None


@pytest.mark.parametrize("cell, status", [("Green – Jan 23", "green"), ("Amber (Mar 2024)", "amber"),
                                          ("Red 12/05/2023", "red")])
def test_status_and_date_in_one_cell_keep_the_status(tmp_path, cell, status):
    pdf = build_plan(tmp_path / "date.pdf", HEADER, _rows([cell, "Blue"]), col_widths=WIDTHS)
    assert [a.rag for a in extract(pdf).actions] == [status, "blue"]


def _first_grid(blocks: list) -> Grid:
    return next(b for b in blocks if isinstance(b, Grid))


def _hex_of(rgb: tuple[float, float, float] | None) -> str | None:
    return None if rgb is None else "".join(f"{round(v * 255):02X}" for v in rgb)


def test_html_cell_colours_from_style_bgcolor_class_and_a_dot(tmp_path):
    page = tmp_path / "plan.html"
    page.write_text("""<html><head><style>
      td.good { background-color: #C6EFCE; }  .bad{background:#FFC7CE}
    </style></head><body><table>
    <tr><td style="background-color: rgb(255, 235, 156)">a</td><td bgcolor="#DDEBF7">b</td>
        <td class="good">c</td><td class="x bad">d</td>
        <td><span class="dot" style="display:inline-block;border-radius:50%;background:#00B050"></span></td>
        <td><span style="color:#FF0000">&#9679;</span></td><td>plain</td></tr></table></body></html>""")
    cells = _first_grid(read_html(page)).rows[0]
    assert [_hex_of(c.rgb) for c in cells] == ["FFEB9C", "DDEBF7", "C6EFCE", "FFC7CE", "00B050", "FF0000", None]


def test_word_cell_colours_from_shading_and_a_coloured_dot(tmp_path):
    d = docx.Document()
    table = d.add_table(rows=1, cols=4)
    cells = table.rows[0].cells
    cells[0].text = "a"
    cells[0]._tc.get_or_add_tcPr().append(parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:fill="C6EFCE"/>'))
    run = cells[1].paragraphs[0].add_run("●")
    run.font.color.rgb = RGBColor.from_string("FFC000")
    cells[2].paragraphs[0].add_run("●")  # an uncoloured bullet: no status
    cells[3].text = "plain"
    d.save(tmp_path / "plan.docx")
    row = _first_grid(read_docx(tmp_path / "plan.docx")).rows[0]
    assert [_hex_of(c.rgb) for c in row] == ["C6EFCE", "FFC000", None, None]


def test_word_theme_shading_with_a_tint_reads_through_the_documents_theme(tmp_path):
    d = docx.Document()  # python-docx's template theme: accent3 is 9BBB59 (green), accent2 C0504D (red)
    row = d.add_table(rows=1, cols=2).rows[0].cells
    row[0]._tc.get_or_add_tcPr().append(parse_xml(
        f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:themeFill="accent3" w:themeFillTint="66"/>'))
    row[1]._tc.get_or_add_tcPr().append(parse_xml(
        f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:themeFill="accent2"/>'))
    d.save(tmp_path / "theme.docx")
    cells = _first_grid(read_docx(tmp_path / "theme.docx")).rows[0]
    assert [_hex_of(c.rgb) for c in cells] == ["D7E4BD", "C0504D"]
    assert [Legend.default().from_colour(c.rgb)[0] for c in cells] == ["green", "red"]


@pytest.mark.parametrize("text, status", [("Delive red", "blue"), ("Not yet st arted", "white"), ("On tr ack", "green"),
                                          ("Red", "red"), ("Gre en – Jan 23", "green")])
def test_a_status_word_wrapped_mid_word_in_a_narrow_column_is_one_word(text, status):
    assert Legend.default().from_text(text)[0] == status


def test_a_grey_dot_takes_the_status_its_legend_gives(tmp_path):
    key = ["Key to status", "Blue – Delivered", "Green – Progressing", "Red – Stalled", "Grey – Not yet started"]
    pdf = _pdf(tmp_path / "grey.pdf", [Paragraph(k, CELL) for k in key],
               _rows([_dot("B2B3B7"), _dot("00B050"), _dot("333333")]))
    assert [a.rag for a in extract(pdf).actions] == ["white", "green", "white"]


def test_whole_rows_filled_in_varying_status_colours_say_the_status(tmp_path):
    fills = ["00B050", "FF0000", "FFC000", "00B050"]
    backgrounds = {(col, row + 1): colors.HexColor("#" + c) for row, c in enumerate(fills) for col in range(5)}
    pdf = build_plan(tmp_path / "rows.pdf", HEADER, _rows([""] * 4), backgrounds=backgrounds, col_widths=WIDTHS)
    assert [a.rag for a in extract(pdf).actions] == ["green", "red", "amber", "green"]


def test_zebra_rows_alternate_and_status_rows_do_not():
    blue, green, red, grey = (0.87, 0.92, 0.97), (0.0, 0.69, 0.31), (1.0, 0.0, 0.0), (0.85, 0.85, 0.85)
    assert not rows_say_status([blue, None, blue, None, blue])      # zebra on white
    assert not rows_say_status([blue, green, blue, green])          # two-tone zebra
    assert not rows_say_status([grey, blue, grey, blue])            # grey says no status
    assert rows_say_status([green, red, red, green, blue])          # each row filled by its status


def test_a_legend_of_letters_naming_colour_and_meaning(tmp_path):
    lines = ["Key to status", "D – Green: delivered", "S – Red: stalled", "W – Amber: waiting", "P – Blue: planned"]
    pdf = build_plan(tmp_path / "letters.pdf", HEADER, _rows(["D", "S", "W", "P"]), before=lines, col_widths=WIDTHS)
    assert [a.rag for a in extract(pdf).actions] == ["green", "red", "amber", "blue"]


def test_a_legend_table_of_letters_beside_colour_and_meaning(tmp_path):
    key = _key_table([["D", "Green: delivered"], ["S", "Red: stalled"], ["W", "Amber: waiting"], ["P", "Blue: planned"]])
    pdf = _pdf(tmp_path / "letter-table.pdf", [key], _rows(["D", "S", "W", "P"]))
    assert [a.rag for a in extract(pdf).actions] == ["green", "red", "amber", "blue"]


def test_word_cell_colour_from_paragraph_shading_or_highlight(tmp_path):
    d = docx.Document()
    cells = d.add_table(rows=1, cols=3).rows[0].cells
    p = cells[0].paragraphs[0]
    p.add_run("On track")
    p._p.get_or_add_pPr().append(parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:fill="FFC7CE"/>'))
    run = cells[1].paragraphs[0].add_run("Jan 2024")
    run._r.get_or_add_rPr().append(parse_xml(f'<w:highlight {nsdecls("w")} w:val="green"/>'))
    cells[2].text = "plain"
    d.save(tmp_path / "para.docx")
    row = _first_grid(read_docx(tmp_path / "para.docx")).rows[0]
    assert [Legend.default().from_colour(c.rgb)[0] if c.rgb else None for c in row] == ["red", "green", None]


def test_html_colour_on_an_element_inside_the_cell(tmp_path):
    page = tmp_path / "inner.html"
    page.write_text('<html><body><table><tr><td><div style="background-color:#FFC000">Mar 2024</div></td>'
                    '<td><p>text</p></td></tr></table></body></html>')
    cells = _first_grid(read_html(page)).rows[0]
    assert [_hex_of(c.rgb) for c in cells] == ["FFC000", None]


@pytest.mark.parametrize("cell, status", [
    ("Blue – August 2022\nGreen – Dec 2022", "green"),            # the worst of red, amber, green present
    ("Grey – August 2023\nBlue – December 2023", "white"),        # no red, amber or green: white
    ("Blue – Jan 2023\nBlue – Mar 2023", "blue"),                 # every one blue
    ("Red – Jul 2023\nAmber – Nov 2023\nGreen – Mar 2024", "red"),
])
def test_several_statuses_with_dates_in_one_cell_give_the_action_status_of_its_milestones(tmp_path, cell, status):
    pdf = build_plan(tmp_path / "dated.pdf", HEADER, _rows([cell, "Amber"]), col_widths=WIDTHS)
    assert [a.rag for a in extract(pdf).actions] == [status, "amber"]


def test_a_named_swatch_is_the_documents_colour_for_that_status_even_far_from_the_usual_one(tmp_path):
    # a peach the key calls red: nearer the usual amber tints than any red, but this document says red
    colours = {"Red": "F9CFBF", "Amber": "FFE8A9", "Green": "C6DDD3", "Blue": "DAE3EF"}
    key = Table([[_swatch(c), f"{name} – {meaning}"] for (name, c), meaning in
                 zip(colours.items(), ["Stalled", "Behind plan", "Progressing", "Delivered"])],
                colWidths=[20, 160], hAlign="LEFT")
    pdf = _pdf(tmp_path / "peach.pdf", [key], _rows([_dot(c) for c in colours.values()]))
    assert [a.rag for a in extract(pdf).actions] == ["red", "amber", "green", "blue"]
