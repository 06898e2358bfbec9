"""Each stage of table finding on pages built in the test: a dataclass in, a dataclass out."""
from __future__ import annotations

import json

from typer.testing import CliRunner

from wsoa.extract.actions import ActionContext, read_actions
from wsoa.extract.grid import Column, build_rows
from wsoa.extract.header import candidate, columns_from_alignment, header_candidates, phrases_of
from wsoa.extract.page import Page, Rule, Word, group_lines
from wsoa.extract.stitch import continuation, join_split_row
from wsoa.extract.tables import find_tables, table_region
from wsoa.extract.trace import CONTINUED, NEW, report_of
from wsoa.normalise.status import Legend

from .conftest import PBORO_WSOA

XS = [40.0, 80.0, 300.0, 400.0, 480.0, 560.0]
HEAD = ["Ref", "Action", "Lead", "Deadline", "Status"]
SIZE = 8.0
CHAR = 4.4


def words(text: str, x: float, top: float, size: float = SIZE, bold: bool = False) -> list[Word]:
    out = []
    for token in text.split():
        out.append(Word(token, x, x + CHAR * len(token), top, top + size, size, bold, None))
        x += CHAR * (len(token) + 1)
    return out


def page_of(number: int, ws: list[Word], rules: list[Rule] = (), height: float = 600.0) -> Page:
    page = Page(number=number, width=600.0, height=height, words=list(ws), rules=list(rules))
    page.lines = group_lines(page.words, number)
    return page


def ruled_table(top: float, rows: list[list[str]], xs: list[float] = XS, row_h: float = 24.0,
                header: list[str] | None = HEAD) -> tuple[list[Word], list[Rule], float]:
    """Words and rules of a fully ruled table starting at `top`; returns its bottom too."""
    ws: list[Word] = []
    body = ([header] if header else []) + rows
    for r, cells in enumerate(body):
        for c, text in enumerate(cells):
            ws += words(text, xs[c] + 3, top + r * row_h + 4, bold=bool(header) and r == 0)
    bottom = top + row_h * len(body)
    rules = [Rule(False, x, top, x, bottom) for x in xs]
    rules += [Rule(True, xs[0], top + r * row_h, xs[-1], top + r * row_h) for r in range(len(body) + 1)]
    return ws, rules, bottom


def test_header_candidate_accepted_from_rules_with_roles():
    ws, rules, _ = ruled_table(100, [["1.1", "Train staff", "Council", "Jan 2024", "Green"]])
    found = header_candidates(page_of(1, ws, rules))
    assert len(found) == 1
    c = found[0]
    assert c.trace.accepted and c.trace.how == "rules" and c.trace.lines == 1
    assert [col.role for col in c.header.columns] == ["ref", "action", "lead", "deadline", "status"]
    assert c.header.top == 100 and c.header.bottom == 124


def test_header_candidate_rejected_says_which_roles():
    line = words("Action", 40, 50, bold=True) + words("Lead", 300, 50, bold=True)
    page = page_of(1, line)
    c = candidate(page, page.lines[0])
    assert c is not None and c.header is None and not c.trace.accepted
    assert c.trace.phrase_roles == ["action", "lead"] and "action, lead" in c.trace.why


def test_running_prose_naming_two_roles_is_not_a_candidate():
    page = page_of(1, words("the action will be checked by the lead officer every month", 40, 50))
    assert candidate(page, page.lines[0]) is None


def test_column_model_from_header_alignment_over_two_lines():
    first = (words("Ref", 40, 50, bold=True) + words("Action", 80, 50, bold=True)
             + words("Lead", 300, 50, bold=True) + words("Deadline", 400, 50, bold=True))
    second = words("officer", 300, 59, bold=True)
    page = page_of(1, first + second + words("1.1 Do it", 40, 80))
    line = page.lines[0]
    model = columns_from_alignment(page, line, phrases_of(line))
    assert model.how == "header alignment" and model.lines == 2
    assert [round(c.x0) for c in model.columns[1:]] == [77, 297, 397]
    assert model.columns[2].header == "Lead officer"


def test_region_ends_where_the_outer_borders_end():
    ws, rules, bottom = ruled_table(100, [["1.1", "Train staff", "Council", "Jan 2024", "Green"]])
    ws += words("A paragraph after the table that runs on across the page width", 40, bottom + 30)
    page = page_of(1, ws, rules)
    header = header_candidates(page)[0].header
    region = table_region(page, header.bottom, header.columns, True, SIZE, page.height, header)
    assert region.bottom == bottom and region.ends == "the outer vertical borders end"


