"""The document registry: a folder of files, or a manifest.csv listing them."""
from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

MANIFEST_FIELDS = ("path", "doc_id", "local_area", "doc_type", "sha256")
SUFFIXES = {".pdf", ".docx", ".html", ".htm"}


@dataclass(frozen=True)
class Entry:
    path: Path
    doc_id: str
    local_area: str | None = None
    doc_type: str | None = None
    sha256: str | None = None


def entries(source: str | Path) -> list[Entry]:
    """The documents of a folder (its manifest.csv when it has one, else every PDF below it) or of a manifest."""
    source = Path(source)
    if source.is_dir() and (source / "manifest.csv").exists():
        source = source / "manifest.csv"
    if source.is_file() and source.suffix.lower() == ".csv":
        return read_manifest(source)
    if source.is_file():
        return [Entry(source, source.stem)]
    if not source.exists():
        raise FileNotFoundError(f"{source}: no such file or folder")
    return [Entry(p, p.stem) for p in pdfs(source)]


def pdfs(folder: Path) -> list[Path]:
    """Every document (PDF, Word file, web page) below `folder`, in path order."""
    return sorted(p for p in folder.rglob("*") if p.suffix.lower() in SUFFIXES and p.is_file())


def read_manifest(path: Path) -> list[Entry]:
    out: list[Entry] = []
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            p = (path.parent / row["path"]).resolve()
            out.append(Entry(p, row.get("doc_id") or p.stem, row.get("local_area") or None,
                             row.get("doc_type") or None, row.get("sha256") or None))
    return out


def build_manifest(folder: Path) -> Path:
    """Read every PDF under `folder` and write its manifest.csv (its records decide area and type)."""
    from wsoa.extract.document import extract

    rows = []
    for path in pdfs(folder):
        doc = extract(path)
        rows.append({"path": path.relative_to(folder).as_posix(), "doc_id": doc.doc_id,
                     "local_area": doc.local_area or "", "doc_type": doc.doc_type, "sha256": doc.sha256 or ""})
    return write_manifest(folder, rows)


def write_manifest(folder: Path, rows: list[dict[str, str]]) -> Path:
    target = folder / "manifest.csv"
    with open(target, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=MANIFEST_FIELDS)
        w.writeheader()
        for r in rows:
            w.writerow({k: r.get(k, "") for k in MANIFEST_FIELDS})
    return target
