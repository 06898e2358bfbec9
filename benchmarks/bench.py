"""Speed and memory of the pipeline against bare pdfplumber and bare PDFium on the same pages, in one run.

Prints: pages/s of bare pdfplumber (open each page, extract words and rects), of bare PDFium
(open each page, read every character's text and box and every path's segments), and of the full
pipeline with each PDF engine (each in a fresh worker, with its peak RSS), the ratios
pipeline / bare pdfplumber and pipeline / bare PDFium, batch wall time with 1 and N workers,
and how many truth action texts pdfplumber's default `extract_tables()` gives as one cell
against the pipeline.
Rates are CPU time (`time.process_time`, each in its own process for the pipeline): on a shared
machine wall time measures the neighbours; the wall seconds are printed beside them.
Usage: python benchmarks/bench.py [FOLDER]   (default: the bundled corpus)
"""
from __future__ import annotations

import json
import multiprocessing
import os
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pdfplumber

from wsoa.corpus.manifest import pdfs

ROOT = Path(__file__).resolve().parent.parent


def bare(paths: list[Path]) -> int:
    pages = 0
    for p in paths:
        with pdfplumber.open(str(p)) as pdf:
            for page in pdf.pages:
                page.extract_words()
                _ = page.rects
                pages += 1
                page.close()
    return pages


def bare_pdfium(paths: list[Path]) -> int:
    """PDFium's own reading of each page: every character's text and box, every path's segments."""
    import ctypes

    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    pages = 0
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    x, y = ctypes.c_float(), ctypes.c_float()
    for p in paths:
        pdf = pdfium.PdfDocument(str(p))
        for page in pdf:
            text = page.get_textpage()
            n = text.count_chars()
            text.get_text_range(0, n)
            for i in range(n):
                raw.FPDFText_GetCharBox(text, i, left, right, bottom, top)
            for obj in page.get_objects(filter=(raw.FPDF_PAGEOBJ_PATH,), max_depth=15):
                for k in range(raw.FPDFPath_CountSegments(obj)):
                    raw.FPDFPathSegment_GetPoint(raw.FPDFPath_GetPathSegment(obj, k), x, y)
            text.close()
            page.close()
            pages += 1
        pdf.close()
    return pages


def _page_count(path: Path) -> int:
    import pypdfium2 as pdfium
    pdf = pdfium.PdfDocument(str(path))
    try:
        return len(pdf)
    finally:
        pdf.close()


def pipeline(paths: list[Path], engine: str) -> int:
    from wsoa.extract.document import extract
    return sum(extract(p, engine=engine).pages for p in paths)


def _timed(fn, *args) -> tuple[float, float]:
    """CPU and wall seconds of `fn(*args)`."""
    cpu, wall = time.process_time(), time.perf_counter()
    fn(*args)
    return time.process_time() - cpu, time.perf_counter() - wall


def _timed_pipeline(paths: list[Path], engine: str) -> tuple[tuple[float, float], float]:
    """In a fresh worker: the pipeline's CPU and wall seconds over `paths` and the worker's peak
    memory in MB (VmHWM; ru_maxrss would include the forked parent's)."""
    from wsoa.extract.document import extract  # imported before the clock starts, as bare's pdfplumber is

    extract(paths[0], engine=engine)  # warm: lazy imports (spaCy, dateparser) are not per-page costs
    seconds = _timed(pipeline, paths, engine)
    status = Path("/proc/self/status").read_text()
    return seconds, int(status.split("VmHWM:")[1].split()[0]) / 1024


def _norm(text: str | None) -> str:
    return " ".join((text or "").split())


def table_baseline(folder: Path) -> None:
    """Truth action texts recovered whole: one cell of pdfplumber's default tables vs one pipeline action."""
    from wsoa.extract.document import extract

    for truth_path in sorted(folder.rglob("*.truth.json")):
        truth = json.loads(truth_path.read_text("utf-8"))
        wanted = [_norm(a["action"]) for a in truth.get("actions", [])]
        pdf_path = truth_path.with_name(truth_path.name.replace(".truth.json", ".pdf"))
        if not wanted or not pdf_path.exists():
            continue
        cells: set[str] = set()
        with pdfplumber.open(str(pdf_path)) as pdf:
            for page in pdf.pages:
                for table in page.extract_tables():
                    cells.update(_norm(c) for row in table for c in row if c)
                page.close()
        ours = {_norm(a.action) for a in extract(pdf_path).actions}
        print(f"{pdf_path.stem}: {len(wanted)} truth actions; whole in one cell: "
              f"pdfplumber extract_tables {sum(w in cells for w in wanted)}, wsoa {sum(w in ours for w in wanted)}")


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "corpus"
    paths = pdfs(folder)
    n = sum(_page_count(p) for p in paths)
    (t_bare, w_bare), (t_pdfium, w_pdfium) = _timed(bare, paths), _timed(bare_pdfium, paths)
    print(f"documents {len(paths)}, pages {n}; pages/s of CPU time (wall seconds in brackets)")
    print(f"bare pdfplumber       {n / t_bare:7.1f} pages/s  ({t_bare:.2f} s CPU, {w_bare:.2f} s wall)")
    print(f"bare PDFium           {n / t_pdfium:7.1f} pages/s  ({t_pdfium:.2f} s CPU, {w_pdfium:.2f} s wall)")
    for engine in ("pdfium", "pdfminer"):
        with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("forkserver")) as pool:
            (t_pipe, w_pipe), peak = pool.submit(_timed_pipeline, paths, engine).result()
        print(f"pipeline, {engine:9s}   {n / t_pipe:7.1f} pages/s  ({t_pipe:.2f} s CPU, {w_pipe:.2f} s wall; "
              f"peak RSS {peak:.0f} MB): {t_bare / t_pipe:.2f}x bare pdfplumber, {t_pdfium / t_pipe:.2f}x bare PDFium")
    from wsoa.corpus.batch import run_batch
    for workers in (1, os.cpu_count() or 2):
        with tempfile.TemporaryDirectory() as out:
            t = time.perf_counter()
            run_batch(folder, out, workers=workers)
            print(f"batch wall time, {workers} worker(s): {time.perf_counter() - t:.2f} s")
    table_baseline(folder)


if __name__ == "__main__":
    main()
