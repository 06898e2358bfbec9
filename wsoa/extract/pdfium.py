"""The default PDF page reader: PDFium (pypdfium2's raw API) into the page model, as pdfminer reads it.

It gives the same words, ruling lines, fills, shapes and images as the pdfminer reader (pdf.py):
- characters: text, box from the origin, advance and font descent (pdfminer's box: descent to
  descent + size), size = font size x the character matrix's vertical scale, bold from the font
  name, colour from the text object; line-end hyphens (U+0002, U+FFFE) become "-"; words are
  grouped by pdfplumber's own `extract_words` with the pdfminer reader's settings;
- paths: every page object walked, form XObjects entered (matrices composed); each path's segments
  split into subpaths at each move and classified as pdfminer does (line, axis-aligned rect,
  curve), with the segment points, never `GetBounds` (which adds the stroke width);
- coordinates: /Rotate and the MediaBox offset applied as pdfminer's page matrix does.

PDFium is not thread-safe: every call into it holds `LOCK`, so one process reads one document at a
time. Dask workers with threads must not share it (run process workers, one thread each).
"""
from __future__ import annotations

import ctypes
import re
import threading
import time
from itertools import groupby
from pathlib import Path
from typing import Iterator

import pypdfium2 as pdfium  # noqa: F401 - importing the package initialises the library
import pypdfium2.raw as raw
from pdfminer.fontmetrics import FONT_METRICS
from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import resolve1
from pdfminer.psparser import LIT
from pdfplumber.utils import extract_words

from wsoa.extract.page import DocumentError, Fill, Page, Rule, Shape, TimedOut, Word, group_lines, is_bold
from wsoa.normalise.status import RGB, is_white

LOCK = threading.RLock()
LITERAL_TYPE0 = LIT("Type0")
HYPHENS = {0x02: "-", 0xFFFE: "-"}
LIGATURES = {"ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl", "ﬁ": "fi", "ﬂ": "fl", "ﬆ": "st", "ﬅ": "st"}  # as pdfplumber
Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
ERRORS = {raw.FPDF_ERR_FILE: "cannot open the file", raw.FPDF_ERR_FORMAT: "damaged or not a PDF",
          raw.FPDF_ERR_SECURITY: "unsupported security handler", raw.FPDF_ERR_PAGE: "page not found"}


def _mul(m: Matrix, n: Matrix) -> Matrix:
    """m then n (PDF's row-vector convention, as pdfminer's `mult_matrix(m, n)`)."""
    a, b, c, d, e, f = m
    a1, b1, c1, d1, e1, f1 = n
    return (a * a1 + b * c1, a * b1 + b * d1, c * a1 + d * c1, c * b1 + d * d1,
            e * a1 + f * c1 + e1, e * b1 + f * d1 + f1)


def _page_matrix(page) -> tuple[Matrix, float, float]:
    """PDF user space to pdfplumber's page space (y up; top = height - y), and the page's width and
    height: pdfminer's page matrix (MediaBox offset removed, /Rotate applied), then pdfplumber's
    shift back by the MediaBox's normalised origin."""
    box = [ctypes.c_float() for _ in range(4)]
    if raw.FPDFPage_GetMediaBox(page, *box):
        x0, y0, x1, y1 = (v.value for v in box)
        x0, x1, y0, y1 = min(x0, x1), max(x0, x1), min(y0, y1), max(y0, y1)
    else:
        x0, y0, x1, y1 = 0.0, 0.0, 612.0, 792.0
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


def _colour(obj, getter=raw.FPDFPageObj_GetFillColor) -> RGB | None:
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    if not getter(obj, r, g, b, a):
        return None
    return (r.value / 255, g.value / 255, b.value / 255)


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
                self.path(obj, _mul(_matrix(obj), parent))
            elif kind == raw.FPDF_PAGEOBJ_IMAGE:
                m = _mul(_matrix(obj), parent)
                pts = [self.point(x, y, m) for x, y in ((0, 0), (1, 0), (0, 1), (1, 1))]
                xs, ys = [p[0] for p in pts], [p[1] for p in pts]
                self.page.images.append((min(xs), min(ys), max(xs), max(ys)))
            elif kind == raw.FPDF_PAGEOBJ_FORM:
                self.objects(obj, _mul(_matrix(obj), parent))

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
        rgb = _colour(obj) if fill else None
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


# the text object under a character, as a plain address (a dict key) rather than a ctypes pointer
_text_object = ctypes.CFUNCTYPE(ctypes.c_void_p, *raw.FPDFText_GetTextObject.argtypes)(
    ctypes.cast(raw.FPDFText_GetTextObject, ctypes.c_void_p).value)
_OBJECT = raw.FPDFText_GetTextObject.restype


