"""Column roles from what header cells mean (synonyms kept as data in data/columns.toml)."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from rapidfuzz import fuzz

from wsoa.data import load
from wsoa.normalise.text import fold


class Phrase(NamedTuple):
    """A header line's words start..end (exclusive) read as one column label, and the role it names."""
    start: int
    end: int
    role: str | None


MAX_HEADER_CHARS = 160  # a header cell is a phrase: the longest known ones run to about 12 words


@lru_cache(maxsize=1)
def synonyms() -> dict[str, list[str]]:
    return {role: [_norm(p) for p in phrases] for role, phrases in load("columns.toml")["roles"].items()}


@lru_cache(maxsize=1)
def _by_first_word() -> dict[str, list[tuple[int, str, str]]]:
    """Synonyms indexed by their first word: (word count, phrase, role), longest first."""
    index: dict[str, list[tuple[int, str, str]]] = {}
    for role, phrases in synonyms().items():
        for p in phrases:
            index.setdefault(p.split(" ")[0], []).append((len(p.split()), p, role))
    for found in index.values():
        found.sort(key=lambda x: -x[0])
    return index


@lru_cache(maxsize=65536)
def _norm(text: str) -> str:
    """A header's words for matching: a parenthesised aside (not a header in parentheses) dropped."""
    text = re.sub(r"\(.*?\)", " ", text.lower()) if "(" in text and not text.strip().startswith("(") else text
    return fold(text, "a-z0-9#+/")


def _score(header: str, phrase: str) -> float:
    if header == phrase:
        return 100.0
    inside = f" {phrase} " in f" {header} "  # the phrase as whole words of the header
    if inside and (len(phrase) >= 4 or header.startswith(phrase + " ")):
        # a phrase inside a longer header: strong when it is most of it
        return 80.0 + 20.0 * len(phrase) / max(len(header), 1)
    # a misspelling or a variant keeps its first letter: "Update" is no misspelt "date"
    return fuzz.ratio(header, phrase) if len(phrase) > 3 and header[:1] == phrase[:1] else 0.0


@lru_cache(maxsize=65536)
def role_of(header: str) -> tuple[str | None, float]:
    """The role a header cell's text means, and a 0-100 score; (None, 0) when nothing fits (a text
    longer than any header, e.g. a body cell, is not compared at all)."""
    if len(header) > MAX_HEADER_CHARS:
        return None, 0.0
    full = re.sub(r"\s+", " ", re.sub(r"[^a-z0-9#+/() ]", " ", header.lower())).strip()
    candidates = {_norm(header), full.replace("(", "").replace(")", "")}
    best: tuple[str | None, float] = (None, 0.0)
    for role, phrases in synonyms().items():
        for phrase in phrases:
            s = max((_score(c, phrase) for c in candidates if c), default=0.0)
            if s > best[1]:
                best = (role, s)
    return best if best[1] >= 80 else (None, best[1])


def header_phrases(words: list[str], wide_gap: list[bool]) -> list[Phrase]:
    """Split a header line's words into column phrases (see `_phrases`; remembered per line)."""
    return list(_phrases(tuple(words), tuple(wide_gap)))


@lru_cache(maxsize=4096)
def _phrases(words: tuple[str, ...], wide_gap: tuple[bool, ...]) -> tuple[Phrase, ...]:
    """Split a header line's words into column phrases.

    A phrase starts after a wide gap, or where a synonym starts outside parentheses after a gap
    wider than a space; the longest synonym wins. Returns (first word, end, role or None).
    """
    norm = [_norm(w) for w in words]
    out: list[Phrase] = []
    depth, i = 0, 0
    while i < len(words):
        best: tuple[int, str] | None = None
        if wide_gap[i]:
            depth = 0
        if depth == 0 and norm[i]:
            for n, p, role in _by_first_word().get(norm[i].split(" ")[0], ()):
                if " ".join(norm[i:i + n]) == p and not any(wide_gap[i + 1:i + n]):  # a phrase never spans columns
                    best = (n, role)
                    break
        if words[i].startswith("("):
            best = None
        if not out or wide_gap[i] or (best and depth == 0):
            n = best[0] if best else 1
            out.append(Phrase(i, i + n, best[1] if best else None))
        else:
            n = 1
            first, _, role = out[-1]
            out[-1] = Phrase(first, i + 1, role)
        for w in words[i:i + n]:
            depth = max(0, depth + w.count("(") - w.count(")"))
        i += n
    return tuple(out)
