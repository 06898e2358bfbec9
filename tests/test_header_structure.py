"""Headers found by structure as well as by vocabulary, on pages built in the test (issue 13, item 2).

A row at the top of a ruled grid is a header even when its words are unknown, long or wrapped
mid-word; columns whose header names no role take one from their content; a cell spanning two
columns over sub-headers is a hint, not a column; text-aligned columns take their bounds from the
body text too. Prose in a ruled grid and legends stay out.
"""
from __future__ import annotations

from wsoa.extract.actions import ActionContext, read_actions
from wsoa.extract.page import Rule, Word
from wsoa.extract.tables import find_tables
from wsoa.normalise.status import Legend

from .test_table_stages import CHAR, page_of, ruled_table, words

XS6 = [40.0, 80.0, 330.0, 470.0, 540.0, 600.0]
BODY = [["1.1", "Train every school SENCO on the graduated approach", "Head of SEND", "Jan 2024", "Green"],
        ["1.2", "Publish the local offer pages about short breaks", "Designated Clinical Officer", "Mar 2024", "Amber"],
        ["1.3", "Review the referral route for speech therapy", "ICB Commissioner", "Jun 2024", "Red"]]


def _wide(page):
    page.width = 700.0
    return page


def _wrapped(text: str, x0: float, x1: float, top: float, bold: bool = True) -> list[Word]:
    """A header cell's text broken into lines that fit between x0 and x1."""
    out: list[Word] = []
    line: list[str] = []
    for token in text.split() + [""]:
        if token and CHAR * len(" ".join(line + [token])) <= x1 - x0 - 6:
            line.append(token)
            continue
        out += words(" ".join(line), x0 + 3, top + 4 + 9 * len({w.top for w in out}), bold=bold)
        line = [token]
    return out


def _body(rows: list[list[str]], top: float, xs: list[float] = XS6, step: float = 16.0) -> list[Word]:
    """Body rows of text, one line each, each cell at its column's left edge."""
    return [w for r, row in enumerate(rows) for c, text in enumerate(row)
            for w in words(text, xs[c] + 3, top + step * r)]


def _actions(page):
    found = find_tables([_wide(page)])
    assert len(found.tables) == 1
    return found, read_actions(found.tables[0], 0, Legend(), ActionContext())


def test_unknown_header_words_at_the_top_of_a_ruled_grid_make_a_header():
    ws, rules, _ = ruled_table(100, BODY, xs=XS6, header=["Code", "Planned response", "Champion", "Close", "Health"])
    found, got = _actions(page_of(1, ws, rules))
    assert [c.role for c in found.tables[0].columns] == ["ref", "action", "lead", "deadline", "status"]
    assert [a.ref for a in got.actions] == ["1.1", "1.2", "1.3"]
    assert got.actions[1].deadlines[0].isoformat() == "2024-03-31" and got.actions[2].rag == "red"
    assert got.actions[0].lead == "Head of SEND"


def test_long_headers_take_their_roles_from_the_content():
    long = ["Action reference number in this plan",
            "What partners across the local area will do to put this right for families",
            "Which officer in which organisation is accountable for delivery",
            "Date by which this action will be fully completed and embedded",
            "Current delivery status against the agreed timescale"]
    body_ws, rules, _ = ruled_table(160, BODY, xs=XS6, header=None)
    ws = [w for c, h in enumerate(long) for w in _wrapped(h, XS6[c], XS6[c + 1], 100)] + body_ws
    rules += [Rule(False, x, 100, x, 160) for x in XS6] + [Rule(True, XS6[0], 100, XS6[-1], 100)]
    found, got = _actions(page_of(1, ws, rules))
    assert [c.role for c in found.tables[0].columns] == ["ref", "action", "lead", "deadline", "status"]
    assert got.actions[0].action.startswith("Train every school SENCO")


