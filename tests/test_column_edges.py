"""The outer edges of a table without rules, on pages built in the test: a first column whose header is
set far right over it (right-aligned over a wide column) still holds its body text."""
from __future__ import annotations

from wsoa.extract.header import columns_from_alignment, columns_from_body, phrases_of
from wsoa.extract.tables import find_tables

from .test_table_stages import page_of, words

ACTIONS = ["Introduce a parent survey about early", "years inclusion", "Separate a joint protocol for therapy",
           "waiting lists"]


def _page():
    ws = (words("Key actions", 200, 50, bold=True) + words("Lead", 330, 50, bold=True)
          + words("Deadline", 430, 50, bold=True))
    y = 70
    for i, text in enumerate(ACTIONS):
        ws += words(text, 60, y)
        if i % 2 == 0:
            ws += words("Head of SEND", 330, y) + words("March 2024", 430, y)
        y += 10 if i % 2 == 0 else 16
    return page_of(1, ws)


def test_a_right_aligned_first_header_keeps_the_text_left_of_it_in_its_column():
    page = _page()
    line = page.lines[0]
    model = columns_from_alignment(page, line, phrases_of(line))
    assert model.columns[0].x0 <= 58 and model.columns[1].x0 > 250


def test_the_actions_under_a_right_aligned_first_header_are_whole():
    page = _page()
    tables = find_tables([page]).tables
    texts = [r.text(0) for t in tables for r in t.rows]
    assert texts == ["Introduce a parent survey about early years inclusion",
                     "Separate a joint protocol for therapy waiting lists"]


def _marks_page():
    from wsoa.extract.page import Shape

    ws = words("Action", 60, 50, bold=True) + words("Status", 420, 50, bold=True) + words("Deadline", 480, 50, bold=True)
    shapes = []
    for i, text in enumerate(["Publish the local offer pages", "Train every SENCO in the area", "Audit new plans"]):
        y = 70 + 26 * i
        ws += words(text, 60, y) + words("for families", 60, y + 10) + words("Mar 2024", 480, y)
        shapes.append(Shape(403, y, 411, y + 8, (0.0, 0.69, 0.31)))
    page = page_of(1, ws)
    page.shapes = shapes
    return page


def test_marks_set_before_their_centred_header_belong_to_its_column():
    page = _marks_page()
    line = page.lines[0]
    model = columns_from_alignment(page, line, phrases_of(line))
    assert [c.header for c in model.columns] == ["Action", "Status", "Deadline"]
    assert 190 < model.columns[1].x0 < 403  # after the actions' text, before the marks


def test_statuses_from_marks_set_before_their_centred_header():
    from wsoa.extract.grid import marks_in

    page = _marks_page()
    tables = find_tables([page]).tables
    status = tables[0].columns[1]
    assert len(tables) == 1 and status.role == "status"
    assert len(marks_in(page, status.x0, 60, status.x1, 200)) == 3
    assert [r.text(0) for r in tables[0].rows][0] == "Publish the local offer pages for families"


def test_a_tall_shaded_header_wrapped_in_narrow_columns_runs_over_its_fill():
    from wsoa.extract.header import columns_from_rules
    from wsoa.extract.page import Fill, Rule

    xs = [80, 140, 200, 260, 320]
    grey = (0.85, 0.85, 0.85)
    ws = (words("Action", 83, 281, 7, True) + words("Lead", 143, 281, 7, True) + words("Begi", 203, 281, 7, True)
          + words("Targe", 263, 281, 7, True) + words("ns", 203, 290, 7, True) + words("t", 263, 290, 7, True)
          + words("date", 263, 299, 7, True) + words("of", 263, 308, 7, True) + words("review", 263, 317, 7, True))
    ws += words("Publish", 83, 345, 7) + words("Head", 143, 345, 7) + words("Feb 2023", 203, 345, 7) \
        + words("Mar 2024", 263, 345, 7)
    rules = [Rule(False, x, 281, x, 400) for x in xs]
    page = page_of(1, ws, rules)
    page.fills = [Fill(a, 281, b, 339, grey) for a, b in zip(xs, xs[1:])]
    model = columns_from_rules(page, page.lines[0])
    assert model.bottom >= 338 and model.columns[3].header.endswith("date of review")


