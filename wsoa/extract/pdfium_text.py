"""Characters and words of a PDFium text page, exactly as the pdfminer reader (pdfplumber) gives them.

A character's box is pdfminer's: from its origin, advance x (descent .. descent + 1) x font size,
through the character matrix and the page matrix; size = font size x the matrix's vertical scale;
bold from the font name (PDFium reports weight 400 for bold fonts); colour from the text object;
line-end hyphens (PDFium's U+0002, U+FFFE) become "-". Descents: a standard-14 font takes Adobe's
metrics (as pdfminer), a font whose descriptor says Ascent 0 and Descent 0 takes 0 (PDFium would
measure its glyph 'g'). Words are grouped as pdfplumber's `extract_words(x_tolerance=1.5)` does.
"""
from __future__ import annotations

import ctypes
import re
from itertools import groupby
from pathlib import Path

import pypdfium2.raw as raw
from pdfminer.fontmetrics import FONT_METRICS
from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import resolve1
from pdfminer.psparser import LIT
from pdfplumber.utils import extract_words

from wsoa.extract.page import Word, is_bold

HYPHENS = {0x02: "-", 0xFFFE: "-"}
LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb01": "fi", "\ufb02": "fl",
                           "\ufb06": "st", "\ufb05": "st"})  # pdfplumber's expansions
LITERAL_TYPE0 = LIT("Type0")
Matrix = tuple[float, float, float, float, float, float]


def mul(m: Matrix, n: Matrix) -> Matrix:
    """m then n (PDF's row-vector convention, as pdfminer's `mult_matrix(m, n)`)."""
    a, b, c, d, e, f = m
    a1, b1, c1, d1, e1, f1 = n
    return (a * a1 + b * c1, a * b1 + b * d1, c * a1 + d * c1, c * b1 + d * d1,
            e * a1 + f * c1 + e1, e * b1 + f * d1 + f1)


def fill_colour(obj) -> tuple[float, float, float] | None:
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    if not raw.FPDFPageObj_GetFillColor(obj, r, g, b, a):
        return None
    return (r.value / 255, g.value / 255, b.value / 255)


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
        self.bold, self.rgb, self.ctm = is_bold(self.name), fill_colour(obj), ctm
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
        ma, mb, mc, md, _, _ = mul((m.a, m.b, m.c, m.d, 0.0, 0.0), (*ctm[:4], 0.0, 0.0))
        # pdfminer's box: advance x (descent .. descent + 1) x font size, through the matrix
        self.ka, self.kb = (ma / m.a, mb / m.a) if abs(m.a) > 1e-9 else (0.0, 0.0)
        lo, hi = low * size.value, (low + 1) * size.value
        self.lo, self.hi = (lo * mc, lo * md), (hi * mc, hi * md)
        self.upright = ma * md > 0 and mb * mc <= 0
        self.simple = self.upright and mb == 0 and mc == 0
        self.size = abs(hi - lo) * abs(md)
        self.key = (self.name, self.size, self.rgb, self.bold)


Glyph = tuple[str, float, float, float, float, _Font, int]  # text, x0, x1, top, bottom, font, spaces before it


def chars(text_page, height: float, ctm: Matrix, flat: frozenset[str]) -> list[Glyph]:
    """The page's characters (no spaces) with pdfminer's boxes in pdfplumber's page space."""
    n = raw.FPDFText_CountChars(text_page)
    if n <= 0:
        return []
    fonts: dict[int, _Font] = {}
    box = raw.FS_RECTF()
    ox, oy = ctypes.c_double(), ctypes.c_double()
    ca, cb, cc, cd, ce, cf = ctm
    loose, origin, text_object = raw.FPDFText_GetLooseCharBox, raw.FPDFText_GetCharOrigin, _text_object
    generated = raw.FPDFText_IsGenerated
    out, origins, spaced, space, real = [], [], [], False, 0
    for i, code in enumerate(_codes(text_page, n)):
        text = HYPHENS[code] if code in HYPHENS else chr(code)
        if code == 0 or text.isspace():
            space = True
            real += code != 0 and generated(text_page, i) != 1   # a space in the text, not one PDFium made
            continue
        address = text_object(text_page, i) or 0
        font = fonts.get(address)
        if font is None:
            font = fonts[address] = _Font(text_page, i, address, ctm, flat)
        loose(text_page, i, box)
        origin(text_page, i, ox, oy)
        x, y, w = ox.value, oy.value, box.right - box.left
        gx, gy = x * ca + y * cc + ce, x * cb + y * cd + cf
        x0, y0 = gx + font.lo[0], gy + font.lo[1]
        x1, y1 = gx + w * font.ka + font.hi[0], gy + w * font.kb + font.hi[1]
        if x1 < x0:
            x0, x1 = x1, x0
        if y1 < y0:
            y0, y1 = y1, y0
        out.append((text, x0, x1, height - y1, height - y0, font, real))
        origins.append((x, y))
        spaced.append(space)
        space = False
    return ligatures(out, origins, spaced)


