"""Did the area know itself? Each weakness the inspectors found, looked for among the areas for
development the area's own self-evaluation listed beforehand."""
from __future__ import annotations

from dataclasses import dataclass

from wsoa.match.similarity import similarity
from wsoa.model import Document
from wsoa.normalise.entities import themes

SAME_THEME = 0.3   # a shared theme and this much wording in common: named
WORDING = 0.55     # wording alone


@dataclass
class Known:
    weakness_id: str
    named: bool
    judgement_no: int | None
    score: float
    method: str
    judgement: str | None
    page: int | None


def self_knowledge(letter: Document, sef: Document) -> list[Known]:
    """For each letter weakness: the closest area for development of `sef`, and whether it names it."""
    dev = [(n, j) for n, j in enumerate(sef.judgements, start=1) if j.kind == "development"]
    out = []
    for w in letter.weaknesses:
        wt = set(w.themes or themes(w.text))
        best: Known = Known(w.id, False, None, 0.0, "none close", None, None)
        for n, j in dev:
            score = similarity(w.text, j.text)
            shared = sorted(wt & set(themes(j.heading, j.text)))
            named = score >= WORDING or (bool(shared) and score >= SAME_THEME)
            key = (named, score)
            if key > (best.named, best.score):
                method = f"theme {', '.join(shared)} and wording" if shared and score < WORDING else "wording"
                best = Known(w.id, named, n, round(score, 3), method if named else "closest, not named",
                             j.text, j.source.page if j.source else None)
        out.append(best)
    return out
