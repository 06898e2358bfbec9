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


def build_letter(path: Path, area: str, weaknesses: list[str], *, intro: str | None = None,
                 extra: list[str] = ()) -> Path:
    """Write an old-framework outcome letter: date, salutation, findings, then the list of significant weaknesses."""
    doc = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=56, rightMargin=56, topMargin=56, bottomMargin=56)
    body = STYLES["BodyText"]
    story: list[Any] = [Paragraph("14 June 2021", body), Spacer(1, 12), Paragraph("Dear Director", body),
                        Paragraph(f"<b>Joint area SEND inspection in {area}</b>", body),
                        Paragraph("Between 10 May 2021 and 14 May 2021, Ofsted and the Care Quality Commission (CQC) "
                                  f"conducted a joint inspection of the local area of {area}.", body)]
    story += [Paragraph(t, body) for t in extra]
    story.append(Paragraph(intro or "The inspection raises significant concerns about the effectiveness of the area. "
                           "The area is required to produce and submit a WSOA to Ofsted that explains how it will "
                           "tackle the following areas of significant weakness:", body))
    for w in weaknesses:
        story.append(Paragraph(w, body, bulletText="\u2022"))
    story.append(Paragraph("Yours sincerely", body))
    doc.build(story)
    return path


def build_prose(path: Path, parts: list[tuple[str, str]]) -> Path:
    """Write a prose document from (style, text) parts; style: body, bold, bullet or heading."""
    doc = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=56, rightMargin=56, topMargin=56, bottomMargin=56)
    body = STYLES["BodyText"]
    story: list[Any] = []
    for style, text in parts:
        if style == "bullet":
            story.append(Paragraph(text, body, bulletText="\u2022"))
        elif style == "bold":
            story.append(Paragraph(f"<b>{text}</b>", body))
        elif style == "heading":
            story.append(Paragraph(text, STYLES["Heading2"]))
        else:
            story.append(Paragraph(text, body))
    doc.build(story)
    return path


def build_sections(path: Path, title: list[str], header: list[str],
                   sections: list[tuple[str, list[list[Any]]]]) -> Path:
    """A landscape plan of several sections: title paragraphs, then per section a heading and a ruled table."""
    doc = SimpleDocTemplate(str(path), pagesize=landscape(A4), leftMargin=36, rightMargin=36,
                            topMargin=36, bottomMargin=36)
    story: list[Any] = [Paragraph(t, STYLES["BodyText"]) for t in title]
    for heading, rows in sections:
        story += [Spacer(1, 10), Paragraph(heading, STYLES["Heading2"]), Spacer(1, 6)]
        data = [[Paragraph(h, HEAD) for h in header]] + [[Paragraph(str(c), CELL) for c in r] for r in rows]
        table = Table(data, repeatRows=1)
        table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
        story.append(table)
    doc.build(story)
    return path
