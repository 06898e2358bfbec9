"""Run the pipeline over many documents: only new or changed ones, in parallel, never losing results.

Workers extract; the parent alone writes (one transaction per document), so a run killed half
way leaves every finished document stored and the rest absent. A lock file stops a second run on
the same output folder.
"""
from __future__ import annotations

import fcntl
import multiprocessing
import os
import resource
import signal
import threading
import time
from contextlib import contextmanager
from concurrent.futures import Executor, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from wsoa.corpus.manifest import Entry, entries
from wsoa.extract.document import extract, sha256
from wsoa.extract.page import TimedOut
from wsoa.match.areas import link_areas
from wsoa.model import Document
from wsoa.outputs.store import Store


@dataclass
class Outcome:
    path: str
    doc: Document | None = None
    error: str | None = None


@dataclass
class Summary:
    done: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    warnings: int = 0
    links: int = 0

    @property
    def exit_code(self) -> int:
        return 1 if self.failed else 0


DEFAULT_TIMEOUT = 120.0
NOTABLE = ("image-content", "unparsed-table", "no-actions", "ocr")  # warnings worth a line of their own
DEFAULT_MEMORY_MB = 4096


class LockedError(RuntimeError):
    pass


def _limit_memory(megabytes: int | None) -> None:
    """Worker initializer: cap the address space, so a runaway document fails alone (MemoryError)."""
    if megabytes:
        resource.setrlimit(resource.RLIMIT_AS, (megabytes << 20, megabytes << 20))


def _alarm(signum: int, frame: object) -> None:
    raise TimedOut("timed out")


def _work(entry: Entry, timeout: float | None = DEFAULT_TIMEOUT, ocr: bool = False) -> Outcome:
    """Extract one document in a worker; every failure becomes one line of text.

    The time limit is enforced by SIGALRM where the worker runs tasks on its main thread (the
    process pool), and between pages everywhere (e.g. on Dask's worker threads).
    """
    alarm = bool(timeout) and threading.current_thread() is threading.main_thread()
    if alarm:
        old = signal.signal(signal.SIGALRM, _alarm)
        signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        doc = extract(entry.path, doc_id=entry.doc_id, deadline=time.monotonic() + timeout if timeout else None, ocr=ocr)
        if entry.local_area and not doc.local_area:
            doc.local_area = entry.local_area
        return Outcome(str(entry.path), doc=doc)
    except TimedOut:
        return Outcome(str(entry.path), error=f"timed out after {timeout:g} s (--timeout)")
    except MemoryError:
        return Outcome(str(entry.path), error="out of memory (the worker's memory cap was reached)")
    except Exception as exc:  # noqa: BLE001 - a batch must survive any document
        msg = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        return Outcome(str(entry.path), error=msg[:300])
    finally:
        if alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, old)


class _Lock:
    def __init__(self, out: Path):
        out.mkdir(parents=True, exist_ok=True)
        self.path = out / ".wsoa.lock"
        self.fd: int | None = None

    def __enter__(self) -> "_Lock":
        self.fd = os.open(self.path, os.O_CREAT | os.O_RDWR)
        try:
            fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            os.close(self.fd)
            raise LockedError(f"another wsoa batch is writing to {self.path.parent}; wait for it to finish") from exc
        return self

    def __exit__(self, *exc: object) -> None:
        if self.fd is not None:
            fcntl.flock(self.fd, fcntl.LOCK_UN)
            os.close(self.fd)


@contextmanager
def locked(out_dir: str | Path) -> Iterator[Store]:
    """The output folder's store, held under the batch lock."""
    with _Lock(Path(out_dir)):
        store = Store(out_dir)
        try:
            yield store
        finally:
            store.close()


def run_batch(source: str | Path, out_dir: str | Path, workers: int | None = None, force: bool = False,
              executor: Executor | None = None, timeout: float | None = DEFAULT_TIMEOUT,
              memory_mb: int | None = DEFAULT_MEMORY_MB, ocr: bool = False,
              on_event: Callable[[str, str, int, int], None] | None = None) -> Summary:
    """Extract every new or changed document under `source` (a folder or a manifest.csv) into `out_dir`.

    Documents run on `executor` (any concurrent.futures.Executor, e.g. a Dask cluster's) or on a
    local process pool of `workers`, each under `timeout` seconds and `memory_mb`. A worker that
    dies takes down only its own document: the others are resubmitted to a fresh pool.
    `on_event(kind, path, done, total)` reports progress (kind: start, done, fail, warn).
    """
    summary = Summary()
    with locked(out_dir) as store:
        known = store.known()
        todo: list[Entry] = []
        for e in entries(source):
            if not force and known.get(e.doc_id) == sha256(e.path):
                summary.skipped.append(str(e.path))
            else:
                todo.append(e)
        total, count = len(todo), [0]
        areas: set[str] = set()
        if on_event:
            on_event("start", "", 0, total)

        def record(result: Outcome) -> None:
            count[0] += 1
            if result.doc is not None:
                store.put(result.doc)
                summary.done.append(result.path)
                summary.warnings += len(result.doc.warnings)
                areas.add((result.doc.local_area or "").lower())
                if on_event:
                    for w in result.doc.warnings:
                        if w.code in NOTABLE:
                            on_event("warn", f"{result.path}: page {w.page}: {w.message}", count[0], total)
                    on_event("done", result.path, count[0], total)
            else:
                summary.failed.append((result.path, result.error or "unknown error"))
                if on_event:
                    on_event("fail", f"{result.path}: {result.error}", count[0], total)

        if executor is not None:
            for entry in _run(executor, todo, timeout, ocr, record):
                record(Outcome(str(entry.path), error="the worker running it died"))
        else:
            crashed = _run_pool(todo, workers or os.cpu_count() or 1, timeout, memory_mb, ocr, record)
            for entry in crashed:  # one at a time, so a document that kills its worker is named
                for again in _run_pool([entry], 1, timeout, memory_mb, ocr, record):
                    record(Outcome(str(again.path), error="the worker died reading it (crash or memory limit)"))
        if areas:
            summary.links, doubts = link_areas(store, areas)
            summary.warnings += doubts
        store.export()
    return summary


def _run_pool(todo: list[Entry], workers: int, timeout: float | None, memory_mb: int | None, ocr: bool,
              record: Callable[[Outcome], None]) -> list[Entry]:
    """Run `todo` on a fresh local process pool; returns the entries lost when a worker died."""
    if not todo:
        return []
    # forkserver: workers never inherit the parent's threads (DuckDB, BLAS), which fork can deadlock or crash
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("forkserver"),
                               initializer=_limit_memory, initargs=(memory_mb,))
    try:
        return _run(pool, todo, timeout, ocr, record)
    finally:
        pool.shutdown(cancel_futures=True)


def _run(pool: Executor, todo: list[Entry], timeout: float | None, ocr: bool,
         record: Callable[[Outcome], None]) -> list[Entry]:
    """Submit every entry, record each result as it completes; returns the entries whose worker died."""
    futures = {pool.submit(_work, e, timeout, ocr): e for e in todo}
    lost = []
    for fut in as_completed(futures):
        try:
            result = fut.result()
        except BrokenProcessPool:
            lost.append(futures[fut])
            continue
        except Exception as exc:  # noqa: BLE001 - e.g. a Dask worker lost
            result = Outcome(str(futures[fut].path), error=f"worker failed: {type(exc).__name__}: {exc}")
        record(result)
    return lost
