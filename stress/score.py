"""Scores of extracted records against stress truth, pooled over documents (the project's scorer underneath)."""
from __future__ import annotations

from wsoa.match.evaluate import Score

FIELDS = {"ref": "ref", "lead": "lead", "start": "start_dates", "deadline": "deadlines", "status": "rag",
          "weakness": "weakness_id"}
EMPTY = {"actions": [], "weaknesses": []}


def rates(s: Score) -> dict[str, float | None]:
    """Recall, precision and the exact rate of each field over paired actions (None: nothing paired)."""
    out: dict[str, float | None] = {"recall": s.recall, "precision": s.precision}
    out.update({k: s.rate(f) if s.paired else None for k, f in FIELDS.items()})
    return out


def pooled(scores: list[Score]) -> Score:
    total = Score(doc_id="ALL")
    for s in scores:
        total.add(s)
    return total
