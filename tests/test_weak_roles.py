"""Column roles when a header names its role only weakly (a phrase inside a longer header, a fuzzy
match) or not at all: the cells decide (extract/column_roles.py), on tables built here."""
from __future__ import annotations

from wsoa.extract.column_roles import content_roles, is_action_table
from wsoa.extract.grid import Cell, Column, Row
from wsoa.extract.header import assign_roles
from wsoa.extract.page import Page, Shape, Word
from wsoa.normalise.content import text_kind

WIDTH, HEIGHT = 120.0, 24.0


def _table(headers: list[str], body: list[list[str | None]]) -> tuple[Page, list[Column], list[Row]]:
    """A table of `headers` (roles from their words, as a header finder gives them) over `body`;
    None in a body cell continues the cell above (a merged cell)."""
    cols = [Column(i * WIDTH, (i + 1) * WIDTH, h) for i, h in enumerate(headers)]
    assign_roles(cols)
    rows: list[Row] = []
    open_cells: dict[int, Cell] = {}
    words: list[Word] = []
    for r, texts in enumerate(body):
        top = 100 + r * HEIGHT
        cells, starts = {}, set()
        for ci, text in enumerate(texts):
            if text is None:
                cell = open_cells[ci]
                cell.bottom = top + HEIGHT
            else:
                ws = [Word(w, ci * WIDTH + 2 + k, ci * WIDTH + 3 + k, top + 2, top + 10, 8, False, None)
                      for k, w in enumerate(text.split())]
                cell = open_cells[ci] = Cell(ci, top, top + HEIGHT, ws, page=1)
                words += ws
                starts.add(ci)
            cells[ci] = cell
        rows.append(Row(1, top, top + HEIGHT, cells, starts))
    return Page(1, WIDTH * len(headers), 1000, words=words), cols, rows


def _roles(headers: list[str], body: list[list[str | None]]) -> list[str | None]:
    page, cols, rows = _table(headers, body)
    content_roles(page, cols, rows)
    return [c.role for c in cols]


ACTIONS = ["Set up a joint panel for placements across health and care",
           "Train every school leader on the graduated approach this year",
           "Publish a clear guide to the local offer with parent carers",
           "Bring together one referral route for therapy services"]
DATED = ["Panel agreed – Jan 2024 Panel meets – Mar 2024", "Training booked – Feb 2024 Half trained – June 2024",
         "Draft guide – Apr 2024 Guide published – Sept 2024", "Route designed – May 2024 Route live – Dec 2024"]
TARGETS = ["80% of placements agreed within six weeks", "95% of leaders trained; fewer than 5% exclusions",
           "Local offer visits up by 30%", "Waits cut to 12 weeks for 90% of children"]
REPORTS = ["Terms of reference were approved in March and the panel has been meeting",
           "Two sessions were delivered so far and more are being arranged",
           "The first draft was reported to the board and feedback has been collected",
           "Work is under way with the health trust and a pilot has been started"]


def test_dates_under_a_header_weakly_naming_action_are_dates():
    roles = _roles(["Ref", "Month this action work will begin", "Date this action will be finished", "Our response"],
                   [[f"1.{i}", s, d, a] for i, (s, d, a) in
                    enumerate(zip(["Jan 2024", "Feb 2024", "Mar 2024", "Apr 2024"],
                                  ["Dec 2024", "Jan 2025", "Mar 2025", "June 2025"], ACTIONS))])
    assert roles == ["ref", "start", "deadline", "action"]


def test_narrative_under_a_header_weakly_naming_status_is_no_status():
    roles = _roles(["Ref", "Action", "Progress update", "Due"],
                   [[f"1.{i}", a, p, d] for i, (a, p, d) in enumerate(zip(ACTIONS, REPORTS, ["Jan 2024"] * 4))])
    assert roles == ["ref", "action", None, "deadline"]


def test_the_action_is_the_plain_sentence_among_dated_items_targets_and_reports():
    """No header names the action: milestones (dated), measures (targets), progress (reports) are
    running text too, with as many entries; the action is the column of plain sentences."""
    roles = _roles(["Ref", "Stepping stones", "Where we want to be", "Our response", "What we have done so far"],
                   [[f"1.{i}", m, t, a, p] for i, (m, t, a, p) in enumerate(zip(DATED, TARGETS, ACTIONS, REPORTS))])
    assert roles[3] == "action" and roles.count("action") == 1


def test_the_action_has_one_entry_a_ref_and_sub_rows_of_milestones_outnumber_it():
    steps = ["Agree terms of reference with partners", "Hold the first panel meeting with all partners",
             "Review the first cases with the parent forum", "Report the findings to the partnership board"]
    body = [["1.1", ACTIONS[0], steps[0]], [None, None, steps[1]], ["1.2", ACTIONS[1], steps[2]], [None, None, steps[3]]]
    assert _roles(["Ref", "Stepping stones", "Our response"], [[r[0], r[2], r[1]] for r in body]) \
        == ["ref", "milestones", "action"]


def test_a_weak_weakness_header_over_one_plain_sentence_a_row_is_the_action():
    roles = _roles(["Ref", "Improvement stage", "Stepping stones", "Sponsor"],
                   [[f"1.{i}", a, m, "Head of SEND"] for i, (a, m) in enumerate(zip(ACTIONS, DATED))])
    assert roles == ["ref", "action", "milestones", "lead"]


def test_an_exact_header_keeps_its_role():
    roles = _roles(["Ref", "Actions", "Our response"], [[f"1.{i}", m, a] for i, (m, a) in enumerate(zip(DATED, ACTIONS))])
    assert roles[:2] == ["ref", "action"] and roles[2] != "action"


