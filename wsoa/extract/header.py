"""Stages 1 and 2 of table finding: header candidates, and the column model each accepted one gives.

A line is a header candidate when its phrases name column roles (synonyms in data/columns.toml);
it is accepted when its columns carry three roles, one of them action or milestones. Columns come
from the vertical rules crossing the header ("rules"), else from where each header phrase starts
("header alignment"); a header may run over several lines.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from wsoa.extract.grid import REF_LIKE, TOL, Column, covers, vertical_cuts
from wsoa.extract.page import Line, Page, space_width
from wsoa.extract.trace import ColumnTrace, HeaderTrace
from wsoa.normalise.roles import Phrase, header_phrases, role_of

KEY_ROLES = {"action", "milestones"}
MIN_ROLES = 3
MAX_HEADER_WORDS = 8


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


def _band_lines(page: Page, top: float, bottom: float) -> int:
    return sum(1 for ln in page.lines if top <= (ln.top + ln.bottom) / 2 <= bottom)


def rule_columns(page: Page, line: Line) -> list[Column]:
    """The columns between the vertical rules crossing a line (none when fewer than two cross it)."""
    mid = (line.top + line.bottom) / 2
    xs = vertical_cuts(page, mid - 1, mid + 1, 0, page.width)
    return [Column(a, b) for a, b in zip(xs, xs[1:]) if b - a > 3]


def columns_from_rules(page: Page, line: Line) -> ColumnModel | None:
    """Columns between the vertical rules crossing the line; the header band runs between the
    horizontal rules around it. None when fewer than three rules cross the line."""
    mid = (line.top + line.bottom) / 2
    xs = vertical_cuts(page, mid - 1, mid + 1, 0, page.width)
    if len(xs) < 3:
        return None
    cols = rule_columns(page, line)
    above = [r.top for r in page.hrules if r.top <= line.top + TOL and covers(r, xs[0], xs[-1], 0.5)]
    below = [r.top for r in page.hrules if r.top >= line.bottom - TOL and covers(r, xs[0], xs[-1], 0.5)]
    top = max(above) if above else line.top - 1
    bottom = min(below) if below else line.bottom + 1
    for c in cols:
        c.header = _header_words(page, top, bottom, c.x0, c.x1)
    return ColumnModel(cols, top, bottom, "rules", _band_lines(page, top, bottom))


def columns_from_alignment(page: Page, line: Line, phrases: list[Phrase]) -> ColumnModel:
    """Left-aligned headers: a column runs from its header's first word to the next header; the
    header goes on over the following lines of the same style with no rule between."""
    words = line.words
    starts = [words[p.start].x0 for p in phrases]
    near = [r for r in page.hrules if abs(r.top - line.top) < 4 * line.size and r.x0 <= starts[0] + 2
            and r.x1 >= words[-1].x1 - 2]
    left = min([r.x0 for r in near] + [starts[0] - 6])
    right = max([r.x1 for r in near] + [max(w.x1 for w in page.words) + 2])
    bounds = [left] + [x - 3.0 for x in starts[1:]] + [right]
    cols = [Column(a, b) for a, b in zip(bounds, bounds[1:])]
    top, bottom, lines = line.top - 1, line.bottom + 1, 1
    style = (words[0].bold, words[0].rgb)
    for nxt in page.lines:
        if nxt.top <= line.top or nxt.top - bottom > 0.6 * line.size:
            continue
        if (nxt.words[0].bold, nxt.words[0].rgb) != style or rule_between(page, bottom, nxt.top, cols):
            break
        bottom, lines = nxt.bottom + 1, lines + 1
    for c in cols:
        c.header = _header_words(page, top, bottom, c.x0, c.x1)
    return ColumnModel(cols, top, bottom, "header alignment", lines)


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


def rule_between(page: Page, y0: float, y1: float, cols: list[Column]) -> bool:
    return any(y0 - TOL <= r.top <= y1 + TOL and covers(r, cols[0].x0, cols[-1].x1, 0.3) for r in page.hrules)


def candidate(page: Page, line: Line) -> Candidate | None:
    """Stage 1 for one line: None when it names fewer than two roles, or is running prose naming
    too few (neither worth tracing)."""
    phrases = phrases_of(line)
    named = sorted({p.role for p in phrases if p.role})
    if len(named) < 2:
        return None
    trace = HeaderTrace(page=page.number, top=round(line.top, 1), bottom=round(line.bottom, 1), text=line.text[:160],
                        phrase_roles=named, accepted=False, why="")
    if not _names_a_table(set(named)):
        if not (line.bold or any(wide_gaps(line))):
            return None
        trace.why = f"its phrases name {', '.join(named)}: a table header names {MIN_ROLES} roles, one of them " \
                    f"{' or '.join(sorted(KEY_ROLES))}"
        return Candidate(trace, None)
    model = columns_from_rules(page, line) or columns_from_alignment(page, line, phrases)
    assign_roles(model.columns)
    found = {c.role for c in model.columns if c.role}
    trace.columns = [ColumnTrace.of(c) for c in model.columns]
    trace.how, trace.lines = model.how, model.lines
    if not _names_a_table(found):
        trace.why = f"its columns ({model.how}) carry only {', '.join(sorted(found)) or 'no roles'}"
        return Candidate(trace, None)
    trace.accepted = True
    trace.why = f"{len(found)} column roles from {model.how}, header of {model.lines} line(s)"
    return Candidate(trace, Header(model.top, model.bottom, model.columns, model.ruled, line, model.how, model.lines))


def header_candidates(page: Page) -> list[Candidate]:
    """Every line of the page naming column roles, in order; a line inside an accepted header's
    band is part of that header."""
    out: list[Candidate] = []
    last_bottom: float | None = None
    for line in page.lines:
        if last_bottom is not None and line.top < last_bottom:
            continue
        c = candidate(page, line)
        if c is None:
            continue
        out.append(c)
        if c.header:
            last_bottom = c.header.bottom
    return out


def find_headers(page: Page) -> list[Header]:
    return [c.header for c in header_candidates(page) if c.header]
