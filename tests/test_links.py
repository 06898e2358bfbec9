"""Letter weaknesses linked to plans, quotations checked against the letter, and the coverage check."""
from __future__ import annotations

import json
from datetime import date

import pytest
from typer.testing import CliRunner

from tests.conftest import BUCKS_LETTER
from tests.pdfbuild import build_letter, build_plan
from wsoa.cli import app
from wsoa.corpus.batch import run_batch
from wsoa.extract.document import extract
from wsoa.match.link import link
from wsoa.match.similarity import similarity

HEADER = ["Ref", "Action", "Lead", "Deadline", "RAG"]


@pytest.fixture(scope="module")
def letter():
    return extract(BUCKS_LETTER)


def test_buckinghamshire_letter_links_to_the_three_priorities_and_every_action(letter, bucks):
    result = link(letter, bucks)
    assert [(x.letter_weakness_id, x.plan_weakness_id) for x in result.links] == [("W1", "W1"), ("W2", "W2"), ("W3", "W3")]
    assert [len(x.action_refs) for x in result.links] == [14, 15, 16]
    assert sorted(n for x in result.links for n in x.action_nos) == list(range(1, len(bucks.actions) + 1))
    assert result.links[2].plan_section == "1. Paediatrics Focus Area: Waiting times"
    assert result.uncovered == []


def test_quotations_are_found_on_their_real_letter_pages(letter, bucks):
    checks = {q.quote_no: q for q in link(letter, bucks).quotes}
    assert len(checks) == 11
    # "The lack of a cohesive area strategy ..." cites p.10; the letter's list of weaknesses is on p.8
    assert (checks[1].cited_page, checks[1].found_page, checks[1].verdict, checks[1].page_ok) == (10, 8, "verbatim", False)
    # "Too many children ... are waiting" is in the main findings on p.2, as cited
    assert (checks[6].found_page, checks[6].verdict, checks[6].page_ok) == (2, "verbatim", True)
    # the plan inserted "(SALT)" into the report's words: found, but not verbatim
    assert checks[2].verdict == "minor-differences" and checks[2].found_page == 2
    # "The situation regarding community paediatrician waits ..." starts on p.5 (cited p.7)
    assert checks[10].found_page == 5


def test_peterborough_weaknesses_link_to_their_workstreams(tmp_path, pboro):
    order = [4, 2, 0, 3, 1]  # the letter states them in another order than the plan
    path = build_letter(tmp_path / "pboro-letter.pdf", "Peterborough", [pboro.weaknesses[i].text for i in order])
    letter = extract(path)
    assert len(letter.weaknesses) == 5
    result = link(letter, pboro)
    assert [x.plan_weakness_id for x in result.links] == [f"W{i + 1}" for i in order]
    sections = [x.plan_section for x in result.links]
    assert sections[0] == "Workstream 5: Provision and opportunities for young adults aged 18 - 25"
    assert sections[3] == "Workstream 4: Getting support early"
    assert [len(x.action_refs) for x in result.links] == [4, 3, 9, 6, 5]


def test_workstream_titles_alone_are_enough(tmp_path, pboro):
    """A plan that lists no weaknesses: each quoted weakness still finds its workstream by its title."""
    plan = pboro.model_copy(deep=True)
    plan.weaknesses = []
    for a in plan.actions:
        a.weakness_id = None
    result = link(pboro.model_copy(update={"doc_type": "inspection_letter"}), plan)
    assert [x.plan_section.split(":")[0] for x in result.links] == [f"Workstream {i}" for i in range(1, 6)]


