"""2023-framework area SEND reports built in the layouts Ofsted and others use for the two lists (Ofsted's
two-column table, one paragraph per item, bullets with sub-bullets of any glyph), with the truth
computed from the model: items in order, sub-bullets joined into their item, empty bullets nothing."""
from __future__ import annotations

import html
import random
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

LAYOUTS = ("table", "paragraphs", "bullets")
GLYPHS = ("\u2022", "\u25cf", "\u25fc", "\u2013", "\u25aa")  # • ● ◼ – ▪
OUTCOMES = [
    "The local area partnership’s special educational needs and/or disabilities (SEND) arrangements typically "
    "lead to positive experiences and outcomes for children and young people with SEND.",
    "The local area partnership’s arrangements lead to inconsistent experiences and outcomes for children and "
    "young people with special educational needs and/or disabilities (SEND).",
    "There are widespread and/or systemic failings leading to significant concerns about the experiences and "
    "outcomes of children and young people with special educational needs and/or disabilities (SEND), which "
    "the local area partnership must address urgently.",
]
AREAS = ["Northshire", "Eastbrook", "West Marsh", "Kingsford-upon-Avon", "Lowdale"]
BODIES = ["{area} Council and NHS {area} Integrated Care Board", "{area} Council", "NHS {area} ICB"]
STEMS = ["Leaders across the partnership should", "The local area partnership should", "Leaders should"]
AIMS = ["improve the timeliness and quality of education, health and care plans",
        "reduce the waiting times for neurodevelopmental assessments and provide support while families wait",
        "strengthen the way they gather and use the views of children and young people",
        "ensure that the local offer is accurate, accessible and well known by families",
        "improve preparation for adulthood from the earliest age"]
SUBS = ["children waiting for speech and language therapy", "young people moving into adult services",
        "children who are electively home educated", "families whose first language is not English"]
NUMBERS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six"}


@dataclass
class Item:
    kind: str  # priority_action | improvement
    lead_in: str
    subs: list[str] = field(default_factory=list)
    tail: str = ""
    body: str | None = None

    @property
    def text(self) -> str:
        parts = [self.lead_in + (":" if self.subs else "")] + self.subs + ([self.tail] if self.tail else [])
        return " ".join(parts)


@dataclass
class Report:
    area: str
    dates: str
    start: str
    end: str
    outcome: str
    items: list[Item]
    layout: str
    glyph: str
    sub_glyph: str
    state_counts: bool
    empty_bullet: bool
    page_break_in_list: bool
    title_case: str = "title"
    misstate: int = 0  # added to the count the report states (a report that miscounts its own list)


def sample(seed: int, layout: str) -> Report:
    rnd = random.Random(seed)
    area = rnd.choice(AREAS)
    day = rnd.randint(1, 20)
    month, name = rnd.choice([(3, "March"), (6, "June"), (10, "October")])
    dates = rnd.choice([f"{day} to {day + 4} {name} 2023", f"{day}\u2013{day + 4} {name} 2023",
                        f"{day:02d}/{month:02d}/2023 to {day + 4:02d}/{month:02d}/2023"])
    outcome = rnd.randrange(3)
    items = []
    for kind, n in (("priority_action", rnd.randint(1, 3) if outcome else 0), ("improvement", rnd.randint(1, 4))):
        for k in range(n):
            subs = rnd.sample(SUBS, rnd.choice([0, 0, 2, 3]))
            items.append(Item(kind, f"{rnd.choice(STEMS)} {AIMS[(k + len(items)) % len(AIMS)]}", subs,
                              rnd.choice(["", "This should be overseen by the partnership board."])
                              if subs and layout != "paragraphs" else "",
                              rnd.choice(BODIES).format(area=area) if kind == "priority_action" else None))
    return Report(area, dates, f"2023-{month:02d}-{day:02d}", f"2023-{month:02d}-{day + 4:02d}", OUTCOMES[outcome],
                  items, layout, rnd.choice(GLYPHS), rnd.choice(GLYPHS), rnd.random() < 0.5, rnd.random() < 0.4,
                  rnd.random() < 0.5, rnd.choice(["title", "upper", "lower"]))


