"""Tables whose headers or rows defeated the rules before (session 9, from the failures of stress seed 7),
drawn text by text with reportlab in the test (see test_tables8.draw)."""
from __future__ import annotations

import pytest
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

from tests.test_tables8 import LINE, cell, draw
from wsoa.extract.document import extract, layout_pages
from wsoa.extract.grid import Column
from wsoa.extract.header import columns_from_alignment, columns_from_body, phrases_of
from wsoa.extract.stitch import inherit_from, same_layout, same_words


def _pieces(word: str, letters: int) -> list[str]:
    """A label set in a column `letters` wide: one piece of a word per line, as a word processor breaks it."""
    out: list[str] = []
    for w in word.split():
        out += [w[i:i + letters] for i in range(0, len(w), letters)]
    return out


def _draw_pages(path, pages) -> object:
    """Landscape pages in 8 pt Helvetica, each (texts [(x, top, text, bold)], fills [(x0, top, x1, bottom, rgb)],
    horizontal rules [(x0, x1, y)], vertical rules [(x, top, bottom)]), all measured from the page's top."""
    width, height = landscape(A4)
    c = canvas.Canvas(str(path), pagesize=(width, height))
    for texts, fills, hrules, vrules in pages:
        for x0, top, x1, bottom, rgb in fills:
            c.setFillColorRGB(*rgb)
            c.rect(x0, height - bottom, x1 - x0, bottom - top, stroke=0, fill=1)
        c.setFillColorRGB(0, 0, 0)
        for x, top, text, bold in texts:
            c.setFont("Helvetica-Bold" if bold else "Helvetica", 8)
            c.drawString(x, height - top - 8, text)
        c.setLineWidth(0.5)
        for x0, x1, y in hrules:
            c.line(x0, height - y, x1, height - y)
        for x, y0, y1 in vrules:
            c.line(x, height - y0, x, height - y1)
        c.showPage()
    c.save()
    return path


def test_a_label_wrapped_letter_by_letter_in_a_narrow_column_still_names_its_role(tmp_path):
    """"Addit | ional | resou | rce ..." and "Cu | rr | en | t ..." down a header band ruled off above and below:
    one piece of a word per line, the labels name resources and status; the first line names the action
    only."""
    xs = [40, 200, 330, 380, 420]   # action, lead, resources (5 letters wide), status (2 letters), progress
    top = 100
    texts = cell(xs[0], top, "Key actions") + cell(xs[1], top, "Officer", "accountable")
    texts += cell(xs[2], top, *_pieces("Additional resource or funding needed", 5))
    texts += cell(xs[3], top, *_pieces("Current delivery status against the agreed timescale", 2))
    texts += cell(xs[4], top, "Summary of", "progress made since", "the last board meeting")
    depth = len(_pieces("Current delivery status against the agreed timescale", 2))
    body = top + depth * LINE + 8
    rows = [("Publish the local offer", "Head of SEND", "Existing", "Off track", "Awaiting data from schools"),
            ("Review annual reviews", "Inclusion Manager", "None", "On track", "Started with the first panel"),
            ("Agree a referral route", "Designated Clinical Officer", "Existing", "Complete", "Agreed by the board")]
    rules = [(35, 560, top - 3), (35, 560, body - 4)]
    for k, row in enumerate(rows):
        y = body + k * 3 * LINE
        for x, text in zip(xs, row):
            texts += cell(x, y, text)
        rules.append((35, 560, y + 3 * LINE - 4))
    doc = extract(draw(tmp_path / "narrow.pdf", texts, rules))
    acts = doc.actions
    assert [a.action for a in acts] == [r[0] for r in rows]
    assert [a.rag for a in acts] == ["red", "green", "blue"]
    assert [a.resource for a in acts] == ["Existing", "None", "Existing"]