def test_a_repeated_header_cut_short_takes_the_roles_of_the_one_it_repeats():
    """A tall header row repeated on the next page may be clipped ("Ac ti on" without its "No"): same first
    line, same columns, so the kept header's roles, whatever the clipped words would name."""
    from wsoa.extract.grid import Column
    from wsoa.extract.stitch import adopt_roles

    kept = [Column(23, 100, "Ac ti on No", "ref"), Column(100, 177, "Actions", "action"),
            Column(177, 254, "Accountable lead", "lead")]
    again = [Column(23, 100, "Ac ti on", "action"), Column(100, 177, "Actions", None),
             Column(177, 254, "Accountable lead", "lead")]
    assert adopt_roles(again, kept)
    assert [c.role for c in again] == ["ref", "action", "lead"]
    moved = [Column(23, 140, "Ac ti on", "action"), Column(140, 177, "Actions", None), Column(177, 254, "Lead", "lead")]
    assert not adopt_roles(moved, kept) and moved[0].role == "action"


def test_a_rule_above_that_the_header_columns_do_not_reach_is_not_its_top():
    """The bottom border of a key table just above a shaded header ruled only down is not the header's top:
    the header's vertical rules start below it, so the band runs over the fill."""
    from wsoa.extract.header import columns_from_rules
    from wsoa.extract.page import Fill, Rule

    xs = [80, 200, 300, 400]
    grey = (0.85, 0.85, 0.85)
    ws = (words("What partners will do", 83, 397, 10, True) + words("Milestones", 203, 397, 10, True)
          + words("Addition", 303, 397, 10, True) + words("al", 303, 409, 10, True)
          + words("resource", 303, 421, 10, True) + words("Publish", 83, 460, 10) + words("Mar 2024", 303, 460, 10))
    rules = [Rule(False, x, 394, x, 520) for x in xs] + [Rule(True, 80, 384, 400, 384)]
    rules += [Rule(False, x, 360, x, 384.8) for x in (80, 400)]  # the key table's own sides end at its border
    page = page_of(1, ws, rules)
    page.fills = [Fill(a, 394, b, 440, grey) for a, b in zip(xs, xs[1:])]
    model = columns_from_rules(page, page.lines[0])
    assert model.top > 385 and model.bottom >= 439


def test_the_rule_under_a_spanning_label_is_not_the_headers_bottom():
    """"Timescale" over "Start | End": the rule under the spanning label, where the sub-headers' own rule
    starts, covers half the table; the header runs on to the rule across the whole table."""
    from wsoa.extract.header import columns_from_rules
    from wsoa.extract.page import Rule

    ws = (words("What partners across", 43, 117.5, 10, True) + words("Interim steps on", 165, 117.5, 10, True)
          + words("Timescale", 287, 117.5, 10, True) + words("the local area will", 43, 130, 10, True)
          + words("do to put this right", 43, 142.5, 10, True) + words("Start", 287, 148.5, 10, True)
          + words("End", 409, 148.5, 10, True) + words("for families", 43, 155, 10, True)
          + words("Map a single route", 43, 173.5, 10) + words("Oct 2023", 287, 173.5, 10)
          + words("Q3 2024/25", 409, 173.5, 10))
    rules = [Rule(False, x, 114, x, 414) for x in (40, 162, 284, 528)] + [Rule(False, 406, 146, 406, 414)]
    rules += [Rule(True, 40, 114, 528, 114), Rule(True, 284, 145.5, 528, 145.5), Rule(True, 40, 170, 528, 170)]
    model = columns_from_rules(page_of(1, ws, rules), page_of(1, ws, rules).lines[0])
    assert model.bottom >= 169 and [c.header for c in model.columns][2:] == ["Start", "End"]


