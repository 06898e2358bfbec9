"""Rows, refs, dates and text inside the cells of an action table that is found (pages built in the test)."""
from __future__ import annotations

import pytest

from wsoa.extract.actions import ActionContext, read_actions
from wsoa.extract.page import Rule
from wsoa.extract.tables import find_tables
from wsoa.model import Action
from wsoa.normalise.status import Legend

from .test_table_stages import page_of, ruled_table, words

XS4 = [40.0, 240.0, 360.0, 460.0, 560.0]


def _actions(pages) -> list[Action]:
    found = find_tables(pages)
    assert found.tables, "no table found"
    return [a for i, t in enumerate(found.tables) for a in read_actions(t, i, Legend(), ActionContext()).actions]


def test_a_missing_ref_is_null_not_empty():
    assert Action().ref is None


def test_a_table_without_a_ref_column_gives_one_action_per_row():
    ws, rules, _ = ruled_table(100, [["Train all staff", "Council", "Jan 2024", "Green"],
                                     ["Audit plans", "Health", "Mar 2024", "Amber"]],
                               xs=XS4, header=["Action", "Lead", "Deadline", "Status"])
    got = _actions([page_of(1, ws, rules)])
    assert [(a.ref, a.action, a.lead) for a in got] == [(None, "Train all staff", "Council"),
                                                        (None, "Audit plans", "Health")]


def test_an_empty_ref_column_gives_one_action_per_row():
    ws, rules, _ = ruled_table(100, [["", "Train all staff", "Council", "Jan 2024", "Green"],
                                     ["", "Audit plans", "Health", "Mar 2024", "Amber"]])
    got = _actions([page_of(1, ws, rules)])
    assert [(a.ref, a.action) for a in got] == [(None, "Train all staff"), (None, "Audit plans")]
    assert [str(a.deadlines[0]) for a in got] == ["2024-01-31", "2024-03-31"]


def test_a_ref_cell_merged_over_two_actions_gives_both():
    ws, rules, bottom = ruled_table(100, [["1", "Train all staff", "Council", "Jan 2024", "Green"],
                                          ["", "Audit plans", "Health", "Mar 2024", "Amber"]])
    xs = [40.0, 80.0, 300.0, 400.0, 480.0, 560.0]
    rules = [r for r in rules if not (r.horizontal and r.top == 148)] + [Rule(True, xs[1], 148, xs[-1], 148)]
    got = _actions([page_of(1, ws, rules)])
    assert [(a.ref, a.action, a.lead, str(a.deadlines[0])) for a in got] == [
        ("1", "Train all staff", "Council", "2024-01-31"), ("1", "Audit plans", "Health", "2024-03-31")]


def test_action_text_going_on_in_lower_case_after_a_page_break_stays_with_its_action():
    ws1, rules1, _ = ruled_table(100, [["1.1", "Train all staff in the", "Council", "Jan 2024", "Green"]])
    ws2, rules2, _ = ruled_table(40, [["", "new approach to plans", "", "Mar 2024", ""],
                                      ["1.2", "Audit plans", "Health", "May 2024", "Amber"]], header=None)
    got = _actions([page_of(1, ws1, rules1, height=148), page_of(2, ws2, rules2)])
    assert [a.ref for a in got] == ["1.1", "1.2"]
    assert got[0].action == "Train all staff in the new approach to plans"


MS_HEAD = ["Ref", "Action", "Milestones", "Deadline", "Status"]
MS_XS = [40.0, 80.0, 230.0, 400.0, 480.0, 560.0]


def _one_row_with_lines(col: int, lines: list[str], cells: list[str], row_h: float = 60.0):
    """A ruled table (header + one row, MS_XS columns) whose column `col` holds `lines`, one under another."""
    ws, rules, _ = ruled_table(100, [cells], xs=MS_XS, header=MS_HEAD, row_h=row_h)
    for k, text in enumerate(lines):
        ws += words(text, MS_XS[col] + 3, 100 + row_h + 4 + 10 * k)
    return page_of(1, ws, rules)


def test_milestones_listed_in_one_cell_keep_their_own_dates_and_the_action_its_deadline():
    page = _one_row_with_lines(2, ["• Draft the plan – Jan 2024", "• Pilot the new service –", "Mar 2024"],
                               ["1.1", "Train staff", "", "Jun 2024", "Green"])
    a = _actions([page])[0]
    assert [(m.text, m.date_raw, str(m.date)) for m in a.milestones] == [
        ("Draft the plan", "Jan 2024", "2024-01-31"), ("Pilot the new service", "Mar 2024", "2024-03-31")]
    assert [str(d) for d in a.deadlines] == ["2024-06-30"] and a.deadline_raw == "Jun 2024"
    assert a.rag == "green"


def test_milestone_lines_without_bullets_are_cut_after_each_date():
    page = _one_row_with_lines(2, ["Draft the plan – Jan", "2024", "Pilot the new", "service – Mar 2024"],
                               ["1.1", "Train staff", "", "Jun 2024", "Amber"])
    a = _actions([page])[0]
    assert [(m.text, str(m.date)) for m in a.milestones] == [("Draft the plan", "2024-01-31"),
                                                             ("Pilot the new service", "2024-03-31")]
    assert [str(d) for d in a.deadlines] == ["2024-06-30"] and a.rag == "amber"


