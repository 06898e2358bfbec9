"""What letters and other prose documents say: their date, listed weaknesses, judgements,
recommendations, revisit verdicts and 2023-framework items (the readers in readers/ call these)."""
from __future__ import annotations

import re
from datetime import date

from wsoa.extract.grid import Cell, Row, build_rows
from wsoa.extract.header import rule_columns
from wsoa.extract.items import list_items
from wsoa.extract.page import Page, group_lines
from wsoa.extract.prose import Paragraph
from wsoa.extract.stitch import join_split_row
from wsoa.model import Box, Document, Judgement, Recommendation, Weakness
from wsoa.normalise.dates import find_dates
from wsoa.normalise.text import ITEM_MARK, clean, is_bullet, join_lines, mark_style, strip_quotes

INTRO = re.compile(r"(?:areas?\s+of\s+significant\s+weakness|significant\s+weaknesses|following\s+(?:areas|weaknesses))"
                   r"[^.]*:\s*$|following\s+(?:\w+\s+){0,3}areas?\s+of\s+(?:significant\s+)?(?:weakness|concern)[^:]*[.:]\s*$",
                   re.IGNORECASE)
DATE_LABEL = re.compile(r"^(?:meeting\s+date|date\s+of\s+(?:the\s+)?meeting|date|dated)\s*:\s*(?P<rest>.+)$", re.IGNORECASE)
RECOMMENDATION = re.compile(r"^recommendation\s+(?P<n>\d{1,2}[a-z]?)\s*[.:\-–]?\s*(?P<rest>.*)$", re.IGNORECASE)
EDITION = re.compile(r"\b(?:version|updated|last\s+updated|revised|as\s+at|date\s+of\s+(?:this\s+)?(?:update|version|"
                     r"publication)|published)\b[^.]{0,40}$", re.IGNORECASE)


def document_date(paras: list[Paragraph]) -> date | None:
    """The date a letter or report is dated: a paragraph that is only a date, or "Date: ..."."""
    for p in paras[:40]:
        label = DATE_LABEL.match(p.text.strip())
        text = label.group("rest") if label else p.text
        hits = find_dates(text)
        if hits and hits[0].value and (label or len(p.text) <= len(hits[0].raw) + 4):
            return hits[0].value
    return None


def edition_date(paras: list[Paragraph]) -> date | None:
    """A plan's edition: "Version 3, updated 14 March 2023", "As at 31 January 2023" on its first pages."""
    for p in paras[:80]:
        if p.page > 3:
            break
        for hit in find_dates(p.text, "start"):
            before = p.text[:p.text.find(hit.raw)] if hit.raw in p.text else ""
            if hit.value and EDITION.search(before):
                return hit.value
    return None


def recommendations(paras: list[Paragraph]) -> list[Recommendation]:
    """"Recommendation 1 ..." paragraphs (a label alone takes the next paragraph); the first of each number."""
    out: dict[str, Recommendation] = {}
    for i, p in enumerate(paras):
        m = RECOMMENDATION.match(p.text.strip())
        if not m or m.group("n") in out:
            continue
        text = m.group("rest") or (paras[i + 1].text if i + 1 < len(paras) else "")
        if len(text.split()) >= 3:
            out[m.group("n")] = Recommendation(number=m.group("n"), text=clean(text),
                                               source=Box(page=p.page, top=p.top, bottom=p.bottom))
    return list(out.values())


def listed_weaknesses(doc: Document, paras: list[Paragraph]) -> None:
    """The significant weaknesses a letter (or committee pack) lists after its introduction."""
    for text, page in significant_weaknesses(paras):
        doc.weaknesses.append(Weakness(id=doc.next_weakness_id(), text=text, kind="significant_weakness",
                                       source=Box(page=page)))


def significant_weaknesses(paras: list[Paragraph]) -> list[tuple[str, int]]:
    """The list that follows "... the following areas of significant weakness:" (the last such list;
    a list introduced only as "the following areas:" when no introduction names significant weakness)."""
    found: list[tuple[str, int]] = []
    named = False
    for i, p in enumerate(paras):
        if not INTRO.search(p.text):
            continue
        items: list[tuple[str, int]] = []
        style: str | None = None
        for q in paras[i + 1:]:
            is_item = (q.item or bool(ITEM_MARK.match(q.text))) and mark_style(q.text) == (style or mark_style(q.text))
            style = style or (mark_style(q.text) if is_item else None)
            if not is_item and not (items and q.text[:1].islower()):
                break
            text = clean(ITEM_MARK.sub("", q.text, count=1))
            if items and not is_item:
                items[-1] = (f"{items[-1][0]} {text}", items[-1][1])
            else:
                items.append((text, q.page))
        strong = bool(re.search(r"significant\s+weakness", p.text, re.IGNORECASE))
        if items and (strong or not named):
            found, named = items, strong
    return found


