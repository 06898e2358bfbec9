"""Open a PDF and turn each page into plain data: words, ruling lines, filled rects, text lines.

Each pdfplumber page is read once and released (`page.close()`), so memory stays bounded by one
page plus these compact records.
"""
from __future__ import annotations

import logging
import re
import time
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from statistics import median
from typing import Callable, Iterator

import pdfplumber

from wsoa.normalise.status import RGB, is_white, to_rgb

logging.getLogger("pdfminer").setLevel(logging.ERROR)  # damage is reported once, as the document's error


@dataclass(slots=True)
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    rgb: RGB | None

    @property
    def xc(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def yc(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass(slots=True)
class Rule:
    """A ruling line: horizontal when `horizontal`, spanning x0..x1 at y (or top..bottom at x)."""
    horizontal: bool
    x0: float
    top: float
    x1: float
    bottom: float


@dataclass(slots=True)
class Fill:
    x0: float
    top: float
    x1: float
    bottom: float
    rgb: RGB

    @property
    def area(self) -> float:
        return (self.x1 - self.x0) * (self.bottom - self.top)


@dataclass(slots=True)
class Line:
    """Words sharing a baseline band, left to right (may span several table columns)."""
    words: list[Word]
    page: int

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return self.words[-1].x1

    @property
    def size(self) -> float:
        return Counter(round(w.size, 1) for w in self.words).most_common(1)[0][0]

    @property
    def bold(self) -> bool:
        return all(w.bold for w in self.words if w.text.strip("•\uf0b7"))


@dataclass
class Page:
    number: int  # 1-based
    width: float
    height: float
    words: list[Word] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    fills: list[Fill] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)
    images: list[tuple[float, float, float, float]] = field(default_factory=list)  # x0, top, x1, bottom
    ocr: float | None = None  # mean OCR word confidence (0-100) when the page was read from its image

    def image_share(self) -> float:
        """How much of the page images cover (0..1), counting overlaps once per image."""
        area = sum(max(0.0, x1 - x0) * max(0.0, b - t) for x0, t, x1, b in self.images)
        return min(1.0, area / (self.width * self.height)) if self.width and self.height else 0.0

    @cached_property
    def hrules(self) -> list[Rule]:
        return [r for r in self.rules if r.horizontal]

    @cached_property
    def vrules(self) -> list[Rule]:
        return [r for r in self.rules if not r.horizontal]


class DocumentError(Exception):
    """A document that cannot be read; the message says why, in one line."""


class TimedOut(BaseException):
    """A document took longer than its time budget. A BaseException, so that no parser's
    `except Exception` swallows it on the way out."""


def _is_bold(fontname: str) -> bool:
    return bool(re.search(r"bold|black|heavy|semibold|demi", fontname, re.IGNORECASE))


def group_lines(words: list[Word], page: int) -> list[Line]:
    """Words into lines: a word joins the line whose vertical band it overlaps most."""
    lines: list[list[Word]] = []
    for w in sorted(words, key=lambda w: (round(w.top), w.x0)):
        if lines:
            last = lines[-1]
            top, bottom = min(x.top for x in last), max(x.bottom for x in last)
            overlap = min(bottom, w.bottom) - max(top, w.top)
            if overlap > 0.5 * min(bottom - top, w.bottom - w.top):
                last.append(w)
                continue
        lines.append([w])
    return [Line(sorted(ws, key=lambda w: w.x0), page) for ws in lines]


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
                               _is_bold(w["fontname"]), to_rgb(w.get("non_stroking_color"))))
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
               ocr: bool = False) -> Iterator[Page]:
    """Yield each page of a PDF as a `Page`, releasing pdfplumber's objects as it goes.

    `deadline` (a `time.monotonic()` value) is checked before each page: past it, TimedOut.
    With `ocr`, a page without a text layer is read from its image (see ocr.py).
    """
    if ocr:
        from wsoa.extract import ocr as reader
        if not reader.available():
            raise DocumentError("--ocr needs Tesseract (Debian: apt-get install tesseract-ocr)")
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
                    page, page.ocr = reader.ocr_page(p, i)
                yield page
            finally:
                p.close()


def remove_furniture(pages: list[Page], keep: Callable[[Line], bool] = lambda line: False) -> None:
    """Drop running headers and footers: lines near the top or bottom whose text recurs on many pages.

    Lines for which `keep` is true (a repeated table header) and lines crossed by a vertical
    rule (inside a table) stay.
    """
    if len(pages) < 3:
        return

    def key(line: Line) -> str:
        return re.sub(r"\d+", "#", line.text.lower()).strip()

    counts: Counter[str] = Counter()
    for page in pages:
        seen = {key(ln) for ln in page.lines if _in_margin(ln, page) and not _ruled(ln, page) and not keep(ln)}
        counts.update(seen)
    threshold = max(3, 0.3 * len(pages))
    repeated = {k for k, n in counts.items() if n >= threshold}
    for page in pages:
        drop = [ln for ln in page.lines if _in_margin(ln, page) and key(ln) in repeated and not _ruled(ln, page)]
        if not drop:
            continue
        dropped = {id(w) for ln in drop for w in ln.words}
        page.words = [w for w in page.words if id(w) not in dropped]
        page.lines = [ln for ln in page.lines if ln not in drop]


def _ruled(line: Line, page: Page) -> bool:
    mid = (line.top + line.bottom) / 2
    return any(r.top < mid < r.bottom and line.x0 - 2 <= r.x0 <= line.x1 + 2 for r in page.vrules)


def _in_margin(line: Line, page: Page) -> bool:
    return line.bottom < 0.1 * page.height or line.top > 0.9 * page.height


def body_size(pages: list[Page], skip: dict[int, list[tuple[float, float]]] | None = None) -> float:
    """The font size of most of the text outside the bands in `skip` (tables)."""
    skip = skip or {}
    sizes = Counter(round(w.size, 1) for p in pages for w in p.words
                    if not any(a <= w.yc <= b for a, b in skip.get(p.number, [])) for _ in range(len(w.text)))
    return sizes.most_common(1)[0][0] if sizes else 11.0


def space_width(words: list[Word]) -> float:
    """Typical gap between words on a line, for telling word spaces from column gaps."""
    gaps = [b.x0 - a.x1 for a, b in zip(words, words[1:]) if 0 < b.x0 - a.x1 < a.size]
    return median(gaps) if gaps else 3.0
