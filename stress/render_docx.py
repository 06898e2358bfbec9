"""Write blocks as a Word file with python-docx (merged cells, shading, borders, repeated header rows)."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from stress.blocks import Cell, Para, TableBlock, document
from stress.plan import Plan

FAMILY = {"Helvetica": "Arial", "Times": "Times New Roman", "Courier": "Courier New", "DejaVu": "DejaVu Sans"}
MARGIN_MM = {"narrow": 10, "normal": 19, "wide": 30}
ALIGN = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER, "right": WD_ALIGN_PARAGRAPH.RIGHT}
DARK = {"1F3864", "305496"}
BORDERS = {"full": ("top", "left", "bottom", "right", "insideH", "insideV"),
           "horizontal": ("top", "bottom", "insideH"), "vertical": ("left", "right", "insideV"), "none": ()}


def _el(tag: str, **attrs: str) -> Any:
    e = OxmlElement(tag)
    for k, v in attrs.items():
        e.set(qn(f"w:{k}"), v)
    return e


def _shade(cell: Any, fill: str) -> None:
    cell._tc.get_or_add_tcPr().append(_el("w:shd", val="clear", color="auto", fill=fill))


def _borders(table: Any, grid: str) -> None:
    box = _el("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        on = side in BORDERS[grid]
        box.append(_el(f"w:{side}", val="single" if on else "nil", sz="4", space="0", color="000000"))
    table._tbl.tblPr.append(box)


def _fill_cell(cell: Any, c: Cell, size: int) -> None:
    first = cell.paragraphs[0]
    if c.shape:
        run = first.add_run("●")
        run.font.color.rgb, run.font.size = RGBColor.from_string(c.shape), Pt(size + 3)
    for k, line in enumerate(c.lines):
        p = first if k == 0 else cell.add_paragraph()
        if c.bullets:
            p.style = "List Bullet"
        run = p.add_run(line)
        run.bold, run.font.strike, run.font.size = c.bold, bool(c.struck) and k == 0, Pt(size)
        if c.fill in DARK:
            run.font.color.rgb = RGBColor(255, 255, 255)
        p.alignment = ALIGN[c.align]
    if c.fill:
        _shade(cell, c.fill)


def _row_props(row: Any, header: bool, lay: dict[str, Any]) -> None:
    pr = row._tr.get_or_add_trPr()
    if header and lay["repeat_header"] == "yes":
        pr.append(_el("w:tblHeader", val="true"))
    if lay["row_cut"] == "no":
        pr.append(_el("w:cantSplit", val="true"))


def table(d: Any, t: TableBlock, width_mm: float, plan: Plan) -> None:
    lay, size = plan.layout, plan.layout["size"]
    tab = d.add_table(rows=len(t.rows), cols=len(t.widths))
    _borders(tab, lay["grid"] if t.header_rows else "full")
    for y, r in enumerate(t.rows):
        _row_props(tab.rows[y], y < t.header_rows, lay)
        for x, c in enumerate(r.cells):
            tab.cell(y, x).width = Mm(width_mm * t.widths[x])
            if not c.covered:
                _fill_cell(tab.cell(y, x), c, size)
    for y, r in enumerate(t.rows):
        for x, c in enumerate(r.cells):
            if c.colspan > 1 or c.rowspan > 1:
                tab.cell(y, x).merge(tab.cell(y + c.rowspan - 1, x + c.colspan - 1))


def para(d: Any, p: Para, size: int) -> None:
    if p.style in ("title", "heading"):
        h = d.add_heading(level=1 if p.style == "title" else 2)
        run = h.add_run(p.text)
        run.font.size = Pt(size + (6 if p.style == "title" else 2))
        return
    out = d.add_paragraph()
    if p.swatch:
        run = out.add_run("■ ")
        run.font.color.rgb = RGBColor.from_string(p.swatch)
    out.add_run(p.text).font.size = Pt(size)


def _page(d: Any, plan: Plan) -> float:
    """Orientation, margins, running header/footer with a page number; returns the text width in mm."""
    lay, sec = plan.layout, d.sections[0]
    w, h = (Mm(297), Mm(210)) if lay["orientation"] == "landscape" else (Mm(210), Mm(297))
    sec.orientation = WD_ORIENT.LANDSCAPE if lay["orientation"] == "landscape" else WD_ORIENT.PORTRAIT
    sec.page_width, sec.page_height = w, h
    m = MARGIN_MM[lay["margins"]]
    sec.left_margin = sec.right_margin = sec.top_margin = sec.bottom_margin = Mm(m)
    if lay["furniture"] in ("header", "both"):
        sec.header.paragraphs[0].text = f"{plan.place} SEND Partnership – OFFICIAL"
    if lay["furniture"] in ("footer", "both"):
        p = sec.footer.paragraphs[0]
        p.add_run("Written Statement of Action – page ")
        run = p.add_run()
        for el in (_el("w:fldChar", fldCharType="begin"), _el("w:instrText"), _el("w:fldChar", fldCharType="end")):
            run._r.append(el)
        run._r[1].text = "PAGE"
    return (297 if lay["orientation"] == "landscape" else 210) - 2 * m


def write(plan: Plan, path: Path) -> Path:
    d = docx.Document()
    normal = d.styles["Normal"]
    normal.font.name, normal.font.size = FAMILY[plan.layout["font"]], Pt(plan.layout["size"])
    width = _page(d, plan)
    for b in document(plan):
        table(d, b, width, plan) if isinstance(b, TableBlock) else para(d, b, plan.layout["size"])
    d.core_properties.title = f"{plan.place} WSoA"
    d.save(str(path))
    return path
