"""Action tables, found in stages that each return a small dataclass and are kept in a trace.

    header candidates (header.py: each line naming column roles, accepted or rejected, and why)
    -> column model   (header.py: columns from vertical rules, else from the header's alignment)
    -> region         (where the table ends on the page, and why)
    -> grid           (grid.py: cells cut by the rules that cross each column, merges kept)
    -> stitching      (stitch.py: a page continues the open table, and why)
    -> rows -> actions (actions.py)

`find_tables` folds the pages through those stages; every decision lands in a `TableTrace`
(trace.py), from which the record's `TableReport` is built.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from functools import partial
from typing import Callable

from wsoa.extract.grid import (ACROSS_RULE, TOL, Column, Row, anchor_of, banner, build_rows, column_cuts, covers,
                              fill_at, merge_positions, rule_cover, runs_across)
from wsoa.extract.column_roles import content_roles, is_action_table
from wsoa.extract.ties import named
from wsoa.extract.header import Candidate, Header, find_headers, header_candidates, is_header_line, shaded
from wsoa.extract.page import Line, Page, Word, space_width
from wsoa.extract.stitch import (Continuation, adopt_roles, continuation, finish_labels, gutter_at, header_rest,
                                 header_spill, inherit_from, join_split_row, repeats_header, same_columns, share_roles)
from wsoa.extract.trace import (CONTINUED, NEW, REPEATED, ColumnTrace, PageTrace, RegionTrace, TableTrace,
                                grid_trace)
from wsoa.model import Warning
from wsoa.normalise.status import RGB, Legend

__all__ = ["Region", "Table", "TablesFound", "find_tables", "read_tables", "is_header_line", "find_headers",
           "table_region", "anchor_of", "column_warnings"]


EDGE_LINES = 3     # lines whose text starts at the same place to make a column's left edge
PROSE_SPACE = 1.15  # a gap at a column boundary this close to the line's word space is running text
RECUTS = 2         # times the rows are cut again at an anchor the content moved
SNAP_EDGE = 4.0  # points: a column edge found again on another page lies this close
SECTION_WORDS = 12  # a line of this many words or fewer, with no full stop at its end, may name a section


@dataclass
class Region:
    """Where one table segment lies on a page: its columns, its top (below the header) and bottom."""
    page: int
    top: float
    bottom: float
    columns: list[Column]
    ruled: bool
    size: float               # the header's font size, to tell a heading below the table
    header: Header | None     # None: the segment continues a table without repeating its header
    ends: str = ""            # why the bottom is where it is


@dataclass
class Table:
    """One action table, possibly over several pages."""
    columns: list[Column]
    grid: str  # "ruled" | "horizontal-rules" | "text-aligned"
    pages: list[int] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    top: tuple[int, float] = (0, 0.0)  # (page, y) where it starts
    size: float = 10.0  # font size of its header, to tell a heading below it
    fill: RGB | None = None  # the colour its header is filled with
    open_header: bool = False  # its last segment is a header with no row below it: the header ended the page
    head: str = ""  # its header's first line
    trace: TableTrace | None = None


@dataclass
class TablesFound:
    tables: list[Table]
    pages: list[PageTrace]
    headers: list[tuple[int, float, float]] = field(default_factory=list)  # (page, top, bottom) of each header kept


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


def _prose_across(words: list[Word], boundaries: list[float]) -> bool:
    """Running text over column boundaries: a word straddles one, or one falls in a gap no wider
    than the line's own word spaces (tight columns keep a gap wider than a word space)."""
    space = space_width(words)
    if any(w.x0 < x - TOL and w.x1 > x + TOL for w in words for x in boundaries):
        return True
    return any(b.x0 - a.x1 <= PROSE_SPACE * space and any(a.x1 - TOL < x <= b.x0 + TOL for x in boundaries)
               for a, b in zip(words, words[1:]))


def _text_edges(lines: list[Line], cols: list[Column]) -> list[float]:
    """Where the text of each column starts on most lines (its cells' left edge), from three lines on."""
    edges = []
    for c in cols[1:]:
        firsts = Counter(round(next(w.x0 for w in ln.words if w.x0 >= c.x0)) for ln in lines
                         if any(c.x0 <= w.x0 < c.x1 for w in ln.words))
        x, n = firsts.most_common(1)[0] if firsts else (None, 0)
        if x is not None and n >= EDGE_LINES:
            edges.append(float(x))
    return edges


