"""Rows of a grid with vertical rules only: the rules break at each row's edge."""
from __future__ import annotations

from wsoa.extract.page import Rule
from wsoa.extract.tables import find_tables

from .test_table_stages import page_of, ruled_table, words

XS = [40.0, 250.0, 330.0, 400.0, 480.0, 560.0]
NARROW = [40.0, 80.0, 300.0, 400.0, 480.0, 560.0]
HEAD = ["Action", "Lead", "Start", "Deadline", "Status"]


def _segments(top: float, bottom: float, inner: bool = True) -> list[Rule]:
    xs = XS if inner else [XS[0], XS[-1]]
    return [Rule(False, x, top, x, bottom) for x in xs]


def test_rows_of_a_grid_ruled_only_down_are_cut_where_its_rules_break():
    """No horizontal rules, text set tight: the banner and the rows below it are told apart by where
    the vertical rules (drawn cell by cell) end, not by the gaps between lines."""
    ws = []
    for x, text in zip(XS, HEAD):
        ws += words(text, x + 3, 103, bold=True)
    ws += words("Area of weakness 1: waiting times", XS[0] + 3, 126, bold=True)
    rows = [("Train staff in every", "in school", "Council", "Jan 2023", "Mar 2024", "Green"),
            ("Publish the new local", "offer online", "Parent forum", "Feb 2023", "Jun 2024", "Amber")]
    y, rules = 137.0, _segments(100, 124) + _segments(124, 136, inner=False)
    for first, second, *rest in rows:
        ws += words(first, XS[0] + 3, y + 1) + words(second, XS[0] + 3, y + 10)
        for x, text in zip(XS[1:], rest):
            ws += words(text, x + 3, y + 1)
        rules += _segments(y - 1, y + 20)
        y += 21
    tables = find_tables([page_of(1, ws, rules)]).tables
    assert len(tables) == 1
    body = [r for r in tables[0].rows if not r.spanning and r.text(0)]
    assert [r.text(1) for r in body] == ["Council", "Parent forum"]
    assert [r.text(0) for r in tables[0].rows if r.spanning] == ["Area of weakness 1: waiting times"]


def test_rows_of_an_unnamed_grid_start_in_a_column_with_text_not_an_empty_first_one():
    """A grid found by structure alone, its first column holding only status fills (no words): the
    rows start at the entries of the column holding the most text, not one row for the page."""
    head = ["Light", "Improvement step", "Sponsor", "Begin", "Finish"]
    ws = []
    for x, text in zip(NARROW, head):
        ws += words(text, x + 3, 103, bold=True)
    y = 128.0
    for step, who, begin, end in [("Train staff in every school", "Council", "Jan 2023", "Mar 2024"),
                                  ("Publish the new local offer", "Parent forum", "Feb 2023", "Jun 2024"),
                                  ("Audit the waiting lists", "Health", "Apr 2023", "Sep 2024")]:
        ws += words(step, NARROW[1] + 3, y) + words("and report to the board", NARROW[1] + 3, y + 9)
        ws += words(who, NARROW[2] + 3, y) + words(begin, NARROW[3] + 3, y) + words(end, NARROW[4] + 3, y)
        y += 30
    rules = [Rule(False, x, 100, x, y) for x in NARROW] + [Rule(True, NARROW[0], 100, NARROW[-1], 100),
                                                        Rule(True, NARROW[0], 124, NARROW[-1], 124)]
    tables = find_tables([page_of(1, ws, rules)]).tables
    assert len(tables) == 1
    assert [r.text(2) for r in tables[0].rows if r.text(1)] == ["Council", "Parent forum", "Health"]


