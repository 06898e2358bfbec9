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
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache

from collections import Counter

from wsoa.data import load
from wsoa.extract.cell_items import _item as item_of
from wsoa.extract.page import Fill, Line, Page, Word, space_width
from wsoa.extract.ties import Marker, Named, cross_cutting, fuller, named, tie
from wsoa.model import Action, Box, Milestone, Weakness
from wsoa.normalise.content import (MONEY, SHARE, content_words, is_dates, is_status, order_date_columns,
                                    role_from_content, text_kind)
from wsoa.normalise.dates import find_dates, last_date, read_cell
from wsoa.normalise.status import RGB, Legend, is_white
from wsoa.normalise.text import BULLETS, ITEM_MARK, clean, fold, is_bullet, is_item_mark, strip_bullets

FIELDS = ("ref", "action", "lead", "start", "deadline", "measures", "milestones", "status", "resource", "progress",
          "weakness")
OTHER = "other"        # a label the document sets out whose values give no role: it only ends the field before
LABEL_WORDS = 6        # words of a label set out at the start of a line
MIN_REPEATS = 3        # a document's own label recurs (once a card) at least this often
MIN_TITLE_WORDS = 4    # running text, not a word or two, to stand for an action without a title
MONEY_WORDS = 5        # words of a resource entry ("£40k ICB", "Existing resource")
LABEL_CHARS = re.compile(r"^[A-Za-z][A-Za-z'’()/&,\-]*$")
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
    opens: bool = False  # unlabelled text opening a block whose labelled fields follow (a prose action)
    label: str = ""  # the label's words, lower case


@dataclass
class Card:
    """One action as read from labelled text."""
    fields: dict[str, list[str]] = field(default_factory=dict)
    title: str | None = None
    ref: str | None = None
    lines: list[Line] = field(default_factory=list)
    section: str | None = None
    heading: Named | None = None
    where: dict[str, list[Line]] = field(default_factory=dict)  # the lines of each field, label and value
    fill: RGB | None = None  # a colour filled behind the status value
    others: list[str] = field(default_factory=list)  # the labels no role fits that it has
    said: dict[str, str] = field(default_factory=dict)  # role -> the label that gave it its field

    def text(self, role: str) -> str | None:
        return clean(" ".join(self.fields.get(role, []))) or None

    def value(self, role: str) -> str | None:
        """A field's text without the full stop that ends its sentence in prose."""
        return (self.text(role) or "").rstrip(".").strip() or None

    @property
    def known(self) -> int:
        """How many fields other than the action text it has."""
        return sum(1 for r in self.fields if r not in ("action", "ref", "progress", "weakness", OTHER))


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
def _label_roles() -> dict[str, str]:
    """label phrase -> role (the first role in FIELDS order that lists it)."""
    out: dict[str, str] = {}
    for role, phrases in _labels().items():
        for p in phrases:
            out.setdefault(p, role)
    return out


@lru_cache(maxsize=8)
def _label_pattern(own: tuple[str, ...] = ()) -> re.Pattern[str]:
    """Any label phrase followed by a colon, as a regular expression (inline labels need the colon)."""
    phrases = sorted({p for ps in _labels().values() for p in ps} | set(own), key=len, reverse=True)
    alts = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases)
    return re.compile(rf"(?:^|(?<=[\s.;,)]))(?P<label>{alts})\s*:\s*", re.IGNORECASE)


@dataclass(frozen=True)
class Labels:
    """One document's labels: the vocabulary's, and those it sets out itself (phrase -> role from values)."""
    own: tuple[tuple[str, str], ...] = ()

    def role(self, label: str) -> str | None:
        key = " ".join(label.lower().split()).rstrip(":").strip()
        return _label_roles().get(key) or self._own.get(key)

    @cached_property
    def _own(self) -> dict[str, str]:
        return dict(self.own)

    @cached_property
    def firsts(self) -> frozenset[str]:
        """The first words of every label phrase (a line opening with none of them opens no label)."""
        return frozenset(p.split()[0] for p in list(_label_roles()) + list(self._own) if p.split())

    @property
    def pattern(self) -> re.Pattern[str]:
        return _label_pattern(tuple(p for p, _ in self.own))


def role_of_label(label: str) -> str | None:
    """The role of a field's label standing alone ("Lead", "By when:"); OTHER for a phrase no vocabulary knows
    set out as a label by its colon ("Line item:"); "ref" for a ref's label with its value ("Action ref:
    GR1.2"): a card's first line opening each page, never a running header."""
    words = label.split()
    if label.rstrip().endswith(":") and len(words) <= LABEL_WORDS and _phrase(words):
        return Labels().role(label) or OTHER
    field = re.match(r"^([^:]{1,40}):\s*(\S+)$", label.strip())
    if field and Labels().role(field.group(1)) == "ref" and REF.match(field.group(2) + " "):
        return "ref"
    return Labels().role(label)