def _cells_at(words: list[Word], boundaries: list[float], edges: list[float]) -> bool:
    """Cells side by side, not prose: no word straddles a column boundary, and each word just past a
    narrow gap at one starts where that column's text starts on the other lines."""
    if any(w.x0 < x - TOL and w.x1 > x + TOL for w in words for x in boundaries):
        return False
    narrow = [b for a, b in zip(words, words[1:]) if any(a.x1 - TOL < x <= b.x0 + TOL for x in boundaries)]
    return bool(narrow) and all(any(abs(b.x0 - e) <= 1.0 for e in edges) for b in narrow)


def _text_bottom(page: Page, cols: list[Column], top: float, limit: float, body: float) -> tuple[float, str]:
    """For tables without vertical rules: the table ends at a heading or at prose running across columns
    (not at a bold or short line naming a section when the rows go on below it at once)."""
    inner = [c.x0 for c in cols[1:]]
    lines = [ln for ln in page.lines if top <= ln.top < limit]
    edges = _text_edges(lines, cols)
    last = top
    for i, ln in enumerate(lines):
        heading = ln.size > body + 1.5
        across = _prose_across(ln.words, inner) and not gutter_at(ln.words, inner) and not _cells_at(ln.words, inner, edges)
        if heading or (across and not _group_line(page, lines, i, cols, limit < page.height)):
            rules = [r.top for r in page.hrules if last - TOL <= r.top <= ln.top and covers(r, cols[0].x0, cols[-1].x1, 0.3)]
            why = f"{'a heading' if heading else 'prose running across columns'}: {ln.text[:60]!r}"
            return (max(rules) + 0.5 if rules else ln.top - 0.5), why
        last = ln.bottom
    rules = [r.top for r in page.hrules if last - TOL <= r.top <= last + 12 and covers(r, cols[0].x0, cols[-1].x1, 0.3)]
    return min(limit, (max(rules) if rules else max([last] + _fills_on(page, cols, last, body))) + 1.0), "the text ends"


def _fills_on(page: Page, cols: list[Column], y: float, body_size: float) -> list[float]:
    """The bottoms of fills over the table's columns that go on below its last text at y (within two font
    sizes): the last row's shading or status fill, whole."""
    return [f.bottom for f in page.fills if f.top < y < f.bottom <= y + 2 * body_size
            and f.x0 < cols[-1].x1 and f.x1 > cols[0].x0]


def _group_line(page: Page, lines: list[Line], i: int, cols: list[Column], capped: bool) -> bool:
    """Line i, running across the columns, is a row of the table all the same: a bold or short line, or one
    naming a weakness by number ("Significant weakness 3: ..."), with rows going on below it; a band ruled
    off (see `_ruled_band`); a line on a fill as wide as the table."""
    ln = lines[i]
    set_apart = ln.bold or _section_line(ln) or named(ln.text, standout=False) is not None
    return set_apart and _resumes(lines, i, [c.x0 for c in cols[1:]]) or _ruled_band(page, lines, i, cols, capped) \
        or banner(page, ln, cols)


def _rule_at(page: Page, y0: float, y1: float, cols: list[Column]) -> bool:
    """Rules between y0 and y1 run across most of the table."""
    return rule_cover(page, y0, y1, cols[0].x0, cols[-1].x1) >= ACROSS_RULE


def _ruled_band(page: Page, lines: list[Line], i: int, cols: list[Column], capped: bool) -> bool:
    """Line i opens a band of the table ruled off above and below (a row whose one cell spans the table:
    a banner), the rule below coming before a line starting the next row: only lines running across
    columns between the two rules, and more of the table's lines below them (or, unless another table's
    header caps the region (`capped`), the page's end: the rows go on overleaf)."""
    ln = lines[i]
    if not _rule_at(page, ln.top - ln.size, ln.top, cols):
        return False
    inner = [c.x0 for c in cols[1:]]
    for j in range(i, min(i + 4, len(lines))):
        if _rule_at(page, lines[j].bottom - TOL, lines[j].bottom + lines[j].size, cols):
            return j + 1 < len(lines) or not capped
        if not runs_across(lines[j].words, inner):
            return False
    return False


