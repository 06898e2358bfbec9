"""The page model every reader produces: words, text lines, ruling lines, fills, shapes, images.

The PDF readers (`pdfium.py`, the default, and `pdf.py`, pdfminer via pdfplumber), OCR (`ocr.py`)
and the Word/web-page layout (`flow.py`) all return `Page`s; everything after extraction reads
only these. Coordinates are PDF points from the page's top-left corner (as pdfplumber gives them).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from statistics import median
from typing import Callable

from wsoa.normalise.status import RGB

CLOSE = 0.6  # lines closer than this many font sizes are one block (a cell's lines, a wrapped label)


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
    """Words sharing a baseline band, left to right (may span several table columns). Its box, text
    and size are computed once, when it is made (a line's words are never changed after)."""
    words: list[Word]
    page: int
    text: str = field(init=False)
    top: float = field(init=False)
    bottom: float = field(init=False)
    size: float = field(init=False)

    def __post_init__(self) -> None:
        ws = self.words
        self.text = " ".join(w.text for w in ws)
        self.top = min((w.top for w in ws), default=0.0)
        self.bottom = max((w.bottom for w in ws), default=0.0)
        sizes = [round(w.size, 1) for w in ws] or [0.0]
        self.size = sizes[0] if min(sizes) == max(sizes) else Counter(sizes).most_common(1)[0][0]

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return self.words[-1].x1

    @property
    def bold(self) -> bool:
        return all(w.bold for w in self.words if w.text.strip("•\uf0b7"))


@dataclass(slots=True)
class Shape:
    """A filled shape drawn with curves (a circle, a rounded rect): its box and fill colour."""
    x0: float
    top: float
    x1: float
    bottom: float
    rgb: RGB


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
    shapes: list[Shape] = field(default_factory=list)
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

    @cached_property
    def struck(self) -> frozenset[int]:
        """The horizontal rules (by id) drawn through the middle of words (a struck date), not borders."""
        return frozenset(id(r) for r in self.hrules if _through_words(self.words, r))


def _through_words(words: list[Word], rule: Rule) -> bool:
    y = (rule.top + rule.bottom) / 2
    over = [w for w in words if w.top + 0.25 * (w.bottom - w.top) < y < w.bottom - 0.2 * (w.bottom - w.top)
            and w.x0 < rule.x1 and rule.x0 < w.x1]
    return bool(over) and sum(min(w.x1, rule.x1) - max(w.x0, rule.x0) for w in over) >= 0.5 * (rule.x1 - rule.x0)


class DocumentError(Exception):
    """A document that cannot be read; the message says why, in one line."""


class TimedOut(BaseException):
    """A document took longer than its time budget. A BaseException, so that no parser's
    `except Exception` swallows it on the way out."""


def is_bold(fontname: str) -> bool:
    """Bold from the font's name (PDF readers report the weight unreliably)."""
    return bool(re.search(r"bold|black|heavy|semibold|demi", fontname, re.IGNORECASE))


def group_lines(words: list[Word], page: int) -> list[Line]:
    """Words into lines: a word joins the line whose vertical band it overlaps most."""
    lines: list[list[Word]] = []
    top = bottom = 0.0  # the band of the last line
    for w in sorted(words, key=lambda w: (round(w.top), w.x0)):
        if lines:
            overlap = min(bottom, w.bottom) - max(top, w.top)
            if overlap > 0.5 * min(bottom - top, w.bottom - w.top):
                lines[-1].append(w)
                top, bottom = min(top, w.top), max(bottom, w.bottom)
                continue
        lines.append([w])
        top, bottom = w.top, w.bottom
    return [Line(sorted(ws, key=lambda w: w.x0), page) for ws in lines]


def remove_furniture(pages: list[Page], keep: Callable[[Line], bool] = lambda line: False,
                     wrapped: Callable[[Line], bool] = lambda line: False) -> None:
    """Drop running headers and footers: lines near the top or bottom whose text recurs on many pages
    (on both pages of a two-page document), and the same words at the same places where they share
    a line with a table's row.

    Lines for which `keep` is true (a repeated table header), or `wrapped` is where the page's next line
    is set close under them (labels that wrap), the lines set close under those at a page's top, and
    lines crossed by a vertical rule (inside a table) stay, unless their furniture words sit exactly
    where they do elsewhere.
    """
    if len(pages) < 2:
        return
    margins = [_margin(page) for page in pages]
    held = [_held(page, margin, keep, wrapped) for page, margin in zip(pages, margins)]
    templates = _templates(pages, margins, held)
    counts: Counter[str] = Counter()
    for page, margin, kept in zip(pages, margins, held):
        counts.update({k for k, t in templates.items() if any(_furniture(ln, page, k, t, kept) for ln in margin)})
    threshold = max(min(3, len(pages)), 0.3 * len(pages))
    repeated = {k: t for k, t in templates.items() if counts[k] >= threshold}
    for page, margin, kept in zip(pages, margins, held):
        dropped = {id(w) for ln in margin for k, t in repeated.items() for w in _furniture(ln, page, k, t, kept)}
        if dropped:
            page.words = [w for w in page.words if id(w) not in dropped]
            page.lines = [Line([w for w in ln.words if id(w) not in dropped], ln.page) for ln in page.lines
                          if any(id(w) not in dropped for w in ln.words)]


def _held(page: Page, margin: list[Line], keep: Callable[[Line], bool], wrapped: Callable[[Line], bool]) -> set[int]:
    """The margin lines that `keep` holds, or `wrapped` where the page's next line is set close under
    them, with, in the page's top half, the lines set close under a held one, by id."""
    order = sorted(page.lines, key=lambda ln: ln.top)
    after = {id(a): b for a, b in zip(order, order[1:])}
    held: set[int] = set()
    for ln in margin:
        below = after.get(id(ln))
        close = below is not None and _close(ln, below)
        if keep(ln) or close and wrapped(ln):
            held.add(id(ln))
        if id(ln) in held and close and below.bottom < page.height / 2:
            held.add(id(below))
    return held


def _close(line: Line, below: Line) -> bool:
    """`below` is set as close under the line as a cell's lines are."""
    return 0 <= below.top - line.bottom < CLOSE * below.size


def _furniture(line: Line, page: Page, key: str, template: list[Word], held: set[int]) -> list[Word]:
    """The words of a margin line that are the running header or footer `key`: the whole line, or,
    where it shares the line with a table's row or header, its words at their usual places."""
    if _furniture_key(line, _in_band(line, page)) == key:
        return line.words if _standing(line, page, held) else []
    return _placed(line.words, template, "#" in key) if len(line.words) > len(template) else []


def _furniture_key(line: Line | list[Word], loose: bool = True) -> str:
    """A margin line's text for matching across pages; `loose` (in the page's outer tenth, where page
    numbers sit) counts every number the same."""
    text = (line.text if isinstance(line, Line) else " ".join(w.text for w in line)).lower().strip()
    return re.sub(r"\d+", "#", text) if loose else text


def _templates(pages: list[Page], margins: list[list[Line]], held: list[set[int]]) -> dict[str, list[Word]]:
    """The first instance of each margin line standing alone (outside a table), by its text."""
    found: dict[str, list[Word]] = {}
    for page, margin, kept in zip(pages, margins, held):
        for ln in margin:
            if _standing(ln, page, kept):
                found.setdefault(_furniture_key(ln, _in_band(ln, page)), ln.words)
    return found


def _placed(words: list[Word], template: list[Word], loose: bool, tol: float = 1.5) -> list[Word]:
    """The words of a line that repeat the template word for word at the same places, or none."""
    out = []
    for t in template:
        hit = next((w for w in words if abs(w.x0 - t.x0) <= tol and abs(w.top - t.top) <= tol
                    and _furniture_key([w], loose) == _furniture_key([t], loose)), None)
        if hit is None:
            return []
        out.append(hit)
    return out


def _ruled(line: Line, page: Page) -> bool:
    mid = (line.top + line.bottom) / 2
    return any(r.top < mid < r.bottom and line.x0 - 2 <= r.x0 <= line.x1 + 2 for r in page.vrules)


def _margin(page: Page) -> list[Line]:
    """The lines where running headers and footers sit: in the top or bottom tenth of the page, and
    the next line inward within its top or bottom fifth (a document printed with its own running
    header inside the browser's)."""
    order = sorted(page.lines, key=lambda ln: ln.top)
    band = {id(ln) for ln in order if _in_band(ln, page)}
    top = [ln for ln in order if id(ln) not in band and ln.bottom < 0.2 * page.height][:1]
    bottom = [ln for ln in order if id(ln) not in band and ln.top > 0.8 * page.height][-1:]
    inward = {id(ln) for ln in top + bottom}
    return [ln for ln in order if id(ln) in band or id(ln) in inward]


def _in_band(line: Line, page: Page) -> bool:
    return line.bottom < 0.1 * page.height or line.top > 0.9 * page.height


def _standing(line: Line, page: Page, held: set[int]) -> bool:
    """A margin line that may be furniture as a whole: not held (see _held), not inside a ruled table,
    and, inward of the page's outer tenth, not on a fill (a table's header band)."""
    return id(line) not in held and not _ruled(line, page) and (_in_band(line, page) or not _filled(line, page))


def _filled(line: Line, page: Page) -> bool:
    return any(f.x0 <= w.xc <= f.x1 and f.top <= w.yc <= f.bottom for f in page.fills for w in line.words)


def body_size(pages: list[Page], skip: dict[int, list[tuple[float, float]]] | None = None) -> float:
    """The font size of most of the text outside the bands in `skip` (tables)."""
    skip = skip or {}
    sizes: Counter[float] = Counter()
    for p in pages:
        bands = skip.get(p.number, [])
        for w in p.words:
            if not any(a <= w.yc <= b for a, b in bands):
                sizes[round(w.size, 1)] += len(w.text)
    return sizes.most_common(1)[0][0] if sizes else 11.0


def space_width(words: list[Word]) -> float:
    """Typical gap between words on a line, for telling word spaces from column gaps."""
    gaps = [b.x0 - a.x1 for a, b in zip(words, words[1:]) if 0 < b.x0 - a.x1 < a.size]
    return median(gaps) if gaps else 3.0
