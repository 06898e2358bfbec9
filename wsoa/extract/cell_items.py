"""A cell that lists several dated items (milestones in one cell): one item per bullet, or per date.

Each line opened by a bullet or an item number opens an item. Without marks, an item ends after a
date that closes a line (the date may wrap: "... – Jan" / "2024"), or, where the dates lead the lines,
an item opens at each line that starts with a date. An item's date is the date at its end or start,
set apart from its text by the punctuation between them. A cell with neither marks nor dated lines
is one item, and `cell_items` returns None. `split_sub_rows` cuts an action's one row into its
milestone sub-rows where the table draws no rule between them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

from wsoa.extract.grid import Cell, Row
from wsoa.extract.page import Line
from wsoa.normalise.content import content_words
from wsoa.normalise.dates import find_dates, is_month
from wsoa.normalise.text import ITEM_MARK, clean, is_bullet, is_item_mark, join_lines, mark_style

SEPARATORS = " \t\n-–—:;,.()[]"
DASHES = ("-", "–", "—")
TIGHT = 1.6  # a word broken by a narrow column leaves less than this many characters at the line's end (an m is wide)
NUMERIC_TO_CENTURY = r"\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)"   # a numeric date up to its year's century
CUT_YEAR = re.compile(r"\d{1,2}[/.-]\d{1,2}[/.-](\d{0,3})")     # a numeric date cut inside its year
YEAR_END = re.compile(r"\d{1,3}")
WHOLE_DATE = re.compile(NUMERIC_TO_CENTURY + r"\d\d")          # ... whole
ACRONYM_END = re.compile(r"[A-Z]{2}$")                          # a piece ending in capitals: an acronym
PART_DATE = re.compile(r"\d{1,2}[/.-]\d{0,2}")                  # ... cut after its day, before its year
ONE_SEPARATOR = re.compile(r"\d{1,2}([/.-])\d{1,2}\1(?:19|20)\d\d")  # a whole date, one separator throughout
LEADING = 1.25  # a line's pitch as a multiple of its height, where the cell shows no two lines of a paragraph
APART = 1.15    # lines further apart than this many pitches belong to different entries


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
    lines = cell.lines
    marks = [_mark(ln.words[0].text) for ln in lines]
    first = next((m for m in marks if m), None)
    if marks.count(first) < 2:  # one mark is no list: a dash wrapped to a line's start stays in the text
        first = None
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


def _opens_with_date(text: str) -> bool:
    hits = find_dates(text)
    return bool(hits) and hits[0].start == 0


def _line_pitch(lines: list[Line]) -> float:
    """The distance from one line of a paragraph to the next: the closest two lines of the cell, or, where
    every line stands apart (one line per entry), the usual leading of lines this tall."""
    height = min(ln.bottom - ln.top for ln in lines)
    return min([b.top - a.top for a, b in zip(lines, lines[1:])] + [LEADING * height])


def entry_tops(milestones: Cell, dates: Cell) -> list[float]:
    """Tops of the milestone cell's lines that open an entry: set apart by more than the cell's line pitch,
    level with a line of the date cell that opens with a date."""
    lines = milestones.lines
    dlines: list = dates.lines  # a date may wrap after its month: "September" / "2024"
    date_tops = [ln.top for ln, after in zip(dlines, [*dlines[1:], None]) if _opens_with_date(ln.text)
                 or (after and is_month(ln.text.strip(" ,")) and _opens_with_date(f"{ln.text} {after.text}"))]
    if len(lines) < 2 or len(date_tops) < 2:
        return []
    pitch = _line_pitch(lines)
    return [b.top for a, b in zip(lines, lines[1:])
            if b.top - a.top > APART * pitch and any(abs(t - b.top) <= 1.5 for t in date_tops)]


def split_sub_rows(rows: list[Row], mcol: int | None, dcol: int | None) -> list[Row]:
    """An action's one row cut into its milestone sub-rows where a table draws no rule between them: a sub-row
    opens where a milestone opens level with its date. Each column with a line opening at every cut (the
    milestone, its date, its status), or a mark or fill in every sub-row (a status colour), is cut; the other
    cells span the sub-rows."""
    if len(rows) != 1 or mcol is None or dcol is None:
        return rows
    row = rows[0]
    m, d = row.cells.get(mcol), row.cells.get(dcol)
    tops = entry_tops(m, d) if m is not None and d is not None and m.words and d.words else []
    if not tops:
        return rows
    bounds = [row.top, *[t - 1.0 for t in tops], row.bottom]
    cut_cols = [ci for ci, c in row.cells.items()
                if all(any(abs(ln.top - t) <= 1.5 for ln in c.lines) for t in tops)
                or ((not c.words or _part_in_each(c, bounds)) and _parts_apart(c, bounds))]
    out = []
    for k, (a, b) in enumerate(zip(bounds, bounds[1:])):
        cells = dict(row.cells)
        for ci in cut_cols:
            c = row.cells[ci]
            parts = [p for p in c.parts if a <= p[0] < b]
            rgb = parts[0][1] if parts and (not c.words or _part_in_each(c, bounds)) else c.rgb if c.words else None
            cells[ci] = Cell(ci, a, b, [w for w in c.words if a <= w.yc < b], rgb, c.page, parts)
        starts = row.starts if k == 0 else set(cut_cols)
        out.append(Row(row.page, a, b, cells, set(starts), row.spanning, row.x0, row.x1))
    return out


def _part_in_each(cell: Cell, bounds: list[float]) -> bool:
    """A mark or fill in every band (a status shape per sub-row, its glyph set off the text's line)."""
    return all(any(a <= y < b for y, _ in cell.parts) for a, b in zip(bounds, bounds[1:]))


def _parts_apart(cell: Cell, bounds: list[float]) -> bool:
    """Marks or fills in two bands of the cell or more (a status drawn per sub-row)."""
    return len({sum(y >= b for b in bounds[1:-1]) for y, _ in cell.parts}) >= 2


def words_after(rows: list[Row], inner: bool = False) -> set[str]:
    """The words printed after another on a line of the rows' cells: whole words, not the rest of one
    broken at a line's end; with `inner`, only those printed between two others (not a piece left at
    a line's end)."""
    end = -1 if inner else None
    return {word_key(w.text) for r in rows for c in r.cells.values() for ln in c.lines for w in ln.words[1:end]}


def word_key(text: str) -> str:
    """A word as compared with the words printed elsewhere: lower case, punctuation at its ends dropped."""
    return text.strip(".,;:!?()[]'\"‘’“”").lower()


def _broken(a: Line, b: Line, left: float, limit: float, known: Callable[[str], bool],
            inner: Callable[[str], bool], edge: float) -> bool:
    """True when line `a` is one piece of a word the column was too narrow for, its rest opening line `b`
    ("Commissioni" / "ng", "01/10/202" / "1"): the piece stands alone on its line and fills it to the cell's
    right edge (short of it by less than a character of the rest), the two together are wider than the cell,
    and they make a number, a month, or a word printed elsewhere (`known`), or the rest is no word printed
    elsewhere ("ng"). A piece after other words on its line ("Head of Co" / "mmissioning") is one only where
    the rest, in lower case, is no word printed elsewhere, nor the piece one printed between two others
    (`inner`), and the piece stays inside the cell (`edge`): else a whole word wrapped."""
    piece, rest = a.words[-1], b.words[0]
    if _cut_year(piece.text, rest.text, alone=len(a.words) == len(b.words) == 1) or _cut_date(piece.text, rest.text):
        return True   # "01/10/20" over "21", "... 20/06/2" over "024", "14/0" over "1/2024": a date cut
    width = (piece.x1 - piece.x0) + (rest.x1 - rest.x0)
    char = (rest.x1 - rest.x0) / max(len(rest.text), 1)  # an average character of the rest
    if len(a.words) > 1 and not (rest.text[:1].islower() and not inner(word_key(piece.text))
                                 and not known(word_key(rest.text)) and piece.x1 <= edge):
        return False  # past the cell's edge, the column's edges are not the wrapper's: nothing to go by
    if piece.x1 < limit - TIGHT * char or width <= limit - left:
        return False
    if piece.text[-1:].isdigit() and rest.text[:1].isdigit():
        return not WHOLE_DATE.fullmatch(piece.text)   # "30/11/2022" over "01/02/2023": two dates
    word, tail = word_key(piece.text + rest.text), word_key(rest.text)
    if ACRONYM_END.search(piece.text):
        return False   # "SENCO" / "network": no word turns from capitals to lower case
    return (piece.text[-1:].isalpha() and rest.text[:1].islower()
            and (known(word) or is_month(word) or not (known(tail) or tail in _vocabulary())))


@lru_cache(maxsize=1)
def _vocabulary() -> frozenset[str]:
    """The words of the cell vocabulary (data/columns.toml [content]) of three letters or more: whole words
    wherever printed ("resource", "for"; one or two letters, "l", "on", may well end a broken word)."""
    return frozenset(w for words in content_words().values() for p in words for w in p.lower().split() if len(w) >= 3)


def hard_breaks(cells: list[Cell]) -> float:
    """Lines per cell that end although the next line's first word would have fitted after them (the
    widest line of the cells marks the column's right edge): breaks between entries of a list, where a
    wrapped sentence breaks only where its next word did not fit."""
    lines = [c.lines for c in cells if c.words]
    right = max((ln.x1 for ls in lines for ln in ls), default=0.0)
    hard = sum(1 for ls in lines for a, b in zip(ls, ls[1:])
               if a.x1 + 0.3 * a.size + (b.words[0].x1 - b.words[0].x0) < right - 0.5 * a.size)
    return hard / len(lines) if lines else 0.0


def _cut_date(piece: str, rest: str) -> bool:
    """`piece` is a numeric date cut after its day, before its year, that `rest` completes to a whole
    date with a four-digit year and one separator throughout: "14/0" over "1/2024", "14/" over "01/2024"
    (a ref "1.2" over "5/2024" is none)."""
    return bool(PART_DATE.fullmatch(piece) and ONE_SEPARATOR.fullmatch(piece + rest))


def _cut_year(piece: str, rest: str, alone: bool) -> bool:
    """`piece` is a numeric date whose year `rest` completes: to four digits (a cut two-digit year
    must be a century, 19 or 20), or to two from none or one. Unless each is `alone` on its line, only a
    year cut after an odd number of digits (never a whole year) counts."""
    cut, end = CUT_YEAR.fullmatch(piece), YEAR_END.fullmatch(rest)
    if not (cut and end) or not (alone or len(cut.group(1)) % 2):
        return False
    year = cut.group(1)
    return len(year) + len(rest) == 4 and (len(year) != 2 or year in ("19", "20")) \
        or len(year) + len(rest) == 2 and len(year) < 2


def _line_texts(lines: list[Line]) -> list[str]:
    """Each line's words, a bullet opening it dropped; a dash opening one line only, after the first, is kept:
    it joins the line above ("September 2024" / "– Nov 2024", a range), it is no list."""
    opening = [ln.words[0].text for ln in lines]
    out = []
    for i, ln in enumerate(lines):
        mark = is_bullet(opening[i])
        joins = i > 0 and opening[i] in DASHES and opening.count(opening[i]) == 1
        out.append(" ".join(w.text for w in (ln.words[1:] if mark and not joins else ln.words)))
    return out


def unbroken_text(cell: Cell, x0: float, x1: float, known: Callable[[str], bool] = lambda word: False,
                  inner: Callable[[str], bool] | None = None, right: float | None = None) -> str:
    """The text of a cell spanning x0..x1 (as `Cell.text`), words broken across its lines by a narrow column
    rejoined (see `_broken`; `known` says whether a word is printed after another on a line elsewhere), a dash
    opening a line kept where it joins the line above (`_line_texts`). `right`: where the column's text ends
    when its edge x1 is no cell's border (a table without vertical rules: the end of its widest line)."""
    lines = cell.lines
    if len(lines) < 2:
        return cell.text
    left = min(w.x0 for w in cell.words)
    limit = x1 - (left - x0)  # the text's right edge: the cell's padding is the same on both sides
    limit = limit if right is None else min(limit, right)
    joined = [_broken(a, b, left, limit, known, inner or known, x1) for a, b in zip(lines, lines[1:])]
    texts = _line_texts(lines)
    out = [texts[0]]
    for text, glued in zip(texts[1:], joined):
        if glued:
            out[-1] += text
        else:
            out.append(text)
    return join_lines(out)
