"""The workbook an analyst would have built: a headline sheet first, then one row per action with
its area, real dates (first start, current and original deadline, days slipped), status as text
and colour; then every other table. Header frozen, filters on, long text wrapped, widths sized.

Every text is written as a string: a cell that starts with `=`, `+`, `-` or `@` stays text
(xlsxwriter is told never to turn strings into formulas, numbers or links).
"""
from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd
import xlsxwriter

from wsoa.normalise.entities import theme_labels
from wsoa.outputs.report import ORG_LABELS, STATUS_COLOURS, Area, headline, load_areas
from wsoa.outputs.store import FILE_MODE, Store

OPTIONS = {"remove_timezone": True, "strings_to_formulas": False, "strings_to_urls": False,
           "strings_to_numbers": False}
TABLE_SHEETS = ("documents", "weaknesses", "milestones", "links", "findings", "warnings", "quote_checks",
                "self_knowledge", "changes", "events")
DROPPED = ("x0", "top", "x1", "bottom")  # PDF coordinates: in the records, not in the analyst's sheet
WIDE, NARROW = 60, 8                     # column widths in characters: long text wraps at WIDE


def _cell(value: object) -> object:
    """A value to write: lists joined, missing values blank, timestamps as dates, booleans as yes/no."""
    if isinstance(value, (list, tuple, np.ndarray)):
        items = value.tolist() if isinstance(value, np.ndarray) else value
        return "; ".join(str(pd.Timestamp(v).date()) if isinstance(v, (pd.Timestamp, dt.datetime, dt.date))
                         else str(v) for v in items)
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    if isinstance(value, (bool, np.bool_)):
        return "yes" if value else "no"
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime().date()
    if isinstance(value, dt.datetime):
        return value.date()
    return value


def _actions(areas: list[Area]) -> pd.DataFrame:
    """One row per action, as an analyst would lay it out."""
    labels = theme_labels()
    rows = []
    for ar in areas:
        for r in ar.actions.itertuples():
            rows.append({"local_area": ar.name, "ons_code": ar.official["ons_code"], "region": ar.official["region"],
                         "document": r.doc_id, "page": r.page, "weakness": r.weakness_id,
                         "ref": r.ref, "action": r.action, "lead": r.lead,
                         "lead organisation": "; ".join(n for n, _ in r.orgs) or None,
                         "lead type": "; ".join(ORG_LABELS[t] for t in r.org_types), "first start": r.start_list[0] if r.start_list else None,
                         "current deadline": r.due, "original deadline": r.original, "revisions": r.revisions,
                         "days slipped": r.days_slipped if r.revisions else None,
                         "overdue": "yes" if r.overdue else "no", "status": r.status,
                         "themes": "; ".join(labels[t] for t in (r.themes if r.themes is not None else [])
                                             if t in labels),
                         "measures": r.measures, "resource": r.resource, "deadline as printed": r.deadline_raw,
                         "start as printed": r.start_raw})
    return pd.DataFrame(rows)


def _table(store: Store, name: str, keep: set[str], area_of: dict[str, str]) -> pd.DataFrame:
    """A stored table limited to the chosen documents, with local_area first and theme keys as labels."""
    frame = store.table(name)
    key = "letter_doc_id" if name in ("links", "self_knowledge") else "plan_doc_id" if name == "quote_checks" \
        else "new_doc_id" if name == "changes" else "doc_id"
    if key in frame:
        frame = frame[frame[key].isin(keep)]
    frame = frame.drop(columns=[c for c in DROPPED if c in frame])
    if "local_area" not in frame and key in frame:
        frame.insert(0, "local_area", frame[key].map(area_of))
    if "themes" in frame:
        labels = theme_labels()
        frame["themes"] = frame["themes"].map(lambda ts: "; ".join(labels.get(t, t) for t in (ts if ts is not None
                                                                                                else [])))
    return frame


class _Writer:
    """Writes frames as sheets with the workbook's formats."""

    def __init__(self, book: xlsxwriter.Workbook):
        self.book = book
        self.head = book.add_format({"bold": True, "bg_color": "#f3f3f3", "border": 1, "text_wrap": True,
                                     "valign": "top"})
        self.text = book.add_format({"text_wrap": True, "valign": "top"})
        self.date = book.add_format({"num_format": "yyyy-mm-dd", "valign": "top"})
        self.fills = {k: book.add_format({"bg_color": v, "valign": "top",
                                          "font_color": "#ffffff" if k in ("blue", "green", "red") else "#000000"})
                      for k, v in STATUS_COLOURS.items()}

    def write_value(self, sheet, i: int, j: int, v: object, column: str) -> int:
        """Write one cell; returns the characters it shows."""
        if isinstance(v, dt.date):
            sheet.write_datetime(i, j, dt.datetime.combine(v, dt.time()), self.date)
            return 10
        if isinstance(v, (int, float, np.integer, np.floating)):
            sheet.write_number(i, j, float(v))
            return len(str(v))
        v = str(v)
        if column in ("status", "rag") and v in self.fills:
            sheet.write_string(i, j, v, self.fills[v])
        else:
            sheet.write_string(i, j, v, self.text)
        return len(v)

    def sheet(self, name: str, frame: pd.DataFrame) -> None:
        sheet = self.book.add_worksheet(name)
        cols = [str(c) for c in frame.columns]
        widths = [min(WIDE, max(NARROW, len(c) + 2)) for c in cols]
        for j, c in enumerate(cols):
            sheet.write_string(0, j, c, self.head)
        for i, row in enumerate(frame.itertuples(index=False), start=1):
            for j, value in enumerate(row):
                v = _cell(value)
                if v is not None:
                    widths[j] = max(widths[j], min(WIDE, self.write_value(sheet, i, j, v, cols[j]) + 2))
        for j, w in enumerate(widths):
            sheet.set_column(j, j, w)
        sheet.freeze_panes(1, 0)
        sheet.autofilter(0, 0, max(1, len(frame)), max(0, len(cols) - 1))


def build_workbook(store: Store, out_dir: str | Path, areas: list[str] | None, found: pd.DataFrame,
                   as_of: dt.date | None = None) -> Path:
    """Write OUT_DIR/wsoa.xlsx (replaced atomically); `areas` limits the rows to those local areas;
    `found`: the findings as of `as_of` (default: their own date)."""
    as_of = as_of or (pd.Timestamp(found["as_of"].iloc[0]).date() if len(found) else dt.date.today())
    chosen = load_areas(store, areas, as_of, found)
    keys = {ar.name.lower() for ar in chosen}
    docs = store.table("documents")
    docs = docs[docs["local_area"].fillna("").str.lower().isin(keys)]
    area_of = dict(zip(docs["doc_id"], docs["local_area"]))
    target = Path(out_dir) / "wsoa.xlsx"
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".wsoa.", suffix=".xlsx")
    os.close(fd)
    try:
        book = xlsxwriter.Workbook(tmp, OPTIONS)
        writer = _Writer(book)
        writer.sheet("headline", headline(chosen))
        writer.sheet("actions", _actions(chosen))
        writer.sheet("areas", pd.DataFrame([ar.official for ar in chosen]))
        for name in TABLE_SHEETS:
            writer.sheet(name, _table(store, name, set(area_of), area_of))
        book.close()
        os.chmod(tmp, FILE_MODE)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target