def apart_label(line: Line, labels: Labels = Labels()) -> tuple[str, int] | None:
    """A label at the start of a line set apart from its value without a colon: bold label and plain
    value, or a gap wider than two spaces (after any bullet). Returns (role, number of words it takes)."""
    skip = 1 if line.words and is_item_mark(line.words[0].text) else 0
    words = line.words[skip:]
    first = words[0].text.lower() if words else ""
    if len(words) < 2 or not {first, first.rstrip(":")} & labels.firsts:
        return None   # no label opens with this word
    gap = 2.5 * space_width(words)
    for n in range(min(8, len(words) - 1), 0, -1):
        phrase = " ".join(w.text for w in words[:n]).lower().rstrip(":")
        role = labels.role(phrase)
        if role is None:
            continue
        bold_apart = all(w.bold for w in words[:n]) and not words[n].bold
        if bold_apart or words[n].x0 - words[n - 1].x1 > gap:
            return role, skip + n
    return None


def _phrase(words: list[str]) -> str | None:
    """The words of a label as its key, if they can be one: words of letters only (no number, no date)."""
    texts = [w.rstrip(":") for w in words]
    if not texts or not all(LABEL_CHARS.match(t) for t in texts if t) or not texts[0][:1].isupper():
        return None
    return " ".join(texts).lower().strip() or None


def set_out(line: Line) -> tuple[str, int] | None:
    """A label set out at the start of a line, after any bullet: the words before a colon, bold words
    before plain ones, or a whole short bold line. Returns (its key, the number of words it takes)."""
    words = line.words
    skip = 1 if words and is_item_mark(words[0].text) else 0
    ws = words[skip:]
    colon = next((n for n in range(1, min(LABEL_WORDS, len(ws)) + 1) if ws[n - 1].text.endswith(":")), None)
    bold = next((n for n, w in enumerate(ws) if not w.bold), len(ws))
    for n in sorted({n for n in (colon, bold if 0 < bold <= LABEL_WORDS else None) if n}):
        key = _phrase([w.text for w in ws[:n]])
        if key:
            return key, skip + n
    return None


INLINE = re.compile(r"(?:^|(?<=[.;]\s))([A-Z][\w'’()/&,\-]*(?:\s[\w'’()/&,\-]+){0,5}):\s")


def _occurrences(lines: list[Line]) -> list[tuple[str, str, Line]]:
    """Every phrase set out as a label (`set_out`, or `Phrase:` after a sentence's end) with the text after
    it in its block of lines, or the next block's after a label alone (none when that opens with a label:
    the value is empty, as a status shown only by a fill), and its line."""
    out = []
    runs = blocks(lines)
    for b, block in enumerate(runs):
        text = " ".join(ln.text for ln in block)
        marks = [set_out(line) for line in block]
        for k, (line, found) in enumerate(zip(block, marks)):
            if found:
                more = next((j for j in range(k + 1, len(block)) if marks[j]), len(block))
                rest = " ".join([w.text for w in line.words[found[1]:]] + [ln.text for ln in block[k + 1:more]])
                out.append((found[0], rest or _value_below(runs, b + 1), line))
        starts = {marks[0][0]} if marks[0] else set()
        for m in INLINE.finditer(text):
            key = _phrase(m.group(1).split())
            if key and not (m.start() == 0 and key in starts):
                out.append((key, text[m.end():], block[0]))
    return out


def _value_below(runs: list[list[Line]], b: int) -> str:
    """The value below a label standing alone: the next block, or the run of bulleted items opening there
    (a list of dated items is a label's value whole, never its first item alone); none where a label opens it."""
    out: list[str] = []
    for block in runs[b:]:
        if set_out(block[0]) or out and _mark_kind(block[0].text) != "bullet":
            break
        out.append(" ".join(ln.text for ln in block))
        if _mark_kind(block[0].text) != "bullet":
            break
    return " ".join(out)


def own_labels(lines: list[Line], legend: Legend | None = None, fills: dict[int, list[Fill]] | None = None) -> Labels:
    """The labels a document sets out itself: a phrase set out as a label (`_occurrences`) at least
    MIN_REPEATS times (twice, set out in bold as the vocabulary's labels are) that the vocabulary does not know
    and that names no weakness and does not end in a date's revision word ("Target date Original:"); its role
    comes from the values it introduces (dates, a status, a person or post, targets, dated items; coloured fills
    level with the label where its values are empty or statuses and no role fits them, or most are empty: a
    status), else OTHER."""
    revisions = set(content_words()["revision_words"])  # "Original: May 2023 / Revised: ..."
    occurrences = _occurrences(lines)
    found = [o for o in occurrences
             if not Labels().role(o[0]) and not named(o[0]) and o[0].split()[-1] not in revisions]
    counts = Counter(p for p, _, _ in found)
    enough = {p for p, n in counts.items() if n >= MIN_REPEATS or n > 1 and _set_out_as_known(p, occurrences)}
    cut = Labels(tuple((p, OTHER) for p in enough)).pattern
    values: dict[str, list[str]] = {}
    for p, v, _ in found:
        if p in enough:
            m = cut.search(v)
            values.setdefault(p, []).append(clean(strip_bullets(v[:m.start()] if m else v)).rstrip("."))
    roles = _one_reading({p: _role_of_values(p, vs, legend) for p, vs in values.items()})
    said = legend or Legend.default()
    for p in [p for p, r in roles.items() if (r == OTHER or _mostly_empty(values[p]))
              and all(_status_as_at(v, said) for v in values[p] if v)]:
        filled = [_status_fill([ln], fills or {}) for q, _, ln in found if q == p]
        roles[p] = "status" if sum(f is not None for f in filled) >= SHARE * len(filled) else OTHER
    dated = {p for p, r in roles.items() if r in ("start", "deadline")}
    if len(dated) == 2 and len({len(values[p]) for p in dated}) == 1:
        order = sorted(dated)
        by = order_date_columns({i: values[p] for i, p in enumerate(order)}, dict(enumerate(order)))
        roles.update({order[i]: r for i, r in by.items()})
    elif len(dated) == 1:
        _beside_known_dates(roles, dated.pop(), occurrences)
    return Labels(tuple(sorted(roles.items())))


