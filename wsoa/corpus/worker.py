"""Extract documents in worker processes that are limited from outside.

A worker gets a time limit per document and a memory cap. The time limit is enforced by the parent
(pebble kills a worker that overruns and starts a new one), so it holds even when the work is stuck
in C code or in a loop that ignores signals; the parent never waits on a stuck worker. Workers exit
when the process that started them dies, even by `kill -9`.
"""
from __future__ import annotations

import multiprocessing
import os
import resource
import threading
import time
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pebble import ProcessExpired, ProcessPool

from wsoa.extract.pdf import DEFAULT_ENGINE
from wsoa.model import Document

DEFAULT_TIMEOUT = 120.0
DEFAULT_MEMORY_MB = 4096


@dataclass(frozen=True)
class Job:
    """One document to read: where it is, the id and area to give it, how to read it."""
    path: Path
    doc_id: str
    local_area: str | None = None
    ocr: bool = False
    engine: str = DEFAULT_ENGINE


@dataclass
class Outcome:
    path: str
    doc: Document | None = None
    error: str | None = None


def _watch_parent(parent: int) -> None:
    """Exit as soon as `parent` is gone (it may have been killed with no chance to stop us)."""
    while True:
        try:
            os.kill(parent, 0)
        except ProcessLookupError:
            os._exit(1)
        except PermissionError:
            pass
        time.sleep(0.5)


def _start_worker(memory_mb: int | None, parent: int) -> None:
    """Worker initializer: follow the parent's death, load the pipeline (so that no document's time
    limit pays for the imports), then cap the address space."""
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    import wsoa.extract.document  # noqa: F401
    from wsoa.normalise.entities import nlp

    nlp()
    if memory_mb:
        resource.setrlimit(resource.RLIMIT_AS, (memory_mb << 20, memory_mb << 20))


def _hit_memory_cap() -> bool:
    """Whether this process's address space came near its cap (libraries then fail with odd messages)."""
    soft, _ = resource.getrlimit(resource.RLIMIT_AS)
    if soft == resource.RLIM_INFINITY:
        return False
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        return False
    peak = next((int(line.split()[1]) << 10 for line in status.splitlines() if line.startswith("VmPeak:")), 0)
    return peak >= 0.85 * soft


def read_one(job: Job, timeout: float | None = None) -> Outcome:
    """Extract one document; every failure becomes one line of text naming the reason.

    `timeout` is also checked between pages, from inside: that is what limits a document on an
    executor whose workers cannot be killed (Dask's threads)."""
    from wsoa.extract.document import extract
    from wsoa.extract.page import TimedOut

    deadline = time.monotonic() + timeout if timeout else None
    try:
        doc = extract(job.path, doc_id=job.doc_id, deadline=deadline, ocr=job.ocr, engine=job.engine)
        if job.local_area and not doc.local_area:
            doc.local_area = job.local_area
        return Outcome(str(job.path), doc=doc)
    except TimedOut:
        return Outcome(str(job.path), error=timeout_message(timeout))
    except MemoryError:
        return Outcome(str(job.path), error=memory_message())
    except Exception as exc:  # noqa: BLE001 - a batch must survive any document
        if _hit_memory_cap():
            return Outcome(str(job.path), error=memory_message())
        msg = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        return Outcome(str(job.path), error=msg[:300])


def memory_message() -> str:
    soft, _ = resource.getrlimit(resource.RLIMIT_AS)
    cap = "" if soft == resource.RLIM_INFINITY else f" of {soft >> 20} MB"
    return f"out of memory: it hit the memory limit{cap} (--max-memory)"


def timeout_message(timeout: float | None) -> str:
    return f"timed out after {timeout:g} s (--timeout)"


def pool(workers: int, memory_mb: int | None) -> ProcessPool:
    """A pool of `workers` processes, each capped at `memory_mb` and tied to this process's life.

    Workers start from a forkserver: they never inherit this process's threads (DuckDB, BLAS),
    which a plain fork can deadlock.
    """
    context = multiprocessing.get_context("forkserver")
    return ProcessPool(max_workers=workers, initializer=_start_worker, initargs=(memory_mb, os.getpid()),
                       context=context)


def outcome_of(future: Any, job: Job, timeout: float | None) -> Outcome:
    """The outcome of a finished pool future, whatever happened to its worker."""
    try:
        result: Outcome = future.result()
    except FutureTimeout:
        return Outcome(str(job.path), error=timeout_message(timeout))
    except ProcessExpired as exc:
        crash = "memory limit" if exc.exitcode in (-9, 137) else f"exit code {exc.exitcode}"
        return Outcome(str(job.path), error=f"the worker died reading it ({crash})")
    except Exception as exc:  # noqa: BLE001 - e.g. a result that could not be sent back
        return Outcome(str(job.path), error=f"worker failed: {type(exc).__name__}: {str(exc)[:200]}")
    return result


def read_guarded(job: Job, timeout: float | None = DEFAULT_TIMEOUT,
                 memory_mb: int | None = DEFAULT_MEMORY_MB) -> Outcome:
    """Read one document in a worker of its own, under the same limits as a batch (`wsoa extract`)."""
    with pool(1, memory_mb) as p:
        future = p.schedule(read_one, args=(job, timeout), timeout=timeout)
        return outcome_of(future, job, timeout)
