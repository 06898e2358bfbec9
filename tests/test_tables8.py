"""Tables whose headers or rows defeated the rules before, drawn text by text with reportlab in the test:
a plain header whose first line names one role, a header in no known wording in a plan with no other
table, a banner row ruled off above and below, a bold header parted from its last line by a sub-header's
rule, a numeric date whose year wraps after three digits, and two columns of running text of which one
lists entries line by line."""
from __future__ import annotations

from pathlib import Path

import pytest

from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen import canvas

from wsoa.extract.document import extract

SIZE = 8.0
LINE = 10.0   # pitch of the lines of one cell


def draw(path: Path, texts: list[tuple[float, float, str]], rules: list[tuple[float, float, float]] = (),
         bold: set[int] = frozenset(), title: str = "Written Statement of Action",
         more: list[list[tuple[float, float, str]]] = (), bold_texts: set[str] = frozenset(),
         fills: list[tuple[float, float, float, float, tuple[float, float, float]]] = (),
         vrules: list[tuple[float, float, float]] = ()) -> Path:
    """A landscape page: a title, then each text at (x, top) in 8 pt Helvetica (bold for the indexes in
    `bold`), and horizontal rules (x0, x1, y), all measured from the page's top; `more`: the texts of
    further pages, there in bold when in `bold_texts`; `fills`: (x0, top, x1, bottom, rgb) under the text;
    `vrules`: vertical rules (x, top, bottom)."""
    width, height = landscape(A4)
    c = canvas.Canvas(str(path), pagesize=(width, height))
    for x0, top, x1, bottom, rgb in fills:
        c.setFillColorRGB(*rgb)
        c.rect(x0, height - bottom, x1 - x0, bottom - top, stroke=0, fill=1)
    c.setFillColorRGB(0, 0, 0)
    c.setFont("Helvetica-Bold", 14)
    c.drawString(40, height - 50, title)
    for i, (x, top, text) in enumerate(texts):
        c.setFont("Helvetica-Bold" if i in bold else "Helvetica", SIZE)
        c.drawString(x, height - top - SIZE, text)
    c.setLineWidth(0.5)
    for x0, x1, y in rules:
        c.line(x0, height - y, x1, height - y)
    for x, y0, y1 in vrules:
        c.line(x, height - y0, x, height - y1)
    for page in more:
        c.showPage()
        for x, top, text in page:
            c.setFont("Helvetica-Bold" if text in bold_texts else "Helvetica", SIZE)
            c.drawString(x, height - top - SIZE, text)
    c.save()
    return path


def cell(x: float, top: float, *lines: str) -> list[tuple[float, float, str]]:
    return [(x, top + i * LINE, text) for i, text in enumerate(lines)]


def test_a_plain_header_whose_first_line_names_one_role_is_read_from_its_whole_labels(tmp_path):
    """"Update | What we will | Person | Expected" over "do | responsible | completion": only "What" names a role
    on the first line; the labels name action, lead and deadline."""
    xs = [40, 200, 420, 560]
    texts = cell(xs[0], 100, "Update") + cell(xs[1], 100, "What we will", "do") \
        + cell(xs[2], 100, "Person", "responsible") + cell(xs[3], 100, "Expected", "completion")
    rows = [("Draft agreed with the board", "Publish a joint protocol for short breaks", "Head of SEND", "March 2024"),
            ("Awaiting data from schools", "Train every SENCO in graduated support", "Inclusion Manager", "July 2024")]
    for k, row in enumerate(rows):
        for x, text in zip(xs, row):
            texts += cell(x, 140 + 30 * k, text)
    doc = extract(draw(tmp_path / "plan.pdf", texts))
    assert [a.action for a in doc.actions] == [r[1] for r in rows]
    assert [a.lead for a in doc.actions] == ["Head of SEND", "Inclusion Manager"]
    assert [[str(d) for d in a.deadlines] for a in doc.actions] == [["2024-03-31"], ["2024-07-31"]]


