"""Stage 5 of table finding: does a page go on with the table open at the end of the previous one?

A page continues the open table when it repeats the table's header at its top, or when its first
lines line up with the table's columns (vertical rules at the same places for a ruled table; no
text running across the column boundaries otherwise). A row cut by the page break is joined.
"""
from __future__ import annotations

from bisect import bisect
from collections import Counter
from dataclasses import dataclass, replace
from typing import Protocol

from wsoa.extract.grid import TOL, Column, Row, anchor_of, banner, fill_at, runs_across, vertical_cuts
from wsoa.extract.column_roles import CONTENT_SCORE
from wsoa.extract.header import EXACT, Header, body_line, dedupe_roles, label_role, line_cuts
from wsoa.extract.page import Line, Page, Word, space_width
from wsoa.normalise.status import RGB, SAME_DE, delta_e

SAME_X = 6.0       # a repeated header's columns start within this of the table's
SNAP = 3.0         # a ruled page's rule lines up with a column edge within this
LINED_UP = 0.7     # share of the table's column edges a ruled page must repeat
SLACK = 0.25       # a continued page's word may reach this share of its font size past a column edge
PIECE = 3          # a word of at most this many letters can be a piece of a label wrapped letter by letter
GUTTER = 3.0       # a gap this many word spaces wide at a column boundary is a gutter between cells


class OpenTable(Protocol):
    columns: list[Column]
    grid: str


@dataclass
class Continuation:
    """Whether (and with which columns) a page goes on with the open table, and why."""
    columns: list[Column] | None
    why: str


def same_columns(a: list[Column], b: list[Column]) -> bool:
    """The same number of columns starting at the same places."""
    return len(a) == len(b) and all(abs(x.x0 - y.x0) <= SAME_X for x, y in zip(a, b))


def same_layout(a: list[Column], b: list[Column]) -> bool:
    """A repeated header: the same columns with the same roles, or the same header words column by
    column (where the body below moved a column's edge)."""
    return same_words(a, b) or same_columns(a, b) and [c.role for c in a] == [c.role for c in b]


def same_words(a: list[Column], b: list[Column]) -> bool:
    """The same header words, column by column (a column without any, split off by the body below, aside)."""
    words = [c.header for c in a if c.header]
    return bool(words) and words == [c.header for c in b if c.header]


def labelled_pairs(a: list[Column], b: list[Column]) -> list[tuple[Column, Column]]:
    """The columns of two headers with the same words (see same_words), paired column by column where their
    columns without words stand at the same places, else label by label."""
    if [bool(c.header) for c in a] == [bool(c.header) for c in b]:
        return list(zip(a, b))
    return list(zip([c for c in a if c.header], [c for c in b if c.header]))


def firm(c: Column) -> bool:
    """A role its header names outright or its cells showed, not one a phrase inside a long header hints."""
    return c.role is not None and (c.score >= EXACT or c.score <= CONTENT_SCORE)


def inherit_from(cols: list[Column], earlier: list[list[Column]], firm_only: bool = False) -> None:
    """A header repeating an earlier table's word for word takes that table's roles for the columns
    its own page left without one (one or two rows cannot show a lead or a ref); `firm_only`: only
    the roles that are `firm`."""
    for first in reversed(earlier):
        if same_words(cols, first):
            taken = {c.role for c in cols}
            for c, o in labelled_pairs(cols, first):
                if c.role is None and o.role is not None and o.role not in taken and (firm(o) or not firm_only):
                    c.role, c.score = o.role, o.score
                    taken.add(o.role)
            return


ROW_ROLES = ("ref", "action", "milestones")   # roles that cut a table's rows: given where missing, never changed


def share_roles(tables: list[list[Column]]) -> None:
    """Tables under the same header words are one table cut up (one per weakness, each a few rows): a column
    read otherwise than most of them read it takes their role (the roles that cut the rows aside); then one
    whose own rows showed no role takes the one the others agree on."""
    groups = [(cols, [dict((id(x), y) for x, y in labelled_pairs(cols, o)) for o in tables if same_words(cols, o)])
              for cols in tables]
    for missing in (False, True):
        for cols, same in groups:
            for c in (c for c in cols if len(same) > 1 and all(id(c) in o for o in same)):
                if (c.role is None) != missing:
                    continue
                peers = [o[id(c)] for o in same]
                votes = Counter(p.role for p in peers if firm(p))
                role, n = votes.most_common(1)[0] if votes else (None, 0)
                agreed = len(votes) == 1 if missing else \
                    2 * n > len(same) and c.role not in ROW_ROLES and role not in ROW_ROLES
                if role is not None and c.role != role and agreed and not any(o.role == role for o in cols):
                    c.role, c.score = role, max(p.score for p in peers if p.role == role)


