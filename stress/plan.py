"""The renderer-independent plan model and its truth record (SCHEMA.md's form)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from stress.dates import DateCell

RAGS = ("red", "amber", "green", "blue", "white")


@dataclass
class Milestone:
    text: str
    when: DateCell | None
    rag: str | None = None


@dataclass
class Action:
    ref: str | None
    text: str
    lead: str
    start: DateCell | None
    deadline: DateCell
    measures: str
    resource: str
    progress: str
    rag: str
    milestones: list[Milestone] = field(default_factory=list)


@dataclass
class Area:
    """A weakness (number >= 1) with its actions, or the cross-cutting enabling section (number 0)."""
    number: int
    text: str
    actions: list[Action]


@dataclass
class Plan:
    doc_id: str
    place: str
    areas: list[Area]
    columns: list[str]          # roles in printed order; "action" always among them
    layout: dict[str, Any]      # axis name -> value drawn
    headers: dict[str, str] = field(default_factory=dict)   # role -> printed header
    group: tuple[str, str, str] | None = None               # two-row header: label over two roles

    @property
    def weaknesses(self) -> list[Area]:
        return [a for a in self.areas if a.number]

    def shows(self, role: str) -> bool:
        return role in self.columns


def action_rag(a: Action, plan: Plan) -> str | None:
    """The action's status: per milestone when sub-rows carry one (SCHEMA.md), else its own cell."""
    if not plan.shows("status"):
        return None
    rags = [m.rag for m in a.milestones if m.rag]
    if not rags:
        return a.rag
    if all(r == "blue" for r in rags):
        return "blue"
    return next((r for r in ("red", "amber", "green") if r in rags), "white")


def area_title(area: Area, plan: Plan) -> str:
    """How a banner or heading names its weakness: number and wording, or the number alone."""
    if not area.number:
        return "Enabling actions (cross-cutting, not tied to one weakness)"
    if plan.layout["tie"] == "intro_list":
        return f"{plan.layout['area_label']} {area.number}"
    return f"{plan.layout['area_label']} {area.number}: {area.text}"


def is_banner(plan: Plan) -> bool:
    """Whether each weakness is named by a banner row inside the table (else by a heading above it)."""
    return plan.layout["tie"] == "banner" or plan.layout["tie"] == "intro_list" and plan.layout["tables"] == "one_long"


def _placement(area: Area, plan: Plan) -> dict[str, str | None]:
    """section: the heading an action sits under; group: the banner row inside its table (SCHEMA.md)."""
    if plan.layout["tie"] == "column":
        return {"section": None, "group": None}
    title = area_title(area, plan)
    return {"section": None, "group": title} if is_banner(plan) else {"section": title, "group": None}


def _milestones(a: Action, plan: Plan) -> list[dict[str, Any]]:
    if plan.layout["milestones"] == "none":
        return []
    return [{"text": m.text, "date_raw": m.when.raw if m.when else None,
             "date": m.when.dates[-1] if m.when and m.when.dates else None,
             "rag": m.rag if plan.shows("status") else None} for m in a.milestones]


def _action_truth(a: Action, area: Area, plan: Plan) -> dict[str, Any]:
    starts = list(a.start.dates) if plan.shows("start") and a.start else []
    deadline = a.deadline if plan.shows("deadline") else None
    if deadline and deadline.range_start and not starts:
        starts = [deadline.range_start]
    return {
        "weakness_id": f"W{area.number}" if area.number else None,
        **_placement(area, plan),
        "ref": a.ref if plan.shows("ref") else None,
        "action": " ".join(a.text.split()),
        "lead": a.lead if plan.shows("lead") else None,
        "start_dates": starts,
        "deadlines": list(deadline.dates) if deadline else [],
        "deadline_raw": deadline.raw if deadline else None,
        "resource": a.resource if plan.shows("resource") else None,
        "measures": a.measures if plan.shows("measures") else None,
        "milestones": _milestones(a, plan),
        "rag": action_rag(a, plan),
        "rag_synthetic": False,
    }


def truth(plan: Plan) -> dict[str, Any]:
    """The truth record, computed from the plan model alone (never from a rendering)."""
    return {
        "doc_id": plan.doc_id, "local_area": plan.place, "doc_type": "wsoa",
        "inspection_start": None, "inspection_end": None, "letter_date": None, "outcome": None,
        "weaknesses": [{"id": f"W{w.number}", "text": w.text, "kind": "significant_weakness", "progress": None}
                       for w in plan.weaknesses],
        "actions": [_action_truth(a, area, plan) for area in plan.areas for a in area.actions],
        "quotes": [], "expected_uncovered_weaknesses": [],
        "layout": plan.layout,
    }
