"""Plans that are not tables: each action a block of labelled lines (a "card"), a numbered paragraph
with its fields inline ("... Lead: Head of SEND. By: March 2024."), or a heading per action with its
fields below.

The text outside tables is cut into fields at every label (vocabulary: data/labels.toml and the
column roles of data/columns.toml); fields then gather into actions: an action ends where a field
it already has starts again, where a new numbered or emphasised title starts, or at a heading. A
heading that names a priority or weakness ("Area for priority action 2: ...") ties the actions
below it to that weakness.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from wsoa.data import load
from wsoa.extract.page import Line, Page, space_width
from wsoa.extract.ties import Marker, Named, named, tie
from wsoa.model import Action, Box, Milestone, Weakness
from wsoa.normalise.dates import last_date, parse_dates
from wsoa.normalise.status import Legend
from wsoa.normalise.text import BULLETS, ITEM_MARK, clean, is_item_mark, strip_bullets

FIELDS = ("ref", "action", "lead", "start", "deadline", "measures", "milestones", "status", "resource", "progress")
REF = re.compile(r"^(?:(?:action|ref\.?|no\.?)\s*)?(?P<ref>[A-Z]{0,3}\d{1,2}(?:[.\-]\d{1,2}){0,3}[a-z]?|[A-Z]{1,3}\.?\d{1,2}"
                 r"(?:\.\d{1,2}){0,2})(?:[.:)\]\u2013\u2014-]|\s)\s*", re.IGNORECASE)


@dataclass
class Segment:
    """A run of text: a field's value when `role` is set, else unlabelled text."""
    role: str | None
    text: str
    lines: list[Line]
    heading: bool = False  # the text stands out (bold or large) and has no label
    starts_item: bool = False  # it starts with a number, ref or bullet


@dataclass
class Card:
    """One action as read from labelled text."""
    fields: dict[str, list[str]] = field(default_factory=dict)
    title: str | None = None
    ref: str | None = None
    lines: list[Line] = field(default_factory=list)
    section: str | None = None
    heading: Named | None = None

    def text(self, role: str) -> str | None:
        return clean(" ".join(self.fields.get(role, []))) or None

    @property
    def known(self) -> int:
        """How many fields other than the action text it has."""
        return sum(1 for r in self.fields if r not in ("action", "ref", "progress"))


@lru_cache(maxsize=1)
def _labels() -> dict[str, list[str]]:
    """role -> label phrases, longest first (card labels and column headers alike)."""
    cards = load("labels.toml")["labels"]
    columns = load("columns.toml")["roles"]
    out = {}
    for role in FIELDS:
        phrases = set(cards.get(role, [])) | set(columns.get(role, []))
        out[role] = sorted(phrases, key=len, reverse=True)
    return out


@lru_cache(maxsize=1)
def _label_pattern() -> re.Pattern[str]:
    """Any label phrase followed by a colon, as a regular expression (inline labels need the colon)."""
    phrases = sorted({p for ps in _labels().values() for p in ps}, key=len, reverse=True)
    alts = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases)
    return re.compile(rf"(?:^|(?<=[\s.;,)]))(?P<label>{alts})\s*:\s*", re.IGNORECASE)


def role_of_label(label: str) -> str | None:
    key = " ".join(label.lower().split())
    return next((role for role, phrases in _labels().items() if key in phrases), None)


def _apart_label(line: Line) -> tuple[str, int] | None:
    """A label at the start of a line set apart from its value without a colon: bold label and plain
    value, or a gap wider than two spaces. Returns (role, number of label words)."""
    words = line.words
    gap = 2.5 * space_width(words)
    for n in range(min(8, len(words) - 1), 0, -1):
        phrase = " ".join(w.text for w in words[:n]).lower().rstrip(":")
        role = role_of_label(phrase)
        if role is None:
            continue
        bold_apart = all(w.bold for w in words[:n]) and not words[n].bold
        if bold_apart or words[n].x0 - words[n - 1].x1 > gap:
            return role, n
    return None


def blocks(lines: list[Line]) -> list[list[Line]]:
    """Lines joined while the text runs on: same style, a small gap, and the next line starts no
    item or ref, and no label set apart from its value (a `Label:` is cut out of the text later, so a
    label wrapped over two lines is still found)."""
    out: list[list[Line]] = []
    for line in lines:
        prev = out[-1][-1] if out else None
        runs_on = (prev is not None and prev.page == line.page and abs(prev.size - line.size) < 0.6
                   and prev.bold == line.bold and 0 <= line.top - prev.bottom < 0.6 * line.size
                   and not _apart_label(line) and not ITEM_MARK.match(line.text) and not REF.match(line.text))
        if runs_on:
            out[-1].append(line)
        else:
            out.append([line])
    return out


def segments(block: list[Line], body: float) -> list[Segment]:
    """The fields of a block of lines: labelled values (after `Label:` anywhere, or a set-apart label
    at its start), and the unlabelled text before the first label."""
    first = block[0]
    text = " ".join(ln.text for ln in block)
    apart = _apart_label(first)
    if apart and not _label_pattern().match(text):
        role, n = apart
        rest = " ".join([" ".join(w.text for w in first.words[n:])] + [ln.text for ln in block[1:]])
        return [Segment(role, seg.text, block) if seg.role is None else seg for seg in _inline(rest, block)]
    out = _inline(text, block)
    if out and out[0].role is None:
        out[0].heading = (first.bold or first.size > body + 0.9) and not is_item_mark(first.words[0].text)
        out[0].starts_item = bool(ITEM_MARK.match(text) or REF.match(text)) and len(first.words) > 1
    return out


