"""A plan as renderer-independent blocks: paragraphs and tables of cells (what goes where, not how drawn)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from stress.dates import SHORT, DateCell
from stress.plan import Action, Area, Plan, area_title, is_banner

PALETTES = {  # status colours: saturated and pale (Excel-style conditional formats)
    "saturated": {"red": "FF0000", "amber": "FFC000", "green": "00B050", "blue": "00B0F0", "white": "A6A6A6"},
    "pale": {"red": "FFC7CE", "amber": "FFEB9C", "green": "C6EFCE", "blue": "DDEBF7", "white": "EDEDED"},
}
COLOUR_WORD = {"red": "Red", "amber": "Amber", "green": "Green", "blue": "Blue", "white": "Grey"}
LETTER = {"red": "R", "amber": "A", "green": "G", "blue": "B", "white": "W"}
PLAIN_WORD = {"red": "Off track", "amber": "Slipping", "green": "On track", "blue": "Complete", "white": "Not started"}
LEGEND_WORD = {"red": "Stalled", "amber": "Behind plan", "green": "Progressing", "blue": "Delivered",
               "white": "Not yet started"}
ZEBRA = {"grey": "F2F2F2", "blue": "DDEBF7"}


@dataclass
class Cell:
    """One table cell: text lines and how they are drawn (fill, coloured dot, merge, bullets, strike)."""
    lines: list[str] = field(default_factory=list)
    fill: str | None = None
    shape: str | None = None
    bold: bool = False
    align: str = "left"
    colspan: int = 1
    rowspan: int = 1
    bullets: bool = False
    struck: str | None = None  # the first line, drawn struck through
    covered: bool = False      # under another cell's span: not drawn


@dataclass
class Row:
    """A table row: column headers, an action (or one of its sub-rows), or a banner spanning the table."""
    cells: list[Cell]
    kind: str = "body"  # header | body | banner


@dataclass
class TableBlock:
    """A table: relative column widths, rows, and how many leading rows are its header."""
    widths: list[float]
    rows: list[Row]
    header_rows: int


@dataclass
class Para:
    """A paragraph: title, heading, body text or list item; `swatch` puts a coloured square before it."""
    text: str
    style: str = "body"  # title | heading | body | item
    swatch: str | None = None


Block = Para | TableBlock


def status_cell(rag: str | None, date: str | None, lay: dict[str, Any]) -> Cell:
    """A status shown as the layout says: a word, a letter, a fill, a shape, or a word with a date."""
    if rag is None:
        return Cell()
    form, colour = lay["status"], PALETTES[lay["palette"]][rag]
    words = LEGEND_WORD if lay["legend"] != "none" else PLAIN_WORD
    if form == "word":
        return Cell([words[rag]])
    if form == "letter":
        return Cell([LETTER[rag]], align="center")
    if form == "fill":
        return Cell([], fill=colour)
    if form == "shape":
        return Cell([], shape=colour)
    return Cell([f"{COLOUR_WORD[rag]} – {date or 'Mar 23'}"])


def legend(lay: dict[str, Any]) -> list[Block]:
    """The status key in the layout's form (lines, one sentence, a table, shapes beside words) or none."""
    form = lay["legend"]
    if form == "none":
        return []
    pal = PALETTES[lay["palette"]]
    rags = ["blue", "green", "amber", "red", "white"]
    if lay["status"] == "word":
        pairs = [(LEGEND_WORD[r], COLOUR_WORD[r], r) for r in rags]
    elif lay["status"] == "letter":
        pairs = [(LETTER[r], f"{COLOUR_WORD[r]}: {LEGEND_WORD[r].lower()}", r) for r in rags]
    else:
        pairs = [(COLOUR_WORD[r], LEGEND_WORD[r], r) for r in rags]
    title = Para("Key to status ratings", "heading")
    if form == "lines":
        return [title] + [Para(f"{w} – {m}") for w, m, _ in pairs]
    if form == "sentence":
        return [Para("Key: " + "; ".join(f"{w} means {m.lower()}" for w, m, _ in pairs) + ".")]
    if form == "shapes":
        return [title] + [Para(f"{w} – {m}", swatch=pal[r]) for w, m, r in pairs]
    rows = [Row([Cell([w], fill=pal[r]), Cell([m])]) for w, m, r in pairs]
    return [title, TableBlock([0.3, 0.7], rows, 0)]

WIDTH = {"ref": 0.7, "weakness": 1.5, "action": 3.0, "lead": 1.2, "start": 1.0, "deadline": 1.1, "measures": 2.0,
         "milestones": 2.0, "resource": 0.9, "status": 0.8, "progress": 1.8}


def _wrap(text: str, role: str, lay: dict[str, Any]) -> list[str]:
    """Header text as lines; in the narrow columns, words broken mid-word."""
    if lay["header_wrap"] == "no" or WIDTH[role] > 1.1:
        return [text]
    n = 2 if role in ("ref", "status") else 5
    return [w[i:i + n] for w in text.split() for i in range(0, len(w), n)]


def _head(text: str, role: str, lay: dict[str, Any], **kw: int) -> Cell:
    fill = {"none": None, "grey": "D9D9D9", "dark": "1F3864", "pale": "FCE4D6"}[lay["header_fill"]]
    return Cell(_wrap(text, role, lay), fill=fill, bold=lay["header_bold"] == "yes", align=lay["header_align"], **kw)


