"""What a plan's actions answer: headings, banner rows and statements that name a weakness, and the
one rule tying each action to the weakness of the plan's own list (tables and cards alike).

A heading or banner names a weakness by a label and a number ("Area of weakness 3", "Priority 2:",
"Significant weakness three"; labels in data/labels.toml [headings]), by a label and wording
("Area: The poor quality of EHC plans") or by wording alone (it restates one of the list). It ties
every action below it, until the next marker of its level, to that weakness: by number among the
list, else by wording; a plan without a list takes its markers as the list, in order. A marker of
the same level that names no weakness ("Enabling actions", "Leadership and governance"), or one
that says it is cross-cutting, ties what follows to no weakness.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

from rapidfuzz import fuzz

from wsoa.data import load
from wsoa.model import Action, Weakness, weakness_id
from wsoa.normalise.text import clean

NUMBER_WORDS = {w: i for i, w in enumerate(("one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                                             "ten"), start=1)}
MIN_WORDING = 0.6    # a labelled marker's words against the list
SAME_WORDING = 0.9   # an unlabelled marker restating one weakness of the list
MIN_RESTATED_WORDS = 4


@dataclass(frozen=True)
class Named:
    """What a heading's label says: the kind of list, its number (if any) and its words."""
    kind: str
    number: int | None
    text: str


@dataclass(frozen=True)
class Marker:
    """A heading, banner row or labelled statement above actions, with its level (its style or place)."""
    text: str
    level: str
    named: Named | None = None
    statement: bool = False  # a labelled weakness statement: it always names one


@lru_cache(maxsize=1)
def _vocab() -> dict[str, list[str]]:
    return load("labels.toml")["headings"]


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    phrases = sorted({p for ps in _vocab().values() for p in ps}, key=len, reverse=True)
    alts = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases)
    numbers = "|".join(NUMBER_WORDS)
    return re.compile(rf"^(?P<kind>{alts})\b\s*(?P<num>\d{{1,2}}\b|(?-i:[A-H])\b|(?:{numbers})\b)?\s*"
                      rf"(?P<sep>[:.\u2013\u2014-])?\s*(?P<rest>.*)$", re.IGNORECASE)


def named(text: str, standout: bool = True) -> Named | None:
    """The weakness or priority a heading names by its label, if it does: a number after the label, or
    (in a heading that stands out) a colon or dash after it and words."""
    m = _pattern().match(clean(text))
    if not m:
        return None
    num, rest = m.group("num"), clean(m.group("rest"))
    if not num and not (standout and m.group("sep") and rest):
        return None
    kind_word = " ".join(m.group("kind").lower().split())
    kind = next(k for k, ps in _vocab().items() if kind_word in ps)
    number = None
    if num:
        number = int(num) if num.isdigit() else NUMBER_WORDS.get(num.lower()) or ord(num.upper()) - 64
    return Named(kind, number, rest or clean(text))


@lru_cache(maxsize=1)
def _none_pattern() -> re.Pattern[str]:
    phrases = sorted(load("labels.toml")["sections"]["cross_cutting"], key=len, reverse=True)
    alts = "|".join(re.escape(p).replace(r"\ ", r"[\s-]+") for p in phrases)
    return re.compile(rf"^(?:{alts})\b", re.IGNORECASE)


def cross_cutting(text: str) -> bool:
    """A section that says it answers no single weakness ("Enabling actions", "Cross-cutting: ...")."""
    return bool(_none_pattern().match(clean(text)))


def _score(a: str, b: str) -> float:
    return fuzz.token_set_ratio(a.lower(), b.lower()) / 100


def restated(text: str, weaknesses: list[Weakness]) -> str | None:
    """The weakness an unlabelled heading restates in its own words, if any."""
    if len(text.split()) < MIN_RESTATED_WORDS or not weaknesses:
        return None
    best = max(weaknesses, key=lambda w: _score(text, w.text))
    return best.id if _score(text, best.text) >= SAME_WORDING else None


def of_named(name: Named, weaknesses: list[Weakness]) -> str | None:
    """The weakness of the list a label names: by number among those of its kind, else by wording."""
    of_kind = [w for w in weaknesses if w.kind == name.kind] or weaknesses
    if name.number and name.number <= len(of_kind):
        return of_kind[name.number - 1].id
    if not weaknesses:
        return None
    best = max(weaknesses, key=lambda w: _score(name.text, w.text))
    return best.id if _score(name.text, best.text) >= MIN_WORDING else None


def _names(m: Marker, weaknesses: list[Weakness], match_statement) -> str | None:
    if m.statement:
        return match_statement(m.text)
    if m.named:
        return of_named(m.named, weaknesses)
    return None if cross_cutting(m.text) else restated(m.text, weaknesses)


def listed(markers: list[Marker]) -> tuple[list[Weakness], dict[int, str]]:
    """A plan without a list of its own: its labelled markers are the list, in order (one per number or
    wording), and the weakness each of them names."""
    out: list[Weakness] = []
    seen: dict[object, str] = {}
    names: dict[int, str] = {}
    numbered = any(m.named and m.named.number for m in markers)
    for m in markers:
        if m.named is None or (numbered and not m.named.number):  # "Theme: ..." under "Priority 2" is a sub-group
            continue
        key = m.named.number or m.named.text.lower()
        if key not in seen:
            seen[key] = weakness_id(len(out) + 1)
            out.append(Weakness(id=seen[key], text=m.named.text, kind=m.named.kind))  # type: ignore[arg-type]
        names[id(m)] = seen[key]
    return out, names


def fuller(markers: list[Marker], weaknesses: list[Weakness]) -> bool:
    """The numbered markers name more weaknesses than the plan's list holds, the list's own among them by
    wording (a heading read as the only statement, the banners numbering them all): theirs is the list."""
    made, _ = listed(markers)
    return bool(weaknesses) and len(made) > len(weaknesses) and all(
        max(_score(w.text, m.text) for m in made) >= SAME_WORDING for w in weaknesses)


def tie(events: list[Marker | Action], weaknesses: list[Weakness], match_statement=None) -> list[Weakness]:
    """Set each action's weakness_id from the markers above it (events in reading order); returns the
    weaknesses (the given list, or, when there is none, the one made from the markers).

    Only the levels where some marker names a weakness tie: a marker of such a level, or a
    cross-cutting one, sets the weakness of what follows (None when it names none).
    """
    if weaknesses:
        said = match_statement or (lambda text: restated(text, weaknesses))
        _walk(events, lambda m: _names(m, weaknesses, said))
        return weaknesses
    made, names = listed([e for e in events if isinstance(e, Marker)])
    _walk(events, lambda m: names[id(m)] if id(m) in names else _names(m, made, lambda t: restated(t, made)))
    return made


def _walk(events: list[Marker | Action], resolve: Callable[[Marker], str | None]) -> None:
    markers = [e for e in events if isinstance(e, Marker)]
    said = {id(m): resolve(m) for m in markers}
    levels = {m.level for m in markers if (m.named and m.named.number) or m.statement or said[id(m)]}
    current: str | None = None
    for e in events:
        if isinstance(e, Marker):
            if e.level in levels or cross_cutting(e.text):
                current = said[id(e)]
        else:
            e.weakness_id = current
