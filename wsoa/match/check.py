"""The coverage check: what a reviewer of a plan looks for, as rows of the `findings` table.

Per local area: letter weaknesses no action answers; plan weaknesses without actions; actions
without a lead, a deadline or a measure; deadlines before the start; overdue actions (the
deadline that stands passed as of the date, status not blue); deadlines moved by a stated
revision (never phases: `wsoa.normalise.progress`); dates that do not exist; weaknesses the
area's own self-evaluation had not named.

It reads tables (anything with `.table(name) -> DataFrame`) and returns a frame: it writes nothing.
"""
from __future__ import annotations

import datetime as dt
from typing import Any, Protocol

import pandas as pd

from wsoa.match.link import MUST_COVER
from wsoa.model import PLAN_TYPES
from wsoa.normalise.authorities import same_area
from wsoa.normalise.progress import BLOCKING, current_deadline, date_list, days_slipped, is_overdue, revisions

COLUMNS = ["local_area", "doc_id", "finding", "subject", "detail", "page", "days", "as_of"]
__all__ = ["BLOCKING", "COLUMNS", "Tables", "findings", "known_areas", "spellings"]


class Tables(Protocol):
    def table(self, name: str) -> pd.DataFrame: ...


def known_areas(tables: Tables) -> list[str]:
    """Every local area with a stored document."""
    return sorted(set(tables.table("documents")["local_area"].dropna()), key=str.lower)


def spellings(tables: Tables, area: str) -> list[str]:
    """Every stored spelling of the local area `area` names ("Buckinghamshire Council", "Buckinghamshire")."""
    return [a for a in known_areas(tables) if same_area(a) == same_area(area)]


def _area_filter(frame: pd.DataFrame, area: str | None) -> pd.DataFrame:
    if area is None or frame.empty:
        return frame
    return frame[frame["local_area"].map(same_area) == same_area(area)]


def _weakness_findings(add, weak: pd.DataFrame, links: pd.DataFrame, acts: pd.DataFrame, kinds: dict) -> None:
    for w in weak.itertuples():
        kind = kinds.get(w.doc_id)
        if kind == "inspection_letter" and w.kind in MUST_COVER:
            mine = links[(links["letter_doc_id"] == w.doc_id) & (links["letter_weakness_id"] == w.weakness_id)]
            if mine.empty:
                add(w.doc_id, BLOCKING, w.weakness_id, f"no plan of this area is stored: {w.text}", w.page)
            elif mine["n_actions"].max() == 0:
                best = mine.sort_values("score").iloc[-1]
                near = f" (nearest plan item scored {best.score})" if best.score else ""
                add(w.doc_id, BLOCKING, w.weakness_id, f"no action answers it{near}: {w.text}", w.page)
        elif kind in PLAN_TYPES and not (
                (acts["doc_id"] == w.doc_id) & (acts["weakness_id"] == w.weakness_id)).any():
            add(w.doc_id, "weakness-without-actions", w.weakness_id, w.text, w.page)


def _action_findings(add, acts: pd.DataFrame, as_of: dt.date) -> None:
    for a in acts.itertuples():
        subject = " ".join(x for x in (a.weakness_id, a.ref) if isinstance(x, str) and x) or f"action {a.action_no}"
        starts, ends = date_list(a.start_dates), date_list(a.deadlines)
        for field, label in (("lead", "no-lead"), ("measures", "no-measure")):
            if not isinstance(getattr(a, field), str) or not getattr(a, field).strip():
                add(a.doc_id, label, subject, a.action[:120], a.page)
        if not ends:
            add(a.doc_id, "no-deadline", subject, f"deadline cell: {a.deadline_raw!r}", a.page)
            continue
        if starts and min(ends) < min(starts):
            add(a.doc_id, "deadline-before-start", subject, f"starts {min(starts)}, due {min(ends)}", a.page,
                (min(starts) - min(ends)).days)
        due = current_deadline(ends, a.deadline_revised)
        if is_overdue(ends, a.deadline_revised, a.rag, as_of):
            add(a.doc_id, "overdue", subject, f"due {due}, status {a.rag or 'unknown'}", a.page, (as_of - due).days)
        slipped = days_slipped(ends, a.deadline_revised)
        if slipped:
            add(a.doc_id, "slipped", subject,
                f"{revisions(ends, a.deadline_revised)} revision(s): {ends[0]} -> {ends[-1]}", a.page, slipped)


def findings(tables: Tables, area: str | None = None, as_of: dt.date | None = None) -> pd.DataFrame:
    """Every finding for `area` (all areas when None) as of `as_of` (default today)."""
    as_of = as_of or dt.date.today()
    docs = _area_filter(tables.table("documents"), area)
    area_of = dict(zip(docs["doc_id"], docs["local_area"]))
    out: list[dict[str, Any]] = []

    def add(doc_id: str, finding: str, subject: str, detail: str, page: Any = None, days: Any = None) -> None:
        out.append({"local_area": area_of.get(doc_id), "doc_id": doc_id, "finding": finding, "subject": subject,
                    "detail": detail, "page": None if pd.isna(page) else int(page),
                    "days": None if days is None else int(days), "as_of": as_of})

    weak = tables.table("weaknesses")
    weak = weak[weak["doc_id"].isin(area_of)]
    acts = tables.table("actions")
    acts = acts[acts["doc_id"].isin(area_of)]
    _weakness_findings(add, weak, tables.table("links"), acts, docs.set_index("doc_id")["doc_type"].to_dict())
    _action_findings(add, acts, as_of)
    known = tables.table("self_knowledge")
    for k in known[known["letter_doc_id"].isin(area_of) & ~known["named"].astype(bool)].itertuples():
        add(k.letter_doc_id, "not-self-identified", k.weakness_id,
            f"the self-evaluation {k.sef_doc_id} does not name it (closest: p.{k.page}, score {k.score})")
    warns = tables.table("warnings")
    for w in warns[warns["doc_id"].isin(area_of) & (warns["code"] == "invalid-date")].itertuples():
        add(w.doc_id, "invalid-date", "", w.message, w.page)
    return pd.DataFrame(out, columns=COLUMNS)
