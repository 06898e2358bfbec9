"""Column roles from the cells below a header, for the columns its words do not name.

A column of refs, status words or marks, dates or short names takes that role (normalise/content.py);
two or more date columns are ordered (the earlier dates start); a column under a spanning date label
("Timescale" over "Start | End") is the group's other date; with no action column named, the column
of running text with the most entries is the action. A header found by structure alone must then
make an action table (`is_action_table`).
"""
from __future__ import annotations

from wsoa.extract.grid import Column, Row
from wsoa.extract.header import KEY_ROLES, MIN_ROLES, dedupe_roles, revisions
from wsoa.extract.page import Page
from wsoa.normalise.content import header_role, order_date_columns, role_from_content

DATES = ("start", "deadline")
CHECKABLE = {"ref", "start", "deadline", "status"}   # roles a column's content shows beyond doubt
RUNNING_TEXT = 5      # mean words per cell of a column of running text (an action column)
CONTENT_SCORE = 50.0  # a role read from the content yields to one named by the header


def _column_cells(page: Page, rows: list[Row], ci: int) -> tuple[list[str], list]:
    """A column's distinct body cells (group rows left out): texts, and fills or coloured marks."""
    seen: list = []
    for r in rows:
        cell = r.cells.get(ci)
        if cell is not None and not r.spanning and all(cell is not o for o in seen):
            seen.append(cell)
    fills = []
    for cell in seen:
        marks = [s.rgb for s in page.shapes if cell.top <= (s.top + s.bottom) / 2 < cell.bottom]
        fills.append(cell.rgb if cell.rgb is not None else (marks[0] if marks else None))
    return [c.text for c in seen], fills


def content_roles(page: Page, cols: list[Column], rows: list[Row]) -> tuple[dict[int, str], set[str]]:
    """Columns whose header names no role take the role their content shows (ref, status, dates, lead);
    two or more date columns are ordered (the earlier dates start); with no action column named, the
    column of running text with the most entries is the action. Returns why, per column settled, and
    the roles of ref, dates and status that the cells bear out."""
    why: dict[int, str] = {}
    cells = {i: _column_cells(page, rows, i) for i in range(len(cols))}
    for i, c in enumerate(cols):
        if c.role is None:  # fills say status only in a table whose header names no status column
            fills = [None] * len(cells[i][1]) if any(o.role == "status" for o in cols) else cells[i][1]
            role, reason = role_from_content(cells[i][0], fills, c.header or c.group or None)
            if role:
                c.role, c.score, why[i] = role, CONTENT_SCORE, reason
    revised = revisions(cols)
    dated = {i: cells[i][0] for i, c in enumerate(cols) if c.role in DATES and not any(c is r for r in revised)}
    if len(dated) >= 2 and any(i in why for i in dated):
        for i, role in order_date_columns(dated).items():
            if i in why:
                cols[i].role = role
    _dates_under_label(cols, why)
    if not any(c.role == "action" for c in cols):
        _action_from_text(cols, cells, why)
    dedupe_roles(cols)
    return why, _shown(cols, cells, why)


def _shown(cols: list[Column], cells: dict[int, tuple[list[str], list]], why: dict[int, str]) -> set[str]:
    """The checkable roles (ref, dates, status) whose columns' cells bear them out."""
    out = set()
    for i, c in enumerate(cols):
        if c.role not in CHECKABLE:
            continue
        seen = c.role if i in why else role_from_content(cells[i][0], cells[i][1], c.header or None)[0]
        if seen == c.role or (seen in DATES and c.role in DATES):
            out.add(c.role)
    return out


def _dates_under_label(cols: list[Column], why: dict[int, str]) -> None:
    """A column left without a role under a spanning label that names dates ("Timescale" over
    "Start | End") is the group's other date: the start when a sibling to its right is not, else
    the deadline."""
    for i, c in enumerate(cols):
        if c.role is not None or not c.group or header_role(c.group)[0] not in DATES:
            continue
        later = [o for o in cols[i + 1:] if o.group == c.group]
        taken = {o.role for o in cols}
        c.role = "start" if later and "start" not in taken else "deadline"
        c.score, why[i] = CONTENT_SCORE, f"under {c.group!r}, beside its other dates"


def _action_from_text(cols: list[Column], cells: dict[int, tuple[list[str], list]], why: dict[int, str]) -> None:
    texts = {i: [t for t in cells[i][0] if t.strip()] for i, c in enumerate(cols) if c.role is None}
    running = {i: ts for i, ts in texts.items() if ts and sum(len(t.split()) for t in ts) / len(ts) >= RUNNING_TEXT}
    if running:
        best = max(running, key=lambda i: (len(running[i]), -i))
        cols[best].role, cols[best].score = "action", CONTENT_SCORE
        why[best] = f"running text in {len(running[best])} cells, the most entries"


def is_action_table(cols: list[Column], shown: set[str]) -> str | None:
    """None when the columns make an action table; else why not: an action column, and two roles
    that its cells bear out beyond doubt (two of ref, start, deadline, status): a list of dated
    items with a lead (a committee's work programme) is not an action table."""
    roles = {c.role for c in cols if c.role}
    if not roles & KEY_ROLES:
        return "no column of actions"
    if len(shown) < MIN_ROLES - 1:
        return f"its columns carry {', '.join(sorted(roles))}; the cells bear out only " \
               f"{', '.join(sorted(shown)) or 'none of ref, dates, status'}"
    return None
