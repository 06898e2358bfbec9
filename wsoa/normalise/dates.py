"""Dates as people write them in action plans, to ISO dates (rules of SCHEMA.md).

Regexes find every date expression in a cell, in printed order; each is resolved by rule:
day-month-year (UK day first), month and year, school terms, financial or calendar quarters,
numeric dates with two- or four-digit years, ranges (their end for a deadline, their start for a
start date). A date that does not exist gives no value and a warning, never a guess. Text that
none of the rules reads but that dateparser can (a short cell such as "31st of January, '23")
is handed to dateparser, day first.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Literal

Role = Literal["deadline", "start"]

_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_abbr) if m}
_MON = r"(?P<mon{n}>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_YEAR = r"(?P<year{n}>\d{{4}}|'?\d{{2}}(?!\d))"
_DAY = r"(?P<day{n}>[0-3]?\d)(?:st|nd|rd|th)?"

_TERM_END = {"autumn": (12, 31), "spring": (3, 31), "summer": (7, 31)}
_TERM_START = {"autumn": (9, 1), "spring": (1, 1), "summer": (4, 1)}


def _pattern() -> re.Pattern[str]:
    day_month_year = rf"{_DAY.format(n=1)}(?:\s*of)?[\s\-/]*{_MON.format(n=1)},?[\s\-/]*{_YEAR.format(n=1)}"
    month_day_year = rf"{_MON.format(n=2)}\s+{_DAY.format(n=2)},?\s+(?P<year2>\d{{4}})"
    iso = r"(?P<iy>\d{4})-(?P<im>\d{1,2})-(?P<id>\d{1,2})"
    numeric = r"(?<![\d.])(?P<nd>\d{1,2})[./](?P<nm>\d{1,2})[./](?P<ny>\d{4}|\d{2})(?![\d.]*\d)"
    term = (r"(?P<term>autumn|spring|summer)(?:\s+term)?[\s,]*(?:(?P<ty1>\d{4})\s*[/\-–]\s*(?P<ty2>\d{2,4})"
            r"|(?P<ty>\d{4}))")
    quarter = (r"(?:q|quarter\s*)(?P<q>[1-4])[\s,]*(?:(?:fy|financial year)\s*)?"
               r"(?:(?P<qy1>\d{4}|\d{2})\s*[/\-–]\s*(?P<qy2>\d{2,4})|(?P<qy>\d{4}))")
    month_year = rf"{_MON.format(n=3)},?[\s\-/]*{_YEAR.format(n=3)}"
    alts = [day_month_year, month_day_year, iso, numeric, term, quarter, month_year]
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


def _year(text: str) -> int:
    text = text.lstrip("'")
    y = int(text)
    return y + 2000 if y < 100 else y


def _month_bounds(year: int, month: int, role: Role) -> date:
    return date(year, month, 1) if role == "start" else date(year, month, calendar.monthrange(year, month)[1])


def _checked(year: int, month: int, day: int) -> date | None:
    if not (1 <= month <= 12) or not (1 <= day <= calendar.monthrange(year, month)[1]):
        return None
    return date(year, month, day)


def _resolve(m: re.Match[str], role: Role) -> tuple[date | None, str | None]:
    g = m.groupdict()
    if g["mon1"]:
        d = _checked(_year(g["year1"]), _MONTHS[g["mon1"].lower()[:3]], int(g["day1"]))
        return d, None if d else "invalid-date"
    if g["mon2"]:
        d = _checked(int(g["year2"]), _MONTHS[g["mon2"].lower()[:3]], int(g["day2"]))
        return d, None if d else "invalid-date"
    if g["iy"]:
        d = _checked(int(g["iy"]), int(g["im"]), int(g["id"]))
        return d, None if d else "invalid-date"
    if g["nd"]:
        d = _checked(_year(g["ny"]), int(g["nm"]), int(g["nd"]))
        return d, None if d else "invalid-date"
    if g["term"]:
        term = g["term"].lower()
        if g["ty"]:
            year = int(g["ty"])
        else:  # academic year 2022/23: autumn in the first year, spring and summer in the second
            year = int(g["ty1"]) if term == "autumn" else int(g["ty1"]) + 1
        month, day = (_TERM_START if role == "start" else _TERM_END)[term]
        return date(year, month, day), None
    if g["q"]:
        q = int(g["q"])
        if g["qy1"]:  # financial year April-March
            first = _year(g["qy1"])
            month = 3 * q + 3  # Q1 ends June ... Q3 ends December, Q4 ends March next year
            year = first if month <= 12 else first + 1
            month = month if month <= 12 else month - 12
        else:
            year, month = int(g["qy"]), 3 * q
        if role == "start":
            start_month = month - 2
            return date(year, start_month, 1), None
        return _month_bounds(year, month, role), None
    if g["mon3"]:
        return _month_bounds(_year(g["year3"]), _MONTHS[g["mon3"].lower()[:3]], role), None
    return None, "unparsed-date"


@lru_cache(maxsize=4096)
def _dateparser(text: str) -> date | None:
    import dateparser  # imported lazily: it is slow to import and rarely needed

    parsed = dateparser.parse(
        text, languages=["en"],
        settings={"DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "last", "REQUIRE_PARTS": ["month", "year"]},
    )
    return parsed.date() if parsed else None


def find_dates(text: str | None, role: Role = "deadline") -> list[DateHit]:
    """Every date expression in `text`, in printed order; a range counts once (its end, or its start for role=start)."""
    if not text:
        return []
    hits: list[DateHit] = []
    for m in _DATE.finditer(text):
        value, warning = _resolve(m, role)
        hit = DateHit(m.group(0), value, m.start(), m.end(), warning)
        if hits and _RANGE_JOIN.match(text[hits[-1].end:m.start()]):
            prev = hits.pop()
            raw = text[prev.start:m.end()]
            if role == "start":
                first = _resolve(_DATE.match(prev.raw), "start")[0] if _DATE.match(prev.raw) else prev.value
                hit = DateHit(raw, first, prev.start, m.end(), prev.warning)
            else:
                hit = DateHit(raw, value, prev.start, m.end(), warning)
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
