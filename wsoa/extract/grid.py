"""Grids: columns and row boundaries of a table region, and the cells they make.

A column's cells are cut by the horizontal rules that cross that column, so a cell merged down
several rows stays one cell; the union of all cuts gives the atomic rows. Without horizontal
rules, rows start where the anchor column (ref, else the first) starts a new entry.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from wsoa.extract.page import Fill, Line, Page, Rule, Word, group_lines, space_width
from wsoa.normalise.status import RGB, is_colour_mark, is_mark
from wsoa.normalise.text import is_bullet, join_lines

TOL = 2.0
WIDER = 3.0  # times its column's width a fill in part of a cell may span, over the column's edges
ACROSS = 0.9  # share of a table's width a banner's fill covers
ACROSS_RULE = 0.6  # share of a table's width rules cover to part its rows (a sub-header's rule covers less)
BOLD_SHARE = 0.5  # share of a table's words in bold above which a bold line says nothing
REF_LIKE = re.compile(r"^(?:[A-Z]{0,3}\d{0,2}[.\-]?)?\d{1,3}(?:\.\d{1,3})*[a-z]?\.?$|^[A-Z]{1,3}\d{1,2}(?:\.\d+)*[a-z]?$")


@dataclass
class Column:
    x0: float
    x1: float
    header: str = ""
    role: str | None = None
    score: float = 0.0
    group: str = ""   # the label of a header cell spanning this column and its neighbours
    narrow: bool = False  # its label is set one piece of a word per line (a column too narrow for its words)


@dataclass
class Cell:
    col: int
    top: float
    bottom: float
    words: list[Word] = field(default_factory=list)
    rgb: RGB | None = None
    page: int = 0
    parts: list[tuple[float, RGB]] = field(default_factory=list)  # (y, colour) of each mark or fill in part of it
    _memo: tuple = field(default=(), repr=False, compare=False)   # (words seen, lines, text)

    def _read(self) -> tuple:
        """The cell's lines and text, worked out again only when its words have changed."""
        key = (len(self.words), id(self.words[-1]) if self.words else None)
        if not self._memo or self._memo[0] != key:
            lines = group_lines(self.words, self.page)
            text = join_lines([" ".join(w.text for w in _drop_leading_bullet(ln.words)) for ln in lines])
            self._memo = (key, lines, text)
        return self._memo

    @property
    def lines(self) -> list[Line]:
        return self._read()[1]

    @property
    def text(self) -> str:
        return self._read()[2]


def _drop_leading_bullet(words: list[Word]) -> list[Word]:
    return words[1:] if words and is_bullet(words[0].text) else words


@dataclass
class Row:
    """One atomic row of a table segment: for each column, the cell covering it."""
    page: int
    top: float
    bottom: float
    cells: dict[int, Cell]
    starts: set[int]          # columns whose cell begins in this row
    spanning: bool = False    # one cell across the whole table (a group row)
    x0: float = 0.0
    x1: float = 0.0

    def text(self, col: int) -> str:
        cell = self.cells.get(col)
        return cell.text if cell else ""


def anchor_of(cols: list[Column]) -> int:
    """The column whose new entries start rows: ref, else action, else milestones, else the first."""
    roles = [c.role for c in cols]
    for role in ("ref", "action", "milestones"):
        if role in roles:
            return roles.index(role)
    return 0


def merge_positions(values: list[float], tol: float = TOL) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if out and v - out[-1] <= tol:
            continue
        out.append(v)
    return out


def covers(rule: Rule, a: float, b: float, share: float = 0.6) -> bool:
    """True when a horizontal rule covers `share` of the span a..b (or a vertical one of top..bottom)."""
    lo, hi = (rule.x0, rule.x1) if rule.horizontal else (rule.top, rule.bottom)
    return min(hi, b) - max(lo, a) >= share * (b - a)


def rule_cover(page: Page, y0: float, y1: float, x0: float, x1: float) -> float:
    """The share of x0..x1 that horizontal rules between y0 and y1 cover (drawn whole or cell by cell)."""
    spans = sorted((max(r.x0, x0), min(r.x1, x1)) for r in page.hrules if y0 <= r.top <= y1 and r.x1 > x0 and r.x0 < x1)
    covered, end = 0.0, x0
    for a, b in spans:
        covered += max(0.0, b - max(a, end))
        end = max(end, b)
    return covered / (x1 - x0) if x1 > x0 else 0.0


def vertical_cuts(page: Page, top: float, bottom: float, x0: float, x1: float) -> list[float]:
    """x positions of vertical rules crossing the band top..bottom between x0 and x1."""
    xs = [r.x0 for r in page.vrules
          if x0 - TOL <= r.x0 <= x1 + TOL and covers(r, top, bottom, 0.5)]
    return merge_positions(xs)