def test_a_plan_with_one_table_in_unknown_wording_reads_its_roles_from_the_cells(tmp_path):
    """No label is in the vocabulary ("Line | Work to be done | Named person | Kick-off | Close | Position"), no
    style, no rules; the document calls itself a statement of action and has no other table. The start date
    "01/04/2021" wraps after "202"."""
    xs = [40, 90, 300, 420, 500, 580]
    texts = [(x, 100, label) for x, label in zip(xs, ["Line", "Work to be done", "Champion", "Kick-off",
                                                      "Close", "Position"])]
    rows = [("GR1.1", ["Strengthen a joint protocol for", "sensory support"], "Head of SEND", ["01/04/202", "1"],
             "31/01/2022", "Amber"),
            ("GR1.2", ["Map a tracking tool for personal", "budgets"], "Virtual School Head", ["01/10/2021"],
             "31/12/2022", "Red"),
            ("GR1.3", ["Refresh a peer review of short", "breaks"], "Inclusion Manager", ["01/07/2023"],
             "30/04/2024", "Green")]
    for k, (ref, action, lead, start, end, status) in enumerate(rows):
        top = 130 + 35 * k
        texts += cell(xs[0], top, ref) + cell(xs[1], top, *action) + cell(xs[2], top, lead) \
            + cell(xs[3], top, *start) + cell(xs[4], top, end) + cell(xs[5], top, status)
    doc = extract(draw(tmp_path / "plan.pdf", texts))
    assert [a.ref for a in doc.actions] == ["GR1.1", "GR1.2", "GR1.3"]
    assert doc.actions[0].action == "Strengthen a joint protocol for sensory support"
    assert [[str(d) for d in a.start_dates] for a in doc.actions] == [["2021-04-01"], ["2021-10-01"], ["2023-07-01"]]
    assert [[str(d) for d in a.deadlines] for a in doc.actions][2] == ["2024-04-30"]
    assert [a.rag for a in doc.actions] == ["amber", "red", "green"]


def test_the_same_unknown_table_in_a_document_that_is_no_plan_gives_no_actions(tmp_path):
    xs = [40, 90, 300, 420]
    texts = [(x, 100, label) for x, label in zip(xs, ["Line", "Work to be done", "Named person", "Close"])]
    for k, (ref, action) in enumerate([("GR1.1", "Strengthen a joint protocol"), ("GR1.2", "Map a tracking tool")]):
        texts += cell(xs[0], 130 + 20 * k, ref) + cell(xs[1], 130 + 20 * k, action) \
            + cell(xs[2], 130 + 20 * k, "Head of SEND") + cell(xs[3], 130 + 20 * k, "31/01/2022")
    assert extract(draw(tmp_path / "minutes.pdf", texts, title="Minutes of the partnership board")).actions == []


def test_a_long_banner_ruled_off_above_and_below_is_a_group_row_not_the_end_of_the_table(tmp_path):
    """Rules under each row only; a banner of 17 plain words in its own ruled band between the header and the
    rows: the rows below are the table's, tied to the weakness the banner names."""
    xs = [40, 100, 330, 460, 560]
    x0, x1 = 36, 700
    texts = [(x, 100, label) for x, label in zip(xs, ["Ref", "Action", "Lead", "Deadline", "Status"])]
    texts.append((40, 122, "Area of weakness 1: Gaps in speech and language therapy and their impact on "
                           "children and young people across the area"))
    rules = [(x0, x1, 96), (x0, x1, 116), (x0, x1, 138)]
    rows = [("1.1", "Refresh a joint protocol for therapy waiting lists", "Head of SEND", "Feb 2024", "Green"),
            ("1.2", "Co-produce a parent survey about therapy", "Inclusion Manager", "Apr 2023", "Red")]
    for k, row in enumerate(rows):
        for x, text in zip(xs, row):
            texts += cell(x, 144 + 22 * k, text)
        rules.append((x0, x1, 160 + 22 * k))
    doc = extract(draw(tmp_path / "plan.pdf", texts, rules))
    assert [a.ref for a in doc.actions] == ["1.1", "1.2"]
    assert [a.weakness_id for a in doc.actions] == ["W1", "W1"]
    assert [a.rag for a in doc.actions] == ["green", "red"]


