"""Column roles from header wording that fits only loosely, decided by the cells (cells6)."""
from __future__ import annotations

from .test_weak_roles import REPORTS, _roles


def test_a_loose_weakness_column_with_more_entries_than_actions_is_the_action():
    """ "Improvement step" loosely names the weakness, but its sentences run over more rows than there are
    leads: a weakness spans its actions, so the column is the action, not the reports beside it."""
    body = [["Head of SEND", "Set up a joint panel for placements", REPORTS[0]],
            ["", "across health and care in every area", ""],
            ["Virtual school head", "Train every school leader on the graduated", REPORTS[1]],
            ["", "approach during the coming school year", ""]]
    roles = _roles(["Senior sponsor", "Improvement step", "Latest position"], body)
    assert roles == ["lead", "action", None]


def test_a_loose_weakness_column_merged_over_its_actions_stays_the_weakness():
    body = [["Head of SEND", "Too few children are placed on time", "Set up a joint panel for placements now"],
            ["Virtual school head", None, "Train every school leader on the graduated approach"]]
    roles = _roles(["Senior sponsor", "Improvement step", "Our response"], body)
    assert roles == ["lead", "weakness", "action"]


def test_short_cells_with_a_sum_of_money_among_them_are_no_leads():
    from wsoa.normalise.content import role_from_content
    cells = ["Within Budget", "£40k ICB", "Council Budget", "ICB"]
    assert role_from_content(cells, [None] * len(cells))[0] == "resource"
    assert role_from_content(["AR", "£40k ICB", "ER", "ER"], [None] * 4)[0] == "resource"  # one sum among codes
    cells = ["Existing resource", "AR", "Within budget"]  # no sum, but most cells say how it is resourced
    assert role_from_content(cells, [None] * len(cells))[0] == "resource"
    assert role_from_content(["Head of SEND", "Finance lead", "ICB"], [None] * 3)[0] == "lead"
    assert role_from_content(["Head of SEND", "ICB", "Virtual School Head"], [None] * 3)[0] == "lead"