def test_region_of_a_text_aligned_table_ends_at_a_heading():
    ws = (words("Ref", 40, 50, bold=True) + words("Action", 80, 50, bold=True) + words("Lead", 300, 50, bold=True)
          + words("Deadline", 400, 50, bold=True) + words("1.1", 40, 70) + words("Train staff", 80, 70)
          + words("Council", 300, 70) + words("Jan 2024", 400, 70) + words("Next priority", 40, 110, size=14))
    page = page_of(1, ws)
    header = header_candidates(page)[0].header
    region = table_region(page, header.bottom, header.columns, False, SIZE, page.height, header)
    assert region.bottom < 110 and region.ends.startswith("a heading") and "Next priority" in region.ends


def test_grid_keeps_a_cell_merged_down_two_rows():
    ws, rules, bottom = ruled_table(100, [["1.1", "Train staff", "Council", "Jan 2024", "Green"],
                                          ["1.2", "Audit plans", "", "Mar 2024", "Amber"]], header=None)
    rules = [r for r in rules if not (r.horizontal and r.top == 124 and True)]
    rules += [Rule(True, XS[0], 124, XS[2], 124), Rule(True, XS[3], 124, XS[-1], 124)]  # no rule under Lead
    cols = [Column(a, b) for a, b in zip(XS, XS[1:])]
    rows = build_rows(page_of(1, ws, rules), cols, 100, bottom, True, 0)
    assert len(rows) == 2
    assert rows[0].cells[2] is rows[1].cells[2] and rows[1].cells[2].text == "Council"
    assert 2 not in rows[1].starts and {0, 1, 3, 4} <= rows[1].starts


def _two_pages(second_rules_xs: list[float]) -> list[Page]:
    ws1, rules1, _ = ruled_table(100, [["1.1", "Train all staff in the new", "Council", "Jan 2024", "Green"]])
    ws2, rules2, _ = ruled_table(40, [["", "approach to plans", "", "", ""],
                                      ["1.2", "Audit plans", "Health", "Mar 2024", "Amber"]],
                                 xs=second_rules_xs, header=None)
    return [page_of(1, ws1, rules1, height=148), page_of(2, ws2, rules2)]


def test_continuation_when_the_rules_line_up():
    pages = _two_pages(XS)
    table = find_tables(pages[:1]).tables[0]
    got = continuation(pages[1], [], table, 44)
    assert got.columns is not None and [round(c.x0) for c in got.columns] == [40, 80, 300, 400, 480]
    assert "meet 6 of the table's 6 column edges" in got.why


def test_no_continuation_when_the_rules_do_not_line_up():
    pages = _two_pages([40.0, 200.0, 250.0, 330.0, 520.0, 590.0])
    table = find_tables(pages[:1]).tables[0]
    got = continuation(pages[1], [], table, 44)
    assert got.columns is None and "meet 1 of the table's 6 column edges" in got.why


def test_split_row_joined_to_the_row_above():
    pages = _two_pages(XS)
    table = find_tables(pages[:1]).tables[0]
    cols = table.columns
    rows = build_rows(pages[1], cols, 40, 88, True, 0)
    assert join_split_row(table.rows, rows, cols) is True
    assert len(rows) == 1 and rows[0].text(0) == "1.2"
    assert table.rows[-1].text(1) == "Train all staff in the new approach to plans"


def test_stitched_table_trace_and_report():
    found = find_tables(_two_pages(XS))
    assert len(found.tables) == 1
    trace = found.tables[0].trace
    assert [s.stitch for s in trace.segments] == [NEW, CONTINUED]
    assert trace.segments[1].split_row_joined and trace.pages == [1, 2]
    assert found.pages[0].closes is None and "column edges" in found.pages[1].continuation
    got = read_actions(found.tables[0], 0, Legend(), ActionContext())
    assert [a.ref for a in got.actions] == ["1.1", "1.2"]
    assert [r.kept for r in trace.rows()] == ["action", "action"]
    report = report_of(trace)
    assert (report.continued_without_header, report.header_repeats, report.split_rows_joined) == (1, 0, 1)
    assert got.report == report and report.columns["Lead"] == "lead"
    json.dumps(trace.__dict__, default=lambda o: o.__dict__)  # plain data all the way down