def test_a_grid_drawn_row_by_row_ends_its_header_at_the_first_rule_under_the_sub_headers():
    """Drawn row by row, every edge starts again at each rule: the rule under the sub-headers, where the
    "Start | End" edge goes on from the row above, is the header's bottom; the first body row is no header."""
    from wsoa.extract.header import columns_from_rules
    from wsoa.extract.page import Rule

    ws = (words("Action", 43, 117, 8, True) + words("Lead", 165, 117, 8, True) + words("Dates", 287, 117, 8, True)
          + words("Start", 287, 135, 8, True) + words("End", 409, 135, 8, True)
          + words("Map a single route", 43, 152) + words("Head of SEND", 165, 152) + words("Oct 2023", 287, 152)
          + words("Dec 2024", 409, 152))
    rows = [(114, 130), (130, 148), (148, 170)]
    rules = [Rule(False, x, a, x, b) for a, b in rows for x in (40, 162, 284, 528)]
    rules += [Rule(False, 406, a, 406, b) for a, b in rows[1:]]
    rules += [Rule(True, 40, 114, 528, 114), Rule(True, 284, 130, 528, 130), Rule(True, 40, 148, 528, 148),
              Rule(True, 40, 170, 528, 170)]
    page = page_of(1, ws, rules)
    model = columns_from_rules(page, page.lines[0])
    assert 147 <= model.bottom <= 149 and [c.header for c in model.columns][2:] == ["Start", "End"]


def test_a_first_body_row_of_short_cells_is_not_taken_for_more_sub_headers():
    """Under "Dates" over "Begin | Finish" (already in the band), a first row of short cells with no ref or
    date ("Sign-off of short", "18 weeks") is a body row, not another line of sub-headers."""
    from wsoa.extract.header import columns_from_rules
    from wsoa.extract.page import Rule

    ws = (words("Milestones", 43, 188, 8) + words("Action", 143, 188, 8) + words("No.", 243, 188, 8)
          + words("Dates", 343, 188, 8) + words("Begin", 343, 213, 8) + words("Finish", 453, 213, 8)
          + words("Sign-off of short", 43, 238, 8) + words("Strengthen a tracking", 143, 238, 8)
          + words("1.1", 243, 238, 8) + words("18 weeks", 453, 238, 8))
    rules = [Rule(False, x, 188.6, x, 387) for x in (40, 140, 240, 340, 560)] + [Rule(False, 450, 213.8, 450, 387)]
    rules += [Rule(True, 39, 188.9, 561, 188.9), Rule(True, 339, 214.1, 560, 214.1), Rule(True, 40, 239.2, 560, 239.2)]
    page = page_of(1, ws, rules)
    model = columns_from_rules(page, page.lines[0])
    assert model.bottom < 239.5 and [c.header for c in model.columns][3:] == ["Begin", "Finish"]


def test_refs_left_of_a_first_header_set_right_over_them_are_in_the_first_column():
    ws = (words("Action no", 80, 50, bold=True) + words("Activity", 140, 50, bold=True)
          + words("Lead officer", 330, 50, bold=True) + words("Due", 430, 50, bold=True))
    for i, (ref, text) in enumerate([("LO1", "Embed a training offer"), ("LO2", "Agree a referral route")]):
        ws += words(ref, 30, 70 + 20 * i) + words(text, 140, 70 + 20 * i) + words("Head of SEND", 330, 70 + 20 * i) \
            + words("May 2024", 430, 70 + 20 * i)
    page = page_of(1, ws)
    line = page.lines[0]
    model = columns_from_alignment(page, line, phrases_of(line))
    assert model.columns[0].x0 <= 29 and model.columns[1].x0 > 100


def test_a_column_of_fills_under_a_header_set_right_starts_where_the_fills_do():
    from wsoa.extract.page import Fill

    ws = words("Action", 60, 50, bold=True) + words("Status", 440, 50, bold=True) + words("Update", 500, 50, bold=True)
    fills = []
    for i, text in enumerate(["Publish the local offer pages", "Train every SENCO in the area"]):
        y = 70 + 26 * i
        ws += words(text, 60, y) + words("Draft agreed", 500, y)
        fills.append(Fill(400, y - 2, 480, y + 22, (1.0, 0.0, 0.0)))
    page = page_of(1, ws)
    page.fills = fills
    line = page.lines[0]
    model = columns_from_alignment(page, line, phrases_of(line))
    assert 190 < model.columns[1].x0 <= 400


