"""RAG/BRAG statuses from words, letters or fill colours, through the document's own legend.

Colours are compared in CIELAB with CIEDE2000 (coloraide): a fill takes the status of the
nearest colour of the document's legend, else of the nearest reference colour in
data/statuses.toml, flagged as only "nearest" when that is far. A fill shared by every cell of a
row is row shading, not a status (`row_shading`, `status_fill`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import permutations
from typing import TYPE_CHECKING

from wsoa.data import load

if TYPE_CHECKING:
    from coloraide import Color

STATUSES = ("red", "amber", "green", "blue", "white")
SCALE = ("blue", "green", "amber", "red", "white")  # a legend's usual order, best first
RGB = tuple[float, float, float]
SAME_DE = 3.0     # two fills closer than this (CIEDE2000) are one colour
LEGEND_DE = 10.0  # a fill this close (CIEDE2000) to a colour of the document's legend takes its status
EXACT_DE = 8.0    # ... this close to a reference colour is read as that status without a flag
GREY_CHROMA = 6.0  # CIELAB chroma under which a fill is grey (no colour, so no status of its own)


def _data() -> dict:
    return load("statuses.toml")


def to_rgb(colour: object) -> RGB | None:
    """A pdfplumber colour (grey, RGB or CMYK tuple, or a bare number) as sRGB 0-1; None for patterns."""
    if colour is None:
        return None
    if isinstance(colour, (int, float)):
        colour = (colour,)
    if not isinstance(colour, (tuple, list)) or not all(isinstance(c, (int, float)) for c in colour):
        return None
    c = [min(max(float(v), 0.0), 1.0) for v in colour]
    if len(c) == 1:
        return (c[0], c[0], c[0])
    if len(c) == 3:
        return (c[0], c[1], c[2])
    if len(c) == 4:
        k = c[3]
        return ((1 - c[0]) * (1 - k), (1 - c[1]) * (1 - k), (1 - c[2]) * (1 - k))
    return None


def is_white(rgb: RGB | None) -> bool:
    return rgb is None or min(rgb) > 0.94


def is_grey(rgb: RGB) -> bool:
    """A fill with next to no colour (CIELAB chroma under GREY_CHROMA): grey says no status."""
    lab = _lab(tuple(round(v, 4) for v in rgb))  # type: ignore[arg-type]
    return (lab["a"] ** 2 + lab["b"] ** 2) ** 0.5 < GREY_CHROMA


@lru_cache(maxsize=8192)
def _lab(rgb: RGB) -> Color:
    from coloraide import Color  # imported when a fill is first compared: most pages have none

    return Color("srgb", list(rgb)).convert("lab-d65")


def lab_delta_e(lab1: tuple[float, float, float], lab2: tuple[float, float, float]) -> float:
    """CIEDE2000 difference of two CIELAB (D65) colours."""
    from coloraide import Color

    return Color("lab-d65", list(lab1)).delta_e(Color("lab-d65", list(lab2)), method="2000")


def delta_e(a: RGB, b: RGB) -> float:
    """CIEDE2000 difference of two sRGB colours (0 = the same; about 2.3 = just noticeable)."""
    rounded = (tuple(round(v, 4) for v in a), tuple(round(v, 4) for v in b))
    return _lab(rounded[0]).delta_e(_lab(rounded[1]), method="2000")  # type: ignore[arg-type]


def _hex(code: str) -> RGB:
    return (int(code[0:2], 16) / 255, int(code[2:4], 16) / 255, int(code[4:6], 16) / 255)


def display_rgb(status: str | None) -> RGB | None:
    """The colour a status is drawn in (report, workbook, debug pictures): data/statuses.toml [display]."""
    code = _data()["display"].get(status or "")
    return _hex(code) if code else None


def display_hex(status: str | None) -> str | None:
    """`display_rgb` as "#RRGGBB"."""
    code = _data()["display"].get(status or "")
    return f"#{code}".lower() if code else None


@lru_cache(maxsize=1)
def reference_colours() -> list[tuple[RGB, str]]:
    """Every reference fill (sRGB, and as PDFium shows it when given in CMYK) with its status."""
    data = _data()
    return [(_hex(c), s) for table in ("colours", "colours_cmyk") for s, codes in data.get(table, {}).items()
            for c in codes]


@lru_cache(maxsize=4096)
def nearest_status(rgb: RGB) -> tuple[str, float]:
    """The status whose reference colour is nearest (CIEDE2000), and that difference (0 = exact)."""
    d, status = min((delta_e(rgb, ref), s) for ref, s in reference_colours())
    return status, d


def _status_distance(rgb: RGB, status: str) -> float:
    return min(delta_e(rgb, ref) for ref, s in reference_colours() if s == status)


def _clusters(colours: list[RGB]) -> list[RGB]:
    """The distinct colours (closer than SAME_DE counts as one), neither white nor grey, in first-seen order."""
    out: list[RGB] = []
    for c in colours:
        if not is_white(c) and not is_grey(c) and all(delta_e(c, o) >= SAME_DE for o in out):
            out.append(c)
    return out


def distinct_statuses(colours: list[RGB]) -> dict[RGB, str]:
    """A document draws each status in one colour: where two of its distinct status colours are nearest the
    same status, each colour takes a different status near enough (EXACT_DE), the assignment nearest the
    references overall.
    Returns colour -> status for the colours so settled ({} where the nearest statuses already differ)."""
    distinct = _clusters(colours)
    nearest = [nearest_status(c)[0] for c in distinct]
    coloured = [s for s in SCALE if s != "white"]
    if len(set(nearest)) == len(nearest) or len(distinct) > len(coloured):
        return {}
    table = [{s: _status_distance(c, s) for s in coloured} for c in distinct]
    fits = [p for p in permutations(coloured, len(distinct)) if all(t[s] <= EXACT_DE for t, s in zip(table, p))]
    if not fits:  # two shades of one status (yellow and orange for amber): each keeps its nearest
        return {}
    best = min(fits, key=lambda p: sum(t[s] for t, s in zip(table, p)))
    return dict(zip(distinct, best))


def row_shading(rows: list[list[RGB | None]]) -> list[RGB | None]:
    """Per row (the fills of its cells), the fill that shades the row rather than saying a status.

    A non-white fill on every cell of a row is shading; so is a fill on every cell but one of a
    row when the same fill covers the row two rows away (zebra rows), the one cell being a status
    drawn over the shading.
    """
    full = [_shared(r, 0) for r in rows]
    all_but_one = [_shared(r, 1) for r in rows]
    out: list[RGB | None] = []
    for i, row in enumerate(rows):
        zebra = all_but_one[i] is not None and any(
            0 <= j < len(rows) and all_but_one[j] is not None and delta_e(all_but_one[i], all_but_one[j]) < SAME_DE
            for j in (i - 2, i + 2))
        out.append(full[i] or (all_but_one[i] if zebra else None))
    return out


def rows_say_status(shading: list[RGB | None]) -> bool:
    """True when whole rows are filled in two or more status colours that do not alternate: each row's
    fill is then its status (a plan colouring whole rows by RAG), not shading. Zebra rows repeat the
    same fill every other row; grey says no status."""
    coloured = [f for f in shading if f is not None and not is_grey(f)]
    if len({nearest_status(f)[0] for f in coloured}) < 2:
        return False
    pairs = [(a, b) for a, b in zip(shading, shading[2:]) if a is not None and b is not None]
    return not pairs or any(delta_e(a, b) >= SAME_DE for a, b in pairs)


def _shared(fills: list[RGB | None], spare: int) -> RGB | None:
    """The non-white fill found on all but `spare` cells of a row of at least 2 + `spare` cells, or None."""
    coloured = [f for f in fills if not is_white(f)]
    if len(fills) < 2 + spare or len(fills) - len(coloured) > spare or not coloured:
        return None
    for f in coloured:
        if sum(1 for g in fills if g is not None and not is_white(g) and delta_e(f, g) < SAME_DE) >= len(fills) - spare:
            return f
    return None


def stripe_says_status(shading: RGB | None, plain: list[RGB | None]) -> bool:
    """A row's shading that fills its status cell too still says a status where the status cell of every
    unshaded row (`plain`, two or more) is filled, that colour among theirs: every action has a status."""
    filled = [f for f in plain if f is not None and not is_white(f)]
    return shading is not None and len(filled) >= 2 and len(filled) == len(plain) \
        and any(delta_e(shading, f) < SAME_DE for f in filled)


def status_fill(fill: RGB | None, row: list[RGB | None], shading: RGB | None) -> RGB | None:
    """`fill` when it can say a status; None when it is white or the row's shading (see `row_shading`)."""
    if fill is None or is_white(fill):
        return None
    if shading is not None and delta_e(fill, shading) < SAME_DE:
        return None
    return fill