def _set_out_as_known(phrase: str, occurrences: list[tuple[str, str, Line]]) -> bool:
    """Every time the phrase is set out it is a bold label before a plain value, as the vocabulary's labels
    are set out in the document (at least MIN_REPEATS times): a label, though it recurs only twice."""
    bold = [(p, _bold_label(ln, p)) for p, _, ln in occurrences]
    known = sum(1 for p, b in bold if b and Labels().role(p))
    return known >= MIN_REPEATS and all(b for p, b in bold if p == phrase)


def _bold_label(line: Line, phrase: str) -> bool:
    words = line.words[1:] if line.words and is_item_mark(line.words[0].text) else line.words
    n = len(phrase.split())
    return len(words) > n and all(w.bold for w in words[:n]) and not words[n].bold


def _beside_known_dates(roles: dict[str, str], phrase: str, occurrences: list[tuple[str, str, Line]]) -> None:
    """A document's own label of dates beside a vocabulary label of the same role and none of the other (an
    unknown "Kick-off" beside "Deadline"): the other."""
    known = {Labels().role(p) for p, _, _ in occurrences}
    other = "start" if roles[phrase] == "deadline" else "deadline"
    if roles[phrase] in known and other not in known:
        roles[phrase] = other


def _mostly_empty(values: list[str]) -> bool:
    """Most of a label's values are empty (what it shows is not in words: a fill, a mark)."""
    return sum(not v for v in values) > len(values) / 2


def _one_reading(roles: dict[str, str]) -> dict[str, str]:
    """Where values give two of the document's labels one role, the one sharing a word with that role's
    vocabulary labels keeps it ("Officer in charge" leads; "Inputs: ER" is no second lead)."""
    for role in {r for r in roles.values() if r != OTHER}:
        phrases = [p for p, r in roles.items() if r == role]
        words = {w for label in _labels().get(role, []) for w in label.split() if len(w) > 3}
        named_so = [p for p in phrases if words & set(p.split())]
        if len(phrases) > 1 and len(named_so) == 1:
            roles.update({p: OTHER for p in phrases if p != named_so[0]})
    return roles


def _role_of_values(phrase: str, values: list[str], legend: Legend | None) -> str:
    """A label's role from what it introduces, else from a known label its words end with ("key action")."""
    role, _ = role_from_content(values, [None] * len(values), header=phrase, legend=legend)
    full = [v for v in values if v]
    said = sum(_status_as_at(v, legend or Legend.default()) for v in full)
    if role != "ref" and said >= 2 and said >= SHARE * len(full):
        return "status"  # statuses, some with the date they were given
    if role in ("ref", "lead", "start", "deadline", "status"):
        return role
    short = [v for v in values if v and len(v.split()) <= MONEY_WORDS]
    if short and len(short) >= SHARE * len(values) and any(MONEY.search(v) for v in short):
        return "resource"  # short entries, sums of money among them
    return text_kind(values) or _head_role(phrase) or OTHER


AS_AT = re.compile(r"\s*(?:\((?P<said>[^()]+)\)|[\u2013\u2014,-]\s*(?P<after>[^\u2013\u2014,-]+))$")


def _status_as_at(value: str, legend: Legend) -> bool:
    """A status, alone or with the date it was given ("Good progress (as at May 2024)", "Amber – Jan 24")."""
    m = AS_AT.search(value)
    dated = bool(m and find_dates(m.group("said") or m.group("after")))
    head = value[:m.start()] if m and dated else value
    return is_status(head, legend)


def _head_role(phrase: str) -> str | None:
    """The role of the longest vocabulary label that the phrase ends with, as a word ("links to weakness")."""
    words = phrase.split()
    for k in range(1, len(words)):
        role = Labels().role(" ".join(words[k:]))
        if role:
            return role
    return None


def _alone(line: Line, labels: Labels, body: float) -> str | None:
    """The role of a label standing alone on its line in body-size text (its value below), if it is one; a
    larger line is a heading, whose last word may be a label's ("... Statement of / Action")."""
    if text_size(line) > body + 0.9:
        return None
    found = set_out(line)
    if found is None or found[1] != len(line.words):  # a vocabulary label longer than a label set out by its form
        return labels.role(strip_bullets(line.text)) if line.bold or line.text.endswith(":") else None
    return labels.role(found[0])


def text_size(line: Line) -> float:
    """The size of a line's text, leaving out a list mark opening it (a bullet glyph set in a font of its
    own size, often larger than the text's)."""
    if len(line.words) < 2 or not is_item_mark(line.words[0].text):
        return line.size   # the line's own size is already its words' most common one
    sizes = Counter(round(w.size, 1) for w in line.words[1:])
    return sizes.most_common(1)[0][0]


