"""Relate, area by area, the documents of one local area and store the results: each letter linked
with the plans that answer it (links, quote checks), with the self-evaluation written before it
(self_knowledge), and each plan with its previous edition (changes)."""
from __future__ import annotations

from dataclasses import asdict
from typing import Any

from wsoa.match.link import LINK_WARNINGS, by_area, link, pair, warn_plan
from wsoa.match.selfknow import self_knowledge
from wsoa.match.versions import compare, editions
from wsoa.model import Document
from wsoa.outputs.store import Store


DERIVED_BY_AREA = ("links", "quote_checks", "self_knowledge", "changes")
Changes = list[tuple[str, str, list[Any], list[dict[str, Any]]]]


def _self_knowledge(docs: list[Document]) -> Changes:
    """Each letter against the area's latest self-evaluation (one written before the letter, where dated)."""
    rows = []
    for area_docs in by_area(docs).values():
        sefs = [d for d in area_docs if d.doc_type == "self_evaluation" and d.judgements]
        for letter in (d for d in area_docs if d.doc_type == "inspection_letter" and d.weaknesses):
            if not sefs:
                continue
            sef = sefs[-1]
            rows += [{"local_area": letter.local_area, "letter_doc_id": letter.doc_id, "sef_doc_id": sef.doc_id,
                      **asdict(k)} for k in self_knowledge(letter, sef)]
    return [("self_knowledge", "FALSE", [], rows)]


def _editions(docs: list[Document]) -> Changes:
    rows = []
    for area_docs in by_area(docs).values():
        plans = [d for d in area_docs if d.doc_type in ("wsoa", "priority_action_plan")]
        for old, new in editions(plans):
            rows += [{"local_area": new.local_area, "old_doc_id": old.doc_id, "new_doc_id": new.doc_id, "change_no": n,
                      **c.model_dump()} for n, c in enumerate(compare(old, new), start=1)]
    return [("changes", "FALSE", [], rows)]


def link_areas(store: Store, areas: set[str] | None = None) -> tuple[int, int]:
    """Recompute the links and quote checks of the given local areas (lower-case; None: all), replacing
    the old ones in one transaction. Returns the links stored and the warnings the linking raised."""
    docs = store.documents(areas)
    touched = areas if areas is not None else {(d.local_area or "").lower() for d in docs}
    changes: list[tuple[str, str, list[Any], list[dict[str, Any]]]] = []
    for area in touched:
        changes += [(name, "lower(local_area) = ?", [area], []) for name in DERIVED_BY_AREA]
    made, doubts, plans = 0, 0, []
    for letter, plan in pair(docs):
        result = link(letter, plan)
        keys = {"local_area": plan.local_area, "letter_doc_id": letter.doc_id, "plan_doc_id": plan.doc_id}
        changes.append(("links", "FALSE", [], [{**keys, **asdict(x), "n_actions": len(x.action_refs)}
                                              for x in result.links]))
        changes.append(("quote_checks", "FALSE", [], [{**keys, **asdict(q)} for q in result.quotes]))
        before = [(w.code, w.message) for w in plan.warnings]
        warn_plan(plan, result)
        if [(w.code, w.message) for w in plan.warnings] != before:
            plans.append(plan)
        made += len(result.links)
        doubts += sum(w.code in LINK_WARNINGS for w in plan.warnings)
    changes += _self_knowledge(docs) + _editions(docs)
    store.replace(changes)
    for plan in plans:
        store.put(plan)
    return made, doubts
