"""Self-evaluations: the strengths and areas for development an area names itself, theme by theme."""
from __future__ import annotations

import re

from wsoa.extract import letters
from wsoa.extract.readers import Layout, Reader, evidence
from wsoa.extract.selfeval import DEVELOPMENT, STRENGTHS, self_judgements
from wsoa.model import Document

SEF = re.compile(r"\bself[- ]evaluation\b|\bSEF\b", re.IGNORECASE)


def detect(layout: Layout) -> float:
    labels = [p.text.strip() for p in layout.paras if p.heading or p.bold]
    return evidence((0.4, bool(SEF.search(layout.title))), (0.2, bool(SEF.search(layout.head))),
                    (0.15, any(STRENGTHS.match(t) for t in labels)), (0.15, any(DEVELOPMENT.match(t) for t in labels)),
                    (-0.3, layout.salutation))


def read(layout: Layout, doc: Document) -> None:
    doc.letter_date = letters.document_date(layout.paras)
    doc.judgements = self_judgements(layout.paras)


READER = Reader(kind="self_evaluation", detect=detect, read=read, name="self_evaluation")
