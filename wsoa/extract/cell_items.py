"""A cell that lists several dated items (milestones in one cell): one item per bullet, or per date.

Each line opened by a bullet or an item number opens an item. Without marks, an item ends after a
date that closes a line (the date may wrap: "... – Jan" / "2024"), or, where the dates lead the lines,
an item opens at each line that starts with a date. An item's date is the date at its end or start,
set apart from its text by the punctuation between them. A cell with neither marks nor dated lines
is one item, and `cell_items` returns None.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from wsoa.extract.grid import Cell
from wsoa.extract.page import group_lines
from wsoa.normalise.dates import find_dates
from wsoa.normalise.text import ITEM_MARK, clean, is_bullet, is_item_mark, mark_style

SEPARATORS = " \t\n-–—:;,.()[]"


@dataclass
class Item:
    text: str
    date_raw: str | None = None


def _mark(word: str) -> str | None:
    """The kind of list mark a word is: the bullet glyph itself, or the numbering style; None for a word."""
    if not is_item_mark(word):
        return None
    return word if is_bullet(word) else mark_style(word)


def _lines(cell: Cell) -> list[tuple[str, bool]]:
    """The cell's lines, each with whether it opens an item (the mark dropped): lines opened by the cell's
    first mark, so that a dash that wraps to the start of a line in a list of bullets opens nothing."""
    lines = group_lines(cell.words, cell.page)
    marks = [_mark(ln.words[0].text) for ln in lines]
    first = next((m for m in marks if m), None)
    out = []
    for ln, mark in zip(lines, marks):
        marked = first is not None and mark == first
        out.append((" ".join(w.text for w in (ln.words[1:] if marked else ln.words)), marked))
    return out


def _by_dates(lines: list[str]) -> list[str] | None:
    """Lines grouped into items that each end (or each start) with a date; None when no date closes or opens
    a line."""
    text = "\n".join(lines)
    hits = [h for h in find_dates(text) if _set_apart(text[:h.start])]
    ends = [h.end for h in hits if not text[h.end:].split("\n", 1)[0].strip(SEPARATORS)]
    cuts = [e for e in ends if e < len(text.rstrip(SEPARATORS))]
    if ends:
        return [p for p in _cut(text, cuts) if p.strip(SEPARATORS)]
    starts = [h.start for h in hits if not text[:h.start].rsplit("\n", 1)[-1].strip(SEPARATORS)]
    if len(starts) > 1 or (starts and starts[0] > 0):
        return [p for p in _cut(text, [s for s in starts if s > 0]) if p.strip(SEPARATORS)]
    return None


def _set_apart(before: str) -> bool:
    """A date opens its line or follows punctuation ("Draft – Jan 2024"), not a word ("from Jan 2024 on")."""
    tail = before.rsplit("\n", 1)[-1]
    return not tail.strip() or tail.rstrip(" ")[-1:] in SEPARATORS


def _cut(text: str, at: list[int]) -> list[str]:
    bounds = [0, *sorted(at), len(text)]
    return [text[a:b] for a, b in zip(bounds, bounds[1:])]


def _item(text: str) -> Item:
    """An item's text and the date at its end or start, the punctuation between them dropped."""
    text = clean(ITEM_MARK.sub("", clean(text), count=1))
    hits = find_dates(text)
    if hits and not text[hits[-1].end:].strip(SEPARATORS):
        h = hits[-1]
        return Item(text[:h.start].rstrip(SEPARATORS) or text, h.raw)
    if hits and not text[:hits[0].start].strip(SEPARATORS):
        h = hits[0]
        return Item(text[h.end:].lstrip(SEPARATORS) or text, h.raw)
    return Item(text)


def cell_items(cell: Cell | None) -> list[Item] | None:
    """The items a cell lists, each with its date; None when the cell is a single undated item."""
    if cell is None or not cell.words:
        return None
    lines = _lines(cell)
    if sum(marked for _, marked in lines) >= 2:
        parts: list[str] = []
        for text, marked in lines:
            if marked or not parts:
                parts.append(text)
            else:
                parts[-1] += " " + text
    else:
        parts = _by_dates([t for t, _ in lines]) or []
    items = [_item(re.sub(r"\s+", " ", p)) for p in parts if clean(p)]
    if not items or (len(items) == 1 and items[0].date_raw in (None, items[0].text)):
        return None
    return items
