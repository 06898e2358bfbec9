"""The command line: parse arguments, call the library, print. Nothing else lives here."""
from __future__ import annotations

import json
import sys
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.markup import escape

from wsoa.normalise.text import shorten
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table as RichTable

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_show_locals=False,
                  help="wsoa: SEND inspection letters and Written Statements of Action as clean, comparable data.")
err = Console(stderr=True, soft_wrap=True)  # an error is one line, however long
# Exit codes, one rule for every command (README, "Exit codes").
EXIT_OK, EXIT_FOUND, EXIT_USAGE, EXIT_BUSY = 0, 1, 2, 3


class Format(str, Enum):
    json = "json"
    csv = "csv"
    table = "table"


class Engine(str, Enum):
    pdfium = "pdfium"
    pdfminer = "pdfminer"


@app.command()
def extract(file: Path = typer.Argument(..., help="A document: PDF, Word (.docx) or web page (.html)."),
            format: Format = typer.Option(Format.json, "--format", "-f", help="json: the SCHEMA.md record; "
                                          "csv: one row per action; table: a readable summary."),
            ocr: bool = typer.Option(False, "--ocr", help="Read pages without a text layer by OCR (Tesseract)."),
            timeout: float = typer.Option(120.0, "--timeout", help="Seconds allowed (0: no limit)."),
            max_memory: int = typer.Option(4096, "--max-memory", help="Memory cap, MB (0: none)."),
            trace: bool = typer.Option(False, "--trace", help="Print how the tables were found (header candidates, "
                                       "columns, regions, cells, stitching, rows, actions) as JSON instead."),
            engine: Engine = typer.Option(Engine.pdfium, "--engine", help="PDF reader: pdfium (fast, the default) "
                                          "or pdfminer (pdfplumber's, the cross-check).")
            ) -> None:
    """Print one document's record (json on stdout and nothing else). The document is read in a worker
    process that is stopped at the time limit or the memory cap, as in a batch."""
    from wsoa.corpus.manifest import slug
    from wsoa.corpus.worker import Job, read_guarded
    from wsoa.outputs.store import rows

    _exists(file)
    job = Job(file, slug(file.stem), ocr=ocr, engine=engine.value)
    outcome = read_guarded(job, timeout or None, max_memory or None)
    if outcome.doc is None:
        err.print(f"[red]error[/red] {escape(f'{file}: {outcome.error}')}")
        raise typer.Exit(1)
    doc = outcome.doc
    if trace:
        sys.stdout.write(json.dumps(doc.trace, indent=1) + "\n")
    elif format is Format.json:
        sys.stdout.write(doc.model_dump_json(indent=2) + "\n")
    elif format is Format.csv:
        import pandas as pd
        pd.DataFrame(rows(doc)["actions"]).to_csv(sys.stdout, index=False)
    else:
        console = Console()
        console.print(f"[bold]{doc.doc_id}[/bold]  {doc.doc_type}  {doc.local_area or '?'}  "
                      f"{len(doc.weaknesses)} weaknesses, {len(doc.actions)} actions, {len(doc.warnings)} warnings")
        for w in doc.weaknesses:
            console.print(f"  {w.id} ({w.kind}) {escape(w.text)}")
        t = RichTable("ref", "weakness", "action", "lead", "deadlines", "rag", "page")
        for a in doc.actions:
            cells = [a.ref, a.weakness_id, shorten(a.action, 60), shorten(a.lead, 30),
                     " ".join(str(d) for d in a.deadlines), a.rag, a.source.page if a.source else ""]
            t.add_row(*(escape(str(c or "")) for c in cells))
        console.print(t)
        for w in doc.warnings:
            console.print(f"  [yellow]warning[/yellow] p.{w.page}: {w.code}: {escape(w.message)}")


def _exists(path: Path) -> None:
    """Exit 2 (a mistake in the command) for a file that is not there."""
    if not path.exists():
        err.print(f"[red]error[/red] {escape(str(path))}: no such file")
        raise typer.Exit(EXIT_USAGE)


def _dask_client(scheduler: str):
    """A client of the Dask scheduler at `scheduler`; exits 2 if dask.distributed is not installed."""
    try:
        from dask.distributed import Client
    except ImportError:
        err.print("[red]error[/red] --scheduler needs dask.distributed: pip install 'wsoa[cluster]'")
        raise typer.Exit(EXIT_USAGE)
    return Client(scheduler, timeout=30)