def _section_line(line: Line) -> bool:
    """A line short enough to name a section (a heading's length, no sentence's full stop at its end)."""
    return len(line.words) <= SECTION_WORDS and not line.text.rstrip().endswith(".")


def _resumes(lines: list[Line], i: int, inner: list[float]) -> bool:
    """After line i and the bold lines set close under it (a banner wrapped over lines), a line keeping to
    the columns follows within two line heights: the table goes on below a banner."""
    j = i
    while j + 1 < len(lines) and lines[i].bold and lines[j + 1].bold and \
            lines[j + 1].top - lines[j].bottom < 0.6 * lines[j].size:
        j += 1
    nxt = lines[j + 1] if j + 1 < len(lines) else None
    last = lines[j]
    return nxt is not None and not runs_across(nxt.words, inner) and nxt.top - last.bottom < 2 * (last.bottom - last.top)


def table_region(page: Page, top: float, columns: list[Column], ruled: bool, size: float, limit: float,
                 header: Header | None = None) -> Region:
    """Stage 3: the segment's bottom, from its outer vertical borders, else from where its text stops."""
    region = Region(page.number, top, limit, columns, ruled, size, header)
    if ruled:
        bottom = _ruled_bottom(page, columns, top - 2, limit)
        if bottom > top + TOL:
            region.bottom = bottom
            region.ends = "the next table's header" if bottom >= limit and limit < page.height else \
                "the outer vertical borders end"
            return region
    region.bottom, region.ends = _text_bottom(page, columns, top, limit, size)
    return region


def _rule_breaks(page: Page, cols: list[Column], top: float, bottom: float) -> list[float]:
    """Where every inner vertical rule of a grid with no horizontal rules ends or starts (rules drawn
    cell by cell break at each row's edge, a banner row has only the outer ones; a cell merged down
    over sub-rows keeps its rules whole there)."""
    if any(len(column_cuts(page, c, top, bottom)) > 1 for c in cols):
        return []
    ends = [[y for r in page.vrules if abs(r.x0 - c.x0) <= TOL for y in (r.top, r.bottom) if top + TOL < y < bottom - TOL]
            for c in cols[1:]]
    if not ends:
        return []
    return [y for y in merge_positions(ends[0], tol=3.0) if all(any(abs(y - e) <= 3.0 for e in es) for es in ends[1:])]


def table_rows(page: Page, cols: list[Column], top: float, bottom: float, ruled: bool,
               anchor: int | None = None) -> list[Row]:
    """Stage 4 for one region: the grid's rows (grid.py), cut first where the vertical rules of a
    grid ruled only down break."""
    cuts = [top] + (_rule_breaks(page, cols, top, bottom) if ruled else []) + [bottom]
    anchor = anchor_of(cols) if anchor is None else anchor
    return [r for a, b in zip(cuts, cuts[1:]) for r in build_rows(page, cols, a, b, ruled, anchor)]


def _grid_kind(page: Page, cols: list[Column], top: float, bottom: float, ruled: bool) -> str:
    if ruled:
        return "ruled"
    hr = [r for r in page.hrules if top <= r.top <= bottom and covers(r, cols[0].x0, cols[-1].x1, 0.3)]
    return "horizontal-rules" if hr else "text-aligned"


def _content_top(page: Page) -> float:
    return min((ln.top for ln in page.lines), default=page.height)


