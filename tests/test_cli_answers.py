"""The CLI never answers a mistake with a clean bill of health (issue 16 item 7, issue 11 item 9).
Exit codes: 0 fine, 1 a weakness is uncovered, 2 a usage error, 3 the output folder is busy."""
from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from typer.testing import CliRunner

from wsoa.cli import app
from wsoa.corpus.batch import locked
from wsoa.model import Document
from wsoa.model.record import Action, Box, Weakness
from wsoa.outputs.store import Store

runner = CliRunner()


def _plan(area: str, doc_id: str, n_actions: int = 2) -> Document:
    box = Box(page=1)
    return Document(doc_id=doc_id, local_area=area, doc_type="wsoa",
                    weaknesses=[Weakness(id="W1", text="Too few assessments are timely", source=box)],
                    actions=[Action(weakness_id="W1", ref=f"1.{i}", action=f"Recruit {i} more educational "
                                    "psychologists to complete assessments on time", lead="Head of SEND",
                                    deadlines=[dt.date(2022, 12, 31)], rag="green", source=box)
                             for i in range(1, n_actions + 1)])


def _letter(area: str, doc_id: str) -> Document:
    return Document(doc_id=doc_id, local_area=area, doc_type="inspection_letter",
                    weaknesses=[Weakness(id="W1", text="Too few assessments are timely", source=Box(page=2))])


@pytest.fixture()
def out(tmp_path):
    store = Store(tmp_path)
    store.put(_plan("Somewhere", "somewhere-wsoa"))
    store.put(_plan("Elsewhere", "elsewhere-wsoa"))
    store.close()
    return tmp_path


def _as_of_of_findings(out) -> set:
    store = Store(out)
    try:
        return {pd_date for pd_date in store.table("findings")["as_of"].astype(str)}
    finally:
        store.close()


def test_check_of_an_unknown_area_is_an_error_naming_the_known_ones(out):
    res = runner.invoke(app, ["check", str(out), "--area", "Nowhere"])
    assert res.exit_code == 2
    assert "Nowhere" in res.output and "Elsewhere, Somewhere" in res.output


def test_report_of_an_unknown_area_writes_nothing(out):
    assert runner.invoke(app, ["check", str(out), "--as-of", "2023-01-31"]).exit_code == 0
    res = runner.invoke(app, ["report", str(out), "--areas", "Nowhere", "--as-of", "2024-06-01"])
    assert res.exit_code == 2 and "known areas: Elsewhere, Somewhere" in res.output
    assert _as_of_of_findings(out) == {"2023-01-31"}
    assert not (out / "report.html").exists() and not (out / "wsoa.xlsx").exists()


@pytest.mark.parametrize("command", ["check", "report"])
def test_a_busy_folder_is_exit_3_with_one_line(out, command):
    with locked(out):
        res = runner.invoke(app, [command, str(out), "--as-of", "2023-01-31"])
    assert res.exit_code == 3, res.output
    assert "another wsoa run is writing" in res.output and "Traceback" not in res.output


def test_report_of_an_area_without_actions_keeps_the_status_chart(out):
    store = Store(out)
    store.put(_plan("Emptyshire", "emptyshire-wsoa", n_actions=0))
    store.close()
    res = runner.invoke(app, ["report", str(out), "--as-of", "2023-01-31"])
    assert res.exit_code == 0, res.output
    page = (out / "report.html").read_text("utf-8")
    row = re.search(r"<tr>\s*<td>Emptyshire</td>(.*?)</tr>", page, re.DOTALL).group(1)
    assert "0.0" not in row and "<td>–</td>" in row  # no "0.0 actions per weakness"
    assert "Plans with no action read: Emptyshire" in page


def _truth(folder, doc: Document) -> None:
    (folder / f"{doc.doc_id}.truth.json").write_text(doc.model_dump_json(), "utf-8")


def test_evaluate_with_nothing_to_evaluate_is_an_error(tmp_path):
    empty, truth = tmp_path / "empty", tmp_path / "truth"
    empty.mkdir()
    truth.mkdir()
    res = runner.invoke(app, ["evaluate", str(empty), str(truth)])
    assert res.exit_code == 2 and "nothing to evaluate" in res.output
    _truth(truth, _plan("Somewhere", "somewhere-wsoa"))
    res = runner.invoke(app, ["evaluate", str(empty), str(truth)])  # truth, but no record of it
    assert res.exit_code == 2 and "nothing to evaluate" in " ".join(res.output.split())


