"""Document readers, one module per kind of document, kept in a registry.

Each reader has a `kind` (the record's doc_type), `detect(layout) -> score` (0..1, from the
document's structure and content: its tables, salutation, headings, labelled lists, title) and
`read(layout, doc)`, which fills its part of the record. `choose` keeps the best-scoring kind;
a reader marked `adds` (the action tables of a plan) also contributes its part to a document of
another kind that holds its structure, so a committee pack or self-evaluation holding an action
table keeps both. Adding a kind of document is one module here plus its entry in `REGISTRY`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Callable

from wsoa.extract.cards import Card, read_cards
from wsoa.extract.page import Page
from wsoa.extract.prose import Paragraph
from wsoa.extract.tables import Table
from wsoa.model import Document
from wsoa.normalise.status import Legend

MIN_SCORE = 0.3          # below this no reader knows the document: doc_type "unknown"
SALUTATION = re.compile(r"^dear\s+\w+", re.IGNORECASE)


@dataclass
class Layout:
    """What the readers see: the pages, the action tables found on them, the prose paragraphs, and the
    document's status key (`read_key()`, read once when first needed)."""
    pages: list[Page]
    tables: list[Table]
    paras: list[Paragraph]
    read_key: Callable[[], Legend]
    body: float   # the font size of most text outside the tables

    @property
    def key(self) -> Legend:
        return self.read_key()

    @cached_property
    def text(self) -> str:
        return "\n".join(p.text for p in self.paras)

    @property
    def head(self) -> str:
        """The opening pages' text."""
        return self.text[:6000]

    @property
    def title(self) -> str:
        """The title page's opening text."""
        return self.text[:400]

    @cached_property
    def bands(self) -> dict[int, list[tuple[float, float]]]:
        """The vertical bands the action tables cover, per page."""
        spans: dict[int, list[tuple[float, float]]] = {}
        for t in self.tables:
            for r in t.rows:
                spans.setdefault(r.page, []).append((r.top, r.bottom))
        return spans

    @cached_property
    def cards(self) -> list[Card]:
        """Actions written as labelled text outside the tables (cards, prose, a heading per action)."""
        return read_cards(self.pages, self.body, self.bands)

    @cached_property
    def table_share(self) -> float:
        """The share of the document's lines that lie in action tables (0..1)."""
        spans = self.bands
        lines = [(p.number, (ln.top + ln.bottom) / 2) for p in self.pages for ln in p.lines]
        inside = sum(any(a <= y <= b for a, b in spans.get(n, ())) for n, y in lines)
        return inside / len(lines) if lines else 0.0

    @cached_property
    def salutation(self) -> bool:
        """A letter's "Dear ..." among the opening paragraphs."""
        return any(SALUTATION.match(p.text.strip()) for p in self.paras[:20])


@dataclass
class Reader:
    kind: str                                    # the record's doc_type this reader gives
    detect: Callable[[Layout], float]
    read: Callable[[Layout, Document], None]
    adds: Callable[[Layout, Document], None] | None = None  # its part, read into another kind's record
    name: str = ""


@dataclass
class Choice:
    best: Reader | None
    scores: dict[str, float] = field(default_factory=dict)
    parts: list[Reader] = field(default_factory=list)   # readers adding their part to the best one's


def registry() -> list[Reader]:
    from wsoa.extract.readers import committee, letter2016, plan, report2023, revisit, self_evaluation

    return [plan.READER, letter2016.READER, revisit.READER, report2023.READER, self_evaluation.READER,
            committee.READER]


def choose(layout: Layout) -> Choice:
    """Score every reader; the best one names the kind, readers with an `adds` part that detect
    their structure in the document contribute it too."""
    readers = registry()
    scores = {r.name: round(r.detect(layout), 3) for r in readers}
    best = max(readers, key=lambda r: scores[r.name])
    if scores[best.name] < MIN_SCORE:
        return Choice(None, scores)
    parts = [r for r in readers if r is not best and r.adds and scores[r.name] >= MIN_SCORE]
    return Choice(best, scores, parts)


def evidence(*weighted: tuple[float, bool]) -> float:
    """A score from pieces of evidence, each with its weight."""
    return min(1.0, sum(w for w, present in weighted if present))
