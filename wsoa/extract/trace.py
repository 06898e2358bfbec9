"""The trace of table finding: what each stage decided and why, as plain JSON-serialisable dataclasses.

One `TableTrace` per table (its header, columns, each page segment with its rows and why it was
stitched on, the rows kept or dropped, the actions read); one `PageTrace` per page (the header
candidates it held, accepted or not, and whether a table went on past it). The record's
`TableReport` is built from the table's trace (`report_of`); `wsoa show` draws it.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from wsoa.model import TableReport

if TYPE_CHECKING:
    from wsoa.extract.grid import Column, Row
    from wsoa.extract.header import Header


NEW, REPEATED, CONTINUED = "new table", "repeated header", "continued without header"


@dataclass
class ColumnTrace:
    x0: float
    x1: float
    header: str
    role: str | None

    @classmethod
    def of(cls, c: Column) -> ColumnTrace:
        return cls(round(c.x0, 1), round(c.x1, 1), c.header, c.role)


@dataclass
class HeaderTrace:
    """A line whose phrases name column roles: accepted as a table header or not, and why."""
    page: int
    top: float
    bottom: float
    text: str
    phrase_roles: list[str]
    accepted: bool
    why: str
    how: str | None = None          # columns from "rules" or "header alignment"
    lines: int = 0                  # lines of text in the header band
    columns: list[ColumnTrace] = field(default_factory=list)


@dataclass
class CellTrace:
    col: int
    top: float
    bottom: float
    rgb: tuple[float, float, float] | None = None


@dataclass
class RowTrace:
    page: int
    top: float
    bottom: float
    spanning: bool
    starts: list[int]
    cells: list[CellTrace]
    kept: str = ""   # "action" | "continues" | "group" | "header row" | "before the first action" | "empty"


@dataclass
class RegionTrace:
    """One page's segment of a table: where it lies, why it ends there, why it joins the table."""
    page: int
    top: float
    bottom: float
    ends: str
    stitch: str                       # "new table" | "repeated header" | "continued without header"
    why: str
    split_row_joined: bool = False
    rows: list[RowTrace] = field(default_factory=list)


@dataclass
class ActionTrace:
    ref: str
    page: int
    x0: float
    top: float
    x1: float
    bottom: float
    rag: str | None
    rag_source: str | None


@dataclass
class TableTrace:
    index: int
    grid: str
    header: HeaderTrace | None
    columns: list[ColumnTrace]
    segments: list[RegionTrace] = field(default_factory=list)
    rows_kept: int = 0
    rows_dropped: int = 0
    doubtful_cells: int = 0
    actions: list[ActionTrace] = field(default_factory=list)

    @classmethod
    def start(cls, index: int, page: int, columns: list[Column], grid: str, header: Header | None) -> TableTrace:
        head = None
        if header is not None:
            head = HeaderTrace(page=page, top=round(header.top, 1), bottom=round(header.bottom, 1),
                               text=header.line.text[:160], phrase_roles=[], accepted=True, why="",
                               how=header.how, lines=header.lines)
        return cls(index=index, grid=grid, header=head, columns=[ColumnTrace.of(c) for c in columns])

    @property
    def pages(self) -> list[int]:
        return list(dict.fromkeys(s.page for s in self.segments))

    def rows(self) -> list[RowTrace]:
        return [r for s in self.segments for r in s.rows]


@dataclass
class PageTrace:
    page: int
    width: float
    height: float
    candidates: list[HeaderTrace]
    continuation: str | None = None   # why the open table did (or did not) go on onto this page
    closes: str | None = None         # why no table goes on past this page


def grid_trace(rows: list[Row]) -> list[RowTrace]:
    """Stage 4's output as data: each atomic row and the cells covering it (a merged cell repeats)."""
    return [RowTrace(page=r.page, top=round(r.top, 1), bottom=round(r.bottom, 1), spanning=r.spanning,
                     starts=sorted(r.starts),
                     cells=[CellTrace(ci, round(c.top, 1), round(c.bottom, 1),
                                      tuple(round(v, 3) for v in c.rgb) if c.rgb else None)
                            for ci, c in sorted(r.cells.items())])
            for r in rows]


def report_of(trace: TableTrace) -> TableReport:
    """The record's quality report of one table, from its trace."""
    stitches = [s.stitch for s in trace.segments]
    return TableReport(
        index=trace.index, pages=trace.pages, grid=trace.grid,  # type: ignore[arg-type]
        columns={c.header or f"column {i + 1}": c.role or "unknown" for i, c in enumerate(trace.columns)},
        rows_kept=trace.rows_kept, rows_dropped=trace.rows_dropped,
        header_repeats=stitches.count(REPEATED),
        continued_without_header=stitches.count(CONTINUED),
        split_rows_joined=sum(s.split_row_joined for s in trace.segments),
        doubtful_cells=trace.doubtful_cells)




def as_json(value: Any) -> Any:
    """A trace (or a list or dict of traces) as JSON-ready dicts and lists."""
    if isinstance(value, dict):
        return {k: as_json(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [as_json(v) for v in value]
    return asdict(value) if hasattr(value, "__dataclass_fields__") else value