def _starts_field(line: Line, labels: Labels, body: float) -> bool:
    """A line that opens a field: a label set apart from its value, or a label standing alone."""
    return _alone(line, labels, body) is not None or apart_label(line, labels) is not None


def blocks(lines: list[Line], labels: Labels = Labels(), body: float = 0.0) -> list[list[Line]]:
    """Lines joined while the text runs on: same style, a small gap (or the page's last line and the next
    page's first, where the sentence goes on in lower case), and the next line starts no item or ref, and no
    label set apart from its value or standing alone (a `Label:` is cut out of the text later, so a label
    wrapped over two lines, or over a page break, is still found)."""
    out: list[list[Line]] = []
    right = _measures(lines)
    for line in lines:
        prev = out[-1][-1] if out else None
        full = prev is not None and _wrapped(prev, line, right.get(prev.page, prev.x1))
        runs_on = (prev is not None and (_near(prev, line) or _over_page(prev, line, full))
                   and abs(text_size(prev) - text_size(line)) < 0.6 and prev.bold == line.bold
                   and not _starts_field(line, labels, body or text_size(line))
                   and not _opens_item(line, prev, full))
        if runs_on:
            out[-1].append(line)
        else:
            out.append([line])
    return out


def _near(prev: Line, line: Line) -> bool:
    return prev.page == line.page and 0 <= line.top - prev.bottom < 0.6 * line.size


OPEN_END = re.compile(r"(?:\b(?:of|and|the|for|to|in|with|on|at|by|from|a|an|or)|[,&\-\u2013])$", re.IGNORECASE)


def _over_page(prev: Line, line: Line, full: bool = False) -> bool:
    """The next page's first line going on with the sentence the page's last line left open: it opens in
    lower case, or the last line ends on a word that cannot end one ("Director of" / "Nursing, ICB"), inside
    brackets ("(February" / "2024)") or on a clause's semicolon ("communication;" / "Decrease 50 per cent"), or
    on a word where the line is filled to the margin (`full`: "Lead: Service" / "Manager, Short Breaks"), or the
    line opens with a number no item mark makes after a word ("September" / "2024 revised ...")."""
    left = prev.text.rstrip()
    number = left[-1:].isalpha() and line.text[:1].isdigit() and not ITEM_MARK.match(line.text)
    open_end = line.text[:1].islower() or bool(OPEN_END.search(left)) or left.count("(") > left.count(")") or number \
        or full and left[-1:].isalnum()
    return line.page == prev.page + 1 and (open_end and not left.endswith((".", ":")) or left.endswith(";"))


BARE_NUMBER = re.compile(r"^\d{1,3}:?\s")  # "20 weeks", "1: ..." (a number a line wrapped before)
PAGE_NUMBER = re.compile(r"^(?:page\s+)?\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?$|^[-\u2013]\s*\d{1,3}\s*[-\u2013]$|"
                         r"^[^.:;]{0,60}[\u2013\u2014|-]\s*page\s+\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?$", re.IGNORECASE)
DASHES = ("-", "\u2013", "\u2014")
NUMBERED = re.compile(r"^\d{1,2}[.)]\s+(?:[A-Z]|\d)")  # "4. Redesign", "4. 2.2 ...": a numbered item's opening
QUANTITY = re.compile(r"^\d{1,3}\s+[a-z]")  # "32 schools trained": a count, never an item's number


def _opens_item(line: Line, prev: Line, full: bool = False) -> bool:
    """A line opening a list item or a ref; a bare number ("20 weeks") after a line that ends mid-sentence,
    a number before a word in lower case, or any number or a dash after a line left open that wrapped (the
    sentence went on to "3." or "– Jul 2022" on the next line), is the text running on; not a numbered item
    opening the next page ("4. PA2.2 Redesign ..."): a page's last line filled to the margin ends nothing."""
    open_end = not prev.text.rstrip().endswith((".", ":", ";"))
    overleaf_item = line.page != prev.page and NUMBERED.match(line.text)
    wrapped = full and (line.text[:1].isdigit() or _dash(line)) and not overleaf_item
    if open_end and (BARE_NUMBER.match(line.text) or wrapped) or QUANTITY.match(line.text):
        return False
    return bool(ITEM_MARK.match(line.text) or REF.match(line.text))


def _wrapped(prev: Line, line: Line, right: float) -> bool:
    """The line's first word would not have fitted at the end of the line before: that line wrapped (a dash
    opening the line counts with the word after it: a line is not left to end on a dash)."""
    first, last = line.words[0], line.words[1 if _dash(line) else 0]
    return prev.x1 + space_width(prev.words) + (last.x1 - first.x0) > right + 1


def after_label(prev: Line, line: Line, right: float) -> bool:
    """The line is the value of a label ending the line before, which wrapped there ("... Status:" / "A. ..."):
    the words before the colon end in a field label and the line's first word would not have fitted after it."""
    words = prev.text.split()
    if not words or not words[-1].endswith(":") or not _wrapped(prev, line, right):
        return False
    return any(Labels().role(" ".join(words[-k:])) not in (None, OTHER)
               for k in range(1, min(LABEL_WORDS, len(words)) + 1))


def _dash(line: Line) -> bool:
    return len(line.words) > 1 and line.words[0].text in DASHES


def _measures(lines: list[Line]) -> dict[int, float]:
    """The right edge of each page's text: where its longest lines end."""
    out: dict[int, float] = {}
    for line in lines:
        out[line.page] = max(out.get(line.page, 0.0), line.x1)
    return out


