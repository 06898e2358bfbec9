"""Slippage only from cells that state a revision (issue 16 item 2, SCHEMA.md Dates): two phases
of one action are not a revision, in `wsoa check` and in the report alike."""
from __future__ import annotations

import datetime as dt

import pytest

from wsoa.match.check import findings
from wsoa.model import Document
from wsoa.model.record import Action, Box, Weakness
from wsoa.outputs.report import load_areas
from wsoa.outputs.store import Store

AS_OF = dt.date(2023, 1, 31)
D = dt.date


@pytest.fixture()
def store(tmp_path):
    box = Box(page=3)
    actions = [
        # phases: "Out to tender by 21 Dec 2022 / New service in place from 1 Oct 2023"
        Action(weakness_id="W1", ref="1.1", action="tender then service", lead="x", measures="y",
               deadlines=[D(2022, 12, 21), D(2023, 10, 1)], deadline_raw="Out to tender by 21 Dec 2022 New service "
               "in place from 1 Oct 2023", rag="green", source=box),
        # a stated revision: "Sept 2022 (revised from June 2022)"
        Action(weakness_id="W1", ref="1.2", action="revised once", lead="x", measures="y",
               deadlines=[D(2022, 6, 30), D(2022, 9, 30)], deadline_raw="Sept 2022 (revised from June 2022)",
               deadline_revised=True, rag="amber", source=box),
        # revised to an earlier date: a revision, but no slippage
        Action(weakness_id="W1", ref="1.3", action="brought forward", lead="x", measures="y",
               deadlines=[D(2023, 6, 30), D(2023, 3, 31)], deadline_raw="~~June 2023~~ March 2023",
               deadline_revised=True, rag="green", source=box),
        # two phases printed later-first: still phases
        Action(weakness_id="W1", ref="1.4", action="two phases", lead="x", measures="y",
               deadlines=[D(2023, 7, 21), D(2023, 3, 31)], deadline_raw="21 July 2023 31 March 2023", rag="green",
               source=box),
    ]
    plan = Document(doc_id="somewhere-wsoa", local_area="Somewhere", doc_type="wsoa", actions=actions,
                    weaknesses=[Weakness(id="W1", text="w", source=box)])
    s = Store(tmp_path)
    s.put(plan)
    yield s
    s.close()


def test_check_counts_only_stated_revisions(store):
    found = findings(store, None, AS_OF)
    slipped = found[found["finding"] == "slipped"]
    assert list(slipped["subject"]) == ["W1 1.2"]
    assert slipped["days"].iloc[0] == 92 and "1 revision(s): 2022-06-30 -> 2022-09-30" in slipped["detail"].iloc[0]
    # the phase deadline that stands for 1.1 is 1 Oct 2023: not overdue as of 31 Jan 2023
    overdue = found[found["finding"] == "overdue"]
    assert list(overdue["subject"]) == ["W1 1.2"]


def test_report_counts_only_stated_revisions(store):
    found = findings(store, None, AS_OF)
    (area,) = load_areas(store, None, AS_OF, found)
    a = area.actions.set_index("ref")
    assert a.loc["1.1", "revisions"] == 0 and a.loc["1.1", "days_slipped"] == 0 and a.loc["1.1", "earlier"] == []
    assert a.loc["1.4", "revisions"] == 0 and a.loc["1.4", "earlier"] == []
    assert a.loc["1.2", "revisions"] == 1 and a.loc["1.2", "days_slipped"] == 92
    assert a.loc["1.2", "earlier"] == [D(2022, 6, 30)] and a.loc["1.2", "original"] == D(2022, 6, 30)
    # brought forward: one revision, no slip, the original was June
    assert a.loc["1.3", "revisions"] == 1 and a.loc["1.3", "days_slipped"] == 0
    assert a.loc["1.3", "original"] == D(2023, 6, 30) and a.loc["1.3", "due"] == D(2023, 3, 31)
    assert list(a["overdue"]) == [False, True, False, False]
    # phases printed later-first: the deadline that stands is the latest phase, the other is a phase
    assert a.loc["1.4", "due"] == D(2023, 7, 21) and a.loc["1.4", "phases"] == [D(2023, 3, 31)]


def test_phases_are_drawn_as_phases_not_revisions(store):
    found = findings(store, None, AS_OF)
    (area,) = load_areas(store, None, AS_OF, found)
    a = area.actions.set_index("ref")
    assert a.loc["1.1", "phases"] == [D(2022, 12, 21)] and a.loc["1.2", "phases"] == []