def _inline(text: str, block: list[Line]) -> list[Segment]:
    out: list[Segment] = []
    pos, role = 0, None
    for m in _label_pattern().finditer(text):
        if m.start() > pos or (role and m.start() == pos):
            out.append(Segment(role, text[pos:m.start()].strip(), block))
        role, pos = role_of_label(m.group("label")), m.end()
    out.append(Segment(role, text[pos:].strip(), block))
    return [s for s in out if s.text or s.role]


def heading_of(seg: Segment) -> Named | None:
    """The weakness or priority a heading names, if it names one (plain text needs a number)."""
    return named(seg.text, seg.heading)


def read_cards(pages: list[Page], body: float, skip: dict[int, list[tuple[float, float]]]) -> list[Card]:
    """Every action written as labelled text on these pages (outside the bands in `skip`)."""
    lines = [ln for page in pages for ln in page.lines if not _skipped(ln, skip.get(page.number, []))]
    segs = [s for block in blocks(lines) for s in segments(block, body)]
    cards: list[Card] = []
    current = Card()
    pending: list[Segment] = []  # unlabelled text not yet known to be a title or a heading
    last_role: str | None = None
    section: str | None = None
    heading: Named | None = None
    for seg in segs:
        if seg.role is None:
            names = heading_of(seg)
            if names:
                section, heading, pending = seg.text, names, []
                _close(current, cards)
                current, last_role = Card(section=section, heading=heading), None
                continue
            if last_role and not (seg.heading or seg.starts_item):
                current.fields[last_role].append(seg.text)
                current.lines += seg.lines
                continue
            if current.known:
                _close(current, cards)
                current, last_role = Card(section=section, heading=heading), None
            pending.append(seg)
            continue
        if seg.role in current.fields and (seg.role != "milestones" or current.known > 1):
            _close(current, cards)
            current = Card(section=section, heading=heading)
        if pending:
            _title(current, pending)
            pending = []
        current.fields.setdefault(seg.role, []).append(seg.text)
        current.lines += [ln for ln in seg.lines if ln not in current.lines]
        last_role = seg.role
    _close(current, cards)
    return cards


def _skipped(line: Line, bands: list[tuple[float, float]]) -> bool:
    mid = (line.top + line.bottom) / 2
    return any(a - 1 <= mid <= b + 1 for a, b in bands)


def _title(card: Card, pending: list[Segment]) -> None:
    """Unlabelled text before a card's first field: its title (ref and action text)."""
    text = clean(" ".join(s.text for s in pending))
    m = REF.match(text)
    if m and (m.group("ref")[0].isdigit() or any(ch.isdigit() for ch in m.group("ref"))):
        card.ref = m.group("ref").rstrip(".")
        text = text[m.end():]
    text = ITEM_MARK.sub("", text, count=1) if is_item_mark(text.split(" ")[0] if text else "") else text
    card.title = clean(text) or None
    card.lines = [ln for s in pending for ln in s.lines] + card.lines


def _close(card: Card, cards: list[Card]) -> None:
    """Keep a card that is an action: action text and two other fields, one of them a lead or a date
    (a single "Date:" or "Funding:" line is a document's field, not an action's)."""
    if card.fields.get("ref") and not card.ref:
        card.ref = card.text("ref")
    has_owner_or_date = any(card.text(r) for r in ("lead", "start", "deadline"))
    if card.known >= 2 and has_owner_or_date and (card.title or card.text("action")):
        cards.append(card)


def to_action(card: Card, legend: Legend) -> Action:
    """The record of one card: text fields cleaned, dates read by role, status through the legend."""
    text = card.text("action") or card.title or ""
    ref = card.ref
    m = REF.match(text)
    if m and not ref and any(ch.isdigit() for ch in m.group("ref")):
        ref, text = m.group("ref").rstrip("."), text[m.end():]
    starts, _ = parse_dates(card.text("start"), "start")
    deadline_raw = card.text("deadline")
    deadlines, _ = parse_dates(deadline_raw, "deadline")
    rag_raw = card.text("status")
    rag, how = legend.from_text(rag_raw)
    milestones = [Milestone(text=t, date_raw=t, date=last_date(t)) for t in _items(card.fields.get("milestones", []))]
    first = card.lines[0] if card.lines else None
    box = Box(page=first.page, x0=min(ln.x0 for ln in card.lines), top=first.top,
              x1=max(ln.x1 for ln in card.lines), bottom=card.lines[-1].bottom) if first else None
    return Action(section=card.section, ref=ref or None, action=clean(strip_bullets(text)).rstrip("."),
                  lead=(card.text("lead") or "").rstrip(".") or None, start_raw=card.text("start"),
                  start_dates=starts, deadlines=deadlines, deadline_raw=deadline_raw,
                  measures=(card.text("measures") or "").rstrip(".") or None, resource=card.text("resource"),
                  milestones=milestones, rag=rag, rag_raw=rag_raw, rag_source=how, source=box)  # type: ignore[arg-type]


def _items(texts: list[str]) -> list[str]:
    """Milestone lines: one per bullet or line."""
    out = []
    for t in texts:
        out += [clean(p) for p in re.split(rf"[{BULLETS}]|(?:^|\s)[-–]\s", t) if clean(p)]
    return out


def tie_cards(cards: list[Card], actions: list[Action], weaknesses: list[Weakness]) -> list[Weakness]:
    """Tie each card's action to the weakness its heading names (the one rule of `ties.tie`); returns the
    weaknesses (the given ones, or those made from the headings)."""
    events: list[Marker | Action] = []
    last: Named | None = None
    for c, a in zip(cards, actions):
        if c.heading is not None and c.heading is not last:
            events.append(Marker(c.heading.text, "heading", c.heading))
        last = c.heading
        events.append(a)
    return tie(events, weaknesses)