def column_cuts(page: Page, col: Column, top: float, bottom: float) -> list[float]:
    """y positions where horizontal rules cut this column between top and bottom."""
    ys = [r.top for r in page.hrules if top - TOL <= r.top <= bottom + TOL and covers(r, col.x0, col.x1)
          and not strikes_through(page, r)]
    return merge_positions(ys)


def strikes_through(page: Page, rule: Rule) -> bool:
    """A horizontal rule of the page drawn through the middle of words (a struck date), not a border."""
    return id(rule) in page.struck


def text_cuts(page: Page, cols: list[Column], anchor: int, top: float, bottom: float) -> list[float]:
    """Row starts for a table without horizontal rules: a new entry in the anchor column (a ref, or a
    line after a gap clearly wider than the spacing of lines inside an entry: in a column of text the
    tightest the table shows, a ref column's own). An anchor column with no text (marks only) gives way
    to the first column with text; with no ref, action or milestones column known (the anchor a mere
    first column) starting fewer entries than most columns do (merged down over several rows), the
    first column starting as many as most do."""
    lines = [_column_lines(page, col, top, bottom) for col in cols]
    table = _table_leading(lines)
    cuts = [_entry_cuts(ls, float("inf") if col.role == "ref" else table) for ls, col in zip(lines, cols)]
    if cols[anchor].role is not None:
        return next((c for c in [cuts[anchor]] + cuts if c), [])
    own = cuts[anchor] or next((c for c in cuts if c), [])
    counts = Counter(len(c) for c in cuts if c)
    most = max(counts, key=lambda n: (counts[n], -n), default=0)
    return own if len(own) >= most else next(c for c in cuts if len(c) == most)


def _column_lines(page: Page, col: Column, top: float, bottom: float) -> list[Line]:
    """The lines of the words whose middles lie in the column between top and bottom."""
    return group_lines([w for w in page.words if col.x0 <= w.xc < col.x1 and top <= w.yc < bottom], page.number)


def _table_leading(columns: list[list[Line]]) -> float:
    """The spacing of lines inside the table's cells: the narrowest gap between two lines of a column that
    recurs (within half a point) somewhere in the table (one odd gap, an overprint, says nothing)."""
    gaps = sorted(round(2 * (b.top - a.bottom)) / 2 for ls in columns for a, b in zip(ls, ls[1:]) if b.top > a.bottom)
    return next((g for g, h in zip(gaps, gaps[1:]) if h - g <= 0.5), float("inf"))


