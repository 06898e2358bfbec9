"""Action tables: found by what their header cells mean, cut into rows, stitched across pages.

page -> header lines (>= 3 column roles, one of them action or milestones) -> columns (vertical
rules crossing the header, else header phrases) -> table extent on the page -> atomic rows
(grid.py) -> tables stitched across pages (repeated header dropped, or a page without header
continuing the previous table when its columns line up).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from wsoa.extract.grid import (REF_LIKE, TOL, Column, Row, build_rows, covers, runs_across,
                               vertical_cuts)
from wsoa.extract.page import Line, Page, Word, space_width
from wsoa.normalise.roles import header_phrases, role_of

KEY_ROLES = {"action", "milestones"}
MAX_HEADER_WORDS = 8


@dataclass
class Header:
    top: float
    bottom: float
    columns: list[Column]
    ruled: bool
    line: Line


@dataclass
class Table:
    """One action table, possibly over several pages."""
    columns: list[Column]
    grid: str  # "ruled" | "horizontal-rules" | "text-aligned"
    pages: list[int] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    top: tuple[int, float] = (0, 0.0)  # (page, y) where it starts
    header_repeats: int = 0
    continued_without_header: int = 0
    split_rows_joined: int = 0
    size: float = 10.0  # font size of its header, to tell a heading below it

    def role(self, role: str) -> int | None:
        for i, c in enumerate(self.columns):
            if c.role == role:
                return i
        return None

    @property
    def roles(self) -> list[str | None]:
        return [c.role for c in self.columns]


def _assign_roles(cols: list[Column]) -> None:
    """Give each column the role its header means; a role claimed twice stays with the best match.

    Header cells are short labels: a long text, or one holding a ref such as "1.3", is body text.
    """
    for c in cols:
        label = re.sub(r"\(.*?(\)|$)", " ", c.header).split()
        if c.header and len(label) <= MAX_HEADER_WORDS and not any(REF_LIKE.match(w) for w in label):
            c.role, c.score = role_of(c.header)
        else:
            c.role, c.score = None, 0.0
    for role in {c.role for c in cols if c.role}:
        same = [c for c in cols if c.role == role]
        best = max(same, key=lambda c: c.score)
        for c in same:
            if c is not best:
                c.role = None


def _header_words(page: Page, top: float, bottom: float, x0: float, x1: float) -> str:
    words = [w for w in page.words if top <= w.yc <= bottom and x0 <= w.xc < x1]
    words.sort(key=lambda w: (round(w.top), w.x0))
    return " ".join(w.text for w in words)


def _header_from_line(page: Page, line: Line) -> Header | None:
    words = line.words
    phrases = _phrases(line)
    if not _names_a_table(phrases):
        return None
    mid = (line.top + line.bottom) / 2
    xs = vertical_cuts(page, mid - 1, mid + 1, 0, page.width)
    if len(xs) >= 3:
        cols = [Column(a, b) for a, b in zip(xs, xs[1:]) if b - a > 3]
        # header band: between the horizontal rules around the line
        above = [r.top for r in page.hrules if r.top <= line.top + TOL and covers(r, xs[0], xs[-1], 0.5)]
        below = [r.top for r in page.hrules if r.top >= line.bottom - TOL and covers(r, xs[0], xs[-1], 0.5)]
        top = max(above) if above else line.top - 1
        bottom = min(below) if below else line.bottom + 1
        for c in cols:
            c.header = _header_words(page, top, bottom, c.x0, c.x1)
        ruled = True
    else:
        # left-aligned headers: a column runs from its header's first word to the next header
        starts = [words[a].x0 for a, _, _ in phrases]
        near = [r for r in page.hrules if abs(r.top - line.top) < 4 * line.size and r.x0 <= starts[0] + 2
                and r.x1 >= words[-1].x1 - 2]
        left = min([r.x0 for r in near] + [starts[0] - 6])
        right = max([r.x1 for r in near] + [max(w.x1 for w in page.words) + 2])
        bounds = [left] + [x - 3.0 for x in starts[1:]] + [right]
        cols = [Column(a, b) for a, b in zip(bounds, bounds[1:])]
        top, bottom = line.top - 1, line.bottom + 1
        style = (words[0].bold, words[0].rgb)
        for nxt in page.lines:
            if nxt.top <= line.top or nxt.top - bottom > 0.6 * line.size:
                continue
            if (nxt.words[0].bold, nxt.words[0].rgb) != style or _rule_between(page, bottom, nxt.top, cols):
                break
            bottom = nxt.bottom + 1
        for c in cols:
            c.header = _header_words(page, top, bottom, c.x0, c.x1)
        ruled = False
    _assign_roles(cols)
    found = {c.role for c in cols if c.role}
    if len(found) < 3 or not found & KEY_ROLES:
        return None
    return Header(top, bottom, cols, ruled, line)


def _phrases(line: Line) -> list[tuple[int, int, str | None]]:
    """The line's words as column phrases; a gap much wider than a word space separates columns."""
    words = line.words
    space = space_width(words)
    wide = [i > 0 and words[i].x0 - words[i - 1].x1 > max(0.8 * words[i].size, 2.5 * space)
            for i in range(len(words))]
    return header_phrases([w.text for w in words], wide)


