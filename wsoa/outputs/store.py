"""Where results go: one JSON record per document, a DuckDB database, Parquet and CSV tables.

Every write is atomic: records are written to a temporary file and renamed; each document's
rows replace its old rows in one DuckDB transaction; table exports are renamed into place.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

import duckdb
import pandas as pd

from wsoa.model import Document

TABLES: dict[str, str] = {
    "documents": """doc_id VARCHAR PRIMARY KEY, local_area VARCHAR, doc_type VARCHAR, inspection_start DATE,
        inspection_end DATE, letter_date DATE, outcome VARCHAR, pages INTEGER, source_path VARCHAR,
        sha256 VARCHAR, n_weaknesses INTEGER, n_actions INTEGER, n_warnings INTEGER, edition_date DATE""",
    "weaknesses": """doc_id VARCHAR, weakness_id VARCHAR, kind VARCHAR, text VARCHAR, responsible_body VARCHAR,
        progress VARCHAR, themes VARCHAR[], page INTEGER, PRIMARY KEY (doc_id, weakness_id)""",
    "judgements": """doc_id VARCHAR, judgement_no INTEGER, heading VARCHAR, kind VARCHAR, text VARCHAR, page INTEGER,
        PRIMARY KEY (doc_id, judgement_no)""",
    "recommendations": """doc_id VARCHAR, number VARCHAR, text VARCHAR, page INTEGER, PRIMARY KEY (doc_id, number)""",
    "events": """doc_id VARCHAR, event_no INTEGER, date DATE, end_date DATE, kind VARCHAR, text VARCHAR, page INTEGER,
        PRIMARY KEY (doc_id, event_no)""",
    "actions": """doc_id VARCHAR, action_no INTEGER, weakness_id VARCHAR, section VARCHAR, "group" VARCHAR,
        ref VARCHAR, action VARCHAR, lead VARCHAR, lead_role VARCHAR, lead_org VARCHAR, lead_org_type VARCHAR,
        themes VARCHAR[], start_raw VARCHAR,
        start_dates DATE[], deadlines DATE[], deadline_raw VARCHAR, deadline_revised BOOLEAN, first_deadline DATE,
        last_deadline DATE,
        resource VARCHAR, measures VARCHAR, rag VARCHAR, rag_raw VARCHAR, rag_source VARCHAR, flags VARCHAR[],
        confidence DOUBLE,
        n_milestones INTEGER, page INTEGER, x0 DOUBLE, top DOUBLE, x1 DOUBLE, bottom DOUBLE,
        PRIMARY KEY (doc_id, action_no)""",
    "milestones": """doc_id VARCHAR, action_no INTEGER, milestone_no INTEGER, ref VARCHAR, text VARCHAR,
        date_raw VARCHAR, date DATE, rag VARCHAR, resource VARCHAR, brag_raw VARCHAR, brag_date DATE, page INTEGER,
        PRIMARY KEY (doc_id, action_no, milestone_no)""",
    "warnings": """doc_id VARCHAR, warning_no INTEGER, code VARCHAR, message VARCHAR, page INTEGER,
        PRIMARY KEY (doc_id, warning_no)""",
}
# Tables computed across documents (links of a letter with a plan; the coverage check's findings).
DERIVED: dict[str, str] = {
    "links": """local_area VARCHAR, letter_doc_id VARCHAR, plan_doc_id VARCHAR, letter_weakness_id VARCHAR,
        letter_kind VARCHAR, plan_weakness_id VARCHAR, plan_section VARCHAR, score DOUBLE, method VARCHAR,
        action_refs VARCHAR[], action_nos INTEGER[], n_actions INTEGER,
        PRIMARY KEY (letter_doc_id, plan_doc_id, letter_weakness_id)""",
    "quote_checks": """local_area VARCHAR, plan_doc_id VARCHAR, letter_doc_id VARCHAR, quote_no INTEGER, text VARCHAR,
        cites VARCHAR, cited_page INTEGER, found_page INTEGER, score DOUBLE, verdict VARCHAR, page_ok BOOLEAN,
        PRIMARY KEY (plan_doc_id, letter_doc_id, quote_no)""",
    "self_knowledge": """local_area VARCHAR, letter_doc_id VARCHAR, sef_doc_id VARCHAR, weakness_id VARCHAR,
        named BOOLEAN, judgement_no INTEGER, score DOUBLE, method VARCHAR, judgement VARCHAR, page INTEGER,
        PRIMARY KEY (letter_doc_id, sef_doc_id, weakness_id)""",
    "changes": """local_area VARCHAR, old_doc_id VARCHAR, new_doc_id VARCHAR, change_no INTEGER, kind VARCHAR,
        ref VARCHAR, weakness_id VARCHAR, before VARCHAR, after VARCHAR, days INTEGER,
        PRIMARY KEY (old_doc_id, new_doc_id, change_no)""",
    "findings": """local_area VARCHAR, doc_id VARCHAR, finding VARCHAR, subject VARCHAR, detail VARCHAR,
        page INTEGER, days INTEGER, as_of DATE""",
    "areas": """local_area VARCHAR PRIMARY KEY, name VARCHAR, ons_code VARCHAR, la_number VARCHAR, region VARCHAR,
        authority_type VARCHAR, status VARCHAR, successors VARCHAR[]""",
}


def _file_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


FILE_MODE = _file_mode()  # what open() would give: temporary files are created private


def as_dates(values: Any) -> list[dt.date]:
    """A DATE[] cell as DuckDB hands it to pandas (timestamps, maybe None) -> dates."""
    return [pd.Timestamp(v).date() for v in (values if values is not None else [])]


def atomic_write(path: Path, data: bytes | str) -> None:
    """Write a file so that a reader sees the old or the new content, never half of it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data.encode("utf-8") if isinstance(data, str) else data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, FILE_MODE)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def record_json(doc: Document) -> str:
    return doc.model_dump_json(indent=2)