@pytest.mark.parametrize("lines, expected", [
    # in a list of bullets, a dash wrapped to a line's start opens no milestone
    (["• Draft the plan", "– Jan 2024", "• Pilot the service", "– Mar 2024"],
     [("Draft the plan", "Jan 2024"), ("Pilot the service", "Mar 2024")]),
    # without bullets it stays in the text, so the number before it is not read as a day ("2 Oct 2021")
    (["Draft the plan 1 – Jun", "2021", "Draft the offer 2", "– Oct 2021"],
     [("Draft the plan 1", "Jun 2021"), ("Draft the offer 2", "Oct 2021")]),
])
def test_a_dash_wrapped_to_the_start_of_a_line(lines, expected):
    page = _one_row_with_lines(2, lines, ["1.1", "Train staff", "", "Jun 2024", "Green"])
    a = _actions([page])[0]
    assert [(m.text, m.date_raw) for m in a.milestones] == expected


class _Font:
    """What `pdfium_text.words` reads of a text object's font."""
    size, bold, rgb, simple = 10.0, False, None, True
    key = ("F", 10.0, None, False)


def test_a_ligature_glyph_drawing_two_characters_does_not_split_its_word():
    from wsoa.extract.pdfium_text import ligatures, words as glyph_words
    f = _Font()
    # "identified": the "fi" ligature is one glyph at x=20 (advance 5.6) that PDFium gives as 'f' and 'i',
    # each with the glyph's origin and a narrow box; "ed" follows at the glyph's advance; then a space and "on"
    xs = [("i", 0.0, 2.5), ("d", 2.5, 8.2), ("e", 8.2, 13.7), ("n", 13.7, 19.4), ("t", 19.4, 23.0),
          ("i", 23.0, 25.5), ("f", 25.5, 27.8), ("i", 25.5, 27.8), ("e", 31.1, 36.6), ("d", 36.6, 42.3),
          ("o", 45.5, 51.1), ("n", 51.1, 56.7)]
    glyphs = [(t, x0, x1, 100.0, 110.0, f, int(k >= 10)) for k, (t, x0, x1) in enumerate(xs)]  # spaces before
    origins = [(x0, 0.0) for _, x0, _ in xs]
    spaced = [False] * 10 + [True, False]
    assert [w.text for w in glyph_words(ligatures(glyphs, origins, spaced))] == ["identified", "on"]
    assert [w.text for w in glyph_words(glyphs)] == ["identifi", "ed", "on"]  # what the characters alone give


def test_milestone_sub_rows_without_rules_are_cut_where_the_milestone_and_its_date_open_together():
    head = words("Ref", 40, 80, bold=True) + words("Action", 80, 80, bold=True) + words(
        "Milestones", 230, 80, bold=True) + words("Deadline", 400, 80, bold=True) + words("Status", 480, 80, bold=True)
    body = (words("1.1", 40, 100) + words("Train all staff", 80, 100)
            + words("Draft the training", 230, 100) + words("plan", 230, 109) + words("Jan 2024", 400, 100)
            + words("Green", 480, 100)
            + words("Deliver the sessions", 230, 125) + words("Mar 2024", 400, 125) + words("Amber", 480, 125)
            + words("1.2", 40, 150) + words("Audit plans", 80, 150) + words("Check ten plans", 230, 150)
            + words("May 2024", 400, 150) + words("Red", 480, 150))
    rules = [Rule(False, x, 76, x, 170) for x in (36.0, 76.0, 226.0, 396.0, 476.0, 560.0)]
    got = _actions([page_of(1, head + body, rules)])
    assert [a.ref for a in got] == ["1.1", "1.2"]
    assert [(m.text, m.date_raw, m.rag) for m in got[0].milestones] == [
        ("Draft the training plan", "Jan 2024", "green"), ("Deliver the sessions", "Mar 2024", "amber")]
    assert [str(d) for d in got[0].deadlines] == ["2024-01-31", "2024-03-31"] and got[0].rag == "amber"


def test_a_range_in_the_deadline_cell_gives_the_start_where_there_is_no_start_column():
    ws, rules, _ = ruled_table(100, [["1.1", "Train all staff", "Council", "Sept 2022 – July 2023", "Green"],
                                     ["1.2", "Audit plans", "Health", "March 2023 (revised from Dec 2022)", "Red"]],
                               xs=[40.0, 80.0, 260.0, 340.0, 520.0, 580.0])
    got = _actions([page_of(1, ws, rules)])
    assert [[str(d) for d in a.start_dates] for a in got] == [["2022-09-01"], []]
    assert [[str(d) for d in a.deadlines] for a in got] == [["2023-07-31"], ["2022-12-31", "2023-03-31"]]
    assert got[1].deadline_revised and not got[0].deadline_revised