def test_a_column_left_without_a_role_is_warned_by_name():
    xs = XS6 + [690.0]
    body = [r + ["Families say the service is easier to reach"] for r in BODY]
    ws, rules, _ = ruled_table(100, body, xs=xs, header=["Ref", "Action", "Lead", "Deadline", "RAG", "Signs of change"])
    found, got = _actions(page_of(1, ws, rules))
    assert found.tables[0].columns[5].role is None
    warned = [w for w in got.warnings if w.code == "column-without-role"]
    assert len(warned) == 1 and "Signs of change" in warned[0].message


def _stacked(top: float, parts: list[list[str]], xs: list[float], bold: bool = True) -> list[Word]:
    """Header cells wrapped mid-word: each cell's pieces on lines below one another."""
    out: list[Word] = []
    for c, pieces in enumerate(parts):
        for i, piece in enumerate(pieces):
            out += words(piece, xs[c] + 3, top + 4 + 9 * i, bold=bold)
    return out


def test_headers_wrapped_mid_word_keep_their_roles():
    head = [["Re", "f"], ["Ac", "tion"], ["Le", "ad"], ["Dead", "line"], ["RA", "G"]]
    body_ws, rules, bottom = ruled_table(130, BODY, xs=XS6, header=None)
    ws = _stacked(100, head, XS6) + body_ws
    rules += [Rule(False, x, 100, x, 130) for x in XS6] + [Rule(True, XS6[0], 100, XS6[-1], 100)]
    found, got = _actions(page_of(1, ws, rules))
    assert [c.role for c in found.tables[0].columns] == ["ref", "action", "lead", "deadline", "status"]
    assert [a.rag for a in got.actions] == ["green", "amber", "red"]


def _two_row_page(sub: list[str], label: str, dates: list[list[str]]):
    """Ref | Action | Lead | <label> over sub[0] | sub[1] | Status, fully ruled."""
    xs = [40.0, 80.0, 330.0, 470.0, 540.0, 610.0, 670.0]
    top, mid, body_top, row_h = 100.0, 116.0, 132.0, 24.0
    ws = words("Ref", 43, top + 4, bold=True) + words("Action", 83, top + 4, bold=True)
    ws += words("Lead", 333, top + 4, bold=True) + words("Status", 613, top + 4, bold=True)
    ws += words(label, 540 - CHAR * len(label) / 2, top + 3, bold=True)
    ws += words(sub[0], 473, mid + 4, bold=True) + words(sub[1], 543, mid + 4, bold=True)
    rows = [[r[0], r[1], r[2], d[0], d[1], r[4]] for r, d in zip(BODY, dates)]
    body_ws, rules, _ = ruled_table(body_top, rows, xs=xs, header=None)
    ws += body_ws
    rules += [Rule(False, x, top, x, body_top) for x in xs if x != 540.0]
    rules += [Rule(False, 540.0, mid, 540.0, body_top), Rule(True, xs[0], top, xs[-1], top),
              Rule(True, 470.0, mid, 610.0, mid)]
    return page_of(1, ws, rules)


def test_two_row_header_gives_start_and_deadline_columns():
    dates = [["Sep 2023", "Jan 2024"], ["Oct 2023", "Mar 2024"], ["Nov 2023", "Jun 2024"]]
    found, got = _actions(_two_row_page(["Start", "End"], "Timescale", dates))
    roles = [c.role for c in found.tables[0].columns]
    assert roles == ["ref", "action", "lead", "start", "deadline", "status"]
    assert got.actions[0].start_dates[0].isoformat() == "2023-09-01"
    assert got.actions[0].deadlines[0].isoformat() == "2024-01-31"
    assert got.actions[2].start_dates[0].isoformat() == "2023-11-01"


def test_two_row_header_with_unknown_sub_headers_orders_the_dates():
    dates = [["Sep 2023", "Jan 2024"], ["Oct 2023", "Mar 2024"], ["Nov 2023", "Jun 2024"]]
    found, got = _actions(_two_row_page(["Kick-off", "Close"], "When", dates))
    assert [c.role for c in found.tables[0].columns][3:5] == ["start", "deadline"]
    assert got.actions[1].deadlines[0].isoformat() == "2024-03-31"