def ligatures(glyphs: list[Glyph], origins: list[tuple[float, float]], spaced: list[bool]) -> list[Glyph]:
    """Characters drawn by one glyph (a ligature mapped to "fi" or "ti": PDFium gives each the glyph's origin and
    a share of its width) as one character spanning the glyph's advance, as pdfminer gives it: up to the next
    character's origin on the line when no space comes between them. `spaced[i]`: a space precedes glyph i."""
    out: list[Glyph] = []
    shared = False  # the last glyph in `out` stands for several characters
    for k, g in enumerate(glyphs):
        if out and origins[k] == origins[k - 1] and g[5] is out[-1][5] and not spaced[k]:
            p = out[-1]
            out[-1], shared = (p[0] + g[0], p[1], max(p[2], g[2]), p[3], p[4], p[5], p[6]), True
            continue
        if shared and not spaced[k]:
            p = out[-1]
            if abs(g[3] - p[3]) < 1 and p[2] <= g[1] <= p[2] + p[5].size:
                out[-1] = (p[0], p[1], g[1], p[3], p[4], p[5], p[6])
        shared = False
        out.append(g)
    return out


def _codes(text_page, n: int) -> list[int]:
    """Each character's code point, read in one call (one UTF-16 unit per character) when possible."""
    buf = (ctypes.c_ushort * (n + 1))()
    got = raw.FPDFText_GetText(text_page, 0, n, buf)
    units = list(buf[:n])
    if got == n + 1 and not any(0xD800 <= u <= 0xDFFF for u in units):
        return units
    return [raw.FPDFText_GetUnicode(text_page, i) for i in range(n)]


def words(glyphs: list[Glyph]) -> list[Word]:
    """Characters into words exactly as pdfplumber's `extract_words(x_tolerance=1.5)` groups them
    (runs of one font, size and colour; lines clustered by top within 3 pt; a new word at a gap
    over 1.5 pt, a step back or a space in the text), in one pass; rotated text goes through pdfplumber itself."""
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
                    if c[1] >= p[1] and c[1] <= p[2] + 1.5 and abs(c[3] - p[3]) <= 3 and c[6] == p[6]:
                        continue
                words.append(_word(members[start:k]))
                start = k
    return [w for w in words if w.text]


def _word(glyphs: list[Glyph]) -> Word:
    """One word of glyphs sorted by x0."""
    font = glyphs[0][5]
    text = "".join([g[0] for g in glyphs]).translate(LIGATURES).strip()
    if len(glyphs) == 1:
        _, x0, x1, top, bottom, _, _ = glyphs[0]
        return Word(text, x0, x1, top, bottom, font.size, font.bold, font.rgb)
    return Word(text, glyphs[0][1], max([g[2] for g in glyphs]), min([g[3] for g in glyphs]),
                max([g[4] for g in glyphs]), font.size, font.bold, font.rgb)


def _plumber_words(glyphs: list[Glyph]) -> list[Word]:
    chars = [{"text": t, "x0": x0, "x1": x1, "top": top, "doctop": top, "bottom": bottom, "upright": f.upright,
              "size": bottom - top, "font": f, "key": f.key}
             for t, x0, x1, top, bottom, f, _ in glyphs]
    out = []
    for w in extract_words(chars, extra_attrs=["key", "font", "size"], x_tolerance=1.5, keep_blank_chars=False):
        text, font = w["text"].strip(), w["font"]
        if text:
            out.append(Word(text, w["x0"], w["x1"], w["top"], w["bottom"], w["size"], font.bold, font.rgb))
    return out



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
