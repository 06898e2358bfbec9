"""What a statement's prose says: its weaknesses, its quotations of the report, its status key,
its local area and its inspection dates."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from rapidfuzz import fuzz

from wsoa.data import load
from wsoa.extract.cards import Labels
from wsoa.extract.prose import Paragraph
from wsoa.extract.ties import cross_cutting, named
from wsoa.normalise.dates import find_dates
from wsoa.normalise.status import STATUSES
from wsoa.normalise.text import ITEM_MARK, clean, strip_citation, strip_quotes

WEAKNESS_LABEL = re.compile(
    r"^(?:(?:the\s+)?(?:significant\s+)?(?:area|areas)\s+(?:of|for)\s+(?:significant\s+)?(?:weakness|priority action)"
    r"[^:]{0,60}|significant\s+weakness(?:es)?(?:\s+identified)?|(?:identified\s+)?weakness\s*\d*|"
    r"area\s+for\s+priority\s+action\s*\d*|priority\s+action\s*\d*)\s*[:\-–]\s*(?P<rest>.*)$",
    re.IGNORECASE)
SAID = re.compile(r"^(?P<who>[A-Z][\w&' ]{1,40}?)\s+(?:said|found|reported|stated)\s*:\s*(?P<rest>.+)$")
LABEL_PREFIX = re.compile(r"^(?:main findings?|key findings?|finding|inspection findings?)\s*:\s*", re.IGNORECASE)
KEY_ENTRY = re.compile(rf"^(?:{'|'.join(STATUSES)}|grey)\s*[:\-–]", re.IGNORECASE)  # "Blue: Completed"


@dataclass
class Statement:
    text: str
    pos: tuple[int, float]
    page: int
    kind: str = "significant_weakness"


def weakness_statements(paras: list[Paragraph]) -> list[Statement]:
    """Weakness statements introduced by a label ("Significant weakness identified: ..."), in order.

    A label standing alone takes the next paragraph; a leading "Ofsted and CQC said:", quotation
    marks and a trailing citation are removed.
    """
    out: list[Statement] = []
    for i, p in enumerate(paras):
        m = WEAKNESS_LABEL.match(p.text)
        if not m:
            continue
        rest = m.group("rest").strip()
        if not rest and i + 1 < len(paras):
            rest = paras[i + 1].text
        text = _statement_text(_own_words(rest))
        if len(text.split()) >= 3 and not cross_cutting(text):
            out.append(Statement(text, p.pos, p.page, list_kind(p.text[:m.start("rest")])))
    return out


def _own_words(text: str) -> str:
    """A labelled statement's own words: up to the next field's label where an action's fields run on in one
    paragraph ("... Lead: ..."), without a label and number of its own ("Area of weakness 1: ...")."""
    after = next((m for m in Labels().pattern.finditer(text) if m.start() > 0), None)
    text = text[:after.start()].strip() if after else text
    name = named(text)
    return name.text if name and name.number and name.text != clean(text) else text


def _statement_text(text: str) -> str:
    said = SAID.match(text)
    if said:
        text = said.group("rest")
    text, _ = strip_citation(text)
    return strip_quotes(clean(text)).rstrip()


INTRODUCES = re.compile(r"weakness|areas? (?:of|for) (?:concern|improvement|priority|development)|priorities\b|"
                        r"\bareas\b[^.:]*:$", re.IGNORECASE)  # "... the following areas that partners must address:"


def plan_list(paras: list[Paragraph], until: tuple[int, float] | None = None) -> list[Statement]:
    """The plan's own lists (before `until`, its first action table): the list items right after each
    paragraph or heading that introduces weaknesses, priorities or improvements, without their marks,
    each of the kind its introduction names (the first list of each kind). A heading or a change of
    style ends a list and is never an item; an item that only ranks ("High", "Medium") is not a weakness. A
    heading saying what follows answers no single weakness ("Enabling actions (not tied to one weakness)")
    introduces no list, and items that are an action's labelled fields are no list of weaknesses."""
    out: list[Statement] = []
    i = 0
    while i < len(paras) and (until is None or paras[i].pos < until):
        p = paras[i]
        introduces = INTRODUCES.search(p.text) and not named(p.text, p.heading or p.bold) and not cross_cutting(p.text)
        items = _items([q for q in paras[i + 1:] if until is None or q.pos < until]) if introduces else []
        items = [] if _fields(items) else items
        kind = list_kind(p.text)
        if all(st.kind != kind for st in out):  # a later list of the same kind restates or answers the first
            out += [Statement(t, q.pos, q.page, kind) for q, t in items]
        i += len(items) + 1
    return out


