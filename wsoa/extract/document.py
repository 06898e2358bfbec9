"""One file -> one `Document` record: the extract stage end to end."""
from __future__ import annotations

import hashlib
from pathlib import Path

from wsoa.extract import letters
from wsoa.extract.actions import ActionContext, read_actions
from wsoa.extract.classify import classify
from wsoa.extract.events import field_events, prose_events
from wsoa.extract.page import DocumentError, Page, body_size, remove_furniture
from wsoa.extract.pdf import DEFAULT_ENGINE, read_pages
from wsoa.extract.prose import Paragraph, paragraphs
from wsoa.extract.statements import (KEY_ENTRY, inspection_dates, legend, local_area, match_weakness, numbered_weaknesses,
                                     quotes, weakness_statements)
from wsoa.extract.tables import Table, is_header_line, read_tables
from wsoa.model import Document, Quote, Weakness
from wsoa.normalise.entities import lead_organisation, themes

MIN_WEAKNESS_MATCH = 0.6
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
    """A document's pages (running headers and footers removed) and its action tables.

    PDFs are read page by page; Word files and web pages are laid out as one virtual page.
    Raises DocumentError for a file that cannot be read or has no text layer, TimedOut past `deadline`.
    """
    path = Path(path)
    if path.suffix.lower() in FLOWING:
        pages = _flowing(path)
        if not any(p.words for p in pages):
            raise DocumentError("no text in the document")
        return pages, read_tables(pages)
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
    remove_furniture(pages, is_header_line)
    return pages, read_tables(pages)


def extract(path: str | Path, doc_id: str | None = None, deadline: float | None = None,
            ocr: bool = False, engine: str = DEFAULT_ENGINE) -> Document:
    """Read one document into a record. Raises DocumentError for a file that cannot be read.

    With `ocr`, pages without a text layer are read by OCR; what comes from them is flagged.
    `engine` reads PDFs: "pdfium" (default) or "pdfminer" (the cross-check).
    """
    path = Path(path)
    pages, tables = read_layout(path, deadline, ocr, engine)
    doc = Document(doc_id=doc_id or path.stem, source_path=str(path), sha256=sha256(path), pages=len(pages))
    for page in pages:
        covered = page.image_share()
        if covered >= IMAGE_SHARE:
            doc.warn("image-content", f"images cover {covered:.0%} of the page and were not read (text in "
                     "images, e.g. a table pasted as a picture, needs OCR)", page.number)
    skip: dict[int, list[tuple[float, float]]] = {}
    for t in tables:
        for r in t.rows:
            skip.setdefault(r.page, []).append((r.top, r.bottom))
    body = body_size(pages, skip)
    paras = paragraphs(pages, body, skip)
    text = "\n".join(p.text for p in paras)
    doc.doc_type = classify(text, len(tables))  # type: ignore[assignment]
    doc.local_area = local_area(paras)
    doc.inspection_start, doc.inspection_end = inspection_dates(paras)
    if tables:
        _plan(doc, pages, tables, paras)
        doc.edition_date = letters.edition_date(paras)
        _tag(doc)
    else:
        letters.read_letter(doc, pages, paras)
        _tag(doc)
        if doc.doc_type in ("inspection_letter", "revisit_letter"):
            doc.page_texts = ["\n".join(line.text for line in p.lines) for p in pages]
    _flag_ocr(doc, pages)
    known = field_events(doc)
    doc.events = known + prose_events(paras, skip=tuple({e.kind for e in known}))
    return doc


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


def _plan(doc: Document, pages: list[Page], tables: list[Table], paras: list[Paragraph]) -> None:
    statements = weakness_statements(paras)
    if statements:
        seen: list[tuple[str, str]] = []
        for st in statements:
            wid, score = match_weakness(st.text, seen)
            if wid is None or score < 0.9:
                seen.append((f"W{len(seen) + 1}", st.text))
                doc.weaknesses.append(Weakness(id=seen[-1][0], text=st.text))
    else:
        for i, st in enumerate(numbered_weaknesses(paras), start=1):
            doc.weaknesses.append(Weakness(id=f"W{i}", text=st.text))
    known = [(w.id, w.text) for w in doc.weaknesses]
    lg = legend(pages)
    headings = [p for p in paras if p.heading and not p.text.rstrip().endswith(":") and not KEY_ENTRY.match(p.text)]
    for i, table in enumerate(tables):
        before = [h for h in headings if h.pos < table.top]
        ctx = ActionContext(section=before[-1].text if before else None)
        prior = [s for s in statements if s.pos < table.top]
        if prior:
            wid, score = match_weakness(prior[-1].text, known)
            ctx.weakness_id = wid if score >= MIN_WEAKNESS_MATCH else None
        elif before and known:
            wid, score = match_weakness(before[-1].text, known)
            ctx.weakness_id = wid if score >= MIN_WEAKNESS_MATCH else None
        got = read_actions(table, i, lg, ctx)
        for code, message, page in got.warnings:
            doc.warn(code, message, page)
        if not got.actions:
            doc.warn("unparsed-table", f"a table headed {', '.join(c.header for c in table.columns if c.header)[:120]!r} "
                     "gave no action rows", table.pages[0] if table.pages else None)
        if got.weakness_texts:
            _weakness_column(doc, got)
        doc.actions.extend(got.actions)
        if got.report:
            doc.tables.append(got.report)
    for text, cites, page in quotes(paras):
        doc.quotes.append(Quote(text=text, cites=cites, page=page))
    if not doc.actions:
        doc.warn("no-actions", "action tables were found but no action rows could be read")


def _weakness_column(doc: Document, got) -> None:
    """Weaknesses named in a table column: each distinct text is a weakness, each action points at its own."""
    last: str | None = None
    for action, text in zip(got.actions, got.weakness_texts):
        if not text:  # a weakness cell that was not repeated applies until the next one
            action.weakness_id = last
            continue
        wid, score = match_weakness(text, [(w.id, w.text) for w in doc.weaknesses])
        if wid is None or score < 0.9:
            wid = f"W{len(doc.weaknesses) + 1}"
            doc.weaknesses.append(Weakness(id=wid, text=text))
        action.weakness_id = last = wid
