"""Field values of actions that are found: leads written as job titles, statuses, dates."""
from __future__ import annotations

from wsoa.normalise.content import role_from_content


def test_leads_written_as_lower_case_job_titles_make_a_lead_column():
    cells = ["SENCO network chair", "Head of SEND", "Early years lead", "Virtual School Head"]
    assert role_from_content(cells, [None] * 4)[0] == "lead"
    cells = ["SENCO network chair", "Parent carer forum chair"]
    assert role_from_content(cells, [None] * 2)[0] == "lead"


def test_short_lower_case_phrases_that_name_no_post_are_not_leads():
    cells = ["Existing resource", "Within budget", "Staff time", "Existing resource"]
    assert role_from_content(cells, [None] * 4)[0] == "resource"  # they say how the action is resourced
    assert role_from_content(["Monthly review", "Weekly check", "Termly report"], [None] * 3)[0] is None


def test_a_header_that_says_start_orders_two_date_columns_whatever_their_cells():
    from wsoa.normalise.content import order_date_columns
    opening = ["Jan 2023", "Apr 2023"]                       # one cell an action
    close = ["Mar 2022", "Jul 2022", "Nov 2022", "Feb 2023", "Jun 2023"]  # one a milestone sub-row
    headers = {4: "Openi ng month", 5: "Close"}
    assert order_date_columns({4: opening, 5: close}, headers) == {4: "start", 5: "deadline"}
    assert order_date_columns({4: close, 5: opening}, {4: "Target", 5: "Kick-off"}) == {4: "deadline", 5: "start"}


def _rgb(code: str) -> tuple[float, float, float]:
    return tuple(int(code[i:i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]


def test_two_colours_of_one_document_nearest_one_status_take_different_statuses():
    from wsoa.normalise.status import distinct_statuses
    salmon, pale_amber, pale_green, pale_blue = _rgb("F7CDB8"), _rgb("FFE8A9"), _rgb("C5DDD2"), _rgb("DAE2EE")  # salmon: nearest amber alone
    got = distinct_statuses([salmon, pale_amber, pale_green, pale_blue, salmon])
    assert got == {salmon: "red", pale_amber: "amber", pale_green: "green", pale_blue: "blue"}


def test_colours_each_nearest_a_different_status_are_left_to_the_reference():
    from wsoa.normalise.status import distinct_statuses
    assert distinct_statuses([_rgb("FF0000"), _rgb("FFC000"), _rgb("00B050")]) == {}
    assert distinct_statuses([_rgb("F7CDB8")]) == {}


def test_two_shades_of_one_status_far_from_any_other_keep_it():
    from wsoa.normalise.status import distinct_statuses
    assert distinct_statuses([_rgb("FFFF00"), _rgb("FFC000"), _rgb("00B050")]) == {}


def test_date_cells_with_short_lower_case_labels_make_a_date_column():
    cells = ["procure by Oct 2021; go live February 2022", "Original: Apr 2024 / Revised: Summer 2024",
             "pilot by May 2023; roll out Sept 2023", "Dec 2023"]
    assert role_from_content(cells, [None] * 4, "Delivery month")[0] == "deadline"


def test_dated_entries_in_capitalised_words_are_no_date_column():
    cells = ["Board Review (May 2024), Final Sign Off Aug 2024", "Board Review Jul 2024 With Partners",
             "Board Review Dec 2024, Final Sign Off Mar 2025"]
    assert role_from_content(cells, [None] * 3)[0] is None


def _cell(lines: list[list[tuple[str, float]]], char: float = 5.0):
    """A cell of lines, each a list of (word, x0); 12 points from line to line."""
    from wsoa.extract.grid import Cell
    from wsoa.extract.page import Word
    ws = [Word(t, x, x + char * len(t), 100 + 12 * i, 109 + 12 * i, 9.0, False, None)
          for i, line in enumerate(lines) for t, x in line]
    return Cell(0, 98, 100 + 12 * len(lines), ws)


def test_a_ref_broken_over_two_lines_is_rejoined_and_a_line_of_other_words_left_aside():
    from wsoa.extract.actions import ref_text
    assert ref_text(_cell([[("A.1.", 103)], [("1", 103)]])) == "A.1.1"
    assert ref_text(_cell([[("GR2.", 103)], [("3", 103)]])) == "GR2.3"
    assert ref_text(_cell([[("Ashcombe", 103)], [("A.3.1", 103)]])) == "A.3.1"   # a running head over the cell
    assert ref_text(_cell([[("PA2.5", 103)], [("Written", 103)]])) == "PA2.5"
    assert ref_text(_cell([[("5.2", 103)], [("Written", 103), ("Statement", 140)]])) == "5.2"
    assert ref_text(_cell([[("1.1", 103)], [("1.2", 103)]])) == "1.1 1.2"        # two refs stay as printed
    assert ref_text(_cell([[("Action", 103), ("1.1", 140)]])) == "Action 1.1"     # one line: as printed
    assert ref_text(_cell([[("SW1", 103)], [("action", 103), ("2", 140)]])) == "SW1 action 2"


def test_cells_listing_a_dated_status_per_milestone_make_a_status_column():
    cells = ["Red – Jan 2021 Blue – May 2021", "Amber – Mar 2021 Red – July 2021 Green – Sep 2021",
             "Green – Jun 2021"]
    assert role_from_content(cells, [None] * 3)[0] == "status"


def test_a_status_cell_of_one_letter_a_milestone_on_one_line_takes_them_together():
    from wsoa.extract.actions import _status
    from wsoa.normalise.status import Legend
    assert _status(_cell([[("R", 103), ("R", 120)]]), Legend.default(), True).status == "red"
    assert _status(_cell([[("G", 103), ("A", 115), ("R", 127)]]), Legend.default(), False).status == "red"
    assert _status(_cell([[("B", 103), ("B", 115)]]), Legend.default(), True).status == "blue"


def test_a_weakness_cell_going_on_in_lower_case_after_a_page_break_is_the_one_above():
    from wsoa.extract.actions import weakness_text
    above = ["Long waits for early years inclusion and"]
    assert weakness_text(above, "their impact on children and young people") == ""
    assert weakness_text(above, "Gaps in mental health support") == "Gaps in mental health support"
    assert weakness_text([], "their impact on children") == "their impact on children"


def test_a_start_word_in_a_header_wrapped_mid_word_makes_a_start_column():
    cells = ["Jan 2022", "Aug 2021", "July 2023"]
    assert role_from_content(cells, [None] * 3, "Kick- off")[0] == "start"
    assert role_from_content(cells, [None] * 3, "Comm enced")[0] == "start"
    assert role_from_content(cells, [None] * 3, "Deliv ery month")[0] == "deadline"


def test_a_date_column_listing_phases_bears_out_a_plan_beside_a_lead():
    from wsoa.extract.column_roles import is_action_table
    from wsoa.extract.grid import Column
    cols = [Column(0, 100, "What we will do", "action"), Column(100, 200, "Owner", "lead"),
            Column(200, 300, "When", "deadline")]
    assert is_action_table(cols, {"deadline", "lead", "phases"}) is None
    assert is_action_table(cols, {"deadline", "lead"}) is not None
    assert is_action_table(cols, {"deadline", "phases"}) is not None   # phases bear out no role alone
