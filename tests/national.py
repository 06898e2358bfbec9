"""Built 2023-framework area SEND reports for many English local areas: the national view's test
and the screenshot script load them beside the corpus's documents."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from wsoa.model import Document
from wsoa.model.record import Box, Weakness
from wsoa.normalise.authorities import authorities, same_area
from wsoa.normalise.entities import themes
from wsoa.outputs.store import Store

OUTCOMES = (
    "The local area partnership’s arrangements typically lead to positive experiences and outcomes for children "
    "and young people with special educational needs and/or disabilities (SEND).",
    "The local area partnership’s arrangements lead to inconsistent experiences and outcomes for children and young "
    "people with special educational needs and/or disabilities (SEND).",
    "There are widespread and/or systemic failings leading to significant concerns about the experiences and "
    "outcomes of children and young people with special educational needs and/or disabilities (SEND).",
)

TOPICS = ("the timeliness of EHC plans", "joint commissioning", "preparation for adulthood",
          "waits for autism assessments")


def built_report(name: str, i: int) -> Document:
    """A 2023-framework report of one area: an outcome and three areas for priority action."""
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    start = dt.date(2023, 1, 9) + dt.timedelta(days=7 * (i % 80))
    return Document(doc_id=f"{slug}-area-send-built", local_area=name, doc_type="inspection_letter",
                    outcome=OUTCOMES[i % len(OUTCOMES)], inspection_start=start,
                    inspection_end=start + dt.timedelta(days=4), letter_date=start + dt.timedelta(days=40),
                    weaknesses=[Weakness(id=f"W{k}", kind="priority_action", text=f"Leaders should improve {topic}.",
                                         themes=themes(topic), source=Box(page=2))
                                for k, topic in enumerate(TOPICS[i % 2:i % 2 + 3], 1)])


def add_national_reports(out: str | Path, n: int = 50) -> int:
    """Store built reports of the first `n` live local authorities not stored yet; returns how many."""
    store = Store(out)
    try:
        have = {same_area(a) for a in store.table("documents")["local_area"]}
        live = authorities()
        names = [x for x in live.loc[live["status"] == "live", "name"] if same_area(x) not in have][:n]
        for i, name in enumerate(names):
            store.put(built_report(name, i))
    finally:
        store.close()
    return len(names)