def test_a_bold_header_goes_on_below_a_sub_header_rule_that_spans_only_its_group(tmp_path):
    """A bold header of three lines, "Dates" over "Begin | Finish" with a rule under "Dates" only, the other
    labels running on beside the rule: the header keeps its last line, and the table its start dates."""
    xs = [40, 200, 310, 430, 560]
    head = cell(xs[0], 100, "Interim steps on the", "way to delivery") + [(200, 100, "Dates")] \
        + cell(xs[3], 100, "Which officer in", "which organisation is", "accountable") \
        + cell(xs[4], 100, "What partners will do", "to put this right") + [(xs[1], 120, "Begin"), (xs[2], 120, "Finish")] \
        + [(680, 100, "RAG status")]
    rules = [(196, 424, 119)]
    body = []
    rows = [("Draft the protocol", "Apr 2022", "Jul 2023", "Virtual School Head", "Refresh a tracking tool", "Red"),
            ("Sign off the survey", "Jun 2023", "Jul 2024", "Head of SEND", "Pilot a peer review", "Green")]
    for k, row in enumerate(rows):
        for x, text in zip(xs + [680], row):
            body += cell(x, 150 + 25 * k, text)
    doc = extract(draw(tmp_path / "plan.pdf", head + body, rules, bold=set(range(len(head)))))
    assert [a.action for a in doc.actions] == ["Refresh a tracking tool", "Pilot a peer review"]
    assert [[str(d) for d in a.start_dates] for a in doc.actions] == [["2022-04-01"], ["2023-06-01"]]
    assert [[str(d) for d in a.deadlines] for a in doc.actions] == [["2023-07-31"], ["2024-07-31"]]
    assert [a.rag for a in doc.actions] == ["red", "green"]


def test_of_two_unnamed_columns_of_running_text_the_one_listing_entries_line_by_line_is_not_the_action(tmp_path):
    """Both columns' labels are too long to name a role. Each is wrapped to its width (140 pt); the first lists
    steps, a line each, one wrapping, with room left after the others; the second holds one sentence a row
    broken only where the next word did not fit: that is the action."""
    from reportlab.lib.utils import simpleSplit

    def wrap(text: str) -> list[str]:
        return simpleSplit(text, "Helvetica", SIZE, 140)

    xs = [40, 90, 260, 430, 540]
    texts = cell(xs[0], 100, "Ref") + cell(xs[1], 100, *wrap("Interim steps on the way to full delivery of the action")) \
        + cell(xs[2], 100, *wrap("What partners across the local area will do to put this right for families")) \
        + cell(xs[3], 100, "Lead") + cell(xs[4], 100, "Deadline")
    rows = [("LO1", ["Draft the survey", *wrap("Sign-off of occupational therapy waiting lists"), "Pilot reviews"],
             "Extend a tracking tool for occupational therapy waiting lists in every locality", "Head of SEND",
             "Jun 2024"),
            ("LO2", ["Review the offer", *wrap("Sign-off of neurodevelopmental pathways and transitions")],
             "Establish termly data reports on annual reviews and report progress to the board",
             "Inclusion Manager", "Oct 2024")]
    top = 140
    for ref, steps, action, lead, due in rows:
        texts += cell(xs[0], top, ref) + cell(xs[1], top, *steps) + cell(xs[2], top, *wrap(action)) \
            + cell(xs[3], top, lead) + cell(xs[4], top, due)
        top += LINE * len(steps) + 12
    doc = extract(draw(tmp_path / "plan.pdf", texts))
    assert [a.ref for a in doc.actions] == ["LO1", "LO2"]
    assert [a.action for a in doc.actions] == [r[2] for r in rows]


def test_a_plain_banner_naming_a_weakness_by_number_goes_on_with_the_table_over_a_repeated_header(tmp_path):
    """No rules; a bold header, repeated atop page 2; there a banner of 15 plain words, "Significant weakness
    2: ...", runs across the columns with rows straight below. The rows before it on page 2 stay with weakness 1
    (the repeated header is no heading that ends its run), the rows after it go to weakness 2."""
    xs = [40, 100, 330, 460, 560]
    head = [(x, 60, label) for x, label in zip(xs, ["Ref", "Action", "Lead", "Deadline", "Status"])]

    def row(top: float, ref: str) -> list[tuple[float, float, str]]:
        return [(x, top, text) for x, text in zip(xs, [ref, f"Publish the protocol {ref}", "Head of SEND",
                                                       "March 2024", "Green"])]

    first = [(x, y + 40, t) for x, y, t in head] \
        + [(40, 122, "Significant weakness 1: The limited reach of sensory support across the local area today")] \
        + row(140, "1.1") + row(160, "1.2")
    second = head + row(80, "1.3") \
        + [(40, 100, "Significant weakness 2: Poor co-ordination of early years inclusion for young people aged 16 to 25")] \
        + row(118, "2.1") + row(138, "2.2")
    labels = {t for _, _, t in head}
    doc = extract(draw(tmp_path / "plan.pdf", first, bold=set(range(len(head))), more=[second], bold_texts=labels))
    assert [a.ref for a in doc.actions] == ["1.1", "1.2", "1.3", "2.1", "2.2"]
    assert [a.weakness_id for a in doc.actions] == ["W1", "W1", "W1", "W2", "W2"]