def test_trace_and_show_agree_with_the_record(tmp_path):
    from wsoa.cli import app
    from wsoa.extract.document import extract
    from wsoa.outputs.debug import draw_trace
    pdf = PBORO_WSOA
    record = json.loads(extract(pdf).model_dump_json())
    res = CliRunner().invoke(app, ["extract", str(pdf), "--trace"])
    assert res.exit_code == 0
    trace = json.loads(res.stdout)
    traced = [(a["ref"], a["page"], a["top"]) for t in trace["tables"] for a in t["actions"]]
    stored = [(a["ref"], a["source"]["page"], a["source"]["top"]) for a in record["actions"]]
    assert traced == stored and len(stored) > 20
    assert [report_dict(t) for t in trace["tables"]] == [(r["index"], r["pages"], r["rows_kept"]) for r in record["tables"]]
    page = stored[0][1]
    res = CliRunner().invoke(app, ["show", str(pdf), "--page", str(page), "--out", str(tmp_path)])
    assert res.exit_code == 0 and res.stdout.strip() == str(tmp_path / f"{pdf.stem}-p{page}.png"), res.output
    drawn = draw_trace(extract(pdf), page, tmp_path / "again.png")
    assert [(ref, top) for ref, top, _ in drawn.actions] == [(r, t) for r, p, t in stored if p == page]
    assert drawn.cells > 0 and drawn.tables


def report_dict(t: dict) -> tuple[int, list[int], int]:
    return t["index"], list(dict.fromkeys(s["page"] for s in t["segments"])), t["rows_kept"]


def test_2023_report_rows_use_the_same_split_row_joiner():
    """Halton's first priority action is cut by a page break in both columns: the responsible body
    goes on onto the next page and is joined, as an action table's split row is."""
    from wsoa.extract.document import extract

    doc = extract(PBORO_WSOA.parent.parent / "area-send-2023" / "halton-area-send-2024-01-26.pdf")
    assert doc.weaknesses[0].responsible_body == ("Halton Borough Council and NHS Cheshire and Merseyside "
                                                  "Integrated Care Board (ICB)")
    assert doc.weaknesses[0].text.startswith("Leaders at Halton local authority and the NHS Cheshire")


def test_a_grid_whose_first_row_is_a_banner_still_opens_a_table():
    """Under a ruled header of unknown wording, a banner row spanning the table has only the outer
    rules; the inner rules resume below it, so the header is still a grid's top."""
    head = ["Code", "Planned response", "Champion", "Finish", "Health"]
    ws, rules, bottom = ruled_table(100, [["1.1", "Train staff in every school", "Head of SEND", "Jan 2024", "Green"],
                                          ["1.2", "Publish the new local offer", "Designated Officer", "Mar 2024",
                                           "Amber"]], header=head)
    # a banner row between the header (100..124) and the body: move the body down and rule the banner
    banner_top = 124.0
    shifted = [w if w.top < banner_top else Word(w.text, w.x0, w.x1, w.top + 24, w.bottom + 24, w.size, w.bold, None)
               for w in ws]
    shifted += words("Area of weakness 1: waiting times for therapy", XS[0] + 3, banner_top + 4, bold=True)
    rules = [Rule(False, r.x0, r.top if r.top >= banner_top else r.top, r.x1, r.bottom + 24) if not r.horizontal
             else Rule(True, r.x0, r.top + (24 if r.top > banner_top else 0), r.x1,
                       r.bottom + (24 if r.top > banner_top else 0)) for r in rules]
    inner = [x for x in XS[1:-1]]
    rules = [r for r in rules if r.horizontal or r.x0 not in inner]
    rules += [Rule(False, x, 100, x, 124) for x in inner] + [Rule(False, x, 148, x, bottom + 24) for x in inner]
    rules.append(Rule(True, XS[0], 148, XS[-1], 148))
    tables = find_tables([page_of(1, shifted, rules)]).tables
    assert len(tables) == 1
    assert [c.role for c in tables[0].columns] == ["ref", "action", "lead", "deadline", "status"]
    assert [r.text(0) for r in tables[0].rows if not r.spanning] == ["1.1", "1.2"]


