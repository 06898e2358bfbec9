"""Run the pipeline over many documents: only new or changed ones, in parallel, never losing results.

Workers extract (see worker.py for their limits); the parent alone writes (one transaction per
document), so a run killed half way leaves every finished document stored and the rest absent.
Each area's derived tables are recomputed whenever they are missing or older than the area's
documents, so the run after a kill finishes what the killed run left. A lock file stops a second
run on the same output folder.
"""
from __future__ import annotations

import datetime as dt
import fcntl
import hashlib
import os
import time
from concurrent.futures import FIRST_COMPLETED, Executor, Future, wait
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from wsoa.corpus.manifest import Entry, entries
from wsoa.corpus.worker import (DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT, Job, Outcome, outcome_of, pool, read_one,
                                timeout_message)
from wsoa.extract.document import sha256
from wsoa.extract.pdf import DEFAULT_ENGINE
from wsoa.match.areas import relate
from wsoa.model import Document
from wsoa.normalise.authorities import area_rows
from wsoa.outputs.store import Store

NOTABLE = ("image-content", "unparsed-table", "no-actions", "ocr")  # warnings worth a line of their own
Report = Callable[[Outcome], None]


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


class LockedError(RuntimeError):
    pass


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
            raise LockedError(f"another wsoa run is writing to {self.path.parent}; wait for it to finish") from exc
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


def assign_ids(found: list[Entry], stored: dict[str, str], ocr: bool = False,
               engine: str = DEFAULT_ENGINE) -> list[Job]:
    """One document id per file, stable across runs: a file keeps the id it was stored under; an id
    a manifest gives is kept; a file-name id already taken by another file gets a suffix made
    from the file's path. `stored` maps stored ids to their source files."""
    owner = {doc_id: str(Path(src).resolve()) for doc_id, src in stored.items() if src and Path(src).exists()}
    by_path = {src: doc_id for doc_id, src in owner.items()}
    jobs = []
    for e in found:
        doc_id = e.doc_id if e.given_id else by_path.get(str(e.path), e.doc_id)
        if not e.given_id and owner.get(doc_id, str(e.path)) != str(e.path):
            doc_id = f"{e.doc_id}-{hashlib.sha1(str(e.path).encode()).hexdigest()[:8]}"
        owner[doc_id] = str(e.path)
        jobs.append(Job(e.path, doc_id, e.local_area, ocr, engine))
    return jobs


def run_batch(source: str | Path, out_dir: str | Path, workers: int | None = None, force: bool = False,
              executor: Executor | None = None, timeout: float | None = DEFAULT_TIMEOUT,
              memory_mb: int | None = DEFAULT_MEMORY_MB, ocr: bool = False,
              on_event: Callable[[str, str, int, int], None] | None = None, slots: int | None = None,
              engine: str = DEFAULT_ENGINE) -> Summary:
    """Extract every new or changed document under `source` (a folder or a manifest.csv) into `out_dir`.

    Documents run on a local process pool of `workers`, each killed if it overruns `timeout` seconds
    or `memory_mb`, or on `executor` (any concurrent.futures.Executor, e.g. a Dask cluster's, with
    `slots` documents at once), where a document still running after its share of the time is
    abandoned. `engine` reads the PDFs ("pdfium", or "pdfminer" as a cross-check). `on_event(kind, what, done, total)` reports progress (kind: start, done, fail, warn).
    """
    summary = Summary()
    found, rejected = entries(source)
    with locked(out_dir) as store:
        for bad in rejected:
            summary.failed.append((bad.path, bad.reason))
            if on_event:
                on_event("fail", f"{bad.path}: {bad.reason}", 0, 0)
        known = store.known()
        todo: list[Job] = []
        for job in assign_ids(found, store.sources(), ocr, engine):
            if not force and known.get(job.doc_id) == sha256(job.path):
                summary.skipped.append(str(job.path))
            else:
                todo.append(job)
        if on_event:
            on_event("start", "", 0, len(todo))
        record = _recorder(store, summary, len(todo), on_event)
        if executor is not None:
            _run_executor(executor, todo, timeout, slots or workers or os.cpu_count() or 1, record)
        else:
            _run_pool(todo, workers or os.cpu_count() or 1, timeout, memory_mb, record)
        relate_areas(store, summary)
        store.export()
    return summary


def _recorder(store: Store, summary: Summary, total: int,
              on_event: Callable[[str, str, int, int], None] | None) -> Report:
    """Store each outcome as it comes, count it, report it."""
    count = [0]

    def record(result: Outcome) -> None:
        count[0] += 1
        if result.doc is not None:
            store.put(result.doc)
            summary.done.append(result.path)
            summary.warnings += len(result.doc.warnings)
            if on_event:
                for w in result.doc.warnings:
                    if w.code in NOTABLE:
                        on_event("warn", f"{result.path}: page {w.page}: {w.message}", count[0], total)
                on_event("done", result.path, count[0], total)
        else:
            summary.failed.append((result.path, result.error or "unknown error"))
            if on_event:
                on_event("fail", f"{result.path}: {result.error}", count[0], total)
    return record


def relate_areas(store: Store, summary: Summary) -> None:
    """Recompute the derived tables of every area whose documents changed since they were last computed
    (or whose computing a kill interrupted), in one transaction."""
    stale = store.stale_areas()
    if not stale:
        return
    docs = store.documents(set(stale))
    related = relate(docs)
    store.put_related(stale, {**related.tables, "areas": identities(docs)}, related.plans)
    summary.links += related.links
    summary.warnings += related.doubts


def identities(docs: list[Document]) -> list[dict]:
    """The official identity (ONS code, LA number, region) of each local-area name these documents use,
    as of the latest date they carry."""
    latest: dict[str, dt.date | None] = {}
    for d in docs:
        if d.local_area:
            days = [x for x in (d.letter_date, d.inspection_start, d.edition_date, latest.get(d.local_area)) if x]
            latest[d.local_area] = max(days) if days else None
    return area_rows(latest).to_dict("records")


def _run_pool(todo: list[Job], workers: int, timeout: float | None, memory_mb: int | None, record: Report) -> None:
    """Run `todo` on a local pool whose workers are killed when they overrun (and replaced)."""
    if not todo:
        return
    with pool(workers, memory_mb) as p:
        futures = {p.schedule(read_one, args=(job, timeout), timeout=timeout): job for job in todo}
        pending = set(futures)
        while pending:
            finished, pending = wait(pending, return_when=FIRST_COMPLETED)
            for fut in finished:
                record(outcome_of(fut, futures[fut], timeout))


def _run_executor(executor: Executor, todo: list[Job], timeout: float | None, slots: int, record: Report) -> None:
    """Run `todo` on an executor we cannot kill workers of: each document is also limited from inside
    (between pages), and one still running after its share of the time is abandoned, so the batch
    never waits on it."""
    start = time.monotonic()
    futures: dict[Future, tuple[Job, float]] = {}
    for rank, job in enumerate(todo):
        allowed = start + (rank // slots + 1) * timeout * 1.5 + 30 if timeout else float("inf")
        futures[executor.submit(read_one, job, timeout)] = (job, allowed)
    pending = set(futures)
    while pending:
        finished, pending = wait(pending, timeout=1.0, return_when=FIRST_COMPLETED)
        for fut in finished:
            record(outcome_of(fut, futures[fut][0], timeout))
        now = time.monotonic()
        for fut in [f for f in pending if futures[f][1] < now]:
            fut.cancel()
            pending.discard(fut)
            record(Outcome(str(futures[fut][0].path), error=timeout_message(timeout) + "; its worker was abandoned"))
