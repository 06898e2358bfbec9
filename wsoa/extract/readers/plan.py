"""Statements of action and priority action plans: action tables, the weaknesses they answer, quotes.

Detected by structure: action tables, and how much of the document they fill; a title naming a
plan or statement and labelled weakness statements add to it. Its actions are a part any other
kind of document holding an action table keeps (a committee pack, a self-evaluation, a letter).
"""
from __future__ import annotations

import re

from wsoa.extract import letters
from wsoa.extract.actions import ActionContext, ReadActions, read_actions
from wsoa.extract.cards import tie, to_action
from wsoa.extract.readers import Layout, Reader, evidence
from wsoa.extract.statements import (KEY_ENTRY, Statement, legend, match_weakness, numbered_weaknesses, quotes,
                                     weakness_statements)
from wsoa.extract.tables import Table
from wsoa.model import Document, Quote, Weakness

PLAN = re.compile(r"\bpriority action plan\b", re.IGNORECASE)
WSOA = re.compile(r"\bwritten statement of action\b", re.IGNORECASE)
MIN_WEAKNESS_MATCH = 0.6
MIN_CARDS = 2  # actions written as labelled text that make a document a plan
SAME_WEAKNESS = 0.9


def detect(layout: Layout) -> float:
    cards = len(layout.cards) >= MIN_CARDS
    if not layout.tables and not cards:
        return 0.0
    return evidence((0.5, True), (0.3 * layout.table_share, True), (0.3, cards),
                    (0.15, bool(PLAN.search(layout.head) or WSOA.search(layout.head))),
                    (0.1, bool(weakness_statements(layout.paras[:200]))))


def read(layout: Layout, doc: Document) -> None:
    """A plan's own weaknesses, its actions, its quotations of the report and its edition."""
    head = layout.head
    doc.doc_type = "priority_action_plan" if PLAN.search(head) and not WSOA.search(head) else "wsoa"
    statements = weakness_statements(layout.paras)
    if statements:
        for st in statements:
            wid, score = match_weakness(st.text, [(w.id, w.text) for w in doc.weaknesses])
            if wid is None or score < SAME_WEAKNESS:
                doc.weaknesses.append(Weakness(id=doc.next_weakness_id(), text=st.text))
    else:
        for st in numbered_weaknesses(layout.paras):
            doc.weaknesses.append(Weakness(id=doc.next_weakness_id(), text=st.text))
    read_tables(layout, doc, statements)
    if not doc.actions and len(layout.cards) >= MIN_CARDS:  # written as cards or prose, not tables
        doc.warnings = [w for w in doc.warnings if w.code != "unparsed-table"]
        doc.tables = []
        doc.actions = [to_action(c, legend(layout.pages)) for c in layout.cards]
        doc.weaknesses = tie(layout.cards, doc.actions, doc.weaknesses)
    for text, cites, page in quotes(layout.paras):
        doc.quotes.append(Quote(text=text, cites=cites, page=page))
    if not doc.actions:
        doc.warn("no-actions", "action tables were found but no action rows could be read")
    doc.edition_date = letters.edition_date(layout.paras)


def add_actions(layout: Layout, doc: Document) -> None:
    """The actions of a document of another kind, tied to the weaknesses it already names."""
    read_tables(layout, doc, weakness_statements(layout.paras))


def _context(table: Table, layout: Layout, statements: list[Statement], known: list[tuple[str, str]]) -> ActionContext:
    """The heading above a table, and the weakness the statement (or heading) above it names."""
    headings = [p for p in layout.paras
                if p.heading and not p.text.rstrip().endswith(":") and not KEY_ENTRY.match(p.text)]
    before = [h for h in headings if h.pos < table.top]
    ctx = ActionContext(section=before[-1].text if before else None)
    prior = [s for s in statements if s.pos < table.top]
    said = prior[-1].text if prior else (before[-1].text if before and known else None)
    if said is not None:
        wid, score = match_weakness(said, known)
        ctx.weakness_id = wid if score >= MIN_WEAKNESS_MATCH else None
    return ctx


def read_tables(layout: Layout, doc: Document, statements: list[Statement]) -> None:
    """Every action table's actions, warnings and quality report into the record."""
    known = [(w.id, w.text) for w in doc.weaknesses]
    lg = legend(layout.pages)
    for i, table in enumerate(layout.tables):
        got = read_actions(table, i, lg, _context(table, layout, statements, known))
        doc.warnings.extend(got.warnings)
        if not got.actions:
            doc.warn("unparsed-table", f"a table headed {', '.join(c.header for c in table.columns if c.header)[:120]!r} "
                     "gave no action rows", table.pages[0] if table.pages else None)
        if got.weakness_texts:
            _weakness_column(doc, got)
        doc.actions.extend(got.actions)
        if got.report:
            doc.tables.append(got.report)


def _weakness_column(doc: Document, got: ReadActions) -> None:
    """Weaknesses named in a table column: each distinct text is a weakness, each action points at its own."""
    last: str | None = None
    for action, text in zip(got.actions, got.weakness_texts):
        if not text:  # a weakness cell that was not repeated applies until the next one
            action.weakness_id = last
            continue
        wid, score = match_weakness(text, [(w.id, w.text) for w in doc.weaknesses])
        if wid is None or score < SAME_WEAKNESS:
            wid = doc.next_weakness_id()
            doc.weaknesses.append(Weakness(id=wid, text=text))
        action.weakness_id = last = wid


READER = Reader(kind="wsoa", detect=detect, read=read, adds=add_actions, name="plan")
