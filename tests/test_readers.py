"""Document readers as a registry: the best kind names the document, an action table adds its part."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from tests.pdfbuild import CELL, HEAD, STYLES
from wsoa.extract.document import extract

HEADER = ["Ref", "Action", "Lead", "Deadline", "RAG"]
ROWS = [["1.1", "Publish a joint autism pathway for families", "Designated Clinical Officer", "31 March 2024", "Green"],
        ["1.2", "Train every SENCo in the graduated approach", "Head of SEND", "31 July 2024", "Amber"]]


def build(path: Path, parts: list[tuple[str, str]], rows: list[list[str]] = ROWS) -> Path:
    """A document of (style, text) parts (body, bold, bullet, heading, title) followed by a ruled action table."""
    doc = SimpleDocTemplate(str(path), pagesize=landscape(A4), leftMargin=48, rightMargin=48, topMargin=48,
                            bottomMargin=48)
    body = STYLES["BodyText"]
    style = {"heading": STYLES["Heading2"], "title": STYLES["Title"]}
    story: list[Any] = []
    for kind, text in parts:
        if kind == "bullet":
            story.append(Paragraph(text, body, bulletText="\u2022"))
        else:
            story.append(Paragraph(f"<b>{text}</b>" if kind == "bold" else text, style.get(kind, body)))
    story.append(Spacer(1, 12))
    table = Table([[Paragraph(h, HEAD) for h in HEADER]] + [[Paragraph(c, CELL) for c in r] for r in rows])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
    story.append(table)
    doc.build(story)
    return path


def test_committee_pack_with_an_action_table_keeps_recommendations_weaknesses_and_actions(tmp_path):
    doc = extract(build(tmp_path / "pack.pdf", [
        ("title", "Children and Education Select Committee"),
        ("body", "Date of meeting: 12 October 2023"),
        ("body", "The inspection identified the following areas of significant weakness:"),
        ("bullet", "Waiting times for autism assessments are too long."),
        ("bullet", "Too few plans are completed within twenty weeks."),
        ("heading", "Recommendations"),
        ("body", "Recommendation 1: The council should publish its waiting times for assessments every month."),
        ("body", "Recommendation 2: The partnership should report to this committee on plan timeliness twice a year."),
        ("heading", "Progress against the statement of action"),
    ]))
    assert doc.doc_type == "committee_report"
    assert [r.number for r in doc.recommendations] == ["1", "2"]
    assert [w.text for w in doc.weaknesses] == ["Waiting times for autism assessments are too long.",
                                               "Too few plans are completed within twenty weeks."]
    assert [(a.ref, a.rag, a.deadlines[0].isoformat()) for a in doc.actions] == [
        ("1.1", "green", "2024-03-31"), ("1.2", "amber", "2024-07-31")]
    assert doc.trace["kind"] == "committee" and doc.trace["parts"] == ["plan"]


def test_self_evaluation_with_an_action_table_keeps_judgements_and_actions(tmp_path):
    doc = extract(build(tmp_path / "sef.pdf", [
        ("title", "Local area SEND self-evaluation"),
        ("bold", "Identification of need"),
        ("bold", "Key areas of strength"),
        ("body", "Early years practitioners identify needs quickly and share them with families."),
        ("bold", "Key areas for development"),
        ("body", "Waiting times for neurodevelopmental assessments remain far too long for families."),
        ("heading", "Our improvement plan"),
    ]))
    assert doc.doc_type == "self_evaluation"
    assert [(j.kind, j.text) for j in doc.judgements] == [
        ("strength", "Early years practitioners identify needs quickly and share them with families."),
        ("development", "Waiting times for neurodevelopmental assessments remain far too long for families.")]
    assert [a.ref for a in doc.actions] == ["1.1", "1.2"] and doc.actions[1].lead == "Head of SEND"


def test_plan_quoting_the_inspection_outcome_is_still_a_plan(tmp_path):
    rows = [[f"{p}.{i}", f"Action {p}.{i}: improve the service for families in step {i}", "Head of SEND",
             f"{i} March 2024", "Green"] for p in (1, 2) for i in range(1, 9)]
    doc = extract(build(tmp_path / "plan.pdf", [
        ("title", "Priority action plan"),
        ("body", "Dear Director,"),
        ("body", "Inspection outcome: the joint area SEND inspection found that the local area partnership's "
                 "arrangements lead to inconsistent experiences and outcomes for children and young people."),
        ("body", "The inspection identified the following areas of significant weakness:"),
        ("bullet", "Waiting times for autism assessments are too long."),
        ("heading", "Our actions"),
    ], rows=rows))
    assert doc.doc_type == "priority_action_plan"
    assert len(doc.actions) == 16 and doc.actions[-1].ref == "2.8"
    assert doc.trace["readers"]["plan"] > doc.trace["readers"]["letter2016"]


def test_letter_listing_actions_is_still_a_letter(tmp_path):
    doc = extract(build(tmp_path / "letter.pdf", [
        ("body", "14 June 2021"),
        ("body", "Dear Director"),
        ("bold", "Joint area SEND inspection in Northshire"),
        ("body", "Between 10 May 2021 and 14 May 2021, Ofsted and the Care Quality Commission (CQC) conducted a "
                 "joint inspection of the local area of Northshire."),
        ("body", "The area is required to produce and submit a Written Statement of Action to Ofsted that explains "
                 "how it will tackle the following areas of significant weakness:"),
        ("bullet", "Waiting times for autism assessments are too long."),
        ("bullet", "Too few plans are completed within twenty weeks."),
        ("body", "The area told inspectors it has already begun the following actions."),
    ], rows=ROWS[:1]))
    assert doc.doc_type == "inspection_letter"
    assert len(doc.weaknesses) == 2 and doc.weaknesses[1].id == "W2"
    assert [a.ref for a in doc.actions] == ["1.1"]


def test_a_bold_label_opening_a_list_item_in_a_word_file_stays_bold_after_its_bullet():
    """A bulleted Word paragraph "**Who is responsible** Head of SEND": the bullet the layout adds is not
    one of the label's bold words."""
    from wsoa.extract.flow import Para, layout

    page = layout([Para("Who is responsible Head of SEND", item=True, bold_words=3)])
    assert [w.text for w in page.words if w.bold] == ["Who", "is", "responsible"]
