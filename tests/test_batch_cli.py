"""The batch end to end on the corpus, bad input, the CLI and the evaluation yardstick."""
from __future__ import annotations

import json
import shutil

import duckdb
import pytest
from typer.testing import CliRunner

from tests.conftest import BUCKS_WSOA, CORPUS, PBORO_WSOA
from tests.pdfbuild import build_plan
from wsoa.cli import app
from wsoa.corpus.batch import run_batch
from wsoa.match.evaluate import evaluate_dirs

runner = CliRunner()


def _counts(out):
    con = duckdb.connect(str(out / "wsoa.duckdb"), read_only=True)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("documents", "weaknesses", "actions", "milestones", "warnings")}
    finally:
        con.close()


@pytest.fixture(scope="module")
def corpus_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    summary = run_batch(CORPUS, out, workers=2)
    return out, summary


def test_batch_over_the_corpus_writes_every_output(corpus_run):
    out, summary = corpus_run
    assert not summary.failed and len(summary.done) == 13
    counts = _counts(out)
    assert counts["documents"] == 13 and counts["actions"] == 72 and counts["milestones"] == 106
    for name in ("documents", "weaknesses", "actions", "milestones", "warnings"):
        assert (out / "tables" / f"{name}.parquet").exists() and (out / "tables" / f"{name}.csv").exists()
    assert len(list((out / "records").glob("*.json"))) == 13


def test_second_run_skips_unchanged_and_force_keeps_row_counts(corpus_run):
    out, _ = corpus_run
    before = _counts(out)
    again = run_batch(CORPUS, out, workers=1)
    assert not again.done and len(again.skipped) == 13
    forced = run_batch(CORPUS / "peterborough", out, workers=1, force=True)
    assert len(forced.done) == 1
    assert _counts(out) == before


def test_corpus_scores_meet_the_acceptance_bar(corpus_run):
    out, _ = corpus_run
    scores, pooled = evaluate_dirs(out, CORPUS)
    plans = [s for s in scores if s.true_actions]
    assert {s.doc_id for s in plans} == {"buckinghamshire-2022-wsoa", "peterborough-2019-wsoa"}
    assert pooled.recall >= 0.99 and pooled.precision >= 0.99
    for field in ("ref", "lead", "start_dates", "deadlines"):
        assert pooled.rate(field) >= 0.97, field
    assert pooled.rate("rag") >= 0.99 and pooled.rate("weakness_id") >= 0.98
    assert pooled.mean_similarity >= 0.98
    assert all(s.weakness_recall == 1.0 for s in plans)


def test_bad_files_fail_one_line_each_and_the_rest_complete(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(PBORO_WSOA, src / "good.pdf")
    (src / "empty.pdf").write_bytes(b"")
    (src / "random.pdf").write_bytes(bytes(range(256)) * 40)
    (src / "page.pdf").write_text("<!DOCTYPE html><html><body>Not a PDF</body></html>")
    data = BUCKS_WSOA.read_bytes()
    (src / "truncated.pdf").write_bytes(data[: len(data) // 3])
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas
    c = canvas.Canvas(str(src / "locked.pdf"), encrypt=pdfencrypt.StandardEncryption("secret", ownerPassword="o"))
    c.drawString(72, 720, "Written Statement of Action")
    c.save()
    summary = run_batch(src, tmp_path / "out", workers=2)
    assert [p.split("/")[-1] for p in summary.done] == ["good.pdf"]
    failed = {p.split("/")[-1]: reason for p, reason in summary.failed}
    assert set(failed) == {"empty.pdf", "random.pdf", "page.pdf", "truncated.pdf", "locked.pdf"}
    assert "empty" in failed["empty.pdf"]
    assert "HTML" in failed["page.pdf"]
    assert "encrypted" in failed["locked.pdf"]
    assert all("\n" not in r for r in failed.values())
    assert summary.exit_code == 1
    assert _counts(tmp_path / "out")["actions"] == 27


def test_cli_extract_json_is_the_record_and_nothing_else():
    result = runner.invoke(app, ["extract", str(PBORO_WSOA), "--format", "json"])
    assert result.exit_code == 0
    record = json.loads(result.stdout)
    assert record["doc_id"] == "peterborough-2019-wsoa" and len(record["actions"]) == 27
    assert record["actions"][0]["deadlines"][0] == "2019-11-30"


def test_cli_exit_codes_and_help(tmp_path):
    for cmd in ("extract", "batch", "evaluate", "schema", "show", "manifest"):
        res = runner.invoke(app, [cmd, "--help"])
        assert res.exit_code == 0 and "Usage" in res.stdout, cmd
    assert runner.invoke(app, ["extract"]).exit_code == 2
    bad = tmp_path / "x.pdf"
    bad.write_bytes(b"")
    assert runner.invoke(app, ["extract", str(bad)]).exit_code == 1
    schema = json.loads(runner.invoke(app, ["schema"]).stdout)
    assert {"doc_id", "weaknesses", "actions", "quotes"} <= set(schema["properties"])


def test_cli_show_draws_a_page(tmp_path):
    pdf = build_plan(tmp_path / "p.pdf", ["Ref", "Action", "Lead", "Deadline", "RAG"],
                     [["1", "Do a thing", "Council", "Jan 2024", "Green"]])
    target = tmp_path / "p.png"
    res = runner.invoke(app, ["show", str(pdf), "--page", "1", "--out", str(target)])
    assert res.exit_code == 0 and target.stat().st_size > 1000


def test_lock_refuses_a_second_batch(tmp_path):
    import fcntl
    import os
    from wsoa.corpus.batch import LockedError
    out = tmp_path / "out"
    out.mkdir()
    fd = os.open(out / ".wsoa.lock", os.O_CREAT | os.O_RDWR)
    fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        with pytest.raises(LockedError):
            run_batch(CORPUS / "peterborough", out, workers=1)
    finally:
        os.close(fd)
