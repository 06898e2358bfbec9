"""The text outside action tables: paragraphs and headings in reading order."""
from __future__ import annotations

from dataclasses import dataclass

from wsoa.extract.cards import after_label, apart_label, text_size
from wsoa.extract.page import Line, Page
from wsoa.normalise.text import is_item_mark, join_lines


@dataclass
class Paragraph:
    text: str
    page: int
    top: float
    bottom: float
    size: float
    bold: bool
    heading: bool = False
    item: bool = False  # starts with a bullet glyph or an item number

    @property
    def pos(self) -> tuple[int, float]:
        return (self.page, self.top)


def paragraphs(pages: list[Page], body: float, skip: dict[int, list[tuple[float, float]]]) -> list[Paragraph]:
    """Paragraphs of every page, leaving out the vertical bands in `skip` (tables), in reading order.

    Lines join while style and spacing stay the same; a line in a larger font than the body text
    is a heading.
    """
    out: list[Paragraph] = []
    for page in pages:
        bands = skip.get(page.number, [])
        lines = [ln for ln in page.lines if not any(a - 1 <= (ln.top + ln.bottom) / 2 <= b + 1 for a, b in bands)]
        right = max((ln.x1 for ln in lines), default=0.0)
        current: list[Line] = []
        for ln in lines:
            if current and _continues(current[-1], ln, right):
                current.append(ln)
                continue
            if current:
                out.append(_make(current, body))
            current = [ln]
        if current:
            out.append(_make(current, body))
    return out


def _continues(prev: Line, line: Line, right: float) -> bool:
    """The line runs on the paragraph: same style, a small gap, and it opens no list item (but the value of a
    label the line before wrapped after: "Status:" / "A. ...") and no field (a label of the vocabulary set apart
    from its value: "**Lead** Head of SEND")."""
    gap = line.top - prev.bottom
    same_style = abs(text_size(prev) - text_size(line)) < 0.6 and prev.bold == line.bold
    starts_item = is_item_mark(line.words[0].text) and len(line.words) > 1 and not after_label(prev, line, right)
    return same_style and 0 <= gap < 0.45 * line.size and not starts_item and apart_label(line) is None


def _make(lines: list[Line], body: float) -> Paragraph:
    size = text_size(lines[0])
    text = join_lines([ln.text for ln in lines])
    heading = size > body + 0.9 and len(text.split()) <= 25
    first = lines[0].words[0].text
    item = is_item_mark(first)
    return Paragraph(text, lines[0].page, lines[0].top, lines[-1].bottom, size, lines[0].bold, heading, item)
