"""Actions tied to the weakness they answer: the plan's own list, banner rows and headings naming a
weakness by number or wording, sections that name none (issue 13, item 2)."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from tests.pdfbuild import CELL, HEAD, STYLES
from wsoa.extract.document import extract

HEADER = ["Ref", "Action", "Lead", "Deadline"]
LIST = ["The poor quality of EHC plans and their review", "Long waits for speech and language therapy",
        "Weak transition of young people to adult health services"]


def _row(ref: str, what: str) -> list[str]:
    return [ref, what, "Head of SEND", "March 2024"]


def _table(rows: list[list[str] | str]) -> Table:
    """A ruled table; a row given as a string is a banner spanning the table."""
    data = [[Paragraph(h, HEAD) for h in HEADER]]
    style: list[tuple] = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("GRID", (0, 0), (-1, -1), 0.5, colors.black)]
    for r in rows:
        if isinstance(r, str):
            style += [("SPAN", (0, len(data)), (-1, len(data))),
                      ("BACKGROUND", (0, len(data)), (-1, len(data)), colors.HexColor("#bdd7ee"))]
            data.append([Paragraph(f"<b>{r}</b>", CELL), "", "", ""])
        else:
            data.append([Paragraph(c, CELL) for c in r])
    t = Table(data, repeatRows=1, colWidths=[50, 330, 150, 100])
    t.setStyle(TableStyle(style))
    return t


def build(path: Path, parts: list[tuple[str, Any]]) -> Path:
    """parts: ("title"|"h"|"p"|"li"|"bold", text) or ("table", rows)."""
    doc = SimpleDocTemplate(str(path), pagesize=landscape(A4), leftMargin=36, rightMargin=36, topMargin=36,
                            bottomMargin=36)
    body = STYLES["BodyText"]
    story: list[Any] = []
    for kind, x in parts:
        if kind == "table":
            story += [_table(x), Spacer(1, 10)]
        elif kind == "title":
            story.append(Paragraph(x, STYLES["Title"]))
        elif kind == "h":
            story.append(Paragraph(x, STYLES["Heading2"]))
        elif kind == "bold":
            story.append(Paragraph(f"<b>{x}</b>", body))
        elif kind == "li":
            story.append(Paragraph(x, body, bulletText="\u2022"))
        else:
            story.append(Paragraph(x, body))
    doc.build(story)
    return path


def _ids(doc) -> list[tuple[str, str | None]]:
    return [(a.ref, a.weakness_id) for a in doc.actions]


INTRO = [("title", "Northshire Local Area Partnership: Written Statement of Action"),
         ("p", "This statement sets out how partners will address the areas of significant weakness."),
         ("p", "The inspection identified the following areas of weakness:")] + [
    ("p", f"{i}. {w}") for i, w in enumerate(LIST, start=1)]


def test_banner_rows_naming_a_weakness_by_number_tie_the_actions_below_them(tmp_path):
    pdf = build(tmp_path / "banners.pdf", INTRO + [("table", [
        "Area 2", _row("1.1", "Recruit two more speech and language therapists"),
        _row("1.2", "Publish waiting times for therapy every month"),
        "Significant weakness three", _row("2.1", "Agree a transition protocol with adult services"),
        "Area of weakness 1: The poor quality of EHC plans", _row("3.1", "Audit twenty EHC plans each term"),
        "Enabling actions", _row("4.1", "Refresh the SEND partnership board's terms of reference")])])
    doc = extract(pdf)
    assert [w.text for w in doc.weaknesses] == LIST
    assert _ids(doc) == [("1.1", "W2"), ("1.2", "W2"), ("2.1", "W3"), ("3.1", "W1"), ("4.1", None)]
    assert [a.group for a in doc.actions] == ["Area 2", "Area 2", "Significant weakness three",
                                              "Area of weakness 1: The poor quality of EHC plans",
                                              "Enabling actions"]
    assert {a.section for a in doc.actions} == {None}  # the document's title is not a section


def test_headings_above_tables_become_the_list_when_the_plan_has_none(tmp_path):
    pdf = build(tmp_path / "headings.pdf", [
        ("title", "Westshire Written Statement of Action"),
        ("p", "Progress on every action is reported to the SEND Improvement Board each month. " * 4),
        ("p", "Each table sets out the actions partners will take, who leads them and by when. " * 4),
        ("h", "Priority 1: Access to therapies"), ("table", [_row("1.1", "Recruit two more therapists"),
                                                              _row("1.2", "Publish therapy waiting times")]),
        ("h", "Priority 2: Neurodevelopmental waits"), ("table", [_row("2.1", "Commission extra assessments")]),
        ("h", "Leadership and governance"), ("table", [_row("3.1", "Refresh the board's terms of reference")])])
    doc = extract(pdf)
    assert [w.text for w in doc.weaknesses] == ["Access to therapies", "Neurodevelopmental waits"]
    assert _ids(doc) == [("1.1", "W1"), ("1.2", "W1"), ("2.1", "W2"), ("3.1", None)]
    assert [a.section for a in doc.actions] == ["Priority 1: Access to therapies"] * 2 + [
        "Priority 2: Neurodevelopmental waits", "Leadership and governance"]


def test_headings_naming_the_weakness_by_wording_or_number_alone(tmp_path):
    pdf = build(tmp_path / "wording.pdf", INTRO + [
        ("h", "Key to status ratings"), ("p", "Blue – complete"), ("p", "Green – on track"),
        ("p", "Red – not started"),
        ("h", "Long waits for speech and language therapy"), ("table", [_row("1.1", "Recruit two therapists")]),
        ("h", "Area 3"), ("table", [_row("2.1", "Agree a transition protocol")]),
        ("h", "Cross-cutting actions"), ("table", [_row("3.1", "Refresh the board's terms of reference")])])
    doc = extract(pdf)
    assert [w.text for w in doc.weaknesses] == LIST
    assert _ids(doc) == [("1.1", "W2"), ("2.1", "W3"), ("3.1", None)]
    assert doc.actions[1].section == "Area 3" and doc.actions[2].section == "Cross-cutting actions"


def test_the_plans_list_is_its_items_without_numbers_never_a_heading(tmp_path):
    pdf = build(tmp_path / "list.pdf", [
        ("title", "Southshire Written Statement of Action"),
        ("p", "Inspectors found two areas of significant weakness in the local area's practice:"),
        ("p", "a) The poor quality of EHC plans and their review"),
        ("p", "b) Long waits for speech and language therapy"),
        ("h", "How to read the action plan"),
        ("p", "Each table lists the actions for one weakness, with a lead and a deadline."),
        ("h", "Weakness 2"), ("table", [_row("1.1", "Recruit two therapists")])])
    doc = extract(pdf)
    assert [w.text for w in doc.weaknesses] == LIST[:2]
    assert _ids(doc) == [("1.1", "W2")]


def test_a_bulleted_list_under_a_heading_introducing_the_priorities(tmp_path):
    pdf = build(tmp_path / "bullets.pdf", [
        ("title", "Eastshire Priority Action Plan"),
        ("h", "Areas for priority action"), ("li", LIST[0]), ("li", LIST[1]),
        ("h", "Priority action 1"), ("table", [_row("1.1", "Audit twenty EHC plans each term")]),
        ("h", "Priority action 2"), ("table", [_row("2.1", "Recruit two therapists")])])
    doc = extract(pdf)
    assert [w.text for w in doc.weaknesses] == LIST[:2]
    assert _ids(doc) == [("1.1", "W1"), ("2.1", "W2")]


def test_a_priority_column_of_levels_names_no_weakness(tmp_path):
    header = ["Ref", "Action", "Priority", "Lead", "Deadline"]
    rows = [["1.1", "Recruit two therapists", "High", "ICB", "Dec 2023"],
            ["1.2", "Publish waiting times monthly", "Medium", "Trust", "Jan 2024"],
            ["1.3", "Train school staff in early identification", "Low", "Council", "Mar 2024"]]
    data = [[Paragraph(h, HEAD) for h in header]] + [[Paragraph(c, CELL) for c in r] for r in rows]
    t = Table(data, colWidths=[50, 300, 80, 120, 100])
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
    path = tmp_path / "levels.pdf"
    SimpleDocTemplate(str(path), pagesize=landscape(A4)).build([
        Paragraph("Area of weakness 1: Long waits for speech and language therapy", STYLES["Heading2"]), t])
    doc = extract(path)
    assert [w.text for w in doc.weaknesses] == ["Long waits for speech and language therapy"]
    assert _ids(doc) == [("1.1", "W1"), ("1.2", "W1"), ("1.3", "W1")]


def test_a_weakness_cell_saying_cross_cutting_names_no_weakness(tmp_path):
    from tests.pdfbuild import build_plan

    header = ["Area of weakness", "Ref", "Action", "Lead", "Deadline"]
    rows = [[LIST[0], "1.1", "Audit twenty EHC plans each term", "Council", "Dec 2023"],
            [None, "1.2", "Train caseworkers in writing outcomes", "Council", "Jan 2024"],
            ["Cross-cutting: enabling actions", "E1", "Refresh the board's terms of reference", "Council", "Mar 2024"]]
    pdf = build_plan(tmp_path / "column.pdf", header, rows, spans=[((0, 1), (0, 2))],
                     heading="Plan of action", col_widths=[170, 40, 220, 80, 80])
    doc = extract(pdf)
    assert [w.text for w in doc.weaknesses] == [LIST[0]]
    assert _ids(doc) == [("1.1", "W1"), ("1.2", "W1"), ("E1", None)]


def test_markers_made_into_the_list_keep_their_own_weakness_when_numbers_skip(tmp_path):
    pdf = build(tmp_path / "skip.pdf", [
        ("title", "Northshire Written Statement of Action"),
        ("p", "Progress on every action is reported to the SEND Improvement Board each month. " * 4),
        ("table", ["Priority 1: Quality of EHC plans", _row("1.1", "Audit twenty EHC plans each term"),
                   "Priority 3: Transition to adult services", _row("3.1", "Agree a transition protocol"),
                   "Priority 4: Therapy waits", _row("4.1", "Recruit two therapists")])])
    doc = extract(pdf)
    assert [w.text for w in doc.weaknesses] == ["Quality of EHC plans", "Transition to adult services", "Therapy waits"]
    assert _ids(doc) == [("1.1", "W1"), ("3.1", "W2"), ("4.1", "W3")]


def test_a_row_holding_only_a_label_naming_a_weakness_is_a_banner_even_unmerged(tmp_path):
    from tests.pdfbuild import build_plan

    rows = [["Area of weakness 2: Long waits for therapy", None, None, None],
            ["1.1", "Recruit two more therapists", "ICB", "Dec 2023"],
            ["1.2", "Publish waiting times monthly", "Trust", "Jan 2024"],
            ["Cross-cutting actions", None, None, None],
            ["2.1", "Refresh the board's terms of reference", "Council", "Mar 2024"]]
    pdf = build_plan(tmp_path / "unmerged.pdf", HEADER, rows, heading="Plan of action",
                     before=["The inspection identified the following areas of weakness:"] + [
                         f"{i}. {w}" for i, w in enumerate(LIST, start=1)])
    doc = extract(pdf)
    assert [a.ref for a in doc.actions] == ["1.1", "1.2", "2.1"]
    assert _ids(doc) == [("1.1", "W2"), ("1.2", "W2"), ("2.1", None)]
    assert doc.actions[0].group == "Area of weakness 2: Long waits for therapy"


def test_lists_of_priority_actions_and_improvements_keep_their_kind_and_numbering(tmp_path):
    pdf = build(tmp_path / "kinds.pdf", [
        ("title", "Northshire Priority Action Plan"),
        ("p", "The inspection identified the following areas for priority action:"),
        ("p", "1. The poor quality of EHC plans and their review"),
        ("p", "2. Long waits for speech and language therapy"),
        ("p", "It also identified these areas for improvement:"),
        ("p", "1 Weak transition of young people to adult health services"),
        ("p", "2 Too few young people know the local offer"),
        ("bold", "1. How to read this plan"),
        ("p", "Each table lists the actions for one area, with a lead and a deadline. " * 3),
        ("h", "Area for improvement 2"), ("table", [_row("1.1", "Refresh the local offer pages")]),
        ("h", "Area for priority action 2"), ("table", [_row("2.1", "Recruit two therapists")])])
    doc = extract(pdf)
    assert [(w.text, w.kind) for w in doc.weaknesses] == [
        (LIST[0], "priority_action"), (LIST[1], "priority_action"), (LIST[2], "improvement"),
        ("Too few young people know the local offer", "improvement")]
    assert _ids(doc) == [("1.1", "W4"), ("2.1", "W2")]


def test_a_priority_column_naming_priorities_by_number_ties_to_the_plans_list(tmp_path):
    from tests.pdfbuild import build_plan

    header = ["Ref", "Priority", "Action", "Lead", "Deadline"]
    rows = [["1", "Priority 2", "Recruit two therapists", "ICB", "Dec 2023"],
            ["2", "Priority 1", "Audit twenty EHC plans each term", "Council", "Jan 2024"],
            ["3", "High", "Train caseworkers in writing outcomes", "Council", "Mar 2024"]]
    pdf = build_plan(tmp_path / "numbers.pdf", header, rows, heading="Plan of action",
                     before=["The inspection identified the following areas for priority action:"] + [
                         f"{i}. {w}" for i, w in enumerate(LIST[:2], start=1)], col_widths=[40, 80, 250, 80, 80])
    doc = extract(pdf)
    assert [w.text for w in doc.weaknesses] == LIST[:2]
    assert _ids(doc) == [("1", "W2"), ("2", "W1"), ("3", None)]


def test_a_labelled_sub_group_under_a_numbered_priority_keeps_the_priority(tmp_path):
    pdf = build(tmp_path / "themes.pdf", [
        ("title", "Northshire Written Statement of Action"),
        ("p", "Progress on every action is reported to the SEND Improvement Board each month. " * 4),
        ("h", "Priority 1: Quality of EHC plans"),
        ("table", ["Theme: casework", _row("1.1", "Audit twenty EHC plans each term"),
                   "Theme: training", _row("1.2", "Train caseworkers in writing outcomes")]),
        ("h", "Priority 2: Therapy waits"), ("table", [_row("2.1", "Recruit two therapists")])])
    doc = extract(pdf)
    assert [w.text for w in doc.weaknesses] == ["Quality of EHC plans", "Therapy waits"]
    assert _ids(doc) == [("1.1", "W1"), ("1.2", "W1"), ("2.1", "W2")]
    assert [a.group for a in doc.actions] == ["Theme: casework", "Theme: training", None]


def test_labelled_statements_keep_the_kind_their_label_names(tmp_path):
    pdf = build(tmp_path / "statements.pdf", [
        ("title", "Northshire Priority Action Plan"),
        ("p", "Progress on every action is reported to the SEND Improvement Board each month. " * 4),
        ("bold", f"Area for priority action 1: {LIST[0]}"), ("table", [_row("1.1", "Audit twenty EHC plans")]),
        ("bold", f"Area for priority action 2: {LIST[1]}"), ("table", [_row("2.1", "Recruit two therapists")])])
    doc = extract(pdf)
    assert [(w.text, w.kind) for w in doc.weaknesses] == [(LIST[0], "priority_action"), (LIST[1], "priority_action")]
    assert _ids(doc) == [("1.1", "W1"), ("2.1", "W2")]


def test_a_later_list_answering_the_weaknesses_is_not_the_list(tmp_path):
    pdf = build(tmp_path / "later.pdf", INTRO + [
        ("p", "To address these weaknesses the partnership will:"),
        ("li", "set up a SEND Improvement Board chaired by the Director"), ("li", "publish progress every term"),
        ("h", "Area of weakness 1"), ("table", [_row("1.1", "Audit twenty EHC plans each term")])])
    doc = extract(pdf)
    assert [w.text for w in doc.weaknesses] == LIST
    assert _ids(doc) == [("1.1", "W1")]


def test_a_sentence_naming_the_areas_that_follow_with_a_colon_introduces_the_list(tmp_path):
    pdf = build(tmp_path / "areas.pdf", [
        ("title", "Westshire Written Statement of Action"),
        ("p", "The inspection identified the following areas that the partnership must address:"),
        ("p", f"1. {LIST[0]}"), ("p", f"2. {LIST[1]}"),
        ("table", ["Area 1", _row("1.1", "Audit twenty EHC plans each term"), "Area 2",
                   _row("2.1", "Recruit two therapists")])])
    doc = extract(pdf)
    assert [w.text for w in doc.weaknesses] == LIST[:2]
    assert _ids(doc) == [("1.1", "W1"), ("2.1", "W2")]
