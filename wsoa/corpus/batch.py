"""Run the pipeline over many documents: only new or changed ones, in parallel, never losing results.

Workers extract; the parent alone writes (one transaction per document), so a run killed half
way leaves every finished document stored and the rest absent. A lock file stops a second run on
the same output folder.
"""
from __future__ import annotations

import fcntl
import multiprocessing
import os
from contextlib import contextmanager
from concurrent.futures import Executor, ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from wsoa.corpus.manifest import Entry, entries
from wsoa.extract.document import extract, sha256
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


class LockedError(RuntimeError):
    pass


def _work(entry: Entry) -> Outcome:
    """Extract one document in a worker; every failure becomes one line of text."""
    try:
        doc = extract(entry.path, doc_id=entry.doc_id)
        if entry.local_area and not doc.local_area:
            doc.local_area = entry.local_area
        return Outcome(str(entry.path), doc=doc)
    except Exception as exc:  # noqa: BLE001 - a batch must survive any document
        msg = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        return Outcome(str(entry.path), error=msg[:300])


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
              executor: Executor | None = None,
              on_event: Callable[[str, str, int, int], None] | None = None) -> Summary:
    """Extract every new or changed document under `source` (a folder or a manifest.csv) into `out_dir`.

    `on_event(kind, path, done, total)` reports progress (kind: start, done, skip, fail).
    """
    out = Path(out_dir)
    summary = Summary()
    with locked(out) as store:
        known = store.known()
        todo: list[Entry] = []
        for e in entries(source):
            if not force and known.get(e.doc_id) == sha256(e.path):
                summary.skipped.append(str(e.path))
            else:
                todo.append(e)
        total = len(todo)
        areas: set[str] = set()
        if on_event:
            on_event("start", "", 0, total)
        own = executor is None
        # forkserver: workers never inherit the parent's threads (DuckDB, BLAS), which fork can deadlock or crash
        pool = executor or ProcessPoolExecutor(max_workers=workers or os.cpu_count() or 1,
                                               mp_context=multiprocessing.get_context("forkserver"))
        try:
            futures = {pool.submit(_work, e): e for e in todo}
            for n, fut in enumerate(as_completed(futures), start=1):
                entry = futures[fut]
                try:
                    result = fut.result()
                except Exception as exc:  # a worker that died
                    result = Outcome(str(entry.path), error=f"worker failed: {type(exc).__name__}: {exc}")
                if result.doc is not None:
                    store.put(result.doc)
                    summary.done.append(result.path)
                    summary.warnings += len(result.doc.warnings)
                    areas.add((result.doc.local_area or "").lower())
                    if on_event:
                        on_event("done", result.path, n, total)
                else:
                    summary.failed.append((result.path, result.error or "unknown error"))
                    if on_event:
                        on_event("fail", f"{result.path}: {result.error}", n, total)
        finally:
            if own:
                pool.shutdown(cancel_futures=True)
        if areas:
            summary.links, doubts = link_areas(store, areas)
            summary.warnings += doubts
        store.export()
    return summary
