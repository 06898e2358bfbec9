"""Hostile input and data safety (issue 11): every hostile file is built here, in the test."""
from __future__ import annotations

import csv
import fcntl
import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import duckdb
import pytest

from tests.conftest import BUCKS_LETTER, CORPUS, PBORO_WSOA
from wsoa.corpus import batch as batch_module
from wsoa.corpus.batch import run_batch

HANG_GUARD = 300  # seconds: only a guard against a hang, far above any honest run on a loaded machine


def cycle_pdf(path: Path) -> Path:
    """A 1-page PDF whose MediaBox is an indirect reference in a cycle (9 -> 10 -> 9)."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox 9 0 R /Contents 4 0 R >>",
               b"<< /Length 0 >>\nstream\n\nendstream"]
    numbered = list(enumerate(objects, start=1)) + [(9, b"10 0 R"), (10, b"9 0 R")]
    out, offsets = bytearray(b"%PDF-1.4\n"), {}
    for num, body in numbered:
        offsets[num] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (num, body)
    xref = len(out)
    out += b"xref\n0 11\n0000000000 65535 f \n"
    for num in range(1, 11):
        out += (b"%010d 00000 n \n" % offsets[num]) if num in offsets else b"0000000000 65535 f \n"
    out += b"trailer\n<< /Size 11 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref
    path.write_bytes(bytes(out))
    return path


def _wsoa(*args: str, timeout: float = HANG_GUARD) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "wsoa.cli", *args], capture_output=True, text=True, timeout=timeout,
                          start_new_session=True)


def _rows(db: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def _all_tables(out: Path) -> dict[str, list[tuple]]:
    """Every table of the database, rows sorted, for comparing two runs row for row."""
    con = duckdb.connect(str(out / "wsoa.duckdb"), read_only=True)
    try:
        names = [r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()]
        return {n: sorted(map(repr, con.table(n).fetchall())) for n in names}
    finally:
        con.close()


def _unlocked(out: Path) -> bool:
    fd = os.open(out / ".wsoa.lock", os.O_RDWR)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except BlockingIOError:
        return False
    finally:
        os.close(fd)


# 1. a tiny PDF that hangs pdfminer must not hang the batch, nor `wsoa extract`

def test_a_cycle_pdf_times_out_alone_and_the_batch_finishes(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    cycle_pdf(src / "cycle.pdf")
    shutil.copy(BUCKS_LETTER, src / "letter.pdf")
    shutil.copy(PBORO_WSOA, src / "plan.pdf")
    out = tmp_path / "out"
    res = _wsoa("batch", str(src), "--out", str(out), "--timeout", "30", "--workers", "2")
    assert res.returncode == 1, res.stderr
    assert "cycle.pdf" in res.stderr and "timed out after 30 s" in res.stderr
    assert _rows(out / "wsoa.duckdb", "SELECT doc_id FROM documents ORDER BY doc_id") == [("letter",), ("plan",)]
    assert (out / "tables" / "links.csv").exists() and (out / "tables" / "actions.parquet").exists()
    assert _unlocked(out)


def test_extract_stops_at_its_own_time_limit(tmp_path):
    res = _wsoa("extract", str(cycle_pdf(tmp_path / "cycle.pdf")), "--timeout", "3")
    assert res.returncode == 1 and res.stdout == ""
    assert "cycle.pdf" in res.stderr and "timed out after 3 s" in res.stderr


def test_a_rowspan_bomb_is_read_in_bounded_memory(tmp_path):
    page = tmp_path / "bomb.html"
    page.write_text('<table><tr><td rowspan="2147483647" colspan="2147483647">Action</td><td>Lead</td></tr>'
                    '<tr><td colspan="2.0">x</td></tr></table>')
    res = _wsoa("extract", str(page), "--max-memory", "1024")
    assert res.returncode == 0, res.stderr
    from wsoa.extract.webpage import read_html
    grid = [b for b in read_html(page) if hasattr(b, "rows")][0]
    cells = [c for row in grid.rows for c in row]
    assert all(c.span <= 1000 and c.rowspan <= len(grid.rows) - r for r, row in enumerate(grid.rows) for c in row)
    assert [(c.span, c.rowspan) for c in cells] == [(1000, 2), (1, 1), (2, 1)]


def test_colspan_written_as_a_decimal_is_read_as_a_whole_number(tmp_path):
    from wsoa.extract.webpage import read_html
    page = tmp_path / "p.html"
    page.write_text('<table><tr><td colspan="2.0">Action</td><td rowspan="x">Lead</td></tr></table>')
    grid = [b for b in read_html(page) if hasattr(b, "rows")][0]
    assert [(c.span, c.rowspan) for c in grid.rows[0]] == [(2, 1), (1, 1)]


# 2. a kill between the last commit and the linking loses nothing for good

def test_a_kill_before_linking_is_repaired_by_the_next_run(tmp_path, monkeypatch):
    clean = tmp_path / "clean"
    run_batch(CORPUS / "buckinghamshire", clean, workers=2)

    def killed(*args, **kwargs):
        raise KeyboardInterrupt  # as a kill would: every document committed, nothing derived yet

    out = tmp_path / "out"
    with monkeypatch.context() as m:
        m.setattr(batch_module, "relate_areas", killed)
        with pytest.raises(KeyboardInterrupt):
            run_batch(CORPUS / "buckinghamshire", out, workers=2)
    assert _rows(out / "wsoa.duckdb", "SELECT count(*) FROM links") == [(0,)]
    again = run_batch(CORPUS / "buckinghamshire", out, workers=2)
    assert not again.done and again.links == 3  # nothing re-read, the area re-linked
    assert _all_tables(out) == _all_tables(clean)
    assert {p.name for p in (out / "tables").iterdir()} == {p.name for p in (clean / "tables").iterdir()}


def test_kill_9_at_random_moments_then_a_rerun_equals_a_clean_run(tmp_path):
    clean = tmp_path / "clean"
    run_batch(CORPUS / "buckinghamshire", clean, workers=2)
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "wsoa.cli", "batch", str(CORPUS / "buckinghamshire"), "--out", str(out), "-w", "2"]
    for wait_for in (1, 3, 4):  # stored documents before the kill; 4 = all of them, linking under way or done
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        deadline = time.time() + HANG_GUARD
        while time.time() < deadline and proc.poll() is None and len(list((out / "records").glob("*.json"))) < wait_for:
            time.sleep(0.02)
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    run_batch(CORPUS / "buckinghamshire", out, workers=2)
    assert _all_tables(out) == _all_tables(clean)


def test_workers_exit_with_a_killed_batch(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for k in range(4):
        cycle_pdf(src / f"c{k}.pdf")  # keeps both workers busy until they are killed
    proc = subprocess.Popen([sys.executable, "-m", "wsoa.cli", "batch", str(src), "--out", str(tmp_path / "o"),
                             "--timeout", "600", "-w", "2"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + HANG_GUARD
    while time.time() < deadline and len(_descendants(proc.pid)) < 2:
        time.sleep(0.1)
    children = _descendants(proc.pid)
    assert children
    proc.kill()
    proc.wait()
    deadline = time.time() + HANG_GUARD
    while time.time() < deadline and any(_alive(p) for p in children):
        time.sleep(0.2)
    assert not [p for p in children if _alive(p)]


def _descendants(pid: int) -> list[int]:
    import psutil
    try:
        return [p.pid for p in psutil.Process(pid).children(recursive=True)]
    except psutil.NoSuchProcess:
        return []


def _alive(pid: int) -> bool:
    import psutil
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


# 3. a manifest cannot write or read outside its folders

def _manifest(folder: Path, rows: list[dict[str, str]], fields=("path", "doc_id", "local_area")) -> Path:
    target = folder / "manifest.csv"
    with open(target, "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(fields))
        w.writeheader()
        for r in rows:
            w.writerow(r)
    return target


def test_a_manifest_cannot_write_or_read_outside_its_folders(tmp_path):
    src = tmp_path / "deep" / "in"
    src.mkdir(parents=True)
    shutil.copy(PBORO_WSOA, src / "plan.pdf")
    shutil.copy(BUCKS_LETTER, src / "letter.pdf")
    manifest = _manifest(src, [{"path": "plan.pdf", "doc_id": "../../evil"},
                               {"path": "plan.pdf", "doc_id": str(tmp_path / "abs")},
                               {"path": "../../../../../../etc/hostname", "doc_id": "host"},
                               {"path": "letter.pdf", "doc_id": "letter"}])
    out = tmp_path / "deep" / "out"
    summary = run_batch(manifest, out, workers=1)
    assert [Path(p).name for p in summary.done] == ["letter.pdf"]
    reasons = [r for _, r in summary.failed]
    assert len(reasons) == 3
    assert sum("doc_id" in r for r in reasons) == 2 and sum("outside" in r for r in reasons) == 1
    assert not list(tmp_path.rglob("evil*")) and not list(tmp_path.glob("abs*"))
    assert sorted(p.name for p in (out / "records").iterdir()) == ["letter.json"]
    assert _rows(out / "wsoa.duckdb", "SELECT doc_id FROM documents") == [("letter",)]


# 4. (CSV) text stays text

def test_csv_tables_neutralise_formulas(tmp_path):
    from wsoa.model import Action, Document
    from wsoa.outputs.store import Store
    hostile = ['=HYPERLINK("http://evil","x")', "=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1)", "\tTab", "\rCR"]
    store = Store(tmp_path / "out")
    store.put(Document(doc_id="d", local_area="=1+1", actions=[Action(ref=t, action=t, lead=t) for t in hostile]))
    store.export()
    store.close()
    with open(tmp_path / "out" / "tables" / "actions.csv", newline="") as f:
        cells = [c for row in csv.reader(f) for c in row]
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert "'=HYPERLINK(\"http://evil\",\"x\")" in cells
    raw = _rows(tmp_path / "out" / "wsoa.duckdb", "SELECT ref FROM actions ORDER BY action_no")
    assert [r[0] for r in raw] == hostile  # the database keeps the text as read


# 6. two files of the same name in different folders are two documents

def test_same_file_name_in_two_folders_gives_two_stable_documents(tmp_path):
    src = tmp_path / "in"
    (src / "sub1").mkdir(parents=True)
    (src / "sub2").mkdir()
    shutil.copy(BUCKS_LETTER, src / "sub1" / "report.pdf")
    shutil.copy(PBORO_WSOA, src / "sub2" / "report.pdf")
    out = tmp_path / "out"
    first = run_batch(src, out, workers=2)
    assert len(first.done) == 2
    ids = _rows(out / "wsoa.duckdb", "SELECT doc_id, source_path FROM documents ORDER BY source_path")
    assert len({i for i, _ in ids}) == 2
    assert ids[0][1].endswith("sub1/report.pdf") and ids[1][1].endswith("sub2/report.pdf")
    again = run_batch(src, out, workers=2)
    assert not again.done and len(again.skipped) == 2
    assert _rows(out / "wsoa.duckdb", "SELECT doc_id, source_path FROM documents ORDER BY source_path") == ids


# 7. a bad manifest row is one error line; a malformed manifest is one clear error

def test_bad_manifest_rows_fail_alone(tmp_path):
    src = tmp_path / "in"
    (src / "a-folder.pdf").mkdir(parents=True)
    shutil.copy(PBORO_WSOA, src / "plan.pdf")
    manifest = _manifest(src, [{"path": "missing.pdf", "doc_id": "missing"}, {"path": "a-folder.pdf", "doc_id": "dir"},
                               {"path": "plan.pdf", "doc_id": "plan"}, {"path": "plan.pdf", "doc_id": "plan"}])
    summary = run_batch(manifest, tmp_path / "out", workers=1)
    assert [Path(p).name for p in summary.done] == ["plan.pdf"]
    reasons = dict((Path(p).name, r) for p, r in summary.failed)
    assert "no such file" in reasons["missing.pdf"] and "folder" in reasons["a-folder.pdf"]
    assert len(summary.failed) == 3 and any("twice" in r for _, r in summary.failed)


def test_a_manifest_without_a_path_column_is_one_clear_error(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    _manifest(src, [{"file": "plan.pdf", "doc_id": "plan"}], fields=("file", "doc_id"))
    res = _wsoa("batch", str(src), "--out", str(tmp_path / "out"))
    assert res.returncode == 2
    assert "manifest.csv" in res.stderr and "path" in res.stderr and "Traceback" not in res.stderr


# 8. a quote in the output folder's name breaks nothing

def test_an_apostrophe_in_the_output_folder(tmp_path):
    out = tmp_path / "council's outputs"
    summary = run_batch(CORPUS / "peterborough", out, workers=1)
    assert len(summary.done) == 1
    assert (out / "tables" / "actions.csv").exists() and (out / "tables" / "links.parquet").exists()


# 9. smaller things

def test_a_word_file_over_the_memory_cap_says_so(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    body = "<w:p><w:r><w:t>" + "x" * 1000 + "</w:t></w:r></w:p>"
    xml = ('<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
           "<w:body>" + body * 300_000 + "</w:body></w:document>")
    with zipfile.ZipFile(src / "big.docx", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/'
                   'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
        z.writestr("_rels/.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/'
                   'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
        z.writestr("word/document.xml", xml)
    summary = run_batch(src, tmp_path / "out", workers=1, memory_mb=400)
    assert [r for _, r in summary.failed] and "memory" in summary.failed[0][1]
    assert "XMLSyntaxError" not in summary.failed[0][1]
