"""Committee packs (select or scrutiny committee reports): the meeting's date, the weaknesses they
list, and their numbered recommendations."""
from __future__ import annotations

import re

from wsoa.extract import letters
from wsoa.extract.readers import Layout, Reader, evidence
from wsoa.model import Document

COMMITTEE = re.compile(r"\b(select committee|scrutiny committee|committee report|agenda|cabinet)\b", re.IGNORECASE)


def detect(layout: Layout) -> float:
    return evidence((0.4, bool(COMMITTEE.search(layout.title))), (0.2, bool(COMMITTEE.search(layout.head))),
                    (0.3, bool(letters.recommendations(layout.paras))), (-0.3, layout.salutation))


def read(layout: Layout, doc: Document) -> None:
    doc.letter_date = letters.document_date(layout.paras)
    doc.recommendations = letters.recommendations(layout.paras)
    letters.listed_weaknesses(doc, layout.paras)


READER = Reader(kind="committee_report", detect=detect, read=read, name="committee")