def test_text_kind():
    assert text_kind(DATED) == "milestones"
    assert text_kind(TARGETS) == "measures"
    assert text_kind(REPORTS) == "progress"
    assert text_kind(ACTIONS) is None


def test_a_weak_weakness_header_over_one_sentence_a_ref_beats_sub_rows_with_no_name():
    steps = ["Agree terms of reference with partners", "Hold the first panel meeting with all partners",
             "Review the first cases with the parent forum", "Report the findings to the partnership board"]
    body = [["1.1", ACTIONS[0], steps[0]], [None, None, steps[1]], ["1.2", ACTIONS[1], steps[2]], [None, None, steps[3]]]
    assert _roles(["Ref", "Improvement stage", "Stepping stones"], body)[:2] == ["ref", "action"]


def test_unnamed_dated_items_are_milestones_and_targets_are_measures():
    roles = _roles(["Ref", "Actions", "Stepping stones", "Where we want to be"],
                   [[f"1.{i}", a, m, t] for i, (a, m, t) in enumerate(zip(ACTIONS, DATED, TARGETS))])
    assert roles == ["ref", "action", "milestones", "measures"]


def test_short_items_in_sub_rows_under_one_action_are_milestones():
    body = [["1.1", ACTIONS[0], "Agree the panel terms"], [None, None, "First panel meeting held"],
            ["1.2", ACTIONS[1], "Book the training dates"], [None, None, "Half of leaders trained"]]
    assert _roles(["Ref", "Actions", "Stepping stones"], body) == ["ref", "action", "milestones"]


def test_milestones_and_measures_bear_out_a_plan_a_work_programme_has_neither():
    page, cols, rows = _table(["Our response", "Stepping stones", "Sponsor", "Where we want to be"],
                              [[a, m, "Head of SEND", t] for a, m, t in zip(ACTIONS, DATED, TARGETS)])
    assert is_action_table(cols, content_roles(page, cols, rows)[1]) is None
    items = ["Annual report of the designated clinical officer to the board",
             "Update on the joint commissioning strategy and its timetable",
             "Review of the terms of reference for the partnership board", "Forward plan for the next year"]
    page, cols, rows = _table(["Item", "Who", "Meeting"],
                              [[t, "Head of SEND", d] for t, d in zip(items, ["Jan 2024", "Mar 2024", "May 2024", "July 2024"])])
    assert is_action_table(cols, content_roles(page, cols, rows)[1]) is not None


def test_dates_read_from_the_content_take_the_date_the_header_does_not_name():
    """"Start" is named; the other column of dates is the deadline even where its sub-rows of
    milestone dates run earlier than the next action's start."""
    body = [["1.1", ACTIONS[0], "Jun 2024", "Jul 2024"], [None, None, None, "Sep 2024"],
            ["1.2", ACTIONS[1], "Dec 2024", "Jan 2025"], [None, None, None, "Apr 2025"],
            ["1.3", ACTIONS[2], "Mar 2025", "Apr 2025"], [None, None, None, "May 2025"]]
    assert _roles(["Ref", "Actions", "Start", "Wrap-up"], body) == ["ref", "action", "start", "deadline"]


def test_a_lead_bears_out_a_plan_beside_milestones_not_beside_dates_alone():
    page, cols, rows = _table(["Our response", "Stepping stones", "Sponsor"],
                              [[a, m, "Head of SEND"] for a, m in zip(ACTIONS, DATED)])
    assert is_action_table(cols, content_roles(page, cols, rows)[1]) is None
    page, cols, rows = _table(["Our response", "Sponsor", "Meeting"],
                              [[a, "Head of SEND", "Jan 2024"] for a in ACTIONS])
    assert is_action_table(cols, content_roles(page, cols, rows)[1]) is not None


def test_without_refs_the_leads_count_the_actions_and_sub_rows_outnumber_them():
    steps = ["Agree terms of reference with partners", "Hold the first panel meeting with all partners",
             "Review the first cases with the parent forum", "Report the findings to the partnership board"]
    body = [[steps[0], ACTIONS[0], "Head of SEND"], [steps[1], None, None],
            [steps[2], ACTIONS[1], "Designated Clinical Officer"], [steps[3], None, None]]
    assert _roles(["Stepping stones", "Our response", "Sponsor"], body) == ["milestones", "action", "lead"]


def test_a_coloured_mark_is_the_status_of_the_column_it_is_drawn_in_only():
    page, cols, rows = _table(["Ref", "Actions", "Close", "Light"],
                              [[f"1.{i}", a, d, ""] for i, (a, d) in
                               enumerate(zip(ACTIONS, ["Jan 2024", "4 weeks", "Mar 2024", "June 2024"]))])
    colours = [(0.0, 0.69, 0.31), (1.0, 0.75, 0.0), (1.0, 0.0, 0.0), (0.0, 0.69, 0.31)]
    page.shapes = [Shape(3 * WIDTH + 40, r.top + 4, 3 * WIDTH + 52, r.top + 16, rgb) for r, rgb in zip(rows, colours)]
    content_roles(page, cols, rows)
    assert [c.role for c in cols] == ["ref", "action", "deadline", "status"]


def test_one_dated_entry_a_row_is_no_milestones_a_committee_log_is_no_action_table():
    entries = ["3/11/22 – Children's Services Update", "3/11/22 – Children's Services Update",
               "12/1/23 – Early Help Strategy report"]
    asks = ["Results of the focus visit to be shared with committee",
            "Information on destinations for care leavers to be shared with committee",
            "Figures on waiting times to be circulated to members"]
    page, cols, rows = _table(["", "Date/Committee Item", "Action", "Update"],
                              [[f"{i}.", e, a, ""] for i, (e, a) in enumerate(zip(entries, asks), start=8)])
    assert is_action_table(cols, content_roles(page, cols, rows)[1]) is not None
    assert cols[1].role != "milestones"
