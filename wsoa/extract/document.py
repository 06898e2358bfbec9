"""One file -> one `Document` record: the extract stage end to end."""
from __future__ import annotations

import hashlib
from functools import cache, partial
from pathlib import Path

from wsoa.extract import letters
from wsoa.extract.events import field_events, prose_events
from wsoa.extract.legend import legend
from wsoa.extract.cards import role_of_label
from wsoa.extract.header import labels_columns
from wsoa.extract.page import DocumentError, Line, Page, body_size, remove_furniture
from wsoa.extract.pdf import DEFAULT_ENGINE, read_pages
from wsoa.extract.prose import paragraphs
from wsoa.extract.readers import Layout, choose
from wsoa.extract.readers.plan import names_a_plan
from wsoa.extract.statements import inspection_dates, local_area
from wsoa.extract.tables import Table, find_tables, read_tables
from wsoa.extract.trace import as_json
from wsoa.model import Document
from wsoa.normalise.entities import lead_organisation, themes

IMAGE_SHARE = 0.25  # images covering this much of a page hold content the text layer does not


def sha256(path: str | Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def check_file(path: Path) -> None:
    """Refuse, with one clear reason, what is not a readable PDF."""
    if not path.exists():
        raise DocumentError("no such file")
    if path.stat().st_size == 0:
        raise DocumentError("empty file (0 bytes)")
    with open(path, "rb") as f:
        head = f.read(1024)
    if b"%PDF" not in head:
        kind = "an HTML page" if b"<html" in head.lower() or b"<!doctype" in head.lower() else (
            "a Word/ZIP file" if head.startswith(b"PK") else "not a PDF")
        raise DocumentError(f"not a PDF: the file is {kind}")


FLOWING = {".docx": "Word", ".html": "web page", ".htm": "web page"}


def _flowing(path: Path) -> list[Page]:
    """A Word file or web page laid out as one virtual page (see flow.py)."""
    from wsoa.extract.flow import layout

    if not path.exists():
        raise DocumentError("no such file")
    try:
        if path.suffix.lower() == ".docx":
            from wsoa.extract.wordfile import read_docx
            blocks = read_docx(path)
        else:
            from wsoa.extract.webpage import read_html
            blocks = read_html(path)
    except Exception as exc:  # noqa: BLE001 - a damaged file is one clear line
        raise DocumentError(f"not a readable {FLOWING[path.suffix.lower()]} ({type(exc).__name__}: "
                            f"{str(exc)[:120]})") from exc
    return [layout(blocks)]


def read_layout(path: str | Path, deadline: float | None = None, ocr: bool = False,
                engine: str = DEFAULT_ENGINE) -> tuple[list[Page], list[Table]]:
    """A document's pages (running headers and footers removed) and its action tables."""
    pages = layout_pages(path, deadline, ocr, engine)
    return pages, read_tables(pages)


def layout_pages(path: str | Path, deadline: float | None = None, ocr: bool = False,
                 engine: str = DEFAULT_ENGINE) -> list[Page]:
    """A document's pages, running headers and footers removed.

    PDFs are read page by page; Word files and web pages are laid out as one virtual page.
    Raises DocumentError for a file that cannot be read or has no text layer, TimedOut past `deadline`.
    """
    path = Path(path)
    if path.suffix.lower() in FLOWING:
        pages = _flowing(path)
        if not any(p.words for p in pages):
            raise DocumentError("no text in the document")
        return pages
    check_file(path)
    try:
        pages = list(read_pages(path, deadline=deadline, ocr=ocr, engine=engine))
    except DocumentError:
        raise
    except Exception as exc:  # a page that pdfminer cannot parse
        raise DocumentError(f"damaged PDF ({type(exc).__name__}: {str(exc)[:120]})") from exc
    if not pages:
        raise DocumentError("the PDF has no pages")
    if not any(p.words for p in pages):
        raise DocumentError("image-only: no text layer (needs OCR: run with --ocr)")
    remove_furniture(pages, not_furniture, wrapped_labels)
    return pages


def not_furniture(line: Line) -> bool:
    """A line that stays though it recurs at the top of many pages: a table's repeated header (column labels),
    or a field's label alone on its line (a plan of cards with a page break before each action)."""
    return labels_columns(line) or role_of_label(line.text) is not None


def wrapped_labels(line: Line) -> bool:
    """Column labels that stay at a page's top where they wrap onto lines set close under them (fewer of
    them need name a role: see labels_columns)."""
    return labels_columns(line, wrapped=True)


def extract(path: str | Path, doc_id: str | None = None, deadline: float | None = None,
            ocr: bool = False, engine: str = DEFAULT_ENGINE) -> Document:
    """Read one document into a record. Raises DocumentError for a file that cannot be read.

    Every reader of readers/ scores the document; the best names its kind and reads it, readers
    whose structure it also holds (an action table) add their part. With `ocr`, pages without a
    text layer are read by OCR; what comes from them is flagged. `engine` reads PDFs: "pdfium"
    (default) or "pdfminer" (the cross-check).
    """
    path = Path(path)
    pages = layout_pages(path, deadline, ocr, engine)
    key = cache(partial(legend, pages))   # the status key, read once if anything needs it
    found = find_tables(pages, key)
    if not found.tables and names_a_plan(pages):
        found = find_tables(pages, key, lenient=True)  # a plan's sparse tables (action, measures, update)
    doc = Document(doc_id=doc_id or path.stem, source_path=str(path), sha256=sha256(path), pages=len(pages))
    _warn_images(doc, pages)
    skip: dict[int, list[tuple[float, float]]] = {}
    for t in found.tables:
        for r in t.rows:
            skip.setdefault(r.page, []).append((r.top, r.bottom))
    body = body_size(pages, skip)
    for page, top, bottom in found.headers:   # a header repeated on each page is no heading of the text
        skip.setdefault(page, []).append((top, bottom))
    paras = paragraphs(pages, body, skip)
    layout = Layout(pages, found.tables, paras, key, body)
    choice = choose(layout)
    doc.local_area = local_area(paras)
    doc.inspection_start, doc.inspection_end = inspection_dates(paras)
    if choice.best is None:
        doc.letter_date = letters.document_date(paras)
    else:
        doc.doc_type = choice.best.kind  # type: ignore[assignment]
        choice.best.read(layout, doc)
    for part in choice.parts:
        part.adds(layout, doc)  # type: ignore[misc]
    _tag(doc)
    _flag_ocr(doc, pages)
    known = field_events(doc)
    doc.events = known + prose_events(paras, skip=tuple({e.kind for e in known}))
    doc.trace = as_json({"readers": choice.scores, "kind": choice.best.name if choice.best else None,
                         "parts": [r.name for r in choice.parts], "pages": found.pages,
                         "tables": [t.trace for t in found.tables]})
    return doc


def _warn_images(doc: Document, pages: list[Page]) -> None:
    for page in pages:
        covered = page.image_share()
        if covered >= IMAGE_SHARE:
            doc.warn("image-content", f"images cover {covered:.0%} of the page and were not read (text in "
                     "images, e.g. a table pasted as a picture, needs OCR)", page.number)


def _flag_ocr(doc: Document, pages: list[Page]) -> None:
    """Values read by OCR carry the flag "ocr" (and "ocr:low-confidence" on pages Tesseract was unsure of)."""
    from wsoa.extract.ocr import LOW_CONFIDENCE

    scanned = {p.number: p.ocr for p in pages if p.ocr is not None}
    for number, confidence in scanned.items():
        doc.warn("ocr", f"read by OCR (mean word confidence {confidence:.0f}/100): check the values", number)
    for a in doc.actions:
        page = a.source.page if a.source else None
        if page in scanned:
            a.flags.append("ocr")
            a.confidence = round(min(scanned[page], 99.0) / 100, 2)
            if scanned[page] < LOW_CONFIDENCE:
                a.flags.append("ocr:low-confidence")


def _tag(doc: Document) -> None:
    """Themes of every weakness and action; the type (and, when named, the name) of each lead's organisation."""
    for w in doc.weaknesses:
        w.themes = themes(w.text)
    for a in doc.actions:
        a.themes = themes(a.action, a.measures, " ".join(m.text for m in a.milestones))
        a.lead_org_type, name = lead_organisation(a.lead)
        a.lead_org = a.lead_org or name