def test_evaluate_a_document_without_actions_has_no_recall_and_details_differ(tmp_path):
    pred, truth = tmp_path / "pred", tmp_path / "truth"
    pred.mkdir()
    truth.mkdir()
    letter, plan = _letter("Somewhere", "somewhere-letter"), _plan("Somewhere", "somewhere-wsoa", 2)
    _truth(truth, letter)
    _truth(truth, plan)
    (pred / "somewhere-letter.json").write_text(letter.model_dump_json(), "utf-8")
    wrong = plan.model_copy(deep=True)
    wrong.actions[0].lead = "Someone else"
    wrong.actions = wrong.actions[:1]
    (pred / "somewhere-wsoa.json").write_text(wrong.model_dump_json(), "utf-8")
    rows = json.loads(runner.invoke(app, ["evaluate", str(pred), str(truth), "--json"]).output)
    by_doc = {r["doc_id"]: r for r in rows}
    assert by_doc["somewhere-letter"]["recall"] is None and by_doc["somewhere-letter"]["lead"] is None
    assert by_doc["somewhere-wsoa"]["recall"] == 0.5 and by_doc["ALL"]["recall"] == 0.5
    plain = runner.invoke(app, ["evaluate", str(pred), str(truth)]).output
    detailed = runner.invoke(app, ["evaluate", str(pred), str(truth), "--details"]).output
    assert detailed != plain and "lead: truth='Head of SEND' pred='Someone else'" in detailed
    assert "1.2 not found" in detailed and "somewhere-letter: no difference" in detailed


def test_link_of_two_areas_is_an_error_and_a_missing_file_is_a_usage_error(tmp_path):
    letter, plan = tmp_path / "letter.json", tmp_path / "plan.json"
    letter.write_text(_letter("Somewhere", "somewhere-letter").model_dump_json(), "utf-8")
    plan.write_text(_plan("Elsewhere", "elsewhere-wsoa").model_dump_json(), "utf-8")
    res = runner.invoke(app, ["link", str(letter), str(plan)])
    assert res.exit_code == 2 and "Somewhere" in res.output and "Elsewhere" in res.output
    res = runner.invoke(app, ["link", str(letter), str(plan), "--other-area"])
    assert res.exit_code in (0, 1) and "warning" in res.output
    res = runner.invoke(app, ["link", str(tmp_path / "missing.pdf"), str(plan)])
    assert res.exit_code == 2 and "missing.pdf" in res.output


def test_check_of_an_area_takes_every_spelling_and_replaces_its_findings(out):
    store = Store(out)
    store.put(_plan("Elsewhere Council", "elsewhere-2-wsoa"))
    store.close()
    counts = []
    for _ in range(2):
        res = runner.invoke(app, ["check", str(out), "--area", "elsewhere", "--as-of", "2023-01-31"])
        assert res.exit_code == 0, res.output
        store = Store(out)
        try:
            counts.append(sorted(store.table("findings")["doc_id"].value_counts().items()))
        finally:
            store.close()
    # two plans of two actions each, no measure and overdue (due 31 Dec 2022, green): four findings each,
    # the second run replaces the first
    assert counts[0] == counts[1] == [("elsewhere-2-wsoa", 4), ("elsewhere-wsoa", 4)]


def test_extract_and_show_of_a_missing_file_are_usage_errors(tmp_path):
    from typer.testing import CliRunner
    from wsoa.cli import app
    missing = tmp_path / "nowhere.pdf"
    for args in (["extract", str(missing)], ["show", str(missing), "--page", "1"]):
        res = CliRunner().invoke(app, args)
        assert res.exit_code == 2 and "no such file" in res.output, args


def test_extract_table_cuts_at_a_word_with_an_ellipsis(bucks):
    from typer.testing import CliRunner
    from tests.conftest import BUCKS_WSOA
    from wsoa.cli import app
    from wsoa.normalise.text import shorten
    res = CliRunner().invoke(app, ["extract", str(BUCKS_WSOA), "--format", "table"], env={"COLUMNS": "400"})
    assert res.exit_code == 0
    long = [a.action for a in bucks.actions if len(a.action) > 60]
    assert long and all(shorten(text, 60) in res.output for text in long)
    assert shorten("Develop a joint commissioning strategy for therapies", 30) == "Develop a joint commissioning…"