def page_regions(page: Page, headers: list[Header], open_table: Table | None) -> tuple[list[Region], Continuation | None]:
    """The table segments on one page: a continuation of the open table first (when the page goes on
    with it, below the rest of its header when its header ended the page before: that rest completes the
    open table's column labels, see `finish_labels`), then one per header (a repeated header without rules
    keeps the open table's columns); each ends at its borders or text, or at the next header."""
    starts: list[tuple[float, list[Column], bool, float, Header | None]] = []
    why = None
    if open_table is not None:
        top = _content_top(page)
        first = headers[0] if headers else None
        again = first is not None and (repeats_header(page, first, open_table)
                                       or first.line.text == open_table.head and first.line.top <= top + TOL)
        ended = open_table.open_header and not again   # its header ended the last page: its rest may open this one
        rest = header_rest(page, open_table.columns, top - 1, open_table.fill) if ended else []
        if rest:   # columns split only before any row is read (rows are kept by column number)
            split = not any(c.words for r in open_table.rows for c in r.cells.values())
            open_table.columns = finish_labels(page, open_table.columns, rest, split)
        spill = rest[-1].bottom + 1.5 if rest else top
        headers = [h for h in headers if h.line.top >= spill - TOL or _refines(h.columns, open_table.columns)]
        why = continuation(page, headers, open_table, spill)
        if spill > top and why.columns is None and not headers:
            why = Continuation([replace(c) for c in open_table.columns], "the page opens with the rest of its header")
        top = spill
        if why.columns is not None:
            starts.append((top - 1, why.columns, open_table.grid == "ruled", open_table.size, None))
    for i, h in enumerate(headers):
        cols = h.columns
        if i == 0 and open_table is not None and not h.ruled and repeats_header(page, h, open_table):
            cols = [replace(c) for c in open_table.columns]
            inherit_from(cols, [h.columns], firm_only=True)   # with the roles its own rows showed
        starts.append((h.bottom, cols, h.ruled, h.line.size, h))
    regions = []
    for i, (top, cols, ruled, size, header) in enumerate(starts):
        nxt = starts[i + 1][4] if i + 1 < len(starts) else None
        limit = nxt.top if nxt else page.height
        regions.append(table_region(page, top, cols, ruled, size, limit, header))
    return regions, why


def _header_fill(page: Page, header: Header) -> RGB | None:
    """The shaded fill under the header's first word, or None."""
    fill = fill_at(page.fills, header.line.words[0])
    return fill if fill is not None and shaded(fill) else None


def _refines(cols: list[Column], table_cols: list[Column]) -> bool:
    """Columns that keep every edge of the table's and add some (the rest of a header overleaf holding
    sub-headers, "From | To" under "Dates"): a header among the rest that is kept, not dropped as part of it."""
    if not cols or not table_cols:
        return False
    edges = [c.x0 for c in cols] + [cols[-1].x1]
    return len(cols) > len(table_cols) and all(any(abs(e - x) <= SNAP_EDGE for e in edges)
                                               for x in [c.x0 for c in table_cols] + [table_cols[-1].x1])


def _new_table(page: Page, region: Region, index: int) -> Table:
    top = region.header.top if region.header else region.top
    grid = _grid_kind(page, region.columns, region.top, region.bottom, region.ruled)
    fill = _header_fill(page, region.header) if region.header else None
    return Table(columns=region.columns, grid=grid, top=(page.number, top), size=region.size, fill=fill,
                 trace=TableTrace.start(index, page.number, region.columns, grid, region.header))


def _place(page: Page, region: Region, i: int, open_table: Table | None, tables: list[Table],
           why: Continuation | None) -> Table:
    """Stage 5: the segment goes on with the open table, or starts a new one (taking the roles of an
    earlier table with the same header words for columns its own content left without); the reason
    is traced."""
    header = region.header
    continuing = open_table is not None and i == 0 and (header is None or repeats_header(page, header, open_table))
    if header is not None and not continuing:
        inherit_from(region.columns, [t.columns for t in tables])
    rows = table_rows(page, region.columns, region.top, region.bottom, region.ruled)
    joined = False
    if continuing:
        table = open_table
        if header is not None:   # the header repeated over more rows: roles its own cells showed
            inherit_from(table.columns, [region.columns], firm_only=True)
        joined = join_split_row(table.rows, rows, table.columns)
        stitch = CONTINUED if header is None else REPEATED
        reason = why.why if header is None and why else "the page opens with the table's header"
    else:
        table = _new_table(page, region, len(tables))
        tables.append(table)
        stitch, reason = NEW, f"a header: {header.line.text[:80]!r}" if header else "no open table"
    if page.number not in table.pages:
        table.pages.append(page.number)
    table.rows.extend(rows)
    table.open_header = header is not None and not any(c.words for r in rows for c in r.cells.values())
    table.head = header.line.text if header is not None else table.head
    table.trace.segments.append(RegionTrace(page=page.number, top=round(region.top, 1), bottom=round(region.bottom, 1),
                                            ends=region.ends, stitch=stitch, why=reason, split_row_joined=joined,
                                            rows=grid_trace(rows)))
    return table


