"""Letter weaknesses -> the plan weakness (or workstream) that answers each -> that plan's actions.

Every pair is scored with `similarity`; one-to-one assignment (scipy's Hungarian solver) picks
the best overall pairing; a pair below `THRESHOLD` stays unmatched, never forced.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field

import numpy as np
from scipy.optimize import linear_sum_assignment

from wsoa.match.quotes import QuoteCheck, check_quotes
from wsoa.match.similarity import similarity
from wsoa.model import PLAN_TYPES, Action, Document

THRESHOLD = 0.45   # below: no link
CERTAIN = 0.65     # below: the link is kept but flagged uncertain
MUST_COVER = ("significant_weakness", "priority_action")
ADOPT = 0.3        # a plan weakness without actions adopts a workstream at least this close


@dataclass
class Target:
    """What a letter weakness can be linked to: a plan weakness, or a workstream of a plan without one."""
    weakness_id: str | None
    section: str | None
    texts: list[str]
    actions: list[Action]


@dataclass
class Link:
    letter_weakness_id: str
    letter_kind: str
    plan_weakness_id: str | None
    plan_section: str | None
    score: float
    method: str
    action_refs: list[str]
    action_nos: list[int] = field(default_factory=list)  # 1-based positions in the plan's actions


@dataclass
class Linking:
    letter_doc_id: str
    plan_doc_id: str
    links: list[Link] = field(default_factory=list)
    uncovered: list[str] = field(default_factory=list)
    quotes: list[QuoteCheck] = field(default_factory=list)

    def to_json(self) -> dict:
        return {"letter": self.letter_doc_id, "plan": self.plan_doc_id,
                "links": [asdict(x) for x in self.links], "uncovered": self.uncovered,
                "quotes": [asdict(q) for q in self.quotes]}


def targets(plan: Document) -> list[Target]:
    """The plan's weaknesses with their actions, then workstreams of actions tied to no weakness.

    A plan weakness left without actions takes the workstream whose heading and actions state it
    best (one workstream each, assigned one to one), so a table the plan did not tie to its
    weakness still counts for it.
    """
    out = []
    for w in plan.weaknesses:
        acts = [a for a in plan.actions if a.weakness_id == w.id]
        sections = list(dict.fromkeys(a.section for a in acts if a.section))
        out.append(Target(w.id, sections[0] if sections else None, [w.text, *sections], acts))
    loose: dict[str | None, list[Action]] = {}
    for a in plan.actions:
        if a.weakness_id is None:
            loose.setdefault(a.section, []).append(a)
    groups = [Target(None, section, [section] if section else [" ".join(a.action for a in acts)], acts)
              for section, acts in loose.items()]
    empty = [t for t in out if not t.actions]
    if empty and groups:
        scores = np.array([[similarity(t.texts[0], " ".join([g.section or "", *(a.action for a in g.actions)]))
                            for g in groups] for t in empty])
        for i, j in zip(*linear_sum_assignment(-scores)):
            if scores[i, j] >= ADOPT:
                empty[i].actions, empty[i].section = groups[j].actions, groups[j].section
                empty[i].texts.append(groups[j].texts[0])
                groups[j].actions = []
    return out + [g for g in groups if g.actions]


def link(letter: Document, plan: Document) -> Linking:
    """Link every weakness of `letter` to `plan`, and check the plan's quotations against the letter."""
    result = Linking(letter.doc_id, plan.doc_id)
    found = targets(plan)
    number = {id(a): n for n, a in enumerate(plan.actions, start=1)}
    scores = np.zeros((len(letter.weaknesses), len(found)))
    for i, w in enumerate(letter.weaknesses):
        for j, t in enumerate(found):
            scores[i, j] = max(similarity(w.text, text) for text in t.texts)
    pairs: dict[int, int] = {}
    if scores.size:
        rows, cols = linear_sum_assignment(-scores)
        pairs = {int(i): int(j) for i, j in zip(rows, cols) if scores[i, j] >= THRESHOLD}
    for i, w in enumerate(letter.weaknesses):
        j = pairs.get(i)
        if j is None:
            best = float(scores[i].max()) if scores.shape[1] else 0.0
            result.links.append(Link(w.id, w.kind, None, None, round(best, 3), "unmatched", []))
        else:
            t, score = found[j], float(scores[i, j])
            method = "stems+token-set, one-to-one" + ("" if score >= CERTAIN else ", uncertain")
            result.links.append(Link(w.id, w.kind, t.weakness_id, t.section, round(score, 3), method,
                                     [a.ref or "" for a in t.actions], [number[id(a)] for a in t.actions]))
    result.uncovered = [x.letter_weakness_id for x in result.links
                        if not x.action_refs and x.letter_kind in MUST_COVER]
    if letter.page_texts:
        result.quotes = check_quotes(plan, letter.page_texts)
    return result


LINK_WARNINGS = ("uncertain-link", "misquote", "quote-wrong-page")


def by_area(docs: list[Document]) -> dict[str, list[Document]]:
    """Documents grouped by local area (lower-cased); those without an area are left out."""
    out: dict[str, list[Document]] = {}
    for d in docs:
        if d.local_area:
            out.setdefault(d.local_area.lower(), []).append(d)
    return out


def pair(docs: list[Document]) -> list[tuple[Document, Document]]:
    """(letter, plan) pairs of the same local area: each plan with the letter of its inspection
    (same inspection start date), else the area's latest letter."""
    letters = by_area([d for d in docs if d.doc_type == "inspection_letter" and d.weaknesses])
    out = []
    for plan in docs:
        if plan.doc_type not in PLAN_TYPES or not plan.local_area:
            continue
        found = letters.get(plan.local_area.lower(), [])
        same = [x for x in found if plan.inspection_start and x.inspection_start == plan.inspection_start]
        chosen = same or sorted(found, key=lambda x: (x.letter_date or x.inspection_start or dt.date.min))[-1:]
        out.extend((letter, plan) for letter in chosen[:1])
    return out


def warn_plan(plan: Document, result: Linking) -> None:
    """Record on the plan the doubts the linking raised (replacing those of an earlier run)."""
    plan.warnings = [w for w in plan.warnings if w.code not in LINK_WARNINGS]
    for x in result.links:
        if "uncertain" in x.method:
            plan.warn("uncertain-link", f"{result.letter_doc_id} {x.letter_weakness_id} -> {x.plan_weakness_id or x.plan_section}"
                      f" scored {x.score}")
    for q in result.quotes:
        if q.verdict in ("misquote", "not-found"):
            plan.warn("misquote", f"quote {q.quote_no} ({q.cites}) {q.verdict} in {result.letter_doc_id}, score {q.score}")
        elif q.page_ok is False:
            plan.warn("quote-wrong-page", f"quote {q.quote_no} cites p.{q.cited_page}, found on p.{q.found_page} "
                      f"of {result.letter_doc_id}")