def test_row_shading_drawn_cell_by_cell_starts_no_column_under_a_spanning_label():
    """Zebra shading drawn one fill per cell puts a fill edge at every column, also at the sub-columns
    under a spanning label ("When" over "Begin | Finish"): those are no status column's start."""
    from wsoa.extract.page import Fill

    ws = (words("Code", 40, 50, bold=True) + words("Key actions", 100, 50, bold=True) + words("When", 330, 50, bold=True)
          + words("Health", 470, 50, bold=True) + words("Begin", 300, 60, bold=True) + words("Finish", 380, 60, bold=True))
    fills = []
    for i in range(3):
        y = 80 + 20 * i
        ws += words(f"1.{i + 1}", 40, y) + words("Publish the pages", 100, y) + words("Mar 2023", 300, y) \
            + words("Jun 2024", 380, y)
        if i % 2 == 0:
            fills += [Fill(a, y - 2, b, y + 14, (0.93, 0.93, 0.93)) for a, b in ((36, 96), (96, 296), (296, 376), (376, 466))]
        fills.append(Fill(466, y - 2, 520, y + 14, (1.0, 0.0, 0.0)))
    page = page_of(1, ws)
    page.fills = fills
    line = page.lines[0]
    model = columns_from_alignment(page, line, phrases_of(line))
    assert [c.header for c in model.columns] == ["Code", "Key actions", "Begin", "Finish", "Health"]


def test_a_shaded_header_ruled_only_down_ends_with_its_fill():
    """No horizontal rules: the header's fill ends it; a first body row of short cells just below (its text
    box reaching a little above the fill's end) is no more sub-headers."""
    from wsoa.extract.header import columns_from_rules
    from wsoa.extract.page import Fill, Rule

    grey = (0.85, 0.85, 0.85)
    ws = (words("Sponsor", 43, 100, 10) + words("When", 143, 100, 10) + words("Action", 343, 100, 10)
          + words("From", 143, 112, 10) + words("To", 243, 112, 10)
          + words("Head of SEND", 43, 133.3, 10) + words("Nov", 143, 133.3, 10) + words("tender by", 243, 133.3, 10)
          + words("Pilot a panel", 343, 133.3, 10) + words("2023", 143, 146, 10) + words("quality", 343, 146, 10))
    rules = [Rule(False, x, 98, x, 200) for x in (40, 140, 340, 560)] + [Rule(False, 240, 110, 240, 200)]
    page = page_of(1, ws, rules)
    page.fills = [Fill(a, 98, b, 134, grey) for a, b in ((40, 140), (140, 340), (340, 560))]
    model = columns_from_rules(page, page.lines[0])
    assert model.bottom <= 134.5 and [c.header for c in model.columns] == ["Sponsor", "From", "To", "Action"]


def test_a_line_repeating_a_kept_header_takes_the_columns_its_body_fits_better():
    """The header repeated over a table's next page: the columns settled above, unless those worked out
    afresh below it fit its rows better (a tie goes to the fresh ones)."""
    from wsoa.extract.grid import Column
    from wsoa.extract.header import ColumnModel, _fits_better

    ws = words("Ref Action Lead Due", 43, 50, bold=True)
    for i in range(3):
        ws += words(f"1.{i}", 43, 70 + 12 * i) + words("Publish the local offer", 103, 70 + 12 * i) \
            + words("Head of SEND", 303, 70 + 12 * i) + words("May 2024", 433, 70 + 12 * i)
    page = page_of(2, ws)

    def model(xs: list[float]) -> ColumnModel:
        return ColumnModel([Column(a, b) for a, b in zip(xs, xs[1:])], 48, 60, "header alignment")

    kept, cutting = model([40, 100, 300, 430, 520]), model([40, 100, 160, 430, 520])  # 160 cuts the actions
    assert _fits_better(page, kept, cutting) is kept and _fits_better(page, cutting, kept) is kept
    assert _fits_better(page, kept, None) is kept and _fits_better(page, None, cutting) is cutting