def _rows_overleaf(page: Page, region: Region, following: Page | None, known: dict[str, Header]) -> list[Row]:
    """The rows a table found by structure alone goes on with at the top of the next page, when
    nothing follows it on its own page and the next page (below the rest of its header) lines up with its
    columns or repeats its header, not another table's (a header low on a page over one row or none: its
    content is read on)."""
    h = region.header
    if following is None or h is None or not following.lines or any(ln.top > region.bottom + 1 for ln in page.lines):
        return []
    top, cols = _content_top(following), region.columns
    fill = _header_fill(page, h)
    if not region.ruled or fill:  # a ruled grid's rows come from its rules (the header's pieces in its first
        # cell), unless its header is filled: its rest on that fill is read off first
        top = header_spill(following, cols, top - 1, fill) + 1
    first = next((ln for ln in following.lines if ln.top >= top - 1), None)
    if first is None or first.text != h.line.text and (first.text in known or is_header_line(first)):
        return []
    again = [ln.top for ln in following.lines if ln.text == h.line.text]
    if again and again[0] <= top + TOL:
        top, again = again[0] + h.bottom - h.line.top, again[1:]
    else:
        grid = "ruled" if region.ruled else "text-aligned"
        cols = continuation(following, [], Table(columns=cols, grid=grid), top).columns
        top -= 1
    if cols is None:
        return []
    nxt = table_region(following, top, cols, region.ruled, region.size, min(again, default=following.height))
    return table_rows(following, cols, nxt.top, nxt.bottom, region.ruled)


def settle_roles(page: Page, candidates: list[Candidate], open_table: Table | None,
                 known: dict[str, Header] | None = None, following: Page | None = None,
                 legend: Callable[[], Legend] | None = None, lenient: bool = False) -> None:
    """Columns whose header names no role take one from the cells below it (header.content_roles),
    for a header over no body on its page (found by structure alone: over one row or none) also
    those its table goes on with on the `following` page;
    a header found by structure alone that then makes no action table, or that is the open table's
    body going on at the top of the page, is rejected, unless it repeats the header of a table kept
    above (`known`, or earlier on the page); the trace says why. `lenient`: see `is_action_table`."""
    accepted = [c for c in candidates if c.header is not None]
    kept = dict(known or {})
    for i, cand in enumerate(accepted):
        h = cand.header
        atop = h.line.top - _content_top(page) < TOL   # repeated at the page's top: maybe clipped, the same header
        if h.line.text in kept and not (atop and adopt_roles(h.columns, kept[h.line.text].columns)):
            inherit_from(h.columns, [kept[h.line.text].columns])
        limit = accepted[i + 1].header.top if i + 1 < len(accepted) else page.height
        region = table_region(page, h.bottom, h.columns, h.ruled, h.line.size, limit, h)
        last = i + 1 == len(accepted)
        overleaf = partial(_rows_overleaf, page, region, following, kept) if last else None
        named = any(c.role for c in h.columns)
        why, shown = _roles_from_rows(page, h, region, overleaf, legend)
        cand.trace.columns = [ColumnTrace.of(c) for c in h.columns]
        if why:
            cand.trace.why += "; from the content: " + "; ".join(
                f"{h.columns[ci].role} ({reason})" for ci, reason in sorted(why.items()))
        if not h.structural or h.line.text in kept:
            kept.setdefault(h.line.text, h)
            continue
        problem = is_action_table(h.columns, shown, lenient)
        if problem is None and open_table is not None and i == 0 and same_columns(h.columns, open_table.columns) \
                and [c.header for c in h.columns] != [c.header for c in open_table.columns]:
            problem = "it lines up with the open table: its body going on"
        if problem is None and open_table is not None and i == 0 and not named and goes_on(h.line, open_table.columns):
            problem = "a line naming no role that keeps to the open table's columns: its body going on"
        if problem:
            cand.header, cand.trace.accepted = None, False
            cand.trace.why += f"; not an action table: {problem}"
        else:
            kept.setdefault(h.line.text, h)


def goes_on(line: Line, columns: list[Column]) -> bool:
    """A line within the open table's outer edges that runs across none of its inner ones."""
    inner = [c.x0 for c in columns[1:]]
    return columns[0].x0 - TOL <= line.x0 and line.x1 <= columns[-1].x1 + TOL and not runs_across(line.words, inner)


def _thin(h: Header, rows: list[Row]) -> bool:
    """A header over one body row or none on its page: too few to show the roles of its columns."""
    full = sum(1 for r in rows if not r.spanning and any(c.words for c in r.cells.values()))
    return full <= 1


