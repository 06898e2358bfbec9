"""RAG/BRAG statuses from words, letters or fill colours, through the document's own legend."""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files

STATUSES = ("red", "amber", "green", "blue", "white")
RGB = tuple[float, float, float]


@lru_cache(maxsize=1)
def _data() -> dict:
    return tomllib.loads(files("wsoa.data").joinpath("statuses.toml").read_text("utf-8"))


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


def _dist(a: RGB, b: RGB) -> float:
    return sum((x - y) ** 2 for x, y in zip(a, b)) ** 0.5


def nearest_status(rgb: RGB) -> tuple[str, float]:
    """The status whose reference colour is nearest, and the distance (0 = exact)."""
    best = min(((_dist(rgb, tuple(ref)), s) for s, refs in _data()["colours"].items() for ref in refs))
    return best[1], best[0]


def _norm(text: str) -> str:
    return re.sub(r"[^a-z/+ ]", "", re.sub(r"\s+", " ", text.lower())).strip()


@dataclass
class Legend:
    """What a document's statuses mean: its own key where it prints one, plain meanings otherwise."""
    words: dict[str, str] = field(default_factory=dict)   # normalised word/phrase -> status
    colours: list[tuple[RGB, str]] = field(default_factory=list)  # fill colour seen in the key -> status
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

    def from_text(self, text: str | None) -> tuple[str | None, str | None]:
        """(status, how) for a cell's words: an exact word/letter, else the longest known phrase inside."""
        if not text or not text.strip():
            return None, None
        t = _norm(text)
        if t in self.words:
            return self.words[t], "letter" if len(t) == 1 else "word"
        first = t.split(" ")[0]
        if first in STATUSES:
            return first, "word"
        best = max((k for k in self.words if len(k) > 2 and re.search(rf"\b{re.escape(k)}\b", t)),
                   key=len, default=None)
        return (self.words[best], "word") if best else (None, None)

    def from_colour(self, rgb: RGB | None) -> tuple[str | None, bool]:
        """(status, exact) for a fill colour: the legend's own colours first, then the reference colours."""
        if rgb is None:
            return None, True
        if is_white(rgb):
            return "white", True
        for ref, status in self.colours:
            if _dist(rgb, ref) < 0.08:
                return status, True
        status, d = nearest_status(rgb)
        return status, d < 0.2
