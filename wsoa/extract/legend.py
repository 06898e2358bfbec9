"""A document's status key (legend), in any printed form, read into a `Legend`.

Forms: short lines naming a colour and its meaning in either order ("Blue – complete",
"Delivered – Blue", "Complete (blue)"), a small table (meaning in one cell, the colour named or
filled in the next), coloured swatches or dots beside words with no colour named, and one
sentence ("Delivered means blue; Progressing means green; ..."). At least three entries in a
row make a key; the key's words and colours come first, plain meanings only where it says nothing.
"""
from __future__ import annotations

import re
from functools import lru_cache

from wsoa.extract.page import Line, Page
from wsoa.extract.prose import paragraphs
from wsoa.normalise.status import (RGB, Legend, colour_name, delta_e, is_mark, is_white, legend_patterns,
                                   nearest_status, plain_meaning)

MIN_ENTRIES = 3
REACH = 200.0  # a swatch this far (points) beside its words still belongs to them (a key set out as a table)


@lru_cache(maxsize=1)
def _line_forms() -> tuple[re.Pattern[str], re.Pattern[str]]:
    names, joins = legend_patterns()
    letter = rf"(?:(?P<letter>[A-Z])\s*(?:[-–—:=)]|{joins})?\s+)?"  # "B – Blue: delivered", a table's "B | Blue"
    colour_first = re.compile(rf"^{letter}\(?(?P<colour>{names})\b\)?\s*(?:{joins})?\s*(?P<meaning>.{{2,60}})$",
                              re.IGNORECASE)
    meaning_first = re.compile(rf"^(?P<meaning>.{{2,60}}?)\s*(?:{joins})?\s*\(?\b(?P<colour>{names})\)?$",
                               re.IGNORECASE)
    return colour_first, meaning_first


Entry = tuple[str | None, str, RGB | None]  # (status named, meaning, swatch colour)


def legend(pages: list[Page]) -> Legend:
    """The document's own status key (lines, table, swatches or one sentence), over plain meanings."""
    lg = Legend.default()
    for page in pages:
        run: list[Entry] = []
        for ln in page.lines:
            entry = _entry(page, ln)
            if entry is not None:
                run.append(entry)
                continue
            _learn(lg, run)
            run = []
        _learn(lg, run)
    for para in paragraphs(pages, 0.0, {}):
        for sentence in re.split(r"(?<=[.!?])\s+(?=[A-Z])", para.text):
            if len(sentence.split()) <= 80:
                lg.learn_text(sentence)
    return lg


def _entry(page: Page, ln: Line) -> Entry | None:
    """One key entry on a line: a colour named beside its meaning, or a meaning beside a coloured swatch."""
    words = [w for w in ln.words if not is_mark(w.text, w.rgb)]
    text = " ".join(w.text for w in words)
    if not words or len(words) > 10:
        return None
    swatch = _swatch(page, ln)
    for form in _line_forms():
        m = form.match(text)
        if m and plain_meaning(m.group("meaning")) and not colour_name(m.group("meaning")):
            meaning = m.group("meaning").strip(" -–—:=")
            letter = m.groupdict().get("letter")  # "B – Blue: delivered": the letter means it too
            return colour_name(m.group("colour")), f"{letter} / {meaning}" if letter else meaning, swatch
    if swatch is not None and plain_meaning(text):
        return None, text, swatch
    return None


def _swatch(page: Page, ln: Line) -> RGB | None:
    """The colour of a mark on the line: a coloured glyph, else the nearest filled shape or fill beside
    or under its words (the smallest of equals), no taller than a few lines."""
    glyphs = [w.rgb for w in ln.words if is_mark(w.text, w.rgb)]
    if glyphs:
        return glyphs[0]
    top, bottom = min(w.top for w in ln.words), max(w.bottom for w in ln.words)
    x0, x1 = ln.words[0].x0, ln.words[-1].x1
    best: tuple[float, float, RGB] | None = None
    for box in [*page.shapes, *page.fills]:
        mid = (box.top + box.bottom) / 2
        if not (top - 3 <= mid <= bottom + 3) or box.bottom - box.top > 3 * (bottom - top) + 6 or is_white(box.rgb):
            continue
        gap = max(box.x0 - x1, x0 - box.x1, 0.0)
        if gap <= REACH:
            key = (gap, (box.x1 - box.x0) * (box.bottom - box.top), box.rgb)
            best = key if best is None or key[:2] < best[:2] else best
    return best[2] if best else None


def _learn(lg: Legend, run: list[Entry]) -> None:
    """Learn a run of entries that makes a key: at least three, naming or showing two statuses or more.

    A colour shared by every entry is the key's background, not a swatch; where an entry names its
    colour, the name says the status and its swatch is that status's colour in this document.
    """
    if len(run) < MIN_ENTRIES:
        return
    swatches = [s for _, _, s in run if s is not None]
    shared = len(swatches) == len(run) and all(delta_e(s, swatches[0]) < 3 for s in swatches)
    entries = []
    for status, meaning, swatch in run:
        swatch = None if shared else swatch
        if status is None and swatch is not None:
            status = nearest_status(swatch)[0]
        if status is not None:
            entries.append((status, meaning, swatch))
    if len({s for s, _, _ in entries}) < 2:
        return
    for status, meaning, swatch in entries:
        lg.learn(status, meaning, swatch)