def header_rows(plan: Plan) -> list[Row]:
    """One header row, or two with a merged label over a pair of roles (e.g. 'Timescale' over Start | End)."""
    lay, cols = plan.layout, plan.columns
    if not plan.group:
        return [Row([_head(plan.headers[r], r, lay) for r in cols], "header")]
    label, a, b = plan.group
    top, low = [], []
    for r in cols:
        if r == a:
            top.append(_head(label, r, lay, colspan=2))
        elif r == b:
            top.append(Cell(covered=True))
        else:
            top.append(_head(plan.headers[r], r, lay, rowspan=2))
        low.append(_head(plan.headers[r], r, lay) if r in (a, b) else Cell(covered=True))
    return [Row(top, "header"), Row(low, "header")]


def _milestone_lines(a: Action, lay: dict[str, Any]) -> Cell:
    lines = [f"{m.text} – {m.when.raw}" if m.when else m.text for m in a.milestones]
    return Cell(lines, bullets=lay["milestones"] == "bullets")


def _cell(role: str, a: Action, area: Area, plan: Plan) -> Cell:
    lay = plan.layout
    if role == "status":
        return status_cell(None if any(m.rag for m in a.milestones) else a.rag, _short(a.deadline), lay)
    if role == "deadline":
        d = a.deadline
        rest = d.raw[len(d.struck):].strip() if d.struck else d.raw
        return Cell(([d.struck] if d.struck else []) + [rest], struck=d.struck)
    if role == "milestones":
        return _milestone_lines(a, lay) if lay["milestones"] in ("lines", "bullets") else Cell()
    if role == "weakness":
        return Cell([weakness_label(area)])
    value = {"ref": a.ref, "action": a.text, "lead": a.lead, "start": a.start.raw if a.start else "",
             "measures": a.measures, "resource": a.resource, "progress": a.progress}[role]
    return Cell([value or ""])


def weakness_label(area: Area) -> str:
    return area.text if area.number else "Cross-cutting: enabling actions"


def _short(d: DateCell) -> str:
    iso = d.dates[-1] if d.dates else "2023-01-31"
    return f"{SHORT[int(iso[5:7]) - 1]} {iso[2:4]}"


def action_rows(a: Action, area: Area, plan: Plan) -> list[Row]:
    """An action's row, or with sub-rows: one per milestone with its own date and status."""
    cols = plan.columns
    if plan.layout["milestones"] != "subrows" or not a.milestones:
        return [Row([_cell(r, a, area, plan) for r in cols])]
    n, own = len(a.milestones), ("milestones", "deadline", "status")
    rows = []
    for i, m in enumerate(a.milestones):
        cells = []
        for r in cols:
            if r in own:
                cells.append(Cell([m.text] if r == "milestones" else [m.when.raw if m.when else ""]) if r != "status"
                             else status_cell(m.rag, m.when.raw if m.when else None, plan.layout))
            elif i == 0:
                cells.append(_cell(r, a, area, plan) if r != "weakness" else Cell([weakness_label(area)]))
                cells[-1].rowspan = n
            else:
                cells.append(Cell(covered=True))
        rows.append(Row(cells))
    return rows


def _banner(text: str, plan: Plan) -> Row:
    n = len(plan.columns)
    fill = {"none": None, "colour": "BDD7EE", "dark": "305496"}[plan.layout["banner_fill"]]
    return Row([Cell([text], fill=fill, bold=True, colspan=n)] + [Cell(covered=True)] * (n - 1), "banner")


def _table(areas: list[Area], plan: Plan) -> TableBlock:
    lay = plan.layout
    rows = header_rows(plan)
    heads = len(rows)
    for area in areas:
        if is_banner(plan):
            rows.append(_banner(area_title(area, plan), plan))
        first = len(rows)
        for a in area.actions:
            rows.extend(action_rows(a, area, plan))
        if "weakness" in plan.columns:
            _merge_weakness(rows[first:], plan.columns.index("weakness"))
    zebra = ZEBRA.get(lay["zebra"])
    body = [r for r in rows[heads:] if r.kind == "body"]
    for i, r in enumerate(body):
        for c in r.cells:
            if zebra and i % 2 and not c.fill and not c.shape:
                c.fill = zebra
    weights = [WIDTH[r] for r in plan.columns]
    return TableBlock([w / sum(weights) for w in weights], rows, heads)


def _merge_weakness(rows: list[Row], col: int) -> None:
    """The weakness cell spans every row of its area (drawn once, merged down)."""
    rows[0].cells[col].rowspan = len(rows)
    for r in rows[1:]:
        r.cells[col] = Cell(covered=True)


def document(plan: Plan) -> list[Block]:
    """The whole plan in reading order: title, introduction, optional list and legend, tables."""
    lay = plan.layout
    out: list[Block] = [Para(f"{plan.place} Local Area Partnership: Written Statement of Action", "title"),
                        Para(f"This statement sets out how partners in {plan.place} will address the areas of "
                             "weakness identified during the joint inspection of special educational needs and "
                             "disabilities provision. Progress is reported to the SEND Improvement Board.")]
    if lay["tie"] == "intro_list":
        out.append(Para("The inspection identified the following areas of weakness:"))
        out += [Para(f"{w.number}. {w.text}", "item") for w in plan.weaknesses]
    key = legend(lay) if plan.shows("status") else []
    if lay["legend_pos"] == "start":
        out += key
    if lay["tables"] == "one_long":
        out.append(_table(plan.areas, plan))
    else:
        for area in plan.areas:
            if lay["tie"] in ("heading", "intro_list"):
                out.append(Para(area_title(area, plan), "heading"))
            out.append(_table([area], plan))
    if lay["legend_pos"] == "end":
        out += key
    return out
