"""Real values pinned from the corpus PDFs (see corpus/*/*.truth.json)."""
from __future__ import annotations

from datetime import date

from tests.conftest import BUCKS_LETTER
from wsoa.extract.document import extract


def _action(doc, weakness_id, ref, section_start=None):
    found = [a for a in doc.actions if a.weakness_id == weakness_id and a.ref == ref
             and (section_start is None or (a.section or "").startswith(section_start))]
    assert len(found) == 1, [(a.ref, a.section) for a in found]
    return found[0]


def test_bucks_priority1_action_1_2_keeps_every_revised_deadline(bucks):
    a = _action(bucks, "W1", "1.2", "1. Therapies")
    assert a.deadlines == [date(2022, 11, 30), date(2023, 1, 31), date(2023, 4, 30)]
    assert a.deadline_raw == "30 Nov 2022 31 Jan 2023 30 April 2023"
    assert a.start_dates == [date(2022, 7, 1)]
    assert a.lead == "Head of Early Help, Buckinghamshire Council"
    assert a.lead_org == "Buckinghamshire Council"
    assert a.rag == "green" and a.rag_source == "word"
    assert a.group == "System response/strategy (outcomes 1, 2, and 3)"
    assert a.source.page == 7


def test_bucks_31_sept_gives_no_date_and_a_warning(bucks):
    a = _action(bucks, "W2", "1.1")
    assert a.deadline_raw == "31 Sept 2022"
    assert a.deadlines == []
    assert "deadlines:invalid-date" in a.flags
    assert any(w.code == "invalid-date" and "31 Sept 2022" in w.message and w.page == 11 for w in bucks.warnings)


def test_bucks_text_around_dates_and_empty_status(bucks):
    a = _action(bucks, "W1", "1.12")
    assert a.deadlines == [date(2022, 12, 21), date(2023, 10, 1)]
    assert a.rag == "amber"
    assert _action(bucks, "W2", "1.6").rag is None  # empty RAG cell in the source


def test_bucks_weaknesses_sections_and_quotes(bucks):
    assert [w.id for w in bucks.weaknesses] == ["W1", "W2", "W3"]
    assert bucks.weaknesses[2].text == "Waiting times to see a community paediatrician"
    assert bucks.inspection_start == date(2022, 2, 28) and bucks.inspection_end == date(2022, 3, 11)
    assert _action(bucks, "W3", "2.3").section == "2. Paediatrics Focus Area: Education, Health and Care Plan advice (EHCP)"
    assert len(bucks.quotes) == 11
    assert bucks.quotes[1].cites == "Inspection Report, p.2, 26 April 2022"
    assert len(bucks.actions) == 45


def test_peterborough_status_from_fill_colour_only(pboro):
    a = _action(pboro, "W1", "1.3")
    assert a.milestones[0].rag == "blue" and a.milestones[0].brag_raw == "Sept 2019"
    assert a.milestones[0].brag_date == date(2019, 9, 30)
    b = _action(pboro, "W1", "1.2")
    assert [m.rag for m in b.milestones] == ["amber", "white", "white", "green"]
    assert b.rag == "amber" and b.rag_source == "milestones"


def test_peterborough_milestones_keep_their_own_dates(pboro):
    a = _action(pboro, "W1", "1.1a")
    assert [m.date_raw for m in a.milestones] == ["Nov 2019", "Jan 2020", "April 2020", "June 2020",
                                                  "June 2020 to April 2021"]
    assert a.deadlines == [date(2019, 11, 30), date(2020, 1, 31), date(2020, 4, 30), date(2020, 6, 30),
                           date(2021, 4, 30)]
    assert a.deadline_raw is None and a.lead is None and a.resource == "ER"
    assert _action(pboro, "W5", "5.1b").resource == "ER/AR"


def test_peterborough_outcome_cell_merged_over_two_actions(pboro):
    a, b = _action(pboro, "W4", "4.3b"), _action(pboro, "W4", "4.3c")
    assert a.measures == b.measures and a.measures.startswith("Impact")
    assert len(pboro.actions) == 27 and len(pboro.weaknesses) == 5


def test_peterborough_page_break_row_joined_once(pboro):
    a = _action(pboro, "W2", "2.2a")
    assert a.action.count("receipt of new EHCPs") == 1
    assert "bi-monthly" in " ".join(m.text for m in _action(pboro, "W1", "1.3").milestones)


def test_old_framework_letter():
    doc = extract(BUCKS_LETTER)
    assert doc.doc_type == "inspection_letter"
    assert doc.letter_date == date(2022, 4, 26)
    assert (doc.inspection_start, doc.inspection_end) == (date(2022, 3, 7), date(2022, 3, 11))
    assert len(doc.weaknesses) == 3
    assert doc.weaknesses[2].text == "waiting times to see a community paediatrician."


def test_2023_framework_reports_outcome_and_items():
    """Real Ofsted reports: every priority action and improvement found; outcome sentence exact."""
    import json

    from rapidfuzz import fuzz

    from tests.conftest import CORPUS
    found = total = exact = 0
    for truth_file in sorted((CORPUS / "area-send-2023").glob("*.truth.json")):
        truth = json.loads(truth_file.read_text("utf-8"))
        doc = extract(truth_file.with_name(truth["doc_id"] + ".pdf"))
        assert doc.doc_type == "inspection_letter"
        assert doc.outcome == truth["outcome"], truth["doc_id"]
        assert doc.local_area == truth["local_area"], truth["doc_id"]
        assert (str(doc.inspection_start), str(doc.inspection_end)) == (truth["inspection_start"], truth["inspection_end"])
        assert len(doc.weaknesses) == len(truth["weaknesses"]), truth["doc_id"]  # no item split or merged
        for t, w in zip(truth["weaknesses"], doc.weaknesses):
            total += 1
            found += w.kind == t["kind"] and fuzz.ratio(w.text, t["text"]) >= 95
            exact += w.kind == t["kind"] and w.text == t["text"]
    # in order, to the character (Blackpool draws a space glyph over "i|mprove": ignored)
    assert total == 45 and found == total and exact == 45
    bury = extract(CORPUS / "area-send-2023" / "bury-area-send-2024-05-07.pdf")
    assert bury.local_area == "Bury"
    assert [w.kind for w in bury.weaknesses] == ["priority_action"] * 6 + ["improvement"] * 3
    assert bury.weaknesses[0].responsible_body == "Bury Metropolitan Borough Council and NHS Greater Manchester ICB"
