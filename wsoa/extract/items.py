"""The items of a report's list when it is not a table: one paragraph per item, or bullets.

Lines become pieces (a paragraph, or one bullet with its wrapped lines). The outer level holds the
items: paragraphs at the left edge when sub-bullets sit inside them, else the leftmost marked
pieces. A marked piece further right is a sub-bullet of the item above, and an unmarked piece after
an item's sub-bullets, set in from the left edge, is the rest of that item; both join its text. An
empty bullet is nothing; "Responsible body: ..." names the item's body; a sentence that states how
many items there are is not an item, and the count is checked.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from wsoa.extract.page import Line, Page
from wsoa.normalise.text import ITEM_MARK, clean, is_item_mark, join_lines

INDENT = 3.0  # points: further right than this is a deeper level
BODY_LABEL = re.compile(r"^responsible\s+bod(?:y|ies)\s*(?:is|are|:|[-–])\s*(?P<body>.+)$", re.IGNORECASE)
WORD_NUMBERS = {w: i for i, w in enumerate(("one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                                             "ten"), start=1)}
COUNT = re.compile(rf"\b(?P<n>{'|'.join(WORD_NUMBERS)}|\d{{1,2}})\s+(?:\w+\s+){{0,2}}areas?\s+(?:for|of)\b",
                   re.IGNORECASE)


@dataclass
class Piece:
    lines: list[Line]
    marked: bool

    @property
    def x0(self) -> float:
        return self.lines[0].x0

    @property
    def text(self) -> str:
        text = join_lines([ln.text for ln in self.lines])
        return clean(ITEM_MARK.sub("", text, count=1)) if self.marked else text


@dataclass
class Item:
    parts: list[str]
    page: int
    body: str | None = None
    subs: int = 0

    @property
    def text(self) -> str:
        return clean(" ".join(self.parts))


@dataclass
class Listed:
    items: list[Item] = field(default_factory=list)
    stated: int | None = None  # the number of items a sentence of the section states


def pieces(lines: list[Line]) -> list[Piece]:
    """Lines grouped into paragraphs and bullets: a mark, a wider gap or a new page starts a piece
    (a line on a new page continues an unfinished one)."""
    out: list[Piece] = []
    for ln in lines:
        marked = is_item_mark(ln.words[0].text)
        prev = out[-1].lines[-1] if out else None
        runs_on = prev is not None and not marked and (
            (prev.page == ln.page and 0 <= ln.top - prev.bottom < 0.5 * ln.size and abs(ln.size - prev.size) < 0.6)
            or (prev.page != ln.page and not prev.text.rstrip().endswith((".", ":", ";")) and ln.text[:1].islower()))
        if runs_on:
            out[-1].lines.append(ln)
        else:
            out.append(Piece([ln], marked))
    return out


def list_items(pages: list[Page], start: tuple[int, float], end: tuple[int, float], title: str) -> Listed:
    """The items between `start` and `end` (page, top), the section's `title` line left out."""
    lines = [ln for p in pages for ln in p.lines if start < (p.number, ln.top) < end
             and ln.text.strip().lower() != title]
    found = Listed()
    parts = [pc for pc in pieces(lines) if pc.text or not pc.marked]  # an empty bullet is nothing
    if not parts:
        return found
    marked = [pc.x0 for pc in parts if pc.marked]
    left = min(pc.x0 for pc in parts)
    paragraphs = any(not pc.marked and pc.x0 <= left + INDENT for pc in parts) and \
        all(x > left + INDENT for x in marked)
    outer = left if paragraphs or not marked else min(marked)
    for pc in parts:
        _place(pc, found, outer, paragraphs)
    return found


def _place(pc: Piece, found: Listed, outer: float, paragraphs: bool) -> None:
    """Put one piece where it belongs: a new item, its body, a sub-bullet or the rest of the item above."""
    text = pc.text
    body = BODY_LABEL.match(text)
    if body and found.items:
        found.items[-1].body = clean(body.group("body")).rstrip(".")
        return
    count = COUNT.search(text)
    if count and not pc.marked and "should" not in text.lower():
        n = count.group("n").lower()
        found.stated = WORD_NUMBERS.get(n) or int(n)
        return
    at_outer = pc.x0 <= outer + INDENT
    starts = at_outer and (pc.marked != paragraphs)
    if starts or not found.items:
        found.items.append(Item([text], pc.lines[0].page))
        return
    item = found.items[-1]
    item.subs += pc.marked
    item.parts.append(text)