def segments(block: list[Line], body: float, labels: Labels = Labels()) -> list[Segment]:
    """The fields of a block of lines: labelled values (after `Label:` anywhere, or a set-apart label
    at its start, or a label alone with its value below), and the unlabelled text before the first label."""
    first = block[0]
    text = " ".join(ln.text for ln in block)
    alone = _alone(first, labels, body)
    if len(block) == 1 and alone:
        return [Segment(alone, "", block, label=_key(first.words))]
    apart = apart_label(first, labels)
    if apart and not labels.pattern.match(strip_bullets(text)):
        role, n = apart
        rest = " ".join([" ".join(w.text for w in first.words[n:])] + [ln.text for ln in block[1:]])
        return [Segment(role, seg.text, block, label=_key(first.words[:n])) if seg.role is None else seg
                for seg in _inline(rest, block, labels)]
    out = _inline(text, block, labels)
    if out and out[0].role is None:
        out[0].heading = (first.bold or text_size(first) > body + 0.9) and not is_item_mark(first.words[0].text)
        out[0].starts_item = bool(ITEM_MARK.match(text) or REF.match(text)) and len(first.words) > 1
        out[0].opens = len(out) > 1
    return out


def _inline(text: str, block: list[Line], labels: Labels = Labels()) -> list[Segment]:
    out: list[Segment] = []
    pos, role, label = 0, None, ""
    for m in labels.pattern.finditer(text) if ":" in text else ():   # an inline label ends with its colon
        if m.start() > pos or (role and m.start() == pos):
            out.append(Segment(role, text[pos:m.start()].strip(), block, label=label))
        role, pos, label = labels.role(m.group("label")), m.end(), " ".join(m.group("label").lower().split())
    out.append(Segment(role, text[pos:].strip(), block, label=label))
    return [s for s in out if s.role or strip_bullets(s.text).strip()]


def _key(words: list[Word]) -> str:
    """A label's words as its key: lower case, without a bullet or colon."""
    texts = [w.text for w in words if not is_item_mark(w.text)]
    return " ".join(texts).lower().rstrip(":").strip()


def heading_of(seg: Segment) -> Named | None:
    """The weakness or priority a heading names, if it names one (plain text needs a number)."""
    return named(seg.text, seg.heading)


class _Gather:
    """Segments in reading order gathered into cards (see the module's docstring)."""

    def __init__(self) -> None:
        self.cards: list[Card] = []
        self.others: list[tuple[int, Card]] = []  # cards without a lead or date, and where they fall among cards
        self.current = Card()
        self.pending: list[Segment] = []  # unlabelled text not yet known to be a title or a heading
        self.last_role: str | None = None
        self.listing: str | None = None  # the last field's value is a list: "open" (empty after its label)
        #                                  or the kind of mark its items carry ("bullet", "number")
        self.section: str | None = None
        self.heading: Named | None = None
        self.listed: dict[int, str] = {}  # a numbered list before the first heading: number -> wording
        self.bulleted: list[str] = []  # the last run of bulleted items before the first heading
        self.in_run = False

    def new(self) -> None:
        _close(self.current, self.cards, self.others)
        self.current, self.last_role, self.listing = Card(section=self.section, heading=self.heading), None, None

    def text(self, seg: Segment) -> None:
        if self.last_role and self.current.fields[self.last_role] == [""] and self._below(seg):
            self.current.fields[self.last_role] = [seg.text]  # the value below a label standing alone
            self.current.lines += seg.lines
            self.current.where[self.last_role] += seg.lines
            return
        if PAGE_NUMBER.match(seg.text):
            return  # a page's number left on a page the furniture remover could not compare with others
        names = heading_of(seg)
        if seg.heading and not names and cross_cutting(seg.text):
            names = Named("cross_cutting", None, seg.text)  # a section of no weakness: it ends the one above
        if names:
            wording = self._wording(names.number)
            if wording and names.text == clean(seg.text):  # "Priority 2" alone: the wording of the list's item 2
                names = Named(names.kind, names.number, wording)
            self.section, self.heading, self.pending = seg.text, names, []
            self.new()
            return
        if self.heading is None and not self.cards:
            self._list_item(seg.text)
        kind = _mark_kind(seg.text)
        item = seg.starts_item and self.listing in ("open", kind) and kind is not None and not seg.heading \
            and not self._next_ref(seg.text)
        if self.last_role and (item or not (seg.heading or seg.starts_item or seg.opens)):
            self.current.fields[self.last_role].append(seg.text)
            self.current.lines += seg.lines
            self.listing = kind if item else None
            return
        if self.current.known:
            self.new()
        self.pending.append(seg)

    def _below(self, seg: Segment) -> bool:
        """Text that is the value below a label standing alone: no heading, and no list item or ref opening it
        unless it is a bare number ("20 schools trained") or the dates a date's label asks for ("Q1 2024/25")."""
        dates = self.last_role in ("start", "deadline") and is_dates(seg.text)
        return not seg.heading and (not seg.starts_item or bool(BARE_NUMBER.match(seg.text)) or dates)

    def _next_ref(self, text: str) -> bool:
        """A list item opening with a ref of the same shape as the action's own ("1.2" after "1.1"): the
        next action's title, though its list mark is a bullet (a web page's numbered list)."""
        m = REF.match(strip_bullets(text).strip())
        own = self.current.ref
        return bool(m and own) and m.group("ref").rstrip(".") != own and _shape(m.group("ref")) == _shape(own)

    def _list_item(self, text: str) -> None:
        """Note an item of a list before the first heading: by its printed number, else by its place in its
        run of bulleted items (a web page's or Word file's numbered list, whose numbers are markup)."""
        mark = re.match(r"^(\d{1,2})[.)]\s+(?=\S)", text)
        if mark:
            self.listed.setdefault(int(mark.group(1)), clean(text[mark.end():]))
        bullet = not mark and _mark_kind(text) == "bullet"
        if bullet:
            self.bulleted = (self.bulleted if self.in_run else []) + [clean(strip_bullets(text))]
        self.in_run = bullet

    def _wording(self, number: int | None) -> str | None:
        """The wording of the list's item `number`: its printed number's, else the bulleted run's."""
        if number is None:
            return None
        return self.listed.get(number) or (self.bulleted[number - 1] if number <= len(self.bulleted) else None)

    def field(self, seg: Segment) -> None:
        if _second_reading(self.current.said.get(seg.role or ""), seg.label):
            seg = replace(seg, role=OTHER)  # a second label of a role the card has, one of them read from values
        again = seg.role in self.current.fields and (seg.role != OTHER or seg.label in self.current.others)
        if again and (seg.role != "milestones" or self.current.known > 1):
            self.new()
        if self.pending:
            _title(self.current, self.pending)
            self.pending = []
        self.current.fields.setdefault(seg.role, []).append(seg.text)
        self.current.lines += [ln for ln in seg.lines if ln not in self.current.lines]
        self.current.where.setdefault(seg.role, []).extend(seg.lines)
        self.current.others += [seg.label] if seg.role == OTHER else []
        self.current.said.setdefault(seg.role or "", seg.label)
        self.last_role = seg.role
        self.listing = "open" if not seg.text else "bullet" if _mark_kind(seg.text) == "bullet" else None