def _leading(lines: list[Line]) -> float:
    """The spacing of a column's lines inside its entries: its narrowest gaps (the first quartile; 0
    for fewer than two lines)."""
    gaps = sorted(b.top - a.bottom for a, b in zip(lines, lines[1:]))
    return gaps[len(gaps) // 4] if gaps else 0.0


def _entry_cuts(lines: list[Line], table_leading: float) -> list[float]:
    """Where a column's entries start (see `text_cuts`), its lines inside entries spaced no wider than
    its own narrowest gaps or the table's."""
    gaps = [b.top - a.bottom for a, b in zip(lines, lines[1:])]
    leading = min(_leading(lines), table_leading) if gaps else 0.0
    cuts: list[float] = []
    for i, ln in enumerate(lines):
        ref = REF_LIKE.match(ln.words[0].text) and not (i and lines[i - 1].words[-1].text.endswith((".", "-", "/")))
        if i == 0 or ref or _entry_gap(gaps[i - 1], leading, ln.bottom - ln.top):
            cuts.append(ln.top - 1.0)   # (a ref broken after its dot, "GR3." over "3", starts no row)
    return cuts


def _entry_gap(gap: float, leading: float, height: float) -> bool:
    """A gap between two lines of a column that starts a new entry: most of a line high, or clearly
    wider (by a fifth of a line) than `leading`, the spacing of the lines inside entries (the column's
    narrowest gaps, or the table's where tighter: see `text_cuts`)."""
    return gap > 0.9 * height or gap > leading + max(1.5, 0.2 * height)


def banner_fills(page: Page, cols: list[Column], top: float, bottom: float) -> list[Fill]:
    """Fills across the whole table over text in one column only, or lines running across columns: banner
    rows (a weakness, a section) in a table whose rows are told by its text; a row's shading lies under the
    text of several columns."""
    x0, x1 = cols[0].x0, cols[-1].x1
    out = []
    for f in page.fills:
        if not (top - TOL <= f.top and f.bottom <= bottom + TOL and min(f.x1, x1) - max(f.x0, x0) >= ACROSS * (x1 - x0)):
            continue
        inside = [w for w in page.words if f.top <= w.yc < f.bottom and x0 <= w.xc < x1]
        lines = group_lines(inside, page.number)
        if inside and (len({ci for w in inside for ci, c in enumerate(cols) if c.x0 <= w.xc < c.x1}) == 1 or all(
                runs_across(ln.words, [c.x0 for c in cols[1:]]) for ln in lines)):
            out.append(f)
    return out


def banner_lines(page: Page, cols: list[Column], top: float, bottom: float,
                 taken: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Bands of banner lines without a fill: a bold line opening at the table's first column, with no other
    text at its height, in a table whose other text is mostly plain."""
    x0, x1 = cols[0].x0, cols[-1].x1
    words = [w for w in page.words if top <= w.yc < bottom and x0 <= w.xc < x1]
    if not words or sum(w.bold for w in words) > BOLD_SHARE * len(words):
        return []
    out = []
    for ln in group_lines(words, page.number):
        alone = not any(w.bottom > ln.top and w.top < ln.bottom for w in words if w not in ln.words)
        if alone and all(w.bold for w in ln.words) and ln.words[0].x0 < cols[0].x1 \
                and not any(a <= (ln.top + ln.bottom) / 2 < b for a, b in taken):
            below = [w.top for w in words if w.top >= ln.bottom - TOL]
            band = (ln.top - 1.0, min(below, default=ln.bottom + 2.0) - 1.0)
            if out and band[0] <= out[-1][1] + TOL:  # a banner wrapped over two lines or more
                band = (out.pop()[0], band[1])
            out.append(band)
    return out


def fill_at(fills: list[Fill], word: Word) -> RGB | None:
    """The colour of the smallest fill under the word's middle."""
    under = [f for f in fills if f.x0 <= word.xc <= f.x1 and f.top <= word.yc <= f.bottom]
    return min(under, key=lambda f: f.area).rgb if under else None


def fill_under(fills: list[Fill], x0: float, top: float, x1: float, bottom: float) -> RGB | None:
    """The colour of the smallest fill covering at least half of the box."""
    area = max((x1 - x0) * (bottom - top), 1e-6)
    best: Fill | None = None
    for f in fills:
        w = min(f.x1, x1) - max(f.x0, x0)
        h = min(f.bottom, bottom) - max(f.top, top)
        if w > 0 and h > 0 and w * h >= 0.5 * area and f.area <= 4 * area:
            if best is None or f.area < best.area:
                best = f
    return best.rgb if best else None


def marks_in(page: Page, x0: float, top: float, x1: float, bottom: float,
             words: list[Word] | None = None) -> list[tuple[float, RGB]]:
    """Each status mark inside the box, top to bottom: (its middle, its colour); glyphs looked for among
    `words` when the box's words are known."""
    out = [((s.top + s.bottom) / 2, s.rgb) for s in page.shapes
           if x0 <= (s.x0 + s.x1) / 2 < x1 and top <= (s.top + s.bottom) / 2 < bottom and is_colour_mark(s.rgb)]
    out += [(w.yc, w.rgb) for w in (page.words if words is None else words)
            if x0 <= w.xc < x1 and top <= w.yc < bottom and is_mark(w.text, w.rgb) and w.rgb is not None]
    return sorted(out)


def part_fills(page: Page, x0: float, top: float, x1: float, bottom: float) -> list[tuple[float, RGB]]:
    """Fills over the box's width (not much wider) and only part of its height (a colour per sub-row of a
    merged cell), top to bottom: not a row's shading, which the same colour carries beyond the box."""
    height, width = bottom - top, x1 - x0
    inside = [f for f in page.fills if min(f.x1, x1) - max(f.x0, x0) >= 0.6 * width and f.x1 - f.x0 <= WIDER * width
              and top <= (f.top + f.bottom) / 2 < bottom and f.bottom - f.top < 0.9 * height
              and is_colour_mark(f.rgb)]
    return sorted(((f.top + f.bottom) / 2, f.rgb) for f in inside if not _shading_beyond(page, f, x0, x1))


def _shading_beyond(page: Page, fill: Fill, x0: float, x1: float) -> bool:
    """The fill's colour goes on at the same height outside x0..x1: a row's shading."""
    return any(g.rgb == fill.rgb and (g.x1 <= x0 + TOL or g.x0 >= x1 - TOL or g.x1 - g.x0 > WIDER * (x1 - x0))
               and min(g.bottom, fill.bottom) - max(g.top, fill.top) > 0 for g in page.fills if g is not fill)


def build_rows(page: Page, cols: list[Column], top: float, bottom: float, ruled: bool,
               anchor: int) -> list[Row]:
    """Cut the region top..bottom into atomic rows and cells."""
    rule_cuts = [column_cuts(page, c, top, bottom) for c in cols]
    inner = [[y for y in cuts if top + TOL < y < bottom - TOL] for cuts in rule_cuts]
    banners: list[tuple[float, float]] = []
    if not inner[anchor]:  # no rules across the anchor inside the region: rows from its text (a column
        text = text_cuts(page, cols, anchor, top, bottom)   # ruled on its own, a merged one, keeps its rules)
        first = min((w.top for w in page.words if top <= w.yc < bottom), default=bottom)
        text = [y for y in text if y > first]   # a cut above all the region's text would make an empty row
        if not any(inner):  # no horizontal rules at all: banner rows from fills and bold lines too
            banners = [(f.top, f.bottom) for f in banner_fills(page, cols, top, bottom)]
            banners += banner_lines(page, cols, top, bottom, banners)
            text += [y for band in banners for y in band]
        rule_cuts = [cuts if own else text for cuts, own in zip(rule_cuts, inner)]
    cuts_by_col = [merge_positions([top, bottom] + [y for y in cuts if top < y < bottom]) for cuts in rule_cuts]
    atomic = merge_positions([y for cuts in cuts_by_col for y in cuts], tol=3.0)
    # cells per column
    cells_by_col: list[list[Cell]] = []
    for ci, cuts in enumerate(cuts_by_col):
        cells = [Cell(ci, a, b, page=page.number) for a, b in zip(cuts, cuts[1:]) if b - a > TOL]
        cells_by_col.append(cells)
    for w in page.words:
        if not (top <= w.yc < bottom):
            continue
        for ci, c in enumerate(cols):
            if c.x0 <= w.xc < c.x1:
                for cell in cells_by_col[ci]:
                    if cell.top <= w.yc < cell.bottom:
                        cell.words.append(w)
                        break
                break
    for ci, cells in enumerate(cells_by_col):
        for cell in cells:
            box = (cols[ci].x0, cell.top, cols[ci].x1, cell.bottom)
            marks = marks_in(page, *box, cell.words)
            cell.parts = marks or part_fills(page, *box)
            cell.rgb = marks[0][1] if marks else fill_under(page.fills, *box)
    rows: list[Row] = []
    for a, b in zip(atomic, atomic[1:]):
        if b - a <= TOL:
            continue
        mid = (a + b) / 2
        cells, starts = {}, set()
        for ci, cells_c in enumerate(cells_by_col):
            for cell in cells_c:
                if cell.top <= mid < cell.bottom:
                    cells[ci] = cell
                    if abs(cell.top - a) <= 3.0:
                        starts.add(ci)
                    break
        row = Row(page.number, a, b, cells, starts, x0=cols[0].x0, x1=cols[-1].x1)
        row.spanning = _is_spanning(page, cols, row, ruled) or any(abs(a - band[0]) <= 3.0 for band in banners)
        rows.append(row)
    return rows


def _is_spanning(page: Page, cols: list[Column], row: Row, ruled: bool) -> bool:
    """A row that is one cell across the table: no inner rule crosses it, or its text runs across columns."""
    words = [w for w in page.words if row.top <= w.yc < row.bottom and row.x0 <= w.xc < row.x1]
    if not words or len(cols) < 2:
        return False
    inner = [c.x0 for c in cols[1:]]
    if ruled:
        crossing = [x for x in inner if any(abs(r.x0 - x) <= TOL and covers(r, row.top, row.bottom, 0.5)
                                            for r in page.vrules)]
        return not crossing
    lines = group_lines(words, page.number)
    return len(lines) == 1 and runs_across(lines[0].words, inner)


def banner(page: Page, line: Line, cols: list[Column]) -> bool:
    """A line in a fill band as wide as the table: a group row of the table (a weakness's banner),
    not text below it."""
    width = cols[-1].x1 - cols[0].x0
    return any(f.top <= line.top + TOL and f.bottom >= line.bottom - TOL
               and min(f.x1, cols[-1].x1) - max(f.x0, cols[0].x0) >= ACROSS * width
               and f.x1 - f.x0 <= width / ACROSS for f in page.fills)


def runs_across(words: list[Word], boundaries: list[float], slack: float = TOL) -> bool:
    """True when text flows over a column boundary with no more than a word space at it (narrower
    than 0.6 of the font size and than 1.6 of the line's own word spaces), or a word reaches more
    than `slack` past it on both sides."""
    space = 1.6 * space_width(words)
    for a, b in zip(words, words[1:]):
        gap = b.x0 - a.x1
        if gap < min(0.6 * a.size, space) and any(a.x0 < x <= b.x0 for x in boundaries):
            return True
    return any(w.x0 < x - slack and w.x1 > x + slack for w in words for x in boundaries)
