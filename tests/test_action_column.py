"""Which of two columns of running text, both unnamed, holds the actions: the one less given to targets,
reports or dates, wherever it stands."""
from __future__ import annotations

from wsoa.extract.column_roles import _action_from_text
from wsoa.extract.grid import Column

MEASURES = ["audit grades good or better in 60% of cases; plans issued within 20 weeks",
            "28 schools trained; waiting time under 15 weeks"]
ACTIONS = ["Audit a shared dashboard on personal budgets so that families receive timely support",
           "Review a single referral route for personal budgets to improve the quality of advice"]


def _cols(order: list[str]) -> tuple[list[Column], dict[int, tuple[list[str], list]]]:
    cols = [Column(100 * i, 100 * i + 90, h) for i, h in enumerate(order)]
    cols[0].role, cols[0].score = "ref", 100.0
    texts = {"Ref": ["1a", "1b"], "Difference made": MEASURES, "Our response": ACTIONS}
    return cols, {i: (texts[h], []) for i, h in enumerate(order)}


def test_the_column_less_given_to_targets_is_the_action_wherever_it_stands():
    for order in (["Ref", "Difference made", "Our response"], ["Ref", "Our response", "Difference made"]):
        cols, cells = _cols(order)
        _action_from_text(cols, cells, {})
        assert [c.header for c in cols if c.role == "action"] == ["Our response"]


def test_short_names_under_a_header_naming_resources_inside_a_long_label_are_resources():
    """Codes and short phrases ("ER", "Within budget") look like the short names of leads; a header that
    says, inside a longer label, that the column holds resources settles it."""
    from wsoa.extract.tables import find_tables

    from .test_table_stages import page_of, ruled_table

    xs = [20.0, 50.0, 200.0, 520.0, 580.0]
    head = ["Ref", "Action", "Any extra resource or funding that is needed to deliver this action", "Status"]
    rows = [["1.1", "Publish the local offer pages", "Existing resource", "Green"],
            ["1.2", "Train every coordinator", "ER", "Amber"],
            ["1.3", "Audit new plans each term", "Within budget", "Red"]]
    ws, rules, _ = ruled_table(100, rows, xs, header=head)
    table = find_tables([page_of(1, ws, rules)]).tables[0]
    assert [c.role for c in table.columns] == ["ref", "action", "resource", "status"]


def test_a_long_question_naming_an_officer_heads_the_leads():
    from wsoa.extract.column_roles import SHORT_ROLES, _long_header_role

    assert _long_header_role("Which officer will answer for this action to the board", SHORT_ROLES)[0] == "lead"
    assert _long_header_role("Any extra resource or funding that is needed to deliver this", SHORT_ROLES)[0] == "resource"


def test_of_two_columns_of_short_names_the_one_naming_posts_is_the_lead():
    from wsoa.extract.column_roles import _one_lead

    for codes_first in (True, False):
        texts = [["Existing resource", "AR", "ER"], ["Head of SEND", "Chair, Parent Carer Forum", "Virtual School Head"]]
        texts = texts if codes_first else texts[::-1]
        cols = [Column(0, 90, "Capacity", "lead"), Column(100, 190, "Sponsor", "lead")]
        why = {0: "short names", 1: "short names"}
        _one_lead(cols, {i: (t, []) for i, t in enumerate(texts)}, why)
        assert [c.role for c in cols] == ([None, "lead"] if codes_first else ["lead", None])


def test_a_column_of_dots_all_one_colour_under_an_unknown_header_is_the_status():
    from wsoa.extract.page import Shape
    from wsoa.extract.tables import find_tables

    from .test_table_stages import page_of, ruled_table

    xs = [20.0, 60.0, 300.0, 420.0, 480.0]
    rows = [["1.1", "Publish the local offer pages", "Head of SEND", ""],
            ["1.2", "Train every coordinator", "Chair of forum", ""],
            ["1.3", "Audit new plans each term", "Designated officer", ""]]
    ws, rules, _ = ruled_table(100, rows, xs, header=["Ref", "Action", "Lead", "Wellbeing"])
    page = page_of(1, ws, rules)
    page.shapes = [Shape(430, 128 + 24 * i, 438, 136 + 24 * i, (0.78, 0.94, 0.81)) for i in range(3)]
    table = find_tables([page]).tables[0]
    assert [c.role for c in table.columns] == ["ref", "action", "lead", "status"]


def test_a_header_over_one_row_on_its_page_reads_its_roles_with_the_rows_overleaf():
    """One row under a tall header at a page's foot cannot show that its unnamed first column holds refs;
    the rows the table goes on with overleaf do."""
    from wsoa.extract.tables import find_tables

    from .test_table_stages import page_of, ruled_table

    xs = [40.0, 80.0, 300.0, 400.0, 480.0]
    head = ["Line", "Action", "Lead", "Due"]
    ws1, rules1, _ = ruled_table(540, [["1.1", "Publish the local offer", "Head of SEND", "May 2024"]], xs, header=head)
    ws2, rules2, _ = ruled_table(40, [["1.2", "Train every coordinator", "Chair of forum", "Jun 2024"],
                                      ["1.3", "Audit new plans", "Designated officer", "Jul 2024"]], xs, header=None)
    tables = find_tables([page_of(1, ws1, rules1), page_of(2, ws2, rules2)]).tables
    assert tables[0].columns[0].role == "ref"
