"""Word (.docx) documents as blocks for `flow.layout`, read natively with python-docx:
paragraph styles (headings, lists, bold), tables with their spans, merges and cell shading."""
from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph as DocxParagraph

from wsoa.extract.flow import BODY, Block, Grid, GridCell, Para
from wsoa.normalise.status import RGB

HEADING_SIZE = {"title": 20.0, "heading 1": 16.0, "heading 2": 14.0, "heading 3": 12.5, "heading 4": 11.5}


def _para(p: DocxParagraph) -> Para | None:
    text = " ".join(p.text.split())
    if not text:
        return None
    style = (p.style.name if p.style is not None else "").lower()
    size = HEADING_SIZE.get(style)
    if size is None:
        sizes = [r.font.size.pt for r in p.runs if r.font.size is not None and r.text.strip()]
        size = max(sizes) if sizes else BODY
    runs = [r for r in p.runs if r.text.strip()]
    bold = style in HEADING_SIZE or bool(runs) and all(r.bold or (r.style is not None and r.style.font.bold) for r in runs)
    item = "list" in style or p._p.pPr is not None and p._p.pPr.numPr is not None
    opening = []
    for r in runs:
        if not (r.bold or (r.style is not None and r.style.font.bold)):
            break
        opening.append(r.text)
    return Para(text, size, bool(bold), bool(item), 0 if bold else len(" ".join(opening).split()))


def _rgb(tc) -> RGB | None:
    pr = tc.tcPr
    shd = pr.find(qn("w:shd")) if pr is not None else None
    fill = shd.get(qn("w:fill")) if shd is not None else None
    if not fill or fill.lower() in ("auto", "ffffff"):
        return None
    return tuple(int(fill[i:i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]


def _grid(tbl, parent) -> Grid:
    widths = [int(c.get(qn("w:w"), 1440)) / 20 for c in tbl.tblGrid.iterchildren(qn("w:gridCol"))]
    grid = Grid(widths=widths or [100.0])
    open_cells: dict[int, GridCell] = {}  # grid column -> the cell a vertical merge continues
    for tr in tbl.tr_lst:
        row: list[GridCell] = []
        col = 0
        for tc in tr.tc_lst:
            span = tc.grid_span
            if tc.vMerge == "continue" and col in open_cells:
                open_cells[col].rowspan += 1
            else:
                cell = GridCell(col, span, 1, [p for p in (_para(DocxParagraph(x, parent)) for x in tc.p_lst) if p],
                                _rgb(tc))
                row.append(cell)
                if tc.vMerge == "restart":
                    open_cells[col] = cell
                else:
                    open_cells.pop(col, None)
            col += span
        grid.rows.append(row)
    return grid


def read_docx(path: str | Path) -> list[Block]:
    """The document body's paragraphs and tables, in order."""
    document = docx.Document(str(path))
    blocks: list[Block] = []
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            p = _para(DocxParagraph(child, document))
            if p:
                blocks.append(p)
        elif child.tag == qn("w:tbl"):
            blocks.append(_grid(child, document))
    return blocks