def test_a_wrapped_header_repeated_atop_each_page_naming_one_role_on_its_first_line_is_no_running_head(tmp_path):
    """The same header (first line "Key actions | Officer | Addit | Cu | Summary of": one role named) at the
    top of pages 2 to 5 over the table's rows there (page 1 an introduction): column labels, kept on every
    page with the lines set close under the first, so each page's rows keep their statuses."""
    xs = [40, 200, 330, 380, 420]

    def page(top: float, rows: list[tuple[str, ...]]) -> list[tuple[float, float, str]]:
        texts = cell(xs[0], top, "Key actions") + cell(xs[1], top, "Officer")
        texts += cell(xs[2], top, *_pieces("Additional resource", 5))
        texts += cell(xs[3], top, *_pieces("Current status", 2))
        texts += cell(xs[4], top, "Summary of", "progress made since", "the last board meeting")
        body = top + len(_pieces("Current status", 2)) * LINE + 12
        for k, row in enumerate(rows):
            for x, text in zip(xs, row):
                texts += cell(x, body + k * 3 * LINE, *(text.split() if x == xs[3] else [text]))
        return texts

    status = ["Off track", "On track", "Complete", "Not started"]
    pages = [[(f"Publish offer part {p}{k}", "Head of SEND", "Existing", status[(p + k) % 4], f"Noted at board {p}{k}")
              for k in range(3)] for p in range(4)]
    intro = [(40, 100, "This statement sets out how partners will address the areas of weakness found.")]
    doc = extract(draw(tmp_path / "repeated.pdf", intro, more=[page(40, rows) for rows in pages]))
    assert [a.action for a in doc.actions] == [r[0] for rows in pages for r in rows]
    plain = {"Off track": "red", "On track": "green", "Complete": "blue", "Not started": "white"}
    assert [a.rag for a in doc.actions] == [plain[r[3]] for rows in pages for r in rows]
    assert [a.resource for a in doc.actions] == ["Existing"] * 12   # the label's lines under the first kept


def test_a_label_over_a_short_rule_is_the_group_label_of_the_columns_the_rule_spans(tmp_path):
    """"Timescale" set left over "Begin" only, a rule under it across "Begin | Finish": the sub-headers
    name the dates, the label their group (not "Timescale Begin", a deadline)."""
    xs = [40, 150, 260, 360, 470, 580]
    texts = cell(xs[0], 100, "Actions") + cell(xs[1], 100, "Lead") + cell(xs[2], 100, "Timescale")
    texts += cell(xs[2], 122, "Begin") + cell(xs[3], 122, "Finish") + cell(xs[4], 100, "Priority area")
    texts += cell(xs[5], 100, "Commentary")
    rows = [("Publish the local offer", "Head of SEND", "Aug 2023", "Within 4 months", "Poor transitions", "Awaiting data"),
            ("Review annual reviews", "ICB", "May 2023", "Dec 2023", "Late plans", "Work under way"),
            ("Agree a referral route", "Inclusion Manager", "Jan 2023", "Oct 2023", "Late plans", "Draft agreed")]
    rules = [(35, 760, 97), (255, 465, 118), (35, 760, 136)]
    for k, row in enumerate(rows):
        y = 142 + k * 4 * LINE
        for x, text in zip(xs, row):
            texts += cell(x, y, *(text.split(" ", 1) if x == xs[0] else [text]))
        rules.append((35, 760, y + 4 * LINE - 5))
    path = draw(tmp_path / "group.pdf", texts, rules)
    page = layout_pages(path)[0]
    line = next(ln for ln in page.lines if ln.text.startswith("Actions"))
    model = columns_from_alignment(page, line, phrases_of(line))
    for found in (model, columns_from_body(page, line, model)):  # columns from the header's gaps or the body's
        labels = [(c.group, c.header) for c in found.columns]
        assert ("Timescale", "Begin") in labels and ("Timescale", "Finish") in labels
    doc = extract(path)
    assert [a.action for a in doc.actions] == [r[0] for r in rows]
    assert [[str(d) for d in a.start_dates] for a in doc.actions] == [["2023-08-01"], ["2023-05-01"], ["2023-01-01"]]
    assert [[str(d) for d in a.deadlines] for a in doc.actions] == [[], ["2023-12-31"], ["2023-10-31"]]