REF_LETTER = re.compile(r"[A-Za-z][.\-]?\d")  # a letter glued to a number: a ref's, no status letter


def _norm(text: str) -> str:
    return re.sub(r"[^a-z/+ ]", "", re.sub(r"\s+", " ", text.lower())).strip()


@lru_cache(maxsize=1)
def colour_names() -> dict[str, str]:
    """Colour name a legend may print -> the status it stands for (data/statuses.toml [names])."""
    return {n: s for s, names in _data()["names"].items() for n in names}


def colour_name(word: str) -> str | None:
    """The status a printed colour name stands for ("Yellow" -> amber), or None."""
    return colour_names().get(word.strip().lower())


@lru_cache(maxsize=1)
def marks() -> frozenset[str]:
    """Glyphs that are a coloured mark (a status dot, a legend swatch) when drawn in colour."""
    return frozenset(_data()["legend"]["marks"])


def is_mark(text: str, rgb: RGB | None) -> bool:
    """A word that is only a mark glyph drawn in a colour (not black or grey): a dot, not a bullet."""
    return bool(text) and all(ch in marks() for ch in text.strip()) and is_colour_mark(rgb)


def is_colour_mark(rgb: RGB | None) -> bool:
    """A mark's colour that can say a status: not white, and not the black or dark grey of text ink
    (a bullet); a light grey dot can ("not started")."""
    return rgb is not None and not is_white(rgb) and not (is_grey(rgb) and max(rgb) < 0.5)