JUDGEMENT_KINDS = {"strengths": "strength", "areas for development": "development",
                   "areas for improvement": "development", "areas for further development": "development"}


def judgements(paras: list[Paragraph]) -> list[Judgement]:
    """The items listed under "Strengths" and "Areas for development", with the heading above them
    (the last plain paragraph before the label, e.g. "The effectiveness of the local area in ...")."""
    out: list[Judgement] = []
    kind: str | None = None
    heading: str | None = None
    last_plain: str | None = None
    for p in paras:
        label = p.text.strip().rstrip(":").lower()
        if label in JUDGEMENT_KINDS:
            kind, heading = JUDGEMENT_KINDS[label], last_plain
            continue
        is_item = p.item or bool(ITEM_MARK.match(p.text))
        if kind and is_item:
            out.append(Judgement(heading=heading, kind=kind, text=clean(ITEM_MARK.sub("", p.text, count=1)),
                                 source=Box(page=p.page, top=p.top, bottom=p.bottom)))
        elif kind and out and p.text[:1].islower():  # an item cut by a page break
            out[-1].text = f"{out[-1].text} {clean(p.text)}"
        else:
            kind = None
            if not p.heading and len(p.text.split()) <= 40:
                last_plain = clean(p.text)
    return out


FOUND_BEFORE = re.compile(r"^(?:.{0,40}?)\bat the (?:time of the )?(?:initial|first|original|previous) inspection,?\s+"
                          r"(?:the\s+)?inspectors\s+(?:found|identified)"
                          r"(?:\s+that|\s+the\s+following)?\s*:?\s*", re.IGNORECASE)
VERDICT = re.compile(r"\b(?:has|have|had)\s+(not\s+)?made\s+sufficient\s+progress\b", re.IGNORECASE)
THIS_WEAKNESS = re.compile(r"\bthis\s+(?:area\s+of\s+)?(?:significant\s+)?weakness\b", re.IGNORECASE)


def read_revisit(doc: Document, paras: list[Paragraph]) -> None:
    """Revisit letters: the overall verdict, and each weakness of the first inspection with its own verdict.

    A weakness is the text after "At the initial inspection, inspectors found ..." (or a bold
    heading); its verdict is the next sentence saying the area has (not) made sufficient progress
    in addressing "this weakness".
    """
    current: tuple[str, int] | None = None
    for i, p in enumerate(paras):
        found = FOUND_BEFORE.match(p.text)
        if found:
            rest = p.text[found.end():].strip() or (paras[i + 1].text if i + 1 < len(paras) else "")
            current = (clean(strip_quotes(ITEM_MARK.sub("", rest, count=1))), p.page)
            continue
        if p.bold and not p.heading and 4 <= len(p.text.split()) <= 60 and not VERDICT.search(p.text):
            current = (clean(p.text), p.page)
            continue
        for sentence in re.split(r"(?<=[.!?])\s+", p.text):
            verdict = VERDICT.search(sentence)
            if not verdict:
                continue
            if THIS_WEAKNESS.search(sentence) and current:
                doc.weaknesses.append(Weakness(id=doc.next_weakness_id(), text=current[0],
                                               kind="significant_weakness", source=Box(page=current[1]),
                                               progress="insufficient" if verdict.group(1) else "sufficient"))
                current = None
            elif doc.outcome is None and not THIS_WEAKNESS.search(sentence):
                doc.outcome = clean(sentence)


MAX_LINES_BEFORE_TABLE = 4  # a sentence or two ("two areas for priority action") may stand before the table
SECTION_KINDS = (("areas for priority action", "priority_action"), ("areas for improvement", "improvement"))


