"""Column roles from the cells below a header, for the columns its words do not name or name weakly.

A column of refs, status words or marks, dates or short names takes that role (normalise/content.py);
a header role that is only a phrase inside a longer header or a fuzzy match (score < STRONG) yields to
a checkable role the cells show, and a weak ref, date or status role over running text is dropped.
Two or more date columns are ordered (the earlier dates start); a column under a spanning date label
("Timescale" over "Start | End") is the group's other date; with no action column named outright, the
action is the running text with one plain sentence per ref (not dated items, targets or reports). A
header found by structure alone must then make an action table (`is_action_table`).
"""
from __future__ import annotations

from collections.abc import Callable, Iterable

from wsoa.extract.cell_items import entry_tops, hard_breaks, unbroken_text, words_after
from wsoa.extract.grid import Cell, Column, Row, marks_in
from wsoa.extract.header import KEY_ROLES, MIN_ROLES, dedupe_roles, revisions
from wsoa.extract.page import Page
from wsoa.normalise.dates import find_dates
from wsoa.normalise.roles import synonyms
from wsoa.normalise.text import fold
from wsoa.normalise.status import Legend
from wsoa.normalise.content import (broken_header_role, header_role, kind_share, lists_dated_items,
                                    content_words, order_date_columns, post_share, role_from_content,
                                    text_kind)

DATES = ("start", "deadline")
CHECKABLE = {"ref", "start", "deadline", "status"}   # roles a column's content shows beyond doubt
RUNNING_TEXT = 5      # mean words per cell of a column of running text (an action column)
SHORT_ITEM = 3        # mean words per cell of a column of short items (milestones in sub-rows)
CONTENT_SCORE = 50.0  # a role read from the content yields to one named by the header
PHRASE_SCORE = 80.0  # a header's role read from a phrase inside it
STRONG = 95.0         # a header role scored below this (a phrase in a longer header, a fuzzy match) is weak
PLAN_TEXT = {"milestones", "measures", "phases"}   # text only a plan holds: with it, a column of names bears out a lead
TEXT_ROLES = {"action", "milestones", "measures", "weakness", "outcome"}   # roles of running text
SHORT_ROLES = ("lead", "resource")   # roles of short names: a phrase of one inside a long header tells which


def _body_cells(rows: list[Row], ci: int) -> list[Cell]:
    """A column's distinct body cells (group rows left out)."""
    seen: list[Cell] = []
    for r in rows:
        cell = r.cells.get(ci)
        if cell is not None and not r.spanning and all(cell is not o for o in seen):
            seen.append(cell)
    return seen


def _column_cells(page: Page, rows: list[Row], ci: int, col: Column, known: set[str]) -> tuple[list[str], list]:
    """A column's distinct body cells (group rows left out): texts (words broken by the column rejoined
    unless `known`, printed whole after another word in the table), and fills or marks drawn inside them."""
    seen = _body_cells(rows, ci)
    fills = []
    for cell in seen:
        marks = [s.rgb for s in page.shapes if cell.top <= (s.top + s.bottom) / 2 < cell.bottom
                 and col.x0 <= (s.x0 + s.x1) / 2 < col.x1]
        if cell.rgb is None and not marks and len(cell.parts) > 1:  # a colour per sub-row: each says a status
            fills.extend(rgb for _, rgb in cell.parts)
        else:
            fills.append(cell.rgb if cell.rgb is not None else (marks[0] if marks else None))
    return [unbroken_text(c, col.x0, col.x1, known.__contains__) for c in seen], fills