def test_columns_from_body_gutters_under_a_right_aligned_wrapped_header():
    """No rules, a header right-aligned in its columns and wrapped over two lines (its phrase starts
    say nothing of where columns start), a banner row across the table, and a last column of marks
    with no text: the columns come from the gutters the body keeps free (the banner aside), the last
    one from the gap in the header's own words."""
    xs = [40.0, 90.0, 330.0, 430.0, 500.0, 570.0]
    head = [["No.", "What partners will", "Officer", "Date by", "Delivery"],
            ["", "do for families", "accountable", "which done", "status"]]
    ws: list[Word] = []
    for r, cells in enumerate(head):
        for c, text in enumerate(cells):
            width = CHAR * len(text)
            ws += words(text, xs[c + 1] - 3 - width, 60 + r * 10, bold=True)
    body = [["1a", "Agree an outreach service for sensory support", "Head of SEND", "Dec 2024"],
            ["1b", "Map a quality assurance cycle for transport", "Inclusion Manager", "Jan 2025"],
            ["1c", "Audit a peer review of school exclusions", "Virtual School Head", "Mar 2025"],
            ["1d", "Refresh a workforce plan for assessments", "Principal EP", "Apr 2025"],
            ["1e", "Train a shared dashboard on short breaks", "ICB Lead", "Jun 2025"],
            ["1f", "Pilot a tracking tool for annual reviews", "SENCO chair", "Jul 2025"]]
    ws += words("Area 1: Long waits for transitions to adult services for young people aged 16 to 25 in the area",
                xs[0] + 3, 80)
    for r, cells in enumerate(body):
        for c, text in enumerate(cells):
            ws += words(text, xs[c] + 3, 94 + r * 12)
    page = page_of(1, ws)
    page.lines = group_lines(page.words, 1)
    line = page.lines[0]
    c = candidate(page, line)
    assert c is not None and c.header is not None and c.trace.how == "body gutters"
    bounds = [round(col.x0) for col in c.header.columns]
    assert len(bounds) == 5
    assert all(abs(b - x) <= 8 for b, x in zip(bounds[1:4], xs[1:4])), bounds
    assert 497 < bounds[4] < 530  # in the gap between the last two headers' words
    assert [col.header for col in c.header.columns] == ["No.", "What partners will do for families",
                                                        "Officer accountable", "Date by which done", "Delivery status"]


def test_sub_headers_split_by_a_rule_below_the_first_header_line_join_the_band():
    """Vertical rules only: "Timescale" over "From | To", the rule between From and To starting below
    the first header line. The sub-header line is part of the header, not a body row, and its two
    columns are the start and the deadline."""
    xs = [40.0, 200.0, 330.0, 400.0, 470.0, 560.0]
    ws = words("Activity", xs[0] + 3, 100, bold=True) + words("Key milestones", xs[1] + 3, 100, bold=True)
    ws += words("Timescale", xs[2] + 3, 100, bold=True) + words("Resources", xs[4] + 3, 100, bold=True)
    ws += words("From", xs[2] + 3, 124, bold=True) + words("To", xs[3] + 3, 124, bold=True)  # a wide gap above
    body = [["Train staff in every school", "Draft plan", "Mar 2021", "Dec 2021", "Within budget"],
            ["Publish the new local offer", "Survey families", "May 2021", "Mar 2022", "40k"],
            ["Audit annual reviews on time", "Sample of plans", "Jun 2021", "Jun 2022", "None"]]
    for r, cells in enumerate(body):
        for c, text in enumerate(cells):
            ws += words(text, xs[c] + 3, 140 + r * 20)
    bottom = 140 + 20 * len(body)
    rules = [Rule(False, x, 96, x, bottom) for x in xs if x != xs[3]] + [Rule(False, xs[3], 120, xs[3], bottom)]
    tables = find_tables([page_of(1, ws, rules)]).tables
    assert len(tables) == 1
    assert [c.role for c in tables[0].columns] == ["action", "milestones", "start", "deadline", "resource"]
    assert [r.text(2) for r in tables[0].rows if r.text(0)] == ["Mar 2021", "May 2021", "Jun 2021"]


def test_wrapped_header_labels_that_name_a_table_need_no_proof_from_one_body_row():
    """The header's first line names too few roles ("Area of | What we will | Interim"), its labels
    over two lines name them exactly; the page holds one row with no ref, date or status to bear
    the roles out. The table is kept: whole labels name it beyond doubt."""
    xs = [40.0, 150.0, 330.0, 450.0, 560.0]
    ws: list[Word] = []
    for c, (a, b) in enumerate([("Area of", "concern"), ("What we will", "do"), ("Interim", "milestones"),
                                ("Resources", "required")]):
        ws += words(a, xs[c] + 3, 104, bold=True) + words(b, xs[c] + 3, 114, bold=True)
    for c, text in enumerate(["Waiting times for therapy", "Launch a quality assurance cycle",
                              "Review the cycle", "Existing resource"]):
        ws += words(text, xs[c] + 3, 134)
    rules = [Rule(False, x, 100, x, 160) for x in xs] + [Rule(True, xs[0], y, xs[-1], y) for y in (100, 128, 160)]
    tables = find_tables([page_of(1, ws, rules)]).tables
    assert len(tables) == 1
    assert [c.role for c in tables[0].columns] == ["weakness", "action", "milestones", "resource"]


