"""Priority action plans written as cards or prose (not tables), built in several forms, wordings,
fonts and renderers, with the truth computed from the plan model (never from the rendering)."""
from __future__ import annotations

import datetime as dt
import html
import random
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

FORMS = ("colon-lines", "bold-labels", "key-value", "prose", "heading-per-action")
FONTS = (("Helvetica", "Helvetica-Bold"), ("Times-Roman", "Times-Bold"), ("Courier", "Courier-Bold"))
LABELS = {
    "action": ["What we will do", "Action", "Planned action", "What will we do"],
    "lead": ["Lead", "Who is accountable", "Responsible officer", "Accountable lead", "Owner"],
    "start": ["Start", "Start date", "From"],
    "deadline": ["By when", "Deadline", "Target date", "Completion date", "Timescale"],
    "measures": ["Evidence of impact", "How will we know", "Success measures", "What success looks like"],
    "status": ["Status", "RAG rating", "Progress rating", "Current status"],
}
HEADINGS = ["Area for priority action {n}", "Priority {n}", "Area of weakness {n}", "Significant weakness {n}"]
STATUS_WORDS = {"green": "On track", "amber": "Some slippage", "red": "Off track", "blue": "Complete"}
VERBS = ["Agree", "Publish", "Recruit", "Train", "Review", "Launch", "Audit", "Introduce", "Extend", "Commission"]
OBJECTS = ["a joint protocol for requests for assessment", "two additional educational psychologists",
           "the local offer pages on preparing for adulthood", "the quality assurance of new EHC plans",
           "a single point of access for neurodevelopmental referrals", "termly multi-agency case audits",
           "training for SENCOs on graduated support", "the dashboard of waiting times for therapies",
           "a co-production charter with the parent carer forum", "the annual review tracking system"]
LEADS = ["Head of SEND, Council", "Designated Clinical Officer, ICB", "Principal Educational Psychologist",
         "Chair, Parent Carer Forum", "Assistant Director for Education", "Service Manager, NHS Trust"]
MEASURES = ["90% of new plans issued within 20 weeks", "Waiting times for assessment fall below 18 weeks",
            "Parent survey shows improved confidence", "All SENCOs trained by the end of term",
            "Audit grades good or better in 80% of cases"]
WEAKNESSES = ["Leaders do not have an accurate understanding of waiting times for therapies",
              "The quality of education, health and care plans is too variable",
              "Children and young people wait too long for neurodevelopmental assessments",
              "Co-production with families is not embedded in strategic planning"]


@dataclass
class CardAction:
    ref: str
    action: str
    lead: str
    start: dt.date
    deadline: dt.date
    measures: str
    rag: str


@dataclass
class CardPlan:
    priorities: list[tuple[str, list[CardAction]]] = field(default_factory=list)
    form: str = "colon-lines"
    labels: dict[str, str] = field(default_factory=dict)
    heading: str = HEADINGS[0]
    preamble: list[str] = field(default_factory=list)  # paragraphs after the title, e.g. a quoted outcome


def _month(d: dt.date) -> str:
    return d.strftime("%B %Y")