def content_roles(page: Page, cols: list[Column], rows: list[Row],
                  legend: Legend | None = None) -> tuple[dict[int, str], set[str]]:
    """Columns whose header names no role, or names one only weakly, take the role their content shows
    (ref, status, dates, lead); two or more date columns are ordered (the earlier dates start); with no
    action column named outright, the action is told from the other running text. Returns why, per
    column settled, and the roles of ref, dates and status that the cells bear out."""
    why: dict[int, str] = {}
    known = words_after(rows)
    cells = {i: _column_cells(page, rows, i, c, known) for i, c in enumerate(cols)}
    named_status = any(o.role == "status" and o.score >= STRONG for o in cols)
    for i, c in enumerate(cols):
        if c.role is None and c.header:  # a header too long for a label, but wrapped mid-word: a weak role
            c.role, c.score = _unheld(broken_header_role(c.header, c.narrow), cols) or (None, 0.0)
        if c.role is None or c.score < STRONG:  # fills say status only where no status column is named
            fills = [None] * len(cells[i][1]) if named_status and c.role != "status" else cells[i][1]
            found = role_from_content(cells[i][0], fills, c.header or c.group or None, legend)
            _settle(c, i, _short_named(found, c.header, cols), cells[i][0], why)
        if c.role is None and not named_status and _marked(page, rows, c):
            c.role, c.score, why[i] = "status", CONTENT_SCORE, "a coloured mark in most of its cells"
        if c.role is None and c.header:  # no role the cells show: a long header's, unless its cells refute it
            hint = _unheld(_long_header_role(c.header), cols) or _unheld(_long_header_role(c.header, SHORT_ROLES), cols)
            c.role, c.score = hint if hint and _bears(hint[0], cells[i][0]) else (None, 0.0)
    revised = revisions(cols)
    dated = {i: cells[i][0] for i, c in enumerate(cols) if c.role in DATES and not any(c is r for r in revised)}
    if len(dated) >= 2 and any(i in why for i in dated):
        named = {cols[i].role for i in dated if i not in why}  # a date its header names is not taken again
        free = [r for r in DATES if r not in named]
        for i, role in order_date_columns(dated, {i: cols[i].header for i in dated}).items():
            if i in why:
                cols[i].role = free[0] if role in named and len(free) == 1 else role
    _dates_under_label(cols, cells, why)
    if not any(c.role == "action" and c.score >= STRONG for c in cols):
        _action_from_text(cols, cells, why, lambda i: hard_breaks(_body_cells(rows, i)))
    shown = _shown(cols, cells, why, legend) | _beside_the_action(cols, cells, why) | _entries_by_dates(cols, rows, why)
    _weakness_from_text(cols, cells, why)
    _empty_yields(cols, cells, why)
    _one_lead(cols, cells, why)
    dedupe_roles(cols)
    return why, shown


def _marked(page: Page, rows: list[Row], col: Column) -> bool:
    """A column with a coloured mark (a dot, a shape) in two or more rows and in half the rows or more:
    marks say a status even all in one colour (fills in one colour may be a highlight)."""
    body = [r for r in rows if not r.spanning and any(c.words for c in r.cells.values())]
    marked = sum(1 for r in body if marks_in(page, col.x0, r.top, col.x1, r.bottom,
                                             [w for c in r.cells.values() for w in c.words]))
    return marked >= 2 and 2 * marked >= len(body)


def _one_lead(cols: list[Column], cells: dict[int, tuple[list[str], list]], why: dict[int, str]) -> None:
    """Of the columns whose short names the content reads as leads, the one naming posts most often
    (head, manager, officer, forum) keeps the role: codes or phrases ("AR", "Within budget") yield."""
    leads = [i for i in why if cols[i].role == "lead"]
    if len(leads) < 2:
        return
    best = max(leads, key=lambda i: (post_share(cells[i][0]), -i))
    for i in leads:
        if i != best:
            cols[i].role, cols[i].score = None, 0.0
            why[i] += "; another column names more posts"


def _unheld(hint: tuple[str, float] | None, cols: list[Column]) -> tuple[str, float] | None:
    """A weak role for a column, unless another column's header names it outright."""
    return hint if hint and not any(o.role == hint[0] and o.score >= STRONG for o in cols) else None


def _bears(role: str, texts: list[str]) -> bool:
    """Cells that may hold a role: no running text, or, for a date, dates in every cell ("tender by Jan 2023")."""
    full = [t for t in texts if t.strip()]
    return not _running(full) or (role in DATES and all(find_dates(t) for t in full))