def _names_a_table(phrases: list[tuple[int, int, str | None]]) -> bool:
    roles = {r for _, _, r in phrases if r}
    return len(roles) >= 3 and bool(roles & KEY_ROLES)


def is_header_line(line: Line) -> bool:
    """True for a line whose words name three column roles, one of them action or milestones."""
    return _names_a_table(_phrases(line))


def _rule_between(page: Page, y0: float, y1: float, cols: list[Column]) -> bool:
    return any(y0 - TOL <= r.top <= y1 + TOL and covers(r, cols[0].x0, cols[-1].x1, 0.3) for r in page.hrules)


def find_headers(page: Page) -> list[Header]:
    headers: list[Header] = []
    for line in page.lines:
        if headers and line.top < headers[-1].bottom:
            continue
        h = _header_from_line(page, line)
        if h:
            headers.append(h)
    return headers


def _ruled_bottom(page: Page, cols: list[Column], top: float, limit: float) -> float:
    """Where the table's outer vertical borders end, followed down from its top."""
    bottom = top
    for x in (cols[0].x0, cols[-1].x1):
        spans = sorted((r.top, r.bottom) for r in page.vrules if abs(r.x0 - x) <= TOL and r.bottom > top)
        reach = top
        for a, b in spans:
            if a <= reach + 4:
                reach = max(reach, b)
        bottom = max(bottom, reach)
    return min(bottom, limit)


def _text_bottom(page: Page, cols: list[Column], top: float, limit: float, body: float) -> float:
    """For tables without vertical rules: the table ends at a heading or at prose running across columns."""
    inner = [c.x0 for c in cols[1:]]
    lines = [ln for ln in page.lines if top <= ln.top < limit]
    last = top
    for i, ln in enumerate(lines):
        heading = ln.size > body + 1.5
        across = runs_across(ln.words, inner)
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        resumes = nxt is not None and not runs_across(nxt.words, inner) and nxt.top - ln.bottom < 2 * (ln.bottom - ln.top)
        if heading or (across and not (ln.bold and resumes)):
            rules = [r.top for r in page.hrules if last - TOL <= r.top <= ln.top and covers(r, cols[0].x0, cols[-1].x1, 0.3)]
            return max(rules) + 0.5 if rules else ln.top - 0.5
        last = ln.bottom
    rules = [r.top for r in page.hrules if last - TOL <= r.top <= last + 12 and covers(r, cols[0].x0, cols[-1].x1, 0.3)]
    return min(limit, (max(rules) if rules else last) + 1.0)


def _grid_kind(page: Page, cols: list[Column], top: float, bottom: float, ruled: bool) -> str:
    if ruled:
        return "ruled"
    hr = [r for r in page.hrules if top <= r.top <= bottom and covers(r, cols[0].x0, cols[-1].x1, 0.3)]
    return "horizontal-rules" if hr else "text-aligned"


def _anchor(cols: list[Column]) -> int:
    roles = [c.role for c in cols]
    for role in ("ref", "action", "milestones"):
        if role in roles:
            return roles.index(role)
    return 0


def _continuation_columns(page: Page, prev: Table, top: float) -> list[Column] | None:
    """The previous table's columns, when this page's content at `top` lines up with them."""
    cols = prev.columns
    first = [ln for ln in page.lines if ln.top >= top][:3]
    if not first:
        return None
    if prev.grid == "ruled":
        mid = (first[0].top + first[0].bottom) / 2
        xs = vertical_cuts(page, mid - 1, mid + 1, 0, page.width)
        old = [c.x0 for c in cols] + [cols[-1].x1]
        if len(xs) < 3 or sum(any(abs(x - o) <= 3 for x in xs) for o in old) < 0.7 * len(old):
            return None
        snapped = [min(xs, key=lambda x: abs(x - o)) for o in old]
        return [Column(a, b, c.header, c.role, c.score) for a, b, c in zip(snapped, snapped[1:], cols)]
    inner = [c.x0 for c in cols[1:]]
    if any(runs_across(ln.words, inner) for ln in first[1:]) or runs_across(first[0].words, inner) and len(first) < 2:
        return None
    return [Column(c.x0, c.x1, c.header, c.role, c.score) for c in cols]


