"""The workbook: one sheet per table, header frozen, filters on, widths set, statuses in their colour."""
from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd
import xlsxwriter

from wsoa.outputs.report import STATUS_COLOURS
from wsoa.outputs.store import FILE_MODE, Store

SHEETS = ("documents", "weaknesses", "actions", "milestones", "links", "findings")
STATUS_COLUMNS = ("rag",)


def _cell(value: object) -> object:
    """A value xlsxwriter can write: lists joined, missing values blank, timestamps as dates."""
    if isinstance(value, (list, tuple, np.ndarray)):
        items = value.tolist() if isinstance(value, np.ndarray) else value
        return "; ".join(str(pd.Timestamp(v).date()) if isinstance(v, (pd.Timestamp, dt.datetime)) else str(v)
                         for v in items)
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime().date()
    return value


def build_workbook(store: Store, out_dir: str | Path, areas: list[str] | None = None) -> Path:
    """Write OUT_DIR/wsoa.xlsx (replaced atomically); `areas` limits the rows to those local areas."""
    target = Path(out_dir) / "wsoa.xlsx"
    docs = store.table("documents")
    keep = set(docs["doc_id"]) if not areas else set(
        docs.loc[docs["local_area"].fillna("").str.lower().isin([a.lower() for a in areas]), "doc_id"])
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".wsoa.", suffix=".xlsx")
    os.close(fd)
    try:
        book = xlsxwriter.Workbook(tmp, {"remove_timezone": True})
        head = book.add_format({"bold": True, "bg_color": "#f3f3f3", "border": 1})
        date = book.add_format({"num_format": "yyyy-mm-dd"})
        fills = {k: book.add_format({"bg_color": v, "font_color": "#ffffff" if k in ("blue", "green", "red") else "#000000"})
                 for k, v in STATUS_COLOURS.items()}
        for name in SHEETS:
            frame = store.table(name)
            key = "letter_doc_id" if name == "links" else "doc_id"
            frame = frame[frame[key].isin(keep)] if key in frame else frame
            sheet = book.add_worksheet(name)
            cols = list(frame.columns)
            widths = [len(c) + 2 for c in cols]
            for j, c in enumerate(cols):
                sheet.write(0, j, c, head)
            for i, row in enumerate(frame.itertuples(index=False), start=1):
                for j, value in enumerate(row):
                    v = _cell(value)
                    if v is None:
                        continue
                    if isinstance(v, dt.date):
                        sheet.write_datetime(i, j, dt.datetime.combine(v, dt.time()), date)
                    elif cols[j] in STATUS_COLUMNS and v in fills:
                        sheet.write(i, j, v, fills[v])
                    else:
                        sheet.write(i, j, v)
                    widths[j] = max(widths[j], min(60, len(str(v)) + 2))
            for j, w in enumerate(widths):
                sheet.set_column(j, j, w)
            sheet.freeze_panes(1, 0)
            sheet.autofilter(0, 0, max(1, len(frame)), max(0, len(cols) - 1))
        book.close()
        os.chmod(tmp, FILE_MODE)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target
