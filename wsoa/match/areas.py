"""Relate the documents of each local area: each letter linked with the plans that answer it (links,
quote checks), with the self-evaluation written before it (self_knowledge), and each plan with its
previous edition (changes). Records in, rows out: storing them is the caller's business."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from wsoa.match.link import LINK_WARNINGS, by_area, link, pair, warn_plan
from wsoa.match.selfknow import self_knowledge
from wsoa.match.versions import compare, editions
from wsoa.model import PLAN_TYPES, Document

Rows = list[dict[str, Any]]


@dataclass
class Related:
    """The derived rows of some areas, and the plans whose warnings the linking changed."""
    tables: dict[str, Rows] = field(default_factory=lambda: {n: [] for n in
                                                              ("links", "quote_checks", "self_knowledge", "changes")})
    plans: list[Document] = field(default_factory=list)
    links: int = 0
    doubts: int = 0


def _self_knowledge(docs: list[Document]) -> Rows:
    """Each letter against the area's latest self-evaluation."""
    rows = []
    for area_docs in by_area(docs).values():
        sefs = [d for d in area_docs if d.doc_type == "self_evaluation" and d.judgements]
        for letter in (d for d in area_docs if d.doc_type == "inspection_letter" and d.weaknesses):
            if sefs:
                sef = sefs[-1]
                rows += [{"local_area": letter.local_area, "letter_doc_id": letter.doc_id, "sef_doc_id": sef.doc_id,
                          **asdict(k)} for k in self_knowledge(letter, sef)]
    return rows


def _editions(docs: list[Document]) -> Rows:
    rows = []
    for area_docs in by_area(docs).values():
        plans = [d for d in area_docs if d.doc_type in PLAN_TYPES]
        for old, new in editions(plans):
            rows += [{"local_area": new.local_area, "old_doc_id": old.doc_id, "new_doc_id": new.doc_id, "change_no": n,
                      **c.model_dump()} for n, c in enumerate(compare(old, new), start=1)]
    return rows


def relate(docs: list[Document]) -> Related:
    """Every derived row of the areas these documents belong to (pass all of an area's documents)."""
    out = Related()
    for letter, plan in pair(docs):
        result = link(letter, plan)
        keys = {"local_area": plan.local_area, "letter_doc_id": letter.doc_id, "plan_doc_id": plan.doc_id}
        out.tables["links"] += [{**keys, **asdict(x), "n_actions": len(x.action_refs)} for x in result.links]
        out.tables["quote_checks"] += [{**keys, **asdict(q)} for q in result.quotes]
        before = [(w.code, w.message) for w in plan.warnings]
        warn_plan(plan, result)
        if [(w.code, w.message) for w in plan.warnings] != before and plan not in out.plans:
            out.plans.append(plan)
        out.links += len(result.links)
        out.doubts += sum(w.code in LINK_WARNINGS for w in plan.warnings)
    out.tables["self_knowledge"] = _self_knowledge(docs)
    out.tables["changes"] = _editions(docs)
    return out
