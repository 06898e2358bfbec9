"""Flowing documents (Word, web pages) laid out as one virtual page, so the PDF pipeline reads them.

A reader turns its file into blocks: paragraphs (text, size, bold, list item) and grids (rows of
cells with spans, text and shading). `layout` places them top to bottom: words at estimated
positions, table borders as ruling lines, cell shading as filled rects, exactly the evidence a
PDF of the same document gives. Table structure is taken as written (spans, merges, shading),
never guessed. Provenance: page 1 of the virtual page, `top` the position in the layout.
"""
from __future__ import annotations

import textwrap
from dataclasses import dataclass, field

from wsoa.extract.page import Fill, Page, Rule, Word, group_lines
from wsoa.normalise.status import RGB

BODY = 10.0
LEFT = 40.0
GAP = 4.0


@dataclass
class Para:
    text: str
    size: float = BODY
    bold: bool = False
    item: bool = False
    bold_words: int = 0  # the paragraph opens with this many bold words (a label), the rest is plain
    mark: str = "\u2022"  # a list item's mark as printed: a bullet, or its number in a numbered list ("3.")


@dataclass
class GridCell:
    col: int                  # first grid column
    span: int = 1             # grid columns covered
    rowspan: int = 1          # rows covered (a cell merged down)
    paras: list[Para] = field(default_factory=list)
    rgb: RGB | None = None


@dataclass
class Grid:
    widths: list[float]       # points per grid column
    rows: list[list[GridCell]] = field(default_factory=list)


Block = Para | Grid


def _words(text: str, x0: float, top: float, size: float, bold: bool) -> list[Word]:
    out, x = [], x0
    for token in text.split():
        w = len(token) * 0.5 * size
        out.append(Word(token, x, x + w, top, top + size, size, bold, None))
        x += w + 0.28 * size
    return out


def _leading_bold(words: list[Word], count: int) -> None:
    """Make the first `count` words bold: a paragraph's bold opening run, e.g. a label."""
    for w in words[:count]:
        w.bold = True


def _lines(paras: list[Para], width: float) -> list[tuple[str, Para]]:
    """Each paragraph wrapped to `width` points (a list item opened by a bullet word); a word longer than a
    line stays whole on a line of its own (the file holds it whole: the virtual page must not break it)."""
    out: list[tuple[str, Para]] = []
    for p in paras:
        chars = max(8, int(width / (0.5 * p.size + 0.28 * p.size / 5)))
        wrapped = textwrap.wrap(p.text, chars, break_long_words=False) or []
        if p.item and wrapped:
            wrapped[0] = f"{p.mark} {wrapped[0]}"
        out += [(ln, p) for ln in wrapped]
    return out


def layout(blocks: list[Block], width: float = 760.0) -> Page:
    """One virtual page holding every block, top to bottom."""
    page = Page(number=1, width=width + 2 * LEFT, height=0.0)
    y = 40.0
    for block in blocks:
        if isinstance(block, Para):
            start = len(page.words)
            for text, p in _lines([block], width):
                page.words += _words(text, LEFT, y, p.size, p.bold)
                y += p.size * 1.25
            bullet = int(block.item and len(page.words) > start and page.words[start].text == block.mark)
            _leading_bold(page.words[start + bullet:], block.bold_words)  # the mark the layout adds is no label
            y += GAP
        else:
            y = _grid(page, block, y) + 2 * GAP
    page.height = y + 40.0
    page.lines = group_lines(page.words, 1)
    return page


def _grid(page: Page, grid: Grid, y: float) -> float:
    xs = [LEFT]
    for w in grid.widths:
        xs.append(xs[-1] + w)
    # row heights: each cell's lines; a merged cell's surplus goes to its last row
    heights = [6.0] * len(grid.rows)
    placed: list[tuple[int, GridCell, list[tuple[str, Para]]]] = []
    for r, row in enumerate(grid.rows):
        for cell in row:
            lines = _lines(cell.paras, xs[min(cell.col + cell.span, len(xs) - 1)] - xs[cell.col] - 6)
            need = sum(p.size * 1.25 for _, p in lines) + 6
            placed.append((r, cell, lines))
            if cell.rowspan == 1:
                heights[r] = max(heights[r], need)
    for r, cell, lines in placed:
        last = min(r + cell.rowspan, len(heights)) - 1
        have = sum(heights[r:last + 1])
        need = sum(p.size * 1.25 for _, p in lines) + 6
        if need > have:
            heights[last] += need - have
    tops = [y]
    for h in heights:
        tops.append(tops[-1] + h)
    edges: list[Rule] = []
    for r, cell, lines in placed:
        x0, x1 = xs[cell.col], xs[min(cell.col + cell.span, len(xs) - 1)]
        top, bottom = tops[r], tops[min(r + cell.rowspan, len(tops) - 1)]
        edges += [Rule(True, x0, top, x1, top), Rule(True, x0, bottom, x1, bottom),
                  Rule(False, x0, top, x0, bottom), Rule(False, x1, top, x1, bottom)]
        if cell.rgb is not None:
            page.fills.append(Fill(x0, top, x1, bottom, cell.rgb))
        ty = top + 3
        for text, p in lines:
            page.words += _words(text, x0 + 3, ty, p.size, p.bold)
            ty += p.size * 1.25
    page.rules += _joined(edges)
    return tops[-1]


def _joined(edges: list[Rule]) -> list[Rule]:
    """Cell edges on one line joined into one rule, as a ruled table's borders are drawn."""
    out: list[Rule] = []
    key = lambda r: (r.horizontal, r.top if r.horizontal else r.x0, r.x0 if r.horizontal else r.top)  # noqa: E731
    for e in sorted(edges, key=key):
        last = out[-1] if out else None
        if last and last.horizontal == e.horizontal:
            if e.horizontal and abs(last.top - e.top) < 0.01 and e.x0 <= last.x1 + 0.01:
                out[-1] = Rule(True, last.x0, last.top, max(last.x1, e.x1), last.bottom)
                continue
            if not e.horizontal and abs(last.x0 - e.x0) < 0.01 and e.top <= last.bottom + 0.01:
                out[-1] = Rule(False, last.x0, last.top, last.x1, max(last.bottom, e.bottom))
                continue
        out.append(e)
    return out
