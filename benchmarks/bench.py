"""Speed and memory of the pipeline against bare pdfplumber on the same pages, in one run.

Prints: pages/s of bare pdfplumber (open each page, extract words and rects) and of the full
pipeline, their ratio, peak RSS of a worker process, batch wall time with 1 and N workers, and
how many truth action texts pdfplumber's default `extract_tables()` gives as one cell against
the pipeline.
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


def pipeline(paths: list[Path]) -> int:
    from wsoa.extract.document import extract
    return sum(extract(p).pages for p in paths)


def _timed_pipeline(paths: list[Path]) -> tuple[float, float]:
    """In a fresh worker: the pipeline's seconds over `paths` and the worker's peak memory in MB
    (VmHWM; ru_maxrss would include the forked parent's)."""
    from wsoa.extract.document import extract  # imported before the clock starts, as bare's pdfplumber is

    extract(paths[0])  # warm: lazy imports (spaCy, dateparser) are not per-page costs
    t = time.perf_counter()
    pipeline(paths)
    seconds = time.perf_counter() - t
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
    t = time.perf_counter()
    n = bare(paths)
    t_bare = time.perf_counter() - t
    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("forkserver")) as pool:
        t_pipe, peak = pool.submit(_timed_pipeline, paths).result()
    print(f"documents {len(paths)}, pages {n}")
    print(f"bare pdfplumber   {n / t_bare:7.1f} pages/s  ({t_bare:.2f} s)")
    print(f"wsoa pipeline     {n / t_pipe:7.1f} pages/s  ({t_pipe:.2f} s)")
    print(f"ratio pipeline/bare {t_bare / t_pipe:.2f}x")
    print(f"peak RSS of a worker {peak:.0f} MB")
    from wsoa.corpus.batch import run_batch
    for workers in (1, os.cpu_count() or 2):
        with tempfile.TemporaryDirectory() as out:
            t = time.perf_counter()
            run_batch(folder, out, workers=workers)
            print(f"batch wall time, {workers} worker(s): {time.perf_counter() - t:.2f} s")
    table_baseline(folder)


if __name__ == "__main__":
    main()