def test_a_grid_header_low_on_a_page_is_borne_out_by_the_rows_overleaf():
    """A header of unknown wording (found by structure alone) over one row at the foot of page 1:
    one row cannot bear out refs, dates and statuses, the rows it goes on with on page 2 do."""
    head = ["Code", "Planned response", "Champion", "Finish", "Health"]
    ws1, rules1, _ = ruled_table(500, [["1.1", "Train staff in every school", "Head of SEND", "Jan 2024",
                                        "Green"]], xs=NARROW, header=head)
    body = [["1.2", "Publish the new local offer", "Parent forum", "Mar 2024", "Amber"],
            ["1.3", "Audit the waiting lists for therapy", "Health lead", "Jun 2024", "Red"],
            ["1.4", "Review the short breaks offer", "Council", "Sep 2024", "Green"]]
    ws2, rules2, _ = ruled_table(40, body, xs=NARROW, header=None)
    tables = find_tables([page_of(1, ws1, rules1), page_of(2, ws2, rules2)]).tables
    assert len(tables) == 1 and tables[0].pages == [1, 2]
    assert [c.role for c in tables[0].columns] == ["ref", "action", "lead", "deadline", "status"]
    assert [r.text(0) for r in tables[0].rows] == ["1.1", "1.2", "1.3", "1.4"]


def test_a_ruled_header_filling_the_rest_of_its_page_opens_the_table_overleaf():
    """A ruled header whose cells run to the foot of the page (a narrow label wrapped letter by
    letter), naming too few roles; its body, lined up with its rules, is on the next page."""
    head = ["Code", "What we will do", "Cu", "Finish", "Health"]
    ws = []
    for x, text in zip(NARROW, head):
        ws += words(text, x + 3, 503, bold=True)
    for k in range(8):
        ws += words("rr", NARROW[2] + 3, 513 + 10 * k, bold=True)
    rules = [Rule(False, x, 500, x, 595) for x in NARROW] + [Rule(True, NARROW[0], y, NARROW[-1], y) for y in (500, 595)]
    body = [["1.1", "Train staff in every school and college", "Head of SEND", "Jan 2024", "Green"],
            ["1.2", "Publish the new local offer for all families", "Parent forum", "Mar 2024", "Amber"],
            ["1.3", "Audit the waiting lists for therapy", "Health lead", "Jun 2024", "Red"]]
    ws2, rules2, _ = ruled_table(40, body, xs=NARROW, header=None)
    tables = find_tables([page_of(1, ws, rules), page_of(2, ws2, rules2)]).tables
    assert len(tables) == 1
    assert [c.role for c in tables[0].columns] == ["ref", "action", "lead", "deadline", "status"]
    assert [r.text(0) for r in tables[0].rows if r.text(0)] == ["1.1", "1.2", "1.3"]


def test_a_cell_merged_down_over_sub_rows_keeps_its_row_whole_in_a_grid_ruled_only_down():
    """Milestones in two sub-rows beside one action: the rules between the milestone cells break
    between the sub-rows, the action's do not; the row is cut only where every inner rule breaks."""
    xs = [40.0, 250.0, 400.0, 480.0, 560.0]
    ws = []
    for x, text in zip(xs, ["Action", "Milestones", "Lead", "Deadline"]):
        ws += words(text, x + 3, 103, bold=True)
    rules = [Rule(False, x, 100, x, 124) for x in xs]
    y = 125.0
    for action, steps, lead, when in [("Train staff in every school", ["Draft plan", "Sign off"], "Council",
                                       "Mar 2024"),
                                      ("Publish the new local offer", ["Survey", "Publish"], "Forum", "Jun 2024")]:
        ws += words(action, xs[0] + 3, y + 2) + words("and report", xs[0] + 3, y + 13)
        ws += words(lead, xs[2] + 3, y + 2) + words(when, xs[3] + 3, y + 2)
        for k, step in enumerate(steps):
            ws += words(step, xs[1] + 3, y + 2 + 12 * k)
        rules += [Rule(False, x, y, x, y + 24) for x in (xs[0], xs[1], xs[-1])]
        rules += [Rule(False, x, y + 12 * k, x, y + 12 * k + 12) for x in (xs[2], xs[3]) for k in range(2)]
        y += 24
    tables = find_tables([page_of(1, ws, rules)]).tables
    assert len(tables) == 1
    assert [r.text(0) for r in tables[0].rows if r.text(0)] == ["Train staff in every school and report",
                                                               "Publish the new local offer and report"]