def _long_header_role(header: str, roles: Iterable[str] = CHECKABLE) -> tuple[str, float] | None:
    """A header longer than a label ("Month in which the work on this action will begin") holding a phrase of
    one of `roles` (by default those its cells could show: ref, dates, status), where the cells show no
    role: that role, weakly (the longest such phrase)."""
    words = f" {fold(header)} "
    found = [(len(p), role) for role in roles for p in synonyms()[role] + _label_words(role)
             if len(p) >= 4 and f" {p} " in words]
    return (max(found)[1], PHRASE_SCORE) if found else None


def _label_words(role: str) -> list[str]:
    """Single words that name the role inside a longer header (data/columns.toml, [content])."""
    return list(content_words().get(f"label_words_{role}", []))


def _short_named(found: tuple[str | None, str], header: str, cols: list[Column]) -> tuple[str | None, str]:
    """Short names the content reads as one of SHORT_ROLES, under a header whose phrase names the other
    ("Additional resource or funding needed"): the header's role."""
    phrase = _unheld(_long_header_role(header, SHORT_ROLES), cols) if found[0] in SHORT_ROLES and header else None
    if phrase and phrase[0] != found[0]:
        return phrase[0], f"short names under a header naming {phrase[0]}"
    return found


def _settle(c: Column, i: int, found: tuple[str | None, str], texts: list[str], why: dict[int, str]) -> None:
    """A column without a role takes the one its content shows; a weak header role (a phrase inside a
    longer header, a fuzzy match) yields to a checkable role the content shows, and is dropped when it
    names a checkable role over running text, or a date over cells with no date."""
    role, reason = found
    if role and (c.role is None or (role in CHECKABLE and role != c.role)):
        weak = f", not {c.role} as its header {c.header!r} loosely says" if c.role else ""
        c.role, c.score, why[i] = role, CONTENT_SCORE, reason + weak
    elif c.role in CHECKABLE and role is None and (_running(texts) or _no_date(c.role, texts)):
        why[i] = f"running text or no date, not the {c.role} its header {c.header!r} loosely names"
        c.role, c.score = None, 0.0


def _no_date(role: str, texts: list[str]) -> bool:
    """A date role over cells holding text and not one date."""
    full = [t for t in texts if t.strip()]
    return role in DATES and bool(full) and not any(find_dates(t) for t in full)


def _running(texts: list[str], words: int = RUNNING_TEXT) -> bool:
    """Most of a column's words are sentences: a mean of `words` words or more per cell."""
    full = [t for t in texts if t.strip()]
    return bool(full) and sum(len(t.split()) for t in full) / len(full) >= words


def _shown(cols: list[Column], cells: dict[int, tuple[list[str], list]], why: dict[int, str],
           legend: Legend | None = None) -> set[str]:
    """The checkable roles (ref, dates, status) and the lead whose columns' cells bear them out."""
    out = set()
    for i, c in enumerate(cols):
        if c.role not in CHECKABLE | {"lead"}:
            continue
        seen = c.role if i in why else role_from_content(cells[i][0], cells[i][1], c.header or None, legend)[0]
        if seen == c.role or (seen in DATES and c.role in DATES):
            out.add(c.role)
            if c.role in DATES and lists_dated_items(cells[i][0]):
                out.add("phases")  # dates listed by phase or revision in a cell: an action's, as only a plan has
    return out


def _dates_under_label(cols: list[Column], cells: dict[int, tuple[list[str], list]], why: dict[int, str]) -> None:
    """A column left without a role under a spanning label that names dates ("Timescale" over
    "Start | End") is the group's other date: the start when a sibling to its right is not, else
    the deadline. So is one its cells' words alone, with no colour, called a status ("Complete",
    "Ongoing": a date's stand-ins). A column with no words, in its label or its cells, takes no role."""
    for i, c in enumerate(cols):
        worded = c.role == "status" and i in why and not any(cells[i][1])
        if not (c.role is None or worded) or not c.group or header_role(c.group)[0] not in DATES \
                or not c.header and not any(t.strip() for t in cells[i][0]):   # a sliver with no words says nothing
            continue
        later = [o for o in cols[i + 1:] if o.group == c.group]
        taken = {o.role for o in cols}
        c.role = "start" if later and "start" not in taken else "deadline"
        c.score, why[i] = CONTENT_SCORE, f"under {c.group!r}, beside its other dates"


