"""Letters and other prose documents: letter date, local area and the listed weaknesses."""
from __future__ import annotations

import re

from wsoa.extract.prose import Paragraph
from wsoa.model import Document, Weakness
from wsoa.normalise.dates import find_dates
from wsoa.normalise.text import BULLETS, clean

AREA = re.compile(r"(?:send\s+)?inspection\s+(?:in|of)\s+(?:the\s+)?(?P<name>[A-Z][A-Za-z&\-' ]+?)"
                  r"(?:\s+local area partnership|\s+local area|\s*[–\-]|\s*$)", re.IGNORECASE)
INTRO = re.compile(r"(?:areas?\s+of\s+significant\s+weakness|significant\s+weaknesses|following\s+(?:areas|weaknesses))"
                   r"[^.]*:\s*$", re.IGNORECASE)
ITEM = re.compile(rf"^\s*(?:[{BULLETS}\-*]|\(?(?:\d{{1,2}}|[ivx]{{1,4}}|[a-h])[.)])\s*", re.IGNORECASE)


def read_letter(doc: Document, paras: list[Paragraph]) -> None:
    """Fill the letter fields of `doc` from its paragraphs."""
    for p in paras[:40]:
        hits = find_dates(p.text)
        if hits and hits[0].value and len(p.text) <= len(hits[0].raw) + 4:
            doc.letter_date = hits[0].value
            break
    if doc.local_area is None:
        for p in paras[:60]:
            m = AREA.search(p.text)
            if m:
                doc.local_area = m.group("name").strip()
                break
    items = significant_weaknesses(paras)
    for i, (text, page) in enumerate(items, start=1):
        doc.weaknesses.append(Weakness(id=f"W{i}", text=text, kind="significant_weakness"))


def significant_weaknesses(paras: list[Paragraph]) -> list[tuple[str, int]]:
    """The list that follows "... the following areas of significant weakness:" (the last such list)."""
    found: list[tuple[str, int]] = []
    for i, p in enumerate(paras):
        if not INTRO.search(p.text):
            continue
        items: list[tuple[str, int]] = []
        for q in paras[i + 1:]:
            is_item = q.item or bool(ITEM.match(q.text))
            if not is_item and not (items and q.text[:1].islower()):
                break
            text = clean(ITEM.sub("", q.text, count=1))
            if items and not is_item:
                items[-1] = (f"{items[-1][0]} {text}", items[-1][1])
            else:
                items.append((text, q.page))
        if items:
            found = items
    return found