def _second_reading(first: str | None, label: str) -> bool:
    """Another label for a role a card has from `first`, where one of the two is the document's own, its role
    read from its values (two roles read the same way: "Inputs: ER" as well as "Officer in charge: ...")."""
    if not first or not label or first == label:
        return False
    return _label_roles().get(first) is None or _label_roles().get(label) is None


def _mark_kind(text: str) -> str | None:
    """The kind of list mark a text opens with: a bullet glyph or dash, an item number, or none."""
    first = text.split(" ", 1)[0] if text else ""
    if first and (is_bullet(first) or first[0] in BULLETS):
        return "bullet"
    return "number" if first and is_item_mark(first) else None


def read_cards(pages: list[Page], body: float, skip: dict[int, list[tuple[float, float]]],
               legend: Legend | None = None) -> list[Card]:
    """Every action written as labelled text on these pages, outside the bands in `skip` (tables) but for
    the text before the first action's first field, read whole (a table found in the introduction holds no
    action, though it may hold the first action's title); or
    with the lines inside them too when those make more cards (key/value boxes found as a table), or the same
    number with more fields (a table found over text that holds a card's first field)."""
    lines = [ln for page in pages for ln in page.lines]
    outside = _read([ln for ln in lines if not _skipped(ln, skip.get(ln.page, []))], pages, body, legend)
    if not any(skip.values()):
        return outside
    start = min(((ln.page, ln.top) for c in outside[:1] for lns in c.where.values() for ln in lns), default=None)
    if start:
        outside = _read([ln for ln in lines if (ln.page, ln.top) < start or not _skipped(ln, skip.get(ln.page, []))],
                        pages, body, legend)
    every = _read(lines, pages, body, legend)
    return every if (len(every), _fields(every)) > (len(outside), _fields(outside)) else outside


def _fields(cards: list[Card]) -> int:
    return sum(len(c.fields) for c in cards)


def _shape(ref: str) -> str:
    """A ref's shape: its numbers as 9 and a letter counting on after a number as "a" ("GR1.2" -> "GR9.9",
    "1b" -> "9a")."""
    return re.sub(r"(?<=\d)[a-z]$", "a", re.sub(r"\d+", "9", ref.rstrip(".")))


def _read(lines: list[Line], pages: list[Page], body: float, legend: Legend | None) -> list[Card]:
    lines = wrapped_labels(_without_margin_notes(lines, body))
    fills = {page.number: page.fills for page in pages}
    labels = own_labels(lines, legend, fills)
    gather = _Gather()
    for block in blocks(lines, labels, body):
        for seg in segments(block, body, labels):
            (gather.text if seg.role is None else gather.field)(seg)
    gather.new()
    cards = _siblings(gather.cards, gather.others)
    for card in cards:
        card.fill = _status_fill(card.where.get("status", []), fills)
    return cards


def _without_margin_notes(lines: list[Line], body: float) -> list[Line]:
    """The lines but a page's first or last line set in a smaller size than the text and set apart from it by
    more than two lines' space: a running header or footer (a one-page plan's, which repeats on no other page)."""
    out = []
    for k, line in enumerate(lines):
        before = lines[k - 1] if k and lines[k - 1].page == line.page else None
        after = lines[k + 1] if k + 1 < len(lines) and lines[k + 1].page == line.page else None
        small = text_size(line) < body - 0.5
        apart = (before is None and after is not None and after.top - line.bottom > 2 * body) or \
            (after is None and before is not None and line.top - before.bottom > 2 * body)
        if not (small and apart):
            out.append(line)
    return out


