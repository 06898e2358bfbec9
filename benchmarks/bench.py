"""Speed and memory of the pipeline against bare pdfplumber on the same pages, in one run.

Prints: pages/s of bare pdfplumber (open each page, extract words and rects) and of the full
pipeline, their ratio, peak RSS of a worker process, and batch wall time with 1 and N workers.
Usage: python benchmarks/bench.py [FOLDER]   (default: the bundled corpus)
"""
from __future__ import annotations

import os
import resource
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


def _peak_rss_mb(paths: list[Path]) -> float:
    pipeline(paths)
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "corpus"
    paths = pdfs(folder)
    t = time.perf_counter()
    n = bare(paths)
    t_bare = time.perf_counter() - t
    t = time.perf_counter()
    pipeline(paths)
    t_pipe = time.perf_counter() - t
    print(f"documents {len(paths)}, pages {n}")
    print(f"bare pdfplumber   {n / t_bare:7.1f} pages/s  ({t_bare:.2f} s)")
    print(f"wsoa pipeline     {n / t_pipe:7.1f} pages/s  ({t_pipe:.2f} s)")
    print(f"ratio pipeline/bare {t_bare / t_pipe:.2f}x")
    with ProcessPoolExecutor(max_workers=1) as pool:
        print(f"peak RSS of a worker {pool.submit(_peak_rss_mb, paths).result():.0f} MB")
    from wsoa.corpus.batch import run_batch
    for workers in (1, os.cpu_count() or 2):
        with tempfile.TemporaryDirectory() as out:
            t = time.perf_counter()
            run_batch(folder, out, workers=workers)
            print(f"batch wall time, {workers} worker(s): {time.perf_counter() - t:.2f} s")


if __name__ == "__main__":
    main()