def test_prose_in_a_ruled_grid_is_not_an_action_table():
    rows = [["Leadership", "Leaders know the area well and share an ambitious vision for children.",
             "Leaders have been slow to act on what parents told them about waiting times."],
            ["Identification", "Most needs are identified early in the early years settings of the area.",
             "Too many children wait too long for an assessment of their needs by the service."]]
    ws, rules, _ = ruled_table(100, rows, xs=[40.0, 120.0, 340.0, 560.0], header=["Theme", "Strengths",
                                                                                  "Areas for development"],
                               row_h=40.0)
    assert find_tables([page_of(1, ws, rules)]).tables == []


def test_a_legend_grid_is_not_an_action_table():
    rows = [["Green", "On track to deliver"], ["Amber", "Some slippage"], ["Red", "Off track"]]
    ws, rules, _ = ruled_table(100, rows, xs=[40.0, 120.0, 300.0], header=["Colour", "Meaning"])
    assert find_tables([page_of(1, ws, rules)]).tables == []


def _right_aligned(text: str, right: float, top: float, bold: bool = False) -> list[Word]:
    return words(text, right - CHAR * (len(text) + 1), top, bold=bold)


def test_text_aligned_columns_take_their_bounds_from_the_body_text():
    """Headers aligned right in a table without rules: each column still holds its own cells."""
    xs = XS6
    head = ["Ref", "Action", "Lead", "Deadline", "Status"]
    ws: list[Word] = []
    for c, h in enumerate(head):
        ws += _right_aligned(h, xs[c + 1] - 4, 100, bold=True)
    ws += _body(BODY, 120, xs)
    found, got = _actions(page_of(1, ws))
    assert [c.role for c in found.tables[0].columns] == ["ref", "action", "lead", "deadline", "status"]
    assert [a.lead for a in got.actions] == ["Head of SEND", "Designated Clinical Officer", "ICB Commissioner"]
    assert [a.rag for a in got.actions] == ["green", "amber", "red"]


def _aligned_page(head: list[str], rows: list[list[str]], xs: list[float] = XS6, bold: bool = True,
                  extra: list[Word] = ()) -> object:
    ws = [w for c, h in enumerate(head) for w in words(h, xs[c] + 3, 100, bold=bold)]
    ws += _body(rows, 120, xs)
    return page_of(1, ws + list(extra))


def test_a_bold_row_of_unknown_words_over_aligned_text_is_a_header():
    found, got = _actions(_aligned_page(["Code", "Planned response", "Champion", "Close", "Health"], BODY))
    assert [c.role for c in found.tables[0].columns] == ["ref", "action", "lead", "deadline", "status"]
    assert [a.ref for a in got.actions] == ["1.1", "1.2", "1.3"] and got.actions[2].rag == "red"


def test_a_plain_row_of_unknown_words_is_not_a_header():
    page = _wide(_aligned_page(["Code", "Planned response", "Champion", "Close", "Health"], BODY, bold=False))
    assert find_tables([page]).tables == []


def test_a_bold_line_over_prose_is_not_a_table():
    prose = [["Leaders know the area well and share an ambitious vision for all children in the area."],
             ["Leaders have been slow to act on what parents told them about waiting times."]]
    head = words("Summary", 43, 100, bold=True) + words("Findings", 250, 100, bold=True) + \
        words("Next steps", 450, 100, bold=True)
    ws = head + [w for r, row in enumerate(prose) for w in words(row[0], 43, 120 + 16 * r)]
    assert find_tables([_wide(page_of(1, ws))]).tables == []


