"""The pdfminer page reader (via pdfplumber), kept as the cross-check of the default PDFium reader.

`read_pages(path, engine=...)` is the one entry point for PDFs: "pdfium" (the default, see
pdfium.py) or "pdfminer" (this module). Each pdfplumber page is read once and released
(`page.close()`), so memory stays bounded by one page plus the compact `Page` records.
"""
from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import Iterator

import pdfplumber

from wsoa.extract.page import DocumentError, Fill, Page, Rule, Shape, TimedOut, Word, group_lines, is_bold
from wsoa.normalise.status import is_white, to_rgb

logging.getLogger("pdfminer").setLevel(logging.ERROR)  # damage is reported once, as the document's error

ENGINES = ("pdfium", "pdfminer")
DEFAULT_ENGINE = "pdfium"


def _read_page(p: "pdfplumber.page.Page", number: int) -> Page:
    page = Page(number=number, width=float(p.width), height=float(p.height))
    # words are split by the gaps between glyphs: a space glyph drawn over its neighbours (seen in
    # Ofsted's reports) would otherwise cut a word in two ("i mprove")
    glyphs = [c for c in p.chars if not c["text"].isspace()]
    for w in pdfplumber.utils.extract_words(glyphs, extra_attrs=["fontname", "size", "non_stroking_color"],
                                            x_tolerance=1.5, keep_blank_chars=False):
        text = w["text"].strip()
        if not text:
            continue
        page.words.append(Word(text, w["x0"], w["x1"], w["top"], w["bottom"], float(w["size"]),
                               is_bold(w["fontname"]), to_rgb(w.get("non_stroking_color"))))
    for ln in p.lines:
        horizontal = abs(ln["top"] - ln["bottom"]) <= abs(ln["x1"] - ln["x0"])
        page.rules.append(Rule(horizontal, ln["x0"], ln["top"], ln["x1"], ln["bottom"]))
    for r in p.rects:
        w, h = r["x1"] - r["x0"], r["bottom"] - r["top"]
        if min(w, h) <= 2.0:  # a thin rect is a ruling line
            page.rules.append(Rule(h <= w, r["x0"], r["top"], r["x1"], r["bottom"]))
            continue
        if r.get("stroke"):
            page.rules += [Rule(True, r["x0"], r["top"], r["x1"], r["top"]),
                           Rule(True, r["x0"], r["bottom"], r["x1"], r["bottom"]),
                           Rule(False, r["x0"], r["top"], r["x0"], r["bottom"]),
                           Rule(False, r["x1"], r["top"], r["x1"], r["bottom"])]
        if r.get("fill"):
            rgb = to_rgb(r.get("non_stroking_color"))
            if rgb is not None and not is_white(rgb):
                page.fills.append(Fill(r["x0"], r["top"], r["x1"], r["bottom"], rgb))
    for c in p.curves:
        rgb = to_rgb(c.get("non_stroking_color")) if c.get("fill") else None
        if rgb is not None and not is_white(rgb):
            page.shapes.append(Shape(c["x0"], c["top"], c["x1"], c["bottom"], rgb))
    page.images = [(float(i["x0"]), float(i["top"]), float(i["x1"]), float(i["bottom"])) for i in p.images]
    page.lines = group_lines(page.words, number)
    return page


def _causes(exc: BaseException) -> list[BaseException]:
    """The exception, the exceptions it wraps (pdfplumber wraps pdfminer's) and their causes."""
    out, todo = [], [exc]
    while todo and len(out) < 10:
        e = todo.pop()
        out.append(e)
        todo += [a for a in e.args if isinstance(a, BaseException)]
        if e.__cause__ is not None:
            todo.append(e.__cause__)
    return out


def read_pages(path: str | Path, password: str = "", deadline: float | None = None,
               ocr: bool = False, engine: str = DEFAULT_ENGINE) -> Iterator[Page]:
    """Yield each page of a PDF as a `Page`, read by `engine` ("pdfium" or "pdfminer").

    `deadline` (a `time.monotonic()` value) is checked before each page: past it, TimedOut.
    With `ocr`, a page without a text layer is read from its image (see ocr.py).
    """
    if engine not in ENGINES:
        raise ValueError(f"unknown PDF engine {engine!r} (one of {', '.join(ENGINES)})")
    if ocr:
        from wsoa.extract import ocr as reader
        if not reader.available():
            raise DocumentError("--ocr needs Tesseract (Debian: apt-get install tesseract-ocr)")
    if engine == "pdfium":
        from wsoa.extract import pdfium
        yield from pdfium.read_pages(path, password, deadline, ocr)
        return
    try:
        pdf = pdfplumber.open(str(path), password=password)
    except Exception as exc:  # pdfminer raises many types for broken files
        names = " ".join(type(e).__name__ for e in _causes(exc))
        if "Password" in names or "Encrypt" in names:
            raise DocumentError("encrypted: a password is needed") from exc
        inner = _causes(exc)[-1]
        raise DocumentError(f"not a readable PDF ({type(inner).__name__}: {str(inner)[:120]})") from exc
    with pdf:
        for i, p in enumerate(pdf.pages, start=1):
            if deadline is not None and time.monotonic() > deadline:
                raise TimedOut(f"timed out on page {i}")
            try:
                page = _read_page(p, i)
                if ocr and not page.words:
                    image = p.to_image(resolution=reader.DPI).original
                    page, page.ocr = reader.ocr_page(image, page.width, page.height, i)
                yield page
            finally:
                p.close()