def _status_fill(lines: list[Line], fills: dict[int, list[Fill]]) -> RGB | None:
    """The colour filled behind a status value: a coloured (not white) box level with its lines and right of
    their start, where the value sits beside its label."""
    for line in lines:
        start = line.words[0].x0 if line.words else line.x0
        for f in fills.get(line.page, []):
            level = f.top - 1 <= (line.top + line.bottom) / 2 <= f.bottom + 1
            if level and f.x0 > start + 1 and not is_white(f.rgb):
                return f.rgb
    return None


def wrapped_labels(lines: list[Line]) -> list[Line]:
    """Labels wrapped in a narrow label column ("When will" beside its value, "it be done" below): the bold
    words opening the line below in lower case at the label's left edge go back into the label, before its
    value, so the label is read whole."""
    out: list[Line] = []
    for line in lines:
        prev = out[-1] if out else None
        k = _label_tail(prev, line) if prev else 0
        if prev and k:
            n = _bold_lead(prev)
            out[-1] = Line(prev.words[:n] + line.words[:k] + prev.words[n:], prev.page)
            line = Line(line.words[k:], line.page) if k < len(line.words) else None  # the value running on
        if line is not None:
            out.append(line)
    return out


def _bold_lead(line: Line) -> int:
    """How many bold words open the line."""
    return next((i for i, w in enumerate(line.words) if not w.bold), len(line.words))


def _label_tail(prev: Line, line: Line) -> int:
    """How many words opening `line` continue the bold label opening `prev` (0 when they do not): bold, in
    lower case, at the label's left edge, ending left of the value, right below."""
    n, k, words = _bold_lead(prev), _bold_lead(line), line.words
    if prev.page != line.page or not (0 < n < len(prev.words) and n <= LABEL_WORDS and 0 < k <= LABEL_WORDS):
        return 0
    placed = abs(words[0].x0 - prev.words[0].x0) < 2 and words[k - 1].x1 < prev.words[n].x0
    below = 0 <= line.top - prev.bottom < 0.6 * line.size
    return k if placed and below and words[0].text[:1].islower() else 0


def _skipped(line: Line, bands: list[tuple[float, float]]) -> bool:
    mid = (line.top + line.bottom) / 2
    return any(a - 1 <= mid <= b + 1 for a, b in bands)


def _title(card: Card, pending: list[Segment]) -> None:
    """Unlabelled text before a card's first field: its title (ref and action text), from the last
    heading or numbered line among it (text before that is the document's, not the action's)."""
    marks = [k for k, s in enumerate(pending) if s.heading or s.starts_item or s.opens]
    pending = pending[marks[-1]:] if marks else pending[-1:]
    text = clean(" ".join(s.text for s in pending))
    if len(text.split(" ")) > 1 and is_item_mark(text.split(" ")[0]):
        text = text.split(" ", 1)[1]  # a list's bullet or item number ("3."), not the action's own ref
    m = REF.match(text)
    if m and (m.group("ref")[0].isdigit() or any(ch.isdigit() for ch in m.group("ref"))):
        card.ref = m.group("ref").rstrip(".")
        text = text[m.end():]
    text = ITEM_MARK.sub("", text, count=1) if is_item_mark(text.split(" ")[0] if text else "") else text
    card.title = clean(text) or None
    card.lines = [ln for s in pending for ln in s.lines] + card.lines


def _close(card: Card, cards: list[Card], others: list[tuple[int, Card]] | None = None) -> None:
    """Keep a card that is an action: action text and two other fields, one of them a lead or a date; where
    the action has a ref or a label saying it is the action, a lead or date alone; with a ref, two fields of
    any kind, or none beside an action field (a single "Date:" or "Funding:" line under an unnumbered title
    is a document's field, not an action's). A card with action text and two other fields (one, with a ref)
    but no lead or date goes to `others`, with its place among the cards (`_siblings` decides)."""
    texts = [t for t in card.fields.get(OTHER, []) if len(t.split()) >= MIN_TITLE_WORDS]
    if texts and not card.text("action") and not card.ref:  # no numbered title, no action field: the running
        card.title = clean(texts[0])                       # text of a label no role fits is the action's
    if card.fields.get("ref") and not card.ref:
        card.ref = card.text("ref")
    has_owner_or_date = any(card.text(r) for r in ("lead", "start", "deadline"))
    marked = card.ref or card.text("action")  # numbered, or labelled as an action
    fielded = card.known >= 2 and (has_owner_or_date or card.ref) or marked and has_owner_or_date or \
        bool(card.ref and card.text("action"))  # numbered and labelled: an action whatever else it gives
    if fielded and (card.title or card.text("action")):
        cards.append(card)
    elif others is not None and (card.known >= 2 or card.ref and card.known) and (card.title or card.text("action")):
        others.append((len(cards), card))


