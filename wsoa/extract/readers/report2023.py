"""Reports of the 2023 framework: the inspection outcome, areas for priority action (with the
responsible body) and areas for improvement, under their own headings, often in ruled tables."""
from __future__ import annotations

from wsoa.extract import letters
from wsoa.extract.readers import Layout, Reader, evidence
from wsoa.extract.readers.letter2016 import INSPECTION, page_texts
from wsoa.model import Document

SECTIONS = {"inspection outcome"} | {name for name, _ in letters.SECTION_KINDS}


def detect(layout: Layout) -> float:
    headed = {p.text.strip().lower() for p in layout.paras if p.heading} & SECTIONS
    return evidence((0.3, bool(INSPECTION.search(layout.head))), (0.25 * len(headed), True),
                    (0.1, not layout.salutation))


def read(layout: Layout, doc: Document) -> None:
    doc.letter_date = letters.document_date(layout.paras)
    doc.judgements = letters.judgements(layout.paras)
    letters.read_framework_2023(doc, layout.pages, layout.paras)
    if not doc.weaknesses:
        letters.listed_weaknesses(doc, layout.paras)
    doc.page_texts = page_texts(layout)


READER = Reader(kind="inspection_letter", detect=detect, read=read, name="report2023")
