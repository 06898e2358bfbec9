"""Draw the trace that produced a record on its page: header candidates, columns and roles, the
table's region and cells, group rows, and each action with its status.

The page is rendered at `DPI`; a key runs along the top, column roles sit in a band above the
page, and action labels in a margin on the right joined to their rows by a thin line, so that no
label is written over the page's text.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from wsoa.model import Document
from wsoa.normalise.status import display_rgb

DPI = 150
MARGIN = 330      # px on the right for action labels
KEY = 34          # px at the top for the key
BAND = 20         # px per table for its column roles
LINE = 17         # px between two labels in the margin
FONT = 13
INK = {"cell": (40, 90, 220), "group": (200, 0, 200), "header": (0, 150, 60), "rejected": (230, 120, 0),
       "action": (0, 110, 0), "region": (120, 120, 120)}
KEY_TEXT = (("cell", "cells"), ("group", "group row"), ("header", "header accepted"),
            ("rejected", "header rejected"), ("action", "action"), ("region", "table region"))


@dataclass
class Drawn:
    """What was drawn: the trace items of the page, to compare with the record."""
    path: Path
    tables: list[int] = field(default_factory=list)
    actions: list[tuple[str, float, float]] = field(default_factory=list)  # (ref, top, bottom)
    cells: int = 0
    candidates: int = 0


def status_rgb(status: str | None) -> tuple[int, int, int]:
    """A status's display colour (normalise.status.display_rgb) as 0-255 channels; black if none."""
    rgb = display_rgb(status)
    return tuple(round(255 * v) for v in rgb) if rgb else (0, 0, 0)  # type: ignore[return-value]


def _render(path: Path, page_no: int, size: tuple[float, float]) -> Image.Image:
    """The page as an image; a Word file or web page (one virtual page) as a blank sheet."""
    if path.suffix.lower() != ".pdf":
        return Image.new("RGB", (int(size[0] * DPI / 72), int(size[1] * DPI / 72)), "white")
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        if not 1 <= page_no <= len(pdf.pages):
            raise ValueError(f"page {page_no} is outside 1..{len(pdf.pages)}")
        return pdf.pages[page_no - 1].to_image(resolution=DPI).original.convert("RGB")


class Canvas:
    """The page image inside a frame: key on top, a band per table for its columns, a right margin."""

    def __init__(self, page: Image.Image, bands: int):
        self.scale = DPI / 72
        self.top = KEY + BAND * bands
        self.im = Image.new("RGB", (page.width + MARGIN, page.height + self.top), "white")
        self.im.paste(page, (0, self.top))
        self.overlay = Image.new("RGBA", self.im.size, (0, 0, 0, 0))
        self.draw = ImageDraw.Draw(self.overlay)
        self.font = ImageFont.load_default(size=FONT)
        self.page_width = page.width

    def xy(self, x: float, y: float) -> tuple[float, float]:
        return x * self.scale, y * self.scale + self.top

    def box(self, x0: float, top: float, x1: float, bottom: float, ink: tuple[int, int, int], fill: int = 0,
            width: int = 1) -> None:
        self.draw.rectangle((*self.xy(x0, top), *self.xy(x1, bottom)), outline=ink + (255,),
                            fill=ink + (fill,) if fill else None, width=width)

    def text(self, x: float, y: float, text: str, ink: tuple[int, int, int] = (0, 0, 0)) -> None:
        self.draw.text((x, y), text, fill=ink + (255,), font=self.font)

    def key(self) -> None:
        x = 6
        for name, label in KEY_TEXT:
            self.draw.rectangle((x, 10, x + 14, 24), outline=INK[name] + (255,), fill=INK[name] + (60,), width=2)
            self.text(x + 18, 10, label)
            x += 24 + int(self.draw.textlength(label, font=self.font))

    def save(self, out: Path) -> None:
        Image.alpha_composite(self.im.convert("RGBA"), self.overlay).convert("RGB").save(str(out))


