"""Draw what the extractor saw on a page: cells, column roles, statuses, action rows."""
from __future__ import annotations

from pathlib import Path

import pdfplumber
from PIL import ImageDraw

from wsoa.extract.actions import ActionContext, read_actions
from wsoa.extract.document import read_layout
from wsoa.extract.statements import legend

STATUS_RGB = {"red": (220, 0, 0), "amber": (255, 170, 0), "green": (0, 160, 80), "blue": (0, 150, 230),
              "white": (150, 150, 150)}


def show_page(path: str | Path, page_no: int, out: str | Path, resolution: int = 100) -> Path:
    """Save a PNG of page `page_no` with the detected grid, roles, statuses and actions drawn on it."""
    path = Path(path)
    pages, tables = read_layout(path)
    lg = legend(pages)
    with pdfplumber.open(str(path)) as pdf:
        if not 1 <= page_no <= len(pdf.pages):
            raise ValueError(f"page {page_no} is outside 1..{len(pdf.pages)}")
        im = pdf.pages[page_no - 1].to_image(resolution=resolution)
        scale = resolution / 72
        draw = ImageDraw.Draw(im.annotated)
        for ti, table in enumerate(tables):
            if page_no not in table.pages:
                continue
            for row in table.rows:
                if row.page != page_no:
                    continue
                for ci, cell in row.cells.items():
                    col = table.columns[ci]
                    im.draw_rect((col.x0, cell.top, col.x1, cell.bottom), fill=(0, 0, 255, 12),
                                 stroke=(0, 0, 255), stroke_width=1)
                if row.spanning:
                    im.draw_rect((row.x0, row.top, row.x1, row.bottom), fill=(255, 0, 255, 30), stroke_width=0)
            first = [r for r in table.rows if r.page == page_no][:1]
            for col in table.columns:
                if first:
                    draw.text((col.x0 * scale + 2, max(first[0].top * scale - 12, 0)), col.role or "?", fill=(200, 0, 0))
            for a in read_actions(table, ti, lg, ActionContext()).actions:
                if a.source and a.source.page == page_no:
                    im.draw_rect((a.source.x0 - 3, a.source.top, a.source.x0 - 1, a.source.bottom),
                                 fill=(0, 180, 0, 255), stroke_width=0)
                    label = f"{a.ref} {a.rag or ''} ({a.rag_source or '-'})"
                    draw.text((a.source.x1 * scale - 120, a.source.top * scale + 2), label,
                              fill=STATUS_RGB.get(a.rag or "", (0, 0, 0)))
        out = Path(out)
        im.save(str(out))
    return out