def test_a_header_wrapped_mid_word_goes_on_over_lines_of_pieces_set_wide_apart():
    """Rows set far apart (paragraph spacing in a Word table): the lines of pieces of the labels wrapped
    in narrow columns ("rces G fe") still belong to the header; the first row (a ref) does not."""
    ws = (words("Key milestones", 43, 131) + words("What we will do", 203, 131) + words("Resou", 353, 131)
          + words("RA", 423, 131) + words("Re", 463, 131) + words("rces", 353, 156) + words("G", 423, 156)
          + words("fe", 463, 156) + words("requi", 353, 180) + words("re", 463, 180))
    ws += words("Pilot a panel", 43, 210) + words("Publish the pages", 203, 210) + words("AR", 353, 210) \
        + words("Green", 423, 210) + words("A.1.1", 463, 210)
    page = page_of(1, ws)
    line = page.lines[0]
    model = columns_from_alignment(page, line, phrases_of(line))
    assert 188 < model.bottom < 210 and model.lines == 3


def test_a_styled_header_ending_its_page_but_for_a_banner_opens_a_table():
    """A bold header naming two roles whose only text below, on its page, is the first weakness's banner
    (a fill as wide as the table): its body is overleaf."""
    from wsoa.extract.header import styled_top
    from wsoa.extract.page import Fill

    ws = (words("When", 43, 350, bold=True) + words("Interim steps", 143, 350, bold=True)
          + words("What partners will do", 263, 350, bold=True) + words("Officer in charge", 443, 350, bold=True)
          + words("Significant weakness 1: Long waits for therapy", 43, 560))
    page = page_of(1, ws)
    page.fills = [Fill(40, 556, 560, 572, (0.2, 0.3, 0.5))]
    assert styled_top(page, page.lines[0], named=True) is not None


def test_a_grid_touching_a_key_table_above_opens_at_its_own_columns():
    """A key table set straight above the plan's grid (Word draws two tables with nothing between as
    one): its outer rules run on up through the key, but the plan's inner rules start at its header
    line, where no rule ran above, so the line opens a grid of its own."""
    from wsoa.extract.header import grid_top
    from wsoa.extract.page import Rule

    ws = words("Blue", 26, 139, 9) + words("Delivered", 383, 139, 9) + words("Red", 26, 161, 9) \
        + words("Stalled", 383, 161, 9)
    heads = ["Ref", "Area of weakness", "What we do", "Who", "Begin", "Finish"]
    xs = [23, 110, 200, 290, 380, 470, 560]
    for x, h in zip(xs, heads):
        ws += words(h, x + 3, 189, 9, True)
    for i, y in enumerate((215, 245)):
        ws += words(f"1{'ab'[i]}", 26, y, 9) + words("Waiting times", 113, y, 9) + words("Publish offer", 203, y, 9) \
            + words("Head of SEND", 293, y, 9) + words("Jul 2023", 383, y, 9) + words("Mar 2024", 473, y, 9)
    rules = [Rule(False, x, 136, x, 270) for x in (23, 380, 560)]
    rules += [Rule(False, x, 186, x, 270) for x in (110, 200, 290, 470)]
    page = page_of(1, ws, rules)
    line = next(ln for ln in page.lines if ln.text.startswith("Ref"))
    model = grid_top(page, line)
    assert model is not None and [c.header for c in model.columns] == heads
    tables = find_tables([page]).tables
    assert len(tables) == 1 and [r.text(0) for r in tables[0].rows] == ["1a", "1b"]


def test_a_row_below_a_banner_in_a_grid_opens_no_grid():
    """Below a banner spanning the grid only the outer rules run up past the banner; the inner rules stop
    at it, but ran above it at the same places: the row under it is the grid's body, not a new header."""
    from wsoa.extract.header import grid_top
    from wsoa.extract.page import Rule

    xs = [23, 120, 220, 320, 420]
    ws = []
    for x, h in zip(xs, ["Ref", "Action", "Lead", "Deadline"]):
        ws += words(h, x + 3, 100, 9, True)
    ws += words("1.1", 26, 125, 9) + words("Publish the offer", 123, 125, 9) + words("Head of SEND", 223, 125, 9) \
        + words("Mar 2024", 323, 125, 9) + words("Weakness 2: waiting times", 26, 150, 9, True) \
        + words("Review plans", 123, 175, 9) + words("Head of SEND", 223, 175, 9) + words("Senior leads", 323, 175, 9)
    rules = [Rule(False, x, 96, x, 260) for x in (23, 420)]
    rules += [Rule(False, x, 96, x, 146) for x in (120, 220, 320)] + [Rule(False, x, 170, x, 260) for x in (120, 220, 320)]
    page = page_of(1, ws, rules)
    line = next(ln for ln in page.lines if ln.text.startswith("Review"))
    assert grid_top(page, line) is None


