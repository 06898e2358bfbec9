"""Draw blocks straight to PDF with reportlab (platypus tables; fonts Helvetica/Times/Courier/DejaVu)."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Callable
from xml.sax.saxutils import escape

from reportlab.graphics.shapes import Circle, Drawing
from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from stress.blocks import Cell, Para, TableBlock, document
from stress.plan import Plan

rl_config.invariant = 1  # no creation date or random id in the file: the same plan gives the same bytes
DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
FONTS = {"Helvetica": ("Helvetica", "Helvetica-Bold"), "Times": ("Times-Roman", "Times-Bold"),
         "Courier": ("Courier", "Courier-Bold"), "DejaVu": ("DejaVuSans", "DejaVuSans-Bold")}
MARGIN = {"narrow": 28, "normal": 54, "wide": 86}
ALIGN = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT}
DARK = {"1F3864", "305496"}


def fonts(name: str) -> tuple[str, str]:
    """The regular and bold font names, registering DejaVu from the system fonts (Helvetica if absent)."""
    if name == "DejaVu":
        if not (DEJAVU / "DejaVuSans.ttf").exists():
            return FONTS["Helvetica"]
        if "DejaVuSans" not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont("DejaVuSans", str(DEJAVU / "DejaVuSans.ttf")))
            pdfmetrics.registerFont(TTFont("DejaVuSans-Bold", str(DEJAVU / "DejaVuSans-Bold.ttf")))
    return FONTS[name]


def colour(hexa: str, cmyk: bool) -> Any:
    rgb = colors.HexColor("#" + hexa)
    if not cmyk:
        return rgb
    r, g, b = rgb.red, rgb.green, rgb.blue
    k = 1 - max(r, g, b)
    if k >= 1:
        return colors.CMYKColor(0, 0, 0, 1)
    return colors.CMYKColor((1 - r - k) / (1 - k), (1 - g - k) / (1 - k), (1 - b - k) / (1 - k), k)


class Styler:
    """Paragraph styles and cell flowables for one plan's font, size and colour space."""

    def __init__(self, plan: Plan) -> None:
        lay = plan.layout
        self.regular, self.bold = fonts(lay["font"])
        self.size, self.cmyk = lay["size"], lay["colour_space"] == "cmyk"
        self.unicode = lay["font"] == "DejaVu" and self.regular == "DejaVuSans"

    def text(self, s: str) -> str:
        s = escape(s)
        return s if self.unicode else s.replace("→", "-&gt;")

    def style(self, bold: bool = False, align: str = "left", extra: float = 0, white: bool = False) -> ParagraphStyle:
        return ParagraphStyle("s", fontName=self.bold if bold else self.regular, fontSize=self.size + extra,
                              leading=(self.size + extra) * 1.2, alignment=ALIGN[align],
                              textColor=colors.white if white else colors.black)

    def cell(self, c: Cell) -> Any:
        if c.covered:
            return ""
        if c.shape:
            d = Drawing(self.size * 1.6, self.size * 1.6)
            d.add(Circle(self.size * 0.8, self.size * 0.8, self.size * 0.6, fillColor=colour(c.shape, self.cmyk),
                         strokeColor=None))
            return d
        lines = [self.text(x) for x in c.lines]
        if c.struck and lines:
            lines[0] = f"<strike>{lines[0]}</strike>"
        if c.bullets:
            lines = [f"• {x}" for x in lines]
        return Paragraph("<br/>".join(lines), self.style(c.bold, c.align, white=c.fill in DARK))


RULES = {"full": [("GRID", (0, 0), (-1, -1), 0.5, colors.black)],
         "horizontal": [("LINEBELOW", (0, 0), (-1, -1), 0.5, colors.black),
                        ("LINEABOVE", (0, 0), (-1, 0), 0.5, colors.black)],
         "vertical": [("LINEBEFORE", (0, 0), (-1, -1), 0.5, colors.black),
                      ("LINEAFTER", (-1, 0), (-1, -1), 0.5, colors.black)],
         "none": []}