def test_unruled_two_row_header_splits_the_spanning_column():
    xs = [40.0, 80.0, 330.0, 470.0, 540.0, 610.0, 670.0]
    dates = [["Sep 2023", "Jan 2024"], ["Oct 2023", "Mar 2024"], ["Nov 2023", "Jun 2024"]]
    rows = [[r[0], r[1], r[2], d[0], d[1], r[4]] for r, d in zip(BODY, dates)]
    heads = zip((0, 1, 2, 5), ("Ref", "Action", "Lead", "Status"))
    ws = [w for c, h in heads for w in words(h, xs[c] + 3, 92, bold=True)]
    ws += words("Timescale", 490, 92, bold=True) + words("Start", 473, 101, bold=True)
    ws += words("End", 543, 101, bold=True)
    ws += _body(rows, 120, xs)
    found, got = _actions(page_of(1, ws))
    assert [c.role for c in found.tables[0].columns] == ["ref", "action", "lead", "start", "deadline", "status"]
    assert got.actions[1].start_dates[0].isoformat() == "2023-10-01"
    assert got.actions[1].deadlines[0].isoformat() == "2024-03-31"


def test_a_header_set_off_by_a_rule_with_narrow_gaps_splits_where_the_text_below_does():
    """Plain header words close together, ruled off from the body: columns come from the body's gutters."""
    xs = [40.0, 80.0, 300.0, 430.0, 500.0, 560.0]
    head = ["Code", "What partners across the area will do", "Which officer leads", "Close", "Health"]
    ws: list[Word] = []
    for c, h in enumerate(head):
        ws += words(h, xs[c + 1] - 2 - CHAR * len(h) if c == 1 else xs[c] + 3, 100)
    body = [[r[0], r[1][:40], r[2], r[3], r[4]] for r in BODY]
    ws += _body(body, 120, xs)
    rules = [Rule(True, xs[0], y, xs[-1], y) for y in (112.0, 133.0, 149.0, 165.0)]
    found, got = _actions(page_of(1, ws, rules))
    assert [c.role for c in found.tables[0].columns] == ["ref", "action", "lead", "deadline", "status"]
    assert [a.lead for a in got.actions] == ["Head of SEND", "Designated Clinical Officer", "ICB Commissioner"]


def test_a_sub_column_of_a_date_label_without_readable_dates_is_the_other_date():
    dates = [["Sep 2023", "phase two in spring"], ["Oct 2023", "when the panel agrees"], ["Nov 2023", "after review"]]
    found, _ = _actions(_two_row_page(["Start", "End"], "Timescale", dates))
    assert [c.role for c in found.tables[0].columns][3:5] == ["start", "deadline"]


def test_a_plain_header_between_two_rules_runs_down_to_the_rule_below():
    """Wrapped header words spread down their cell, no bold, no fill: the rules bound the header."""
    xs = XS6
    ws = words("Champion", 43, 100) + words("Work to be", 83, 100) + words("done", 83, 110)
    ws += words("Sponsor", 333, 100) + words("Deli", 473, 100) + words("very", 473, 112) + words("month", 473, 128)
    ws += words("Health", 543, 100)
    ws += _body(BODY, 146, xs)
    rules = [Rule(True, xs[0], y, xs[-1], y) for y in (97.0, 140.0, 159.0, 175.0, 191.0)]
    found, got = _actions(page_of(1, ws, rules))
    assert [c.header for c in found.tables[0].columns][3] == "Deli very month"
    assert [c.role for c in found.tables[0].columns] == ["ref", "action", "lead", "deadline", "status"]
    assert got.actions[2].deadlines[0].isoformat() == "2024-06-30"


def test_a_shaded_header_of_a_grid_without_horizontal_rules_runs_over_its_fill():
    """Vertical rules only, a light grey header with words wrapped mid-word: the fill bounds the header."""
    from wsoa.extract.page import Fill
    head = [["Re", "f"], ["Ac", "tion"], ["Le", "ad"], ["Dead", "line"], ["RA", "G"]]
    ws = _stacked(100, head, XS6, bold=False)
    ws += _body(BODY, 130)
    rules = [Rule(False, x, 96, x, 180) for x in XS6]
    page = page_of(1, ws, rules)
    page.fills = [Fill(XS6[c], 96, XS6[c + 1], 124, (0.86, 0.87, 0.87)) for c in range(5)]
    found, got = _actions(page)
    assert [c.header for c in found.tables[0].columns] == ["Re f", "Ac tion", "Le ad", "Dead line", "RA G"]
    assert [c.role for c in found.tables[0].columns] == ["ref", "action", "lead", "deadline", "status"]