@pytest.mark.parametrize("earlier", [False, True])
def test_a_filled_header_row_broken_over_a_page_break_takes_its_labels_from_both_pages(tmp_path, earlier):
    """A ruled grid whose filled header row, last on page 1, breaks over the page: "Re | Key actions | Lead
    officer | Comme | By | St" there, "f | (what we will do) | (who) | nceme | when | at" then "nt | us" atop
    page 2 on the same fill (naming roles enough for a header of its own). The
    labels are read whole (Ref, Commencement, By when, Status): the rows take their start dates, deadlines
    and statuses; also where the header, whole, opens the table higher on page 1 over rows of its own
    (`earlier`), and repeats broken at the page's foot."""
    xs = [40, 120, 300, 420, 500, 580, 660]
    peach = (0.99, 0.89, 0.84)
    labels = [(0, "Re"), (1, "Key actions"), (2, "Lead officer"), (3, "Comme"), (4, "By"), (5, "St")]
    rest = [(0, "f"), (1, "(what we will do)"), (2, "(who)"), (3, "nceme"), (4, "when"), (5, "at")], [(3, "nt"), (5, "us")]
    rows = [("2.1", "Refresh a joint protocol", "Head of SEND", "Dec 2022", "Aug 2023", "Delivered"),
            ("2.2", "Publish a parent survey", "Inclusion Manager", "Jun 2023", "Feb 2024", "Stalled"),
            ("2.3", "Embed an outreach service", "Service Manager", "Jan 2023", "Mar 2024", "On track")]
    above = [("1.1", "Map the local offer", "Head of SEND", "Jan 2022", "May 2022", "Delivered"),
             ("1.2", "Train the SENCOs", "ICB", "Feb 2022", "Jun 2022", "On track")] if earlier else []

    def label_lines(top: float, lines) -> list[tuple[float, float, str]]:
        return [(xs[i] + 4, top + 10 * k, t) for k, line in enumerate(lines) for i, t in line]

    def body(top: float, rs) -> list[tuple[float, float, str]]:
        return [(x + 4, top + k * 30, t) for k, row in enumerate(rs) for x, t in zip(xs, row)]

    first = [(40, 60, "Priority 2")] + label_lines(522, [labels])
    rules1, fills1 = [518, 560], [(xs[i], 518, xs[i + 1], 560, peach) for i in range(6)]
    if earlier:   # the whole header, three lines, then the rows above
        first += label_lines(104, [labels, *rest]) + body(144, above)
        rules1 += [100, 138, 168, 198]
        fills1 += [(xs[i], 100, xs[i + 1], 138, peach) for i in range(6)]
    vr1 = [(x, 518, 560) for x in xs] + ([(x, 100, 198) for x in xs] if earlier else [])
    plain = [(x, top, t, False) for x, top, t in first]
    page2 = [(x, top, t, False) for x, top, t in label_lines(40, rest) + body(70, rows)]
    path = _draw_pages(tmp_path / "broken.pdf", [
        (plain, fills1, [(xs[0], xs[-1], y) for y in rules1], vr1),
        (page2, [(xs[i], 36, xs[i + 1], 62, peach) for i in range(6)],
         [(xs[0], xs[-1], y) for y in [36, 62, 92, 122, 152]], [(x, 36, 152) for x in xs])])
    doc = extract(path)
    assert [a.ref for a in doc.actions] == [r[0] for r in above + rows]
    assert [[str(d) for d in a.start_dates] for a in doc.actions][-3:] == [["2022-12-01"], ["2023-06-01"], ["2023-01-01"]]
    assert [[str(d) for d in a.deadlines] for a in doc.actions][-3:] == [["2023-08-31"], ["2024-02-29"], ["2024-03-31"]]
    assert [a.rag for a in doc.actions][-3:] == ["blue", "red", "green"]


def test_a_bold_banner_right_under_a_bold_header_is_no_line_of_the_header(tmp_path):
    """"Area of weakness 1: ..." in bold under a bold header, set as close as its lines: the banner runs
    over the gaps between the header's labels, so it opens the weakness's rows, not another header line."""
    xs = [40, 140, 240, 340, 460]
    texts = [(x, 100, t) for x, t in zip(xs, ["Status", "Deadline", "Lead", "Milestones", "Activity"])]
    bold = set(range(len(texts)))
    banners = {0: "Area of weakness 1: Gaps in preparation for adulthood across the local area",
               2: "Area of weakness 2: Poor co-ordination of personal budgets"}
    y = 114
    for k, row in enumerate([("Amber", "Dec 2023", "Head of SEND", "Pilot reviews", "Launch a joint protocol"),
                             ("Green", "Feb 2022", "ICB", "Draft guidance", "Agree guidance for schools"),
                             ("Blue", "Aug 2022", "SENCO", "Sign-off", "Redesign a parent survey"),
                             ("Red", "May 2023", "Virtual School Head", "Pilot panel", "Decrease waiting times")]):
        if k in banners:
            bold.add(len(texts))
            texts.append((40, y, banners[k]))
            y += 16
        texts += [(x, y, t) for x, t in zip(xs, row)]
        y += 24
    doc = extract(draw(tmp_path / "banner.pdf", texts, bold=bold))
    assert [a.action for a in doc.actions] == ["Launch a joint protocol", "Agree guidance for schools",
                                               "Redesign a parent survey", "Decrease waiting times"]
    assert [a.weakness_id for a in doc.actions] == ["W1", "W1", "W2", "W2"]