def test_short_cells_of_initials_beside_one_naming_a_resource_are_resources_not_leads():
    """"ER", "AR", "Existing resource": no post or body is named, one cell names a resource."""
    from wsoa.normalise.content import role_from_content

    assert role_from_content(["ER", "AR", "Existing resource"], [None] * 3, None)[0] == "resource"
    assert role_from_content(["ICB", "Head of SEND", "Existing resource"], [None] * 3, None)[0] != "resource"


def test_a_header_repeated_on_the_next_page_does_not_end_the_run_of_the_heading_above_the_table(tmp_path):
    """A bold heading naming weakness 1 above a table whose bold header, in the heading's size, repeats atop
    page 2: the rows of page 2 still answer weakness 1."""
    xs = [40, 100, 330, 460, 560]
    labels = ["Ref", "Action", "Lead", "Deadline", "Status"]

    def row(top: float, ref: str) -> list[tuple[float, float, str]]:
        return [(x, top, text) for x, text in zip(xs, [ref, f"Publish the protocol {ref}", "Head of SEND",
                                                       "March 2024", "Green"])]

    first = [(40, 80, "Significant weakness 1: The limited reach of sensory support")] \
        + [(x, 100, label) for x, label in zip(xs, labels)] + row(120, "1.1") + row(140, "1.2")
    second = [(x, 60, label) for x, label in zip(xs, labels)] + row(80, "1.3") + row(100, "1.4")
    doc = extract(draw(tmp_path / "plan.pdf", first, bold=set(range(1 + len(labels))), more=[second],
                       bold_texts=set(labels)))
    assert [a.ref for a in doc.actions] == ["1.1", "1.2", "1.3", "1.4"]
    assert [a.weakness_id for a in doc.actions] == ["W1"] * 4


def test_the_plan_list_takes_no_item_from_after_its_first_table():
    """An introduction naming the areas of weakness, then a table (no list between): a bulleted line after the
    table (a milestone left outside it by a page break) is not a weakness of the plan."""
    from wsoa.extract.prose import Paragraph
    from wsoa.extract.statements import plan_list

    intro = Paragraph("This statement sets out how partners will address the areas of weakness identified", 1, 100,
                      110, 8, False)
    after = Paragraph("• Pilot home to school transport 3 – Jul 2023", 2, 100, 110, 8, False, item=True)
    assert plan_list([intro, after], (1, 120.0)) == []
    assert [s.text for s in plan_list([intro, after], None)] == ["Pilot home to school transport 3 – Jul 2023"]


def test_a_banner_filled_across_the_table_right_under_a_bold_header_is_no_line_of_the_header(tmp_path):
    """A bold plain header of two lines, then a bold "Area 1" on a fill as wide as the table: a group row."""
    xs = [40, 100, 330, 460]
    head = cell(xs[0], 100, "Ref") + cell(xs[1], 100, "Action") + cell(xs[2], 100, "Lead", "officer") \
        + cell(xs[3], 100, "By", "when")
    body = [(40, 126, "Area 1")]
    for k, ref in enumerate(["1.1", "1.2"]):
        body += [(x, 146 + 20 * k, t) for x, t in zip(xs, [ref, f"Publish the protocol {ref}", "Head of SEND",
                                                           "March 2024"])]
    doc = extract(draw(tmp_path / "plan.pdf", head + body, bold=set(range(len(head) + 1)),
                       fills=[(36, 122, 640, 138, (0.74, 0.84, 0.93))]))
    assert [a.ref for a in doc.actions] == ["1.1", "1.2"]
    assert [a.group for a in doc.actions] == ["Area 1", "Area 1"]
    assert [a.lead for a in doc.actions] == ["Head of SEND", "Head of SEND"]


