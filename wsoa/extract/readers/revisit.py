"""Revisit letters: whether the area made sufficient progress, overall and for each weakness of the
first inspection."""
from __future__ import annotations

import re

from wsoa.extract import letters
from wsoa.extract.readers import Layout, Reader, evidence
from wsoa.extract.readers.letter2016 import INSPECTION, page_texts
from wsoa.model import Document

REVISIT = re.compile(r"\brevisit", re.IGNORECASE)


def detect(layout: Layout) -> float:
    verdicts = [p for p in layout.paras if letters.VERDICT.search(p.text)]
    return evidence((0.3, bool(REVISIT.search(layout.head))), (0.3, bool(verdicts)),
                    (0.2, any(letters.THIS_WEAKNESS.search(p.text) for p in verdicts)),
                    (0.1, bool(INSPECTION.search(layout.head) or layout.salutation)))


def read(layout: Layout, doc: Document) -> None:
    doc.letter_date = letters.document_date(layout.paras)
    doc.judgements = letters.judgements(layout.paras)
    letters.read_revisit(doc, layout.paras)
    doc.page_texts = page_texts(layout)


READER = Reader(kind="revisit_letter", detect=detect, read=read, name="revisit")