def test_rows_of_one_line_actions_are_told_apart_by_the_spacing_of_lines_inside_other_cells(tmp_path):
    """No rules; each action one line, rows set 7 pt apart, a deadline cell wrapped over two lines 2 pt
    apart, and one row with no start date: the spacing inside cells (the table's tightest) tells each
    row from the next, so no two actions run together."""
    xs = [60, 200, 360]
    texts = [(xs[0], 100, "Start"), (xs[1], 100, "End"), (xs[2], 100, "Actions")]
    rows = [("July 2021", ["Summer term 2022"], "Introduce a shared dashboard on transport"),
            ("April 2021", ["Summer term 2022"], "Review the local offer pages with the forum"),
            ("Jul 2023", ["Original: April 2024 / Revised:", "Summer term 2024"], "Decrease waiting times for therapy"),
            ("", ["Original: Apr 2023 / Revised:", "Summer term 2023"], "Introduce a workforce plan for short breaks"),
            ("Nov 2023", ["Spring term 2024"], "Map a single referral route for speech therapy")]
    y = 118
    for start, ends, action in rows:
        texts += [(xs[0], y, start)] if start else []
        texts += cell(xs[1], y, *ends) + [(xs[2], y, action)]
        y += len(ends) * LINE + 5
    doc = extract(draw(tmp_path / "tight.pdf", texts, bold={0, 1, 2}))
    assert [a.action for a in doc.actions] == [r[2] for r in rows]
    assert [[str(d) for d in a.start_dates] for a in doc.actions] == [["2021-07-01"], ["2021-04-01"], ["2023-07-01"],
                                                                     [], ["2023-11-01"]]


def test_a_repeated_header_whose_body_split_off_a_column_without_words_is_the_same_header():
    """The same labels over a page whose body left a gutter inside one column (an extra column with no
    words): the same header, its columns paired label by label, so the table goes on and keeps its roles."""
    first = [Column(20, 110, "Code", "ref"), Column(110, 240, "Improvement step", "action"),
             Column(240, 700, "Finish", "deadline"), Column(700, 760, "Status", "status", 50.0)]
    again = [Column(20, 110, "Code"), Column(110, 240, "Improvement step"), Column(240, 690, "Finish"),
             Column(690, 704, ""), Column(704, 760, "Status")]
    assert same_words(again, first) and same_layout(again, first)
    inherit_from(again, [first])
    assert [c.role for c in again] == ["ref", "action", "deadline", None, "status"]
    assert not same_words(again[:2], first)


def test_a_status_fill_the_colour_of_the_zebra_stripe_still_says_its_status_where_every_row_has_one(tmp_path):
    """Zebra rows shaded pale blue (DDEBF7); the status cell of every plain row is filled, pale blue among
    the colours. On a shaded row the status cell in that same blue is a status (every action has one), a
    grey one is grey."""
    xs = [40, 100, 420, 560, 640]
    texts = [(x, 100, t) for x, t in zip(xs, ["Ref", "Action", "Lead", "Start", "RAG"])]
    blue, red, green, grey = (0.867, 0.922, 0.969), (1.0, 0.78, 0.808), (0.776, 0.937, 0.808), (0.93, 0.93, 0.93)
    statuses = [red, blue, blue, grey, green, blue, red, blue]
    fills = []
    for k, rgb in enumerate(statuses):
        y = 120 + k * 20
        texts += [(40, y, f"1.{k + 1}"), (100, y, f"Publish part {k + 1} of the offer"), (420, y, "Head of SEND"),
                  (560, y, f"May 202{k % 4}")]
        if k % 2:
            fills += [(xs[i], y - 5, xs[i + 1], y + 15, blue) for i in range(4)]
        fills.append((xs[4], y - 5, 700, y + 15, rgb))
    doc = extract(draw(tmp_path / "zebra.pdf", texts, bold=set(range(5)), fills=fills))
    assert [a.rag for a in doc.actions] == ["red", "blue", "blue", "white", "green", "blue", "red", "blue"]


