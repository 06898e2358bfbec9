"""A plan's quotations of the inspection letter, found in the letter: the page each passage is
really on, and whether the words and the cited page are right."""
from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from wsoa.model import Document
from wsoa.normalise.text import fold

CITED_PAGE = re.compile(r"\bp(?:age|p)?\.?\s*(\d{1,3})\b", re.IGNORECASE)
CLOSE, FOUND = 90.0, 75.0


@dataclass
class QuoteCheck:
    quote_no: int
    text: str
    cites: str
    cited_page: int | None
    found_page: int | None
    score: float
    verdict: str  # verbatim | minor-differences | misquote | not-found
    page_ok: bool | None


def _norm(text: str) -> str:
    return fold(text.replace("’", "'").replace("‘", "'"), "a-z0-9'")


def check_quotes(plan: Document, page_texts: list[str]) -> list[QuoteCheck]:
    """Each quotation of `plan` searched across the letter's pages (a passage may run over a page break)."""
    full, starts = "", []
    for text in page_texts:
        starts.append(len(full))
        full += _norm(text) + " "
    out = []
    for n, q in enumerate(plan.quotes, start=1):
        needle = _norm(q.text)
        m = CITED_PAGE.search(q.cites or "")
        cited = int(m.group(1)) if m else None
        if not needle:
            continue
        at = full.find(needle)
        if at >= 0:
            score, verdict = 100.0, "verbatim"
        else:
            al = fuzz.partial_ratio_alignment(needle, full)
            score, at = (round(al.score, 1), al.dest_start) if al else (0.0, -1)
            verdict = "minor-differences" if score >= CLOSE else "misquote" if score >= FOUND else "not-found"
        page = max(i for i, s in enumerate(starts, start=1) if s <= at) if verdict != "not-found" else None
        out.append(QuoteCheck(n, q.text, q.cites, cited, page, score, verdict,
                              None if page is None or cited is None else page == cited))
    return out
