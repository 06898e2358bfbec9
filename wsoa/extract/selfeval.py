"""Self-evaluations: the strengths and areas for development the area names itself, per theme."""
from __future__ import annotations

import re

from wsoa.extract.prose import Paragraph
from wsoa.model import Box, Judgement
from wsoa.normalise.text import ITEM_MARK, clean

STRENGTHS = re.compile(r"^(?:key\s+)?(?:areas?\s+of\s+)?strengths?\b|^what\s+(?:we\s+do|is\s+working)\s+well",
                       re.IGNORECASE)
DEVELOPMENT = re.compile(r"^(?:key\s+)?areas?\s+(?:of|for)\s+(?:further\s+)?(?:development|improvement)|"
                         r"^what\s+(?:we\s+need\s+to\s+improve|needs?\s+to\s+improve|could\s+be\s+better)|"
                         r"^(?:key\s+)?(?:priorities|challenges)\s+for\s+(?:development|improvement)", re.IGNORECASE)
ASIDE = re.compile(r"^(?:emerging\s+)?good\s+practice|^you\s+said|^we\s+did|^case\s+study|^was\s+this\s+page",
                   re.IGNORECASE)


def self_judgements(paras: list[Paragraph]) -> list[Judgement]:
    """Paragraphs under "Key areas of strength" / "Key areas of development", each with the theme
    heading above it. Asides (good practice examples, "You said / We did") are left out."""
    out: list[Judgement] = []
    kind: str | None = None
    theme: str | None = None
    aside = False
    for p in paras:
        text = p.text.strip()
        if p.heading or (p.bold and len(text.split()) <= 12):
            if STRENGTHS.match(text):
                kind, theme, aside = "strength", None, False
            elif DEVELOPMENT.match(text):
                kind, theme, aside = "development", None, False
            elif ASIDE.match(text):
                aside = True
            elif kind:
                theme, aside = clean(text.rstrip(":")), False
            continue
        if not kind or aside or ASIDE.match(text):
            continue
        body = clean(ITEM_MARK.sub("", text, count=1))
        if out and (text[:1].islower() or out[-1].source and out[-1].source.page != p.page and not p.item
                    and not out[-1].text.rstrip().endswith((".", ":", "?", "!"))):
            out[-1].text = f"{out[-1].text} {body}"  # a paragraph cut by a page break
        elif len(body.split()) >= 4:
            out.append(Judgement(heading=theme, kind=kind, text=body, source=Box(page=p.page, top=p.top, bottom=p.bottom)))
    return out