def adopt_roles(cols: list[Column], kept: list[Column]) -> bool:
    """A header whose first line repeats a kept header's, over the same columns, is that header (a tall
    row repeated on the next page may be clipped): it takes the kept roles, every one. Whether it did."""
    if not same_columns(cols, kept):
        return False
    for c, o in zip(cols, kept):
        c.role, c.score = o.role, o.score
    return True


def repeats_header(page: Page, header: Header, table: OpenTable) -> bool:
    """A header at the top of the page (its first line, or its band: a group row above it) with the open
    table's columns: the table goes on."""
    top = min((ln.top for ln in page.lines), default=page.height)
    at_top = abs(header.line.top - top) < 2 or header.top <= top + TOL   # its first row may be a group row
    return at_top and same_layout(header.columns, table.columns)


def _ruled_columns(page: Page, cols: list[Column], first_mid: float) -> tuple[list[Column] | None, str]:
    xs = vertical_cuts(page, first_mid - 1, first_mid + 1, 0, page.width)
    old = [c.x0 for c in cols] + [cols[-1].x1]
    hits = sum(any(abs(x - o) <= SNAP for x in xs) for o in old)
    if len(xs) < 3 or hits < LINED_UP * len(old):
        return None, f"the rules at the page's top meet {hits} of the table's {len(old)} column edges"
    snapped = [min(xs, key=lambda x: abs(x - o)) for o in old]
    return ([Column(a, b, c.header, c.role, c.score) for a, b, c in zip(snapped, snapped[1:], cols)],
            f"the rules at the page's top meet {hits} of the table's {len(old)} column edges")


def gutter_at(words: list[Word], boundaries: list[float]) -> bool:
    """A gap several word spaces wide at a column boundary: the line is a row of the table (a word
    overhanging another boundary is the column model's slip, not prose)."""
    space = space_width(words)
    return any(b.x0 - a.x1 >= GUTTER * space and any(a.x1 - TOL < x <= b.x0 + TOL for x in boundaries)
               for a, b in zip(words, words[1:]))


def _pieces(line: Line, cols: list[Column]) -> bool:
    """A line of label pieces: short letter runs, each inside one column."""
    def inside(w: Word) -> bool:
        return any(c.x0 - TOL <= w.x0 and w.x1 <= c.x1 + TOL for c in cols)

    return all(w.text.isalpha() and len(w.text) <= PIECE and inside(w) for w in line.words)


def header_rest(page: Page, cols: list[Column], top: float, fill: RGB | None = None) -> list[Line]:
    """The lines at the top of this page (from `top`) that are the rest of the header of a table whose
    header ended the page before: lines made only of short letter runs each inside one column (narrow
    labels wrapped letter by letter run over the page break), or, below a header on fills of colour
    `fill`, lines of no ref or date whose words all lie on fills of that colour, each inside one column
    (a header row broken over the page)."""
    def on_fill(w: Word) -> bool:
        rgb = fill_at(page.fills, w)
        return rgb is not None and delta_e(rgb, fill) < SAME_DE

    out = []
    for ln in sorted((ln for ln in page.lines if ln.top >= top), key=lambda ln: ln.top):
        if not (_pieces(ln, cols) or fill is not None and not body_line(ln) and all(map(on_fill, ln.words))
                and not runs_across(ln.words, [c.x0 for c in cols[1:]])):
            break
        out.append(ln)
    return out


def header_spill(page: Page, cols: list[Column], top: float, fill: RGB | None = None) -> float:
    """Where a table whose header ended the page before goes on: below the rest of that header (see
    header_rest)."""
    rest = header_rest(page, cols, top, fill)
    return rest[-1].bottom + 0.5 if rest else top