def test_a_header_is_fuzzily_a_role_only_when_it_begins_as_the_role_does():
    from wsoa.normalise.roles import role_of

    assert role_of("Update")[0] is None          # not "date"
    assert role_of("Deadine")[0] == "deadline"   # a misspelling
    assert role_of("Responsibilty")[0] == "lead"


def test_a_plain_banner_run_over_the_columns_is_a_group_row_and_a_weakness_cell_is_not(tmp_path):
    """Rules under each row; a plain banner, "Significant weakness 1: ...", wrapped over two lines across the
    first columns with word spaces only, is the group of the rows below; a row whose first cell reads
    "Priority 2" beside its action (a gutter between) stays an action."""
    xs = [40, 90, 330, 460]
    x0, x1 = 36, 600
    texts = [(x, 100, label) for x, label in zip(xs, ["Ref", "Action", "Lead", "Deadline"])]
    texts += [(40, 122, "Significant weakness 1: The quality of short breaks which leaves"),
              (40, 132, "families without support")]
    rules = [(x0, x1, 96), (x0, x1, 116), (x0, x1, 146)]
    rows = [("1a", "Agree a parent survey", "Head of SEND", "Feb 2023"),
            ("1b", "Publish the protocol", "Inclusion Manager", "May 2023")]
    for k, row in enumerate(rows):
        texts += [(x, 152 + 22 * k, t) for x, t in zip(xs, row)]
        rules.append((x0, x1, 170 + 22 * k))
    doc = extract(draw(tmp_path / "plan.pdf", texts, rules))
    assert [a.ref for a in doc.actions] == ["1a", "1b"]
    assert [a.weakness_id for a in doc.actions] == ["W1", "W1"]
    assert doc.actions[0].group.startswith("Significant weakness 1: The quality of short breaks")


def test_a_row_whose_first_cell_names_a_priority_beside_its_action_stays_an_action(tmp_path):
    xs = [40, 110, 330, 460]
    texts = [(x, 100, label) for x, label in zip(xs, ["Priority", "Action", "Lead", "Deadline"])]
    rows = [("Priority 1", "Agree a parent survey", "Head of SEND", "Feb 2023"),
            ("Priority 2", "Publish the protocol", "Inclusion Manager", "May 2023")]
    for k, row in enumerate(rows):
        texts += [(x, 122 + 22 * k, t) for x, t in zip(xs, row)]
    doc = extract(draw(tmp_path / "plan.pdf", texts, [(36, 600, 116), (36, 600, 140), (36, 600, 162)]))
    assert [a.action for a in doc.actions] == ["Agree a parent survey", "Publish the protocol"]


def test_an_unnamed_column_whose_entries_stand_level_with_the_dates_beside_them_holds_milestones(tmp_path):
    """"Steps" names no role; each action lists two steps, each level with its own date and status: the
    steps are milestones, and the action's status comes from theirs (SCHEMA: the worst of red, amber, green)."""
    xs = [40, 90, 300, 470, 560]
    texts = [(x, 100, label) for x, label in zip(xs, ["Ref", "Action", "Steps", "Deadline", "Status"])]
    actions = [("1.1", "Publish the short breaks protocol", [("Draft the protocol", "Nov 2022", "Progressing"),
                                                             ("Sign it off at the board", "Mar 2023", "Delivered")]),
               ("1.2", "Train every SENCO in graduated support", [("Plan the sessions", "May 2022", "Delivered"),
                                                                   ("Hold the sessions", "Sep 2022", "Stalled")])]
    top = 120
    for ref, action, steps in actions:
        texts += [(xs[0], top, ref), (xs[1], top, action)]
        for k, (step, when, status) in enumerate(steps):
            texts += [(xs[2], top + 14 * k, step), (xs[3], top + 14 * k, when), (xs[4], top + 14 * k, status)]
        top += 14 * len(steps) + 10
    doc = extract(draw(tmp_path / "plan.pdf", texts, bold=set(range(5))))
    assert [a.ref for a in doc.actions] == ["1.1", "1.2"]
    assert [[m.text for m in a.milestones] for a in doc.actions] == [["Draft the protocol", "Sign it off at the board"],
                                                                     ["Plan the sessions", "Hold the sessions"]]
    assert [[str(m.date) for m in a.milestones] for a in doc.actions][1] == ["2022-05-31", "2022-09-30"]
    assert [a.rag for a in doc.actions] == ["green", "red"]