def _entries_per_action(cols: list[Column], cells: dict[int, tuple[list[str], list]]) -> int:
    """How many actions the rows hold, counted in a column with one entry per action: the refs, else
    the leads, else the start dates (0 when none of them is there)."""
    count = {c.role: len([t for t in cells[i][0] if t.strip()]) for i, c in enumerate(cols) if c.role}
    return count.get("ref") or count.get("lead") or count.get("start") or 0


def _action_from_text(cols: list[Column], cells: dict[int, tuple[list[str], list]], why: dict[int, str],
                      breaks: Callable[[int], float] = lambda i: 0.0) -> None:
    """The action column among the running text with no role or a weak one: one plain sentence per
    row, as many entries as the refs or leads (sub-rows of milestones outnumber them, a merged
    weakness has fewer), not dated items (milestones), targets (measures) or reports (progress). A column weakly
    named for another text role is the action only when it fits so and no unnamed column does; a
    weak action role that loses is dropped. Between columns alike so far, the one whose cells break their
    lines least where a word would have fitted (`breaks`: one wrapped sentence, not a list of entries)."""
    free = {i: [t for t in cells[i][0] if t.strip()] for i, c in enumerate(cols)
            if c.role is None or (c.role in TEXT_ROLES and c.score < STRONG)}
    running = {i: ts for i, ts in free.items() if _running(ts)}
    anchor = _entries_per_action(cols, cells)
    kinds = {i: text_kind(ts) for i, ts in running.items()}
    fit = {i: abs(len(ts) - anchor) if anchor else 0 for i, ts in running.items()}
    other = {i for i in running if cols[i].role not in (None, "action")}
    running = {i: ts for i, ts in running.items()
               if i not in other or (kinds[i] is None and (fit[i] == 0 or _overfull_weakness(cols[i], ts, anchor)))}
    if not running:
        return
    best = min(running, key=lambda i: (kinds[i] is not None, fit[i], i in other, kind_share(running[i]),
                                       -len(running[i]), round(breaks(i), 1), i))
    for i in running:
        if i != best and cols[i].role == "action":
            cols[i].role, cols[i].score = None, 0.0
    kind = f", not {kinds[best]}" if kinds[best] else ""
    cols[best].role, cols[best].score = "action", CONTENT_SCORE
    why[best] = f"running text in {len(running[best])} cells, one sentence a row{kind}"


def _overfull_weakness(col: Column, texts: list[str], anchor: int) -> bool:
    """A column loosely named the weakness ("Improvement step") holding more entries than there are actions:
    a weakness spans its actions, so it is not one (an action run over its lines may be)."""
    return col.role == "weakness" and bool(anchor) and len(texts) > anchor


def _beside_the_action(cols: list[Column], cells: dict[int, tuple[list[str], list]], why: dict[int, str]) -> set[str]:
    """Text beside the action that only a plan holds: dated items, or short items outnumbering the
    refs (or the actions) as sub-rows, are milestones; targets and percentages are measures. An
    unnamed column takes the role when no column holds it. Returns the roles so borne out."""
    count = {c.role: len([t for t in cells[i][0] if t.strip()]) for i, c in enumerate(cols) if c.role}
    anchor = count.get("ref") or count.get("action") or 0
    shown = set()
    for i, c in enumerate(cols):
        texts = [t for t in cells[i][0] if t.strip()]
        if c.role not in (None, "milestones", "measures") or len(texts) < 2:
            continue
        kind = text_kind(texts) if _running(texts) else None
        if kind == "milestones" and not lists_dated_items(texts):
            kind = None   # one dated entry a row: an agenda or work programme, not a plan's milestones
        if kind is None and c.role != "measures" and anchor and len(texts) > anchor and _running(texts, SHORT_ITEM):
            kind = "milestones"
        if kind not in ("milestones", "measures") or c.role not in (None, kind):
            continue
        shown.add(kind)
        if c.role is None and kind not in count:
            c.role, c.score, why[i] = kind, CONTENT_SCORE, f"{len(texts)} cells of {kind} beside the action"
            count[kind] = len(texts)
    return shown