def _progress_events(progress: Progress):
    """The batch's on_event callback: a progress bar, and one line per failed document or notable warning."""
    task = progress.add_task("reading", total=None)

    def on_event(kind: str, what: str, done: int, total: int) -> None:
        if kind == "start":
            progress.update(task, total=total)
        elif kind == "fail":
            progress.console.print(f"[red]error[/red] {escape(what)}")
            progress.update(task, completed=done)
        elif kind == "warn":
            progress.console.print(f"[yellow]warning[/yellow] {escape(what)}")
        else:
            progress.update(task, completed=done, description=f"read {escape(Path(what).name)}")
    return on_event


@app.command()
def batch(path: Path = typer.Argument(..., help="A folder of PDFs or a manifest.csv."),
          out: Path = typer.Option(Path("outputs"), "--out", "-o", help="Output folder."),
          workers: Optional[int] = typer.Option(None, "--workers", "-w", help="Worker processes (default: CPUs)."),
          force: bool = typer.Option(False, "--force", help="Re-read documents even when unchanged."),
          timeout: float = typer.Option(120.0, "--timeout", help="Seconds allowed per document (0: no limit)."),
          max_memory: int = typer.Option(4096, "--max-memory", help="Memory cap per worker process, MB (0: none)."),
          scheduler: Optional[str] = typer.Option(None, "--scheduler", help="A Dask distributed scheduler address "
                                                  "(tcp://host:8786): run the documents on that cluster."),
          ocr: bool = typer.Option(False, "--ocr", help="Read pages without a text layer by OCR (Tesseract)."),
          engine: Engine = typer.Option(Engine.pdfium, "--engine", help="PDF reader: pdfium (fast, the default) "
                                        "or pdfminer (pdfplumber's, the cross-check).")) -> None:
    """Extract every new or changed document into OUT (wsoa.duckdb, tables/, records/)."""
    from wsoa.corpus.batch import LockedError, run_batch
    from wsoa.corpus.manifest import ManifestError, entries

    try:
        found, refused = entries(path)
        if not found and not refused:
            err.print(f"[red]error[/red] {escape(str(path))}: no documents found (PDF, .docx, .html, or a manifest.csv)")
            raise typer.Exit(EXIT_USAGE)
    except (ManifestError, FileNotFoundError) as exc:
        err.print(f"[red]error[/red] {escape(str(exc))}")
        raise typer.Exit(EXIT_USAGE)

    client = _dask_client(scheduler) if scheduler else None
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err, transient=False) as progress:
        try:
            summary = run_batch(path, out, workers=workers, force=force, timeout=timeout or None,
                                memory_mb=max_memory or None, ocr=ocr, engine=engine.value,
                                on_event=_progress_events(progress),
                                executor=client.get_executor() if client else None,
                                slots=sum(client.nthreads().values()) if client else None)
        except LockedError as exc:
            err.print(f"[red]error[/red] {escape(str(exc))}")
            raise typer.Exit(EXIT_BUSY)
        finally:
            if client is not None:
                client.close()
    err.print(f"{len(summary.done)} read, {len(summary.skipped)} unchanged, {len(summary.failed)} failed, "
              f"{summary.warnings} warnings, {summary.links} weakness links -> {out}/wsoa.duckdb, {out}/tables/, "
              f"{out}/records/")
    raise typer.Exit(summary.exit_code)