@pytest.mark.parametrize("first, rest, dates", [
    ("31/03/2024 revised to 20/06/2", "024", ["2024-03-31", "2024-06-20"]),   # cut inside its year
    ("31/10/2023 -> 14/0", "1/2024", ["2023-10-31", "2024-01-14"])])          # cut inside its month
def test_a_date_cut_inside_its_year_after_other_words_is_joined_again(tmp_path, first, rest, dates):
    """"31/03/2024 revised to 20/06/2" over "024", or "31/10/2023 -> 14/0" over "1/2024", in a narrow deadline
    column: the revision reads 2024-06-20, or 2024-01-14."""
    xs = [40, 90, 330, 460]
    texts = [(x, 100, label) for x, label in zip(xs, ["Ref", "Action", "Lead", "Deadline"])]
    texts += [(40, 120, "1.1"), (90, 120, "Publish the protocol"), (330, 120, "Head of SEND"),
              (460, 120, first), (460, 130, rest),
              (40, 150, "1.2"), (90, 150, "Train the SENCOs"), (330, 150, "Inclusion Manager"), (460, 150, "16/12/2023")]
    doc = extract(draw(tmp_path / "plan.pdf", texts, bold=set(range(4))))
    assert [[str(d) for d in a.deadlines] for a in doc.actions] == [dates, ["2023-12-16"]]


def test_words_under_a_date_label_that_also_name_statuses_are_the_date_column_not_a_second_status(tmp_path):
    """"When" over "Begin | Finish", a rule under "When" only; the Finish cells read "Complete" twice and "Within
    2 months", beside a status column of its own: Finish is the deadline, not a second status column."""
    xs = [40, 90, 300, 380, 460]
    texts = [(40, 100, "Ref"), (90, 100, "Action"), (300, 100, "When"), (300, 116, "Begin"), (380, 116, "Finish"),
             (460, 100, "Status")]
    rules = [(296, 454, 112)]
    rows = [("1.1", "Publish the protocol", "01/06/2023", "Complete", "Green"),
            ("1.2", "Train the SENCOs", "01/09/2023", "Complete", "Amber"),
            ("1.3", "Audit the plans", "01/01/2024", "Within 2 months", "Red")]
    for k, row in enumerate(rows):
        texts += [(x, 136 + 20 * k, t) for x, t in zip(xs, row)]
    doc = extract(draw(tmp_path / "plan.pdf", texts, rules, bold=set(range(6))))
    assert [a.ref for a in doc.actions] == ["1.1", "1.2", "1.3"]
    assert [a.deadline_raw for a in doc.actions] == ["Complete", "Complete", "Within 2 months"]
    assert [a.rag for a in doc.actions] == ["green", "amber", "red"]


def test_a_milestone_date_broken_inside_its_month_by_a_narrow_column_is_read_whole(tmp_path):
    """A ruled grid; the deadline column is too narrow for "September": "Septemb" / "er 2023" under it."""
    xs = [36, 80, 260, 400, 438, 560]   # "Due": room for "Septemb" (32 pt) and its padding, not for "September"
    texts = [(x + 3, 100, label) for x, label in zip(xs, ["Ref", "Action", "Milestones", "Due", "Lead"])]
    texts += [(39, 120, "1.1"), (83, 120, "Publish the protocol"), (263, 120, "Draft the protocol"), (403, 120, "May"),
              (403, 130, "2023"), (441, 120, "Head of SEND"),
              (263, 146, "Sign it off"), (403, 146, "Septemb"), (403, 156, "er 2023"),
              (39, 176, "1.2"), (83, 176, "Train the SENCOs"), (263, 176, "Plan the sessions"), (403, 176, "Jan"),
              (403, 186, "2024"), (441, 176, "Inclusion Manager"), (263, 202, "Hold them"), (403, 202, "Mar"),
              (403, 212, "2024")]
    rules = [(36, 560, y) for y in (96, 116, 142, 172, 198, 228)]
    vrules = [(x, 96, 228) for x in xs]
    doc = extract(draw(tmp_path / "plan.pdf", texts, rules, bold=set(range(5)), vrules=vrules))
    assert [a.ref for a in doc.actions] == ["1.1", "1.2"]
    assert [str(m.date) for m in doc.actions[0].milestones] == ["2023-05-31", "2023-09-30"]


