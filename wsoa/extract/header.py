"""Stages 1 and 2 of table finding: header candidates, and the column model each accepted one gives.

A line is a header candidate when its phrases name column roles (synonyms in data/columns.toml);
it is accepted when its columns carry three roles, one of them action or milestones. A line is
also a candidate by structure alone: the top row of a ruled grid of three or more columns, whose
cells hold no ref, date or status (those make a body row); its roles are settled from the columns'
content (tables.py). Columns come from the vertical rules crossing the header band ("rules"), else
from where each header phrase starts ("header alignment"); a header may run over several lines, and
a cell spanning several columns over sub-headers (a two-row header) is a hint for those columns.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from wsoa.extract.grid import (ACROSS, ACROSS_RULE, REF_LIKE, TOL, Column, banner, covers, fill_under, merge_positions,
                              rule_cover, runs_across, vertical_cuts)
from wsoa.extract.page import Line, Page, Rule, Word, space_width
from wsoa.extract.trace import ColumnTrace, HeaderTrace
from wsoa.normalise.content import header_role, is_dates, is_revision, is_status
from wsoa.normalise.dates import find_dates
from wsoa.normalise.roles import Phrase, header_phrases
from wsoa.normalise.status import Legend, is_colour_mark, is_mark

KEY_ROLES = {"action", "milestones"}
MIN_ROLES = 3
MAX_HEADER_WORDS = 8
EXACT = 95.0          # a column label this close to a synonym names its role beyond doubt
SHADED = 0.97         # a fill with a channel below this is shading, not white paper
PLAIN_GAP, BOLD_GAP = 0.6, 1.6  # the gap (in font sizes) over which a header goes on to its next line
PIECES_GAP = 2.5      # ... and to a next line of word pieces only
PIECE_LETTERS = 5     # a word this short may be a piece of a label wrapped mid-word
NARROW_LINES = 3      # lines of one word each that make a label narrow (wrapped mid-word)
HEADER_REACH = 8      # a header band between rules runs over at most this many font sizes
GUTTER_LINES = 5      # lines below a header that keep any gutter free make it a column boundary
BODY_LINES = 6        # lines below a styled row that must keep to its columns
GRID_REACH = 3        # a grid's inner rules resume within this many header heights below it
MARK_COLUMN = 6.0     # points: narrower than this, marks at a column's edge are the next column's, not one of their own
BODY_REACH = 40       # how far below a header (in its font sizes) its body text is read for gutters


@dataclass
class ColumnModel:
    """Stage 2: the columns a header line gives, the header band, and how the columns were found."""
    columns: list[Column]
    top: float
    bottom: float
    how: str          # "rules" | "header alignment"
    lines: int = 1    # lines of text in the header band

    @property
    def ruled(self) -> bool:
        return self.how == "rules"


@dataclass
class Header:
    top: float
    bottom: float
    columns: list[Column]
    ruled: bool
    line: Line
    how: str = "rules"
    lines: int = 1
    structural: bool = False   # found by structure alone: its roles must come from the content


@dataclass
class Candidate:
    """Stage 1: a line naming column roles, the header it gives (None when rejected) and why."""
    trace: HeaderTrace
    header: Header | None


def assign_roles(cols: list[Column]) -> None:
    """Give each column the role its header means; a role claimed twice stays with the best match.

    Header cells are short labels: a long text, or one holding a ref such as "1.3", is body text.
    """
    for c in cols:
        c.role, c.score = label_role(c)
    dedupe_roles(cols)


def label_role(col: Column) -> tuple[str | None, float]:
    """The role a column's label names (see header_role): none for a label too long for one (unless
    narrow), or holding a ref such as "1.3" (body text)."""
    label = re.sub(r"\(.*?(\)|$)", " ", col.header).split()
    if col.header and (len(label) <= MAX_HEADER_WORDS or col.narrow) and not any(REF_LIKE.match(w) for w in label):
        return header_role(col.header, col.narrow)
    return None, 0.0


def revisions(cols: list[Column]) -> list[Column]:
    """Columns under one deadline label whose sub-headers name revisions ("Original | Revised"):
    deadline columns whose dates are revisions in that order."""
    out = [c for c in cols if c.group and c.header and is_revision(c.header) and header_role(c.group)[0] == "deadline"]
    return out if len(out) >= 2 and len({c.group for c in out}) == 1 else []


def dedupe_roles(cols: list[Column]) -> None:
    """A role claimed by several columns stays with the best match (revisions of a deadline stay all)."""
    kept = revisions(cols)
    for c in kept:
        c.role = "deadline"
    for role in {c.role for c in cols if c.role}:
        same = [c for c in cols if c.role == role]
        best = kept if role == "deadline" and kept else [max(same, key=lambda c: c.score)]
        for c in same:
            if not any(c is b for b in best):
                c.role = None


def _band(page: Page, top: float, bottom: float) -> list[Line]:
    return [ln for ln in page.lines if top <= (ln.top + ln.bottom) / 2 <= bottom]


def line_cuts(page: Page, line: Line, x0: float, x1: float) -> list[float]:
    """x positions of the vertical rules crossing the line between x0 and x1."""
    mid = (line.top + line.bottom) / 2
    return vertical_cuts(page, mid - 1, mid + 1, x0, x1)


def _label_columns(page: Page, band: list[Line], cols: list[Column], outer: list[float],
                   cuts_of: Callable[[Line], list[float]] | None = None) -> None:
    """Each column's header text from the band's words; a word in a cell spanning several columns
    (the rules of its own line, or its cells' fills, skip an inner column edge) is a group label for
    those columns."""
    own: list[list[Word]] = [[] for _ in cols]
    group: list[list[Word]] = [[] for _ in cols]
    for ln in band:
        cuts = cuts_of(ln) if cuts_of else line_cuts(page, ln, outer[0], outer[-1])
        cuts = cuts if len(cuts) >= 2 else outer
        for w in ln.words:
            cell = [(a, b) for a, b in zip(cuts, cuts[1:]) if a <= w.xc < b]
            if not cell:
                continue
            a, b = cell[0]
            inside = [i for i, c in enumerate(cols) if c.x0 >= a - TOL and c.x1 <= b + TOL]
            for i in inside:
                (own if len(inside) == 1 else group)[i].append(w)
    for c, ws, gs in zip(cols, own, group):
        _label(c, ws, gs)


def _label(col: Column, own: list[Word], group: list[Word]) -> None:
    """A column's label and its group label from their words, in reading order; a label set one word
    per line over NARROW_LINES lines or more, most of them pieces of a few letters, is narrow: the pieces
    of words a column too narrow for them broke ("Addit | ional | resou | rce")."""
    own, group = (sorted(ws, key=lambda w: (round(w.top), w.x0)) for ws in (own, group))
    col.header, col.group = " ".join(w.text for w in own), " ".join(w.text for w in group)
    tops = [round(w.top) for w in own]
    pieces = sum(len(w.text) <= PIECE_LETTERS for w in own)
    col.narrow = len(tops) >= NARROW_LINES and len(set(tops)) == len(tops) and 2 * pieces >= len(own)


def rule_columns(page: Page, line: Line) -> list[Column]:
    """The columns between the vertical rules crossing a line (none when fewer than two cross it)."""
    mid = (line.top + line.bottom) / 2
    xs = vertical_cuts(page, mid - 1, mid + 1, 0, page.width)
    return [Column(a, b) for a, b in zip(xs, xs[1:]) if b - a > 3]


def _sub_header_bottom(page: Page, line: Line, xs: list[float], bottom: float, limit: float) -> float:
    """A header band goes on over a line of sub-headers just below it: short labels in the header's
    weight, no ref or date, split by vertical rules that do not cross the header's first line
    ("Timescale" over "From | To"; a rule under the spanning label only is not the header's end), unless
    a rule across the table closes a band that already holds its sub-headers; never below `limit` (the
    bottom of the header's fill)."""
    inside = [ln for ln in page.lines if line.bottom <= ln.top and ln.bottom <= bottom + TOL]
    closed = any(abs(r.top - bottom) <= TOL and covers(r, xs[0], xs[-1]) for r in page.hrules)
    if closed and any(x for ln in inside for x in line_cuts(page, ln, xs[0] - TOL, xs[-1] + TOL)
                      if all(abs(x - o) > TOL for o in xs)):
        return bottom
    for nxt in (ln for ln in page.lines if bottom < (ln.top + ln.bottom) / 2 < limit and ln.top < bottom + 2 * line.size):
        cuts = line_cuts(page, nxt, xs[0] - TOL, xs[-1] + TOL)
        new = [x for x in cuts if all(abs(x - o) > TOL for o in xs)]
        if not new or nxt.bold != line.bold or body_line(nxt) or any(len(p) > 3 for p in _cell_texts(nxt, cuts)):
            break
        bottom = nxt.bottom + 1
        rule = [r.top for r in page.hrules if bottom - TOL <= r.top <= bottom + line.size and covers(r, xs[0], xs[-1])]
        bottom = min(rule, default=bottom)
    return bottom


def _cell_texts(line: Line, cuts: list[float]) -> list[list[str]]:
    return [[w.text for w in line.words if a <= w.xc < b] for a, b in zip(cuts, cuts[1:])]


def _inner_rules_end(page: Page, line: Line, xs: list[float]) -> float:
    """Where the inner vertical rules crossing a header line end, each followed down over its joined
    segments (rules drawn cell by cell break at the header cells' bottom, where a banner row below
    has only the outer rules)."""
    mid = (line.top + line.bottom) / 2
    ends = []
    for x in xs[1:-1]:
        spans = sorted((r.top, r.bottom) for r in page.vrules if abs(r.x0 - x) <= TOL and r.bottom > mid)
        reach = mid
        for a, b in spans:
            if a <= reach + 1:
                reach = max(reach, b)
        ends.append(reach)
    return max(ends, default=page.height) + 1


def _splits_below(page: Page, rule: Rule, xs: list[float]) -> bool:
    """A vertical rule that is none of the header line's starts at the rule, inside it, and goes on no rule
    above it: the rule under a spanning label, over its sub-headers ("Timescale" over "Start | End"), not
    the header's bottom (where a grid drawn row by row starts every edge again)."""
    def starts_anew(v: Rule) -> bool:
        return not any(abs(u.x0 - v.x0) <= TOL and abs(u.bottom - rule.top) <= TOL for u in page.vrules)

    return any(abs(v.top - rule.top) <= TOL and rule.x0 + TOL < v.x0 < rule.x1 - TOL
               and all(abs(v.x0 - x) > TOL for x in xs) and starts_anew(v) for v in page.vrules)


def _reached(page: Page, xs: list[float], y: float, down: float) -> bool:
    """Some vertical rule at one of the edges xs runs from y down to `down` (the header line): a rule above
    that none reaches so, e.g. the bottom border of a table just above, is not the header's top border."""
    return any(r.top <= y + TOL and r.bottom >= down for r in page.vrules if any(abs(r.x0 - x) <= TOL for x in xs))


def columns_from_rules(page: Page, line: Line) -> ColumnModel | None:
    """Columns between the vertical rules crossing the header band (the rules of every line of it,
    so that sub-headers under a spanning cell are columns); the band runs between the horizontal
    rules around the line. None when fewer than three rules cross the line."""
    xs = line_cuts(page, line, 0, page.width)
    if len(xs) < 3:
        return None
    above = [r.top for r in page.hrules if line.top - 2 * line.size - 4 <= r.top <= line.top + TOL
             and covers(r, xs[0], xs[-1], 0.5) and _reached(page, xs, r.top, line.top)]
    below = [r.top for r in page.hrules if r.top >= line.bottom - TOL and covers(r, xs[0], xs[-1], 0.5)
             and not _splits_below(page, r, xs)]
    top = max(above) if above else line.top - 1
    bottom = min(below) if below else line.bottom + 1
    if not above:  # no rule over the header: it runs over its fill, else the lines of its own style
        own = _filled_bottom(page, line) or _styled_bottom(page, line, xs[0], xs[-1])
        bottom = min(below + [own, _inner_rules_end(page, line, xs)])
    bottom = _sub_header_bottom(page, line, xs, bottom, _filled_bottom(page, line) or page.height)
    band = _band(page, top, bottom)
    cuts = merge_positions([x for ln in band for x in line_cuts(page, ln, xs[0] - TOL, xs[-1] + TOL)] + xs)
    cols = [Column(a, b) for a, b in zip(cuts, cuts[1:]) if b - a > 3]
    _label_columns(page, band, cols, xs)
    return ColumnModel(cols, top, bottom, "rules", len(band))


def columns_from_alignment(page: Page, line: Line, phrases: list[Phrase]) -> ColumnModel:
    """Columns of a table without vertical rules: each boundary lies in the gap between two header
    phrases, where the text below leaves a gutter (so headers may be aligned left, centred or right);
    the header goes on over the following lines of the same style with no rule between, and a line
    of it with two phrases under one column splits that column (sub-headers under a spanning label)."""
    words = line.words
    near = [r for r in page.hrules if abs(r.top - line.top) < 4 * line.size and r.x0 <= words[0].x0 + 2
            and r.x1 >= words[-1].x1 - 2]
    right = max([r.x1 for r in near] + [max(w.x1 for w in page.words) + 2])
    top = line.top - 1
    bottom = _ruled_band_bottom(page, line) or _filled_bottom(page, line) or \
        _styled_bottom(page, line, words[0].x0 - 6, right)
    body = [ln for ln in page.lines if bottom < ln.top < bottom + BODY_REACH * line.size]
    cuts = sorted({p.start for p in phrases} | set(_body_splits(line, body)))
    starts = [words[i].x0 for i in cuts]
    ends = [words[j - 1].x1 for j in cuts[1:] + [len(words)]]
    first = [w.x0 for ln in body for w in ln.words if w.x1 <= starts[0] + (ends[0] - starts[0]) and w.x0 < starts[0]]
    left = min([r.x0 for r in near] + [starts[0] - 6] + [x - 2 for x in first[:1] if starts[0] - x < 4 * line.size]
               + _reaching_left(body, starts[0], starts[1] if len(starts) > 1 else right)
               + _rows_left(body, starts[0], ends[0]))
    marks = _mark_spans(page, bottom, body[-1].bottom if body else bottom)
    gaps = [(ends[i - 1], starts[i]) for i in range(1, len(starts))]
    band = _band(page, top, bottom)
    before = [_before_marks(a, b, marks) for a, b in gaps]
    main = [left] + [gutter(body, a, x, line.size, band) for (a, _), x in zip(gaps, before)] + [right]
    moved = [(x, b) for x, (_, b) in zip(before, gaps) if x < b]  # a column starting at its marks
    subs = [(a, b, y) for a, b, y in _sub_header_gaps(band[1:], gaps, left, right)
            if not any(lo - TOL <= b and a <= hi + TOL for lo, hi in moved)]
    merged = []
    for a, b, y in subs:
        m = next((i for i in range(len(main) - 1) if main[i] - TOL <= a and b <= main[i + 1] + TOL), None)
        if m is not None:
            merged.append((main[m], main[m + 1], y))
    bounds = sorted(main[:-1] + [gutter(body, a, b, line.size) for a, b, _ in subs]) + [right]
    cols = [Column(a, b) for a, b in zip(bounds, bounds[1:])]
    _label_aligned(band, cols, merged + _rule_groups(page, band, cols))
    return ColumnModel(cols, top, bottom, "header alignment", len(band))


def _mark_spans(page: Page, top: float, bottom: float) -> list[tuple[float, float]]:
    """x-extents of the status marks (coloured shapes and mark glyphs) between top and bottom, and the left
    edges (as empty extents) of the fills there that are no row's shading (the same colour in another cell
    beside them): a fill starts a cell."""
    shapes = [(s.x0, s.x1) for s in page.shapes if top <= (s.top + s.bottom) / 2 <= bottom and is_colour_mark(s.rgb)]
    band = [f for f in page.fills if top <= (f.top + f.bottom) / 2 <= bottom and is_colour_mark(f.rgb)]
    fills = [(f.x0, f.x0) for f in band if not any(g.rgb == f.rgb and g.x0 != f.x0 and min(g.bottom, f.bottom) >
                                                   max(g.top, f.top) for g in band)]  # row shading starts no column
    return shapes + fills + [(w.x0, w.x1) for w in page.words if top <= w.yc <= bottom and is_mark(w.text, w.rgb)]


def _before_marks(a: float, b: float, marks: list[tuple[float, float]]) -> float:
    """Where the next header phrase's column starts in the gap a..b: at the first status marks or fill set
    in the gap (marks set left in a column whose header is centred or set right over it), else at b."""
    inside = [x0 for x0, x1 in marks if a < x0 and x1 <= b]
    return min(inside, default=b)


def _reaching_left(body: list[Line], start: float, end: float) -> list[float]:
    """Left ends (less 2 pt) of body text runs that start left of the first header phrase and run on
    under it, within the first column: its text, set wider than its header (a header set right or
    centred over a wide column)."""
    return [a - 2 for ln in body for a, b in _spans(ln) if a < start < b < end]


def _rows_left(body: list[Line], start: float, end: float) -> list[float]:
    """The left end (less 2 pt) of rows whose first cell starts left of the first header phrase and ends
    before that phrase does, when two rows or more do (a header set right or centred over a narrow
    first column: "LO1" under "Action No")."""
    lefts = [ln.words[0].x0 for ln in body if len(_spans(ln)) > 1 and ln.words[0].x0 < start and ln.words[0].x1 <= end]
    return [min(lefts) - 2] if len(lefts) >= 2 else []


def _spans(line: Line) -> list[tuple[float, float]]:
    """A line's runs of text: words a word space apart joined (a phrase stays one run)."""
    out: list[list[float]] = []
    space = space_width(line.words)
    for w in line.words:
        if out and w.x0 - out[-1][1] <= 1.6 * space:
            out[-1][1] = w.x1
        else:
            out.append([w.x0, w.x1])
    return [(a, b) for a, b in out]


def _free_runs(lines: list[list[tuple[float, float]]], x0: float, x1: float,
               pad: float = 1.0) -> list[tuple[float, float]]:
    """Runs of x in x0..x1 that no line (given as runs of text, each widened by `pad`) crosses."""
    out, at = [], x0
    for a, b in sorted((a - pad, b + pad) for sp in lines for a, b in sp):
        if a > at:
            out.append((at, min(a, x1)))
        at = max(at, b)
        if at >= x1:
            break
    if at < x1:
        out.append((at, x1))
    return [(a, b) for a, b in out if b > a and a < x1]


def body_gutters(band: list[Line], body: list[Line], x0: float, x1: float, size: float) -> list[float]:
    """Column boundaries that a table's body keeps free: each run of x that no body line of two runs
    or more crosses (a line of one run may be a banner row, a heading or prose), a fifth of a font
    size wide or more. Header words may stand in such a run (aligned right or centred over
    their column, or over a column with no text, e.g. of status marks, also at the table's edges):
    the boundary is then the last gap the header band's words leave in it (just before the next
    column's text), else its middle."""
    spans = [sp for sp in map(_spans, body) if len(sp) > 1]
    header = [[(w.x0, w.x1) for w in ln.words] for ln in band]
    words = [w for ln in header for w in ln]

    def labelled(lo: float, hi: float) -> bool:
        return any(u < hi and v > lo for u, v in words)

    runs = [(a, b) for a, b in _free_runs(spans, x0, x1) if b - a >= 0.2 * size]
    out = []
    for i, (a, b) in enumerate(runs):
        gaps = [(c, d) for c, d in _free_runs(header, a, b, 0.0) if d - c >= 1.0 and x0 + 0.5 < c and d < x1 - 0.5]
        c, d = gaps[-1] if gaps else (a, b)
        after = runs[i + 1][0] if i + 1 < len(runs) else x1
        before = runs[i - 1][1] if i else x0
        if a <= x0 and not (gaps and labelled(a, c) and labelled(b, after)):
            continue  # the margin, unless a column of no text has its own label beside the next one's
        if b >= x1 - 0.5 and not (gaps and labelled(d, b) and labelled(before, a)):
            continue
        out.append((c + d) / 2)
    return out


def columns_from_body(page: Page, line: Line, model: ColumnModel) -> ColumnModel | None:
    """Columns of a table without vertical rules from the gutters its header band and body keep free
    (headers aligned anyhow, wrapped or not): None when fewer than three columns, or when a column
    has no header words (a header names every column, or all but one)."""
    band = _band(page, model.top, model.bottom)
    body = [ln for ln in page.lines if model.bottom < ln.top < model.bottom + BODY_REACH * line.size]
    again = [ln.top for ln in body if ln.text == line.text]  # the header repeated over the next table
    body = [ln for ln in body if ln.top < min(again, default=page.height)]
    lines = band + body
    if len(body) < GUTTER_LINES:
        return None
    left, right = min(ln.x0 for ln in lines), max(ln.x1 for ln in lines)
    bounds = [left - 2] + body_gutters(band, body, left, right, line.size) + [right + 2]
    bounds = _split_at_marks(bounds, body, _mark_spans(page, model.bottom, body[-1].bottom))
    cols = [Column(a, b) for a, b in zip(bounds, bounds[1:])]
    _label_aligned(band, cols, _rule_groups(page, band, cols))
    if len(cols) < MIN_ROLES or sum(1 for c in cols if not c.header) > 1:
        return None
    return ColumnModel(cols, model.top, model.bottom, "body gutters", len(band))


def _split_at_marks(bounds: list[float], body: list[Line], marks: list[tuple[float, float]]) -> list[float]:
    """A column whose status marks or fills stand right of all its text (and not just at its edge) splits
    there: the marks are a column of their own (a gutter the body keeps free may hold one)."""
    out = list(bounds)
    for a, b in zip(bounds, bounds[1:]):
        xs = [w for ln in body for w in ln.words if a <= w.xc < b]
        end = max((w.x1 for w in xs), default=None)
        starts = [(x0, x1) for x0, x1 in marks if end is not None and end < x0 and x1 <= b and b - x0 > MARK_COLUMN]
        if starts:
            x0, x1 = min(starts)
            out.append(x0 - 0.5 if x0 == x1 else (end + x0) / 2)   # a fill starts its cell; a mark sits inside
    return sorted(out)


def _keeps_columns(page: Page, line: Line, model: ColumnModel) -> bool:
    """The lines below the header keep to its columns (two or more of them, over three columns)."""
    inner = [c.x0 for c in model.columns[1:]]
    body = [ln for ln in page.lines if ln.top > model.bottom][:BODY_LINES]
    kept = [ln for ln in body if not runs_across(ln.words, inner)]
    hit = {i for ln in kept for w in ln.words for i, c in enumerate(model.columns) if c.x0 <= w.xc < c.x1}
    return len(kept) >= 2 and len(hit) >= MIN_ROLES


def _misfits(page: Page, model: ColumnModel) -> int:
    """How badly the lines below the header (banner rows aside) fit its columns: lines running across
    an inner boundary or starting left of the first column (a header set right over a narrow first
    column), and columns holding two runs of one line (two cells' text in one column)."""
    inner = [c.x0 for c in model.columns[1:]]
    body = [ln for ln in page.lines if ln.top > model.bottom and len(_spans(ln)) > 1][:BODY_LINES]
    across = sum(1 for ln in body if runs_across(ln.words, inner) or ln.words[0].x1 <= model.columns[0].x0)
    shared = 0
    for ln in body:
        cols = [i for a, b in _spans(ln) for i, c in enumerate(model.columns) if c.x0 <= (a + b) / 2 < c.x1]
        shared += len(cols) - len(set(cols))
    return across + shared


def aligned_columns(page: Page, line: Line, phrases: list[Phrase]) -> ColumnModel:
    """The column model of a header without vertical rules: from its phrases' alignment, or, when the
    text below does not fit those columns (or some have no width), from the gutters the body keeps
    free when they give as many columns (as the header's words label) and fit the text better."""
    model = columns_from_alignment(page, line, phrases)
    flat = any(c.x1 - c.x0 < 1 for c in model.columns)
    misfits = _misfits(page, model)
    if not flat and misfits == 0:
        return model
    other = columns_from_body(page, line, model)
    if other is None or not _keeps_columns(page, line, other):
        return model
    wide = sum(1 for c in model.columns if c.x1 - c.x0 >= 1 and c.header)  # a column no label names is doubtful
    if len(other.columns) < wide:
        return model
    return other if flat or _misfits(page, other) < misfits else model


def _body_splits(line: Line, body: list[Line]) -> list[int]:
    """Words of a header line that start a column although no wide gap comes before them: the text
    below leaves a gutter under the gap before the word (crossed by at most one line in ten), and
    starts there again."""
    out = []
    size = line.size
    for i in range(1, len(line.words)):
        u, v = line.words[i - 1], line.words[i]
        a, b = u.x1 - size, v.x0 - 0.5
        if b - a < 0.5 * size or len(body) < 2:
            continue
        crossing = sum(1 for ln in body if any(w.x0 < b and w.x1 > a for w in ln.words))
        starting = sum(1 for ln in body if any(abs(w.x0 - v.x0) <= size for w in ln.words))
        if crossing <= 0.1 * len(body) and starting >= 2:
            out.append(i)
    return out


def _sub_header_gaps(lines: list[Line], gaps: list[tuple[float, float]], left: float,
                     right: float) -> list[tuple[float, float, float]]:
    """Gaps between two phrases of a lower header line that both lie under one phrase of the first
    line (between the end of the phrase before it and the start of the phrase after it), with the
    top of that line."""
    ends = [left] + [a for a, _ in gaps]
    starts = [b for _, b in gaps] + [right]
    out = []
    for ln in lines:
        wide = wide_gaps(ln)
        for i, w in enumerate(ln.words):
            prev = ln.words[i - 1]
            if wide[i] and any(a <= prev.x0 and w.x1 <= b for a, b in zip(ends, starts)):
                out.append((prev.x1, w.x0, ln.top))
    return out


def gutter(lines: list[Line], a: float, b: float, size: float, labels: Iterable[Line] = ()) -> float:
    """A column boundary in the gap a..b between two header phrases: just before the next phrase,
    unless text below crosses there or opens just after a gutter (an em wide) before it, under no
    word of the header's `labels` (text of the next column, its header set right or centred over it;
    text under a sub-header belongs to the spanning label before); then the middle of the first run
    of x that no line below crosses (a run wider than half the font size when fewer than three lines
    tell; any gutter kept free by three lines or more is one), and that is not the space between two
    words of a line ("breaks 2": a cell's text running to its edge)."""
    def free(x: float) -> bool:
        return not any(w.x0 - 1 <= x <= w.x1 + 1 for ln in lines for w in ln.words)

    if b - a < 2:
        return b - 3.0
    need = 0.5 * size if len(lines) < GUTTER_LINES else 0.5
    run: list[float] = []
    for x in (a + 0.5 * k for k in range(int(2 * (b - a)) + 1)):
        if free(x):
            run.append(x)
            continue
        if run and run[-1] - run[0] >= need and not _word_space(lines, run[0], run[-1]):
            break
        run = []
    found = bool(run) and run[-1] - run[0] >= need
    heads = [(w.x0, w.x1) for ln in labels for w in ln.words]
    opening = [w for ln in lines for w in ln.words if run and abs(w.x0 - 1 - run[-1]) <= 1.0 and w.x0 < b - 3.0]
    beyond = found and run[-1] - run[0] >= size and bool(opening) and not any(
        u < w.x1 and w.x0 < v for w in opening for u, v in heads)
    if all(free(b - 3.0 + d) for d in (-1.0, 0.0, 1.0)) and not beyond:
        return b - 3.0
    return (run[0] + run[-1]) / 2 if found else b - 3.0


def _word_space(lines: list[Line], lo: float, hi: float) -> bool:
    """Some line has two words a word space apart on either side of lo..hi, the second ending its cell
    (a wide gap or nothing after it: "breaks 2", a cell's text run to its edge; a banner's words run on)."""
    for ln in lines:
        space = 1.6 * space_width(ln.words)
        ws = ln.words
        for i in range(len(ws) - 1):
            u, v = ws[i], ws[i + 1]
            last = i + 2 == len(ws) or ws[i + 2].x0 - v.x1 > space
            if u.x1 <= lo + 1 and v.x0 >= hi - 1 and v.x0 - u.x1 <= space and last:
                return True
    return False


def _rule_groups(page: Page, band: list[Line], cols: list[Column]) -> list[tuple[float, float, float]]:
    """Rules inside a header band under part of it ("Timescale" ruled off over "Begin | Finish"), each
    spanning the middles of two columns or more but not all: (x0, x1, y) of the group each labels."""
    if len(band) < 2:
        return []
    out = []
    for r in page.hrules:
        inside = sum(1 for c in cols if r.x0 <= (c.x0 + c.x1) / 2 <= r.x1)
        if band[0].bottom - TOL <= r.top <= band[-1].top + TOL and 2 <= inside < len(cols):
            out.append((r.x0, r.x1, r.top))
    return out


def _label_aligned(band: list[Line], cols: list[Column], merged: list[tuple[float, float, float]]) -> None:
    """Header words per column; the words above a sub-header line, over the columns it split
    (m0..m1 from y down: their middles inside), are the group label of those columns."""
    own: list[list[Word]] = [[] for _ in cols]
    group: list[list[Word]] = [[] for _ in cols]
    for w in (w for ln in band for w in ln.words):
        over = [(m0, m1) for m0, m1, y in merged if m0 <= w.xc < m1 and w.bottom <= y + 1]
        for i, c in enumerate(cols):
            if over and over[0][0] <= (c.x0 + c.x1) / 2 <= over[0][1]:
                group[i].append(w)
            elif not over and c.x0 <= w.xc < c.x1:
                own[i].append(w)
    for c, ws, gs in zip(cols, own, group):
        _label(c, ws, gs)


def _ruled_band_bottom(page: Page, line: Line) -> float | None:
    """A header between two horizontal rules across it (the one above close over its first line, the
    one below within a few lines): the band runs down to the rule below."""
    def across(r) -> bool:
        return covers(r, line.x0, line.x1, 0.9)

    above = [r for r in page.hrules if line.top - 1.5 * line.size <= r.top <= line.top + TOL and across(r)]
    below = sorted(r.top for r in page.hrules if line.bottom - TOL < r.top < line.top + HEADER_REACH * line.size
                   and across(r))
    if not (above and below):
        return None
    between = [ln for ln in page.lines if line.bottom < ln.top < below[0]]
    return None if any(body_line(ln) for ln in between) else below[0]


def _filled_bottom(page: Page, line: Line) -> float | None:
    """A header on coloured fills across it: the band runs down to where the fills end."""
    fills = [f for f in page.fills if f.top - TOL <= line.top and f.bottom >= line.bottom - TOL and shaded(f.rgb)
             and f.x1 > line.x0 and f.x0 < line.x1 and _header_deep(page, line, f.bottom)]
    covered = sum(min(f.x1, line.x1) - max(f.x0, line.x0) for f in fills)
    return max(f.bottom for f in fills) if fills and covered >= 0.8 * (line.x1 - line.x0) else None


def _header_deep(page: Page, line: Line, bottom: float) -> bool:
    """A band from the line down to `bottom` may be a header: at most HEADER_REACH font sizes deep, or twice
    that when the line names a role and the lines in it below the first open no body row (a header
    wrapped in narrow columns)."""
    if bottom - line.top <= HEADER_REACH * line.size:
        return True
    if not phrases_of(line):
        return False
    inside = [ln for ln in page.lines if line.bottom <= ln.top and ln.bottom <= bottom + TOL]
    return bottom - line.top <= 2 * HEADER_REACH * line.size and not any(map(body_line, inside))


def body_line(line: Line) -> bool:
    """A line that opens a body row: it starts with a ref, or holds a date."""
    return bool(REF_LIKE.match(line.words[0].text) or find_dates(line.text))


def _styled_bottom(page: Page, line: Line, x0: float, x1: float) -> float:
    """A header goes on over the following close lines of its own style with no rule between (a
    bold header over wider line spacing: bold sets it apart from the body)."""
    bottom = line.bottom + 1
    style = (line.words[0].bold, line.words[0].rgb)
    reach = (BOLD_GAP if line.bold else PLAIN_GAP) * line.size
    for nxt in page.lines:
        if nxt.top <= line.top or nxt.top - bottom > (PIECES_GAP * line.size if _pieces(nxt) else reach):
            continue
        if (nxt.words[0].bold, nxt.words[0].rgb) != style or rule_cover(page, bottom - TOL, nxt.top + TOL, x0, x1) >= ACROSS_RULE \
                or body_line(nxt) or _new_band(page, line, nxt, x0, x1) or _over_gaps(nxt, line):
            break
        bottom = nxt.bottom + 1
    return bottom


def _over_gaps(nxt: Line, line: Line) -> bool:
    """A run of `nxt`'s words (a word space apart) spans two or more of the wide gaps between the labels of
    the header's first `line`: a banner or a sentence under the header, not its labels wrapped (in tight
    columns two labels' words may stand a word space apart, over one gap)."""
    gaps = [(a.x1, b.x0) for a, b, wide in zip(line.words, line.words[1:], wide_gaps(line)[1:]) if wide]
    return any(sum(a < g0 and b > g1 for g0, g1 in gaps) >= 2 for a, b in _spans(nxt))


def _new_band(page: Page, line: Line, nxt: Line, x0: float, x1: float) -> bool:
    """`nxt` lies on a fill across the table that starts below `line`: a banner row, not the header's."""
    return any(f.top > line.bottom - TOL and f.top <= nxt.top + TOL and f.bottom >= nxt.bottom - TOL
               and min(f.x1, x1) - max(f.x0, x0) >= ACROSS * (x1 - x0) for f in page.fills)


def _pieces(line: Line) -> bool:
    """A line of word pieces only (labels wrapped mid-word in narrow columns, "rces G fe"): set as far
    apart as the table's rows, it still goes on with the header above."""
    return all(w.text.isalpha() and len(w.text) <= PIECE_LETTERS for w in line.words)


def wide_gaps(line: Line) -> list[bool]:
    """For each word of the line: does a gap much wider than a word space come before it?"""
    words = line.words
    space = space_width(words)
    return [i > 0 and words[i].x0 - words[i - 1].x1 > max(0.8 * words[i].size, 2.5 * space)
            for i in range(len(words))]


def phrases_of(line: Line) -> list[Phrase]:
    """The line's words as column phrases; a gap much wider than a word space separates columns."""
    return header_phrases([w.text for w in line.words], wide_gaps(line))


def _names_a_table(roles: set[str]) -> bool:
    return len(roles) >= MIN_ROLES and bool(roles & KEY_ROLES)


def is_header_line(line: Line) -> bool:
    """True for a line whose words name three column roles, one of them action or milestones."""
    return _names_a_table({p.role for p in phrases_of(line) if p.role})


def labels_columns(line: Line, wrapped: bool = False) -> bool:
    """A line of three or more phrases set apart by wide gaps, two of them naming roles: column labels (a
    header whose other labels are in unknown words or wrapped), not a running head or a sentence. With
    `wrapped` (the line goes on in lines set close under it), four or more phrases, one naming a role."""
    named = len({p.role for p in phrases_of(line) if p.role})
    gaps = sum(wide_gaps(line))
    return named >= 2 and gaps >= MIN_ROLES - 1 or wrapped and named >= 1 and gaps >= MIN_ROLES


def rule_between(page: Page, y0: float, y1: float, cols: list[Column]) -> bool:
    return any(y0 - TOL <= r.top <= y1 + TOL and covers(r, cols[0].x0, cols[-1].x1, 0.3) for r in page.hrules)


def _grid_reach_above(page: Page, x: float, y: float) -> float:
    """How far up the vertical rule at x runs from y, its segments joined."""
    spans = sorted(((r.top, r.bottom) for r in page.vrules if abs(r.x0 - x) <= TOL and r.top < y), reverse=True)
    reach = y
    for a, b in spans:
        if b >= reach - 4:
            reach = min(reach, a)
    return reach


def _looks_like_body(cols: list[Column]) -> bool:
    """Cells holding a ref, a date or a status word belong to a body row, not a header; so does a
    row with more than one empty cell (a header names every column, or all but one)."""
    if sum(1 for c in cols if not (c.header or c.group)) > 1:
        return True
    legend = Legend.default()
    for c in cols:
        text = c.header.strip()
        short = len(text.split()) <= 3
        if text and (REF_LIKE.match(text) or is_dates(text) or (short and is_status(text, legend))):
            return True
    return False


def _edges_below(page: Page, model: ColumnModel) -> int:
    """How many of the header's column edges have a vertical rule going on below its band (soon
    below: a banner row spanning the table may come first, with only the outer rules)."""
    edges = [model.columns[0].x0] + [c.x1 for c in model.columns]
    reach = model.bottom + GRID_REACH * (model.bottom - model.top + 1)
    return sum(1 for x in edges if any(abs(r.x0 - x) <= TOL and r.bottom > model.bottom + 2 and r.top < reach
                                       for r in page.vrules))


def grid_top(page: Page, line: Line) -> ColumnModel | None:
    """The column model of a line that opens a ruled grid of three or more columns (no rule runs
    above it, the rules go on below its band, or its band ends the page) and whose cells read as
    headers; else None."""
    xs = line_cuts(page, line, 0, page.width)
    if len(xs) < 3:
        return None
    fresh = _fresh_columns(page, xs[1:-1], line)
    if not fresh and any(_grid_reach_above(page, x, line.top) < line.top - 3.5 * line.size - 4 for x in xs[::len(xs) - 1]):
        return None  # a body line deep in a grid (its outer rules run far above it) opens none
    model = columns_from_rules(page, line)
    if model is None or len(model.columns) < MIN_ROLES:
        return None
    if any(ln.top < line.top - 1 for ln in _band(page, model.top, model.bottom)):
        return None
    xs = (model.columns[0].x0, model.columns[-1].x1)
    if not fresh and any(_grid_reach_above(page, x, line.top) < min(model.top, line.top) - 1.5 * line.size for x in xs):
        return None
    if _edges_below(page, model) < MIN_ROLES and not _ends_page(page, model) or _looks_like_body(model.columns):
        return None
    return model


def _fresh_columns(page: Page, inner: list[float], line: Line) -> bool:
    """Most of the line's inner rules start at it, where no rule ran above: it opens columns of its own
    (a grid set straight under a key table, whose outer rules run on up), not a row under a banner."""
    above = [x for x in inner if any(abs(r.x0 - x) <= TOL and r.top < line.top - 1.5 * line.size for r in page.vrules)]
    return len(inner) >= 2 and 2 * len(above) < len(inner)


def _ends_page(page: Page, model: ColumnModel) -> bool:
    """A header band with no text below it on its page but banners (a filled row as wide as the table):
    its body starts on the next one (a header whose narrow labels wrap over many lines can fill the
    rest of a page)."""
    return not any(ln.top > model.bottom and not banner(page, ln, model.columns) for ln in page.lines)


def _tiled(pieces: list[tuple[float, float]], line: Line, least: int = MIN_ROLES) -> list[float]:
    """The edges of `least` or more pieces side by side (each starting where the last ends) that span
    the line's words; else none."""
    pieces = sorted({(round(a, 1), round(b, 1)) for a, b in pieces})  # a cell drawn twice counts once
    if len(pieces) < least or pieces[0][0] > line.x0 + TOL or pieces[-1][1] < line.x1 - TOL:
        return []
    if any(abs(b[0] - a[1]) > TOL for a, b in zip(pieces, pieces[1:])):
        return []
    return [a for a, _ in pieces] + [pieces[-1][1]]


def _border_rows(page: Page, top: float, bottom: float) -> dict[float, list[tuple[float, float]]]:
    """Horizontal rules between top and bottom drawn cell by cell, grouped by height: segments."""
    rows: dict[float, list[tuple[float, float]]] = {}
    for r in page.hrules:
        if top <= r.top <= bottom:
            rows.setdefault(round(r.top), []).append((r.x0, r.x1))
    return rows


def cell_edges(page: Page, line: Line) -> list[float]:
    """The edges of a row's cells where no vertical rule marks them: the ends of the border drawn
    cell by cell just above the line, else the sides of the fills behind its cells one by one (as
    browsers and word processors print tables with horizontal borders or shading only). An edge a
    word runs across is dropped (a label spanning two columns bordered one by one); words across a
    third of them, or fewer than three cells: none."""
    h = line.bottom - line.top
    found: list[float] = []
    for _, pieces in sorted(_border_rows(page, line.top - 1.5 * h, line.top + TOL).items(), reverse=True):
        found = _tiled(pieces, line)
        if found:
            break
    edges = merge_positions(found) if found else _fill_edges(page, line)
    kept = [x for x in edges if not any(w.x0 < x - 1 < x + 1 < w.x1 for w in line.words)]
    if 3 * (len(edges) - len(kept)) > len(edges):
        return []
    return kept if len(kept) > MIN_ROLES else []


def _row_above(page: Page, line: Line, xs: list[float]) -> bool:
    """Is the line a body row: a border drawn cell by cell lies above its own, sharing three of its
    edges, with nothing between but text inside those cells (cells merged down drop a segment)?"""
    own = max((y for y, p in _border_rows(page, line.top - 1.5 * line.size, line.top + TOL).items()
               if _tiled(p, line)), default=line.top)
    for y, pieces in sorted(_border_rows(page, 0, own - TOL).items(), reverse=True):
        edges = [p[0] for p in sorted(pieces)] + [max(p[1] for p in pieces)]
        if len([x for x in xs if any(abs(x - e) <= TOL for e in edges)]) < MIN_ROLES:
            continue
        between = [ln for ln in page.lines if y < ln.top and ln.bottom < own]
        return all(not (w.x0 < x - 1 < x + 1 < w.x1) for ln in between for w in ln.words for x in xs)
    return False


def _cells_bottom(page: Page, line: Line, xs: list[float]) -> float | None:
    """Where the fills behind a header row's cells, one fill per cell, end (however tall: narrow
    labels wrapped over many lines), else where a fill across the row ends."""
    mid = (line.top + line.bottom) / 2
    own = [f.bottom for f in page.fills if f.top < mid < f.bottom and shaded(f.rgb)
           and any(abs(f.x0 - a) <= TOL and abs(f.x1 - b) <= TOL for a, b in zip(xs, xs[1:]))]
    return max(own) if len(own) >= MIN_ROLES else _filled_bottom(page, line)


def cells_top(page: Page, line: Line) -> ColumnModel | None:
    """The column model of a header row whose cells are drawn one by one (border segments or fills,
    no vertical rules): the top row of such cells (no row above it has the same edges) whose cells
    read as headers, its band starting at a first row above it on the same fills (`_first_row`); else
    None."""
    if len(line_cuts(page, line, 0, page.width)) >= 2:
        return None
    xs = cell_edges(page, line)
    if not xs:
        return None
    if _row_above(page, line, xs):
        return None
    below = [y for y, pieces in _border_rows(page, line.bottom, line.top + HEADER_REACH * line.size).items()
             if _holds_edges(_tiled(pieces, line), xs)]
    bottom = min(below, default=None) or _cells_bottom(page, line, xs) or _styled_bottom(page, line, xs[0], xs[-1])
    top = (_first_row(page, line, bottom) or line).top - 1
    band = _band(page, top, bottom)
    sub = {id(ln): _sub_cells(page, line, xs, ln) for ln in band}
    cuts = merge_positions(xs + [x for edges in sub.values() for x in edges if xs[0] < x < xs[-1]])
    cols = [Column(a, b) for a, b in zip(cuts, cuts[1:])]   # sub-headers' own cells split a spanning one
    _label_columns(page, band, cols, xs, lambda ln: sub[id(ln)])
    return None if _looks_like_body(cols) else ColumnModel(cols, top, bottom, "cell edges", len(band))


def _first_row(page: Page, line: Line, bottom: float) -> Line | None:
    """The line just above a header row whose words all lie on shaded fills, one of which runs on down
    through the row to the header band's `bottom` at most (a cell merged over both, no backdrop): the
    header's first row ("Dates | Actions" over "Start | End"), else None."""
    h = line.bottom - line.top
    above = [ln for ln in page.lines if line.top - 2 * h <= ln.bottom <= line.top + TOL and ln.top < line.top - TOL]
    if not above:
        return None
    up = above[-1]
    shaded_fills = [f for f in page.fills if shaded(f.rgb)]
    on = all(any(f.x0 <= w.xc <= f.x1 and f.top <= w.yc <= f.bottom for f in shaded_fills) for w in up.words)
    through = any(f.top <= up.top + TOL and line.bottom - TOL <= f.bottom <= bottom + TOL
                  and f.x0 < up.x1 and f.x1 > up.x0 for f in shaded_fills)   # a header cell, not a backdrop
    return up if on and through else None


def _holds_edges(edges: list[float], xs: list[float]) -> bool:
    """A border drawn cell by cell under the whole header: at every edge of its cells (and maybe more, where
    a label spanning two columns dropped one)."""
    return bool(edges) and all(any(abs(x - e) <= TOL for e in edges) for x in xs)


def _sub_cells(page: Page, first: Line, xs: list[float], line: Line) -> list[float]:
    """The cell edges of a header band's line: its cells' fills, else, below the band's first line, the
    ends of the borders drawn between it and the line (sub-headers' own cells under a spanning label)."""
    fills = _fill_edges(page, line)
    if fills or line.top <= first.top + TOL:
        return fills
    ends = [x for pieces in _border_rows(page, first.bottom, line.top + TOL).values() for p in pieces for x in p]
    return merge_positions(xs + [x for x in ends if xs[0] < x < xs[-1]]) if ends else []


def _fill_edges(page: Page, line: Line) -> list[float]:
    """The edges of the cells a header line's fills tile, one fill per cell (a spanning label's
    fill spans its columns)."""
    mid = (line.top + line.bottom) / 2
    return merge_positions(_tiled([(f.x0, f.x1) for f in page.fills if f.top < mid < f.bottom and shaded(f.rgb)],
                                  line, 1))


def _styled(page: Page, line: Line, model: ColumnModel) -> bool:
    """Bold, filled, or set off from the text below by a rule (and the text below is not so)."""
    x0, x1 = model.columns[0].x0, model.columns[-1].x1
    fill = fill_under(page.fills, line.x0, line.top, line.x1, line.bottom)
    ruled = any(model.bottom - TOL <= r.top <= model.bottom + line.size and covers(r, line.x0, line.x1, 0.8)
                for r in page.hrules)
    return line.bold or (fill is not None and shaded(fill)) or (ruled and x1 > x0)


def shaded(rgb: tuple[float, float, float]) -> bool:
    """Any fill but white, light grey included (a header's shading)."""
    return min(rgb) < SHADED


def _goes_on(page: Page, line: Line) -> bool:
    """The line goes on from a line just above it, set as close as lines within a cell, over the
    same stretch of the page, with no rule between: a row's later line, not the top of a header."""
    for up in page.lines:
        gap = line.top - up.bottom
        if 0 <= gap < 0.5 * line.size and up.x0 < line.x1 and line.x0 < up.x1 \
                and not rule_between(page, up.bottom, line.top, [Column(max(up.x0, line.x0), min(up.x1, line.x1))]):
            return True
    return False


def styled_top(page: Page, line: Line, named: bool = False, ending: bool = True) -> ColumnModel | None:
    """The column model of a styled line (or, when `named`, a line whose phrases name two roles) of
    three or more phrases, some set apart by wide gaps, over lines of text that keep to its columns (no
    vertical rules: those make a ruled grid), or, styled and naming two roles, ending the page (when
    `ending`: no header kept above gives its columns); else None."""
    phrases = phrases_of(line)
    if len(phrases) < MIN_ROLES or len(line_cuts(page, line, 0, page.width)) >= 2 or _goes_on(page, line) \
            or not any(wide_gaps(line)):   # words a word space apart end to end: running text, a banner
        return None
    model = aligned_columns(page, line, phrases)
    if not (named or _styled(page, line, model)) or _looks_like_body(model.columns):
        return None
    rows = [ln for ln in page.lines if ln.top > model.bottom and len(_spans(ln)) > 1][:1]
    if rows and rows[0].bold and line.bold:  # bold over bold: a heading, not a header (banners aside)
        return None
    ends = ending and named and _ends_page(page, model) and _styled(page, line, model)
    return model if ends or _keeps_columns(page, line, model) else None


def plain_top(page: Page, line: Line, phrases: list[Phrase], lenient: bool = False) -> ColumnModel | None:
    """The column model of a plain header whose labels wrap, so that its first line names one role
    only: three or more phrases set apart by wide gaps, whose whole labels (the lines of the band
    stacked per column) name a table, over lines of text that keep to its columns; else None.
    `lenient` (a plan in which no table passed): labels in any wording, over four columns or more,
    the roles to come from the content."""
    if len(phrases) < MIN_ROLES + lenient or not any(wide_gaps(line)) or _goes_on(page, line) \
            or len(line_cuts(page, line, 0, page.width)) >= 2:   # vertical rules make a grid: its own columns
        return None
    model = aligned_columns(page, line, phrases)
    assign_roles(model.columns)
    roles = {c.role for c in model.columns if c.role} | {p.role for p in phrases if p.role}
    if _looks_like_body(model.columns) or not (_names_a_table(roles) or lenient and len(model.columns) > MIN_ROLES):
        return None
    return model if _keeps_columns(page, line, model) else None


def _in_columns(line: Line, cols: list[Column]) -> bool:
    """The line's text lies within the columns and crosses none of their inner edges."""
    return cols[0].x0 - TOL <= line.x0 and line.x1 <= cols[-1].x1 + TOL and not runs_across(line.words, [c.x0 for c in cols[1:]])


def _fits_better(page: Page, again: ColumnModel | None, fresh: ColumnModel | None) -> ColumnModel | None:
    """Of the columns of a header kept above that the line repeats and those worked out afresh below it,
    the ones the body fits better (the fresh ones on a tie)."""
    if again is None or fresh is None:
        return again or fresh
    return again if _misfits(page, again) < _misfits(page, fresh) else fresh


def _repeated(line: Line, known: dict[str, Header]) -> ColumnModel | None:
    """The column model of a header accepted above that this line repeats (same words, same place
    across the page), moved down to this line, with the roles that header's table settled."""
    h = known.get(line.text)
    if h is None or abs(h.line.x0 - line.x0) > TOL or abs(h.line.x1 - line.x1) > TOL:
        return None
    cols = [replace(c) for c in h.columns]
    shift = line.top - h.line.top
    return ColumnModel(cols, h.top + shift, h.bottom + shift, h.how, h.lines)


def candidate(page: Page, line: Line, known: dict[str, Header] | None = None,
              lenient: bool = False, above: Header | None = None) -> Candidate | None:
    """Stage 1 for one line: None when it names fewer than two roles and opens no ruled grid, or is
    running prose naming too few (neither worth tracing). A line repeating a header accepted above
    (`known`, by first line) opens a table with its columns, however little follows it. A plain line
    keeping to the columns of the last header accepted (`above`) is that table's body, not a header."""
    phrases = phrases_of(line)
    named = sorted({p.role for p in phrases if p.role})
    again = _repeated(line, known or {})
    plain = (len(named) == 1 or lenient) and not (above and _in_columns(line, above.columns))
    grid = grid_top(page, line) or cells_top(page, line) \
        or _fits_better(page, again, styled_top(page, line, len(named) >= 2, again is None)) \
        or (plain_top(page, line, phrases, lenient) if plain else None)
    if len(named) < 2 and grid is None:
        return None
    trace = HeaderTrace(page=page.number, top=round(line.top, 1), bottom=round(line.bottom, 1), text=line.text[:160],
                        phrase_roles=named, accepted=False, why="")
    if not _names_a_table(set(named)) and grid is None:
        if not (line.bold or any(wide_gaps(line))):
            return None
        trace.why = f"its phrases name {', '.join(named)}: a table header names {MIN_ROLES} roles, one of them " \
                    f"{' or '.join(sorted(KEY_ROLES))}"
        return Candidate(trace, None)
    model = grid or columns_from_rules(page, line) or aligned_columns(page, line, phrases)
    if model is not again:
        assign_roles(model.columns)
    found = {c.role for c in model.columns if c.role}
    trace.columns = [ColumnTrace.of(c) for c in model.columns]
    trace.how, trace.lines = model.how, model.lines
    header = Header(model.top, model.bottom, model.columns, model.ruled, line, model.how, model.lines)
    if _names_a_table(found):  # found by structure unless the line's phrases, or whole column labels, name a table
        exact = {c.role for c in model.columns if c.role and c.score >= EXACT}
        trace.accepted, header.structural = True, not (_names_a_table(set(named)) or _names_a_table(exact))
        trace.why = f"{len(found)} column roles from {model.how}, header of {model.lines} line(s)"
        return Candidate(trace, header)
    if grid is not None:
        trace.accepted, header.structural = True, True
        trace.why = f"the top row of a grid of {len(model.columns)} columns, {model.how} (header roles: " \
                    f"{', '.join(sorted(found)) or 'none'}); the rest from the content"
        return Candidate(trace, header)
    trace.why = f"its columns ({model.how}) carry only {', '.join(sorted(found)) or 'no roles'}"
    return Candidate(trace, None)


def header_candidates(page: Page, known: dict[str, Header] | None = None, lenient: bool = False) -> list[Candidate]:
    """Every line of the page naming column roles, in order; a line inside an accepted header's
    band is part of that header. `known`: the headers of tables found so far, by first line."""
    out: list[Candidate] = []
    seen = dict(known or {})
    above = next(reversed(seen.values()), None)
    last_bottom: float | None = None
    for line in page.lines:
        if last_bottom is not None and line.top < last_bottom:
            continue
        c = candidate(page, line, seen, lenient, above)
        if c is None:
            continue
        out.append(c)
        if c.header:
            last_bottom, above = c.header.bottom, c.header
            seen.setdefault(line.text, c.header)
    return out


def find_headers(page: Page) -> list[Header]:
    return [c.header for c in header_candidates(page) if c.header]