def rows(doc: Document) -> dict[str, list[dict[str, Any]]]:
    """The document as rows of each table."""
    d = doc.doc_id
    out: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    out["documents"].append({
        "doc_id": d, "local_area": doc.local_area, "doc_type": doc.doc_type,
        "inspection_start": doc.inspection_start, "inspection_end": doc.inspection_end,
        "letter_date": doc.letter_date, "outcome": doc.outcome, "pages": doc.pages, "source_path": doc.source_path,
        "sha256": doc.sha256, "n_weaknesses": len(doc.weaknesses), "n_actions": len(doc.actions),
        "n_warnings": len(doc.warnings), "edition_date": doc.edition_date})
    for w in doc.weaknesses:
        out["weaknesses"].append({"doc_id": d, "weakness_id": w.id, "kind": w.kind, "text": w.text,
                                  "responsible_body": w.responsible_body, "progress": w.progress, "themes": w.themes,
                                  "page": w.source.page if w.source else None})
    for k, j in enumerate(doc.judgements, start=1):
        out["judgements"].append({"doc_id": d, "judgement_no": k, "heading": j.heading, "kind": j.kind, "text": j.text,
                                  "page": j.source.page if j.source else None})
    for r in doc.recommendations:
        out["recommendations"].append({"doc_id": d, "number": r.number, "text": r.text,
                                       "page": r.source.page if r.source else None})
    for k, e in enumerate(doc.events, start=1):
        out["events"].append({"doc_id": d, "event_no": k, "date": e.date, "end_date": e.end, "kind": e.kind,
                              "text": e.text, "page": e.source.page if e.source else None})
    for i, a in enumerate(doc.actions, start=1):
        box = a.source
        out["actions"].append({
            "doc_id": d, "action_no": i, "weakness_id": a.weakness_id, "section": a.section, "group": a.group,
            "ref": a.ref, "action": a.action, "lead": a.lead, "lead_role": a.lead_role, "lead_org": a.lead_org,
            "lead_org_type": a.lead_org_type, "themes": a.themes,
            "start_raw": a.start_raw, "start_dates": a.start_dates, "deadlines": a.deadlines,
            "deadline_raw": a.deadline_raw, "deadline_revised": a.deadline_revised, "first_deadline": a.deadlines[0] if a.deadlines else None,
            "last_deadline": a.deadlines[-1] if a.deadlines else None, "resource": a.resource,
            "measures": a.measures, "rag": a.rag, "rag_raw": a.rag_raw, "rag_source": a.rag_source,
            "flags": a.flags, "confidence": a.confidence, "n_milestones": len(a.milestones),
            "page": box.page if box else None, "x0": box.x0 if box else None, "top": box.top if box else None,
            "x1": box.x1 if box else None, "bottom": box.bottom if box else None})
        for k, m in enumerate(a.milestones, start=1):
            out["milestones"].append({
                "doc_id": d, "action_no": i, "milestone_no": k, "ref": a.ref, "text": m.text,
                "date_raw": m.date_raw, "date": m.date, "rag": m.rag, "resource": m.resource,
                "brag_raw": m.brag_raw, "brag_date": m.brag_date, "page": m.source.page if m.source else None})
    for k, w in enumerate(doc.warnings, start=1):
        out["warnings"].append({"doc_id": d, "warning_no": k, "code": w.code, "message": w.message, "page": w.page})
    return out


