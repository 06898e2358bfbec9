"""What kind of document this is, from its content (never its file name)."""
from __future__ import annotations

import re

_I = re.IGNORECASE
PLAN = re.compile(r"\bpriority action plan\b", _I)
WSOA = re.compile(r"\bwritten statement of action\b", _I)
SEF = re.compile(r"\bself[- ]evaluation\b|\bSEF\b", _I)
COMMITTEE = re.compile(r"\b(select committee|scrutiny committee|committee report|agenda|cabinet)\b", _I)
REVISIT = re.compile(r"\brevisit\b.{0,400}\bsufficient progress\b", _I | re.DOTALL)
LETTER = re.compile(r"\b(joint area send inspection|area send inspection|inspection outcome|dear\s+\w+)", _I)


def classify(text: str, n_action_tables: int) -> str:
    """The doc_type of SCHEMA.md. Action tables make a plan; otherwise the title, then the opening pages."""
    head, title = text[:6000], text[:400]
    if n_action_tables:
        return "priority_action_plan" if PLAN.search(head) and not WSOA.search(head) else "wsoa"
    if SEF.search(title):
        return "self_evaluation"
    if COMMITTEE.search(title):
        return "committee_report"
    if REVISIT.search(head):
        return "revisit_letter"
    if LETTER.search(head):
        return "inspection_letter"
    if SEF.search(head):
        return "self_evaluation"
    if COMMITTEE.search(head):
        return "committee_report"
    return "unknown"
