"""Dated events of an area's story: inspection, letter, statement approved, monitoring meetings,
committee reviews, revisits, editions. Some come from a document's fields, some from sentences
of its prose that pair a date with a statement of progress (patterns in data/events.toml)."""
from __future__ import annotations

import re
from functools import lru_cache

from wsoa.data import load
from wsoa.extract.prose import Paragraph
from wsoa.model import Box, Document, Event
from wsoa.normalise.dates import find_dates
from wsoa.normalise.text import clean

SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9“\"])")
MONTH = re.compile(r"[A-Za-z]{3}")  # a date naming a month, not a bare year


@lru_cache(maxsize=1)
def _rules() -> list[tuple[str, re.Pattern[str]]]:
    return [(kind, re.compile(spec["pattern"], re.IGNORECASE)) for kind, spec in load("events.toml").items()]


def field_events(doc: Document) -> list[Event]:
    """Events a record's own fields state: the inspection, the letter, the meeting, the edition."""
    out = []
    if doc.inspection_start:
        kind = "revisit" if doc.doc_type == "revisit_letter" else "inspection"
        out.append(Event(date=doc.inspection_start, end=doc.inspection_end, kind=kind, text=f"{kind.title()} "
                         f"{doc.inspection_start:%d %B %Y}" + (f" to {doc.inspection_end:%d %B %Y}" if doc.inspection_end
                                                                else ""), source=Box(page=1)))
    if doc.letter_date:
        kind = {"committee_report": "committee_review", "inspection_letter": "letter",
                "revisit_letter": "revisit_letter"}.get(doc.doc_type, "dated")
        out.append(Event(date=doc.letter_date, kind=kind, text=f"{doc.doc_type.replace('_', ' ')} dated "
                         f"{doc.letter_date:%d %B %Y}", source=Box(page=1)))
    if doc.edition_date:
        out.append(Event(date=doc.edition_date, kind="statement_edition", text=f"edition of {doc.edition_date:%d %B %Y}",
                         source=Box(page=1)))
    return out


def prose_events(paras: list[Paragraph], skip: tuple[str, ...] = ()) -> list[Event]:
    """Sentences that date a step of the statement's life, e.g. "our first meeting with the DfE to
    review progress ... was held in December 2022". Kinds in `skip` are known from the fields."""
    out: list[Event] = []
    for p in paras:
        if not re.search(r"\d{4}", p.text):
            continue
        for sentence in SENTENCE.split(p.text):
            hits = [h for h in find_dates(sentence, "start") if h.value and MONTH.search(h.raw)]
            if not hits:
                continue
            for kind, pattern in _rules():
                if pattern.search(sentence):
                    if kind in skip:
                        break
                    out.append(Event(date=hits[0].value, kind=kind, text=clean(sentence)[:400],
                                     source=Box(page=p.page, top=p.top, bottom=p.bottom)))
                    break
    return out
