"""Dates as people write them in action plans, to ISO dates (rules of SCHEMA.md).

Regexes find every date expression in a cell, in printed order; each is resolved by rule:
day-month-year (UK day first), month and year ("Sept 18" and "Jan-19" are September 2018 and
January 2019), school terms and seasons, financial or calendar quarters, numeric dates with two-
or four-digit years, ranges (their end for a deadline, their start for a start date). A month is
a whole month word: "Mayor" and "Decrease" are not months. A date that does not exist gives no
value and a warning, never a guess. Text that none of the rules reads is handed to dateparser,
day first, with a fixed base and no relative parsing: a duration or a phrase such as "next
month" gives no date. `read_cell` reads one cell: its dates, in the order the revisions were made
when the cell states a revision (words in data/dates.toml, an arrow, a struck date).
"""
from __future__ import annotations

import calendar
import re
import tomllib
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from importlib.resources import files
from typing import Collection, Literal

Role = Literal["deadline", "start"]
Kind = Literal["deadline", "start", "milestone"]

_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_abbr) if m}
_MONTH_WORDS = sorted({m.lower() for m in calendar.month_name[1:]} | set(_MONTHS) | {"sept"}, key=len, reverse=True)
_MONTH_WORD = r"(?:" + "|".join(_MONTH_WORDS) + r")(?![a-z])\.?"  # a whole month word: not "Mayor", "Decrease"
_MON = r"(?P<mon{n}>" + _MONTH_WORD + ")"
_YEAR = r"(?P<year{n}>\d{{4}}|'?\d{{2}})(?!\d)"
_DAY = r"(?P<day{n}>[0-3]?\d)(?:st|nd|rd|th)?"

_TERM_END = {"autumn": (12, 31), "spring": (3, 31), "summer": (7, 31)}
_TERM_START = {"autumn": (9, 1), "spring": (1, 1), "summer": (4, 1)}
# A base that is never today: dateparser may fill nothing from it (REQUIRE_PARTS), and relative
# phrases are switched off, so no date ever depends on when the program runs.
RELATIVE_BASE = datetime(1900, 1, 1)


def is_month(word: str) -> bool:
    """A month's name or its abbreviation ("September", "Sept", "Dec"), any case."""
    return word.lower().rstrip(".") in _MONTH_WORDS


def _pattern() -> re.Pattern[str]:
    day_month_year = rf"{_DAY.format(n=1)}(?:\s*of)?[\s\-/]*{_MON.format(n=1)},?[\s\-/]*{_YEAR.format(n=1)}"
    month_day_year = rf"{_MON.format(n=2)}\s+{_DAY.format(n=2)},?\s+(?P<year2>\d{{4}})"
    iso = r"(?P<iy>\d{4})-(?P<im>\d{1,2})-(?P<id>\d{1,2})"
    numeric = r"(?<![\d.\-])(?P<nd>\d{1,2})(?P<sep>[./\-])(?P<nm>\d{1,2})(?P=sep)(?P<ny>\d{4}|\d{2})(?![\d.]*\d)"
    term = (r"(?P<term>autumn|spring|summer)(?:\s*term)?[\s,]*(?:(?P<ty1>\d{4})\s*[/\-–]\s*(?P<ty2>\d{2,4})"
            r"|(?P<ty>\d{4}|'?\d{2}))(?!\d)")
    fy = r"(?P<qy1{n}>\d{{4}}|\d{{2}})\s*[/\-–]\s*(?P<qy2{n}>\d{{2}}|\d{{4}})(?!\d)"
    quarter = (rf"(?:q|quarter\s*)(?P<q>[1-4])[\s,]*(?:of\s+)?(?:(?:fy|financial year)\s*)?"
               rf"(?:{fy.format(n='')}|(?P<qy>\d{{4}}))(?!\d)")
    year_quarter = rf"(?:fy\s*)?{fy.format(n='b')}\s*,?\s*(?:q|quarter\s*)(?P<qb>[1-4])\b"
    month_year = rf"{_MON.format(n=3)},?[\s\-/]*{_YEAR.format(n=3)}"
    alts = [day_month_year, month_day_year, iso, numeric, term, quarter, year_quarter, month_year]
    return re.compile(r"\b(?:" + "|".join(f"(?:{a})" for a in alts) + r")", re.IGNORECASE)


