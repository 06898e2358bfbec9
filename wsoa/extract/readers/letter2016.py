"""Outcome letters of the 2016 framework: a dated letter ("Dear ...") naming the areas of significant
weakness in a list, with strengths and areas for development under each heading."""
from __future__ import annotations

import re

from wsoa.extract import letters
from wsoa.extract.readers import Layout, Reader, evidence
from wsoa.model import Document

INSPECTION = re.compile(r"\b(joint area send inspection|area send inspection|inspection outcome)\b", re.IGNORECASE)


def detect(layout: Layout) -> float:
    labels = {p.text.strip().rstrip(":").lower() for p in layout.paras}
    return evidence((0.3, bool(INSPECTION.search(layout.head))), (0.3, layout.salutation),
                    (0.2, bool(letters.significant_weaknesses(layout.paras))),
                    (0.1, bool(labels & set(letters.JUDGEMENT_KINDS))))


def read(layout: Layout, doc: Document) -> None:
    doc.letter_date = letters.document_date(layout.paras)
    doc.judgements = letters.judgements(layout.paras)
    letters.listed_weaknesses(doc, layout.paras)
    doc.page_texts = page_texts(layout)


def page_texts(layout: Layout) -> list[str]:
    """Each page's text, for checking a plan's quotations of the letter."""
    return ["\n".join(line.text for line in p.lines) for p in layout.pages]


READER = Reader(kind="inspection_letter", detect=detect, read=read, name="letter2016")
