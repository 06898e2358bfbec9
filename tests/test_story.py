"""Self-evaluations, committee packs, the per-area timeline of events, and editions of a statement."""
from __future__ import annotations

from datetime import date

import duckdb
import pytest

from tests.conftest import BUCKS_LETTER, CORPUS
from tests.pdfbuild import build_plan
from wsoa.corpus.batch import run_batch
from wsoa.extract.document import extract
from wsoa.match.selfknow import self_knowledge
from wsoa.match.versions import compare

BUCKS = CORPUS / "buckinghamshire"


@pytest.fixture(scope="module")
def committee():
    return extract(BUCKS / "buckinghamshire-2023-select-committee.pdf")


@pytest.fixture(scope="module")
def sef():
    return extract(BUCKS / "buckinghamshire-2021-sef.pdf")


def test_committee_pack_weaknesses_date_and_recommendations(committee):
    assert committee.doc_type == "committee_report" and committee.letter_date == date(2023, 6, 15)
    assert [w.text for w in committee.weaknesses][2] == "Waiting times to see a community paediatrician."
    assert len(committee.weaknesses) == 3
    numbers = [r.number for r in committee.recommendations]
    assert numbers == [str(n) for n in range(1, 11)]
    assert committee.recommendations[8].text.startswith("A programme of neurodiversity in-school training")


def test_committee_pack_dates_the_statement_s_progress(committee):
    events = {(e.kind, e.date): e for e in committee.events}
    approved = events[("wsoa_approved", date(2022, 8, 1))]
    assert "approved by Ofsted in August 2022" in approved.text and approved.source.page == 24
    meeting = events[("monitoring_meeting", date(2022, 12, 1))]
    assert "first meeting with the DfE" in meeting.text and meeting.source.page == 25
    assert ("committee_review", date(2023, 6, 15)) in events


def test_self_evaluation_lists_strengths_and_areas_for_development_by_theme(sef):
    kinds = [j.kind for j in sef.judgements]
    assert kinds.count("development") == 19 and kinds.count("strength") == 27
    dev = [j for j in sef.judgements if j.kind == "development"]
    assert dev[0].heading == "Identification of SEND" and dev[0].source.page == 12
    assert dev[0].text.startswith("The diagnosis and escalation of needs relating to Autism and SEMH")
    assert not any(j.text.startswith("Good practice") for j in sef.judgements)


def test_did_the_area_know_itself(sef):
    known = {k.weakness_id: k for k in self_knowledge(extract(BUCKS_LETTER), sef)}
    assert known["W2"].named and "autism_adhd" in known["W2"].method  # autism waits were on its own list
    assert not known["W1"].named and not known["W3"].named  # therapy strategy and paediatrician waits were not


def _edition(path, version: str, rows):
    return build_plan(path, ["Ref", "Action", "Lead", "Deadline", "RAG"], rows, heading="Priority 1: Therapies",
                      before=["Northshire Written Statement of Action", f"Version {version}",
                              "Area for priority action: the lack of a joint therapy strategy for speech and language "
                              "therapy and occupational therapy."])


def test_a_newer_edition_is_compared_action_by_action(tmp_path):
    first = [["1.1", "Agree a joint therapy strategy with health partners", "Head of SEND", "31 March 2023", "Green"],
             ["1.2", "Train early years settings in early identification", "Early Years Lead", "June 2023", "Amber"],
             ["1.3", "Recruit two speech and language therapists", "Therapy Lead", "May 2023", "Red"]]
    second = [["1.1", "Agree a joint therapy strategy with health partners", "Head of SEND", "31 March 2023", "Blue"],
              ["1.2", "Train early years settings in early identification", "Early Years Lead", "December 2023",
               "Amber"],
              ["1.4", "Publish the therapy offer on the local offer website", "Local Offer Manager", "Sept 2023", "Green"]]
    _edition(tmp_path / "plan-v1.pdf", "1, updated 1 March 2023", first)
    _edition(tmp_path / "plan-v2.pdf", "2, updated 1 July 2023", second)
    old, new = extract(tmp_path / "plan-v1.pdf"), extract(tmp_path / "plan-v2.pdf")
    assert (old.edition_date, new.edition_date) == (date(2023, 3, 1), date(2023, 7, 1))
    changes = {(c.kind, c.ref): c for c in compare(old, new)}
    assert set(changes) == {("status", "1.1"), ("deadline", "1.2"), ("dropped", "1.3"), ("added", "1.4")}
    assert (changes[("status", "1.1")].before, changes[("status", "1.1")].after) == ("green", "blue")
    assert changes[("deadline", "1.2")].days == 184  # 30 June -> 31 December 2023
    summary = run_batch(tmp_path, tmp_path / "out", workers=1)
    assert len(summary.done) == 2
    db = duckdb.connect(str(tmp_path / "out" / "wsoa.duckdb"), read_only=True)
    rows = db.execute("SELECT old_doc_id, new_doc_id, kind, ref FROM changes ORDER BY change_no").fetchall()
    assert ("plan-v1", "plan-v2", "added", "1.4") in rows and len(rows) == 4


def test_area_timeline_gathers_events_from_every_document(tmp_path):
    run_batch(BUCKS, tmp_path, workers=2)
    db = duckdb.connect(str(tmp_path / "wsoa.duckdb"), read_only=True)
    rows = db.execute("""SELECT e.kind, e.date, e.doc_id, e.page FROM events e JOIN documents d USING (doc_id)
                         WHERE d.local_area = 'Buckinghamshire' ORDER BY e.date, e.kind""").fetchall()
    kinds = [r[0] for r in rows]
    assert {"inspection", "letter", "wsoa_approved", "monitoring_meeting", "committee_review"} <= set(kinds)
    assert ("letter", date(2022, 4, 26), "buckinghamshire-2022-inspection-letter", 1) in rows
    assert [r[1] for r in rows] == sorted(r[1] for r in rows)
    known = db.execute("SELECT weakness_id, named FROM self_knowledge ORDER BY weakness_id").fetchall()
    assert known == [("W1", False), ("W2", True), ("W3", False)]