def _siblings(kept: list[Card], others: list[tuple[int, Card]]) -> list[Card]:
    """The kept cards with those of `others` whose fields are all fields the kept cards have (an action of the
    plan that leaves out its dates and lead), after the first action unless labelled as one or numbered as the
    kept ones are (before it, the document's own fields), in reading order."""
    roles = {r for c in kept for r in c.fields}
    shapes = {_shape(c.ref) for c in kept if c.ref}
    more = [(k, c) for k, c in others if (k or c.text("action") or c.ref and _shape(c.ref) in shapes)
            and len(kept) >= 2 and set(c.fields) <= roles]
    out: list[Card] = []
    for k in range(len(kept) + 1):
        out += [c for j, c in more if j == k] + kept[k:k + 1]
    return out


def to_action(card: Card, legend: Legend) -> Action:
    """The record of one card: text fields cleaned, dates read by role, status through the legend."""
    text = card.text("action") or card.title or ""
    ref = card.ref
    m = REF.match(text)
    if m and not ref and any(ch.isdigit() for ch in m.group("ref")):
        ref, text = m.group("ref").rstrip("."), text[m.end():]
    deadline_raw = card.value("deadline")
    cell = read_cell(deadline_raw, "deadline")  # revisions in the order made; a range's start
    starts = read_cell(card.value("start"), "start").dates or ([cell.range_start] if cell.range_start else [])
    rag_raw = card.value("status")
    rag, how = legend.from_text(rag_raw)
    if rag is None and card.fill is not None:
        rag, how = legend.from_colour(card.fill)[0], "colour"
    items = [item_of(t) for t in _items(card.fields.get("milestones", []))]  # each with its date apart
    milestones = [Milestone(text=i.text, date_raw=i.date_raw, date=last_date(i.date_raw)) for i in items]
    first = card.lines[0] if card.lines else None
    box = Box(page=first.page, x0=min(ln.x0 for ln in card.lines), top=first.top,
              x1=max(ln.x1 for ln in card.lines), bottom=card.lines[-1].bottom) if first else None
    return Action(section=card.section, ref=ref or None, action=clean(strip_bullets(text)).rstrip("."),
                  lead=card.value("lead"), start_raw=card.value("start"),
                  start_dates=starts, deadlines=cell.dates, deadline_raw=deadline_raw, deadline_revised=cell.revised,
                  measures=card.value("measures"), resource=card.value("resource"),
                  milestones=milestones, rag=rag, rag_raw=rag_raw, rag_source=how, source=box)  # type: ignore[arg-type]


def _items(texts: list[str]) -> list[str]:
    """Milestone lines: one per bullet or line."""
    out = []
    for t in texts:
        dashed = re.match(r"\s*[-–]\s", t)  # a list marked by dashes; elsewhere a dash is the item's own
        for p in re.split(rf"[{BULLETS}]" + (r"|(?:^|\s)[-–]\s" if dashed else ""), t):
            parts = [clean(x) for x in p.split(";")]
            dated = len(parts) > 1 and all(find_dates(x) for x in parts)  # dated items run together in a line
            out += [x for x in (parts if dated else [clean(p)]) if x]
    return out


def tie_cards(cards: list[Card], actions: list[Action], weaknesses: list[Weakness]) -> list[Weakness]:
    """Tie each card's action to the weakness its heading names (the one rule of `ties.tie`); returns the
    weaknesses (the given ones but those that are the cards' own lines, or those made from the headings and
    fields, where these name more of them than the given list holds, the list's own among them: `ties.fuller`)."""
    weaknesses = _not_card_lines(weaknesses, cards)
    worded = {c.section: c.heading.text for c in cards if c.heading and c.section and c.heading.text != c.section}
    for w in weaknesses:  # a statement that is only a heading's label and number: the wording the list gives it
        w.text = worded.get(w.text, w.text)
    events: list[Marker | Action] = []
    last: Named | None = None
    said: str | None = None
    for c, a in zip(cards, actions):
        if c.heading is not None and c.heading is not last:
            cross = c.heading.kind == "cross_cutting"
            events.append(Marker(c.heading.text, "heading", None if cross else c.heading))
        last = c.heading
        own = c.text("weakness")
        if own and own != said:  # a field naming the weakness: a marker of its own level before the action
            events.append(Marker(own, "field", named(own)))
        said = own or said
        events.append(a)
    markers = [e for e in events if isinstance(e, Marker)]
    return tie(events, [] if fuller(markers, weaknesses) else weaknesses)


def _not_card_lines(weaknesses: list[Weakness], cards: list[Card]) -> list[Weakness]:
    """The given weaknesses but those read from the cards' own text, whole or as cells cut out of it (an
    action's fields set out as list items after a field naming a weakness, weakness fields read as statements,
    a table found over the cards' lines), numbered again where any is left out."""
    texts = [fold(" ".join(ln.text for ln in c.lines)).split() for c in cards]
    kept = [w for w in weaknesses if not any(_within(fold(w.text).split(), t) for t in texts)]
    if len(kept) == len(weaknesses):
        return weaknesses
    return [w.model_copy(update={"id": f"W{k}"}) for k, w in enumerate(kept, start=1)]


def _within(words: list[str], text: list[str]) -> bool:
    """The words occur in the text in order (next to each other when they are fewer than four)."""
    if len(words) < 4:
        return f" {' '.join(words)} " in f" {' '.join(text)} "
    it = iter(text)
    return all(w in it for w in words)