def _content_top(page: Page) -> float:
    return min((ln.top for ln in page.lines), default=page.height)


def _same_layout(a: list[Column], b: list[Column]) -> bool:
    return [c.role for c in a] == [c.role for c in b] and all(abs(x.x0 - y.x0) <= 6 for x, y in zip(a, b))


def _repeats_header(page: Page, header: Header, table: Table) -> bool:
    """A header at the top of the page with the open table's columns: the table goes on."""
    return abs(header.line.top - _content_top(page)) < 2 and _same_layout(header.columns, table.columns)


def read_tables(pages: list[Page]) -> list[Table]:
    """Every action table in the document, stitched across pages, in reading order."""
    tables: list[Table] = []
    open_table: Table | None = None
    for page in pages:
        headers = find_headers(page)
        regions: list[tuple[float, list[Column], bool, Header | None]] = []
        first_header_top = headers[0].top if headers else page.height
        if open_table is not None and not (headers and _repeats_header(page, headers[0], open_table)):
            top = _content_top(page)
            if top < first_header_top - TOL:
                cols = _continuation_columns(page, open_table, top)
                if cols:
                    regions.append((top - 1, cols, open_table.grid == "ruled", None))
        for h in headers:
            regions.append((h.bottom, h.columns, h.ruled, h))
        page_tables_bottom = 0.0
        for i, (top, cols, ruled, header) in enumerate(regions):
            size = header.line.size if header else open_table.size  # type: ignore[union-attr]
            limit = regions[i + 1][3].top if i + 1 < len(regions) and regions[i + 1][3] else page.height
            if ruled:
                bottom = _ruled_bottom(page, cols, top - 2, limit)
                if bottom <= top + TOL:
                    bottom = _text_bottom(page, cols, top, limit, size)
            else:
                bottom = _text_bottom(page, cols, top, limit, size)
            rows = build_rows(page, cols, top, bottom, ruled, _anchor(cols))
            continuing = open_table is not None and (header is None or _repeats_header(page, header, open_table))
            if continuing and i == 0:
                table = open_table
                if header is None:
                    table.continued_without_header += 1
                else:
                    table.header_repeats += 1
                _join_split_row(table, rows)
            else:
                grid = _grid_kind(page, cols, top, bottom, ruled)
                table = Table(columns=cols, grid=grid, top=(page.number, header.top if header else top), size=size)
                tables.append(table)
            if page.number not in table.pages:
                table.pages.append(page.number)
            table.rows.extend(rows)
            open_table = table
            page_tables_bottom = bottom
        if regions:
            below = [ln for ln in page.lines if ln.top > page_tables_bottom + 1]
            if below:
                open_table = None
        elif open_table is not None:
            open_table = None
    return tables


def _join_split_row(table: Table, rows: list[Row]) -> None:
    """A row that a page break cut in two: its tail, with nothing in the anchor column, joins the row above."""
    if not rows or not table.rows:
        return
    first, prev = rows[0], table.rows[-1]
    anchor = _anchor(table.columns)
    if first.spanning or first.text(anchor) or prev.spanning:
        return
    date_cols = [i for i, c in enumerate(table.columns) if c.role in ("deadline", "start")]
    texts = {ci: first.text(ci) for ci in first.cells if first.text(ci)}
    if not texts:
        rows.pop(0)
        return
    own_dates = any(texts.get(ci) for ci in date_cols)
    lower = all(t[:1].islower() or t[:1] in ",;)" for t in texts.values())
    if own_dates and not lower:
        return  # a new milestone/sub-row of the same action, not a split row
    for ci, cell in first.cells.items():
        target = prev.cells.get(ci)
        if target is None or target is cell:
            continue
        if cell.words:
            target.words.extend(_shifted(cell.words, target))
        for r in rows[1:]:  # the tail cell may run on down the new page: it is the head cell now
            if r.cells.get(ci) is cell:
                r.cells[ci] = target
    rows.pop(0)
    table.split_rows_joined += 1


def _shifted(words, target):
    """Words of a row's tail, moved to sit below the head's words so that they read after them."""
    base = max((w.bottom for w in target.words), default=target.top) + 1.0
    top0 = min(w.top for w in words)
    return [Word(w.text, w.x0, w.x1, base + (w.top - top0), base + (w.bottom - top0), w.size, w.bold, w.rgb)
            for w in words]
