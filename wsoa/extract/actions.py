"""Rows of an action table -> actions with milestones, statuses, dates and provenance.

A new action starts where the ref column starts a non-empty cell, or the action column a new sentence
(`_starts_action`); the rows after it, until the next such row, are its milestones or continuation
rows. Milestones listed in one cell, or sub-rows with no rule between them, are read by `cell_items`.
A cell merged down several rows belongs to every action it spans; a row that is one cell across the
table is a group heading.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, NamedTuple

from wsoa.extract.cell_items import cell_items, split_sub_rows, unbroken_text, words_after
from wsoa.extract.grid import Cell, Row, runs_across
from wsoa.extract.page import group_lines, space_width
from wsoa.extract.stitch import PIECE
from wsoa.extract.tables import Table, column_warnings
from wsoa.extract.ties import cross_cutting, named
from wsoa.extract.trace import ActionTrace, TableTrace, report_of
from wsoa.model import Action, Box, Milestone, TableReport, Warning
from wsoa.normalise.content import REF
from wsoa.normalise.dates import find_dates, last_date, read_cell
from wsoa.normalise.roles import role_of
from wsoa.normalise.status import (Legend, distinct_statuses, is_mark, row_shading, rows_say_status, status_fill,
                                   stripe_says_status)
from wsoa.normalise.text import clean, split_lead

WORST_FIRST = ("red", "amber", "green")
SHORT_SECTION = 8  # words of a cross-cutting section's title ("Enabling actions")
RUN_GAP = 1.5      # word spaces: a wider gap in a line parts two cells
LABEL_SCORE = 95.0  # a cell names its column's role outright (a header repeated), not loosely ("Complete")


@dataclass
class ActionContext:
    """What the text around a table says about it: its section heading and its weakness."""
    section: str | None = None
    weakness_id: str | None = None


@dataclass
class ReadActions:
    actions: list[Action] = field(default_factory=list)
    warnings: list[Warning] = field(default_factory=list)
    report: TableReport | None = None
    weakness_texts: list[str] = field(default_factory=list)  # from a weakness column, per action


def _distinct_cells(rows: list[Row], col: int | None) -> list[Cell]:
    if col is None:
        return []
    out: list[Cell] = []
    for r in rows:
        c = r.cells.get(col)
        if c is not None and c.words and all(c is not o for o in out):
            out.append(c)
    return out


def _text(rows: list[Row], col: int | None, sep: str = " ", table: Table | None = None) -> str | None:
    """The column's cells of these rows as one text; given the table, words broken by a narrow column rejoined."""
    if table is None or col is None:
        texts = [c.text for c in _distinct_cells(rows, col)]
    else:
        x0, x1 = table.columns[col].x0, table.columns[col].x1
        known, inner = _printed_whole(table)
        right = None if table.grid == "ruled" else _text_edge(table, col)
        texts = [unbroken_text(c, x0, x1, known, inner, right) for c in _distinct_cells(rows, col)]
    texts = [t for t in texts if t]
    return sep.join(texts) if texts else None


def _text_edge(table: Table, col: int) -> float | None:
    """Where the column's text ends on its widest line, in the whole table (a column with no rules to
    mark its edge: the widest line reached it)."""
    ends = [w.x1 for r in table.rows if col in r.cells for w in r.cells[col].words]
    return max(ends, default=None)


def _printed_whole(table: Table) -> tuple[Callable[[str], bool], Callable[[str], bool]]:
    """Whether a word is printed after another word on a line of the table (a whole word, not the rest of one
    broken at a line's end), and whether between two others (`words_after`); gathered on first use."""
    after: set[str] = set()
    between: set[str] = set()

    def gather() -> None:
        if not after:
            after.update(words_after(table.rows) | {""})
            between.update(words_after(table.rows, inner=True))

    def known(word: str) -> bool:
        gather()
        return word in after

    def inner(word: str) -> bool:
        gather()
        return word in between
    return known, inner


def _is_header_row(table: Table, row: Row) -> bool:
    """A row naming three columns' roles outright (a header repeated), or whose every word is a word of its
    column's header (the rest of a header wrapped over more lines than were taken for it: "ti" / "on" under
    "Ac"), or a piece of such a header (`_header_pieces`)."""
    hits = 0
    for ci, col in enumerate(table.columns):
        t = row.text(ci)
        role, score = role_of(t) if t and col.role else (None, 0.0)
        if role == col.role and score >= LABEL_SCORE:
            hits += 1
    return hits >= 3 or _header_words_only(table, row) or _header_pieces(row)