class _Font:
    """What a text object gives each of its characters: name, size, boldness, colour, and its
    character matrix through the page matrix, so that a character's box is a few multiplications."""
    __slots__ = ("name", "size", "bold", "rgb", "ctm", "ka", "kb", "lo", "hi", "upright", "simple", "key")

    def __init__(self, text_page, index: int, address: int, ctm: Matrix, flat: frozenset[str]) -> None:
        obj = ctypes.cast(address, _OBJECT)
        font = raw.FPDFTextObj_GetFont(obj)
        buf = ctypes.create_string_buffer(256)
        raw.FPDFFont_GetBaseFontName(font, buf, 256)
        self.name = buf.value.decode("latin-1")
        self.bold, self.rgb, self.ctm = is_bold(self.name), _colour(obj), ctm
        size, descent = ctypes.c_float(), ctypes.c_float()
        raw.FPDFTextObj_GetFontSize(obj, size)
        low = descent.value if raw.FPDFFont_GetDescent(font, ctypes.c_float(1.0), descent) else 0.0
        standard = FONT_METRICS.get(self.name) if not raw.FPDFFont_GetIsEmbedded(font) else None
        if standard is not None:  # a standard-14 font: pdfminer's (Adobe's) metrics, not PDFium's substitute's
            low = standard[0].get("Descent", 0) / 1000
        elif self.name in flat:  # descriptor says Ascent 0, Descent 0: PDFium measures 'g', pdfminer takes 0
            low = 0.0
        m = raw.FS_MATRIX()
        raw.FPDFText_GetMatrix(text_page, index, m)
        ma, mb, mc, md, _, _ = _mul((m.a, m.b, m.c, m.d, 0.0, 0.0), (*ctm[:4], 0.0, 0.0))
        # pdfminer's box: advance x (descent .. descent + 1) x font size, through the matrix
        self.ka, self.kb = (ma / m.a, mb / m.a) if abs(m.a) > 1e-9 else (0.0, 0.0)
        lo, hi = low * size.value, (low + 1) * size.value
        self.lo, self.hi = (lo * mc, lo * md), (hi * mc, hi * md)
        self.upright = ma * md > 0 and mb * mc <= 0
        self.simple = self.upright and mb == 0 and mc == 0
        self.size = abs(hi - lo) * abs(md)
        self.key = (self.name, self.size, self.rgb, self.bold)


Glyph = tuple[str, float, float, float, float, _Font]  # text, x0, x1, top, bottom, font


def _chars(text_page, height: float, ctm: Matrix, flat: frozenset[str]) -> list[Glyph]:
    """The page's characters (no spaces) with pdfminer's boxes in pdfplumber's page space."""
    n = raw.FPDFText_CountChars(text_page)
    if n <= 0:
        return []
    fonts: dict[int, _Font] = {}
    box = raw.FS_RECTF()
    ox, oy = ctypes.c_double(), ctypes.c_double()
    ca, cb, cc, cd, ce, cf = ctm
    out = []
    for i, code in enumerate(_codes(text_page, n)):
        text = HYPHENS.get(code) or chr(code)
        if code == 0 or text.isspace():
            continue
        address = _text_object(text_page, i) or 0
        font = fonts.get(address)
        if font is None:
            font = fonts[address] = _Font(text_page, i, address, ctm, flat)
        raw.FPDFText_GetLooseCharBox(text_page, i, box)
        raw.FPDFText_GetCharOrigin(text_page, i, ox, oy)
        x, y, w = ox.value, oy.value, box.right - box.left
        gx, gy = x * ca + y * cc + ce, x * cb + y * cd + cf
        x0, y0 = gx + font.lo[0], gy + font.lo[1]
        x1, y1 = gx + w * font.ka + font.hi[0], gy + w * font.kb + font.hi[1]
        if x1 < x0:
            x0, x1 = x1, x0
        if y1 < y0:
            y0, y1 = y1, y0
        out.append((text, x0, x1, height - y1, height - y0, font))
    return out


def _codes(text_page, n: int) -> list[int]:
    """Each character's code point, read in one call (one UTF-16 unit per character) when possible."""
    buf = (ctypes.c_ushort * (n + 1))()
    got = raw.FPDFText_GetText(text_page, 0, n, buf)
    units = list(buf[:n])
    if got == n + 1 and not any(0xD800 <= u <= 0xDFFF for u in units):
        return units
    return [raw.FPDFText_GetUnicode(text_page, i) for i in range(n)]


