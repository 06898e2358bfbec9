"""Scores of extracted records against stress truth, pooled over documents (the project's scorer underneath)."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from stress.plan import Plan, truth
from wsoa.match.evaluate import Score, score_document

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


def summary(r: dict[str, float | None]) -> str:
    return ", ".join(f"{k} {v:.2f}" for k, v in r.items() if v is not None)


def score_sample(batch: list[tuple[Plan, Path]], group: Callable[[Plan], str]
                 ) -> tuple[dict[str, float | None], dict[str, dict[str, float | None]]]:
    """Each document of the batch extracted (a crash scores as nothing found) and scored against its plan's
    truth: the pooled rates over all, and per group of plans (a renderer, a form)."""
    from wsoa.extract.document import extract
    scores = []
    for plan, path in batch:
        try:
            pred = extract(path).model_dump(mode="json")
        except Exception:  # noqa: BLE001 - a crash scores as nothing found
            pred = EMPTY
        scores.append((group(plan), score_document(pred, truth(plan))))
    total = rates(pooled([s for _, s in scores]))
    return total, {g: rates(pooled([s for k, s in scores if k == g])) for g in sorted({k for k, _ in scores})}