def test_a_header_repeated_over_a_short_table_is_a_header_with_the_roles_settled_above():
    """Two tables under the same unknown header wording; the second holds one row (nothing below it
    proves its columns). Its header repeats the first, so it opens a table, and its columns keep the
    roles the first table's cells settled (refs, dates, status words)."""
    head = ["Code", "Planned response", "Champion", "Finish", "Health"]
    first = [["1.1", "Train staff in every school on needs", "Head of SEND", "Jan 2024", "Green"],
             ["1.2", "Publish the new local offer for families", "Designated Officer", "Mar 2024", "Amber"],
             ["1.3", "Audit annual reviews held in the year", "Inclusion Manager", "Jun 2024", "Red"]]
    ws, rules, bottom = ruled_table(100, first, header=head)
    ws2, rules2, _ = ruled_table(bottom + 40, [["2.1", "Review the transport policy with parents", "Head of SEND",
                                                "May 2024",
                                                "Green"]], header=head)
    tables = find_tables([page_of(1, ws + ws2, rules + rules2)]).tables
    assert len(tables) == 2
    assert [c.role for c in tables[1].columns] == ["ref", "action", "lead", "deadline", "status"]
    assert [r.text(0) for r in tables[1].rows] == ["2.1"]


def test_a_rule_under_a_spanning_label_does_not_end_a_ruled_header():
    """A fully ruled two-row header: "Key actions" and "Start" merged down two rows, "Delivery" over
    "Accountable lead | Resource" with a rule under it only. The second header row is part of the
    header: four columns, the lead and the resource among them."""
    xs = [40.0, 160.0, 330.0, 470.0, 560.0]
    ws = words("Key actions", xs[0] + 3, 104, bold=True) + words("Delivery", xs[1] + 3, 104, bold=True)
    ws += words("Start", xs[3] + 3, 104, bold=True)
    ws += words("Accountable lead", xs[1] + 3, 124, bold=True) + words("Resource", xs[2] + 3, 124, bold=True)
    body = [["Embed a joint protocol", "Therapy Lead", "Within budget", "June 2023"],
            ["Introduce data reports", "Inclusion Manager", "Existing", "Nov 2023"]]
    for r, cells in enumerate(body):
        for c, text in enumerate(cells):
            ws += words(text, xs[c] + 3, 144 + r * 20)
    bottom = 140 + 20 * len(body)
    rules = [Rule(False, x, 100, x, bottom) for x in xs if x != xs[2]] + [Rule(False, xs[2], 120, xs[2], bottom)]
    rules += [Rule(True, xs[0], 100, xs[-1], 100), Rule(True, xs[1], 120, xs[3], 120)]
    rules += [Rule(True, xs[0], y, xs[-1], y) for y in (140, 160, 180)]
    tables = find_tables([page_of(1, ws, rules)]).tables
    assert len(tables) == 1
    assert [c.role for c in tables[0].columns] == ["action", "lead", "resource", "start"]
    assert [r.text(1) for r in tables[0].rows] == ["Therapy Lead", "Inclusion Manager"]


def test_two_cells_text_in_one_column_means_the_header_alignment_is_wrong():
    """Headers aligned right over wide columns, no rules: the alignment of the header puts each
    row's ref in the column before it, beside that column's own text (two runs of a line in one
    column). The columns then come from the body's gutters, and each ref lands in its own column."""
    xs = [40.0, 200.0, 300.0, 480.0, 560.0]
    ws: list[Word] = []
    for c, text in enumerate(["Priority area", "Ref", "Action", "Date"]):
        ws += words(text, xs[c + 1] - 3 - CHAR * len(text), 100, bold=True)
    body = [["Weak oversight of reviews", "PA1.1", "Review the panel terms with families", "Nov 2023"],
            ["Gaps in the local offer", "PA1.2", "Publish the offer with parents", "Jan 2024"],
            ["Long waits for therapy", "PA1.3", "Commission more therapy hours", "Mar 2024"],
            ["Poor transition planning", "PA1.4", "Train staff on transition plans", "May 2024"],
            ["Weak joint commissioning", "PA1.5", "Agree a joint commissioning plan", "Jul 2024"]]
    for r, cells in enumerate(body):
        for c, text in enumerate(cells):
            ws += words(text, xs[c] + 3, 120 + r * 14)
    page = page_of(1, ws)
    c = candidate(page, page.lines[0])
    assert c is not None and c.header is not None and c.trace.how == "body gutters"
    tables = find_tables([page]).tables
    assert [col.role for col in tables[0].columns] == ["weakness", "ref", "action", "deadline"]
    assert [r.text(1) for r in tables[0].rows if r.text(2)] == ["PA1.1", "PA1.2", "PA1.3", "PA1.4", "PA1.5"]