def _header_words_only(table: Table, row: Row) -> bool:
    texts = {ci: row.text(ci).lower().split() for ci in row.cells if ci < len(table.columns)}
    texts = {ci: ws for ci, ws in texts.items() if ws}
    return bool(texts) and all(set(ws) <= set(table.columns[ci].header.lower().split()) for ci, ws in texts.items())


def _header_pieces(row: Row) -> bool:
    """Every word bold, letters only, a piece's length at most (`stitch.PIECE`): pieces of a header wrapped
    letter by letter that runs on past the lines taken for it (over page breaks, beyond `stitch.header_spill`,
    which skips them only above a table's first row), not an action."""
    words = [w for c in row.cells.values() for w in c.words]
    return bool(words) and all(w.bold and w.text.isalpha() and len(w.text) <= PIECE for w in words)


def _box(rows: list[Row], table: Table) -> Box:
    first = rows[0]
    last = [r for r in rows if r.page == first.page][-1]
    return Box(page=first.page, x0=round(table.columns[0].x0, 1), top=round(first.top, 1),
               x1=round(table.columns[-1].x1, 1), bottom=round(last.bottom, 1))


class StatusRead(NamedTuple):
    """A status cell read: the status, the cell's text, how it was read, and whether the colour matched exactly."""
    status: str | None
    raw: str | None
    how: str | None
    exact: bool = True


def _status(cell: Cell | None, legend: Legend, words_column: bool) -> StatusRead:
    """A status cell: its words first, else its fill colour."""
    if cell is None:
        return StatusRead(None, None, None)
    text = cell.text
    several = (legend.dated_statuses(text) or legend.listed_statuses(
        [ln.text for ln in cell.lines]) or _letters(text, legend)) if text else []
    if several:  # one status per milestone, each with its date: the action's status is theirs
        return StatusRead(_aggregate(several), text, "word")
    status, how = legend.from_text(text) if text else (None, None)
    if status:  # dates in the cell are left aside by the legend ("Green – Jan 23")
        return StatusRead(status, text, how)
    if not text and len(cell.parts) >= 2:  # a mark or fill per milestone in one cell: theirs taken together
        reads = [legend.from_colour(rgb) for _, rgb in cell.parts]
        return StatusRead(_aggregate([r[0] for r in reads]), None, "colour", all(r[1] for r in reads))
    if cell.rgb is not None:
        status, exact = legend.from_colour(cell.rgb)
        return StatusRead(status, text or None, "colour", exact)
    if words_column:
        return StatusRead(None, text or None, None)
    return StatusRead("white", text or None, "colour")


def _letters(text: str, legend: Legend) -> list[str]:
    """One status letter a milestone printed side by side ("R R", "G A R"): their statuses, else []."""
    letters = text.split()
    return legend.listed_statuses(letters) if len(letters) >= 2 and all(len(w) == 1 for w in letters) else []


def _status_cells(rows: list[Row], col: int) -> list[Cell]:
    """The action's status cells that say something (words or a fill), each once."""
    out: list[Cell] = []
    for r in rows:
        c = r.cells.get(col)
        if c is not None and (c.words or c.rgb is not None) and all(c is not o for o in out):
            out.append(c)
    return out


def _statuses(cells: list[Cell], legend: Legend, words_column: bool) -> StatusRead:
    """The action's status from its status cells: one cell's, or where sub-rows give a status each (one per
    milestone), theirs taken together as the milestones' are (`_aggregate`)."""
    if len(cells) == 1:
        return _status(cells[0], legend, words_column)
    reads = [_status(c, legend, words_column) for c in cells]
    raw = " / ".join(r.raw for r in reads if r.raw) or None
    return StatusRead(_aggregate([r.status for r in reads]), raw, "milestones", all(r.exact for r in reads))


def _drop_shading(table: Table, status_col: int | None) -> None:
    """A status cell's fill that only shades its row (zebra rows, a row filled across) says no status,
    unless whole rows take varying status colours (`rows_say_status`), or every unshaded row's status cell
    is filled, the stripe's colour among theirs (`stripe_says_status`)."""
    if status_col is None:
        return
    body = [r for r in table.rows if not r.spanning and not _is_header_row(table, r)]
    rows = [[c.rgb for c in _distinct_row_cells(r)] for r in body]
    shadings = row_shading(rows)
    if rows_say_status(shadings):
        return
    plain = [row.cells[status_col].rgb if status_col in row.cells else None
             for row, shading in zip(body, shadings) if shading is None]
    for row, fills, shading in zip(body, rows, shadings):
        cell = row.cells.get(status_col)
        if cell is not None and not _marked(cell) and not stripe_says_status(shading, plain):
            cell.rgb = status_fill(cell.rgb, fills, shading)