@lru_cache(maxsize=1)
def legend_patterns() -> tuple[str, str]:
    """(colour names, joining words) as regular-expression alternations, longest first."""
    names = "|".join(sorted(map(re.escape, colour_names()), key=len, reverse=True))
    words = [j for j in _data()["legend"]["joins"] if j.isalpha()]
    joins = r"[-–—:=]|\b(?:" + "|".join(map(re.escape, words)) + r")\b"
    return names, joins


_DESCRIPTIONS = re.compile(r"\b(?:descriptions?|descriptors?|ratings?|categories|statuses|levels|key)\b[^:]{0,30}:"
                           r"\s*(?P<list>[^.]+)", re.IGNORECASE)


@lru_cache(maxsize=1)
def _colour_first() -> re.Pattern[str]:
    names, joins = legend_patterns()
    return re.compile(rf"\b({names})\s*(?:{joins})\s*", re.IGNORECASE)


@lru_cache(maxsize=1)
def _meaning_first() -> re.Pattern[str]:
    names, joins = legend_patterns()
    return re.compile(rf"(?:^|[;,.:]|\band\b)\s*(?P<meaning>[^;,.:=()]{{2,60}}?)\s*(?:{joins}|\()\s*"
                      rf"\b(?P<colour>{names})\b", re.IGNORECASE)


def plain_meaning(meaning: str) -> bool:
    """A legend meaning worth learning: some words, no figures (not a date or a row of a table)."""
    return bool(_norm(meaning)) and not re.search(r"\d", meaning) and len(meaning.split()) <= 8


def _without_dates(text: str) -> str:
    from wsoa.normalise.dates import find_dates  # status and date in one cell: "Green – Jan 23"

    for hit in reversed(find_dates(text)):
        text = text[:hit.start] + " " + text[hit.end:]
    return text


@lru_cache(maxsize=64)
def _index(items: tuple[tuple[str, str], ...]) -> tuple[dict[str, str], re.Pattern | None]:
    """A legend's words for lookup: joined without spaces (a word wrapped mid-word), and one pattern
    finding every known phrase of three letters or more inside a text (overlapping ones too)."""
    joined = {k.replace(" ", ""): s for k, s in items if len(k) > 2}
    keys = sorted({k for k, _ in items if len(k) > 2}, key=len, reverse=True)
    phrases = re.compile(r"(?=\b(" + "|".join(re.escape(k) for k in keys) + r")\b)") if keys else None
    return joined, phrases


