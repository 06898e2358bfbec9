"""Statements of action and priority action plans: action tables, the weaknesses they answer, quotes.

Detected by structure: action tables, and how much of the document they fill; a title naming a
plan or statement and labelled weakness statements add to it. Its actions are a part any other
kind of document holding an action table keeps (a committee pack, a self-evaluation, a letter).
"""
from __future__ import annotations

import re
from copy import deepcopy

from wsoa.extract import letters
from wsoa.extract.actions import ActionContext, ReadActions, read_actions
from wsoa.data import load
from wsoa.extract.cards import tie_cards, to_action
from wsoa.extract.readers import Layout, Reader, evidence
from wsoa.extract.statements import (KEY_ENTRY, Statement, match_weakness, plan_list, quotes,
                                     weakness_statements)
from wsoa.extract.ties import Marker, cross_cutting, fuller, named, of_named, tie
from wsoa.extract.page import Page
from wsoa.extract.tables import Table
from wsoa.model import Action, Document, Quote, Weakness

PLAN = re.compile(r"\bpriority action plan\b", re.IGNORECASE)
WSOA = re.compile(r"\bwritten statement of action\b", re.IGNORECASE)
MIN_WEAKNESS_MATCH = 0.6
MIN_CARDS = 2  # actions written as labelled text that make a document a plan
CARD_SHARE = 0.25  # under this share of lines in tables, cards are looked for beside them
SAME_WEAKNESS = 0.9
STANDOUT_WORDS = 12  # a bold line this short stands alone as a heading would


def names_a_plan(pages: list[Page]) -> bool:
    """The opening pages call the document a written statement of action or a priority action plan."""
    head = " ".join(ln.text for p in pages[:2] for ln in p.lines)[:6000]
    return bool(PLAN.search(head) or WSOA.search(head))


def _cards_possible(layout: Layout) -> bool:
    """Actions may be written as cards: no action table, or tables holding under a quarter of its lines
    (an introduction or a key taken for a table); a plan of tables is not read again as cards."""
    return not layout.tables or layout.table_share < CARD_SHARE


def detect(layout: Layout) -> float:
    cards = _cards_possible(layout) and len(layout.cards) >= MIN_CARDS
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
                doc.weaknesses.append(Weakness(id=doc.next_weakness_id(), text=st.text, kind=st.kind))  # type: ignore
    else:
        first = min((t.top for t in layout.tables), default=None)
        for st in plan_list(layout.paras, first):
            listed = Weakness(id=doc.next_weakness_id(), text=st.text, kind=st.kind)  # type: ignore[arg-type]
            doc.weaknesses.append(listed)
    read_tables(layout, doc, statements)
    if (_cards_possible(layout) or not doc.actions) and len(layout.cards) >= MIN_CARDS \
            and len(layout.cards) > 2 * len(doc.actions):   # cards win over tables that gave little or nothing
        doc.warnings = [w for w in doc.warnings if w.code != "unparsed-table"]
        doc.tables = []
        doc.actions = [to_action(c, deepcopy(layout.key)) for c in layout.cards]
        doc.weaknesses = tie_cards(layout.cards, doc.actions, doc.weaknesses)
    for text, cites, page in quotes(layout.paras):
        doc.quotes.append(Quote(text=text, cites=cites, page=page))
    if not doc.actions:
        doc.warn("no-actions", "action tables were found but no action rows could be read")
    doc.edition_date = letters.edition_date(layout.paras)


def add_actions(layout: Layout, doc: Document) -> None:
    """The actions of a document of another kind, tied to the weaknesses it already names."""
    read_tables(layout, doc, weakness_statements(layout.paras), own_list=False)


def furniture(text: str) -> bool:
    """A heading that is the document's own apparatus (its title, a key, contents), never a section."""
    if named(text):
        return False
    if PLAN.search(text) or WSOA.search(text):
        return True
    low = " ".join(text.lower().split())
    return any(low == p or low.startswith(p + ":") or (" " in p and low.startswith(p + " "))
               for p in load("labels.toml")["sections"]["furniture"])


def _section(table: Table, layout: Layout) -> str | None:
    """The heading above a table: the last one before it that is neither a label ("...:"), a key entry nor furniture."""
    before = [p for p in layout.paras if p.heading and p.pos < table.top and not p.text.rstrip().endswith(":")
              and not KEY_ENTRY.match(p.text) and not furniture(p.text)]
    return before[-1].text if before else None