def test_a_column_with_no_text_under_a_dates_label_takes_no_date_role():
    """A sliver of a column split off under "Dates" (no header words, nothing in its cells) beside "Start |
    End": the End column, not the empty sliver, is the deadline."""
    from wsoa.extract.column_roles import _dates_under_label
    cols = [Column(320, 372, "Lead", "lead"), Column(372, 374, "", None, 0.0, "Dates"),
            Column(374, 420, "Start", "start", 100.0, "Dates"), Column(420, 479, "End", None, 0.0, "Dates")]
    cells = {0: (["Head of SEND", "ICB"], [None, None]), 1: (["", ""], [None, None]),
             2: (["Dec 2021", "May 2022"], [None, None]), 3: (["September 2022 to Dec 2022", "TBC"], [None, None])}
    why: dict[int, str] = {}
    _dates_under_label(cols, cells, why)
    assert [c.role for c in cols] == ["lead", None, "start", "deadline"]


def _resource_table(tmp_path, label: list[str], cells: list[list[str]]):
    """Ref | Intervention | a narrow column labelled `label` (one line each) holding `cells` | Close."""
    xs = [40, 80, 330, 364, 460]
    texts = [(x, 100, t) for x, t in zip(xs, ["Ref", "Intervention", label[0], "Close", "Signs of change"])]
    texts += [(xs[2], 100 + k * LINE, t) for k, t in enumerate(label[1:], start=1)]
    for k, lines in enumerate(cells):
        y = 120 + k * 30
        texts += [(xs[0], y, f"1.{k + 1}"), (xs[1], y, f"Publish part {k + 1}"), (xs[3], y, "Jun 2022"),
                  (xs[4], y, "Fewer complaints")] + cell(xs[2], y, *lines)
    return extract(draw(tmp_path / "inputs.pdf", texts, bold=set(range(5))))


def test_a_narrow_column_wrapping_existing_resource_word_by_word_keeps_the_words_apart(tmp_path):
    """"Existing" / "resource" wrapped word by word in a narrow column under an unknown label: both are words
    the vocabulary knows, no pieces of one word, so the cells read "Existing resource": resources, no leads."""
    doc = _resource_table(tmp_path, ["Means"], [["Existing", "resource"], ["ER"], ["AR"], ["Existing", "resource"]])
    assert [a.resource for a in doc.actions] == ["Existing resource", "ER", "AR", "Existing resource"]
    assert [a.lead for a in doc.actions] == [None] * 4


def test_a_column_headed_inputs_holds_resources_even_where_its_cells_name_posts(tmp_path):
    """"Input" / "s" over staff named as inputs: the header names resources, the cells do not make it a lead."""
    doc = _resource_table(tmp_path, ["Input", "s"], [["Two", "EPs"], ["SENCO", "time"], ["Head of", "SEND"]])
    assert [a.resource for a in doc.actions] == ["Two EPs", "SENCO time", "Head of SEND"]
    assert [a.lead for a in doc.actions] == [None] * 3


def test_the_space_between_two_words_of_a_cell_is_no_column_gutter(tmp_path):
    """No rules, labels centred over their columns: the milestones' lines run to their cell's edge
    ("Pilot short breaks for all 2"), where the only x no line crosses before the lead column's text is the word
    space inside that line. The boundary lies in the wide gutter beyond, so no number joins the lead."""
    texts = [(92, 100, "Milestones"), (226, 100, "Lead"), (300, 100, "Actions"), (452, 100, "Complete by")]
    rows = [(["Pilot EHC needs", "assessments 1"], ["Virtual School", "Head"], "Agree a protocol", "Jun 2021"),
            (["Sign-off of mental", "health support in", "schools 1", "Pilot short breaks for all"], ["Head of SEND"],
             "Map the offer", "Oct 2021"),
            (["Review personal", "budgets 3"], ["SENCO network", "chair"], "Train the staff", "Feb 2022")]
    y = 120
    for steps, lead, action, by in rows:
        texts += cell(92, y, *steps) + cell(206, y, *lead) + [(300, y, action), (452, y, by)]
        if steps[-1].endswith("for all"):   # its number a word space after it, at the cell's edge
            texts.append((92 + stringWidth(steps[-1], "Helvetica", 8) + 1.5 * stringWidth(" ", "Helvetica", 8),
                          y + (len(steps) - 1) * LINE, "2"))
        y += max(len(steps), len(lead)) * LINE + 8
    doc = extract(draw(tmp_path / "space.pdf", texts, bold={0, 1, 2, 3}))
    assert [a.lead for a in doc.actions] == ["Virtual School Head", "Head of SEND", "SENCO network chair"]