def table(t: TableBlock, st: Styler, width: float, plan: Plan, body_spans: bool = True) -> Table:
    """A platypus table; without `body_spans`, a cell merged down is drawn as its first cell with the rules
    inside the merge painted out (reportlab cannot split a merged block across pages)."""
    lay = plan.layout
    data = [[st.cell(c) for c in r.cells] for r in t.rows]
    cmds: list[tuple] = [("VALIGN", (0, 0), (-1, -1), "TOP")] + (RULES[lay["grid"]] if t.header_rows else
                                                                   RULES["full"])
    for y, r in enumerate(t.rows):
        for x, c in enumerate(r.cells):
            if c.fill:
                cmds.append(("BACKGROUND", (x, y), (x, y), colour(c.fill, st.cmyk)))
            if c.rowspan > 1 and y >= t.header_rows and not body_spans:
                cmds.append(("LINEBELOW", (x, y), (x, y + c.rowspan - 2), 1, colors.white))
            elif c.colspan > 1 or c.rowspan > 1:
                cmds.append(("SPAN", (x, y), (x + c.colspan - 1, y + c.rowspan - 1)))
    repeat = t.header_rows if lay["repeat_header"] == "yes" else 0
    return Table(data, colWidths=[w * width for w in t.widths], style=TableStyle(cmds), repeatRows=repeat,
                 splitInRow=1 if lay["row_cut"] == "yes" else 0)


def para(p: Para, st: Styler, width: float) -> Any:
    extra, bold = {"title": (6, True), "heading": (2, True)}.get(p.style, (0, False))
    flow = Paragraph(st.text(p.text), st.style(bold, extra=extra))
    if not p.swatch:
        return flow
    box = Table([["", flow]], colWidths=[st.size * 1.4, width - st.size * 1.4],
                style=TableStyle([("BACKGROUND", (0, 0), (0, 0), colour(p.swatch, st.cmyk))]))
    box.hAlign = "LEFT"
    return box


def furniture(plan: Plan, font: str, size: float, title: str | None = "Written Statement of Action"
              ) -> Callable[[Any, Any], None]:
    """The page callback: running header, footer (with the document's `title`, if any) and page number as the
    layout says, in the plan's `font` a point under its `size`."""
    kind = plan.layout["furniture"]

    def draw(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(font, max(size - 1, 6))
        w, h = doc.pagesize
        if kind in ("header", "both"):
            canvas.drawString(doc.leftMargin, h - doc.topMargin / 2, f"{plan.place} SEND Partnership – OFFICIAL")
        if kind in ("footer", "both"):
            canvas.drawRightString(w - doc.rightMargin, doc.bottomMargin / 2, f"Page {doc.page}")
            if title:
                canvas.drawString(doc.leftMargin, doc.bottomMargin / 2, title)
        canvas.restoreState()
    return draw


def write(plan: Plan, path: Path) -> Path:
    lay = plan.layout
    st = Styler(plan)
    size = landscape(A4) if lay["orientation"] == "landscape" else A4
    m = MARGIN[lay["margins"]]
    doc = SimpleDocTemplate(str(path), pagesize=size, leftMargin=m, rightMargin=m, topMargin=m, bottomMargin=m,
                            title=f"{plan.place} WSoA")
    width, page = size[0] - 2 * m, furniture(plan, st.regular, st.size)
    try:
        doc.build(story(plan, st, width, True), onFirstPage=page, onLaterPages=page)
    except Exception:  # noqa: BLE001 - reportlab fails (oddly) on a merged block taller than a page
        doc.build(story(plan, st, width, False), onFirstPage=page, onLaterPages=page)
    return path


def story(plan: Plan, st: Styler, width: float, body_spans: bool) -> list[Any]:
    out: list[Any] = []
    for b in document(plan):
        out.append(table(b, st, width, plan, body_spans) if isinstance(b, TableBlock) else para(b, st, width))
        out.append(Spacer(1, st.size * 0.6))
    return out