def test_a_header_repeated_overleaf_gives_the_table_the_roles_its_rows_there_show(tmp_path):
    """"Kick-off" names no role; page 1's rows hold one date under it, too few to tell; the header repeats atop
    page 2 over rows whose Kick-off cells are all dates: the table's start dates are read on both pages."""
    xs = [40, 100, 330, 430]
    labels = ["Ref", "Action", "Kick-off", "By when"]

    def row(top: float, ref: str, start: str, end: str) -> list[tuple[float, float, str]]:
        return [(x, top, t) for x, t in zip(xs, [ref, f"Publish the protocol {ref}", start, end]) if t]

    first = [(x, 100, label) for x, label in zip(xs, labels)] + row(120, "1.1", "", "March 2024") \
        + row(140, "1.2", "January 2023", "May 2023")
    second = [(x, 60, label) for x, label in zip(xs, labels)] + row(80, "1.3", "Dec 2021", "Aug 2022") \
        + row(100, "1.4", "Jul 2021", "Mar 2022") + row(120, "1.5", "November 2021", "June 2022")
    doc = extract(draw(tmp_path / "plan.pdf", first, bold=set(range(4)), more=[second], bold_texts=set(labels)))
    assert [a.ref for a in doc.actions] == ["1.1", "1.2", "1.3", "1.4", "1.5"]
    assert [[str(d) for d in a.start_dates] for a in doc.actions] == [[], ["2023-01-01"], ["2021-12-01"], ["2021-07-01"],
                                                                      ["2021-11-01"]]


def test_a_header_repeated_atop_every_page_naming_two_roles_is_no_running_head(tmp_path):
    """One table per weakness, one a page, each under its heading and a header of labels mostly in unknown words
    ("Code | Intervention | Start | Champion | Close"): the header recurs near the top of every page, like a
    running head, but it is column labels, so every table keeps it and its actions."""
    xs = [40, 100, 330, 420, 540]
    labels = ["Code", "Intervention", "Start", "Champion", "Close"]

    def page(k: int, top: float) -> list[tuple[float, float, str]]:
        out = [(40, top, f"Significant weakness {k}: " + ["Waits for therapy", "Weak plans", "Gaps in short breaks",
                                                         "Late reviews"][k - 1])]
        out += [(x, top + 20, label) for x, label in zip(xs, labels)]
        for j in (1, 2):
            out += [(x, top + 20 + 20 * j, t) for x, t in zip(xs, [f"{k}.{j}", f"Publish protocol {k}.{j}",
                                                                   "Jan 2023", "Head of SEND", "Mar 2024"])]
        return out

    doc = extract(draw(tmp_path / "plan.pdf", page(1, 70), bold=set(range(1, 6)), more=[page(2, 40), page(3, 40), page(4, 40)],
                       bold_texts=set(labels)))
    assert [a.ref for a in doc.actions] == ["1.1", "1.2", "2.1", "2.2", "3.1", "3.2", "4.1", "4.2"]
    assert [a.weakness_id for a in doc.actions] == ["W1", "W1", "W2", "W2", "W3", "W3", "W4", "W4"]
    assert all(a.lead == "Head of SEND" and [str(d) for d in a.start_dates] == ["2023-01-01"] for a in doc.actions)


def test_tables_under_the_same_header_words_settle_their_columns_together():
    """One table per weakness: a column its few rows left without a role takes the one the other tables agree on;
    one read otherwise than most of them read it takes theirs; a role that cuts rows (ref) is never changed."""
    from wsoa.extract.grid import Column
    from wsoa.extract.stitch import share_roles

    def table(roles: list[str | None]) -> list[Column]:
        return [Column(100 * i, 100 * i + 90, h, r) for i, (h, r) in enumerate(zip(["Code", "Sponsor", "Inputs"], roles))]

    tables = [table(["ref", None, "lead"]), table(["ref", "lead", "resource"]), table(["ref", "lead", "resource"]),
              table([None, "lead", "resource"])]
    share_roles(tables)
    assert [[c.role for c in t] for t in tables] == [["ref", "lead", "resource"]] * 4
    odd = [table(["ref", "lead", "resource"]), table(["status", "lead", "resource"]), table(["status", "lead", "resource"])]
    share_roles(odd)
    assert [t[0].role for t in odd] == ["ref", "status", "status"]