def test_a_right_aligned_header_over_a_narrow_column_takes_the_text_after_the_gutter():
    """"#" set right over its column of refs: the text below leaves a gutter before the refs, and the refs
    would otherwise share the action's column on every line; the boundary is that gutter, not the gap just
    before "#"."""
    ws = words("Action", 60, 50, bold=True) + words("#", 340, 50, bold=True) + words("Lead", 360, 50, bold=True) \
        + words("Deadline", 470, 50, bold=True)
    for i, (act, ref) in enumerate([("Publish a single route", "GR1.1"), ("Launch an outreach offer", "GR1.2"),
                                    ("Review every plan", "GR1.3")]):
        y = 70 + 24 * i
        ws += words(act, 60, y) + words(ref, 300, y) + words("Head of SEND", 360, y) + words("March 2024", 470, y)
        ws += words("with parents", 60, y + 10)
    page = page_of(1, ws)
    line = page.lines[0]
    model = columns_from_alignment(page, line, phrases_of(line))
    assert [c.header for c in model.columns] == ["Action", "#", "Lead", "Deadline"]
    assert 160 < model.columns[1].x0 < 300
    tables = find_tables([page]).tables
    assert [r.text(1) for r in tables[0].rows] == ["GR1.1", "GR1.2", "GR1.3"]


def test_a_column_of_status_fills_beside_text_is_a_column_of_its_own():
    """No rules; the status shown only by each cell's fill: the body leaves one free run from the end of the
    measures to the update's text, holding the status fills and their label. The fills start a column there,
    as the header's own words would."""
    from wsoa.extract.page import Fill

    ws = words("No", 40, 50, bold=True) + words("Key actions", 70, 50, bold=True) + words("Measures", 250, 50, bold=True) \
        + words("St", 372, 50, bold=True) + words("at", 372, 59, bold=True) + words("us", 372, 68, bold=True) \
        + words("Update", 420, 50, bold=True)
    fills = []
    colours = [(1.0, 0.78, 0.81), (0.78, 0.94, 0.81), (1.0, 0.92, 0.61), (1.0, 0.78, 0.81), (0.78, 0.94, 0.81),
               (0.87, 0.92, 0.97)]
    for i, rgb in enumerate(colours):
        y = 90 + 30 * i
        ws += words(f"1.{i + 1}", 40, y) + words("Publish the local offer", 70, y) + words("for families", 70, y + 10)
        ws += words("90% of plans issued", 250, y) + words("in 20 weeks", 250, y + 10) + words("Draft agreed", 420, y)
        fills.append(Fill(368, y - 3, 415, y + 24, rgb))
    page = page_of(1, ws)
    page.fills = fills
    line = page.lines[0]
    model = columns_from_body(page, line, columns_from_alignment(page, line, phrases_of(line)))
    assert [c.header for c in model.columns] == ["No", "Key actions", "Measures", "St at us", "Update"]
    assert abs(model.columns[3].x0 - 368) <= 1
    tables = find_tables([page]).tables
    assert [c.role for c in tables[0].columns] == ["ref", "action", "measures", "status", None]


def test_a_banner_whose_words_name_roles_is_no_header():
    """"Area of weakness 1: Weak oversight of tribunal outcomes and their impact on children": its words name
    a weakness, an outcome and an impact, but run at a word space from end to end (no gap between them wider
    than a word space): running text, a banner of the table, not a header."""
    from wsoa.extract.header import styled_top

    ws = words("Area of weakness 1: Weak oversight of tribunal outcomes and their impact on children", 60, 50, bold=True)
    for i in range(6):
        y = 70 + 12 * i
        ws += words(f"A.1.{i + 1}", 60, y) + words("Head of SEND", 150, y) + words("Publish the offer", 260, y) \
            + words("Mar 2024", 420, y)
    page = page_of(1, ws)
    assert styled_top(page, page.lines[0], named=True) is None