def _entries_by_dates(cols: list[Column], rows: list[Row], why: dict[int, str]) -> set[str]:
    """With no milestone column named, an unnamed column whose cells open entries level with the dates listed
    in the deadline cell beside them, in two actions or more: milestones in sub-rows no rule parts."""
    dcol = next((i for i, c in enumerate(cols) if c.role == "deadline"), None)
    if dcol is None or any(c.role == "milestones" for c in cols):
        return set()
    for i, c in enumerate(cols):
        if c.role is not None:
            continue
        pairs = [(r.cells.get(i), r.cells.get(dcol)) for r in rows if not r.spanning]
        hits = sum(1 for m, d in pairs if m is not None and d is not None and m.words and d.words and entry_tops(m, d))
        if hits >= 2:
            c.role, c.score, why[i] = "milestones", CONTENT_SCORE, f"entries level with the dates beside them in {hits} rows"
            return {"milestones"}
    return set()


def _weakness_from_text(cols: list[Column], cells: dict[int, tuple[list[str], list]], why: dict[int, str]) -> None:
    """With no weakness column named, a column of plain sentences each spanning several actions (a cell
    merged down over them, or the same text repeated), its header naming no role, says what they answer:
    the weakness."""
    if any(c.role == "weakness" for c in cols):
        return
    count = {c.role: len([t for t in cells[i][0] if t.strip()]) for i, c in enumerate(cols) if c.role}
    anchor = count.get("ref") or count.get("action") or 0
    for i, c in enumerate(cols):
        texts = [t for t in cells[i][0] if t.strip()]
        if c.role is None and texts and _running(texts) and not text_kind(texts) and len(set(texts)) < anchor \
                and _sentences(texts) and header_role(c.header)[0] is None:
            c.role, c.score = "weakness", CONTENT_SCORE
            why[i] = f"{len(set(texts))} sentences over {anchor} actions"
            return


def _empty_yields(cols: list[Column], cells: dict[int, tuple[list[str], list]], why: dict[int, str]) -> None:
    """A column its header names, with no text or colour in any cell, gives its role up to a column whose
    cells bear that role out ("RAG | status": a header cut in two over one column of statuses)."""
    for i, c in enumerate(cols):
        texts, fills = cells[i]
        if c.role and i not in why and not any(t.strip() for t in texts) and not any(fills) and any(
                o.role == c.role and j in why for j, o in enumerate(cols)):
            why[i] = f"empty, its {c.role} shown by another column's cells"
            c.role, c.score = None, 0.0


def _sentences(texts: list[str]) -> bool:
    """Words, not figures: seven tenths of the words hold letters ("aged 16 to 25" is in a sentence)."""
    words = [w for t in texts for w in t.split()]
    return sum(any(ch.isalpha() for ch in w) for w in words) >= 0.7 * len(words)


def is_action_table(cols: list[Column], shown: set[str], lenient: bool = False) -> str | None:
    """None when the columns make an action table; else why not: an action column, and two roles
    that its cells bear out beyond doubt (two of ref, start, deadline, status, or milestones and
    measures told by their text; a lead counts beside these last, or beside dates listed by phase): a list of dated items with a
    lead (a committee's work programme) is not an action table. `lenient` (a plan in which no table
    passed): an action column and one other role, over three columns or more, are enough."""
    roles = {c.role for c in cols if c.role}
    if not roles & KEY_ROLES:
        return "no column of actions"
    if lenient and len(cols) >= MIN_ROLES and roles - KEY_ROLES - {"weakness"}:
        return None
    counted = (shown if shown & PLAN_TEXT else shown - {"lead"}) - {"phases"}
    if len(counted) < MIN_ROLES - 1:
        return f"its columns carry {', '.join(sorted(roles))}; the cells bear out only " \
               f"{', '.join(sorted(counted)) or 'none of ref, dates, status'}"
    return None