LETTER_WEAKNESSES = [
    "The lack of a joint commissioning strategy for speech and language therapy and occupational therapy.",
    "Long waiting times for autism spectrum disorder assessments, and weak support for families while they wait.",
    "Weak quality assurance of education, health and care plans, which too often do not reflect needs.",
    "Poor preparation for adulthood for young people aged 16 to 25 with SEND.",
]
PLAN_PRIORITIES = [  # the plan's own wording, in its own order; nothing answers adulthood
    ("Priority 1: Reduce waits for ASD diagnostic assessments", "Area for priority action: Reduce the time families "
     "wait for an ASD diagnostic assessment and support them while waiting."),
    ("Priority 2: Commission SALT and OT jointly", "Area for priority action: Commission SALT and OT services jointly "
     "with health partners under one strategy."),
    ("Priority 3: Quality of EHCPs", "Area for priority action: Make sure EHCPs are quality assured so plans "
     "reflect each child's needs."),
]


@pytest.fixture(scope="module")
def pair_dir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pair")
    build_letter(folder / "letter.pdf", "Northshire", LETTER_WEAKNESSES)
    for n, (heading, label) in enumerate(PLAN_PRIORITIES, start=1):
        rows = [[f"{n}.{k}", f"Action {k} for priority {n}: agree and deliver the plan of work", "Head of Service",
                 "March 2022", "G"] for k in (1, 2)]
        build_plan(folder / f"plan-{n}.pdf", HEADER, rows, heading=heading,
                   before=["Northshire Written Statement of Action", label])
    return folder


def test_paraphrased_pair_links_and_flags_the_gap(pair_dir):
    from wsoa.model import Document

    parts = [extract(pair_dir / f"plan-{n}.pdf") for n in (1, 2, 3)]
    plan = Document(doc_id="plan", doc_type="wsoa", local_area="Northshire")
    for n, part in enumerate(parts, start=1):
        w = part.weaknesses[0].model_copy(update={"id": f"W{n}"})
        plan.weaknesses.append(w)
        plan.actions += [a.model_copy(update={"weakness_id": w.id}) for a in part.actions]
    letter = extract(pair_dir / "letter.pdf")
    result = link(letter, plan)
    assert [x.plan_weakness_id for x in result.links] == ["W2", "W1", "W3", None]
    assert result.links[0].action_refs == ["2.1", "2.2"]
    assert result.uncovered == ["W4"]
    assert result.links[3].method == "unmatched"


def test_link_command_exits_1_on_an_uncovered_weakness(pair_dir, tmp_path):
    from wsoa.model import Document

    part = extract(pair_dir / "plan-1.pdf")
    (tmp_path / "plan.json").write_text(part.model_dump_json())
    res = CliRunner().invoke(app, ["link", str(pair_dir / "letter.pdf"), str(tmp_path / "plan.json")])
    assert res.exit_code == 1
    out = json.loads(res.stdout)
    assert out["uncovered"] == ["W1", "W3", "W4"]
    assert out["links"][1]["plan_weakness_id"] == "W1" and out["links"][1]["action_refs"] == ["1.1", "1.2"]
    assert Document.model_validate_json((tmp_path / "plan.json").read_text()).doc_id == "plan-1"


def test_batch_links_by_area_and_check_reports(pair_dir, tmp_path):
    summary = run_batch(pair_dir, tmp_path / "out", workers=1)
    assert len(summary.done) == 4 and summary.links >= 4
    res = CliRunner().invoke(app, ["check", str(tmp_path / "out"), "--area", "Northshire", "--as-of", "2022-06-01"])
    assert res.exit_code == 1, res.output
    import duckdb
    db = duckdb.connect(str(tmp_path / "out" / "wsoa.duckdb"), read_only=True)
    found = db.execute("SELECT finding, subject, days FROM findings ORDER BY finding, subject").fetchall()
    assert ("uncovered-weakness", "W4", None) in found
    # every action was due 31 March 2022 and is green, not blue: overdue by 62 days on 1 June 2022
    assert sum(1 for f in found if f[0] == "overdue") == 6 and ("overdue", "W1 1.1", 62) in found