def _fields(items: list[tuple[Paragraph, str]]) -> bool:
    """Items opening with the labels of two or more of an action's fields ("Lead: ...", "Deadline: ...")
    are the fields of actions written as a list, not a list of weaknesses."""
    roles = set()
    for _, text in items:
        m = Labels().pattern.match(text)
        roles |= {Labels().role(m.group("label"))} if m else set()
    return len(roles - {None, "weakness"}) >= 2


def _items(paras: list[Paragraph]) -> list[tuple[Paragraph, str]]:
    """The list items that open `paras`: marked ("1.", "(a)", a bullet) or numbered 1, 2, 3 in turn."""
    levels = set(load("columns.toml")["content"]["levels"])
    out: list[tuple[Paragraph, str]] = []
    for q in paras:
        mark = ITEM_MARK.match(q.text) or re.match(rf"^{len(out) + 1}\s+(?=\S)", q.text)
        start = mark.end() if mark else 0 if q.item else None  # an item's bullet may be left out of its text
        first = out[0][0] if out else q
        if q.heading or start is None or (q.bold, round(q.size)) != (first.bold, round(first.size)):
            break
        text = _statement_text(q.text[start:])
        if not text or text.lower().strip(" .") in levels:
            break
        out.append((q, text))
    return out


def list_kind(text: str) -> str:
    """The kind of list an introduction names (data/labels.toml [headings]), by its longest phrase."""
    low = " ".join(text.lower().split())
    found = [(len(p), kind) for kind, ps in load("labels.toml")["headings"].items() for p in ps
             if len(p.split()) > 1 and re.search(rf"\b{re.escape(p)}", low)]
    return max(found)[1] if found else "significant_weakness"


def quotes(paras: list[Paragraph]) -> list[tuple[str, str, int]]:
    """(text, cites, page) for every paragraph citing the report or quoting what the inspectors said."""
    out: list[tuple[str, str, int]] = []
    for p in paras:
        text = WEAKNESS_LABEL.sub(lambda m: m.group("rest"), p.text)
        text = LABEL_PREFIX.sub("", text)
        said = SAID.match(text)
        body, cites = strip_citation(text)
        if cites:
            body = SAID.match(body).group("rest") if SAID.match(body) else body
            out.append((strip_quotes(body), cites, p.page))
        elif said and re.search(r"ofsted|cqc|inspector", said.group("who"), re.IGNORECASE):
            out.append((strip_quotes(said.group("rest")), said.group("who").strip(), p.page))
    return out


AREA_END = r"(?:\s+local\s+area\s+partnership|\s+local\s+area|\s+send\b|\s+[–\-]\s|\s*[(:,]|\s*$)"
AREA_OF = re.compile(r"\b(?:inspection|statement\s+of\s+action|action\s+plan)\s+(?:of|in|for)\s+(?:the\s+)?"
                     rf"(?P<name>.+?){AREA_END}", re.IGNORECASE)
AREA_TITLE = re.compile(r"^(?:the\s+)?(?P<name>.+?)(?:'s|’s)?\s+(?:local area|special educational|send\b|area send|"
                        r"written statement|council|local authority|partnership)", re.IGNORECASE)