def _marked(cell: Cell) -> bool:
    """The cell's colour is one mark's drawn inside it (a dot, or a cell of nothing but mark glyphs given their
    colour), not its fill: a status even in the row's shading colour (a pale mark on zebra rows of that tint)."""
    if cell.rgb is None:
        return False
    return (len(cell.parts) == 1 and cell.parts[0][1] == cell.rgb) or (
        bool(cell.words) and all(is_mark(w.text, cell.rgb) for w in cell.words))


def _settle_colours(table: Table, status_col: int | None, legend: Legend) -> None:
    """Where the document's key gives no colours, the status colours of the table each take a different
    status when two would be nearest the same one (`distinct_statuses`): learned for the whole document."""
    if status_col is None or legend.colours or legend.settled:
        return
    fills = [c.rgb for c in _status_cells(table.rows, status_col) if c.rgb is not None]
    legend.settled.extend(distinct_statuses(fills).items())


def _only_dates(text: str) -> bool:
    hits = find_dates(text)
    return bool(hits) and len(clean(text)) <= sum(len(h.raw) for h in hits) + 6


def _aggregate(statuses: list[str | None]) -> str | None:
    present = [s for s in statuses if s]
    if not present:
        return None
    if all(s == "blue" for s in present):
        return "blue"
    for s in WORST_FIRST:
        if s in present:
            return s
    return "white"


def _starts_action(row: Row, roles: dict[str, int]) -> bool:
    """A row opens an action where its ref cell begins with text, or where its action cell begins with
    a new sentence (no ref column, an empty ref cell, or a ref cell merged down over several actions;
    text going on in lower case is the tail of a cell cut by a page break); a cell merged down over
    sub-rows begins once, so milestone sub-rows stay with their action. Without either column, each
    milestone opens one."""
    ref, act = roles.get("ref"), roles.get("action")
    if ref is None and act is None:
        ref = roles.get("milestones")
    if ref is not None and ref in row.starts and row.text(ref):
        return True
    return act is not None and act in row.starts and not row.text(act)[:1].islower() and bool(row.text(act))


def _blocks(table: Table, kept: list[str]) -> tuple[list[tuple[str | None, list[Row]]], int]:
    """Rows grouped into actions (with the group heading above them); `kept` says what became of each row."""
    roles = {c.role: i for i, c in enumerate(table.columns) if c.role}
    group: str | None = None
    blocks: list[tuple[str | None, list[Row]]] = []
    dropped = 0
    for row in table.rows:
        if row.spanning or _names_a_section(row):
            text = banner_text(row, [c.x0 for c in table.columns[1:]])
            is_group = bool(text) and not _is_header_row(table, row)
            group = text if is_group else group
            kept.append("group" if is_group else "spanning, empty or header")
            continue
        if _is_header_row(table, row):
            dropped += 1
            kept.append("header row")
            continue
        if _starts_action(row, roles):
            blocks.append((group, [row]))
            kept.append("action")
        elif blocks:
            blocks[-1][1].append(row)
            kept.append("continues")
        else:
            empty = not any(row.text(ci) for ci in row.cells)
            dropped += int(not empty)
            kept.append("empty" if empty else "before the first action")
    return blocks, dropped


def _names_a_section(row: Row) -> bool:
    """A row whose one filled cell names a weakness ("Area of weakness 2: ...") or a cross-cutting section:
    a group heading even where the cells are not merged across the table; so does running text, its lines
    set with word spaces only though they cross columns, naming a weakness by its number ("Significant |
    weakness 1: The quality of ...")."""
    cells = [c for c in _distinct_row_cells(row) if c.text.strip()]
    if len(cells) > 1:
        lines = group_lines([w for c in cells for w in c.words], row.page)
        running = all(b.x0 - a.x1 <= RUN_GAP * space_width(ln.words) for ln in lines for a, b in zip(ln.words, ln.words[1:]))
        return running and named(" ".join(ln.text for ln in lines), standout=False) is not None
    if len(cells) != 1:
        return False
    text = cells[0].text
    return bool(named(text)) or (cross_cutting(text) and len(text.split()) <= SHORT_SECTION)


