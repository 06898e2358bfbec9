"""Rows, refs, dates and text inside the cells of an action table that is found (pages built in the test)."""
from __future__ import annotations

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
