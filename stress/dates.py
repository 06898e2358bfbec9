"""Printed date forms and the dates SCHEMA.md says they mean (truth comes from here, not from a parser)."""
from __future__ import annotations

import calendar
import random
from dataclasses import dataclass, field
from datetime import date

MONTHS = list(calendar.month_name)[1:]
SHORT = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec"]
TERM_END = {"Autumn": (12, 31), "Spring": (3, 31), "Summer": (7, 31)}
DEADLINE_FORMS = ["full", "numeric", "month_year", "short_year", "term", "season", "quarter", "range", "phases"]
REVISION_FORMS = ["none", "arrow", "original_revised", "revised_to", "revised_from", "struck"]


@dataclass
class DateCell:
    """One printed date cell: its lines, the dates it means, and any start date a range gives."""
    raw: str
    dates: list[str] = field(default_factory=list)
    range_start: str | None = None
    struck: str | None = None  # a leading struck-through date (drawn struck by renderers)


def month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def month_name(m: int, rng: random.Random) -> str:
    return rng.choice([MONTHS[m - 1], SHORT[m - 1], MONTHS[m - 1][:3]])


def single(form: str, d: date, rng: random.Random, start: bool = False) -> tuple[str, date]:
    """`d` printed in `form`; the date it means as a start (first day) or a deadline (last day)."""
    if form == "full":
        return f"{d.day} {month_name(d.month, rng)} {d.year}", d
    if form == "numeric":
        return f"{d.day:02d}/{d.month:02d}/{d.year}", d
    first, last = date(d.year, d.month, 1), month_end(d.year, d.month)
    if form == "short_year":
        sep = rng.choice([" ", "-"])
        return f"{SHORT[d.month - 1] if sep == ' ' else MONTHS[d.month - 1][:3]}{sep}{d.year % 100:02d}", \
            first if start else last
    if not start and form in ("term", "season"):
        name = {12: "Autumn", 3: "Spring", 7: "Summer"}.get(d.month, "Summer")
        m, dd = TERM_END[name]
        return (f"{name} term {d.year}" if form == "term" else f"{name} {d.year}"), date(d.year, m, dd)
    if not start and form == "quarter":
        q = {6: 1, 9: 2, 12: 3, 3: 4}.get(d.month, 3)
        fy = d.year - 1 if q == 4 else d.year
        end = {1: date(fy, 6, 30), 2: date(fy, 9, 30), 3: date(fy, 12, 31), 4: date(fy + 1, 3, 31)}[q]
        return f"Q{q} {fy}/{(fy + 1) % 100:02d}", end
    return f"{month_name(d.month, rng)} {d.year}", first if start else last


def deadline_cell(form: str, revision: str, d: date, rng: random.Random) -> DateCell:
    """A deadline cell in `form`, optionally printed as a revision of an earlier date (listed first)."""
    if form == "range":
        s = date(d.year - 1 if d.month < 9 else d.year, 9, 1)
        a, _ = single("month_year", s, rng, start=True)
        b, end = single("month_year", d, rng)
        return DateCell(f"{a} {rng.choice(['–', '-', 'to'])} {b}", [end.isoformat()], range_start=s.isoformat())
    if form == "phases":
        early = month_end(d.year - 1 if d.month <= 4 else d.year, (d.month - 5) % 12 + 1)
        a, ea = single("month_year", early, rng)
        b, eb = single("month_year", d, rng)
        return DateCell(f"tender by {a}; service live {b}", [ea.isoformat(), eb.isoformat()])
    new_raw, new = single(form, d, rng)
    if revision == "none":
        return DateCell(new_raw, [new.isoformat()])
    old = month_end(new.year - (new.month <= 3), (new.month - 4) % 12 + 1)  # three months before what it means
    old_raw, old_d = single("month_year" if form in ("term", "season", "quarter") else form, old, rng)
    dates = [old_d.isoformat(), new.isoformat()]
    text = {"arrow": f"{old_raw} → {new_raw}", "original_revised": f"Original: {old_raw} / Revised: {new_raw}",
            "revised_to": f"{old_raw} revised to {new_raw}", "revised_from": f"{new_raw} (revised from {old_raw})",
            "struck": f"{old_raw} {new_raw}"}[revision]
    return DateCell(text, dates, struck=old_raw if revision == "struck" else None)


def start_cell(form: str, d: date, rng: random.Random) -> DateCell:
    raw, s = single(form if form in ("full", "numeric", "short_year") else "month_year", d, rng, start=True)
    return DateCell(raw, [s.isoformat()])


def undated(rng: random.Random) -> DateCell:
    """A deadline cell with no date: a duration, 'Ongoing', 'TBC' or a word that only looks like a month."""
    return DateCell(rng.choice([f"{rng.randint(4, 26)} weeks", "Ongoing", "TBC", "Complete", "Monthly", "31 Sept 2023",
                                f"Within {rng.randint(2, 9)} months"]))