@app.command()
def evaluate(pred_dir: Path = typer.Argument(..., help="An output folder (or a folder of JSON records)."),
             truth_dir: Path = typer.Argument(..., help="A folder holding *.truth.json files."),
             details: bool = typer.Option(False, "--details", help="List every field that differs."),
             as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON.")) -> None:
    """Score records against ground truth: action recall/precision and exact-match rates per field
    ("–": nothing to count). Exit 2 when there is nothing to evaluate."""
    from wsoa.match.evaluate import FIELDS, NothingToEvaluate, evaluate_dirs

    try:
        scores, pooled = evaluate_dirs(pred_dir, truth_dir)
    except NothingToEvaluate as exc:
        err.print(f"[red]error[/red] {exc}")
        raise typer.Exit(2) from None
    table_rows = [s.row() for s in scores] + [pooled.row()]
    if as_json:
        print(json.dumps(table_rows if not details else
                         {"scores": table_rows, "differences": {s.doc_id: s.misses for s in scores}}, indent=2))
        return
    cols = ["doc_id", "true", "pred", "recall", "precision", "weakness_recall", "text_sim", *FIELDS]
    t = RichTable(*cols)
    for r in table_rows:
        t.add_row(*["–" if r[c] is None else str(r[c]) for c in cols])
    Console(width=250).print(t)
    if details:
        for s in scores:
            print(f"{s.doc_id}: " + ("no difference" if not s.misses else f"{len(s.misses)} difference(s)"))
            for m in s.misses:
                print(f"  {m}")


def _document(path: Path):
    """A record: read from a JSON record, or extracted from a PDF. Exits with one error line."""
    from wsoa.extract.document import extract as run
    from wsoa.extract.page import DocumentError
    from wsoa.model import Document

    try:
        if path.suffix.lower() == ".json":
            return Document.model_validate_json(path.read_text("utf-8"))
        return run(path)
    except (DocumentError, ValueError, OSError) as exc:
        err.print(f"[red]error[/red] {path}: {exc}")
        raise typer.Exit(2)


@app.command()
def link(letter: Path = typer.Argument(..., help="The inspection letter or report (PDF or JSON record)."),
         plan: Path = typer.Argument(..., help="The WSoA or priority action plan (PDF or JSON record)."),
         format: Format = typer.Option(Format.json, "--format", "-f", help="json or table."),
         other_area: bool = typer.Option(False, "--other-area", help="Link even when the two documents name "
                                         "different local areas.")) -> None:
    """Link each weakness of the letter to the plan weakness and actions that answer it. Exit 1 if any is
    uncovered; 2 on a usage error (a missing or unreadable file, documents of two different areas)."""
    from wsoa.match.link import link as run

    first, second = _document(letter), _document(plan)
    areas = {(d.local_area or "").strip().lower() for d in (first, second)}
    if len(areas) > 1 and "" not in areas:
        if not other_area:
            err.print(f"[red]error[/red] the letter is for {first.local_area}, the plan for {second.local_area}: "
                      "different local areas (--other-area to link them anyway)")
            raise typer.Exit(2)
        err.print(f"[yellow]warning[/yellow] the letter is for {first.local_area}, the plan for {second.local_area}")
    result = run(first, second)
    if format is Format.table:
        console = Console()
        t = RichTable("letter", "plan", "section", "score", "method", "actions")
        for x in result.links:
            t.add_row(x.letter_weakness_id, x.plan_weakness_id or "-", (x.plan_section or "")[:40], f"{x.score:.2f}",
                      x.method, ", ".join(x.action_refs) or "[red]none[/red]")
        console.print(t)
        q = RichTable("quote", "cites", "found on", "score", "verdict")
        for c in result.quotes:
            q.add_row(str(c.quote_no), c.cites, str(c.found_page or "-"), f"{c.score:.0f}",
                      c.verdict + ("" if c.page_ok is not False else ", wrong page"))
        if result.quotes:
            console.print(q)
        console.print(f"uncovered: {', '.join(result.uncovered) or 'none'}")
    else:
        print(json.dumps(result.to_json(), indent=2))
    raise typer.Exit(1 if result.uncovered else 0)


EXIT_BUSY = 3  # the output folder is held by a running batch (1: a weakness is uncovered; 2: usage error)


def _as_of(out: Path, as_of: str | None):
    """The date of an --as-of option (default today), after checking OUT holds a database; exits 2 if not."""
    import datetime as dt

    if not (out / "wsoa.duckdb").exists():
        err.print(f"[red]error[/red] {out}: no wsoa.duckdb here; run `wsoa batch` first")
        raise typer.Exit(2)
    try:
        return dt.date.fromisoformat(as_of) if as_of else dt.date.today()
    except ValueError:
        err.print(f"[red]error[/red] --as-of {as_of!r}: not a date (YYYY-MM-DD)")
        raise typer.Exit(2)


@contextmanager
def _store(out: Path):
    """The output folder's store under the batch lock; exits 3 with one line while a batch holds it."""
    from wsoa.corpus.batch import LockedError, locked

    try:
        with locked(out) as store:
            yield store
    except LockedError as exc:
        err.print(f"[red]busy[/red] {exc}")
        raise typer.Exit(EXIT_BUSY) from None


def _known_areas(store, names: list[str]) -> None:
    """Exit 2 naming the known areas when a name is not a stored area (before anything is written)."""
    from wsoa.match.check import known_areas, spellings

    missing = [n for n in names if not spellings(store, n)]
    if missing:
        err.print(f"[red]error[/red] no documents stored for: {', '.join(missing)} "
                  f"(known areas: {', '.join(known_areas(store)) or 'none'})")
        raise typer.Exit(2)


def _report_areas(store, names: list[str] | None) -> None:
    """Exit 2 naming the known areas when a name is not a stored area (any spelling of it)."""
    from wsoa.outputs.report import area_keys

    try:
        area_keys(store.table("documents"), names)
    except ValueError as exc:
        err.print(f"[red]error[/red] {exc}")
        raise typer.Exit(2) from None


def _save_findings(store, frame, area: str | None) -> None:
    """Replace the stored findings of `area` (every spelling of it; all areas when None) by `frame`."""
    from wsoa.match.check import spellings

    store.replace_findings(frame, spellings(store, area) if area else None)


@app.command()
def check(out: Path = typer.Argument(Path("outputs"), help="An output folder written by `wsoa batch`."),
          area: Optional[str] = typer.Option(None, "--area", help="Only this local area."),
          as_of: Optional[str] = typer.Option(None, "--as-of", help="Date for 'overdue' (default today), e.g. 2023-01-31.")
          ) -> None:
    """Coverage and soundness findings per area (also stored in the findings table). Exit 1 if a weakness is
    uncovered, 2 on a usage error (an unknown area), 3 while a batch holds the folder."""
    from wsoa.match.check import BLOCKING, findings

    day = _as_of(out, as_of)
    with _store(out) as store:
        if area is not None:
            _known_areas(store, [area])
        frame = findings(store, area, day)
        _save_findings(store, frame, area)
        store.export()
    console = Console()
    for name, group in frame.groupby(frame["local_area"].fillna("?"), sort=True):
        counts = group["finding"].value_counts()
        console.print(f"[bold]{name}[/bold] as of {day}: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
        t = RichTable("finding", "document", "subject", "detail", "page", "days")
        order = [BLOCKING] + [k for k in counts.index if k != BLOCKING]
        for kind in order:
            for r in group[group["finding"] == kind].itertuples():
                t.add_row(r.finding, r.doc_id, r.subject, shorten(r.detail, 90), "" if pd_na(r.page) else str(int(r.page)),
                          "" if pd_na(r.days) else str(int(r.days)))
        console.print(t)
    blocking = int((frame["finding"] == BLOCKING).sum())
    err.print(f"{len(frame)} findings, {blocking} uncovered weaknesses -> {out}/wsoa.duckdb (findings)")
    raise typer.Exit(1 if blocking else 0)


@app.command()
def report(out: Path = typer.Argument(Path("outputs"), help="An output folder written by `wsoa batch`."),
           areas: Optional[str] = typer.Option(None, "--areas", help="Local areas to compare, comma-separated "
                                               "(default: every area stored)."),
           as_of: Optional[str] = typer.Option(None, "--as-of", help="Date for 'overdue' (default today).")) -> None:
    """Write OUT/report.html (self-contained, offline) and OUT/wsoa.xlsx comparing local areas side by side.
    Exit 2 on a usage error (an unknown area, nothing stored), 3 while a batch holds the folder."""
    from wsoa.match.check import findings
    from wsoa.outputs.report import build_report
    from wsoa.outputs.workbook import build_workbook

    day = _as_of(out, as_of)
    names = [a.strip() for a in (areas or "").split(",") if a.strip()] or None
    with _store(out) as store:
        _report_areas(store, names)
        if store.table("documents").empty:
            err.print(f"[red]error[/red] {out}: no document stored; run `wsoa batch` on a folder of documents first")
            raise typer.Exit(2)
        found = findings(store, None, day)
        _save_findings(store, found, None)
        page = build_report(store, out, names, day, found)
        book = build_workbook(store, out, names, found, day)
        store.export()
    err.print(f"wrote {page} and {book}")


def pd_na(value: object) -> bool:
    import pandas as pd

    return value is None or bool(pd.isna(value))


@app.command()
def schema() -> None:
    """Print the JSON Schema of the document record."""
    from wsoa.model import Document

    print(json.dumps(Document.model_json_schema(), indent=2))


@app.command()
def show(file: Path = typer.Argument(..., help="A PDF (or Word file or web page)."),
         page: int = typer.Option(..., "--page", "-p", help="1-based page number."),
         out: Optional[Path] = typer.Option(None, "--out", help="PNG file or folder to write to "
                                            "(default: FILE-pN.png beside FILE).")) -> None:
    """Draw the trace that produced the record on a page: header candidates, columns and roles, the
    table's region and cells, group rows, each action and its status."""
    from wsoa.extract.page import DocumentError
    from wsoa.outputs.debug import show_page

    _exists(file)
    try:
        drawn = show_page(file, page, out)
    except (ValueError, DocumentError, OSError) as exc:
        err.print(f"[red]error[/red] {file}: {exc}")
        raise typer.Exit(1) from None
    print(drawn.path)


@app.command()
def manifest(folder: Path = typer.Argument(..., help="A folder of PDFs; writes FOLDER/manifest.csv.")) -> None:
    """Write manifest.csv for a folder: path, doc_id, local_area, doc_type, sha256 of each PDF."""
    from wsoa.corpus.manifest import build_manifest

    print(build_manifest(folder))


if __name__ == "__main__":
    app()
