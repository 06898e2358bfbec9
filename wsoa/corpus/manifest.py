"""The document registry: a folder of files, or a manifest.csv listing them.

A manifest is untrusted input: each row is checked on its own (a bad row is one error and the rest
go on), document ids must be safe slugs, and a row may only name a file inside the manifest's
folder.
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

from wsoa.outputs.store import atomic_write

MANIFEST_FIELDS = ("path", "doc_id", "local_area", "doc_type", "sha256")
SUFFIXES = {".pdf", ".docx", ".html", ".htm"}
SAFE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,199}")


class ManifestError(ValueError):
    """The manifest as a whole cannot be read (not CSV, no `path` column)."""


@dataclass(frozen=True)
class Entry:
    path: Path  # absolute
    doc_id: str
    local_area: str | None = None
    given_id: bool = False  # the manifest named the id (else it comes from the file name)


@dataclass(frozen=True)
class Rejected:
    path: str
    reason: str


def slug(name: str) -> str:
    """A file name made a safe document id: letters, digits, '.', '_' and '-'."""
    out = re.sub(r"[^A-Za-z0-9._-]+", "-", name).lstrip("._-")[:200]
    return out or "document"


def entries(source: str | Path) -> tuple[list[Entry], list[Rejected]]:
    """The documents of a folder (its manifest.csv when it has one, else every document below it) or
    of a manifest, and the manifest rows refused, each with its reason."""
    source = Path(source)
    if source.is_dir() and (source / "manifest.csv").exists():
        source = source / "manifest.csv"
    if source.is_file() and source.suffix.lower() == ".csv":
        return read_manifest(source)
    if source.is_file():
        return [Entry(source.resolve(), slug(source.stem))], []
    if not source.exists():
        raise FileNotFoundError(f"{source}: no such file or folder")
    return [Entry(p.resolve(), slug(p.stem)) for p in pdfs(source)], []


def pdfs(folder: Path) -> list[Path]:
    """Every document (PDF, Word file, web page) below `folder`, in path order."""
    return sorted(p for p in folder.rglob("*") if p.suffix.lower() in SUFFIXES and p.is_file())


def _row(root: Path, row: dict[str, str | None]) -> Entry | Rejected:
    raw = (row.get("path") or "").strip()
    path = (root / raw).resolve()
    if not raw:
        return Rejected(f"{root}/manifest.csv", "a row without a path")
    if not path.is_relative_to(root):
        return Rejected(raw, "outside the manifest's folder: refused")
    if not path.exists():
        return Rejected(str(path), "no such file")
    if path.is_dir():
        return Rejected(str(path), "a folder, not a document")
    given = (row.get("doc_id") or "").strip()
    if given and not SAFE_ID.fullmatch(given):
        return Rejected(str(path), f"doc_id {given!r} is not a safe id (letters, digits, '.', '_', '-')")
    return Entry(path, given or slug(path.stem), (row.get("local_area") or "").strip() or None, bool(given))


def read_manifest(path: Path) -> tuple[list[Entry], list[Rejected]]:
    root = path.parent.resolve()
    try:
        with open(path, newline="", encoding="utf-8") as f:
            reader = csv.DictReader(f)
            if "path" not in (reader.fieldnames or []):
                raise ManifestError(f"{path}: no 'path' column (it has: {', '.join(reader.fieldnames or []) or 'none'})")
            rows = list(reader)
    except (UnicodeDecodeError, csv.Error) as exc:
        raise ManifestError(f"{path}: not a readable CSV manifest ({exc})") from exc
    good: list[Entry] = []
    bad: list[Rejected] = []
    ids: set[str] = set()
    for row in rows:
        item = _row(root, row)
        if isinstance(item, Entry) and item.given_id and item.doc_id in ids:
            item = Rejected(str(item.path), f"doc_id {item.doc_id!r} is used twice in the manifest")
        if isinstance(item, Entry):
            ids.add(item.doc_id)
            good.append(item)
        else:
            bad.append(item)
    return good, bad


def build_manifest(folder: Path) -> Path:
    """Read every document under `folder` and write its manifest.csv (its records decide area and type)."""
    from wsoa.extract.document import extract

    rows = []
    for path in pdfs(folder):
        doc = extract(path, doc_id=slug(path.stem))
        rows.append({"path": path.relative_to(folder).as_posix(), "doc_id": doc.doc_id,
                     "local_area": doc.local_area or "", "doc_type": doc.doc_type, "sha256": doc.sha256 or ""})
    return write_manifest(folder, rows)


def write_manifest(folder: Path, rows: list[dict[str, str]]) -> Path:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=MANIFEST_FIELDS)
    w.writeheader()
    for r in rows:
        w.writerow({k: r.get(k, "") for k in MANIFEST_FIELDS})
    target = folder / "manifest.csv"
    atomic_write(target, buf.getvalue())
    return target