def truth(r: Report) -> list[dict]:
    return [{"id": f"W{i}", "kind": it.kind, "text": it.text, "responsible_body": it.body}
            for i, it in enumerate(r.items, start=1)]


def unicode_font() -> tuple[str, str]:
    """DejaVu where installed (it has every bullet glyph), else Helvetica."""
    for base in ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",):
        if Path(base).exists():
            pdfmetrics.registerFont(TTFont("DejaVu", base))
            pdfmetrics.registerFont(TTFont("DejaVu-Bold", base.replace("DejaVuSans", "DejaVuSans-Bold")))
            return "DejaVu", "DejaVu-Bold"
    return "Helvetica", "Helvetica-Bold"


def _title(r: Report) -> str:
    text = f"Area SEND inspection of {r.area} Local Area Partnership"
    return text.upper() if r.title_case == "upper" else text


def build_pdf(r: Report, path: Path) -> Path:
    regular, bold = unicode_font()
    ss = getSampleStyleSheet()
    body = ss["BodyText"].clone("b", fontName=regular, fontSize=10.5, leading=13)
    h1 = ss["Heading1"].clone("h1", fontName=bold, fontSize=16, leading=20)
    h2 = ss["Heading2"].clone("h2", fontName=bold, fontSize=13, leading=16)
    e = html.escape
    story = [Paragraph(e(_title(r)), h1), Paragraph(e(f"Inspection dates: {r.dates}"), body),
             Paragraph("Inspection outcome", h2), Paragraph(e(r.outcome), body),
             Paragraph("Information about the local area partnership", h2),
             Paragraph(e(f"{r.area} Council and the NHS integrated care board are jointly responsible for SEND "
                         "services in the area."), body), PageBreak()]
    for kind, heading in (("priority_action", "Areas for priority action"), ("improvement", "Areas for improvement")):
        items = [it for it in r.items if it.kind == kind]
        if not items:
            continue
        story.append(Paragraph(heading, h2))
        if r.state_counts:
            noun = heading.lower().replace("areas", "area" if len(items) == 1 else "areas")
            stated = NUMBERS[len(items) + r.misstate]
            story.append(Paragraph(e(f"The inspection identified {stated} {noun}."), body))
        story += _items(r, items, body, bold)
    SimpleDocTemplate(str(path), pagesize=A4, leftMargin=60, rightMargin=60, topMargin=60, bottomMargin=60).build(story)
    return path


def _items(r: Report, items: list[Item], body, bold: str) -> list:
    e = html.escape
    out: list = []
    if r.layout == "table":
        head = ["Responsible body", "Areas for priority action"] if items[0].kind == "priority_action" else \
            ["Areas for improvement"]
        rows = [[Paragraph(f"<font name='{bold}'>{h}</font>", body) for h in head]]
        for it in items:
            cell = [Paragraph(e(it.lead_in + (":" if it.subs else "")), body)]
            cell += [Paragraph(f"{r.sub_glyph} {e(s)}", body.clone("s", leftIndent=14)) for s in it.subs]
            cell += [Paragraph(e(it.tail), body)] if it.tail else []
            rows.append(([Paragraph(e(it.body or ""), body)] if len(head) == 2 else []) + [cell])
        t = Table(rows, colWidths=[130, 340] if len(head) == 2 else [470], repeatRows=1)
        t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
        return [t]
    for n, it in enumerate(items):
        if r.page_break_in_list and n == len(items) - 1 and n:
            out.append(PageBreak())
        lead = e(it.lead_in + (":" if it.subs else ""))
        out.append(Paragraph(f"{r.glyph} {lead}" if r.layout == "bullets" else lead, body))
        out += [Paragraph(f"{r.sub_glyph} {e(s)}", body.clone("s", leftIndent=24)) for s in it.subs]
        if it.tail:
            out.append(Paragraph(e(it.tail), body.clone("t", leftIndent=12 if r.layout == "bullets" else 0)))
        if it.body:
            out.append(Paragraph(e(f"Responsible body: {it.body}"), body))
        if r.empty_bullet and r.layout == "bullets" and n == 0:
            out.append(Paragraph(r.glyph, body))
        out.append(Spacer(1, 6))
    return out