def _prose_markers(layout: Layout, statements: list[Statement]) -> list[tuple[tuple, Marker]]:
    """Headings (their level: their style), labelled lines and weakness statements, with their place."""
    said = {s.pos: s for s in statements}
    out: list[tuple[tuple, Marker]] = []
    for p in layout.paras:
        standout = p.heading or (p.bold and len(p.text.split()) <= STANDOUT_WORDS)
        level = f"{round(p.size)} {p.bold}" if standout else "labelled"
        if p.pos in said:
            out.append(((*p.pos, 0), Marker(said[p.pos].text, level if standout else "statement",
                                            named(p.text, standout), statement=True)))
        elif not KEY_ENTRY.match(p.text):
            name = named(p.text, standout)
            if standout or name:
                out.append(((*p.pos, 0), Marker(p.text, level, name)))
    return out


def _events(layout: Layout, statements: list[Statement], tables: list[ReadActions]) -> list[Marker | Action]:
    """Markers and actions in reading order; a banner row is a marker before the actions under it."""
    placed: list[tuple[tuple, Marker | Action]] = list(_prose_markers(layout, statements))
    for got in tables:
        group: str | None = None
        for i, a in enumerate(got.actions):
            where = (a.source.page, a.source.top) if a.source else (0, 0.0)
            if a.group and (i == 0 or a.group != group):
                placed.append(((*where, 0), Marker(a.group, "banner", named(a.group))))
            group = a.group
            placed.append(((*where, 1), a))
    return [e for _, e in sorted(placed, key=lambda x: x[0])]


def read_tables(layout: Layout, doc: Document, statements: list[Statement], own_list: bool = True) -> None:
    """Every action table's actions, warnings and quality report into the record; each action tied to
    the weakness its weakness cell, banner row, heading or statement names."""
    lg = deepcopy(layout.key)   # this reading may learn colours: the layout's key stays as read
    got_all: list[ReadActions] = []
    for i, table in enumerate(layout.tables):
        got = read_actions(table, i, lg, ActionContext(section=_section(table, layout)))
        doc.warnings.extend(got.warnings)
        if not got.actions:
            doc.warn("unparsed-table", f"a table headed {', '.join(c.header for c in table.columns if c.header)[:120]!r} "
                     "gave no action rows", table.pages[0] if table.pages else None)
        doc.actions.extend(got.actions)
        if got.report:
            doc.tables.append(got.report)
        got_all.append(got)
    known = [(w.id, w.text) for w in doc.weaknesses]

    def by_statement(text: str) -> str | None:
        wid, score = match_weakness(text, known)
        return wid if score >= MIN_WEAKNESS_MATCH else None

    columns = {id(g) for g in got_all if g.weakness_texts and not _ranks(g.weakness_texts)}
    events = _events(layout, statements, [g for g in got_all if id(g) not in columns])
    own = [] if own_list and fuller([e for e in events if isinstance(e, Marker)], doc.weaknesses) else doc.weaknesses
    listed = tie(events, own, by_statement)
    if own_list and not columns:  # a weakness column, where there is one, names the plan's weaknesses
        doc.weaknesses = listed
    elif not doc.weaknesses:  # weaknesses named by no list of the document's own: the actions answer none
        for a in doc.actions:
            a.weakness_id = None
    for got in got_all:
        if id(got) in columns:
            _weakness_column(doc, got)


def _levels() -> set[str]:
    return set(load("columns.toml")["content"]["levels"])


def _ranks(texts: list[str]) -> bool:
    """A "Priority" column of High / Medium / Low ranks the actions; it names no weakness ("Priority 2" does)."""
    full = [t.lower().strip(" .") for t in texts if t.strip()]
    return bool(full) and sum(t in _levels() and not named(t) for t in full) >= 0.6 * len(full)


def _weakness_column(doc: Document, got: ReadActions) -> None:
    """Weaknesses named in a table column: a cell naming one by number ("Priority 2") is that one of the
    plan's list; each other distinct text is a weakness (one saying it is cross-cutting, or only
    ranking, names none); each action points at its own."""
    last: str | None = None
    for action, text in zip(got.actions, got.weakness_texts):
        if not text:  # a weakness cell that was not repeated applies until the next one
            action.weakness_id = last
            continue
        name = named(text)
        wid, score = match_weakness(text, [(w.id, w.text) for w in doc.weaknesses])
        if cross_cutting(text) or (text.lower().strip(" .") in _levels() and not name):
            wid = None
        elif name and name.number and of_named(name, doc.weaknesses):
            wid = of_named(name, doc.weaknesses)
        elif wid is None or score < SAME_WEAKNESS:
            wid = doc.next_weakness_id()
            doc.weaknesses.append(Weakness(id=wid, text=text))
        action.weakness_id = last = wid


READER = Reader(kind="wsoa", detect=detect, read=read, adds=add_actions, name="plan")