def _draw_candidates(cv: Canvas, page: dict, drawn: Drawn) -> None:
    for c in page["candidates"]:
        cols = c["columns"]
        x0, x1 = (cols[0]["x0"], cols[-1]["x1"]) if cols else (0, cv.page_width / cv.scale)
        cv.box(x0, c["top"], x1, c["bottom"], INK["header" if c["accepted"] else "rejected"], width=2)
        drawn.candidates += 1


def _draw_table(cv: Canvas, table: dict, page_no: int, band: int, drawn: Drawn) -> None:
    y = KEY + BAND * band
    for col in table["columns"]:
        a, b = col["x0"] * cv.scale, col["x1"] * cv.scale
        cv.draw.line((a, y + 2, a, y + BAND - 2), fill=INK["cell"] + (255,))
        cv.text(a + 3, y + 2, f"T{table['index']} {col['role'] or '?'}"[: max(int((b - a) / 7), 1)], INK["cell"])
    for seg in (s for s in table["segments"] if s["page"] == page_no):
        cv.box(table["columns"][0]["x0"] - 2, seg["top"], table["columns"][-1]["x1"] + 2, seg["bottom"],
               INK["region"], width=2)
        for row in seg["rows"]:
            for cell in row["cells"]:
                col = table["columns"][cell["col"]]
                cv.box(col["x0"], cell["top"], col["x1"], cell["bottom"], INK["cell"])
                drawn.cells += 1
            if row["spanning"]:
                cv.box(table["columns"][0]["x0"], row["top"], table["columns"][-1]["x1"], row["bottom"],
                       INK["group"], fill=50)


def _draw_actions(cv: Canvas, doc: Document, page_no: int, drawn: Drawn) -> None:
    """Each action of the record on this page: a bar at its left edge, its label in the right margin."""
    next_y = cv.top
    for a in sorted((a for a in doc.actions if a.source and a.source.page == page_no), key=lambda a: a.source.top):
        s = a.source
        cv.box(s.x0 - 4, s.top, s.x0 - 1, s.bottom, INK["action"], fill=255)
        x, y = cv.xy(s.x1, s.top)
        label_y = max(y, next_y)
        cv.draw.line((x, y, cv.page_width + 4, label_y + 7), fill=INK["action"] + (160,))
        cv.draw.rectangle((cv.page_width + 6, label_y + 1, cv.page_width + 18, label_y + 13),
                          fill=status_rgb(a.rag) + (255,), outline=(0, 0, 0, 255))
        cv.text(cv.page_width + 22, label_y, f"{a.ref or '-'} {a.rag or 'no status'} ({a.rag_source or '-'})")
        next_y = label_y + LINE
        drawn.actions.append((a.ref, s.top, s.bottom))


def draw_trace(doc: Document, page_no: int, out: Path) -> Drawn:
    """Draw on page `page_no` the trace of the run that produced `doc`, and its actions."""
    if not doc.source_path or doc.trace is None:
        raise ValueError("the record carries no trace (draw a record made by extract(), not one read back)")
    trace = doc.trace
    page = next((p for p in trace["pages"] if p["page"] == page_no), None)
    if page is None:
        raise ValueError(f"page {page_no} is outside 1..{doc.pages}")
    tables = [t for t in trace["tables"] if any(s["page"] == page_no for s in t["segments"])]
    cv = Canvas(_render(Path(doc.source_path), page_no, (page["width"], page["height"])), len(tables))
    cv.key()
    drawn = Drawn(out)
    _draw_candidates(cv, page, drawn)
    for band, table in enumerate(tables):
        _draw_table(cv, table, page_no, band, drawn)
        drawn.tables.append(table["index"])
    _draw_actions(cv, doc, page_no, drawn)
    cv.save(out)
    return drawn


def show_page(path: str | Path, page_no: int, out: str | Path | None = None) -> Drawn:
    """Extract `path` and save a PNG of page `page_no` with the trace drawn on it.

    `out` is a PNG file or a folder; by default the PNG goes beside the input file.
    """
    from wsoa.extract.document import extract

    path = Path(path)
    target = Path(out) if out else path.parent
    if target.is_dir() or not target.suffix:
        target.mkdir(parents=True, exist_ok=True)
        target = target / f"{path.stem}-p{page_no}.png"
    return draw_trace(extract(path), page_no, target)