def read_framework_2023(doc: Document, pages: list[Page], paras: list[Paragraph]) -> None:
    """2023-framework reports: the outcome sentence, areas for priority action, areas for improvement.

    Items come from the ruled table under each heading (one row = one item, a row cut by a page
    break joined; a "Responsible body" column kept), or, without a table, one paragraph = one item.
    """
    for h in (p for p in paras if p.heading):
        if h.text.strip().lower() == "inspection outcome":
            after = [p for p in paras if p.pos > h.pos and not p.heading]
            if after:
                doc.outcome = re.split(r"(?<=[.!?])\s+(?=[A-Z])", after[0].text)[0]
    names = [n for n, _ in SECTION_KINDS]
    for name, kind in SECTION_KINDS:
        for i, h in enumerate(paras):
            if h.text.strip().lower() != name:
                continue
            # the section ends at the next heading, the other section, or a short bold title line
            ends = [p.pos for p in paras[i + 1:] if name not in p.text.lower() and (
                p.heading or p.text.strip().lower() in names or (p.bold and len(p.text.split()) <= 8))]
            end = ends[0] if ends else (len(pages) + 1, 0.0)
            items = _table_items(pages, (h.page, h.bottom), end, name) or _listed(doc, pages, h, end, name)
            for text, body, page in items:
                doc.weaknesses.append(Weakness(id=doc.next_weakness_id(), text=text, kind=kind,
                                               responsible_body=body, source=Box(page=page)))
            break


def _listed(doc: Document, pages: list[Page], heading: Paragraph, end: tuple[int, float],
            name: str) -> list[tuple[str, str | None, int]]:
    """Items written as paragraphs or bullets; a count the report states that disagrees is warned."""
    found = list_items(pages, (heading.page, heading.bottom), end, name)
    if found.stated is not None and found.stated != len(found.items):
        doc.warn("item-count", f"the report states {found.stated} {name} but {len(found.items)} were read",
                 heading.page)
    return [(it.text, it.body, it.page) for it in found.items]


def _table_items(pages: list[Page], start: tuple[int, float], end: tuple[int, float],
                 name: str) -> list[tuple[str, str | None, int]]:
    """Items of the ruled table between `start` and `end`: one row each, a row cut by a page break
    joined (the table finder's stages: columns from rules, grid, split-row stitching)."""
    rows: list[tuple[Row, int]] = []  # each row with its table's number of columns
    for page in pages:
        if not start[0] <= page.number <= end[0]:
            continue
        top = start[1] if page.number == start[0] else 0.0
        bottom = end[1] if page.number == end[0] else page.height
        lines = [ln for ln in page.lines if top <= ln.top < bottom]
        ruled = [(ln, cols) for ln in lines[:MAX_LINES_BEFORE_TABLE] if (cols := rule_columns(page, ln))]
        if not ruled:  # the table has ended (or there is none)
            break
        first, cols = ruled[0]
        top = max(top, first.top - 1)
        found = [r for r in build_rows(page, cols, top, min(bottom, max(ln.bottom for ln in lines) + 2), True, 0)
                 if not _title_row(r, len(cols), name)]
        join_split_row([r for r, _ in rows], found, cols, text_col=len(cols) - 1)
        rows += [(r, len(cols)) for r in found]
    items = []
    for row, n in rows:
        body = row.text(0) if n > 1 else None
        items += [(text, body or None, row.page) for text in _cell_items(row.cells.get(n - 1)) if text]
    return items


def _title_row(row: Row, n_cols: int, name: str) -> bool:
    """An empty row, or the row repeating the section's title."""
    text = " ".join(row.text(ci) for ci in range(n_cols))
    return not text.strip() or name in text.lower() and len(text) < 80


def _cell_items(cell: Cell | None) -> list[str]:
    """A cell's text as items: a line opening with the next item number ("1.", then "2.") starts a new
    one; bullets inside an item stay in it."""
    if cell is None:
        return []
    items: list[list[str]] = []
    expected = 1
    for line in group_lines(cell.words, cell.page):
        words = line.words[1:] if is_bullet(line.words[0].text) and len(line.words) > 1 else line.words
        text = " ".join(w.text for w in words)
        number = re.fullmatch(r"\(?(\d{1,2})[.)]", line.words[0].text)
        if number and int(number.group(1)) == expected and len(line.words) > 1:
            expected += 1
            items.append([text])
        elif not items:
            items.append([text])
        else:
            items[-1].append(text)
    return [clean(ITEM_MARK.sub("", join_lines(lines), count=1)) for lines in items]