def test_a_bold_header_wrapped_over_wide_line_spacing_stays_one_header():
    head = [["Re", "f"], ["Ac", "tion"], ["Le", "ad"], ["Dead", "line"], ["RA", "G"]]
    ws = [w for c, pieces in enumerate(head) for i, p in enumerate(pieces) for w in words(p, XS6[c] + 3, 100 + 14 * i,
                                                                                      bold=True)]
    ws += _body(BODY, 136, step=20)
    rules = [Rule(True, XS6[0], y, XS6[-1], y) for y in (97.0, 152.0, 172.0, 192.0)]
    found, _ = _actions(page_of(1, ws, rules))
    assert [c.role for c in found.tables[0].columns] == ["ref", "action", "lead", "deadline", "status"]
    assert found.tables[0].columns[0].header == "Re f"


def test_original_and_revised_under_a_deadline_label_are_revisions_in_that_order():
    dates = [["Dec 2023", "Mar 2024"], ["Jan 2024", "Jan 2024"], ["Feb 2024", "Jul 2024"]]
    found, got = _actions(_two_row_page(["Original", "Revised"], "Deadline", dates))
    assert [c.role for c in found.tables[0].columns][3:5] == ["deadline", "deadline"]
    assert [d.isoformat() for d in got.actions[0].deadlines] == ["2023-12-31", "2024-03-31"]
    assert got.actions[0].deadline_revised and not got.actions[0].start_dates
    assert [d.isoformat() for d in got.actions[1].deadlines] == ["2024-01-31"]
    assert [d.isoformat() for d in got.actions[2].deadlines] == ["2024-02-29", "2024-07-31"]


def test_tight_columns_without_rules_under_a_plain_centred_header():
    """Cells a little more than a word space apart, header centred and plain: the body's gutters
    bound the columns, the header stops at the first body row, and no row reads as prose."""
    xs = [40.0, 66.0, 250.0, 380.0, 430.0, 475.0]
    texts = ["Train every school SENCO on the", "Publish the local offer pages", "Review the referral route now",
             "Audit annual reviews this year", "Map the waiting lists for therapy", "Pilot a new panel for plans"]
    rows = [[f"1.{i + 1}", t, "Head of SEND", "Jan 2024", "Green"] for i, t in enumerate(texts)]
    ws: list[Word] = []
    for c, h in enumerate(["Ref", "Action", "Lead", "Due", "RAG"]):
        mid = (xs[c] + xs[c + 1]) / 2
        ws += words(h, mid - CHAR * len(h) / 2, 100, size=10)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            ws += words(text, xs[c] + 1, 116 + 12 * r, size=10)
    found, got = _actions(page_of(1, ws))
    assert [c.role for c in found.tables[0].columns] == ["ref", "action", "lead", "deadline", "status"]
    assert len(got.actions) == 6 and got.actions[5].lead == "Head of SEND" and got.actions[5].rag == "green"


def test_a_work_programme_of_dated_topics_with_leads_is_not_an_action_table():
    rows = [["12 Jan 2024", "Home to school transport", "Review of the new policy and its costs this year",
             "Head of Transport", "Parents"],
            ["9 Mar 2024", "Short breaks", "Update on the short breaks offer and the waiting list",
             "Service Manager", "Providers"]]
    ws, rules, _ = ruled_table(100, rows, xs=[40.0, 100.0, 200.0, 420.0, 520.0, 600.0],
                               header=["Date", "Topic", "Description & Purpose", "Lead Officer", "Contributors"],
                               row_h=30.0)
    assert find_tables([_wide(page_of(1, ws, rules))]).tables == []