def test_a_word_broken_in_a_narrow_column_of_a_table_without_rules_is_joined_again(tmp_path):
    """No rules: the lead column's text stops at its widest line, well short of the gutter before the next
    column; "Head of Com" (the widest line: the word broken there) over "missioning" is one word."""
    texts = [(40, 100, "Ref"), (80, 100, "Action"), (300, 100, "Lead"), (460, 100, "Deadline")]
    rows = [("1.1", "Publish the protocol", ["Head of", "SEND"], "Jun 2023"),
            ("1.2", "Train the SENCOs", ["Head of Com", "missioning", "(Council)"], "Sep 2023"),
            ("1.3", "Map the offer", ["Virtual", "School Head"], "Jan 2024")]
    for k, (ref, action, lead, by) in enumerate(rows):
        y = 120 + k * 40
        texts += [(40, y, ref), (80, y, action), (460, y, by)] + cell(300, y, *lead)
    doc = extract(draw(tmp_path / "unruled.pdf", texts, bold={0, 1, 2, 3}))
    assert [a.lead for a in doc.actions] == ["Head of SEND", "Head of Commissioning (Council)", "Virtual School Head"]


def test_a_two_row_filled_header_whose_merged_cell_spans_both_rows_repeats_at_the_top_of_the_next_page(tmp_path):
    """"Dates | Actions" over "Start | End", the Actions cell filled down over both rows, repeated atop page 2;
    a banner "Area of weakness 2" ends page 1: the header's first row is part of it, so page 2 repeats the
    header, the table goes on there, and its rows fall under weakness 2."""
    grey = (0.85, 0.85, 0.85)

    def header(top: float) -> tuple[list, list]:
        texts = [(150, top + 4, "Dates", True), (420, top + 4, "Actions", True),
                 (80, top + 22, "Start", True), (220, top + 22, "End", True)]
        fills = [(54, top, 356, top + 18, grey), (356, top, 788, top + 36, grey),
                 (54, top + 18, 198, top + 36, grey), (198, top + 18, 356, top + 36, grey)]
        return texts, fills

    def rows(top: float, items: list[tuple[str, str, str]]) -> list:
        return [t for k, (start, end, action) in enumerate(items)
                for t in ((60, top + k * 20, start, False), (204, top + k * 20, end, False),
                          (362, top + k * 20, action, False))]

    first = [("Jul 2021", "Jul 2022", "Introduce a shared dashboard"), ("Apr 2021", "Jul 2022", "Review the offer")]
    second = [("Jan 2022", "Jul 2023", "Map the referral route"), ("Mar 2022", "Dec 2023", "Train the SENCOs")]
    t1, f1 = header(100)
    t1 = [(40, 60, "Written Statement of Action", True)] + t1 + [(60, 140, "Area of weakness 1", True)]
    t1 += rows(160, first) + [(60, 520, "Area of weakness 2", True)]
    t2, f2 = header(40)
    t2 += rows(84, second)
    doc = extract(_draw_pages(tmp_path / "two_rows.pdf", [(t1, f1, [], []), (t2, f2, [], [])]))
    assert [a.action for a in doc.actions] == [r[2] for r in first + second]
    assert [a.weakness_id for a in doc.actions] == ["W1", "W1", "W2", "W2"]
    assert [[str(d) for d in a.start_dates] for a in doc.actions] == [["2021-07-01"], ["2021-04-01"], ["2022-01-01"],
                                                                     ["2022-03-01"]]


@pytest.mark.parametrize("leads", [[["SENCO", "network"], ["ICB"], ["Head of", "SEND"]],
                                   [["Preparation", "for Adults"], ["Head of", "SEND"], ["Inclusion", "Manager"]]])