def finish_labels(page: Page, cols: list[Column], rest: list[Line], split: bool = True) -> list[Column]:
    """The columns with the rest of their header (lines overleaf) added to their labels, each word to the
    column under its middle; a column that vertical rules part under the rest's words splits there, each
    part labelled by its own words, the old label its group ("Timescale" over "Start | End"), the last part
    no label names taking the old column's role. A column whose whole label now names a role more surely
    than it had one takes that role (a role so claimed twice stays with the surer). No split unless `split`
    (rows already read keep their columns' numbers)."""
    out: list[Column] = []
    changed: list[Column] = []
    heirs: list[tuple[list[Column], str | None, float]] = []
    for c in cols:
        words = [w for ln in rest for w in ln.words if c.x0 <= w.xc < c.x1]
        cuts = sorted({x for ln in rest for x in line_cuts(page, ln, c.x0, c.x1) if c.x0 + TOL < x < c.x1 - TOL})
        if split and cuts and len({bisect(cuts, w.xc) for w in words}) > 1:
            edges = [c.x0] + cuts + [c.x1]
            parts = [Column(a, b, header=" ".join(w.text for w in words if a <= w.xc < b), group=c.header)
                     for a, b in zip(edges, edges[1:])]
            heirs.append((parts, c.role, c.score))
        elif words:
            parts = [replace(c, header=" ".join([c.header] + [w.text for w in words]).strip())]
        else:
            out.append(c)
            continue
        out += parts
        changed += parts
    for c in changed:
        role, score = label_role(c)
        if role and score > c.score:
            c.role, c.score = role, score
    for parts, role, score in heirs:   # the split column's role goes to a part that took none, if still free
        free = [p for p in parts if p.role is None]
        if role and free and not any(o.role == role for o in out):
            free[-1].role, free[-1].score = role, score
    dedupe_roles(out)
    return out


def continuation(page: Page, headers: list[Header], table: OpenTable, top: float) -> Continuation:
    """Stage 5 for a page without a repeated header: the open table's columns when the content at
    `top` lines up with them, else None; `why` says which."""
    if headers and repeats_header(page, headers[0], table):
        return Continuation(None, "the page repeats the table's header")
    first_header_top = headers[0].top if headers else page.height
    if top >= first_header_top - TOL:
        return Continuation(None, "a new table's header opens the page")
    first = [ln for ln in page.lines if ln.top >= top and not banner(page, ln, table.columns)][:3]
    if not first:
        return Continuation(None, "the page has no text")
    cols = table.columns
    if table.grid == "ruled":  # the first of the top lines the rules cut into the columns (a row spanning them does not)
        tries = [_ruled_columns(page, cols, (ln.top + ln.bottom) / 2) for ln in first]
        return Continuation(*next((t for t in tries if t[0] is not None), tries[0]))
    inner = [c.x0 for c in cols[1:]]   # edges learnt on an earlier page: good to a quarter of the font size

    def across(ln: Line) -> bool:
        return runs_across(ln.words, inner, max(TOL, SLACK * ln.size)) and not gutter_at(ln.words, inner)

    if any(across(ln) for ln in first[1:]) or across(first[0]) and len(first) < 2:
        return Continuation(None, "the page's first lines run across the table's columns")
    return Continuation([Column(c.x0, c.x1, c.header, c.role, c.score) for c in cols],
                        "the page's first lines keep to the table's columns")


def join_split_row(prev_rows: list[Row], rows: list[Row], columns: list[Column], text_col: int | None = None) -> bool:
    """A row that a page break cut in two: its tail, with nothing in the anchor column (or, in a table
    of running text, with that text going on in lower case), joins the row above (`rows` loses it).
    True when a row was joined; an empty first row is dropped."""
    if not rows or not prev_rows:
        return False
    first, prev = rows[0], prev_rows[-1]
    anchor = anchor_of(columns)
    goes_on = text_col is not None and first.text(text_col)[:1].islower()
    if first.spanning or (first.text(anchor) and not goes_on) or prev.spanning:
        return False
    date_cols = [i for i, c in enumerate(columns) if c.role in ("deadline", "start")]
    texts = {ci: first.text(ci) for ci in first.cells if first.text(ci)}
    if not texts:
        rows.pop(0)
        return False
    own_dates = any(texts.get(ci) for ci in date_cols)
    lower = all(t[:1].islower() or t[:1] in ",;)" for t in texts.values())
    if own_dates and not lower:
        return False  # a new milestone/sub-row of the same action, not a split row
    for ci, cell in first.cells.items():
        target = prev.cells.get(ci)
        if target is None or target is cell:
            continue
        if cell.words and cell.text != target.text:  # a merged cell repeated on the new page is said once
            target.words.extend(_shifted(cell.words, target))
        for r in rows[1:]:  # the tail cell may run on down the new page: it is the head cell now
            if r.cells.get(ci) is cell:
                r.cells[ci] = target
    rows.pop(0)
    return True


def _shifted(words: list[Word], target) -> list[Word]:
    """Words of a row's tail, moved to sit below the head's words so that they read after them."""
    base = max((w.bottom for w in target.words), default=target.top) + 1.0
    top0 = min(w.top for w in words)
    return [Word(w.text, w.x0, w.x1, base + (w.top - top0), base + (w.bottom - top0), w.size, w.bold, w.rgb)
            for w in words]