def read_actions(table: Table, index: int, legend: Legend, ctx: ActionContext) -> ReadActions:
    """Stage 6: the table's rows as actions; the table's trace records what became of each row."""
    out = ReadActions(warnings=column_warnings(table))
    roles = {c.role: i for i, c in enumerate(table.columns) if c.role}
    status_col = roles.get("status")
    _drop_shading(table, status_col)
    _settle_colours(table, status_col, legend)
    words_column = status_col is not None and any(
        legend.from_text(r.text(status_col))[0] and not _only_dates(r.text(status_col)) for r in table.rows)
    kept: list[str] = []
    blocks, dropped = _blocks(table, kept)
    doubtful = 0
    for group_text, rows in blocks:
        action, n_doubt = _action(table, rows, roles, legend, words_column, out)
        doubtful += n_doubt
        action.group = group_text
        action.section = ctx.section
        action.weakness_id = ctx.weakness_id
        action.table = index
        if "weakness" in roles:
            out.weakness_texts.append(weakness_text(out.weakness_texts, _text(rows, roles["weakness"]) or ""))
        out.actions.append(action)
    trace = table.trace or TableTrace.start(index, table.top[0], table.columns, table.grid, None)
    trace.index = index
    for row, what in zip(trace.rows(), kept):
        row.kept = what
    trace.rows_kept, trace.rows_dropped, trace.doubtful_cells = sum(len(r) for _, r in blocks), dropped, doubtful
    trace.actions = [ActionTrace(a.ref, a.source.page, a.source.x0, a.source.top, a.source.x1, a.source.bottom,
                                 a.rag, a.rag_source) for a in out.actions if a.source]
    out.report = report_of(trace)
    return out


def weakness_text(above: list[str], text: str) -> str:
    """An action's weakness cell: one going on in lower case is the rest of the cell above, cut by a page
    break ("" : the weakness above applies)."""
    return "" if above and text[:1].islower() else text


def banner_text(row: Row, inner: list[float]) -> str:
    """A group row's text, from the words inside the row (a cell merged down over it holds more): cell by
    cell, or line by line where its lines run across the column edges `inner` (a merged cell's text
    printed over an unruled table's columns)."""
    cells = [[w for w in c.words if row.top <= w.yc <= row.bottom] for c in _distinct_row_cells(row)]
    lines = group_lines([w for ws in cells for w in ws], row.page)
    if any(runs_across(ln.words, inner) for ln in lines):
        return clean(" ".join(ln.text for ln in lines))
    return clean(" ".join(ln.text for ws in cells for ln in group_lines(ws, row.page)))


def _distinct_row_cells(row: Row) -> list[Cell]:
    out: list[Cell] = []
    for ci in sorted(row.cells):
        c = row.cells[ci]
        if all(c is not o for o in out):
            out.append(c)
    return out


def _action(table: Table, rows: list[Row], roles: dict[str, int], legend: Legend, words_column: bool,
            out: ReadActions) -> tuple[Action, int]:
    page = rows[0].page
    a = Action(source=_box(rows, table))
    rows = split_sub_rows(rows, roles.get("milestones"), roles.get("deadline"))
    a.ref = ref_text(rows[0].cells.get(roles["ref"])) if "ref" in roles else None
    a.action = _text(rows, roles.get("action")) or ""
    if not a.action and "milestones" in roles and "action" not in roles:
        a.action = rows[0].text(roles["milestones"])
    a.lead = _text(rows, roles.get("lead"), table=table)
    a.lead_role, a.lead_org = split_lead(a.lead)
    a.measures = _text(rows, roles.get("measures")) or _text(rows, roles.get("outcome"))
    resources = [c.text for c in _distinct_cells(rows, roles.get("resource")) if c.text]
    a.resource = "/".join(dict.fromkeys(resources)) or None
    a.start_raw = _text(rows, roles.get("start"), table=table)
    start = read_cell(a.start_raw, "start")
    a.start_dates, warns = start.dates, start.warnings
    doubt = 0
    for w in warns:
        out.warnings.append(Warning(code="invalid-date", message=f"{a.ref or a.action[:30]}: start {w}", page=page))
        a.flags.append("start_dates:invalid-date")
    deadline_cells = _distinct_cells(rows, roles.get("deadline"))
    listed = _listed_milestones(rows, roles, deadline_cells)
    if listed is None and "milestones" in roles and (
            len(rows) > 1 or len(deadline_cells) > 1 or _text(rows, roles["milestones"])):
        a.milestones = _milestones(table, rows, roles, legend, words_column, out, a)
        a.deadlines = [m.date for m in a.milestones if m.date]
        if any(len(find_dates(m.date_raw or "")) > 1 for m in a.milestones):   # sub-rows not all told apart
            a.deadlines = read_cell(_deadline_text(table, rows), "deadline").dates or a.deadlines
        a.deadline_raw = None
        a.rag = _aggregate([m.rag for m in a.milestones]) if a.milestones else None
        a.rag_source = "milestones" if a.milestones else None
    else:
        a.milestones = listed or []
        a.deadline_raw = _deadline_text(table, rows)
        cell = read_cell(a.deadline_raw, "deadline")
        a.deadlines, warns, a.deadline_revised = cell.dates, cell.warnings, cell.revised
        a.start_dates = a.start_dates or ([cell.range_start] if cell.range_start else [])
        for w in warns:
            out.warnings.append(Warning(code="invalid-date", message=f"{a.ref or a.action[:30]}: deadline {w}",
                                        page=page))
            a.flags.append("deadlines:invalid-date")
        if "status" in roles:
            cells = _status_cells(rows, roles["status"]) or [rows[0].cells.get(roles["status"])]
            status, raw, how, exact = _statuses(cells, legend, words_column)
            a.rag, a.rag_raw, a.rag_source = status, raw, how  # type: ignore[assignment]
            if not exact:
                a.flags.append("rag:colour-nearest")
                out.warnings.append(Warning(code="unknown-colour", page=page,
                                            message=f"{a.ref}: status colour {cells[0].rgb} read as nearest ({status})"))
                doubt += 1
    if not a.deadlines and a.deadline_raw:
        a.flags.append("deadlines:none-readable")
    return a, doubt


