"""Link, area by area, every inspection letter with the plans that answer it, and store the result."""
from __future__ import annotations

from dataclasses import asdict
from typing import Any

from wsoa.match.link import LINK_WARNINGS, link, pair, warn_plan
from wsoa.outputs.store import Store


def link_areas(store: Store, areas: set[str] | None = None) -> tuple[int, int]:
    """Recompute the links and quote checks of the given local areas (lower-case; None: all), replacing
    the old ones in one transaction. Returns the links stored and the warnings the linking raised."""
    docs = store.documents(areas)
    touched = areas if areas is not None else {(d.local_area or "").lower() for d in docs}
    changes: list[tuple[str, str, list[Any], list[dict[str, Any]]]] = []
    for area in touched:
        changes += [("links", "lower(local_area) = ?", [area], []), ("quote_checks", "lower(local_area) = ?", [area], [])]
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
    store.replace(changes)
    for plan in plans:
        store.put(plan)
    return made, doubts
