"""Editions of one statement: actions matched across editions, and what changed."""
from __future__ import annotations

import datetime as dt

from rapidfuzz import fuzz

from wsoa.match.similarity import similarity
from wsoa.model import Action, Change, Document

SAME_TEXT = 80.0  # token-sort ratio for an action whose ref changed


def same_statement(a: Document, b: Document) -> bool:
    """Two plans of one area answering the same weaknesses (or, without weakness lists, sharing most refs)."""
    if a.weaknesses and b.weaknesses:
        scores = [max(similarity(w.text, v.text) for v in b.weaknesses) for w in a.weaknesses]
        return sum(scores) / len(scores) >= 0.7
    refs_a, refs_b = {x.ref for x in a.actions if x.ref}, {x.ref for x in b.actions if x.ref}
    return bool(refs_a) and len(refs_a & refs_b) >= 0.5 * min(len(refs_a), len(refs_b))


def editions(plans: list[Document]) -> list[tuple[Document, Document]]:
    """Consecutive editions (older, newer) among one area's plans, ordered by edition date."""
    dated = sorted((p for p in plans if p.edition_date), key=lambda p: p.edition_date or dt.date.min)
    out = []
    for i, newer in enumerate(dated):
        older = [p for p in dated[:i] if p.edition_date != newer.edition_date and same_statement(p, newer)]
        if older:
            out.append((older[-1], newer))
    return out


def _key(a: Action) -> tuple[str | None, str]:
    return (a.weakness_id, a.ref)


def compare(old: Document, new: Document) -> list[Change]:
    """Added, dropped, status and deadline changes (and reworded actions) from `old` to `new`."""
    pairs: list[tuple[Action, Action]] = []
    left = list(old.actions)
    right = list(new.actions)
    for a in list(left):  # same weakness and ref
        b = next((b for b in right if a.ref and _key(b) == _key(a)), None)
        if b is not None:
            pairs.append((a, b))
            left.remove(a)
            right.remove(b)
    for a in list(left):  # renumbered: the same words
        best = max(right, key=lambda b: fuzz.token_sort_ratio(a.action, b.action), default=None)
        if best is not None and fuzz.token_sort_ratio(a.action, best.action) >= SAME_TEXT:
            pairs.append((a, best))
            left.remove(a)
            right.remove(best)
    out = [Change(kind="dropped", ref=a.ref, weakness_id=a.weakness_id, before=a.action[:200]) for a in left]
    out += [Change(kind="added", ref=b.ref, weakness_id=b.weakness_id, after=b.action[:200]) for b in right]
    for a, b in pairs:
        if a.rag != b.rag:
            out.append(Change(kind="status", ref=b.ref, weakness_id=b.weakness_id, before=a.rag, after=b.rag))
        da, db = (a.deadlines[-1] if a.deadlines else None), (b.deadlines[-1] if b.deadlines else None)
        if da != db:
            out.append(Change(kind="deadline", ref=b.ref, weakness_id=b.weakness_id, before=str(da) if da else None,
                              after=str(db) if db else None, days=(db - da).days if da and db else None))
        if fuzz.token_sort_ratio(a.action, b.action) < 95:
            out.append(Change(kind="text", ref=b.ref, weakness_id=b.weakness_id, before=a.action[:200],
                              after=b.action[:200]))
    return out