def ref_text(cell: Cell | None) -> str | None:
    """A ref cell's text: a ref broken at the column's edge ("A.1." / "1") rejoined; where one line of
    several is a ref and the others hold no number (a running head or foot caught in the cell), that line."""
    if cell is None or not cell.words:
        return None
    lines = [" ".join(w.text for w in ln.words) for ln in cell.lines]
    if len(lines) == 2 and (lines[0][-1:] in ".-" or not REF.match(lines[0])) and REF.match("".join(lines)):
        return "".join(lines)
    refs = [ln for ln in lines if REF.match(ln)]
    if len(lines) > 1 and len(refs) == 1 and not any(ch.isdigit() for ln in lines if ln != refs[0] for ch in ln):
        return refs[0]
    return clean(cell.text) or None


def _listed_milestones(rows: list[Row], roles: dict[str, int], deadline_cells: list[Cell]) -> list[Milestone] | None:
    """Milestones listed in the action's one milestone cell, each with its own date (the action keeps its own
    deadline and status cells); None where the cell is one undated item or the action has sub-rows."""
    cells = _distinct_cells(rows, roles.get("milestones"))
    if len(cells) != 1 or len(deadline_cells) > 1:
        return None
    items = cell_items(cells[0])
    if items is None:
        return None
    box = Box(page=cells[0].page, top=round(cells[0].top, 1), bottom=round(cells[0].bottom, 1))
    return [Milestone(text=i.text, date_raw=i.date_raw, date=last_date(i.date_raw), source=box) for i in items]


def _deadline_text(table: Table, rows: list[Row]) -> str | None:
    """The deadline cell; several deadline columns (revisions, in order) read as one revised date."""
    cols = [i for i, c in enumerate(table.columns) if c.role == "deadline"]
    texts = list(dict.fromkeys(t for t in (_text(rows, i, table=table) for i in cols) if t))  # a date kept is said once
    return " → ".join(texts) if texts else None


def _milestones(table: Table, rows: list[Row], roles: dict[str, int], legend: Legend, words_column: bool,
                out: ReadActions, action: Action) -> list[Milestone]:
    ms: list[Milestone] = []
    mcol, dcol, scol, rcol = (roles.get(k) for k in ("milestones", "deadline", "status", "resource"))
    for row in rows:
        if mcol not in row.starts or not row.text(mcol):
            continue
        date_raw = _text([row], dcol, table=table) if dcol is not None and dcol in row.starts else None
        m = Milestone(text=row.text(mcol), date_raw=date_raw or None, source=Box(
            page=row.page, top=round(row.top, 1), bottom=round(row.bottom, 1)))
        if date_raw:
            m.date = last_date(date_raw)
            if m.date is None and any(h.warning for h in find_dates(date_raw)):
                out.warnings.append(Warning(code="invalid-date", page=row.page,
                                            message=f"{action.ref}: milestone date {date_raw!r} does not exist"))
        if rcol is not None and rcol in row.starts:
            m.resource = row.text(rcol) or None
        if scol is not None:
            cell = row.cells.get(scol)
            status, raw, how, exact = _status(cell, legend, words_column)
            m.rag = status  # type: ignore[assignment]
            if raw and _only_dates(raw):
                m.brag_raw, m.brag_date = raw, last_date(raw)
            if not exact:
                action.flags.append("milestone.rag:colour-nearest")
        ms.append(m)
    return ms
