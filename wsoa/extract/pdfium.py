"""The default PDF page reader: PDFium (pypdfium2's raw API) into the page model, as pdfminer reads it.

It gives the same words, ruling lines, fills, shapes and images as the pdfminer reader (pdf.py):
- characters and words: see pdfium_text.py;
- paths: every page object walked, form XObjects entered (matrices composed); each path's segments
  split into subpaths at each move and classified as pdfminer does (line, axis-aligned rect,
  curve), with the segment points, never `GetBounds` (which adds the stroke width);
- coordinates: /Rotate and the MediaBox offset applied as pdfminer's page matrix does.

PDFium is not thread-safe: every call into it holds the process-wide `LOCK` (threads take turns,
a page at a time), so threads gain nothing here: Dask workers must not run several threads on it
(run process workers, one thread each: `dask worker ADDR --nthreads 1`).
"""
from __future__ import annotations

import ctypes
import math
import threading
import time
from pathlib import Path
from typing import Iterator

import pypdfium2  # noqa: F401 - importing the package initialises the library
import pypdfium2.raw as raw
from PIL import Image

from wsoa.extract.page import DocumentError, Fill, Page, Rule, Shape, TimedOut, group_lines
from wsoa.extract.pdfium_text import Matrix, chars, fill_colour, flat_fonts, mul, words
from wsoa.normalise.status import RGB, is_white

LOCK = threading.RLock()
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
ERRORS = {raw.FPDF_ERR_FILE: "cannot open the file", raw.FPDF_ERR_FORMAT: "damaged or not a PDF",
          raw.FPDF_ERR_SECURITY: "unsupported security handler", raw.FPDF_ERR_PAGE: "page not found"}


def _page_matrix(page) -> tuple[Matrix, float, float]:
    """PDF user space to pdfplumber's page space (y up; top = height - y), and the page's width and
    height: pdfminer's page matrix (MediaBox offset removed, /Rotate applied), then pdfplumber's
    shift back by the MediaBox's normalised origin."""
    box = [ctypes.c_float() for _ in range(4)]
    if raw.FPDFPage_GetMediaBox(page, *box):
        x0, y0, x1, y1 = (v.value for v in box)
    else:  # a MediaBox inherited from the page tree: PDFium's effective box (MediaBox within CropBox)
        rect = raw.FS_RECTF()
        raw.FPDF_GetPageBoundingBox(page, rect)
        x0, y0, x1, y1 = rect.left, rect.bottom, rect.right, rect.top
    x0, x1, y0, y1 = min(x0, x1), max(x0, x1), min(y0, y1), max(y0, y1)
    rotate = raw.FPDFPage_GetRotation(page) * 90
    nx0, ny0, nx1, ny1 = (y0, x0, y1, x1) if rotate in (90, 270) else (x0, y0, x1, y1)
    width, height = nx1 - nx0, ny1 - ny0
    if rotate == 90:
        m: Matrix = (0, -1, 1, 0, -y0, x1)
    elif rotate == 180:
        m = (-1, 0, 0, -1, x1, y1)
    elif rotate == 270:
        m = (0, 1, -1, 0, y1, -x0)
    else:
        m = (1, 0, 0, 1, -x0, -y0)
    return (*m[:4], m[4] + nx0, m[5] - (height - ny1)), width, height


def _matrix(obj) -> Matrix:
    m = raw.FS_MATRIX()
    if not raw.FPDFPageObj_GetMatrix(obj, m):
        return IDENTITY
    return (m.a, m.b, m.c, m.d, m.e, m.f)