@dataclass
class Legend:
    """What a document's statuses mean: its own key where it prints one, plain meanings otherwise."""
    words: dict[str, str] = field(default_factory=dict)   # normalised word/phrase -> status
    colours: list[tuple[RGB, str]] = field(default_factory=list)  # fill colour seen in the key -> status
    settled: list[tuple[RGB, str]] = field(default_factory=list)  # the document's colours told apart (distinct_statuses)
    from_document: bool = False

    @classmethod
    def default(cls) -> "Legend":
        words = {_norm(w): s for s, ws in _data()["words"].items() for w in ws}
        return cls(words=words)

    def learn(self, status: str, meaning: str, rgb: RGB | None = None) -> None:
        """Add one legend entry: `status` (a colour name) means `meaning`; `rgb` its printed fill."""
        self.from_document = True
        for part in re.split(r"[/,;]| or ", meaning):
            if _norm(part):
                self.words[_norm(part)] = status
        if _norm(meaning):
            self.words[_norm(meaning)] = status
        if rgb is not None and not is_white(rgb):
            self.colours.append((rgb, status))

    def learn_text(self, text: str) -> int:
        """Learn a legend printed as one sentence; returns how many entries it gave.

        "Blue: Completed/embedding; Green – on track; Red – not started/risk" (three or more colours,
        each followed by its meaning), or "five descriptions: Complete, On track, Some slippage,
        Off track and Not yet started" (each by its plain meaning, or by its place in the usual
        order blue, green, amber, red, white where the known ones keep to it).
        """
        pairs = list(_colour_first().finditer(text))
        if len(pairs) >= 3:
            learned = 0
            for m, nxt in zip(pairs, pairs[1:] + [None]):
                meaning = text[m.end():nxt.start() if nxt else len(text)].strip(" ;,.\n")
                meaning = re.sub(r"\s+(?:and|or)$", "", meaning)
                if plain_meaning(meaning):
                    self.learn(colour_name(m.group(1)) or "white", meaning)
                    learned += 1
            return learned
        pairs = [m for m in _meaning_first().finditer(text) if plain_meaning(m.group("meaning"))]
        if len(pairs) >= 3:  # "Delivered means blue; Progressing means green; ..."
            for m in pairs:
                self.learn(colour_name(m.group("colour")) or "white", m.group("meaning"))
            return len(pairs)
        m = _DESCRIPTIONS.search(text)
        items = [i.strip() for i in re.split(r",|\band\b|\bor\b", m.group("list")) if i.strip()] if m else []
        known = [self.from_text(i)[0] for i in items]
        in_order = len(items) == len(SCALE) and all(k in (None, SCALE[n]) for n, k in enumerate(known))
        learned = 0
        for n, (item, status) in enumerate(zip(items, known)):
            status = status or (SCALE[n] if in_order else None)
            if status:
                self.learn(status, item)
                learned += 1
        return learned

    def from_text(self, text: str | None) -> tuple[str | None, str | None]:
        """(status, how) for a cell's words: an exact word/letter, else the longest known phrase inside.

        Dates in the cell are left aside ("Green – Jan 23" is green; "Jan 23" alone is no status).
        """
        if not text or not text.strip():
            return None, None
        raw = _without_dates(text)
        t = _norm(raw)
        if not t or (len(t) == 1 and REF_LETTER.search(raw)):  # "W1.1", "A.1.1": a ref, not a status letter
            return None, None
        if t in self.words:
            return self.words[t], "letter" if len(t) == 1 else "word"
        joined, phrases = _index(tuple(self.words.items()))
        if t.replace(" ", "") in joined:  # a word wrapped mid-word in a narrow column: "Delive red"
            return joined[t.replace(" ", "")], "word"
        first = t.split(" ")[0]
        if first in STATUSES:
            return first, "word"
        found = {m.group(1) for m in phrases.finditer(t)} if phrases else set()
        best = max(found, key=len, default=None)
        return (self.words[best], "word") if best else (None, None)

    def dated_statuses(self, text: str) -> list[str]:
        """The statuses of a cell that lists several, each with its date ("Blue – Aug 2022 / Green – Dec
        2022", one per milestone), in printed order; [] unless there are two or more."""
        from wsoa.normalise.dates import find_dates

        hits = find_dates(text)
        cuts = [0] + [h.end for h in hits] + [len(text)]
        parts = [text[a:b] for a, b in zip(cuts, cuts[1:])]
        statuses = [s for s in (self.from_text(p)[0] for p in parts if _norm(_without_dates(p))) if s]
        return statuses if len(hits) >= 2 and len(statuses) >= 2 else []

    def listed_statuses(self, lines: list[str]) -> list[str]:
        """The statuses of a cell that lists one per line ("Not yet started" / "Stalled" / "Progressing",
        one per milestone), in printed order; [] unless there are two or more and every line is one status
        word or phrase exactly (a phrase wrapped over lines is not a list)."""
        keys = [_norm(_without_dates(ln)) for ln in lines]
        statuses = [self.words.get(k) for k in keys if k]
        return statuses if len(statuses) >= 2 and all(statuses) else []  # type: ignore[return-value]

    def from_colour(self, rgb: RGB | None) -> tuple[str | None, bool]:
        """(status, exact) for a fill colour: the legend's own colours first, then the reference colours."""
        if rgb is None:
            return None, True
        if is_white(rgb):
            return "white", True
        if self.colours:
            d, status = min((delta_e(rgb, ref), s) for ref, s in self.colours)
            if d < LEGEND_DE:
                return status, True
        if is_grey(rgb):  # a grey fill is no colour status: white, doubtful unless it is light
            return "white", _lab(tuple(round(v, 4) for v in rgb))["lightness"] > 80  # type: ignore[arg-type]
        if self.settled:
            d, status = min((delta_e(rgb, ref), s) for ref, s in self.settled)
            if d < SAME_DE:
                return status, True
        status, d = nearest_status(rgb)
        return status, d <= EXACT_DE
