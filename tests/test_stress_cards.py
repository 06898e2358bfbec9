"""The card/prose family of the stress generator (stress/cards.py, issue 13): its truth, its coverage of the card
axes, and the pipeline's scores on a fixed small sample (printed with -s; floors a little under what it
measures). Renderers: reportlab, Word, web page and Chromium's PDF (CI has no LibreOffice)."""
from __future__ import annotations

import json
import time

import pytest

from stress import cards
from stress.card_blocks import KV, document
from stress.generate import available_renderers
from stress.plan import truth
from stress.render_cards import write
from stress.score import score_sample, summary

SEED, N = 13, 16
# Measured on this sample (2026-11-23, session 6, without LibreOffice): recall 0.85, precision 0.99, ref 0.89,
# lead 1.00, start 0.99, deadline 0.88, status 0.93, weakness 0.93; with cards read beside a table that holds
# few of the lines (a paragraph taken for a text-aligned table): recall 0.93, precision 1.00, ref 0.96, lead
# 0.99, start 0.99, deadline 1.00, status 0.94, weakness 0.90. Session 7 (cards8: weakness lists, statuses with
# their date, labels wrapped or cut by a page, one-field actions): every figure 1.00. Session 8 (cards9: list
# marks, numbered lists of web pages and Word, page breaks, weaknesses from the cards' own text; the printed web
# page's running header and footer no longer printed over its text): every figure 1.00, floors raised to 0.98.
# A drop below a floor is a regression.
RECALL_FLOOR = 0.98
PRECISION_FLOOR = 0.98
FIELD_FLOORS = {"ref": 0.98, "lead": 0.98, "start": 0.98, "deadline": 0.98, "status": 0.98, "weakness": 0.98}


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> list[tuple]:
    out = tmp_path_factory.mktemp("cards")
    renderers = [r for r in available_renderers(office=False) if r != "docx_pdf"]
    plans = [cards.sample(SEED, i, renderers) for i in range(N)]
    return [(p, write(p, out)) for p in plans]


def _printed(plan) -> str:
    parts = []
    for group in document(plan):
        for b in group:
            rows = [k + [r for ln in v for r in ln] for k, v, _ in b.rows] if isinstance(b, KV) else [b.runs]
            parts += [r.text for row in rows for r in row]
    return " ".join("".join(parts).split())


def test_truth_is_the_table_familys_form_and_every_value_is_printed(batch):
    for plan, path in batch:
        t = json.loads(path.with_name(f"{plan.doc_id}.truth.json").read_text("utf-8"))
        assert t == json.loads(json.dumps(truth(plan))) and t["layout"]["form"] in cards.FORMS
        text = _printed(plan)
        for row in t["actions"]:
            assert row["action"] in text, row["action"]
            for key in ("ref", "lead"):
                assert not row[key] or row[key] in text, (plan.doc_id, key)


def test_every_card_axis_value_occurs_in_a_larger_draw():
    renderers = ["reportlab", "docx", "html", "html_pdf"]
    drawn = [cards.draw_axes(1, i, renderers) for i in range(40)]
    for axis, values in cards.AXES.items():
        wanted = set(renderers) if axis == "renderer" else set(values)
        assert wanted <= {d[axis] for d in drawn}, axis


def test_pipeline_scores_on_the_card_sample(batch):
    t0 = time.monotonic()
    total, groups = score_sample(batch, lambda plan: plan.layout["form"])
    print(f"\ncard sample ({time.monotonic() - t0:.0f} s):", summary(total))
    for form, r in groups.items():
        print(f"  {form:15s}", summary(r))
    assert total["recall"] >= RECALL_FLOOR and total["precision"] >= PRECISION_FLOOR
    assert {k: v for k, v in total.items() if k in FIELD_FLOORS and v < FIELD_FLOORS[k]} == {}
