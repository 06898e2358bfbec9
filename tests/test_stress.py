"""The layout stress generator (stress/, issue 13): its truth, its determinism, its coverage of every axis,
and the pipeline's scores on a fixed sample (printed with -s; only a floor is asserted)."""
from __future__ import annotations

import json
import random
import re
import zipfile
from datetime import date
from pathlib import Path

import pdfplumber
import pytest

from stress.blocks import Cell, TableBlock, document
from stress.dates import deadline_cell, single
from stress.generate import available_renderers, write
from stress.plan import truth
from stress.sample import AXES, sample
from stress.score import score_sample, summary

SEED, N = 13, 40
CHROMIUM_FURNITURE = re.compile(r"file://|\d+/\d+/\d+, \d+:\d+")
# Floors the extraction meets with margin on this sample, ratcheted up as issue 13's rules land (towards its
# target of 0.99). Before the rules (2026-11-22): recall 0.28, precision 0.75. After session 3: recall 0.62,
# precision 0.81. After session 4, on a machine without LibreOffice: recall 0.88, precision 0.97, ref 1.00,
# lead 0.98, start 0.96, deadline 0.96, status 0.95, weakness 0.94. After session 5: recall 0.96, precision
# 0.99, ref 1.00, lead 1.00, start 1.00, deadline 1.00, status 0.99, weakness 0.98. After session 6: recall 0.96,
# precision 0.99, every field 1.00 (status 0.98 where LibreOffice adds Word-to-PDF layouts). The sample is
# seeded, so a drop below a floor is a regression.
RECALL_FLOOR = 0.94
PRECISION_FLOOR = 0.97
FIELD_FLOORS = {"ref": 0.98, "lead": 0.98, "start": 0.98, "deadline": 0.98, "status": 0.96, "weakness": 0.98}


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> list[tuple]:
    """The fixed sample: plans drawn over the renderers this machine has, written with their truth."""
    out = tmp_path_factory.mktemp("stress")
    renderers = available_renderers()
    plans = [sample(SEED, i, renderers) for i in range(N)]
    return [(p, write(p, out)) for p in plans]


def _cells(plan) -> list[Cell]:
    return [c for b in document(plan) if isinstance(b, TableBlock) for r in b.rows if r.kind == "body"
            for c in r.cells if not c.covered]


def test_truth_has_one_row_per_action_in_plan_order(batch):
    for plan, path in batch:
        t = json.loads(path.with_name(f"{plan.doc_id}.truth.json").read_text("utf-8"))
        acts = [(a, area) for area in plan.areas for a in area.actions]
        assert [r["action"] for r in t["actions"]] == [a.text for a, _ in acts]
        assert [r["weakness_id"] for r in t["actions"]] == [f"W{ar.number}" if ar.number else None for _, ar in acts]
        assert [w["id"] for w in t["weaknesses"]] == [f"W{k}" for k in range(1, len(plan.weaknesses) + 1)]
        assert t["layout"] == plan.layout


def test_truth_dates_are_iso_and_revisions_listed_in_the_order_made(batch):
    revised = 0
    for plan, _ in batch:
        for row in truth(plan)["actions"]:
            for d in row["start_dates"] + row["deadlines"]:
                assert date.fromisoformat(d).isoformat() == d
            raw = row["deadline_raw"] or ""
            if any(k in raw for k in ("revised", "Revised", "→")):
                revised += 1
                assert row["deadlines"] == sorted(row["deadlines"]) and len(row["deadlines"]) == 2, raw
    assert revised > 5


def test_printed_date_forms_mean_what_schema_says():
    rng = random.Random(0)
    assert single("quarter", date(2022, 12, 5), rng)[1] == date(2022, 12, 31)
    assert single("quarter", date(2023, 3, 5), rng) == ("Q4 2022/23", date(2023, 3, 31))
    assert single("season", date(2020, 3, 9), rng) == ("Spring 2020", date(2020, 3, 31))
    assert single("term", date(2021, 12, 9), rng) == ("Autumn term 2021", date(2021, 12, 31))
    raw, d = single("short_year", date(2018, 9, 9), rng)
    assert d == date(2018, 9, 30) and raw in ("Sept 18", "Sep-18")
    assert single("month_year", date(2023, 2, 9), rng, start=True)[1] == date(2023, 2, 1)
    cell = deadline_cell("month_year", "revised_from", date(2023, 3, 9), rng)
    assert "(revised from" in cell.raw and cell.dates == ["2022-12-31", "2023-03-31"]
    rng = random.Random(0)
    span = deadline_cell("range", "none", date(2023, 7, 9), rng)
    assert span.dates == ["2023-07-31"] and span.range_start == "2022-09-01"


def test_every_truth_value_is_printed_in_its_row(batch):
    for plan, _ in batch:
        texts = [" ".join(c.lines) for c in _cells(plan)]
        for row in truth(plan)["actions"]:
            assert texts.count(row["action"]) == 1, row["action"]
            for key in ("ref", "lead", "deadline_raw"):
                if row[key] and not (key == "deadline_raw" and plan.layout["milestones"] == "subrows"):
                    assert any(row[key] in t for t in texts), (plan.doc_id, key, row[key])


def test_every_axis_value_occurs_in_the_sample(batch):
    for axis, values in AXES.items():
        seen = {p.layout[axis] for p, _ in batch}
        wanted = set(available_renderers()) if axis == "renderer" else set(values)
        assert wanted <= seen, (axis, wanted - seen)


def _content(path: Path) -> str:
    if path.suffix == ".docx":
        with zipfile.ZipFile(path) as z:
            return z.read("word/document.xml").decode()
    if path.suffix == ".html":
        return path.read_text("utf-8")
    with pdfplumber.open(path) as pdf:
        text = "\n".join(page.extract_text() or "" for page in pdf.pages)
    # Chromium's own page header and footer print the time of printing and the page's (temporary) address
    return "\n".join(line for line in text.splitlines() if not CHROMIUM_FURNITURE.search(line))


def test_a_seed_gives_the_same_file_twice(batch, tmp_path):
    first = {}
    for plan, path in batch:
        first.setdefault(plan.layout["renderer"], (plan, path))
    for kind, (plan, path) in first.items():
        again = write(sample(SEED, int(plan.doc_id[-4:]), available_renderers()), tmp_path)
        if kind in ("reportlab", "html"):
            assert again.read_bytes() == path.read_bytes(), kind
        assert _content(again) == _content(path), kind


def test_pipeline_scores_on_the_sample(batch):
    total, groups = score_sample(batch, lambda plan: plan.layout["renderer"])
    print("\nstress sample:", summary(total))
    for kind, r in groups.items():
        print(f"  {kind:10s}", summary(r))
    assert total["recall"] >= RECALL_FLOOR and total["precision"] >= PRECISION_FLOOR
    assert {k: v for k, v in total.items() if k in FIELD_FLOORS and v < FIELD_FLOORS[k]} == {}
