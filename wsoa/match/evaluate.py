"""Score predicted records against ground truth: the yardstick for extraction quality.

True and predicted actions are paired one to one by action-text similarity (rapidfuzz, with the
ref as a tie-breaker) using an optimal assignment; a pair below MIN_PAIR is no pair. Then each
field is compared exactly on the pairs.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz
from scipy.optimize import linear_sum_assignment

from wsoa.normalise.text import fold

MIN_PAIR = 0.6
MIN_WEAKNESS = 0.8
FIELDS = ("ref", "lead", "start_dates", "deadlines", "rag", "weakness_id", "milestones", "section", "group")


@dataclass
class Score:
    doc_id: str
    true_actions: int = 0
    pred_actions: int = 0
    paired: int = 0
    true_weaknesses: int = 0
    found_weaknesses: int = 0
    exact: dict[str, int] = field(default_factory=lambda: {f: 0 for f in FIELDS})
    similarity: float = 0.0  # sum over pairs
    misses: list[str] = field(default_factory=list)

    # a rate with nothing to count is None (shown as "–"), never a perfect 1.0
    @property
    def recall(self) -> float | None:
        return self.paired / self.true_actions if self.true_actions else None

    @property
    def precision(self) -> float | None:
        return self.paired / self.pred_actions if self.pred_actions else (None if not self.true_actions else 0.0)

    def rate(self, name: str) -> float | None:
        return self.exact[name] / self.paired if self.paired else None

    @property
    def weakness_recall(self) -> float | None:
        return self.found_weaknesses / self.true_weaknesses if self.true_weaknesses else None

    @property
    def mean_similarity(self) -> float | None:
        return self.similarity / self.paired if self.paired else None

    def add(self, other: "Score") -> None:
        for name in ("true_actions", "pred_actions", "paired", "true_weaknesses", "found_weaknesses", "similarity"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for f in FIELDS:
            self.exact[f] += other.exact[f]

    def row(self) -> dict[str, float | str | int | None]:
        out: dict[str, float | str | int | None] = {
            "doc_id": self.doc_id, "true": self.true_actions, "pred": self.pred_actions,
            "recall": _round(self.recall), "precision": _round(self.precision),
            "weakness_recall": _round(self.weakness_recall), "text_sim": _round(self.mean_similarity)}
        out.update({f: _round(self.rate(f)) for f in FIELDS})
        return out


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _norm(text: str | None) -> str:
    return fold(text, r"\S")


def _dates(values: list | None) -> list[str]:
    return [str(v) for v in (values or []) if v is not None]


def _milestones(ms: list[dict] | None) -> list[tuple[str, str | None, str | None]]:
    return [(_norm(m.get("text"))[:60], m.get("date"), m.get("rag")) for m in (ms or [])]


def score_document(pred: dict, truth: dict) -> Score:
    s = Score(doc_id=truth.get("doc_id", "?"))
    ta, pa = truth.get("actions", []), pred.get("actions", [])
    s.true_actions, s.pred_actions = len(ta), len(pa)
    tw, pw = truth.get("weaknesses", []), pred.get("weaknesses", [])
    s.true_weaknesses = len(tw)
    s.found_weaknesses = sum(
        any(fuzz.token_set_ratio(_norm(t["text"]), _norm(p["text"])) / 100 >= MIN_WEAKNESS for p in pw) for t in tw)
    if not ta or not pa:
        return s
    sim = np.zeros((len(ta), len(pa)))
    for i, t in enumerate(ta):
        for j, p in enumerate(pa):
            text = fuzz.ratio(_norm(t["action"]), _norm(p.get("action"))) / 100
            sim[i, j] = text + (0.05 if t.get("ref") == p.get("ref") else 0.0)
    rows, cols = linear_sum_assignment(-sim)
    paired = {(i, j) for i, j in zip(rows, cols) if sim[i, j] >= MIN_PAIR}
    s.misses += [f"{t.get('ref')} not found: {_norm(t['action'])[:80]}" for i, t in enumerate(ta)
                 if i not in {i for i, _ in paired}]
    s.misses += [f"{p.get('ref')} extra (not in the truth): {_norm(p.get('action'))[:80]}" for j, p in enumerate(pa)
                 if j not in {j for _, j in paired}]
    # weakness ids are compared through the weakness texts they name (ids may be numbered differently)
    tw_text = {w["id"]: _norm(w["text"]) for w in tw}
    pw_text = {w["id"]: _norm(w["text"]) for w in pw}
    for i, j in zip(rows, cols):
        if sim[i, j] < MIN_PAIR:
            continue
        t, p = ta[i], pa[j]
        s.paired += 1
        s.similarity += fuzz.ratio(_norm(t["action"]), _norm(p.get("action"))) / 100
        checks = {
            "ref": t.get("ref") == p.get("ref"),
            "lead": _norm(t.get("lead")) == _norm(p.get("lead")),
            "start_dates": _dates(t.get("start_dates")) == _dates(p.get("start_dates")),
            "deadlines": _dates(t.get("deadlines")) == _dates(p.get("deadlines")),
            "rag": t.get("rag") == p.get("rag"),
            "weakness_id": _same_weakness(t.get("weakness_id"), p.get("weakness_id"), tw_text, pw_text),
            "milestones": _milestones(t.get("milestones")) == _milestones(p.get("milestones")),
            "section": _norm(t.get("section")) == _norm(p.get("section")),
            "group": _norm(t.get("group")) == _norm(p.get("group")),
        }
        for name, ok in checks.items():
            s.exact[name] += int(ok)
            if not ok:
                s.misses.append(f"{t.get('ref')} {name}: truth={t.get(name)!r} pred={p.get(name)!r}"[:300])
    return s


def _same_weakness(tid: str | None, pid: str | None, tw: dict[str, str], pw: dict[str, str]) -> bool:
    if tid is None or pid is None:
        return tid == pid
    if tid not in tw or pid not in pw:
        return tid == pid
    return fuzz.token_set_ratio(tw[tid], pw[pid]) / 100 >= MIN_WEAKNESS


class NothingToEvaluate(ValueError):
    """No truth file, or no predicted record for any of them."""


def evaluate_dirs(pred_dir: Path, truth_dir: Path) -> tuple[list[Score], Score]:
    """Score every truth file against the predicted record of the same doc_id (records/*.json or *.json);
    NothingToEvaluate when there is no truth file or no record of any truth file's document."""
    preds: dict[str, dict] = {}
    for f in list(pred_dir.glob("*.json")) + list(pred_dir.glob("records/*.json")):
        try:
            rec = json.loads(f.read_text("utf-8"))
        except (OSError, json.JSONDecodeError):
            continue
        if isinstance(rec, dict) and "doc_id" in rec:
            preds[rec["doc_id"]] = rec
    truths = sorted(truth_dir.rglob("*.truth.json")) if truth_dir.is_dir() else []
    if not truths:
        raise NothingToEvaluate(f"{truth_dir}: no *.truth.json file, nothing to evaluate")
    scores: list[Score] = []
    pooled = Score(doc_id="ALL")
    docs = [json.loads(tf.read_text("utf-8")) for tf in truths]
    if not any(t.get("doc_id") in preds for t in docs):
        raise NothingToEvaluate(f"{pred_dir}: no record of any of the {len(docs)} documents of {truth_dir}, "
                                "nothing to evaluate")
    for truth in docs:
        pred = preds.get(truth["doc_id"], {"actions": [], "weaknesses": []})
        sc = score_document(pred, truth)
        scores.append(sc)
        pooled.add(sc)
    return scores, pooled