# Bookkeeping, not exported: the documents each area's derived tables were last computed from.
STATE: dict[str, str] = {"area_state": "area VARCHAR PRIMARY KEY, fingerprint VARCHAR"}
BY_AREA = ("links", "quote_checks", "self_knowledge", "changes", "findings", "areas")  # derived tables keyed by area
FORMULA_START = "=+-@\t\r"  # OWASP CSV injection: a cell starting so is run by a spreadsheet


def area_key(area: str | None) -> str:
    """How an area is keyed in the derived tables: its name lower-cased ('' for none)."""
    return (area or "").lower()


def inside(folder: Path, path: Path) -> Path:
    """`path`, after proving it lies inside `folder` (a document id or name must never escape it)."""
    if not path.resolve().is_relative_to(folder.resolve()):
        raise ValueError(f"{path}: outside the output folder {folder}: refused")
    return path


class Store:
    """The output folder: records/, wsoa.duckdb and tables/."""

    def __init__(self, out_dir: str | Path):
        self.out = Path(out_dir)
        self.out.mkdir(parents=True, exist_ok=True)
        self.db = duckdb.connect(str(self.out / "wsoa.duckdb"))
        wanted = {**TABLES, **DERIVED, **STATE}
        if self._outdated(wanted):  # written by an older wsoa: start the tables afresh (documents are re-read)
            for name in wanted:
                self.db.execute(f"DROP TABLE IF EXISTS {name}")
        for name, cols in wanted.items():
            self.db.execute(f"CREATE TABLE IF NOT EXISTS {name} ({cols})")

    def _outdated(self, wanted: dict[str, str]) -> bool:
        have: dict[str, int] = dict(self.db.execute(
            "SELECT table_name, count(*) FROM information_schema.columns GROUP BY table_name").fetchall())
        if not have:
            return False
        for name, cols in wanted.items():
            self.db.execute(f"CREATE TEMP TABLE _probe ({cols})")
            n = self.db.execute("SELECT count(*) FROM information_schema.columns WHERE table_name = '_probe'").fetchone()[0]
            self.db.execute("DROP TABLE _probe")
            if have.get(name) not in (None, n):
                return True
        return False

    def close(self) -> None:
        self.db.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        self.db.execute("BEGIN TRANSACTION")
        try:
            yield
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise

    def known(self) -> dict[str, str]:
        """doc_id -> sha256 of every document stored."""
        return dict(self.db.execute("SELECT doc_id, sha256 FROM documents").fetchall())

    def sources(self) -> dict[str, str]:
        """doc_id -> the file it was read from, of every document stored."""
        return dict(self.db.execute("SELECT doc_id, source_path FROM documents").fetchall())

    def record_path(self, doc_id: str) -> Path:
        return inside(self.out, self.out / "records" / f"{doc_id}.json")

    def put(self, doc: Document) -> None:
        """Store one document: its JSON record, then all its rows in one transaction."""
        self._write_record(doc)
        with self.transaction():
            self._put_rows(doc)

    def _write_record(self, doc: Document) -> None:
        atomic_write(self.record_path(doc.doc_id), record_json(doc))

    def _put_rows(self, doc: Document) -> None:
        table_rows = rows(doc)
        for name in TABLES:
            self.db.execute(f"DELETE FROM {name} WHERE doc_id = ?", [doc.doc_id])
            self._insert(name, table_rows[name])

    def _insert(self, name: str, data: list[dict[str, Any]]) -> None:
        if data:
            frame = pd.DataFrame(data)  # noqa: F841  (read by DuckDB by name)
            cols = ", ".join(f'"{c}"' for c in frame.columns)
            self.db.execute(f"INSERT INTO {name} ({cols}) SELECT {cols} FROM frame")

    def _clear_area(self, name: str, area: str) -> None:
        self.db.execute(f"DELETE FROM {name} WHERE coalesce(lower(local_area), '') = ?", [area_key(area)])

    def stale_areas(self) -> dict[str, str]:
        """Areas whose derived tables are missing or older than their documents: area key -> fingerprint
        of the documents (ids and contents) they are to be computed from."""
        docs = self.db.execute("SELECT coalesce(lower(local_area), ''), doc_id, sha256 FROM documents "
                               "ORDER BY 1, 2").fetchall()
        prints: dict[str, Any] = {}
        for area, doc_id, digest in docs:
            prints.setdefault(area, hashlib.sha256()).update(f"{doc_id}:{digest};".encode())
        done = dict(self.db.execute("SELECT area, fingerprint FROM area_state").fetchall())
        return {a: h.hexdigest() for a, h in prints.items() if done.get(a) != h.hexdigest()}

    def put_related(self, fingerprints: dict[str, str], tables: dict[str, list[dict[str, Any]]],
                    plans: list[Document]) -> None:
        """Replace the derived tables of the given areas by `tables`, store the plans the relating
        changed, and mark the areas done: all in one transaction (a kill leaves the areas stale)."""
        for plan in plans:
            self._write_record(plan)
        with self.transaction():
            for area in fingerprints:
                for name in BY_AREA:
                    self._clear_area(name, area)
            for name, data in tables.items():
                self._insert(name, data)
            for plan in plans:
                self._put_rows(plan)
            for area, fingerprint in fingerprints.items():
                self.db.execute("INSERT OR REPLACE INTO area_state VALUES (?, ?)", [area, fingerprint])

    def replace_findings(self, frame: pd.DataFrame, areas: list[str] | None) -> None:
        """Replace the stored findings of these areas (any spellings of one area; every area when None)
        by `frame`, in one transaction."""
        with self.transaction():
            if areas is None:
                self.db.execute("DELETE FROM findings")
            for area in areas or []:
                self._clear_area("findings", area)
            self._insert("findings", frame.to_dict("records"))

    def documents(self, areas: set[str] | None = None) -> list[Document]:
        """The stored records (of the given area keys, see `area_key`), read back from records/;
        only the files of those areas are read."""
        ids = [d for d, area in self.db.execute("SELECT doc_id, coalesce(lower(local_area), '') FROM documents "
                                                "ORDER BY doc_id").fetchall()
               if areas is None or area in areas]
        paths = [self.record_path(d) for d in ids]
        return [Document.model_validate_json(p.read_text("utf-8")) for p in paths if p.exists()]

    def export(self) -> None:
        """Write every table as Parquet and CSV under tables/, each file replaced atomically. In the CSVs a
        text that a spreadsheet would run as a formula starts with a quote (OWASP's CSV-injection advice)."""
        folder = self.out / "tables"
        folder.mkdir(parents=True, exist_ok=True)
        for name in {**TABLES, **DERIVED}:
            for ext in ("parquet", "csv"):
                target = folder / f"{name}.{ext}"
                tmp = folder / f".{name}.{ext}.tmp"
                if ext == "parquet":
                    self.db.table(name).write_parquet(str(tmp))
                else:
                    self._csv_safe(name).write_csv(str(tmp), header=True)
                os.replace(tmp, target)

    def _csv_safe(self, name: str) -> duckdb.DuckDBPyRelation:
        """The table with every text cell that starts like a formula prefixed by a single quote.
        (Only our own column names and constants go into the expression, never a value.)"""
        kinds = self.db.execute("SELECT column_name, data_type FROM information_schema.columns "
                                "WHERE table_name = ? ORDER BY ordinal_position", [name]).fetchall()
        starts = ", ".join(f"chr({ord(ch)})" for ch in FORMULA_START)
        cols = [f"CASE WHEN left(\"{c}\", 1) IN ({starts}) THEN concat(chr(39), \"{c}\") ELSE \"{c}\" END AS \"{c}\""
                if kind == "VARCHAR" else f'"{c}"' for c, kind in kinds]
        return self.db.table(name).select(", ".join(cols))

    def table(self, name: str) -> pd.DataFrame:
        return self.db.table(name).df()
