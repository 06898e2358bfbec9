"""A statement of action whose only table carries few roles (no refs, dates or statuses: the actions,
their measures, an update), built in the test: its rows are still its actions, as long as the document
calls itself a plan and nothing more like an action table is in it."""
from __future__ import annotations

from tests.pdfbuild import build_plan
from wsoa.extract.document import extract

ROWS = [["Recruit two more educational psychologists to the assessment team",
         "Advice returned within six weeks in nine cases out of ten", "Posts advertised in the spring"],
        ["Publish a joint protocol for requests for statutory assessment",
         "Fewer requests returned to schools for more evidence", "Draft agreed by the board"],
        ["Train every special educational needs coordinator in graduated support",
         "Every school has a trained coordinator", "Two sessions held so far"]]
HEADER = ["Our response", "How we will know", "Commentary"]


def test_a_plan_whose_only_table_has_few_roles_still_gives_its_actions(tmp_path):
    path = build_plan(tmp_path / "plan.pdf", HEADER, ROWS, heading="Written Statement of Action")
    doc = extract(path)
    assert [a.action for a in doc.actions] == [r[0] for r in ROWS]
    assert doc.actions[1].measures == ROWS[1][1]


def test_the_same_table_in_a_document_that_is_no_plan_gives_no_actions(tmp_path):
    path = build_plan(tmp_path / "notes.pdf", HEADER, ROWS, heading="Minutes of the partnership board")
    assert extract(path).actions == []


def test_a_plan_of_key_value_boxes_taken_for_one_table_that_gives_no_action_is_read_as_cards(tmp_path):
    """Key/value boxes in rare label wordings, one per action, ruled, status shown by fills: the boxes are taken
    for one table of columns naming nothing, which gives no action row. The cards then win, though tables hold
    most of the lines (a plan of tables that gives nothing is no plan of tables)."""
    from stress import cards as card_family
    from stress.plan import truth
    from stress.render_cards import write
    from wsoa.extract.document import extract

    plan = card_family.sample(1, 62)
    assert plan.layout["form"] == "kv_ruled" and plan.layout["renderer"] == "reportlab"
    want = truth(plan)["actions"]
    doc = extract(write(plan, tmp_path))
    assert len(doc.actions) == len(want) == 8
    assert [a.ref for a in doc.actions] == [a["ref"] for a in want]