class _Reader:
    """One page's objects into a `Page`; `ctm` maps PDF user space to pdfminer's page space."""

    def __init__(self, page, number: int) -> None:
        self.handle = page
        self.ctm, width, height = _page_matrix(page)
        self.page = Page(number=number, width=width, height=height)

    def point(self, x: float, y: float, m: Matrix) -> tuple[float, float]:
        """A point of an object with matrix `m` as (x, top) on the page."""
        a, b, c, d, e, f = m
        return x * a + y * c + e, self.page.height - (x * b + y * d + f)

    def objects(self, container=None, parent: Matrix | None = None) -> None:
        """Every path and image on the page, form XObjects entered."""
        parent = parent or self.ctm
        if container is None:
            count, get = raw.FPDFPage_CountObjects(self.handle), lambda i: raw.FPDFPage_GetObject(self.handle, i)
        else:
            count, get = raw.FPDFFormObj_CountObjects(container), lambda i: raw.FPDFFormObj_GetObject(container, i)
        for i in range(max(0, count)):
            obj = get(i)
            kind = raw.FPDFPageObj_GetType(obj)
            if kind == raw.FPDF_PAGEOBJ_PATH:
                self.path(obj, mul(_matrix(obj), parent))
            elif kind == raw.FPDF_PAGEOBJ_IMAGE:
                m = mul(_matrix(obj), parent)
                pts = [self.point(x, y, m) for x, y in ((0, 0), (1, 0), (0, 1), (1, 1))]
                xs, ys = [p[0] for p in pts], [p[1] for p in pts]
                self.page.images.append((min(xs), min(ys), max(xs), max(ys)))
            elif kind == raw.FPDF_PAGEOBJ_FORM:
                self.objects(obj, mul(_matrix(obj), parent))

    def path(self, obj, m: Matrix) -> None:
        """A path object's subpaths (split at each move), classified as pdfminer's `paint_path` does."""
        fillmode, stroke = ctypes.c_int(), ctypes.c_int()
        raw.FPDFPath_GetDrawMode(obj, fillmode, stroke)
        fill = fillmode.value != raw.FPDF_FILLMODE_NONE
        x, y = ctypes.c_float(), ctypes.c_float()
        subpaths: list[list[tuple[str, float, float, bool]]] = []
        for i in range(raw.FPDFPath_CountSegments(obj)):
            seg = raw.FPDFPath_GetPathSegment(obj, i)
            raw.FPDFPathSegment_GetPoint(seg, x, y)
            kind = raw.FPDFPathSegment_GetType(seg)
            op = "m" if kind == raw.FPDF_SEGMENT_MOVETO else "c" if kind == raw.FPDF_SEGMENT_BEZIERTO else "l"
            if op == "m" or not subpaths:
                subpaths.append([])
            subpaths[-1].append((op, *self.point(x.value, y.value, m), bool(raw.FPDFPathSegment_GetClose(seg))))
        rgb = fill_colour(obj) if fill else None
        for sub in subpaths:
            self.subpath(_pdfminer_shape(sub), bool(stroke.value), rgb)

    def subpath(self, shaped: tuple[str, list[tuple[float, float]]], stroke: bool, rgb: RGB | None) -> None:
        """One subpath as pdf.py turns pdfminer's lines, rects and curves into rules, fills and shapes."""
        shape, pts = shaped
        if not shape.startswith("m") or len(pts) < 2:
            return
        xs, ys = [p[0] for p in pts], [p[1] for p in pts]
        x0, x1, top, bottom = min(xs), max(xs), min(ys), max(ys)
        w, h = x1 - x0, bottom - top
        if shape in ("ml", "mlh"):
            self.page.rules.append(Rule(h <= w, x0, top, x1, bottom))
        elif shape in ("mlllh", "mllll") and _same(pts[0], pts[4]) and _square(pts):
            if min(w, h) <= 2.0:  # a thin rect is a ruling line
                self.page.rules.append(Rule(h <= w, x0, top, x1, bottom))
                return
            if stroke:
                self.page.rules += [Rule(True, x0, top, x1, top), Rule(True, x0, bottom, x1, bottom),
                                    Rule(False, x0, top, x0, bottom), Rule(False, x1, top, x1, bottom)]
            if rgb is not None and not is_white(rgb):
                self.page.fills.append(Fill(x0, top, x1, bottom, rgb))
        elif rgb is not None and not is_white(rgb):
            self.page.shapes.append(Shape(x0, top, x1, bottom, rgb))


def _pdfminer_shape(sub: list[tuple[str, float, float, bool]]) -> tuple[str, list[tuple[float, float]]]:
    """PDFium's segments of one subpath as pdfminer's operator string and end points.

    PDFium stores a Bézier as three points and closes a subpath with a line back to its start
    flagged "close"; pdfminer keeps one "c" per curve and an "h", and drops a redundant "l" before it.
    """
    ops, pts = "", []
    i = 0
    while i < len(sub):
        op, x, y, close = sub[i]
        if op == "c":  # two control points, then the end point
            i = min(i + 2, len(sub) - 1)
            _, x, y, close = sub[i]
        ops += op
        pts.append((x, y))
        if close:
            if len(pts) > 1 and op == "l" and _same(pts[-1], pts[0]):
                ops, pts = ops[:-1], pts[:-1]
            ops += "h"
            pts.append(pts[0])
        i += 1
    if len(ops) > 3 and ops.endswith("lh") and _same(pts[-2], pts[0]):
        ops, pts = ops[:-2] + "h", pts[:-2] + pts[-1:]
    return ops, pts


