"""Revised deadlines vs phases, on the corpus and on a plan the test builds (SCHEMA.md, Dates)."""
from __future__ import annotations

import json
from datetime import date

from tests.conftest import CORPUS
from tests.pdfbuild import build_plan
from wsoa.extract.document import extract

# Bucks WSoA, priority 1: deadline cells with several dates and no word, arrow or strike saying
# that one replaced another ("30 Nov 2022 31 Jan 2023 30 April 2023", "Out to tender by 21 Dec
# 2022 New service in place from 1 Oct 2023", ...): phases, kept in printed order.
BUCKS_PHASES = {"1.2": [date(2022, 11, 30), date(2023, 1, 31), date(2023, 4, 30)],
                "1.7": [date(2023, 7, 21), date(2023, 3, 31)],
                "1.8": [date(2022, 12, 22), date(2024, 1, 1)],
                "1.12": [date(2022, 12, 21), date(2023, 10, 1)],
                "2.2": [date(2023, 2, 28), date(2023, 7, 31)]}


def test_bucks_multi_date_cells_are_phases_not_revisions(bucks):
    multi = {a.ref: a for a in bucks.actions if a.weakness_id == "W1" and len(a.deadlines) > 1}
    assert {ref: a.deadlines for ref, a in multi.items()} == BUCKS_PHASES
    assert [ref for ref, a in multi.items() if a.deadline_revised] == []


def test_no_corpus_deadline_cell_states_a_revision(bucks, pboro):
    assert [a.ref for a in bucks.actions + pboro.actions if a.deadline_revised] == []
    truth = json.loads((CORPUS / "peterborough" / "peterborough-2019-wsoa.truth.json").read_text())
    # Peterborough's dates are one per milestone row: several per action, never a revision
    assert [a.deadlines for a in pboro.actions] == [[date.fromisoformat(d) for d in t["deadlines"]]
                                                    for t in truth["actions"]]
    assert sum(len(a.deadlines) > 1 for a in pboro.actions) >= 20


def test_revised_deadline_cells_in_a_built_plan(tmp_path):
    header = ["Ref", "Action", "Lead officer", "Target date", "RAG"]
    rows = [["1.1", "Publish the local offer", "Head of SEND", "Dec 2022 -> Mar 2023", "Green"],
            ["1.2", "Audit EHC plans", "Head of SEND", "March 2023 (revised from Dec 2022)", "Amber"],
            ["1.3", "Train SENCOs", "Head of SEND", "Original: Dec 2019 / Revised: Mar 2020", "Red"],
            ["1.4", "Recommission therapies", "Commissioner", "Tender by Dec 2022; service live Oct 2023", "Green"],
            ["1.5", "Review the DCO role", "DCO", "Sept 2022 – July 2023", "Blue"]]
    doc = extract(build_plan(tmp_path / "revised.pdf", header, rows, col_widths=[40, 220, 120, 200, 60]))
    got = [(a.ref, a.deadlines, a.deadline_revised, a.start_dates) for a in doc.actions]
    assert got == [("1.1", [date(2022, 12, 31), date(2023, 3, 31)], True, []),
                   ("1.2", [date(2022, 12, 31), date(2023, 3, 31)], True, []),
                   ("1.3", [date(2019, 12, 31), date(2020, 3, 31)], True, []),
                   ("1.4", [date(2022, 12, 31), date(2023, 10, 31)], False, []),
                   ("1.5", [date(2023, 7, 31)], False, [date(2022, 9, 1)])]


def test_a_revised_start_cell_is_in_the_order_made(tmp_path):
    header = ["Ref", "Action", "Lead officer", "Start date", "Target date", "RAG"]
    rows = [["1.1", "Publish the local offer", "Head of SEND", "May 2023 (was Jan 2023)", "Dec 2023", "Green"],
            ["1.2", "Audit EHC plans", "Head of SEND", "Jan 2023", "Dec 2023", "Green"]]
    doc = extract(build_plan(tmp_path / "starts.pdf", header, rows, col_widths=[40, 200, 120, 140, 100, 60]))
    assert [a.start_dates for a in doc.actions] == [[date(2023, 1, 1), date(2023, 5, 1)], [date(2023, 1, 1)]]