NAME_LINKS = {"upon", "on", "and", "of", "with", "in", "under", "by", "le", "&"}  # "Stoke-on-Trent", "Isle of Wight"
NOT_NAMES = {"the", "local", "joint", "area", "send", "written", "this", "our", "their", "its", "a", "an"}


def _area_name(raw: str) -> str | None:
    """A place name as a title prints it, or None for a fragment of a sentence: at most six words,
    each capitalised but for the links of place names (unless the title is all one case)."""
    name = re.sub(r"\s+(?:and|&)\s*$", "", raw.strip(" .,;"), flags=re.IGNORECASE)
    words = name.split()
    if not words or len(words) > 6 or words[0].lower() in NOT_NAMES:
        return None
    parts = [p for p in re.split(r"[\s\-]+", name) if p]
    if name.isupper() or name.islower():  # re-cased: "KINGSTON UPON THAMES" -> "Kingston upon Thames"
        pieces = re.split(r"([\s\-]+)", name.lower())
        return "".join(p if i % 2 or (i and p in NAME_LINKS) else p.capitalize() for i, p in enumerate(pieces))
    if all(p[0].isupper() or p.lower() in NAME_LINKS for p in parts):
        return name
    return None


def local_area(paras: list[Paragraph]) -> str | None:
    """The local area a title names, in any letter case: "Area SEND inspection of Bury Local Area
    Partnership", "WRITTEN STATEMENT OF ACTION FOR NORTH YORKSHIRE", "Buckinghamshire's Local Area SEND
    Inspection"; never a piece of a sentence ("Senior leaders across the")."""
    for pattern, head in ((AREA_OF, paras[:60]), (AREA_TITLE, paras[:15])):
        for p in head:
            m = pattern.search(p.text)
            if m and (pattern is AREA_OF or len(p.text.split()) <= 14):
                name = _area_name(m.group("name"))
                if name:
                    return name
    return None


_NUMERIC = r"\d{1,2}/\d{1,2}/\d{2,4}"
INSPECTED = re.compile(
    r"(?:between|from|inspection dates?:?)\s+(?:the\s+)?"
    rf"(?P<a>{_NUMERIC}|\d{{1,2}}(?:st|nd|rd|th)?(?:\s+[A-Za-z]+)?(?:\s+\d{{4}})?)"
    r"(?:\s*[-–—]\s*|\s+(?:and|to|until)\s+)(?:the\s+)?"
    rf"(?P<b>{_NUMERIC}|\d{{1,2}}(?:st|nd|rd|th)?\s+[A-Za-z]+\s+\d{{4}})", re.IGNORECASE)


def inspection_dates(paras: list[Paragraph]) -> tuple[date | None, date | None]:
    """The inspection's first and last day from a sentence such as "Between 10th June 2019 and 14th June 2019"."""
    pat = INSPECTED
    for p in paras:
        if not re.search(r"inspect", p.text, re.IGNORECASE):
            continue
        m = pat.search(p.text)
        if not m:
            continue
        end = find_dates(m.group("b"))
        if not end or not end[0].value:
            continue
        b = end[0].value
        a_text = m.group("a")
        if re.fullmatch(_NUMERIC, a_text):
            start = find_dates(a_text, "start")
            return (start[0].value if start else None), b
        if not re.search(r"\d{4}", a_text):
            a_text += f" {b.year}"
        if not re.search(r"[A-Za-z]{3}", re.sub(r"(st|nd|rd|th)\b", "", a_text)):
            a_text = a_text.replace(str(b.year), f"{b.strftime('%B')} {b.year}")
        start = find_dates(a_text, "start")
        return (start[0].value if start else None), b
    return None, None


def match_weakness(text: str, weaknesses: list[tuple[str, str]]) -> tuple[str | None, float]:
    """The id of the weakness whose text `text` restates best, and the 0-1 score."""
    best = (None, 0.0)
    for wid, wtext in weaknesses:
        s = fuzz.token_set_ratio(text.lower(), wtext.lower()) / 100
        if s > best[1]:
            best = (wid, s)
    return best