def _words(glyphs: list[Glyph]) -> list[Word]:
    """Characters into words exactly as pdfplumber's `extract_words(x_tolerance=1.5)` groups them
    (runs of one font, size and colour; lines clustered by top within 3 pt; a new word at a gap
    over 1.5 pt or a step back), in one pass; rotated text goes through pdfplumber itself."""
    if not all(g[5].simple for g in glyphs):
        return _plumber_words(glyphs)
    words = []
    for _, run in groupby(glyphs, key=lambda g: g[5].key):
        run = list(run)
        line_of, line, last = {}, 0, None
        for top in sorted({g[3] for g in run}):
            if last is not None and top > last + 3:
                line += 1
            line_of[top], last = line, top
        for _, members in groupby(sorted(run, key=lambda g: line_of[g[3]]), key=lambda g: line_of[g[3]]):
            members = sorted(members, key=lambda g: g[1])
            start = 0
            for k in range(1, len(members) + 1):
                if k < len(members):
                    p, c = members[k - 1], members[k]
                    if c[1] >= p[1] and c[1] <= p[2] + 1.5 and abs(c[3] - p[3]) <= 3:
                        continue
                words.append(_word(members[start:k]))
                start = k
    return [w for w in words if w.text]


def _word(glyphs: list[Glyph]) -> Word:
    font = glyphs[0][5]
    text = "".join(LIGATURES.get(g[0], g[0]) for g in glyphs).strip()
    return Word(text, min(g[1] for g in glyphs), max(g[2] for g in glyphs), min(g[3] for g in glyphs),
                max(g[4] for g in glyphs), font.size, font.bold, font.rgb)


def _plumber_words(glyphs: list[Glyph]) -> list[Word]:
    chars = [{"text": t, "x0": x0, "x1": x1, "top": top, "doctop": top, "bottom": bottom, "upright": f.upright,
              "size": bottom - top, "font": f, "key": f.key}
             for t, x0, x1, top, bottom, f in glyphs]
    out = []
    for w in extract_words(chars, extra_attrs=["key", "font", "size"], x_tolerance=1.5, keep_blank_chars=False):
        text, font = w["text"].strip(), w["font"]
        if text:
            out.append(Word(text, w["x0"], w["x1"], w["top"], w["bottom"], w["size"], font.bold, font.rgb))
    return out


def _read_page(doc, index: int, flat: frozenset[str] = frozenset()) -> Page:
    handle = raw.FPDF_LoadPage(doc, index)
    if not handle:
        raise DocumentError(f"damaged PDF (page {index + 1} cannot be loaded)")
    text_page = raw.FPDFText_LoadPage(handle)
    try:
        reader = _Reader(handle, index + 1)
        page = reader.page
        page.words = _words(_chars(text_page, page.height, reader.ctm, flat)) if text_page else []
        reader.objects()
    finally:
        if text_page:
            raw.FPDFText_ClosePage(text_page)
        raw.FPDF_ClosePage(handle)
    page.lines = group_lines(page.words, index + 1)
    return page


def flat_fonts(path: str | Path, password: str = "") -> frozenset[str]:
    """Names (subset tag dropped, as PDFium gives them) of the page fonts whose descriptor says
    Ascent 0 and Descent 0 and of no other font of that name. PDFium has no call for a font's
    dictionary, so pdfminer's parser reads just the page tree and the font dictionaries."""
    flat: set[str] = set()
    other: set[str] = set()
    try:
        with open(path, "rb") as f:
            doc = PDFDocument(PDFParser(f), password)
            for page in PDFPage.create_pages(doc):
                for spec in (resolve1((page.resources or {}).get("Font")) or {}).values():
                    name, zero = _descriptor(resolve1(spec))
                    (flat if zero else other).add(name)
    except Exception:  # noqa: BLE001 - PDFium reads what pdfminer cannot; keep its metrics then
        return frozenset()
    return frozenset(flat - other)


def _descriptor(spec: dict) -> tuple[str, bool]:
    """A font's base name without its subset tag, and whether its descriptor's Ascent and Descent are 0."""
    base = resolve1(spec.get("BaseFont"))
    name = getattr(base, "name", base)
    name = name.decode("latin-1") if isinstance(name, bytes) else str(name or "")
    if resolve1(spec.get("Subtype")) is LITERAL_TYPE0:
        spec = resolve1((resolve1(spec.get("DescendantFonts")) or [{}])[0]) or {}
    desc = resolve1(spec.get("FontDescriptor"))
    zero = isinstance(desc, dict) and not resolve1(desc.get("Ascent", 0)) and not resolve1(desc.get("Descent", 0))
    return re.sub(r"^[A-Z]{6}\+", "", name), zero


def _open(path: str | Path, password: str):
    doc = raw.FPDF_LoadDocument(str(path).encode("utf-8"), password.encode("utf-8") if password else None)
    if doc:
        return doc
    code = raw.FPDF_GetLastError()
    if code == raw.FPDF_ERR_PASSWORD:
        raise DocumentError("encrypted: a password is needed")
    raise DocumentError(f"not a readable PDF (PDFium: {ERRORS.get(code, 'unknown error')})")


def _render(doc, index: int, dpi: int):
    """Page `index` as a PIL image at `dpi` (for OCR)."""
    page = pdfium.PdfPage(raw.FPDF_LoadPage(doc, index), pdf=None)
    try:
        return page.render(scale=dpi / 72).to_pil()
    finally:
        page.close()


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