def test_words_wrapped_whole_in_a_narrow_lead_column_are_not_joined(tmp_path, leads):
    """"SENCO" / "network" (capitals never run on into lower case in one word) and "Preparation" / "for Adults"
    ("for" is a word of its own), each first line the column's widest: wrapped between words, not inside one."""
    texts = [(40, 100, "Ref"), (80, 100, "Action"), (300, 100, "Lead"), (400, 100, "Close")]
    for k, lead in enumerate(leads):
        y = 120 + k * 30
        texts += [(40, y, f"1.{k + 1}"), (80, y, f"Publish part {k + 1} of the offer"), (400, y, "Jun 2022")]
        texts += cell(300, y, *lead)
    doc = extract(draw(tmp_path / "leads.pdf", texts, bold=set(range(4))))
    assert [a.lead for a in doc.actions] == [" ".join(lead) for lead in leads]


def test_a_header_whose_sub_header_row_opens_the_next_page_splits_its_column_there(tmp_path):
    """A ruled grid: "Lead | Action | Timescale | Milestones", filled, ends page 1; page 2 opens with the
    sub-header row "Start | End" on the same fill, a rule under "Timescale" only there parting its two
    cells: the column splits, the rows take start dates and deadlines."""
    grey = (0.85, 0.85, 0.85)
    xs = [48, 153, 363, 468, 573, 678]      # Timescale spans 363..573, cut at 468 from page 2's sub-header on

    def vr(top, bottom, edges):
        return [(x, top, bottom) for x in edges]

    p1 = [(52, 516, "Lead", True), (157, 516, "What we will do", True), (367, 516, "Timescale", True),
          (577, 516, "Milestones", True), (40, 60, "Written Statement of Action", True)]
    f1 = [(a, 512, b, 534, grey) for a, b in [(48, 153), (153, 363), (363, 573), (573, 678)]]
    rows = [("Head of SEND", "Agree a tracking tool", "Nov 2021", "Jun 2022", "Draft 1"),
            ("ICB", "Redesign a panel", "Jan 2022", "Mar 2023", "Review 2"),
            ("Virtual School Head", "Map the offer", "May 2021", "Jan 2022", "Pilot 3")]
    p2 = [(367, 58, "Start", True), (472, 58, "End", True)]
    p2 += [(x + 4, 84 + k * 30, t, False) for k, row in enumerate(rows) for x, t in zip([48, 153, 363, 468, 573], row)]
    f2 = [(a, 54, b, 75, grey) for a, b in [(48, 153), (153, 363), (363, 468), (468, 573), (573, 678)]]
    path = _draw_pages(tmp_path / "sub.pdf", [
        (p1, f1, [(48, 678, y) for y in [512, 534]], vr(512, 534, [48, 153, 363, 573, 678])),
        (p2, f2, [(48, 678, y) for y in [54, 75, 105, 135, 165]], vr(54, 165, xs))])
    doc = extract(path)
    assert [a.action for a in doc.actions] == [r[1] for r in rows]
    assert [[str(d) for d in a.start_dates] for a in doc.actions] == [["2021-11-01"], ["2022-01-01"], ["2021-05-01"]]
    assert [[str(d) for d in a.deadlines] for a in doc.actions] == [["2022-06-30"], ["2023-03-31"], ["2022-01-31"]]
    assert doc.tables[0].columns == {"Lead": "lead", "What we will do": "action", "Start": "start", "End": "deadline",
                                     "Milestones": "milestones"}   # the record's report shows the columns as read


def test_a_running_head_of_four_parts_naming_one_role_is_still_furniture(tmp_path):
    """"OFFICIAL | Eastmoor | Progress report | Page n" atop every page (wide gaps, "progress" a role word),
    the body well below it: a running head, removed; only a line whose labels wrap onto lines set close
    under it is kept as a repeated header naming one role."""
    pages = [[(40, 30, "OFFICIAL"), (200, 30, "Eastmoor"), (400, 30, "Progress report"), (700, 30, f"Page {n}"),
              (40, 90, f"Body text of page {n} about the plan.")] for n in range(1, 5)]
    path = draw(tmp_path / "heads.pdf", pages[0][1:], title="", more=[p for p in pages[1:]])
    kept = [ln.text for p in layout_pages(path) for ln in p.lines]
    assert kept == [f"Body text of page {n} about the plan." for n in range(1, 5)]
