"""Word (.docx) documents as blocks for `flow.layout`, read natively with python-docx:
paragraph styles (headings, lists, bold), tables with their spans, merges and cell shading."""
from __future__ import annotations

import re
from pathlib import Path

import docx
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph as DocxParagraph
from lxml import etree

from wsoa.extract.flow import BODY, Block, Grid, GridCell, Para
from wsoa.normalise.status import RGB, is_mark

A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"

HEADING_SIZE = {"title": 20.0, "heading 1": 16.0, "heading 2": 14.0, "heading 3": 12.5, "heading 4": 11.5}


def _para(p: DocxParagraph, numbers: Numbering | None = None) -> Para | None:
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
    mark = numbers.mark(p) if numbers is not None and item else None
    return Para(text, size, bool(bold), bool(item), 0 if bold else len(" ".join(opening).split()), mark or "\u2022")


ROMAN = [(10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]


def _roman(n: int) -> str:
    out = ""
    for value, letters in ROMAN:
        while n >= value:
            out, n = out + letters, n - value
    return out


def _formatted(n: int, kind: str) -> str | None:
    """A list number in a level's format (decimal, letters, roman numerals); None for a bullet or unknown."""
    if kind in ("decimal", "decimalZero"):
        return str(n) if kind == "decimal" else f"{n:02d}"
    if kind in ("lowerLetter", "upperLetter") and 0 < n <= 26:
        letter = chr(ord("a") + n - 1)
        return letter if kind == "lowerLetter" else letter.upper()
    if kind in ("lowerRoman", "upperRoman") and 0 < n < 40:
        return _roman(n) if kind == "lowerRoman" else _roman(n).upper()
    return None


class Numbering:
    """Word's automatic list numbers: each numbered paragraph's mark as Word prints it ("3.", "1.2", "b)"),
    counted in reading order per list and level (a level restarts under a new item of the level above)."""

    def __init__(self, document) -> None:
        try:
            self.root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            self.root = None
        self.counts: dict[str, list[int]] = {}
        self.formats: dict[str, dict[int, tuple[str, str, int]]] = {}   # each list's levels, read once

    def _levels(self, num_id: str) -> dict[int, tuple[str, str, int]]:
        """Level -> (number format, level text such as "%1.", start), overrides of the list applied."""
        num = next((n for n in self.root.iterchildren(qn("w:num")) if n.get(qn("w:numId")) == num_id), None)
        ab_el = num.find(qn("w:abstractNumId")) if num is not None else None
        ab_id = ab_el.get(qn("w:val")) if ab_el is not None else None
        abstract = next((a for a in self.root.iterchildren(qn("w:abstractNum"))
                         if a.get(qn("w:abstractNumId")) == ab_id), None)
        out: dict[int, tuple[str, str, int]] = {}
        for lvl in abstract.iterchildren(qn("w:lvl")) if abstract is not None else ():
            val = {tag: (lvl.find(qn(f"w:{tag}")).get(qn("w:val")) if lvl.find(qn(f"w:{tag}")) is not None else None)
                   for tag in ("numFmt", "lvlText", "start")}
            level = int(lvl.get(qn("w:ilvl"), "0"))
            out[level] = (val["numFmt"] or "decimal", val["lvlText"] or "", int(val["start"] or 1))
        for over in num.iterchildren(qn("w:lvlOverride")) if num is not None else ():
            start = over.find(qn("w:startOverride"))
            level = int(over.get(qn("w:ilvl"), "0"))
            if start is not None and level in out:
                out[level] = (out[level][0], out[level][1], int(start.get(qn("w:val"))))
        return out

    def mark(self, p: DocxParagraph) -> str | None:
        """The paragraph's printed number, counting it; None for a bullet or a paragraph of no list."""
        num_id, level = _num_pr(p)
        if self.root is None or num_id is None:
            return None
        if num_id not in self.formats:
            self.formats[num_id] = self._levels(num_id)
        levels = self.formats[num_id]
        if level not in levels or levels[level][0] in ("bullet", "none"):
            return None
        counts = self.counts.setdefault(num_id, [0] * 9)
        counts[level] = counts[level] + 1 if counts[level] else levels[level][2]
        counts[level + 1:] = [0] * (8 - level)
        text = levels[level][1]
        for k in range(level + 1):
            shown = _formatted(counts[k] or levels.get(k, ("decimal", "", 1))[2], levels.get(k, ("decimal",))[0])
            if f"%{k + 1}" in text and shown is None:
                return None
            text = text.replace(f"%{k + 1}", shown or "")
        return text.strip() or None


def _num_pr(p: DocxParagraph) -> tuple[str | None, int]:
    """The list and level of a paragraph's numbering: its own, else its style's (or a style it is based on)."""
    sources = [p._p.pPr] + [s.element.pPr for s in _styles(p)]
    for pr in sources:
        num = pr.numPr if pr is not None else None
        if num is not None and num.numId is not None:
            return str(num.numId.val), int(num.ilvl.val) if num.ilvl is not None else 0
    return None, 0


def _styles(p: DocxParagraph) -> list:
    out, style = [], p.style
    while style is not None and len(out) < 10:
        out.append(style)
        style = style.base_style
    return out


def _hex(code: str | None) -> RGB | None:
    if not code or not re.fullmatch(r"[0-9A-Fa-f]{6}", code) or code.lower() == "ffffff":
        return None
    return tuple(int(code[i:i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]


def _themed(rgb: RGB, tint: str | None, shade: str | None) -> RGB:
    """A theme colour lightened by a tint or darkened by a shade (hex 00-FF), as Word draws it."""
    if tint:
        t = int(tint, 16) / 255
        rgb = tuple(v * t + (1 - t) for v in rgb)  # type: ignore[assignment]
    if shade:
        rgb = tuple(v * int(shade, 16) / 255 for v in rgb)  # type: ignore[assignment]
    return rgb


HIGHLIGHT = {"yellow": "FFFF00", "green": "00FF00", "cyan": "00FFFF", "magenta": "FF00FF", "blue": "0000FF",
             "red": "FF0000", "darkBlue": "000080", "darkCyan": "008080", "darkGreen": "008000",
             "darkMagenta": "800080", "darkRed": "800000", "darkYellow": "808000", "darkGray": "808080",
             "lightGray": "C0C0C0"}  # Word's fixed highlight palette (ST_HighlightColor)


def _shading(shd, theme: dict[str, str]) -> RGB | None:
    """A w:shd element's colour: its fill, else its theme colour with tint or shade; None for none or white."""
    if shd is None:
        return None
    fill = shd.get(qn("w:fill"))
    if fill and fill.lower() != "auto":
        return _hex(fill)
    themed = _hex(theme.get(shd.get(qn("w:themeFill")) or ""))
    return None if themed is None else _themed(themed, shd.get(qn("w:themeFillTint")), shd.get(qn("w:themeFillShade")))


def _rgb(tc, theme: dict[str, str]) -> RGB | None:
    """A cell's colour: its shading, else a paragraph's or a run's shading or highlight, else the colour
    of a mark glyph (a coloured dot) in it."""
    pr = tc.tcPr
    own = _shading(pr.find(qn("w:shd")) if pr is not None else None, theme)
    if own is not None:
        return own
    for p_pr in tc.iter(qn("w:pPr")):
        shaded = _shading(p_pr.find(qn("w:shd")), theme)
        if shaded is not None:
            return shaded
    for r in tc.iter(qn("w:r")):
        r_pr = r.find(qn("w:rPr"))
        text = "".join(t.text or "" for t in r.iter(qn("w:t")))
        if r_pr is None or not text.strip():
            continue
        light = r_pr.find(qn("w:highlight"))
        shaded = _shading(r_pr.find(qn("w:shd")), theme) or _hex(HIGHLIGHT.get(
            light.get(qn("w:val")) if light is not None else "", ""))
        colour = r_pr.find(qn("w:color"))
        rgb = _hex(colour.get(qn("w:val"))) if colour is not None else None
        if shaded is not None or is_mark(text, rgb):
            return shaded or rgb
    return None


THEME_NAMES = {"dk1": "text1", "lt1": "background1", "dk2": "text2", "lt2": "background2"}


def theme_colours(document) -> dict[str, str]:
    """The document theme's colours by the names shading uses ("accent1", "text1", ...) as hex."""
    for rel in document.part.rels.values():
        if rel.reltype.endswith("/theme"):
            root = etree.fromstring(rel.target_part.blob)
            scheme = root.find(".//a:clrScheme", {"a": A_NS})
            if scheme is None:
                return {}
            out: dict[str, str] = {}
            for el in scheme:
                name = etree.QName(el).localname
                value = next((c.get("lastClr") or c.get("val") for c in el), None)
                if value:
                    out[THEME_NAMES.get(name, name)] = value
                    out[name] = value
            return out
    return {}


def _grid(tbl, parent, theme: dict[str, str]) -> Grid:
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
                                _rgb(tc, theme))
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
    theme, numbers = theme_colours(document), Numbering(document)
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            p = _para(DocxParagraph(child, document), numbers)
            if p:
                blocks.append(p)
        elif child.tag == qn("w:tbl"):
            blocks.append(_grid(child, document, theme))
    return blocks
