"""Small action-plan PDFs built with reportlab, one per layout trap, for the layout tests."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

STYLES = getSampleStyleSheet()
CELL = STYLES["BodyText"].clone("cell", fontSize=8, leading=10)
HEAD = STYLES["BodyText"].clone("head", fontSize=8.5, leading=10, fontName="Helvetica-Bold")


def build_plan(path: Path, header: list[str], rows: list[list[Any]], *, rules: str = "full",
               repeat_header: bool = True, spans: list[tuple[tuple[int, int], tuple[int, int]]] = (),
               backgrounds: dict[tuple[int, int], Any] | None = None, before: list[str] = (),
               heading: str = "Priority 1: Communication", col_widths: list[float] | None = None) -> Path:
    """Write a landscape PDF: a heading, some paragraphs, then one action table.

    rules: "full" (grid), "horizontal" (rules under each row only) or "none".
    rows: cell texts; a row index in `spans` is merged as in reportlab's SPAN (col, row) pairs,
    row 0 being the header. backgrounds: (col, row) -> reportlab colour.
    """
    doc = SimpleDocTemplate(str(path), pagesize=landscape(A4), leftMargin=36, rightMargin=36,
                            topMargin=36, bottomMargin=36)
    story: list[Any] = [Paragraph(heading, STYLES["Heading1"])]
    for text in before:
        story.append(Paragraph(text, STYLES["BodyText"]))
    story.append(Spacer(1, 12))
    data = [[Paragraph(h, HEAD) for h in header]]
    for r in rows:
        data.append([Paragraph(str(c).replace("\n", "<br/>"), CELL) if c is not None else "" for c in r])
    table = Table(data, repeatRows=1 if repeat_header else 0, colWidths=col_widths)
    style: list[tuple] = [("VALIGN", (0, 0), (-1, -1), "TOP")]
    if rules == "full":
        style.append(("GRID", (0, 0), (-1, -1), 0.5, colors.black))
    elif rules == "horizontal":
        style.append(("LINEBELOW", (0, 0), (-1, -1), 0.5, colors.black))
        style.append(("LINEABOVE", (0, 0), (-1, 0), 0.5, colors.black))
    for a, b in spans:
        style.append(("SPAN", a, b))
    for (c, r), colour in (backgrounds or {}).items():
        style.append(("BACKGROUND", (c, r), (c, r), colour))
    table.setStyle(TableStyle(style))
    story.append(table)
    doc.build(story)
    return path