def test_buckinghamshire_check_as_of_2023(tmp_path):
    from wsoa.match.check import findings
    from wsoa.outputs.store import Store

    run_batch(BUCKS_LETTER.parent, tmp_path, workers=2)
    store = Store(tmp_path)
    frame = findings(store, "Buckinghamshire", __import__("datetime").date(2023, 1, 31))
    store.close()
    assert "uncovered-weakness" not in set(frame["finding"])
    overdue = frame[frame["finding"] == "overdue"].set_index("subject")
    assert overdue.loc["W1 1.11", "days"] == 92  # due 31 October 2022, green
    # issue 16 item 2: its cells with several dates are phases ("Out to tender by 21 Dec 2022 / New service
    # in place from 1 Oct 2023"), none states a revision: no slippage (was 4, invented)
    assert (frame["finding"] == "slipped").sum() == 0


def test_similarity_separates_paraphrase_from_another_weakness():
    same = similarity("Waiting times to see a community paediatrician", "Reduce community paediatrics waits")
    other = similarity("Waiting times to see a community paediatrician", "Reduce waits for ASD assessments")
    assert same > 0.6 > other


def test_a_2023_report_links_to_a_priority_action_plan(tmp_path):
    """Bury's real 2023 report against a priority action plan built here: no ref column, owners,
    timescales, statuses in words; two areas for priority action left without actions."""
    from tests.conftest import CORPUS
    from tests.pdfbuild import build_sections

    header = ["Action", "Owner", "Timescale", "Impact measure", "Status"]
    row = lambda what, when, status: [what, "Director of Education, Bury Council", when,  # noqa: E731
                                      "Parents report improvement in surveys", status]
    plan = build_sections(tmp_path / "bury-pap.pdf", ["Bury Local Area Partnership", "Priority action plan"], header, [
        ("Area for priority action 1: Implement the SEND strategy under shared strategic governance",
         [row("Refresh the SEND strategy and its governance board", "Sept 2024", "On track"),
          row("Report strategy progress to the partnership board each term", "Summer term 2025", "Complete")]),
        ("Area for priority action 2: Identify children's SEND early as part of the graduated approach",
         [row("Roll out the graduated approach toolkit to all schools", "Q3 2024/25", "Off track")]),
        ("Area for priority action 3: Support families while they wait for specialist assessments",
         [row("Publish a waiting well offer for families awaiting autism assessment", "March 2025", "On track")]),
        ("Area for priority action 6: Improve the quality of EHC plans and the statutory process",
         [row("Quality assure every new EHC plan against the partnership standard", "31 Jan 2025", "On track")]),
    ])
    pap = extract(plan)
    assert pap.doc_type == "priority_action_plan" and len(pap.actions) == 5
    assert [a.rag for a in pap.actions] == ["green", "blue", "red", "green", "green"]
    assert pap.actions[2].deadlines == [date(2024, 12, 31)]  # Q3 of the financial year 2024/25
    report = extract(CORPUS / "area-send-2023" / "bury-area-send-2024-05-07.pdf")
    result = link(report, pap)
    linked = {x.letter_weakness_id: x.plan_weakness_id for x in result.links if x.plan_weakness_id}
    assert linked == {"W1": "W1", "W2": "W2", "W3": "W3", "W6": "W4"}
    assert result.uncovered == ["W4", "W5"]  # preparation for adulthood, transitions: no actions


def test_plan_weaknesses_adopt_workstreams_the_plan_did_not_tie_to_them(tmp_path, pboro):
    """Weaknesses listed in the introduction, action tables never tied to them: each weakness still
    finds its workstream, by the workstream's heading and actions."""
    plan = pboro.model_copy(deep=True)
    for a in plan.actions:
        a.weakness_id = None
    letter = extract(build_letter(tmp_path / "l.pdf", "Peterborough", [w.text for w in pboro.weaknesses]))
    result = link(letter, plan)
    assert [x.plan_weakness_id for x in result.links] == ["W1", "W2", "W3", "W4", "W5"]
    assert [len(x.action_refs) for x in result.links] == [9, 5, 3, 6, 4]
    assert result.uncovered == []