def test_an_action_keeps_every_date_of_its_deadline_cell_where_two_milestones_run_together(tmp_path):
    """Milestones in sub-rows set apart by spacing; in one action the last two are set as close as the lines of
    one entry, so they read as one milestone with two dates: the action's deadlines still list all three."""
    xs = [40, 90, 300, 470]
    texts = [(x, 100, label) for x, label in zip(xs, ["Ref", "Action", "Steps", "Deadline"])]
    rows = [("1.1", "Publish the short breaks protocol", [(0, "Draft the protocol", "Nov 2022"),
                                                         (14, "Sign it off at the board", "Mar 2023")]),
            ("1.2", "Train every SENCO in graduated support", [(0, "Plan the sessions", "May 2022"),
                                                                (14, "Hold the sessions", "Sep 2022"),
                                                                (24, "Review them", "Jan 2023")])]
    top = 120
    for ref, action, steps in rows:
        texts += [(xs[0], top, ref), (xs[1], top, action)]
        texts += [t for dy, step, when in steps for t in ((xs[2], top + dy, step), (xs[3], top + dy, when))]
        top += 44
    doc = extract(draw(tmp_path / "plan.pdf", texts, bold=set(range(4))))
    assert [a.ref for a in doc.actions] == ["1.1", "1.2"]
    assert [[str(d) for d in a.deadlines] for a in doc.actions] == [["2022-11-30", "2023-03-31"],
                                                                    ["2022-05-31", "2022-09-30", "2023-01-31"]]


def test_a_coloured_dot_per_milestone_in_a_status_column_gives_each_milestone_its_status(tmp_path):
    """Steps in sub-rows, each with its date and a coloured "●" printed in the status column: each milestone
    takes its own dot's colour, and the action the SCHEMA's roll-up of them."""
    from reportlab.lib.colors import Color

    path = tmp_path / "plan.pdf"
    xs = [40, 90, 300, 470, 560]
    texts = [(x, 100, label) for x, label in zip(xs, ["Ref", "Action", "Milestones", "Deadline", "Status"])]
    dots = []
    top = 120
    for ref, action, steps in [("1.1", "Publish the protocol", [("Draft it", "Nov 2022", (0, 0.69, 0.94)),
                                                                 ("Sign it off", "Mar 2023", (0, 0.69, 0.31))]),
                               ("1.2", "Train the SENCOs", [("Plan sessions", "May 2022", (0, 0.69, 0.94)),
                                                            ("Hold sessions", "Sep 2022", (1, 0, 0))])]:
        texts += [(xs[0], top, ref), (xs[1], top, action)]
        for k, (step, when, rgb) in enumerate(steps):
            texts += [(xs[2], top + 16 * k, step), (xs[3], top + 16 * k, when)]
            dots.append((xs[4], top + 16 * k - 1, rgb))
        top += 40
    width, height = landscape(A4)
    c = canvas.Canvas(str(path), pagesize=(width, height))   # as `draw` does, with the dots in colour
    c.setFont("Helvetica-Bold", 14)
    c.drawString(40, height - 50, "Written Statement of Action")
    for i, (x, t, text) in enumerate(texts):
        c.setFont("Helvetica-Bold" if i < 5 else "Helvetica", SIZE)
        c.drawString(x, height - t - SIZE, text)
    for x, t, rgb in dots:
        c.setFillColor(Color(*rgb))
        c.setFont("Helvetica", 10)
        c.drawString(x, height - t - 10, "\u25cf")
    c.save()
    doc = extract(path)
    assert [a.ref for a in doc.actions] == ["1.1", "1.2"]
    assert [[m.rag for m in a.milestones] for a in doc.actions] == [["blue", "green"], ["blue", "red"]]
    assert [a.rag for a in doc.actions] == ["green", "red"]