_DATE = _pattern()
_RANGE_JOIN = re.compile(r"^\s*(?:-|–|—|to|until|till|through)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class DateHit:
    """One date expression found in a text."""
    raw: str
    value: date | None
    start: int
    end: int
    warning: str | None = None
    range_start: date | None = None  # where the hit is a range ("Sept 2022 – July 2023"): its start


@dataclass
class CellDates:
    """What one cell says about dates (see `read_cell`)."""
    dates: list[date]
    revised: bool
    range_start: date | None
    warnings: list[str] = field(default_factory=list)


def _year(text: str) -> int:
    text = text.lstrip("'")
    y = int(text)
    return y + 2000 if y < 100 else y


def _month_bounds(year: int, month: int, role: Role) -> date:
    return date(year, month, 1) if role == "start" else date(year, month, calendar.monthrange(year, month)[1])


def _checked(year: int, month: int, day: int) -> tuple[date | None, str | None]:
    if not (1 <= month <= 12) or not (1 <= day <= calendar.monthrange(year, month)[1]):
        return None, "invalid-date"
    return date(year, month, day), None


def _quarter(q: int, fy_first: str | None, calendar_year: str | None, role: Role) -> date:
    """Quarter q of a financial year April-March ("2022/23") or of a calendar year ("2022")."""
    if fy_first:
        month = 3 * q + 3  # Q1 ends June ... Q3 ends December, Q4 ends March next year
        year = _year(fy_first) + (month > 12)
        month = month - 12 if month > 12 else month
    else:
        year, month = int(calendar_year or 0), 3 * q
    return date(year, month - 2, 1) if role == "start" else _month_bounds(year, month, role)


def _term(g: dict[str, str | None], role: Role) -> date:
    term = (g["term"] or "").lower()
    if g["ty"]:
        year = _year(g["ty"])
    else:  # academic year 2022/23: autumn in the first year, spring and summer in the second
        year = int(g["ty1"] or 0) + (term != "autumn")
    month, day = (_TERM_START if role == "start" else _TERM_END)[term]
    return date(year, month, day)


def _resolve(m: re.Match[str], role: Role) -> tuple[date | None, str | None]:
    g = m.groupdict()
    if g["mon1"]:
        return _checked(_year(g["year1"]), _MONTHS[g["mon1"].lower()[:3]], int(g["day1"]))
    if g["mon2"]:
        return _checked(int(g["year2"]), _MONTHS[g["mon2"].lower()[:3]], int(g["day2"]))
    if g["iy"]:
        return _checked(int(g["iy"]), int(g["im"]), int(g["id"]))
    if g["nd"]:
        return _checked(_year(g["ny"]), int(g["nm"]), int(g["nd"]))
    if g["term"]:
        return _term(g, role), None
    if g["q"]:
        return _quarter(int(g["q"]), g["qy1"], g["qy"], role), None
    if g["qb"]:
        return _quarter(int(g["qb"]), g["qy1b"], None, role), None
    if g["mon3"]:
        return _month_bounds(_year(g["year3"]), _MONTHS[g["mon3"].lower()[:3]], role), None
    return None, "unparsed-date"


@lru_cache(maxsize=1)
def _words() -> dict:
    return tomllib.loads(files("wsoa.data").joinpath("dates.toml").read_text("utf-8"))


def _phrases(words: list[str]) -> str:
    """Phrases as one alternation, longest first; a phrase may lose the spaces between its words ("revisedfrom")."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s*") for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _markers() -> dict[str, re.Pattern[str]]:
    """Regexes for the words printed before or after a date that say it was replaced, or replaced one."""
    rev = _words()["revision"]
    before = r"(?<![a-z])(?:{})\s*[:\-–=]?\s*$"
    after = r"^\s*[(\[]\s*(?:{})\s*[)\]]|^[\s\-–:,;.]*(?:{})[\s.]*$"
    return {
        "old_before": re.compile(before.format(_phrases(rev["old_before"])), re.IGNORECASE),
        "new_before": re.compile(before.format(_phrases(rev["new_before"])), re.IGNORECASE),
        "old_after": re.compile(after.format(*[_phrases(rev["old_after"])] * 2), re.IGNORECASE),
        "new_after": re.compile(after.format(*[_phrases(rev["new_after"])] * 2), re.IGNORECASE),
        "arrow": re.compile(r"^\s*(?:" + "|".join(map(re.escape, rev["arrows"])) + r")\s*$"),
    }


@lru_cache(maxsize=1)
def _relative() -> re.Pattern[str]:
    return re.compile(r"\b(?:" + _phrases(_words()["relative"]["words"]) + r")\b", re.IGNORECASE)


def is_relative(text: str) -> bool:
    """A phrase dated relative to something unknown ("within 3 months"): it gives no date."""
    return bool(_relative().search(text))


_DATEPARSER_WORTH = re.compile(rf"\b{_MONTH_WORD}|\d{{1,2}}\s*[/.\-]\s*\d{{1,2}}\s*[/.\-]\s*\d{{2,4}}", re.IGNORECASE)


@lru_cache(maxsize=4096)
def _dateparser(text: str) -> date | None:
    """dateparser's reading of a short text the rules did not read; never relative to today."""
    if _relative().search(text) or not _DATEPARSER_WORTH.search(text):
        return None
    import dateparser  # imported lazily: it is slow to import and rarely needed

    parsed = dateparser.parse(
        text, languages=["en"],
        settings={"DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "last", "REQUIRE_PARTS": ["month", "year"],
                  "RELATIVE_BASE": RELATIVE_BASE, "PARSERS": ["absolute-time"]},
    )
    if parsed is None or not re.search(rf"(?<!\d)(?:{parsed.year}|'?{parsed.year % 100:02d})(?!\d)", text):
        return None  # a year it did not read from the text
    return parsed.date()


def _replaced(text: str, hits: list[DateHit]) -> bool:
    """True when the last hit is introduced as a date replaced ("extended from Dec 2022 to ..."): no range."""
    before = text[hits[-2].end if len(hits) > 1 else 0:hits[-1].start]
    return bool(_markers()["old_before"].search(before))


def find_dates(text: str | None, role: Role = "deadline") -> list[DateHit]:
    """Every date expression in `text`, in printed order; a range counts once (its end, or its start for role=start)."""
    if not text:
        return []
    hits: list[DateHit] = []
    for m in _DATE.finditer(text):
        value, warning = _resolve(m, role)
        hit = DateHit(m.group(0), value, m.start(), m.end(), warning)
        if hits and _RANGE_JOIN.match(text[hits[-1].end:m.start()]) and not _replaced(text, hits):
            prev = hits.pop()
            first_match = _DATE.match(prev.raw)
            first = _resolve(first_match, "start")[0] if first_match else prev.value
            raw = text[prev.start:m.end()]
            if role == "start":
                hit = DateHit(raw, first, prev.start, m.end(), prev.warning, first)
            else:
                hit = DateHit(raw, value, prev.start, m.end(), warning, first)
        hits.append(hit)
    if not hits and len(text) <= 40 and re.search(r"\d", text):
        value = _dateparser(text.strip())
        if value:
            hits.append(DateHit(text.strip(), value, 0, len(text)))
    return hits


def parse_dates(text: str | None, role: Role = "deadline") -> tuple[list[date], list[str]]:
    """The valid dates in `text` (printed order) and a warning message per date that does not exist."""
    hits = find_dates(text, role)
    dates = [h.value for h in hits if h.value]
    warnings = [f"date does not exist: {h.raw!r}" for h in hits if h.warning == "invalid-date"]
    return dates, warnings


def last_date(text: str | None, role: Role = "deadline") -> date | None:
    """The last valid date in `text` (a milestone's date), or None."""
    dates, _ = parse_dates(text, role)
    return dates[-1] if dates else None


def _order(text: str, hits: list[DateHit], struck: Collection[str]) -> list[int | None]:
    """Per hit: 0 an earlier date replaced, 2 a date that replaced one, None no sign of a revision."""
    mk = _markers()
    struck_words = {w.lower().strip(".,;:'") for w in struck}
    ranks: list[int | None] = []
    for i, h in enumerate(hits):
        before = text[hits[i - 1].end if i else 0:h.start]
        after = text[h.end:hits[i + 1].start if i + 1 < len(hits) else len(text)]
        words = [w.lower() for w in re.findall(r"[A-Za-z]+|\d+", h.raw)]
        if struck_words and words and all(w in struck_words for w in words):
            ranks.append(0)
        elif mk["old_before"].search(before):
            ranks.append(0)
        elif mk["new_before"].search(before) or (i and mk["arrow"].match(before)):
            ranks.append(2)
        elif mk["old_after"].search(after) or (i + 1 < len(hits) and mk["arrow"].match(after)):
            ranks.append(0)
        elif mk["new_after"].search(after):
            ranks.append(2)
        else:
            ranks.append(None)
    return ranks


def read_cell(text: str | None, kind: Kind = "deadline", struck: Collection[str] = ()) -> CellDates:
    """One cell's dates by the rules of SCHEMA.md.

    `kind` is the column's role: a month alone is its first day for "start", its last day for
    "deadline" and "milestone". `struck` are the words printed struck through. When the cell
    states a revision (struck, arrowed, or labelled by data/dates.toml) `revised` is True and the
    dates are in the order made, the one that stands last; otherwise (phases) in printed order.
    `range_start` is the start of the first range, for an action that has no start of its own.
    """
    hits = find_dates(text, "start" if kind == "start" else "deadline")
    warnings = [f"date does not exist: {h.raw!r}" for h in hits if h.warning == "invalid-date"]
    if not text or not hits:
        return CellDates([], False, None, warnings)
    ranks = _order(text, hits, struck)
    revised = any(r is not None for r in ranks)
    ordered = sorted(zip(ranks, hits), key=lambda rh: 1 if rh[0] is None else rh[0]) if revised else zip(ranks, hits)
    dates = [h.value for _, h in ordered if h.value]
    range_start = next((h.range_start for h in hits if h.range_start), None)
    return CellDates(dates, revised, range_start, warnings)