def _same(p: tuple[float, float], q: tuple[float, float]) -> bool:
    return abs(p[0] - q[0]) < 1e-3 and abs(p[1] - q[1]) < 1e-3


def _square(pts: list[tuple[float, float]]) -> bool:
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = (tuple(round(v, 3) for v in p) for p in pts[:4])
    return (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or (y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0)


def _read_page(doc, index: int, flat: frozenset[str] = frozenset()) -> Page:
    handle = raw.FPDF_LoadPage(doc, index)
    if not handle:
        raise DocumentError(f"damaged PDF (page {index + 1} cannot be loaded)")
    text_page = raw.FPDFText_LoadPage(handle)
    try:
        reader = _Reader(handle, index + 1)
        page = reader.page
        page.words = words(chars(text_page, page.height, reader.ctm, flat)) if text_page else []
        reader.objects()
    finally:
        if text_page:
            raw.FPDFText_ClosePage(text_page)
        raw.FPDF_ClosePage(handle)
    page.lines = group_lines(page.words, index + 1)
    return page


def _open(path: str | Path, password: str):
    doc = raw.FPDF_LoadDocument(str(path).encode("utf-8"), password.encode("utf-8") if password else None)
    if doc:
        return doc
    code = raw.FPDF_GetLastError()
    if code == raw.FPDF_ERR_PASSWORD:
        raise DocumentError("encrypted: a password is needed")
    raise DocumentError(f"not a readable PDF (PDFium: {ERRORS.get(code, 'unknown error')})")


def _render(doc, index: int, dpi: int) -> Image.Image:
    """Page `index` as an RGB image at `dpi` on white, as pdfplumber's `to_image` renders it (no
    anti-aliasing), for OCR."""
    page = raw.FPDF_LoadPage(doc, index)
    width = math.ceil(raw.FPDF_GetPageWidthF(page) * dpi / 72)
    height = math.ceil(raw.FPDF_GetPageHeightF(page) * dpi / 72)
    bitmap = raw.FPDFBitmap_Create(width, height, 0)
    try:
        raw.FPDFBitmap_FillRect(bitmap, 0, 0, width, height, 0xFFFFFFFF)
        flags = (raw.FPDF_ANNOT | raw.FPDF_RENDER_NO_SMOOTHTEXT | raw.FPDF_RENDER_NO_SMOOTHIMAGE
                 | raw.FPDF_RENDER_NO_SMOOTHPATH)
        raw.FPDF_RenderPageBitmap(bitmap, page, 0, 0, width, height, 0, flags)
        stride = raw.FPDFBitmap_GetStride(bitmap)
        data = ctypes.string_at(raw.FPDFBitmap_GetBuffer(bitmap), stride * height)
        return Image.frombuffer("RGB", (width, height), data, "raw", "BGRX", stride, 1).copy()
    finally:
        raw.FPDFBitmap_Destroy(bitmap)
        raw.FPDF_ClosePage(page)


def read_pages(path: str | Path, password: str = "", deadline: float | None = None,
               ocr: bool = False) -> Iterator[Page]:
    """Yield each page of a PDF as a `Page`; see `pdf.read_pages`. Holds `LOCK` while in PDFium."""
    with LOCK:
        doc = _open(path, password)
    flat = flat_fonts(path, password)
    try:
        with LOCK:
            count = raw.FPDF_GetPageCount(doc)
        for i in range(count):
            if deadline is not None and time.monotonic() > deadline:
                raise TimedOut(f"timed out on page {i + 1}")
            with LOCK:
                page = _read_page(doc, i, flat)
                if ocr and not page.words:
                    from wsoa.extract import ocr as reader
                    image = _render(doc, i, reader.DPI)
                    page, page.ocr = reader.ocr_page(image, page.width, page.height, i + 1)
            yield page
    finally:
        with LOCK:
            raw.FPDF_CloseDocument(doc)
