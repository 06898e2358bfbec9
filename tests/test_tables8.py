"""Tables whose headers or rows defeated the rules before, drawn text by text with reportlab in the test:
a plain header whose first line names one role, a header in no known wording in a plan with no other
table, a banner row ruled off above and below, a bold header parted from its last line by a sub-header's
rule, a numeric date whose year wraps after three digits, and two columns of running text of which one
lists entries line by line."""
from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen import canvas

from wsoa.extract.document import extract

SIZE = 8.0
LINE = 10.0   # pitch of the lines of one cell


def draw(path: Path, texts: list[tuple[float, float, str]], rules: list[tuple[float, float, float]] = (),
         bold: set[int] = frozenset(), title: str = "Written Statement of Action",
         more: list[list[tuple[float, float, str]]] = (), bold_texts: set[str] = frozenset(),
         fills: list[tuple[float, float, float, float, tuple[float, float, float]]] = ()) -> Path:
    """A landscape page: a title, then each text at (x, top) in 8 pt Helvetica (bold for the indexes in
    `bold`), and horizontal rules (x0, x1, y), all measured from the page's top; `more`: the texts of
    further pages, there in bold when in `bold_texts`; `fills`: (x0, top, x1, bottom, rgb) under the text."""
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