def sample_plan(seed: int, form: str) -> CardPlan:
    rnd = random.Random(seed)
    plan = CardPlan(form=form, labels={k: rnd.choice(v) for k, v in LABELS.items()}, heading=rnd.choice(HEADINGS))
    for p in range(1, rnd.randint(2, 3) + 1):
        acts = []
        for a in range(1, rnd.randint(2, 4) + 1):
            start = dt.date(2023, rnd.randint(1, 12), 1)
            end_month = start.month + rnd.randint(1, 10)
            end = dt.date(start.year + (end_month - 1) // 12, (end_month - 1) % 12 + 1, 1)
            last = (end.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
            acts.append(CardAction(f"{p}.{a}", f"{rnd.choice(VERBS)} {rnd.choice(OBJECTS)}", rnd.choice(LEADS),
                                   start, last, rnd.choice(MEASURES), rnd.choice(list(STATUS_WORDS))))
        plan.priorities.append((WEAKNESSES[p - 1], acts))
    return plan


def truth(plan: CardPlan) -> list[dict]:
    return [{"weakness_id": f"W{p}", "ref": a.ref, "action": a.action, "lead": a.lead,
             "start_dates": [a.start.isoformat()], "deadlines": [a.deadline.isoformat()], "measures": a.measures,
             "rag": a.rag} for p, (_, acts) in enumerate(plan.priorities, start=1) for a in acts]


def _fields(plan: CardPlan, a: CardAction) -> list[tuple[str, str]]:
    L = plan.labels
    return [(L["lead"], a.lead), (L["start"], _month(a.start)), (L["deadline"], _month(a.deadline)),
            (L["measures"], a.measures), (L["status"], STATUS_WORDS[a.rag])]


def blocks(plan: CardPlan) -> list[tuple[str, object]]:
    """The plan as renderer-neutral blocks: ("h1", text), ("h2", text), ("p", text), ("kv", [(k, v)]),
    ("fields", [(label, value)], bold_labels)."""
    out: list[tuple[str, object]] = [("h1", "Priority action plan"),
                                     ("p", "This plan sets out the actions the partnership will take in response "
                                           "to the inspection. Each action names a lead and a date.")]
    out += [("p", text) for text in plan.preamble]
    for p, (weakness, acts) in enumerate(plan.priorities, start=1):
        out.append(("h1", f"{plan.heading.format(n=p)}: {weakness}"))
        for a in acts:
            out += _action_blocks(plan, a)
    return out


def _action_blocks(plan: CardPlan, a: CardAction) -> list[tuple[str, object]]:
    f, L = plan.form, plan.labels
    if f == "prose":
        inline = " ".join(f"{k}: {v}." for k, v in _fields(plan, a))
        return [("p", f"{a.ref} {a.action}. {inline}")]
    if f == "heading-per-action":
        return [("h2", f"Action {a.ref}: {a.action}"), ("fields", _fields(plan, a), False)]
    rows = [(L["action"], f"{a.ref} {a.action}")] + _fields(plan, a)
    if f == "key-value":
        return [("kv", rows)]
    return [("fields", rows, f == "bold-labels")]


def build_pdf(plan: CardPlan, path: Path, font: tuple[str, str] = FONTS[0], size: float = 10) -> Path:
    ss = getSampleStyleSheet()
    body = ss["BodyText"].clone("b", fontName=font[0], fontSize=size, leading=size * 1.25)
    h1 = ss["Heading1"].clone("h1", fontName=font[1], fontSize=size + 4, leading=size * 1.6)
    h2 = ss["Heading2"].clone("h2", fontName=font[1], fontSize=size + 2, leading=size * 1.4)
    story: list = []
    for kind, *rest in blocks(plan):
        if kind in ("h1", "h2"):
            story.append(Paragraph(html.escape(rest[0]), h1 if kind == "h1" else h2))
        elif kind == "p":
            story.append(Paragraph(html.escape(rest[0]), body))
        elif kind == "kv":
            data = [[Paragraph(f"<b>{html.escape(k)}</b>", body), Paragraph(html.escape(v), body)] for k, v in rest[0]]
            t = Table(data, colWidths=[140, 340])
            t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
            story += [t, Spacer(1, 8)]
        else:
            pairs, bold = rest
            for k, v in pairs:
                label = f"<b>{html.escape(k)}</b>" if bold else f"{html.escape(k)}:"
                story.append(Paragraph(f"{label} {html.escape(v)}", body))
            story.append(Spacer(1, 8))
    SimpleDocTemplate(str(path), pagesize=A4, leftMargin=60, rightMargin=60, topMargin=50, bottomMargin=50).build(story)
    return path


def build_html(plan: CardPlan, path: Path) -> Path:
    parts = ["<html><body>"]
    for kind, *rest in blocks(plan):
        if kind in ("h1", "h2"):
            parts.append(f"<{kind}>{html.escape(rest[0])}</{kind}>")
        elif kind == "p":
            parts.append(f"<p>{html.escape(rest[0])}</p>")
        elif kind == "kv":
            parts.append("<dl>" + "".join(f"<p><strong>{html.escape(k)}</strong>: {html.escape(v)}</p>"
                                          for k, v in rest[0]) + "</dl>")
        else:
            pairs, bold = rest
            parts += [f"<p><b>{html.escape(k)}</b> {html.escape(v)}</p>" if bold else
                      f"<p>{html.escape(k)}: {html.escape(v)}</p>" for k, v in pairs]
    path.write_text("".join(parts) + "</body></html>", encoding="utf-8")
    return path


def build_docx(plan: CardPlan, path: Path) -> Path:
    import docx

    d = docx.Document()
    for kind, *rest in blocks(plan):
        if kind in ("h1", "h2"):
            d.add_heading(rest[0], level=1 if kind == "h1" else 2)
        elif kind == "p":
            d.add_paragraph(rest[0])
        else:
            pairs = rest[0]
            bold = kind == "kv" or rest[1]
            for k, v in pairs:
                para = d.add_paragraph()
                para.add_run(k if bold else f"{k}:").bold = bold
                para.add_run(f" {v}")
    d.save(str(path))
    return path


def build_lines(path: Path, lines: list[str], font: tuple[str, str] = FONTS[0], size: float = 10) -> Path:
    """A PDF of one paragraph per entry, in reportlab markup (<b> for a bold run; "" for a gap; an entry
    starting "• " is a bulleted item indented under the text before it)."""
    ss = getSampleStyleSheet()
    body = ss["BodyText"].clone("b", fontName=font[0], fontSize=size, leading=size * 1.25, spaceBefore=0,
                                spaceAfter=0)
    item = body.clone("i", leftIndent=18, bulletIndent=8)
    story: list = []
    for text in lines:
        if not text:
            story.append(Spacer(1, size))
        elif text.startswith("• "):
            story.append(Paragraph(text[2:], item, bulletText="•"))
        else:
            story.append(Paragraph(text, body))
    SimpleDocTemplate(str(path), pagesize=A4, leftMargin=60, rightMargin=60, topMargin=50, bottomMargin=50).build(story)
    return path


def build_kv(path: Path, cards: list[list[tuple[str, str, str | None]]], intro: list[str] | None = None,
             ruled: bool = True, widths: tuple[float, float] = (140, 340)) -> Path:
    """A PDF of one two-column key/value table per action: (label, value, fill behind the value or None)."""
    from reportlab.lib import colors

    body = getSampleStyleSheet()["BodyText"].clone("b", fontName="Helvetica", fontSize=10, leading=12.5)
    story: list = [Paragraph(t, body) for t in intro or []]
    for rows in cards:
        data = [[Paragraph(f"<b>{html.escape(k)}</b>", body), Paragraph(html.escape(v), body)] for k, v, _ in rows]
        style = [("VALIGN", (0, 0), (-1, -1), "TOP")] + ([("GRID", (0, 0), (-1, -1), 0.5, colors.black)] if ruled else [])
        style += [("BACKGROUND", (1, y), (1, y), colors.HexColor("#" + f)) for y, (_, _, f) in enumerate(rows) if f]
        story += [Table(data, colWidths=list(widths), style=TableStyle(style)), Spacer(1, 10)]
    SimpleDocTemplate(str(path), pagesize=A4, leftMargin=60, rightMargin=60, topMargin=50, bottomMargin=50).build(story)
    return path
