"""Hostile input, time and memory limits, kill safety, and batches on a Dask cluster."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile

import duckdb
import pytest
from PIL import Image
from reportlab.lib import pdfencrypt
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from tests.conftest import BUCKS_LETTER, CORPUS, PBORO_WSOA
from tests.fuzz import mutate
from wsoa.corpus.batch import run_batch


def _canvas_pdf(path, draw, **kw):
    c = canvas.Canvas(str(path), pagesize=A4, **kw)
    draw(c)
    c.showPage()
    c.save()


def _picture(c, text_too: bool) -> None:
    img = Image.new("RGB", (600, 400), "white")
    for x in range(0, 600, 60):  # a table drawn as pixels: grid lines only, no text layer
        for y in range(400):
            img.putpixel((x, y), (0, 0, 0))
    c.drawImage(ImageReader(img), 50, 250, width=500, height=400)
    if text_too:
        c.drawString(72, 800, "Written Statement of Action: progress update, see the table below")


def _hang(c) -> None:  # 170,000 characters on each of 12 pages: minutes for pdfminer, seconds for PDFium
    for _ in range(12):
        c.setFont("Helvetica", 2)
        for y in range(0, 842, 2):
            c.drawString(0, y, "x " * 400)
        c.showPage()


def test_every_kind_of_bad_file_fails_alone_with_one_line(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(BUCKS_LETTER, src / "good.pdf")
    (src / "zero.pdf").write_bytes(b"")
    (src / "truncated.pdf").write_bytes(BUCKS_LETTER.read_bytes()[:20000])
    (src / "random.pdf").write_bytes(os.urandom(30000))
    (src / "page.pdf").write_text("<html><body>Statement</body></html>")
    with zipfile.ZipFile(src / "word.pdf", "w") as z:
        z.writestr("word/document.xml", "<w:document/>")
    _canvas_pdf(src / "locked.pdf", lambda c: c.drawString(72, 720, "Written Statement of Action"),
                encrypt=pdfencrypt.StandardEncryption("secret", ownerPassword="owner"))
    _canvas_pdf(src / "open-encrypted.pdf", lambda c: c.drawString(72, 720, "Written Statement of Action for Northshire"),
                encrypt=pdfencrypt.StandardEncryption("", ownerPassword="owner"))
    _canvas_pdf(src / "scan.pdf", lambda c: _picture(c, False))
    _canvas_pdf(src / "picture-table.pdf", lambda c: _picture(c, True))
    _canvas_pdf(src / "hang.pdf", _hang)
    summary = run_batch(src, tmp_path / "out", workers=2, timeout=4)
    failed = {p.split("/")[-1]: reason for p, reason in summary.failed}
    assert sorted(p.split("/")[-1] for p in summary.done) == ["good.pdf", "open-encrypted.pdf", "picture-table.pdf"]
    assert set(failed) == {"zero.pdf", "truncated.pdf", "random.pdf", "page.pdf", "word.pdf", "locked.pdf",
                           "scan.pdf", "hang.pdf"}
    assert "0 bytes" in failed["zero.pdf"] and "Word" in failed["word.pdf"] and "HTML" in failed["page.pdf"]
    assert "password" in failed["locked.pdf"] and "OCR" in failed["scan.pdf"]
    assert failed["hang.pdf"] == "timed out after 4 s (--timeout)"
    assert all("\n" not in r and len(r) < 320 for r in failed.values())
    con = duckdb.connect(str(tmp_path / "out" / "wsoa.duckdb"), read_only=True)
    codes = con.execute("SELECT doc_id, code, page FROM warnings WHERE code = 'image-content'").fetchall()
    assert codes == [("picture-table", "image-content", 1)]
    assert con.execute("SELECT count(*) FROM weaknesses WHERE doc_id = 'good'").fetchone()[0] == 3
    assert summary.warnings >= 1 and summary.exit_code == 1


def test_fuzzed_copies_give_a_record_or_a_clean_error(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    data = BUCKS_LETTER.read_bytes()
    for seed in range(200):
        (src / f"m{seed:03d}.pdf").write_bytes(mutate(data, seed))
    summary = run_batch(src, tmp_path / "out", workers=2, timeout=60)
    assert len(summary.done) + len(summary.failed) == 200
    reasons = [r for _, r in summary.failed]
    assert not [r for r in reasons if "worker" in r or "timed out" in r]  # no crash, no hang
    assert all("\n" not in r for r in reasons)
    assert len(summary.done) >= 50  # byte flips mostly leave a readable letter
    con = duckdb.connect(str(tmp_path / "out" / "wsoa.duckdb"), read_only=True)
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == len(summary.done)


def test_five_hundred_pages_in_bounded_memory(tmp_path):
    path = tmp_path / "long.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    for i in range(500):
        c.setFont("Helvetica", 10)
        for k in range(8):
            c.drawString(72, 770 - k * 14, f"Page {i + 1}, line {k}: the area has agreed a joint plan for therapy.")
        c.showPage()
    c.save()
    # VmHWM, not ru_maxrss: a child's ru_maxrss keeps the high-water mark of the forked pytest process
    code = ("import re, sys; from wsoa.extract.document import extract; d = extract(sys.argv[1]); "
            "print(d.pages, int(re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read()).group(1)) // 1024)")
    out = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True)
    pages, peak_mb = map(int, out.stdout.split())
    assert pages == 500
    assert peak_mb < 500, f"peak RSS {peak_mb} MB"


def _count(db, sql):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_a_batch_killed_half_way_resumes_into_a_consistent_database(tmp_path):
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "wsoa.cli", "batch", str(CORPUS), "--out", str(out), "--workers", "1"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.time() + 120
    while time.time() < deadline and len(list((out / "records").glob("*.json"))) < 3:
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    stored = _count(out / "wsoa.duckdb", "SELECT count(*) FROM documents")[0][0]
    assert 2 <= stored < 13  # killed half way
    # every stored document is whole: its action rows match its own count
    assert not _count(out / "wsoa.duckdb", """SELECT d.doc_id FROM documents d LEFT JOIN actions a USING (doc_id)
        GROUP BY d.doc_id, d.n_actions HAVING count(a.doc_id) != d.n_actions""")
    summary = run_batch(CORPUS, out, workers=2)
    assert len(summary.done) + len(summary.skipped) == 13 and not summary.failed
    assert len(summary.skipped) >= stored - 1
    db = out / "wsoa.duckdb"
    assert _count(db, "SELECT count(*), count(DISTINCT doc_id) FROM documents")[0] == (13, 13)
    assert _count(db, "SELECT count(*) FROM actions")[0][0] == 45 + 27
    assert not _count(db, """SELECT d.doc_id FROM documents d LEFT JOIN actions a USING (doc_id)
        GROUP BY d.doc_id, d.n_actions HAVING count(a.doc_id) != d.n_actions""")


def test_a_dask_cluster_gives_the_same_results(tmp_path):
    distributed = pytest.importorskip("dask.distributed")
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(BUCKS_LETTER, src / "letter.pdf")
    shutil.copy(PBORO_WSOA, src / "plan.pdf")
    (src / "broken.pdf").write_bytes(b"%PDF-1.4 nothing else")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        summary = run_batch(src, tmp_path / "dask", executor=client.get_executor())
    local = run_batch(src, tmp_path / "local", workers=2)
    assert sorted(summary.done) == sorted(local.done) and len(summary.done) == 2
    assert [p for p, _ in summary.failed] == [p for p, _ in local.failed]
    query = "SELECT doc_id, ref, action, deadlines, rag FROM actions ORDER BY doc_id, action_no"
    assert _count(tmp_path / "dask" / "wsoa.duckdb", query) == _count(tmp_path / "local" / "wsoa.duckdb", query)