def _roles_from_rows(page: Page, h: Header, region: Region,
                     overleaf: Callable[[], list[Row]] | None = None,
                     legend: Callable[[], Legend] | None = None) -> tuple[dict[int, str], set[str]]:
    """Content roles from the rows below a header (and, for a header over no body on its page, the
    rows `overleaf` gives). Rows without horizontal rules are cut at the anchor
    column's entries; when the roles the content settles move the anchor (the header named no ref or
    action, and the first column is merged down or holds only marks), the rows are cut again there
    and the roles settled afresh from the header's own."""
    named = [(c.role, c.score) for c in h.columns]
    anchor = anchor_of(h.columns)
    rows = table_rows(page, h.columns, region.top, region.bottom, h.ruled, anchor)
    more = overleaf() if overleaf is not None and _thin(h, rows) else []
    join_split_row(rows, more, h.columns)  # a row the page break cut is read whole
    key = legend() if legend else None
    why, shown = content_roles(page, h.columns, rows + more, key)
    for _ in range(RECUTS):
        moved = anchor_of(h.columns)
        if moved == anchor:
            break
        again = table_rows(page, h.columns, region.top, region.bottom, h.ruled, moved)
        if len(again) <= len(rows):
            break
        for c, (role, score) in zip(h.columns, named):
            c.role, c.score = role, score
        anchor, rows = moved, again
        why, shown = content_roles(page, h.columns, rows + more, key)
    return why, shown


def column_warnings(table: Table) -> list[Warning]:
    """A warning naming each column of the table that holds text but took no role."""
    out = []
    for i, c in enumerate(table.columns):
        if c.role is None and (c.header or any(r.text(i) for r in table.rows)):
            name = repr(c.header) if c.header else f"column {i + 1}"
            out.append(Warning(code="column-without-role", page=table.top[0],
                               message=f"column {name} took no role from its header or its content"))
    return out


def find_tables(pages: list[Page], legend: Callable[[], Legend] | None = None, lenient: bool = False) -> TablesFound:
    """Every action table in the document, stitched across pages, in reading order, with its trace;
    `legend` gives the document's status key (read when first needed), which tells a column of its
    status words; `lenient` takes a table found by structure alone with fewer roles borne out (for a
    plan in which nothing passed otherwise)."""
    tables: list[Table] = []
    traces: list[PageTrace] = []
    bands: list[tuple[int, float, float]] = []
    open_table: Table | None = None
    known: dict[str, Header] = {}  # the headers kept so far, by first line
    for k, page in enumerate(pages):
        candidates = header_candidates(page, known, lenient)
        settle_roles(page, candidates, open_table, known, pages[k + 1] if k + 1 < len(pages) else None, legend,
                     lenient)
        for c in candidates:
            if c.header is not None:
                known.setdefault(c.header.line.text, c.header)
        headers = [c.header for c in candidates if c.header is not None]
        regions, why = page_regions(page, headers, open_table)
        for i, region in enumerate(regions):
            open_table = _place(page, region, i, open_table, tables, why)
            if region.header is not None:
                bands.append((page.number, region.header.top, region.header.bottom))
        closed = _closes(page, regions, open_table)
        outside = [c.trace for c in candidates if c.header or not any(r.top <= c.trace.top < r.bottom for r in regions)]
        traces.append(PageTrace(page=page.number, width=page.width, height=page.height, candidates=outside,
                                continuation=why.why if why else None, closes=closed))
        if closed:
            open_table = None
    share_roles([t.columns for t in tables])
    for t in tables:   # the trace (and the record's report) shows the columns as finally read
        if t.trace is not None:
            t.trace.columns = [ColumnTrace.of(c) for c in t.columns]
    return TablesFound(tables, traces, bands)


def _closes(page: Page, regions: list[Region], open_table: Table | None) -> str | None:
    """Why no table goes on onto the next page: text below the last table, or no table on this page."""
    if open_table is None:
        return None
    if not regions:
        return "no table on the page"
    below = [ln for ln in page.lines if ln.top > regions[-1].bottom + 1]
    return f"text below the table: {below[0].text[:60]!r}" if below else None


def read_tables(pages: list[Page]) -> list[Table]:
    """Every action table in the document, stitched across pages, in reading order."""
    return find_tables(pages).tables
