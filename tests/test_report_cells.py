"""Cells that must not mislead (issue 16 item 5) and the one-way flow of the stages (issue 12
item 4): outputs do not import the matching stage, the check imports no output."""
from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path

from typer.testing import CliRunner

from wsoa.cli import app
from wsoa.model import Document
from wsoa.model.record import Action, Box, Event, Weakness
from wsoa.outputs.report import _how
from wsoa.normalise.text import shorten as cut
from wsoa.outputs.store import Store

ROOT = Path(__file__).resolve().parent.parent / "wsoa"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"))
    return {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module} | \
        {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}


def test_outputs_do_not_import_matching_and_check_imports_no_output():
    for name in ("report.py", "workbook.py"):
        assert not [m for m in _imports(ROOT / "outputs" / name) if m.startswith("wsoa.match")], name
    check = (ROOT / "match" / "check.py")
    assert not [m for m in _imports(check) if m.startswith("wsoa.outputs")]
    assert "execute(" not in check.read_text("utf-8") and "SELECT" not in check.read_text("utf-8")


def test_cut_text_ends_with_an_ellipsis_at_a_word():
    assert cut("Improve the timeliness of EHC plans across the partnership", 30) == "Improve the timeliness of EHC…"
    assert cut("short", 30) == "short"


def test_how_a_weakness_was_found_is_said_in_words():
    assert _how("theme autism_adhd and wording") == "same theme (Autism & ADHD assessment waits) and similar wording"
    assert _how("closest, not named") == "closest passage; not named"


def test_story_stops_at_the_as_of_date_and_milestone_plans_say_they_print_no_start(tmp_path):
    box = Box(page=1)
    plan = Document(doc_id="somewhere-wsoa", local_area="Somewhere", doc_type="wsoa",
                    weaknesses=[Weakness(id="W1", text="w", source=box)],
                    actions=[Action(weakness_id="W1", ref="1.1", action="a", deadlines=[dt.date(2022, 3, 31)],
                                    source=box)],
                    events=[Event(date=dt.date(2022, 1, 10), kind="statement_published", text="before", source=box),
                            Event(date=dt.date(2024, 6, 1), kind="monitoring_visit", text="after", source=box)])
    store = Store(tmp_path)
    store.put(plan)
    store.close()
    assert CliRunner().invoke(app, ["report", str(tmp_path), "--as-of", "2023-01-31"]).exit_code == 0
    page = (tmp_path / "report.html").read_text("utf-8")
    story = page.split('data-chart="events-Somewhere"')[1].split('<div class="chart"')[0]
    assert "statement published" in story and "monitoring visit" not in story
    assert "1 of 1 actions print no start date: they are drawn as a point at their deadline." in page
